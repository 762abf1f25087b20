#pragma once

#include "ratelimit/BoundedKeyedStore.h"
#include "ratelimit/RateLimiter.h"

#include <optional>
#include <string>

namespace ileadx {

/// Slows down sign-ins for an email address after repeated failures, without locking the account.
///
/// The first `freeFailures` attempts for an address go ahead at once. After that many failures the
/// next attempt must wait `firstDelay`, and each further failure doubles the wait up to `maxDelay`.
/// Attempts rejected for arriving too early change nothing, so the owner can try again after at
/// most `maxDelay` and a correct password then succeeds. An attacker who sends an attempt the
/// moment each wait ends can still take that slot first. The per-address rate limit of the auth
/// routes bounds how often one client can do so. A success clears the address, and an address
/// with no failure for `window` starts from zero. Addresses are kept only as a keyed BLAKE2b hash
/// under a random key made at start-up, so neither memory nor logs hold the address itself.
class SignInThrottle final
{
public:
    struct Settings
    {
        int freeFailures = 5;
        std::chrono::seconds window{15 * 60};
        std::chrono::seconds firstDelay{1};
        std::chrono::seconds maxDelay{60};
        /// Failure records kept at most; past it the least recently used one is forgotten.
        std::size_t maxRecords = 100000;
    };

    explicit SignInThrottle(Settings settings, MonotonicClock clock = std::chrono::steady_clock::now);

    /// Decides whether a sign-in for `email` may go ahead now. Returns nothing when it may, and
    /// counts the attempt as a failure until recordSuccess() clears the address. Counting before
    /// the password check keeps parallel attempts from all passing before any of them failed.
    /// Returns the seconds to wait, rounded up, when the attempt must be rejected.
    std::optional<int> admitAttempt(std::string_view email);

    /// Forgets the failures of `email` after a successful sign-in.
    void recordSuccess(std::string_view email);

    /// Returns the number of addresses with failure records held now.
    std::size_t recordCount() const { return m_records.size(); }

private:
    using TimePoint = std::chrono::steady_clock::time_point;

    struct FailureRecord
    {
        int failures = 0;
        TimePoint nextAttemptAt;
        TimePoint expiresAt;

        bool isDisposable(TimePoint now) const { return now >= expiresAt; }
    };

    std::string keyFor(std::string_view email) const;
    std::chrono::milliseconds delayAfter(int failures) const;

    Settings m_settings;
    MonotonicClock m_clock;
    std::string m_hashKey;
    BoundedKeyedStore<FailureRecord> m_records;
};

} // namespace ileadx
