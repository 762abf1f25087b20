#include "health/ReadinessProbe.h"

#include "health/HealthRepository.h"
#include "logging/LogEvent.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Logger.h>

#include <chrono>
#include <optional>

namespace ileadx {

namespace {

Poco::JSON::Object::Ptr checkObject(const std::string& status)
{
    Poco::JSON::Object::Ptr check = new Poco::JSON::Object;
    check->set("status", status);
    return check;
}

} // namespace

ReadinessProbe::ReadinessProbe(Database& database)
    : m_database(database)
{
}

ReadinessProbe::Result ReadinessProbe::check()
{
    Poco::JSON::Object::Ptr checks = new Poco::JSON::Object;
    std::optional<int> schemaVersion;
    std::string failure;

    Poco::JSON::Object::Ptr database;
    try {
        const std::chrono::microseconds latency = m_database.ping();
        Poco::Data::Session session = m_database.session();
        schemaVersion = HealthRepository(m_database).schemaVersion(session);
        database = checkObject("ok");
        database->set("latency_ms", static_cast<double>(latency.count()) / 1000.0);
    } catch (const std::exception& error) {
        // The body is public, so it names the failing check; the error itself goes to the log.
        failure = errorText(error);
        database = checkObject("failed");
        database->set("error", "the database ping failed; the server log has the error");
    }
    checks->set("database", database);

    Poco::JSON::Object::Ptr migrations;
    const int expected = latestSchemaVersion();
    if (!schemaVersion) {
        migrations = checkObject("unknown");
        migrations->set("error", "the schema version cannot be read while the database is failing");
    } else if (*schemaVersion != expected) {
        migrations = checkObject("failed");
        migrations->set("error", *schemaVersion < expected ? "the database schema is older than this server"
                                                           : "the database schema is newer than this server");
    } else {
        migrations = checkObject("ok");
    }
    migrations->set("expected_version", expected);
    if (schemaVersion) {
        migrations->set("schema_version", *schemaVersion);
    }
    checks->set("migrations", migrations);

    // TODO: check worker heartbeats and the crawl queue once the crawler exists.
    checks->set("workers", checkObject("not_configured"));
    checks->set("crawl_queue", checkObject("not_configured"));

    Result result;
    result.ready = schemaVersion && *schemaVersion == expected;
    result.body = new Poco::JSON::Object;
    result.body->set("status", result.ready ? "ready" : "not_ready");
    result.body->set("checks", checks);

    const bool wasReady = m_lastReady.exchange(result.ready);
    Poco::Logger& log = Poco::Logger::get("ileadx.health");
    if (wasReady && !result.ready) {
        log.warning("not ready: database %s, schema version %s, expected %d, database error: %s",
                    database->getValue<std::string>("status"),
                    schemaVersion ? std::to_string(*schemaVersion) : std::string("unknown"), expected,
                    failure.empty() ? std::string("none") : failure);
    } else if (!wasReady && result.ready) {
        log.information("ready again");
    }
    return result;
}

} // namespace ileadx
