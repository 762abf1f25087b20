#pragma once

#include <chrono>
#include <functional>
#include <string_view>

namespace ileadx {

/// Source of monotonic time for the limiters; tests replace it to move time without sleeping.
using MonotonicClock = std::function<std::chrono::steady_clock::time_point()>;

/// A token-bucket limit: the bucket has room for `burst` tokens, refills at `perMinute` tokens a minute
/// and every request takes one token.
struct RateLimitRule
{
    int perMinute = 0;
    int burst = 0;
};

/// The outcome of one request against one bucket, with the values of the RateLimit-* headers.
struct RateLimitDecision
{
    bool allowed = true;
    int limit = 0;             ///< bucket size, so the most requests allowed in a burst
    int remaining = 0;         ///< whole tokens left after this request
    int resetSeconds = 0;      ///< until the bucket is full again, rounded up
    int retryAfterSeconds = 0; ///< until the next token, rounded up; 0 when the request is allowed
};

/// Counts requests per (route class, key), where the key names a client address or an account.
/// The interface lets a store shared by several server instances, such as Redis, replace the
/// in-process implementation.
class RateLimiter
{
public:
    virtual ~RateLimiter() = default;

    /// Takes one token from the bucket of `key` in `routeClass`. The check and the update are one
    /// atomic step, so concurrent requests never take more tokens than the bucket holds. Throws
    /// Poco::InvalidArgumentException for a route class without a configured rule.
    virtual RateLimitDecision consume(std::string_view routeClass, std::string_view key) = 0;

    /// Replaces the rule of a configured route class for every later request; buckets keep their
    /// level, cut to a lower burst. Throws Poco::InvalidArgumentException for an unknown class or a
    /// rate or burst below 1.
    virtual void setRule(std::string_view routeClass, RateLimitRule rule) = 0;

    /// Returns the rule of a configured route class; throws like setRule().
    virtual RateLimitRule rule(std::string_view routeClass) const = 0;
};

} // namespace ileadx
