#pragma once

#include "common/Clock.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>

namespace ileadx {

class Database;

/// A refresh token as stored: only its SHA-256 hash, never the token itself.
struct RefreshTokenRecord
{
    std::string tokenHash;
    std::string sessionId;
    EpochMillis createdAt = 0;
    EpochMillis expiresAt = 0;
    std::optional<EpochMillis> usedAt;
    std::string successorHash; ///< empty until the token is rotated
    std::string successorBox;  ///< the successor token sealed with a key only the old token derives
};

/// SQL for the `refresh_tokens` table. Every call runs on the session it is given.
class RefreshTokenRepository final
{
public:
    explicit RefreshTokenRepository(Database& database)
        : m_database(database)
    {
    }

    void insert(Poco::Data::Session& session, const RefreshTokenRecord& record);

    /// Reads a token row, locking it until the end of the transaction on PostgreSQL.
    std::optional<RefreshTokenRecord> findForUpdate(Poco::Data::Session& session, const std::string& tokenHash);

    /// Records that the token was exchanged, and for what.
    void markUsed(Poco::Data::Session& session, const std::string& tokenHash, EpochMillis at,
                  const std::string& successorHash, const std::string& successorBox);

private:
    Database& m_database;
};

} // namespace ileadx
