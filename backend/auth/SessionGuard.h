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

    /// Returns the scope of `sessionId` when it exists, belongs to `userId`, is not revoked and has
    /// not expired, and nothing otherwise.
    std::optional<std::string> activeScope(const std::string& sessionId, const std::string& userId, EpochMillis at);

    /// Drops a session from the cache; call it after revoking the session or changing its scope.
    void forget(const std::string& sessionId);

private:
    struct Entry
    {
        std::string userId;
        std::string scope;
        EpochMillis expiresAt = 0;
        EpochMillis checkedAt = 0;
        EpochMillis lastSeenAt = 0;
    };

    /// Returns the cached verdict (an empty scope for an inactive session), or nothing when the cache
    /// has no fresh entry for the session.
    std::optional<std::string> cachedAnswer(const std::string& sessionId, const std::string& userId, EpochMillis at);
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
