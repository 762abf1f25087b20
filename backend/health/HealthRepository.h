#pragma once

#include "common/Clock.h"

#include <Poco/Data/Session.h>

#include <cstdint>

namespace ileadx {

class Database;

/// Client connections of a PostgreSQL server and the most it accepts.
struct ConnectionCount
{
    std::int64_t open = 0;
    std::int64_t max = 0;
};

/// SQL for the read-only queries behind readiness, health samples and metrics.
class HealthRepository final
{
public:
    explicit HealthRepository(Database& database)
        : m_database(database)
    {
    }

    /// Returns the newest applied migration number, or 0 when none was applied.
    int schemaVersion(Poco::Data::Session& session);

    /// Counts the sessions that are neither revoked nor expired at `at`.
    std::int64_t countActiveSessions(Poco::Data::Session& session, EpochMillis at);

    /// Counts client connections to the whole PostgreSQL server and reads max_connections.
    /// Only valid on PostgreSQL.
    ConnectionCount postgresConnections(Poco::Data::Session& session);

private:
    Database& m_database;
};

} // namespace ileadx
