#include "storage/RefreshTokenRepository.h"

#include "storage/Database.h"

#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

using TokenRow = Poco::Tuple<std::string, std::string, Poco::Int64, Poco::Int64, Poco::Nullable<Poco::Int64>,
                             Poco::Nullable<std::string>, Poco::Nullable<std::string>>;

} // namespace

void RefreshTokenRepository::insert(Poco::Data::Session& session, const RefreshTokenRecord& record)
{
    std::string hash = record.tokenHash;
    std::string sessionId = record.sessionId;
    Poco::Int64 createdAt = record.createdAt;
    Poco::Int64 expiresAt = record.expiresAt;
    session << m_database.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at)"
                              " VALUES (?, ?, ?, ?)"),
        use(hash), use(sessionId), use(createdAt), use(expiresAt), now;
}

std::optional<RefreshTokenRecord> RefreshTokenRepository::findForUpdate(Poco::Data::Session& session,
                                                                        const std::string& tokenHash)
{
    std::vector<TokenRow> rows;
    std::string key = tokenHash;
    session << m_database.sql(std::string("SELECT token_hash, session_id, created_at, expires_at, used_at,"
                                          " successor_hash, successor_box FROM refresh_tokens WHERE token_hash = ?") +
                              std::string(m_database.forUpdate())),
        use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }

    const TokenRow& row = rows.front();
    RefreshTokenRecord record;
    record.tokenHash = row.get<0>();
    record.sessionId = row.get<1>();
    record.createdAt = row.get<2>();
    record.expiresAt = row.get<3>();
    if (!row.get<4>().isNull()) {
        record.usedAt = row.get<4>().value();
    }
    record.successorHash = row.get<5>().isNull() ? std::string() : row.get<5>().value();
    record.successorBox = row.get<6>().isNull() ? std::string() : row.get<6>().value();
    return record;
}

void RefreshTokenRepository::markUsed(Poco::Data::Session& session, const std::string& tokenHash, EpochMillis at,
                                      const std::string& successorHash, const std::string& successorBox)
{
    std::string key = tokenHash;
    Poco::Int64 when = at;
    std::string successor = successorHash;
    std::string box = successorBox;
    session << m_database.sql("UPDATE refresh_tokens SET used_at = ?, successor_hash = ?, successor_box = ?"
                              " WHERE token_hash = ?"),
        use(when), use(successor), use(box), use(key), now;
}

} // namespace ileadx
