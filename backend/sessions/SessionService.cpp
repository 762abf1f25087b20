#include "sessions/SessionService.h"

#include "audit/AuditAction.h"
#include "auth/SessionGuard.h"
#include "http/ApiException.h"
#include "shared/IpMask.h"
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
    , m_audit(database)
{
}

std::vector<SessionRecord> SessionService::listOwn(const AccessClaims& caller)
{
    Poco::Data::Session session = m_database.session();
    return m_sessions.listActive(session, caller.userId, nowMillis());
}

void SessionService::revokeOwn(const AccessClaims& caller, const ClientInfo& client, const std::string& sessionId)
{
    Transaction transaction(m_database);
    const std::optional<SessionRecord> record = m_sessions.findForUpdate(transaction.session(), sessionId);
    const EpochMillis at = nowMillis();
    if (!record || record->userId != caller.userId || !record->isActiveAt(at)) {
        throw sessionNotFound();
    }
    m_sessions.revoke(transaction.session(), sessionId, "revoked-by-user", at);
    auditRevocations(transaction.session(), caller, client, caller.userId, {sessionId}, "revoked-by-user");
    transaction.commit();
    m_guard.forget(sessionId);
    sessionLog().information("session %s of user %s revoked by its owner", sessionId, caller.userId);
}

int SessionService::revokeOthers(const AccessClaims& caller, const ClientInfo& client)
{
    return revokeAll(caller, client, caller.userId, caller.sessionId, "revoked-by-user");
}

std::vector<SessionRecord> SessionService::listForUser(const AccessClaims& caller, const std::string& userId)
{
    requireMayActOn(caller, userId);
    Poco::Data::Session session = m_database.session();
    return m_sessions.listActive(session, userId, nowMillis());
}

void SessionService::revokeForUser(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                                   const std::string& sessionId)
{
    requireMayActOn(caller, userId);
    Transaction transaction(m_database);
    const std::optional<SessionRecord> record = m_sessions.findForUpdate(transaction.session(), sessionId);
    const EpochMillis at = nowMillis();
    if (!record || record->userId != userId || !record->isActiveAt(at)) {
        throw sessionNotFound();
    }
    m_sessions.revoke(transaction.session(), sessionId, "revoked-by-admin", at);
    auditRevocations(transaction.session(), caller, client, userId, {sessionId}, "revoked-by-admin");
    transaction.commit();
    m_guard.forget(sessionId);
    sessionLog().information("session %s of user %s revoked by admin %s", sessionId, userId, caller.userId);
}

int SessionService::revokeAllForUser(const AccessClaims& caller, const ClientInfo& client, const std::string& userId)
{
    requireMayActOn(caller, userId);
    const int count = revokeAll(caller, client, userId, {}, "revoked-by-admin");
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

int SessionService::revokeAll(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                              const std::string& keepSessionId, const std::string& reason)
{
    Transaction transaction(m_database);
    const std::vector<std::string> revoked =
        m_sessions.revokeAllExcept(transaction.session(), userId, keepSessionId, reason, nowMillis());
    auditRevocations(transaction.session(), caller, client, userId, revoked, reason);
    transaction.commit();

    for (const std::string& sessionId : revoked) {
        m_guard.forget(sessionId);
    }
    return static_cast<int>(revoked.size());
}

void SessionService::auditRevocations(Poco::Data::Session& session, const AccessClaims& caller,
                                      const ClientInfo& client, const std::string& userId,
                                      const std::vector<std::string>& sessionIds, const std::string& reason)
{
    if (sessionIds.empty()) {
        return;
    }
    const std::optional<UserRecord> actor = UserRepository(m_database).findById(session, caller.userId);
    for (const std::string& sessionId : sessionIds) {
        AuditEntry entry;
        entry.action = audit::action::kSessionRevoked;
        if (actor) {
            entry.actorId = actor->id;
            entry.actorEmail = actor->email;
            entry.actorRole = roleName(actor->role);
        }
        entry.targetType = audit::target::kSession;
        entry.targetId = sessionId;
        Poco::JSON::Object::Ptr value = new Poco::JSON::Object;
        value->set("user_id", userId);
        value->set("reason", reason);
        entry.newValue = auditValueText(value);
        entry.ipMasked = maskIpAddress(client.ipAddress);
        entry.requestId = client.requestId;
        m_audit.append(session, entry);
    }
}

} // namespace ileadx
