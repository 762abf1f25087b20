#include "health/HealthRepository.h"

#include "storage/Database.h"

#include <Poco/NumberParser.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

int HealthRepository::schemaVersion(Poco::Data::Session& session)
{
    int version = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
    return version;
}

std::int64_t HealthRepository::countActiveSessions(Poco::Data::Session& session, EpochMillis at)
{
    Poco::Int64 count = 0;
    Poco::Int64 when = at;
    session << m_database.sql("SELECT COUNT(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ?"),
        into(count), use(when), now;
    return count;
}

ConnectionCount HealthRepository::postgresConnections(Poco::Data::Session& session)
{
    Poco::Int64 open = 0;
    std::string max;
    session << "SELECT COUNT(*), current_setting('max_connections') FROM pg_stat_activity"
               " WHERE backend_type = 'client backend'",
        into(open), into(max), now;
    return ConnectionCount{open, Poco::NumberParser::parse64(max)};
}

} // namespace ileadx
