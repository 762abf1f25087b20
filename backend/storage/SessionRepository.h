#pragma once

#include "common/Clock.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

/// One signed-in device of one user.
struct SessionRecord
{
    std::string id;
    std::string userId;
    std::string deviceLabel;
    std::string deviceFingerprint;
    std::string ipAddress; ///< unmasked; mask it before it leaves the server
    bool rememberMe = false;
    EpochMillis createdAt = 0;
    EpochMillis lastSeenAt = 0;
    EpochMillis expiresAt = 0;
    std::optional<EpochMillis> revokedAt;
    /// kFullScope, or kEnrollmentScope for an admin who must set up two-factor sign-in first.
    std::string scope = kFullScope;
    /// Last time the session's owner entered a fresh TOTP code for a sensitive action.
    std::optional<EpochMillis> steppedUpAt;

    static constexpr const char* kFullScope = "full";
    static constexpr const char* kEnrollmentScope = "two-factor-enrollment";

    bool isActiveAt(EpochMillis at) const { return !revokedAt && expiresAt > at; }
};

/// SQL for the `sessions` table. Every call runs on the session it is given, so callers can put
/// several changes into one transaction.
class SessionRepository final
{
public:
    explicit SessionRepository(Database& database)
        : m_database(database)
    {
    }

    void insert(Poco::Data::Session& session, const SessionRecord& record);

    /// Reads a session row, locking it until the end of the transaction on PostgreSQL.
    std::optional<SessionRecord> findForUpdate(Poco::Data::Session& session, const std::string& id);

    std::optional<SessionRecord> find(Poco::Data::Session& session, const std::string& id);

    /// Marks the session revoked unless it already is; `reason` is a short code such as "logout".
    void revoke(Poco::Data::Session& session, const std::string& id, const std::string& reason, EpochMillis at);

    void extend(Poco::Data::Session& session, const std::string& id, EpochMillis lastSeenAt, EpochMillis expiresAt);

    void touch(Poco::Data::Session& session, const std::string& id, EpochMillis lastSeenAt);

    void setScope(Poco::Data::Session& session, const std::string& id, const std::string& scope);

    void markSteppedUp(Poco::Data::Session& session, const std::string& id, EpochMillis at);

    /// Revokes every active session of the user except `keepSessionId` (which may be empty) and
    /// returns the ids it revoked, so the caller can clear them from SessionGuard after committing.
    std::vector<std::string> revokeAllExcept(Poco::Data::Session& session, const std::string& userId,
                                             const std::string& keepSessionId, const std::string& reason,
                                             EpochMillis at);

    /// Returns the user's sessions that are neither revoked nor expired at `at`, newest first.
    std::vector<SessionRecord> listActive(Poco::Data::Session& session, const std::string& userId, EpochMillis at);

private:
    std::optional<SessionRecord> select(Poco::Data::Session& session, const std::string& id, bool lock);

    Database& m_database;
};

} // namespace ileadx
