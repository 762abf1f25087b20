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

    /// Returns the user's sessions that are neither revoked nor expired at `at`, newest first.
    std::vector<SessionRecord> listActive(Poco::Data::Session& session, const std::string& userId, EpochMillis at);

private:
    std::optional<SessionRecord> select(Poco::Data::Session& session, const std::string& id, bool lock);

    Database& m_database;
};

} // namespace ileadx
