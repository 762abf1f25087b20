#include "sessions/SessionService.h"

#include "auth/SessionGuard.h"
#include "http/ApiException.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"

#include <Poco/Logger.h>

namespace ileadx {

namespace {

Poco::Logger& sessionLog()
{
    return Poco::Logger::get("ileadx.sessions");
}

ApiException sessionNotFound()
{
    return ApiException(404, problem::kNotFound, "Session not found", "No active session has this id.");
}

} // namespace

SessionService::SessionService(Database& database, SessionGuard& guard)
    : m_database(database)
    , m_guard(guard)
    , m_sessions(database)
{
}

std::vector<SessionRecord> SessionService::listOwn(const AccessClaims& caller)
{
    Poco::Data::Session session = m_database.session();
    return m_sessions.listActive(session, caller.userId, nowMillis());
}

void SessionService::revokeOwn(const AccessClaims& caller, const std::string& sessionId)
{
    Poco::Data::Session session = m_database.session();
    const std::optional<SessionRecord> record = m_sessions.find(session, sessionId);
    const EpochMillis at = nowMillis();
    if (!record || record->userId != caller.userId || !record->isActiveAt(at)) {
        throw sessionNotFound();
    }
    m_sessions.revoke(session, sessionId, "revoked-by-user", at);
    m_guard.forget(sessionId);
    sessionLog().information("session %s of user %s revoked by its owner", sessionId, caller.userId);
}

int SessionService::revokeOthers(const AccessClaims& caller)
{
    return revokeAll(caller.userId, caller.sessionId, "revoked-by-user");
}

std::vector<SessionRecord> SessionService::listForUser(const AccessClaims& caller, const std::string& userId)
{
    requireMayActOn(caller, userId);
    Poco::Data::Session session = m_database.session();
    return m_sessions.listActive(session, userId, nowMillis());
}

void SessionService::revokeForUser(const AccessClaims& caller, const std::string& userId, const std::string& sessionId)
{
    requireMayActOn(caller, userId);
    Poco::Data::Session session = m_database.session();
    const std::optional<SessionRecord> record = m_sessions.find(session, sessionId);
    const EpochMillis at = nowMillis();
    if (!record || record->userId != userId || !record->isActiveAt(at)) {
        throw sessionNotFound();
    }
    m_sessions.revoke(session, sessionId, "revoked-by-admin", at);
    m_guard.forget(sessionId);
    sessionLog().information("session %s of user %s revoked by admin %s", sessionId, userId, caller.userId);
}

int SessionService::revokeAllForUser(const AccessClaims& caller, const std::string& userId)
{
    requireMayActOn(caller, userId);
    const int count = revokeAll(userId, {}, "revoked-by-admin");
    sessionLog().information("%d sessions of user %s revoked by admin %s", count, userId, caller.userId);
    return count;
}

void SessionService::requireMayActOn(const AccessClaims& caller, const std::string& userId)
{
    const std::optional<UserRecord> target = UserRepository(m_database).findById(userId);
    if (!target) {
        throw ApiException(404, problem::kNotFound, "User not found", "No account has this id.");
    }
    // Admins act on customer accounts only; acting on another admin needs a super admin.
    if (target->role != Role::User && caller.role != Role::SuperAdmin && target->id != caller.userId) {
        throw ApiException(403, problem::kForbidden, "Forbidden", "Only a super admin may act on admin accounts.");
    }
}

int SessionService::revokeAll(const std::string& userId, const std::string& keepSessionId, const std::string& reason)
{
    Transaction transaction(m_database);
    const EpochMillis at = nowMillis();
    const std::vector<SessionRecord> active = m_sessions.listActive(transaction.session(), userId, at);
    int count = 0;
    for (const SessionRecord& record : active) {
        if (record.id == keepSessionId) {
            continue;
        }
        m_sessions.revoke(transaction.session(), record.id, reason, at);
        ++count;
    }
    transaction.commit();

    for (const SessionRecord& record : active) {
        m_guard.forget(record.id);
    }
    return count;
}

} // namespace ileadx
