#include "ratelimit/SignInThrottle.h"

#include "common/Random.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <sodium.h>

#include <algorithm>

namespace ileadx {

namespace {

/// 128 bits keep collisions between addresses out of reach while halving the memory of a full hash.
constexpr std::size_t kKeyHashBytes = 16;
/// Enough of the keyed hash to tell addresses apart in a log.
constexpr std::size_t kLoggedHashBytes = 6;

Poco::Logger& throttleLog()
{
    return Poco::Logger::get("ileadx.ratelimit");
}

int secondsRoundingUp(std::chrono::steady_clock::duration wait)
{
    const auto millis = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
    return static_cast<int>(std::max<std::int64_t>(1, (millis + 999) / 1000));
}

} // namespace

SignInThrottle::SignInThrottle(Settings settings, MonotonicClock clock)
    : m_settings(settings)
    , m_clock(std::move(clock))
    , m_hashKey(randomBytes(crypto_generichash_KEYBYTES))
    , m_records(settings.maxRecords)
{
    if (m_settings.freeFailures < 1 || m_settings.firstDelay.count() < 1 || m_settings.maxDelay < m_settings.firstDelay ||
        m_settings.window.count() < 1) {
        throw Poco::InvalidArgumentException(
            "sign-in throttle needs at least one free failure, a first delay of at least 1 second, a maximum delay "
            "not below the first delay and a window of at least 1 second");
    }
}

std::string SignInThrottle::keyFor(std::string_view email) const
{
    std::string digest(kKeyHashBytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                       reinterpret_cast<const unsigned char*>(email.data()), email.size(),
                       reinterpret_cast<const unsigned char*>(m_hashKey.data()), m_hashKey.size());
    return digest;
}

std::chrono::milliseconds SignInThrottle::delayAfter(int failures) const
{
    // Doubling stops at the cap, so the duration never overflows.
    std::chrono::milliseconds delay = m_settings.firstDelay;
    for (int step = m_settings.freeFailures; step < failures && delay < m_settings.maxDelay; ++step) {
        delay *= 2;
    }
    return std::min<std::chrono::milliseconds>(delay, m_settings.maxDelay);
}

std::optional<int> SignInThrottle::admitAttempt(std::string_view email)
{
    const std::string key = keyFor(email);
    const TimePoint now = m_clock();

    int failures = 0;
    const std::optional<int> wait = m_records.withEntry(
        key, now, [] { return FailureRecord{}; },
        [&](FailureRecord& record) -> std::optional<int> {
            if (record.failures > 0 && record.isDisposable(now)) {
                record = FailureRecord{};
            }
            if (now < record.nextAttemptAt) {
                return secondsRoundingUp(record.nextAttemptAt - now);
            }

            failures = ++record.failures;
            if (record.failures >= m_settings.freeFailures) {
                record.nextAttemptAt = now + delayAfter(record.failures);
            }
            // A record outlives its pending delay, so waiting out the window never skips a delay.
            record.expiresAt = std::max(now + m_settings.window, record.nextAttemptAt);
            return std::nullopt;
        });

    if (failures == m_settings.freeFailures) {
        throttleLog().notice("sign-in attempts for address key %s reached %d without a success; further attempts "
                             "are delayed",
                             toHex(key.substr(0, kLoggedHashBytes)), failures);
    }
    return wait;
}

void SignInThrottle::recordSuccess(std::string_view email)
{
    m_records.erase(keyFor(email));
}

} // namespace ileadx
