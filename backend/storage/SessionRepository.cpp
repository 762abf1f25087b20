#include "storage/SessionRepository.h"

#include "storage/Database.h"

#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

using SessionRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, int, Poco::Int64,
                               Poco::Int64, Poco::Int64, Poco::Nullable<Poco::Int64>, std::string,
                               Poco::Nullable<Poco::Int64>>;

constexpr const char* kColumns = "id, user_id, device_label, device_fingerprint, ip_address, remember_me, created_at,"
                                 " last_seen_at, expires_at, revoked_at, scope, stepped_up_at";

SessionRecord toRecord(const SessionRow& row)
{
    SessionRecord record;
    record.id = row.get<0>();
    record.userId = row.get<1>();
    record.deviceLabel = row.get<2>();
    record.deviceFingerprint = row.get<3>();
    record.ipAddress = row.get<4>();
    record.rememberMe = row.get<5>() != 0;
    record.createdAt = row.get<6>();
    record.lastSeenAt = row.get<7>();
    record.expiresAt = row.get<8>();
    if (!row.get<9>().isNull()) {
        record.revokedAt = row.get<9>().value();
    }
    record.scope = row.get<10>();
    if (!row.get<11>().isNull()) {
        record.steppedUpAt = row.get<11>().value();
    }
    return record;
}

} // namespace

void SessionRepository::insert(Poco::Data::Session& session, const SessionRecord& record)
{
    SessionRecord copy = record;
    int rememberMe = record.rememberMe ? 1 : 0;
    Poco::Int64 createdAt = record.createdAt;
    Poco::Int64 lastSeenAt = record.lastSeenAt;
    Poco::Int64 expiresAt = record.expiresAt;
    session << m_database.sql("INSERT INTO sessions (id, user_id, device_label, device_fingerprint, ip_address,"
                              " remember_me, created_at, last_seen_at, expires_at, scope)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(copy.id), use(copy.userId), use(copy.deviceLabel), use(copy.deviceFingerprint), use(copy.ipAddress),
        use(rememberMe), use(createdAt), use(lastSeenAt), use(expiresAt), use(copy.scope), now;
}

std::optional<SessionRecord> SessionRepository::findForUpdate(Poco::Data::Session& session, const std::string& id)
{
    return select(session, id, true);
}

std::optional<SessionRecord> SessionRepository::find(Poco::Data::Session& session, const std::string& id)
{
    return select(session, id, false);
}

std::vector<SessionRecord> SessionRepository::listActive(Poco::Data::Session& session, const std::string& userId,
                                                        EpochMillis at)
{
    std::vector<SessionRow> rows;
    std::string key = userId;
    Poco::Int64 when = at;
    session << m_database.sql(std::string("SELECT ") + kColumns +
                              " FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"
                              " ORDER BY created_at DESC, id DESC"),
        use(key), use(when), into(rows), now;

    std::vector<SessionRecord> records;
    records.reserve(rows.size());
    for (const SessionRow& row : rows) {
        records.push_back(toRecord(row));
    }
    return records;
}

std::optional<SessionRecord> SessionRepository::select(Poco::Data::Session& session, const std::string& id, bool lock)
{
    std::vector<SessionRow> rows;
    std::string key = id;
    std::string text = std::string("SELECT ") + kColumns + " FROM sessions WHERE id = ?";
    if (lock) {
        text += m_database.forUpdate();
    }
    session << m_database.sql(text), use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows.front());
}

void SessionRepository::revoke(Poco::Data::Session& session, const std::string& id, const std::string& reason,
                               EpochMillis at)
{
    std::string key = id;
    std::string why = reason;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL"),
        use(when), use(why), use(key), now;
}

void SessionRepository::touch(Poco::Data::Session& session, const std::string& id, EpochMillis lastSeenAt)
{
    std::string key = id;
    Poco::Int64 seen = lastSeenAt;
    session << m_database.sql("UPDATE sessions SET last_seen_at = ? WHERE id = ?"), use(seen), use(key), now;
}

std::vector<std::string> SessionRepository::revokeAllExcept(Poco::Data::Session& session, const std::string& userId,
                                                            const std::string& keepSessionId,
                                                            const std::string& reason, EpochMillis at)
{
    std::vector<std::string> revoked;
    for (const SessionRecord& record : listActive(session, userId, at)) {
        if (record.id != keepSessionId) {
            revoke(session, record.id, reason, at);
            revoked.push_back(record.id);
        }
    }
    return revoked;
}

void SessionRepository::setScope(Poco::Data::Session& session, const std::string& id, const std::string& scope)
{
    std::string key = id;
    std::string value = scope;
    session << m_database.sql("UPDATE sessions SET scope = ? WHERE id = ?"), use(value), use(key), now;
}

void SessionRepository::markSteppedUp(Poco::Data::Session& session, const std::string& id, EpochMillis at)
{
    std::string key = id;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE sessions SET stepped_up_at = ? WHERE id = ?"), use(when), use(key), now;
}

void SessionRepository::extend(Poco::Data::Session& session, const std::string& id, EpochMillis lastSeenAt,
                               EpochMillis expiresAt)
{
    std::string key = id;
    Poco::Int64 seen = lastSeenAt;
    Poco::Int64 expires = expiresAt;
    session << m_database.sql("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?"), use(seen),
        use(expires), use(key), now;
}

} // namespace ileadx
