#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace ileadx {

enum class SqlDialect
{
    SQLite,
    PostgreSQL,
};

/// A pool of Poco::Data sessions for one database, and the few dialect differences the
/// repositories need. SQL text is written once with `?` placeholders; `sql()` adapts it.
class Database final
{
public:
    /// Opens `url`: "sqlite:PATH" for an embedded file, or "postgresql:KEYWORD=VALUE ..." with a
    /// libpq connection string. Throws Poco::Exception when the database cannot be reached.
    static std::unique_ptr<Database> open(const std::string& url, int maxSessions);

    Database(SqlDialect dialect, std::string connectionString, int maxSessions);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Borrows a session from the pool; it returns to the pool when the last copy is destroyed.
    /// Waits up to 5 seconds for a free session, then throws ServiceBusyException.
    Poco::Data::Session session();

    SqlDialect dialect() const { return m_dialect; }

    /// Rewrites `?` placeholders as `$1`, `$2`, ... for PostgreSQL; returns SQLite text unchanged.
    std::string sql(std::string_view text) const;

    /// Returns " FOR UPDATE" on PostgreSQL; SQLite locks the whole file in a write transaction.
    std::string_view forUpdate() const;

    /// Returns the connection string with any password replaced, for log lines.
    std::string describe() const;

    /// Runs "SELECT 1" on a pooled session and returns how long it took. Throws like session()
    /// and Poco::Data::DataException when the query fails.
    std::chrono::microseconds ping();

    /// Pool occupancy at one moment, for health checks and metrics.
    struct PoolStatistics
    {
        int inUse = 0;    ///< sessions borrowed now
        int idle = 0;     ///< open sessions waiting in the pool
        int capacity = 0; ///< largest number of sessions the pool opens
    };
    PoolStatistics poolStatistics() const;

    /// Returns the database file of a SQLite database, or an empty string for PostgreSQL.
    std::string sqlitePath() const;

private:
    Poco::Data::Session borrow();

    SqlDialect m_dialect = SqlDialect::SQLite;
    std::string m_connectionString;
    std::unique_ptr<Poco::Data::SessionPool> m_pool;
};

/// A write transaction on one session that rolls back unless commit() is called. On SQLite it
/// takes the write lock at BEGIN (BEGIN IMMEDIATE), so two read-then-write transactions queue on
/// the busy timeout instead of failing when one upgrades its lock.
class Transaction final
{
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Poco::Data::Session& session() { return m_session; }
    void commit();

private:
    Poco::Data::Session m_session;
    bool m_open = true;
};

} // namespace ileadx
