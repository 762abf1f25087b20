#include "users/UserAdminService.h"

#include "audit/AuditAction.h"
#include "auth/SessionGuard.h"
#include "http/ApiException.h"
#include "shared/IpMask.h"
#include "shared/Permission.h"
#include "shared/ProblemTypes.h"
#include "shared/WireNames.h"
#include "storage/Database.h"

#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

namespace ileadx {

namespace {

Poco::Logger& adminLog()
{
    return Poco::Logger::get("ileadx.users");
}

ApiException userNotFound()
{
    return ApiException(404, problem::kNotFound, "User not found", "No account has this id.");
}

ApiException forbidden(std::string detail)
{
    return ApiException(403, problem::kForbidden, "Forbidden", std::move(detail));
}

std::string valueText(std::string_view key, std::string_view value)
{
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    object->set(std::string(key), std::string(value));
    return auditValueText(object);
}

AuditEntry adminEvent(std::string_view action, const UserRecord& actor, const ClientInfo& client,
                      const std::string& userId)
{
    AuditEntry entry;
    entry.actorId = actor.id;
    entry.actorEmail = actor.email;
    entry.actorRole = roleName(actor.role);
    entry.action = action;
    entry.targetType = audit::target::kUser;
    entry.targetId = userId;
    entry.ipMasked = maskIpAddress(client.ipAddress);
    entry.requestId = client.requestId;
    return entry;
}

} // namespace

UserAdminService::UserAdminService(Database& database, SessionGuard& guard, AuthService& auth,
                                   const StepUpPolicy& stepUp)
    : m_database(database)
    , m_guard(guard)
    , m_auth(auth)
    , m_stepUp(stepUp)
    , m_users(database)
    , m_sessions(database)
    , m_audit(database)
{
}

std::vector<AdminUserRecord> UserAdminService::list(const UserFilter& filter, int limit,
                                                    const std::optional<UserCursor>& cursor)
{
    return m_users.list(filter, limit, cursor);
}

AdminUserRecord UserAdminService::find(const std::string& userId)
{
    Poco::Data::Session session = m_database.session();
    return requireUser(session, userId);
}

AdminUserRecord UserAdminService::changeRole(const AccessClaims& caller, const ClientInfo& client,
                                             const std::string& userId, Role role)
{
    if (userId == caller.userId) {
        throw forbidden("An account cannot change its own role; ask another super admin.");
    }

    Transaction transaction(m_database);
    Poco::Data::Session& session = transaction.session();
    m_stepUp.require(session, caller);
    const UserRecord actor = requireCaller(session, caller);
    AdminUserRecord target = requireUser(session, userId);
    if (target.user.role == role) {
        return target;
    }
    if (target.user.role == Role::SuperAdmin) {
        requireAnotherSuperAdmin(session, target);
    }

    m_users.updateRole(session, userId, role);
    const std::vector<std::string> revoked = revokeSessions(session, userId, "role-changed");
    AuditEntry entry = adminEvent(audit::action::kUserRoleChanged, actor, client, userId);
    entry.oldValue = valueText(wire::kRole, roleName(target.user.role));
    entry.newValue = valueText(wire::kRole, roleName(role));
    m_audit.append(session, entry);
    transaction.commit();

    forgetSessions(userId, revoked);
    adminLog().information("role of user %s changed from %s to %s by %s", userId,
                           std::string(roleName(target.user.role)), std::string(roleName(role)), caller.userId);
    target.user.role = role;
    return target;
}

AdminUserRecord UserAdminService::changePlan(const AccessClaims& caller, const ClientInfo& client,
                                             const std::string& userId, Plan plan)
{
    Transaction transaction(m_database);
    Poco::Data::Session& session = transaction.session();
    const UserRecord actor = requireCaller(session, caller);
    AdminUserRecord target = requireUser(session, userId);
    requireMayManage(caller, target);
    if (target.plan == plan) {
        return target;
    }

    m_users.updatePlan(session, userId, plan);
    AuditEntry entry = adminEvent(audit::action::kUserPlanChanged, actor, client, userId);
    entry.oldValue = valueText(wire::kPlan, planName(target.plan));
    entry.newValue = valueText(wire::kPlan, planName(plan));
    m_audit.append(session, entry);
    transaction.commit();

    m_auth.invalidateUser(userId);
    adminLog().information("plan of user %s changed from %s to %s by %s", userId, std::string(planName(target.plan)),
                           std::string(planName(plan)), caller.userId);
    target.plan = plan;
    return target;
}

AdminUserRecord UserAdminService::resetUsage(const AccessClaims& caller, const ClientInfo& client,
                                             const std::string& userId)
{
    Transaction transaction(m_database);
    Poco::Data::Session& session = transaction.session();
    const UserRecord actor = requireCaller(session, caller);
    AdminUserRecord target = requireUser(session, userId);
    requireMayManage(caller, target);

    const EpochMillis at = nowMillis();
    m_users.updateUsageResetAt(session, userId, at);
    AuditEntry entry = adminEvent(audit::action::kUsageReset, actor, client, userId);
    if (target.usageResetAt) {
        entry.oldValue = valueText(wire::kUsageResetAt, formatIso8601(*target.usageResetAt));
    }
    entry.newValue = valueText(wire::kUsageResetAt, formatIso8601(at));
    m_audit.append(session, entry);
    transaction.commit();

    m_auth.invalidateUser(userId);
    adminLog().information("usage of user %s reset by %s", userId, caller.userId);
    target.usageResetAt = at;
    return target;
}

void UserAdminService::remove(const AccessClaims& caller, const ClientInfo& client, const std::string& userId)
{
    if (userId == caller.userId) {
        throw forbidden("An account cannot delete itself here; ask another admin.");
    }

    Transaction transaction(m_database);
    Poco::Data::Session& session = transaction.session();
    m_stepUp.require(session, caller);
    const UserRecord actor = requireCaller(session, caller);
    const AdminUserRecord target = requireUser(session, userId);
    if (target.user.role != Role::User && !roleHasPermission(caller.role, Permission::AdminsManage)) {
        throw forbidden("Only a super admin may delete admin accounts.");
    }
    if (target.user.role == Role::SuperAdmin) {
        requireAnotherSuperAdmin(session, target);
    }

    // The sessions are listed before the row goes, so the guard's cache can drop them afterwards.
    const std::vector<SessionRecord> active = m_sessions.listActive(session, userId, nowMillis());
    m_users.remove(session, userId);

    // The entry keeps the role and plan but not the address: the personal data goes with the row.
    Poco::JSON::Object::Ptr oldValue = new Poco::JSON::Object;
    oldValue->set(std::string(wire::kRole), std::string(roleName(target.user.role)));
    oldValue->set(std::string(wire::kPlan), std::string(planName(target.plan)));
    AuditEntry entry = adminEvent(audit::action::kUserDeleted, actor, client, userId);
    entry.oldValue = auditValueText(oldValue);
    m_audit.append(session, entry);
    transaction.commit();

    std::vector<std::string> sessionIds;
    for (const SessionRecord& record : active) {
        sessionIds.push_back(record.id);
    }
    forgetSessions(userId, sessionIds);
    adminLog().information("user %s deleted by %s", userId, caller.userId);
}

AdminUserRecord UserAdminService::requireUser(Poco::Data::Session& session, const std::string& userId)
{
    std::optional<AdminUserRecord> target = m_users.findById(session, userId);
    if (!target) {
        throw userNotFound();
    }
    return *target;
}

UserRecord UserAdminService::requireCaller(Poco::Data::Session& session, const AccessClaims& caller)
{
    // The session guard let the request through, so the caller's row exists unless it was deleted
    // a moment ago. Such a caller is treated like one whose token was revoked.
    const std::optional<AdminUserRecord> actor = m_users.findById(session, caller.userId);
    if (!actor) {
        throw unauthorized();
    }
    return actor->user;
}

void UserAdminService::requireMayManage(const AccessClaims& caller, const AdminUserRecord& target) const
{
    if (target.user.role != Role::User && !roleHasPermission(caller.role, Permission::AdminsManage)) {
        throw forbidden("Admins act on user accounts only; a super admin manages admin accounts.");
    }
}

void UserAdminService::requireAnotherSuperAdmin(Poco::Data::Session& session, const AdminUserRecord& target)
{
    // NOTE: two super admins demoting each other at the same moment can both pass this count on
    // PostgreSQL, because neither transaction sees the other's uncommitted change.
    if (target.user.role == Role::SuperAdmin && m_users.countWithRole(session, Role::SuperAdmin) <= 1) {
        throw forbidden("The last super admin cannot be demoted or deleted.");
    }
}

std::vector<std::string> UserAdminService::revokeSessions(Poco::Data::Session& session, const std::string& userId,
                                                          const std::string& reason)
{
    const EpochMillis at = nowMillis();
    std::vector<std::string> revoked;
    for (const SessionRecord& record : m_sessions.listActive(session, userId, at)) {
        m_sessions.revoke(session, record.id, reason, at);
        revoked.push_back(record.id);
    }
    return revoked;
}

void UserAdminService::forgetSessions(const std::string& userId, const std::vector<std::string>& sessionIds)
{
    for (const std::string& sessionId : sessionIds) {
        m_guard.forget(sessionId);
    }
    m_auth.invalidateUser(userId);
}

} // namespace ileadx
