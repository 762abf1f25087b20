#pragma once

#include "ratelimit/BoundedKeyedStore.h"
#include "ratelimit/RateLimiter.h"

#include <atomic>
#include <map>
#include <shared_mutex>
#include <string>

namespace ileadx {

/// RateLimiter with token buckets held in this process, for a single server instance.
///
/// A bucket is created full on its key's first request and takes part in the memory bound of
/// BoundedKeyedStore: a bucket that has refilled to its full size is disposable, because a full
/// bucket and a missing one allow exactly the same requests. Under a flood of distinct keys the
/// store still drops its least recently used bucket once it is full. The key of that bucket then
/// starts again with a full bucket, so it gains at most one extra burst of requests, and a warning
/// in the log reports when this happens.
///
/// Bucket levels are whole numbers of token units (one token is 60,000,000 units, so a rule's
/// per-minute rate is also its refill in units per microsecond), which keeps the counting and the
/// rounding of the header values exact.
class InProcessRateLimiter final : public RateLimiter
{
public:
    /// `rules` maps each route class to its limit; `maxBuckets` caps the buckets of all classes
    /// together.
    InProcessRateLimiter(std::map<std::string, RateLimitRule, std::less<>> rules, std::size_t maxBuckets,
                         MonotonicClock clock = std::chrono::steady_clock::now);

    RateLimitDecision consume(std::string_view routeClass, std::string_view key) override;
    void setRule(std::string_view routeClass, RateLimitRule rule) override;
    RateLimitRule rule(std::string_view routeClass) const override;

    /// Returns the number of buckets held now.
    std::size_t bucketCount() const { return m_buckets.size(); }

    /// Returns the largest number of buckets held at once.
    std::size_t bucketCapacity() const { return m_buckets.capacity(); }

    /// Returns how many partly used buckets were dropped to stay within the capacity.
    std::uint64_t forcedEvictions() const { return m_buckets.forcedEvictions(); }

private:
    using TimePoint = std::chrono::steady_clock::time_point;

    struct Bucket
    {
        RateLimitRule rule; ///< the class's rule as of the bucket's last request
        std::int64_t level = 0; ///< token units
        TimePoint updatedAt;

        /// Adds the units refilled since `updatedAt`, up to the bucket size.
        void refill(TimePoint now);
        RateLimitDecision take(TimePoint now);
        bool isDisposable(TimePoint now) const;
    };

    void reportForcedEvictions(std::uint64_t total);

    mutable std::shared_mutex m_rulesMutex;
    std::map<std::string, RateLimitRule, std::less<>> m_rules;
    MonotonicClock m_clock;
    BoundedKeyedStore<Bucket> m_buckets;
    std::atomic<std::uint64_t> m_reportedEvictions{0};
    std::atomic<std::int64_t> m_lastReportMicros{0};
};

} // namespace ileadx
