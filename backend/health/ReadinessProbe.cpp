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

    const bool workersUsable = addWorkChecks(checks);

    Result result;
    result.ready = schemaVersion && *schemaVersion == expected && workersUsable;
    result.body = new Poco::JSON::Object;
    result.body->set("status", result.ready ? "ready" : "not_ready");
    result.body->set("checks", checks);

    const bool wasReady = m_lastReady.exchange(result.ready);
    Poco::Logger& log = Poco::Logger::get("ileadx.health");
    if (wasReady && !result.ready) {
        log.warning("not ready: database %s, workers usable %s, schema version %s, expected %d, database error: %s",
                    database->getValue<std::string>("status"), std::string(workersUsable ? "yes" : "no"),
                    schemaVersion ? std::to_string(*schemaVersion) : std::string("unknown"), expected,
                    failure.empty() ? std::string("none") : failure);
    } else if (!wasReady && result.ready) {
        log.information("ready again");
    }
    return result;
}

bool ReadinessProbe::addWorkChecks(Poco::JSON::Object::Ptr& checks)
{
    if (!m_workStatus) {
        checks->set("workers", checkObject("not_configured"));
        checks->set("crawl_queue", checkObject("not_configured"));
        return true;
    }
    try {
        const WorkStatus status = m_workStatus();
        Poco::JSON::Object::Ptr workers = checkObject(status.workers > 0 && !status.stalled ? "ok" : "failed");
        workers->set("workers", status.workers);
        workers->set("busy", status.busy);
        if (status.stalled) {
            workers->set("error", "idle search workers stopped polling the queue");
        }
        checks->set("workers", workers);
        Poco::JSON::Object::Ptr queue = checkObject("ok");
        queue->set("queued", status.queued);
        checks->set("crawl_queue", queue);
        return status.workers > 0 && !status.stalled;
    } catch (const std::exception& error) {
        Poco::Logger::get("ileadx.health").warning("reading the search queue failed: %s", errorText(error));
        checks->set("workers", checkObject("unknown"));
        Poco::JSON::Object::Ptr queue = checkObject("failed");
        queue->set("error", "the search queue cannot be read; the server log has the error");
        checks->set("crawl_queue", queue);
        return false;
    }
}

} // namespace ileadx
