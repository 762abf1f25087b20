#include "storage/Database.h"

#include "http/ApiException.h"
#include "shared/IpMask.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <Poco/Logger.h>

#include <sqlite3.h>

#include <mutex>
#include <regex>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr std::string_view kPostgresPrefix = "postgresql:";

// How long a request waits for a free pooled session before it is rejected with 503.
constexpr Poco::Timestamp::TimeDiff kPoolWaitMicroseconds = 5'000'000;

// How long a SQLite writer waits for another writer before reporting the database busy.
constexpr int kSqliteBusyTimeoutMs = 10000;

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

std::string_view connectorName(SqlDialect dialect)
{
    return dialect == SqlDialect::SQLite ? "SQLite" : "PostgreSQL";
}

} // namespace

std::unique_ptr<Database> Database::open(const std::string& url, int maxSessions)
{
    if (url.starts_with(kSqlitePrefix)) {
        return std::make_unique<Database>(SqlDialect::SQLite, url.substr(kSqlitePrefix.size()), maxSessions);
    }
    if (url.starts_with(kPostgresPrefix)) {
        return std::make_unique<Database>(SqlDialect::PostgreSQL, url.substr(kPostgresPrefix.size()), maxSessions);
    }
    throw Poco::InvalidArgumentException("database URL must start with 'sqlite:' or 'postgresql:'");
}

Database::Database(SqlDialect dialect, std::string connectionString, int maxSessions)
    : m_dialect(dialect)
    , m_connectionString(std::move(connectionString))
{
    registerConnectors();
    m_pool = std::make_unique<Poco::Data::SessionPool>(std::string(connectorName(m_dialect)), m_connectionString, 1,
                                                       maxSessions, 300);

    // Settings that hold for the whole file are applied once here; per-connection settings are
    // applied by session() on every borrow.
    Poco::Data::Session first = session();
    if (m_dialect == SqlDialect::SQLite) {
        first << "PRAGMA journal_mode = WAL", now;
        first << "PRAGMA synchronous = NORMAL", now;
    }
}

Poco::Data::Session Database::session()
{
    Poco::Data::Session borrowed = borrow();
    if (m_dialect == SqlDialect::SQLite) {
        // Both settings are per connection and foreign keys are off by default in SQLite. The C
        // calls cost far less than preparing two PRAGMA statements on every borrow.
        sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(borrowed);
        sqlite3_busy_timeout(handle, kSqliteBusyTimeoutMs);
        sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_FKEY, 1, nullptr);
    }
    return borrowed;
}

Poco::Data::Session Database::borrow()
{
    // Poco's pool throws at once when every session is borrowed. A request waits a moment for one
    // to come back instead, as clients of a server-side connection pool do.
    const Poco::Timestamp started;
    while (true) {
        try {
            return m_pool->get();
        } catch (const Poco::Data::SessionPoolExhaustedException&) {
            if (started.elapsed() > kPoolWaitMicroseconds) {
                throw ServiceBusyException("All database connections are busy; try again shortly.", 1);
            }
            Poco::Thread::sleep(2);
        }
    }
}

std::string Database::sql(std::string_view text) const
{
    if (m_dialect == SqlDialect::SQLite) {
        return std::string(text);
    }

    // The repositories' SQL contains no string literals with '?', so every '?' is a placeholder.
    std::string rewritten;
    rewritten.reserve(text.size() + 16);
    int index = 0;
    for (char c : text) {
        if (c == '?') {
            rewritten += '$';
            rewritten += std::to_string(++index);
        } else {
            rewritten += c;
        }
    }
    return rewritten;
}

std::string_view Database::forUpdate() const
{
    return m_dialect == SqlDialect::PostgreSQL ? " FOR UPDATE" : "";
}

std::string Database::describe() const
{
    // Passwords never reach a log, and host addresses are masked like every other address there.
    static const std::regex password(R"(password\s*=\s*\S+)", std::regex::icase);
    static const std::regex host(R"(\b(host|hostaddr)\s*=\s*(\S+))", std::regex::icase);
    std::string text = std::regex_replace(m_connectionString, password, "password=***");
    std::string masked;
    auto begin = std::sregex_iterator(text.begin(), text.end(), host);
    std::size_t copied = 0;
    for (auto match = begin; match != std::sregex_iterator(); ++match) {
        masked += text.substr(copied, static_cast<std::size_t>(match->position()) - copied);
        const std::string value = (*match)[2].str();
        const std::string shown = maskIpAddress(value) == "***" ? value : maskIpAddress(value);
        masked += (*match)[1].str() + "=" + shown;
        copied = static_cast<std::size_t>(match->position() + match->length());
    }
    masked += text.substr(copied);
    return std::string(connectorName(m_dialect)) + " " + masked;
}

std::chrono::microseconds Database::ping()
{
    const Poco::Timestamp started;
    Poco::Data::Session borrowed = session();
    int one = 0;
    borrowed << "SELECT 1", into(one), now;
    return std::chrono::microseconds(started.elapsed());
}

Database::PoolStatistics Database::poolStatistics() const
{
    PoolStatistics statistics;
    statistics.inUse = m_pool->used();
    statistics.idle = m_pool->idle();
    statistics.capacity = m_pool->capacity();
    return statistics;
}

std::string Database::sqlitePath() const
{
    return m_dialect == SqlDialect::SQLite ? m_connectionString : std::string();
}

Transaction::Transaction(Database& database)
    : m_session(database.session())
{
    if (database.dialect() == SqlDialect::SQLite) {
        m_session << "BEGIN IMMEDIATE", now;
    } else {
        m_session << "BEGIN", now;
    }
}

Transaction::~Transaction()
{
    if (!m_open) {
        return;
    }
    try {
        m_session << "ROLLBACK", now;
    } catch (const Poco::Exception& error) {
        // A failed rollback leaves the connection unusable; closing it keeps it out of the pool.
        Poco::Logger::get("ileadx.storage").error("rollback failed, closing connection: %s", error.displayText());
        m_session.close();
    }
}

void Transaction::commit()
{
    m_session << "COMMIT", now;
    m_open = false;
}

} // namespace ileadx
