#include "auth/SessionGuard.h"

#include "storage/Database.h"
#include "storage/SessionRepository.h"

namespace ileadx {

SessionGuard::SessionGuard(Database& database, std::chrono::milliseconds cacheLifetime)
    : m_database(database)
    , m_cacheLifetime(cacheLifetime)
{
}

bool SessionGuard::isActive(const std::string& sessionId, const std::string& userId, EpochMillis at)
{
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_active.find(sessionId);
        if (found != m_active.end() && at - found->second.checkedAt < m_cacheLifetime.count()) {
            return found->second.userId == userId && found->second.expiresAt > at;
        }
    }

    Poco::Data::Session session = m_database.session();
    const std::optional<SessionRecord> record = SessionRepository(m_database).find(session, sessionId);
    if (!record || !record->isActiveAt(at) || record->userId != userId) {
        forget(sessionId);
        return false;
    }

    std::lock_guard lock(m_mutex);
    if (m_active.size() >= kMaxEntries) {
        m_active.clear();
    }
    m_active[sessionId] = Entry{record->userId, record->expiresAt, at};
    return true;
}

void SessionGuard::forget(const std::string& sessionId)
{
    std::lock_guard lock(m_mutex);
    m_active.erase(sessionId);
}

} // namespace ileadx
