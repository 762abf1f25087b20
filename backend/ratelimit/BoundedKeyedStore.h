#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace ileadx {

/// A map from string keys to `Value`s with a fixed maximum number of entries, for per-client state
/// that a flood of distinct keys must not grow without bound.
///
/// The keys are spread over shards that each have a mutex, so requests for different keys rarely
/// wait for each other, and each shard keeps its entries in least-recently-used order. Before a new
/// key is added, a few entries at the least recently used end are dropped when
/// `Value::isDisposable(now)` returns true. Such an entry gives the same results as a fresh one
/// (a full token bucket, an expired failure record), so dropping it changes nothing. When the
/// shard is still full, its least recently used entry is dropped even though it is not disposable.
/// That forgets some state of the key idle the longest, which the caller accepts in exchange for
/// the memory bound; forcedEvictions() counts these.
template <typename Value>
class BoundedKeyedStore final
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// Keeps at most `maxEntries` entries, at least one per shard.
    explicit BoundedKeyedStore(std::size_t maxEntries)
    {
        const std::size_t shardCount = std::clamp<std::size_t>(maxEntries, 1, kMaxShards);
        m_entriesPerShard = std::max<std::size_t>(1, maxEntries / shardCount);
        m_shards = std::make_unique<Shard[]>(shardCount);
        m_shardCount = shardCount;
    }

    BoundedKeyedStore(const BoundedKeyedStore&) = delete;
    BoundedKeyedStore& operator=(const BoundedKeyedStore&) = delete;

    /// Runs `action(Value&)` on the entry of `key` under its shard's lock and returns its result.
    /// An absent key gets a `Value` from `create()` first, which may drop other entries.
    template <typename Create, typename Action>
    auto withEntry(std::string_view key, TimePoint now, Create&& create, Action&& action)
    {
        Shard& shard = shardFor(key);
        const std::lock_guard<std::mutex> lock(shard.mutex);

        const auto found = shard.index.find(key);
        if (found != shard.index.end()) {
            shard.recency.splice(shard.recency.begin(), shard.recency, found->second);
            return action(found->second->second);
        }

        makeRoom(shard, now);
        shard.recency.emplace_front(std::string(key), create());
        shard.index.emplace(std::string_view(shard.recency.front().first), shard.recency.begin());
        m_size.fetch_add(1, std::memory_order_relaxed);
        return action(shard.recency.front().second);
    }

    /// Removes the entry of `key`, if there is one.
    void erase(std::string_view key)
    {
        Shard& shard = shardFor(key);
        const std::lock_guard<std::mutex> lock(shard.mutex);
        const auto found = shard.index.find(key);
        if (found == shard.index.end()) {
            return;
        }
        const auto position = found->second;
        shard.index.erase(found);
        shard.recency.erase(position);
        m_size.fetch_sub(1, std::memory_order_relaxed);
    }

    /// Returns the number of entries held now.
    std::size_t size() const { return m_size.load(std::memory_order_relaxed); }

    /// Returns the largest number of entries the store holds.
    std::size_t capacity() const { return m_entriesPerShard * m_shardCount; }

    /// Returns how many entries that were not disposable had to be dropped to make room.
    std::uint64_t forcedEvictions() const { return m_forcedEvictions.load(std::memory_order_relaxed); }

private:
    static constexpr std::size_t kMaxShards = 16;
    /// How many disposable entries one insertion drops at most, so an insertion stays cheap.
    static constexpr int kMaxDisposableDrops = 4;

    using Entry = std::pair<std::string, Value>;
    using Recency = std::list<Entry>;

    struct Shard
    {
        std::mutex mutex;
        Recency recency; ///< most recently used first
        /// Views into the keys stored in `recency`, whose nodes never move.
        std::unordered_map<std::string_view, typename Recency::iterator> index;
    };

    Shard& shardFor(std::string_view key) { return m_shards[std::hash<std::string_view>{}(key) % m_shardCount]; }

    void dropLeastRecent(Shard& shard)
    {
        shard.index.erase(std::string_view(shard.recency.back().first));
        shard.recency.pop_back();
        m_size.fetch_sub(1, std::memory_order_relaxed);
    }

    void makeRoom(Shard& shard, TimePoint now)
    {
        for (int dropped = 0; dropped < kMaxDisposableDrops && !shard.recency.empty(); ++dropped) {
            if (!shard.recency.back().second.isDisposable(now)) {
                break;
            }
            dropLeastRecent(shard);
        }
        if (shard.recency.size() >= m_entriesPerShard) {
            dropLeastRecent(shard);
            m_forcedEvictions.fetch_add(1, std::memory_order_relaxed);
        }
    }

    std::unique_ptr<Shard[]> m_shards;
    std::size_t m_shardCount = 1;
    std::size_t m_entriesPerShard = 1;
    std::atomic<std::size_t> m_size{0};
    std::atomic<std::uint64_t> m_forcedEvictions{0};
};

} // namespace ileadx
