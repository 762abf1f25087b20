#pragma once

#include "common/Clock.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ileadx {

class Database;
class SessionRepository;

/// Checks that a session is still active for every authenticated request, with a small cache so
/// that a burst of requests costs one database read. Revocations made through this process call
/// forget(), so they take effect on the very next request. It also records the session's last use,
/// at most once per minute per session rather than on every request.
class SessionGuard final
{
public:
    SessionGuard(Database& database, std::chrono::milliseconds cacheLifetime);

    /// Returns whether `sessionId` exists, belongs to `userId`, is not revoked and has not expired.
    bool isActive(const std::string& sessionId, const std::string& userId, EpochMillis at);

    /// Drops a session from the cache; call it after revoking the session.
    void forget(const std::string& sessionId);

private:
    struct Entry
    {
        std::string userId;
        EpochMillis expiresAt = 0;
        EpochMillis checkedAt = 0;
        EpochMillis lastSeenAt = 0;
    };

    /// Returns the cached verdict, or nothing when the cache has no fresh entry for the session.
    std::optional<bool> cachedAnswer(const std::string& sessionId, const std::string& userId, EpochMillis at);
    void recordUse(const std::string& sessionId, EpochMillis at);

    static constexpr EpochMillis kLastSeenIntervalMs = 60000;

    // Past this many entries the cache is cleared rather than grown, which bounds its memory.
    static constexpr std::size_t kMaxEntries = 100000;

    Database& m_database;
    std::chrono::milliseconds m_cacheLifetime;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_active;
};

} // namespace ileadx
