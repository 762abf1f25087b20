#include "ratelimit/InProcessRateLimiter.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <algorithm>

namespace ileadx {

namespace {

using std::chrono::microseconds;

constexpr std::int64_t kUnitsPerToken = 60'000'000;
constexpr std::int64_t kMicrosPerSecond = 1'000'000;
/// Forced evictions are reported at most this often, so a flood does not flood the log as well.
constexpr std::int64_t kReportIntervalMicros = 60 * kMicrosPerSecond;

std::int64_t divideRoundingUp(std::int64_t dividend, std::int64_t divisor)
{
    return (dividend + divisor - 1) / divisor;
}

int secondsRoundingUp(std::int64_t micros)
{
    return static_cast<int>(divideRoundingUp(micros, kMicrosPerSecond));
}

Poco::Logger& rateLimitLog()
{
    return Poco::Logger::get("ileadx.ratelimit");
}

} // namespace

void InProcessRateLimiter::Bucket::refill(TimePoint now)
{
    const std::int64_t capacity = rule.burst * kUnitsPerToken;
    // A super admin may have lowered the burst since the bucket last filled.
    level = std::min(level, capacity);
    const std::int64_t elapsed = std::chrono::duration_cast<microseconds>(now - updatedAt).count();
    if (elapsed <= 0) {
        return;
    }

    // A rule of perMinute tokens a minute refills perMinute units a microsecond. Checking against
    // the time to fill first keeps a long idle time from overflowing the product.
    const std::int64_t microsToFill = divideRoundingUp(capacity - level, rule.perMinute);
    if (elapsed >= microsToFill) {
        level = capacity;
        updatedAt = now;
        return;
    }
    level += elapsed * rule.perMinute;
    updatedAt += microseconds(elapsed);
}

RateLimitDecision InProcessRateLimiter::Bucket::take(TimePoint now)
{
    refill(now);

    RateLimitDecision decision;
    decision.limit = rule.burst;
    decision.allowed = level >= kUnitsPerToken;
    if (decision.allowed) {
        level -= kUnitsPerToken;
    } else {
        decision.retryAfterSeconds =
            std::max(1, secondsRoundingUp(divideRoundingUp(kUnitsPerToken - level, rule.perMinute)));
    }
    decision.remaining = static_cast<int>(level / kUnitsPerToken);
    const std::int64_t missing = rule.burst * kUnitsPerToken - level;
    decision.resetSeconds = secondsRoundingUp(divideRoundingUp(missing, rule.perMinute));
    return decision;
}

bool InProcessRateLimiter::Bucket::isDisposable(TimePoint now) const
{
    Bucket copy = *this;
    copy.refill(now);
    return copy.level >= rule.burst * kUnitsPerToken;
}

InProcessRateLimiter::InProcessRateLimiter(std::map<std::string, RateLimitRule, std::less<>> rules,
                                           std::size_t maxBuckets, MonotonicClock clock)
    : m_rules(std::move(rules))
    , m_clock(std::move(clock))
    , m_buckets(maxBuckets)
{
    for (const auto& [routeClass, rule] : m_rules) {
        if (rule.perMinute < 1 || rule.burst < 1) {
            throw Poco::InvalidArgumentException("rate limit of route class " + routeClass +
                                                 " needs a rate and a burst of at least 1");
        }
    }
}

RateLimitDecision InProcessRateLimiter::consume(std::string_view routeClass, std::string_view key)
{
    const auto found = m_rules.find(routeClass);
    if (found == m_rules.end()) {
        throw Poco::InvalidArgumentException("no rate limit configured for route class", std::string(routeClass));
    }
    RateLimitRule rule;
    {
        const std::shared_lock lock(m_rulesMutex);
        rule = found->second;
    }
    const TimePoint now = m_clock();

    // The unit separator cannot occur in a route class name, so no two pairs share a bucket.
    std::string bucketKey;
    bucketKey.reserve(routeClass.size() + 1 + key.size());
    bucketKey.append(routeClass).append(1, '\x1f').append(key);

    const std::uint64_t evictionsBefore = m_buckets.forcedEvictions();
    const RateLimitDecision decision = m_buckets.withEntry(
        bucketKey, now, [&] { return Bucket{rule, rule.burst * kUnitsPerToken, now}; },
        [&](Bucket& bucket) {
            bucket.rule = rule;
            return bucket.take(now);
        });

    const std::uint64_t evictionsAfter = m_buckets.forcedEvictions();
    if (evictionsAfter != evictionsBefore) {
        reportForcedEvictions(evictionsAfter);
    }
    return decision;
}

void InProcessRateLimiter::setRule(std::string_view routeClass, RateLimitRule rule)
{
    if (rule.perMinute < 1 || rule.burst < 1) {
        throw Poco::InvalidArgumentException("a rate limit needs a rate and a burst of at least 1");
    }
    const std::unique_lock lock(m_rulesMutex);
    const auto found = m_rules.find(routeClass);
    if (found == m_rules.end()) {
        throw Poco::InvalidArgumentException("no rate limit configured for route class", std::string(routeClass));
    }
    found->second = rule;
}

RateLimitRule InProcessRateLimiter::rule(std::string_view routeClass) const
{
    const std::shared_lock lock(m_rulesMutex);
    const auto found = m_rules.find(routeClass);
    if (found == m_rules.end()) {
        throw Poco::InvalidArgumentException("no rate limit configured for route class", std::string(routeClass));
    }
    return found->second;
}

void InProcessRateLimiter::reportForcedEvictions(std::uint64_t total)
{
    const std::int64_t nowMicros =
        std::chrono::duration_cast<microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    std::int64_t lastReport = m_lastReportMicros.load();
    const bool due = lastReport == 0 || nowMicros - lastReport >= kReportIntervalMicros;
    if (!due || !m_lastReportMicros.compare_exchange_strong(lastReport, nowMicros)) {
        return;
    }
    const std::uint64_t sinceLastReport = total - m_reportedEvictions.exchange(total);
    rateLimitLog().warning("rate limiter at its maximum of %z buckets: %Lu partly used buckets dropped since the "
                           "last report, so their limits restarted; raise ratelimit.maxBuckets unless this is a flood",
                           m_buckets.capacity(), static_cast<unsigned long long>(sinceLastReport));
}

} // namespace ileadx
