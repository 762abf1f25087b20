#pragma once

#include "audit/AuditLog.h"
#include "auth/AccessTokenService.h"
#include "auth/AuthService.h"
#include "common/Clock.h"
#include "storage/SessionRepository.h"

#include <string>
#include <vector>

namespace ileadx {

class Database;
class SessionGuard;
class UserRepository;

/// Lists and revokes device sessions: a user's own, and those of other accounts for admins. Every
/// revocation also clears SessionGuard's cache, so the revoked access token fails on its next use,
/// and the session's refresh token dies with it because refresh checks the session.
class SessionService final
{
public:
    SessionService(Database& database, SessionGuard& guard);

    /// Returns the caller's active sessions, newest first.
    std::vector<SessionRecord> listOwn(const AccessClaims& caller);

    /// Revokes one of the caller's own sessions; throws ApiException 404 for any other id. Every
    /// revocation is recorded in the audit trail in the same transaction.
    void revokeOwn(const AccessClaims& caller, const ClientInfo& client, const std::string& sessionId);

    /// Revokes every session of the caller except the one making the request; returns the count.
    int revokeOthers(const AccessClaims& caller, const ClientInfo& client);

    /// Returns another account's active sessions. Throws ApiException 404 for an unknown account
    /// and 403 when the caller may not act on that account's role.
    std::vector<SessionRecord> listForUser(const AccessClaims& caller, const std::string& userId);

    void revokeForUser(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                       const std::string& sessionId);

    /// Revokes every session of another account; returns the count.
    int revokeAllForUser(const AccessClaims& caller, const ClientInfo& client, const std::string& userId);

private:
    void requireMayActOn(const AccessClaims& caller, const std::string& userId);
    int revokeAll(const AccessClaims& caller, const ClientInfo& client, const std::string& userId,
                  const std::string& keepSessionId, const std::string& reason);
    void auditRevocations(Poco::Data::Session& session, const AccessClaims& caller, const ClientInfo& client,
                          const std::string& userId, const std::vector<std::string>& sessionIds,
                          const std::string& reason);

    Database& m_database;
    SessionGuard& m_guard;
    SessionRepository m_sessions;
    AuditLog m_audit;
};

} // namespace ileadx
