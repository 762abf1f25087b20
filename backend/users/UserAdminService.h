#pragma once

#include "auth/AccessTokenService.h"
#include "auth/AuthService.h"
#include "auth/StepUpPolicy.h"
#include "storage/SessionRepository.h"
#include "users/UserAdminRepository.h"

#include <Poco/Data/Session.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;
class SessionGuard;

/// The admin operations on accounts: listing, reading, role and plan changes, usage resets and
/// deletion. It enforces the rules the permission matrix cannot express (nobody acts on their own
/// role or account, the last super admin stays, admins act on `user` accounts only), writes each
/// change and its audit entry in one transaction, and then drops the cached user row and sessions.
class UserAdminService final
{
public:
    /// `stepUp` decides whether role changes and deletions are allowed from the caller's session.
    UserAdminService(Database& database, SessionGuard& guard, AuthService& auth, const StepUpPolicy& stepUp);

    std::vector<AdminUserRecord> list(const UserFilter& filter, int limit, const std::optional<UserCursor>& cursor);

    /// Returns one account; throws ApiException 404 for an unknown id.
    AdminUserRecord find(const std::string& userId);

    /// Changes a role and revokes the account's sessions, because access tokens carry the role.
    /// Throws ApiException 403 for the caller's own role, for demoting the last super admin and
    /// without a recent sign-in.
    AdminUserRecord changeRole(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                               Role role);

    AdminUserRecord changePlan(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                               Plan plan);

    /// Records the reset time from which usage counters count.
    AdminUserRecord resetUsage(const AccessClaims& caller, const ClientInfo& client, const std::string& userId);

    /// Deletes the account with its sessions and refresh tokens. Audit entries stay, because they
    /// store the actor's email as text and keep no reference to the row.
    void remove(const AccessClaims& caller, const ClientInfo& client, const std::string& userId);

private:
    AdminUserRecord requireUser(Poco::Data::Session& session, const std::string& userId);
    UserRecord requireCaller(Poco::Data::Session& session, const AccessClaims& caller);
    void requireMayManage(const AccessClaims& caller, const AdminUserRecord& target) const;
    void requireAnotherSuperAdmin(Poco::Data::Session& session, const AdminUserRecord& target);
    std::vector<std::string> revokeSessions(Poco::Data::Session& session, const std::string& userId,
                                            const std::string& reason);
    void forgetSessions(const std::string& userId, const std::vector<std::string>& sessionIds);

    Database& m_database;
    SessionGuard& m_guard;
    AuthService& m_auth;
    const StepUpPolicy& m_stepUp;
    UserAdminRepository m_users;
    SessionRepository m_sessions;
    AuditLog m_audit;
};

} // namespace ileadx
