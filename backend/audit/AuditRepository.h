#pragma once

#include "audit/AuditEntry.h"
#include "common/Clock.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

/// Conditions for listing audit entries. An empty or absent field matches every entry.
struct AuditFilter
{
    std::string action;
    std::string actorId;
    std::string targetType;
    std::string targetId;
    std::optional<EpochMillis> from; ///< inclusive
    std::optional<EpochMillis> to;   ///< exclusive
};

/// The newest entry of the chain, which the next append links to.
struct AuditChainTip
{
    std::int64_t seq = 0;
    std::string entryHash;
};

/// SQL for the `audit_log` table. It only inserts and reads, because nothing in the server may
/// update or delete audit rows.
class AuditRepository final
{
public:
    explicit AuditRepository(Database& database)
        : m_database(database)
    {
    }

    /// Makes other appenders wait until the caller's transaction ends. PostgreSQL takes an
    /// EXCLUSIVE table lock, which still lets plain reads through. SQLite needs nothing, because
    /// Transaction begins with BEGIN IMMEDIATE and so already holds the database's write lock.
    void lockForAppend(Poco::Data::Session& transaction);

    /// Returns the entry with the highest seq, or nothing when the log is empty.
    std::optional<AuditChainTip> findTip(Poco::Data::Session& session);

    void insert(Poco::Data::Session& session, const AuditEntry& entry);

    /// Returns up to `limit` entries that match `filter`, highest seq first, and only those with a
    /// seq below `beforeSeq` when one is given.
    std::vector<AuditEntry> listNewestFirst(const AuditFilter& filter, int limit, std::optional<std::int64_t> beforeSeq);

    /// Returns up to `limit` entries with a seq above `afterSeq`, lowest seq first.
    std::vector<AuditEntry> listInOrder(Poco::Data::Session& session, std::int64_t afterSeq, int limit);

private:
    Database& m_database;
};

} // namespace ileadx
