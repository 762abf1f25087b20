#include "audit/AuditRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

constexpr const char* kColumns = "seq, occurred_at, actor_id, actor_email, actor_role, action, target_type, target_id,"
                                 " old_value, new_value, ip_masked, request_id, prev_hash, entry_hash";

using AuditRow = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string, std::string,
                             std::string, Poco::Nullable<std::string>, Poco::Nullable<std::string>, std::string,
                             std::string, std::string, std::string>;

std::optional<std::string> optionalText(const Poco::Nullable<std::string>& value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    return value.value();
}

Poco::Nullable<std::string> nullableText(const std::optional<std::string>& value)
{
    if (!value) {
        return Poco::Nullable<std::string>();
    }
    return Poco::Nullable<std::string>(*value);
}

AuditEntry toEntry(const AuditRow& row)
{
    AuditEntry entry;
    entry.seq = row.get<0>();
    entry.occurredAt = row.get<1>();
    entry.actorId = row.get<2>();
    entry.actorEmail = row.get<3>();
    entry.actorRole = row.get<4>();
    entry.action = row.get<5>();
    entry.targetType = row.get<6>();
    entry.targetId = row.get<7>();
    entry.oldValue = optionalText(row.get<8>());
    entry.newValue = optionalText(row.get<9>());
    entry.ipMasked = row.get<10>();
    entry.requestId = row.get<11>();
    entry.prevHash = row.get<12>();
    entry.entryHash = row.get<13>();
    return entry;
}

std::vector<AuditEntry> toEntries(const std::vector<AuditRow>& rows)
{
    std::vector<AuditEntry> entries;
    entries.reserve(rows.size());
    for (const AuditRow& row : rows) {
        entries.push_back(toEntry(row));
    }
    return entries;
}

} // namespace

void AuditRepository::lockForAppend(Poco::Data::Session& transaction)
{
    if (m_database.dialect() == SqlDialect::PostgreSQL) {
        transaction << "LOCK TABLE audit_log IN EXCLUSIVE MODE", now;
    }
}

std::optional<AuditChainTip> AuditRepository::findTip(Poco::Data::Session& session)
{
    std::vector<Poco::Tuple<Poco::Int64, std::string>> rows;
    session << "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1", into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return AuditChainTip{rows.front().get<0>(), rows.front().get<1>()};
}

void AuditRepository::insert(Poco::Data::Session& session, const AuditEntry& entry)
{
    AuditEntry copy = entry;
    Poco::Int64 seq = entry.seq;
    Poco::Int64 occurredAt = entry.occurredAt;
    Poco::Nullable<std::string> oldValue = nullableText(entry.oldValue);
    Poco::Nullable<std::string> newValue = nullableText(entry.newValue);
    session << m_database.sql(std::string("INSERT INTO audit_log (") + kColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(seq), use(occurredAt), use(copy.actorId), use(copy.actorEmail), use(copy.actorRole), use(copy.action),
        use(copy.targetType), use(copy.targetId), use(oldValue), use(newValue), use(copy.ipMasked),
        use(copy.requestId), use(copy.prevHash), use(copy.entryHash), now;
}

std::vector<AuditEntry> AuditRepository::listNewestFirst(const AuditFilter& filter, int limit,
                                                         std::optional<std::int64_t> beforeSeq)
{
    // Only conditions with a value are added, so every query can use the index for its filter.
    // Each condition is fixed text with one placeholder, and its value is bound.
    std::string text = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
    Poco::Data::AbstractBindingVec bindings;
    if (!filter.action.empty()) {
        text += " AND action = ?";
        bindings.push_back(bind(filter.action));
    }
    if (!filter.actorId.empty()) {
        text += " AND actor_id = ?";
        bindings.push_back(bind(filter.actorId));
    }
    if (!filter.targetType.empty()) {
        text += " AND target_type = ?";
        bindings.push_back(bind(filter.targetType));
    }
    if (!filter.targetId.empty()) {
        text += " AND target_id = ?";
        bindings.push_back(bind(filter.targetId));
    }
    if (filter.from) {
        text += " AND occurred_at >= ?";
        bindings.push_back(bind(static_cast<Poco::Int64>(*filter.from)));
    }
    if (filter.to) {
        text += " AND occurred_at < ?";
        bindings.push_back(bind(static_cast<Poco::Int64>(*filter.to)));
    }
    if (beforeSeq) {
        text += " AND seq < ?";
        bindings.push_back(bind(static_cast<Poco::Int64>(*beforeSeq)));
    }
    text += " ORDER BY seq DESC LIMIT ?";
    bindings.push_back(bind(limit));

    Poco::Data::Session session = m_database.session();
    std::vector<AuditRow> rows;
    Poco::Data::Statement statement(session);
    statement << m_database.sql(text);
    statement.addBinding(bindings, false);
    statement.addExtract(into(rows));
    statement.execute();
    return toEntries(rows);
}

std::vector<AuditEntry> AuditRepository::listInOrder(Poco::Data::Session& session, std::int64_t afterSeq, int limit)
{
    std::vector<AuditRow> rows;
    Poco::Int64 after = afterSeq;
    int pageSize = limit;
    session << m_database.sql(std::string("SELECT ") + kColumns + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?"),
        use(after), use(pageSize), into(rows), now;
    return toEntries(rows);
}

} // namespace ileadx
