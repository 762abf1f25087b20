#include "auth/SessionGuard.h"

#include "storage/Database.h"
#include "storage/SessionRepository.h"

namespace ileadx {

SessionGuard::SessionGuard(Database& database, std::chrono::milliseconds cacheLifetime)
    : m_database(database)
    , m_cacheLifetime(cacheLifetime)
{
}

std::optional<std::string> SessionGuard::activeScope(const std::string& sessionId, const std::string& userId,
                                                     EpochMillis at)
{
    std::optional<std::string> cached = cachedAnswer(sessionId, userId, at);
    if (cached) {
        return cached->empty() ? std::nullopt : cached;
    }

    // `session` goes back to the pool before recordUse() borrows one, so a small pool cannot run dry here.
    std::optional<SessionRecord> record;
    {
        Poco::Data::Session session = m_database.session();
        record = SessionRepository(m_database).find(session, sessionId);
    }
    if (!record || !record->isActiveAt(at) || record->userId != userId) {
        forget(sessionId);
        return std::nullopt;
    }

    const bool useIsStale = at - record->lastSeenAt >= kLastSeenIntervalMs;
    {
        std::lock_guard lock(m_mutex);
        if (m_active.size() >= kMaxEntries) {
            m_active.clear();
        }
        m_active[sessionId] =
            Entry{record->userId, record->scope, record->expiresAt, at, useIsStale ? at : record->lastSeenAt};
    }
    if (useIsStale) {
        recordUse(sessionId, at);
    }
    return record->scope;
}

std::optional<std::string> SessionGuard::cachedAnswer(const std::string& sessionId, const std::string& userId, EpochMillis at)
{
    bool useIsStale = false;
    std::string scope;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_active.find(sessionId);
        if (found == m_active.end() || at - found->second.checkedAt >= m_cacheLifetime.count()) {
            return std::nullopt;
        }
        const bool active = found->second.userId == userId && found->second.expiresAt > at;
        if (!active) {
            return std::string();
        }
        scope = found->second.scope;
        useIsStale = at - found->second.lastSeenAt >= kLastSeenIntervalMs;
        if (useIsStale) {
            found->second.lastSeenAt = at;
        }
    }
    if (useIsStale) {
        recordUse(sessionId, at);
    }
    return scope;
}

void SessionGuard::recordUse(const std::string& sessionId, EpochMillis at)
{
    Poco::Data::Session session = m_database.session();
    SessionRepository(m_database).touch(session, sessionId, at);
}

void SessionGuard::forget(const std::string& sessionId)
{
    std::lock_guard lock(m_mutex);
    m_active.erase(sessionId);
}

} // namespace ileadx
