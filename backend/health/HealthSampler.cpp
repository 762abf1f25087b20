#include "health/HealthSampler.h"

#include "health/ApiProbe.h"
#include "health/HealthRepository.h"
#include "logging/LogEvent.h"
#include "metrics/Metrics.h"
#include "storage/Database.h"

#include <Poco/File.h>
#include <Poco/Logger.h>

#include <algorithm>

namespace ileadx {

namespace {

constexpr double kBytesPerMiB = 1024.0 * 1024.0;

Poco::Logger& healthLog()
{
    return Poco::Logger::get("ileadx.health");
}

double toMilliseconds(std::chrono::microseconds duration)
{
    return static_cast<double>(duration.count()) / 1000.0;
}

HealthCheck measured(std::string name, double value, std::string unit, const Threshold& threshold, std::string detail = {})
{
    HealthCheck check;
    check.name = std::move(name);
    check.level = levelFor(value, threshold);
    check.value = value;
    check.unit = std::move(unit);
    check.threshold = threshold;
    check.detail = std::move(detail);
    return check;
}

HealthCheck failed(std::string name, std::string unit, const Threshold& threshold, std::string detail)
{
    HealthCheck check;
    check.name = std::move(name);
    check.level = HealthLevel::Red;
    check.unit = std::move(unit);
    check.threshold = threshold;
    check.detail = std::move(detail);
    return check;
}

HealthCheck notConfigured(std::string name, std::string detail)
{
    HealthCheck check;
    check.name = std::move(name);
    check.level = HealthLevel::NotConfigured;
    check.detail = std::move(detail);
    return check;
}

Poco::Message::Priority priorityOf(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Red:
        return Poco::Message::PRIO_WARNING;
    case HealthLevel::Amber:
        return Poco::Message::PRIO_NOTICE;
    case HealthLevel::Green:
    case HealthLevel::NotConfigured:
        break;
    }
    return Poco::Message::PRIO_INFORMATION;
}

} // namespace

HealthSampler::HealthSampler(Database& database, Metrics& metrics, Settings settings)
    : m_database(database)
    , m_metrics(metrics)
    , m_settings(std::move(settings))
    , m_timer(0, static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(m_settings.interval).count()))
{
}

HealthSampler::~HealthSampler()
{
    stop();
}

void HealthSampler::start(int port, const std::string& certificatePath)
{
    {
        std::lock_guard lock(m_sampleMutex);
        m_probe = std::make_unique<ApiProbe>(port, certificatePath, m_settings.probeTimeout);
    }
    if (!m_running) {
        if (!m_timerThread) {
            m_timerThread = std::make_unique<Poco::ThreadPool>("health", 1, 1);
        }
        m_timer.start(Poco::TimerCallback<HealthSampler>(*this, &HealthSampler::onTimer), *m_timerThread);
        m_running = true;
    }
    healthLog().information("health sampler started: every %ld s, %z samples kept",
                            static_cast<long>(m_settings.interval.count()), m_settings.historySize);
}

void HealthSampler::stop()
{
    if (!m_running) {
        return;
    }
    m_timer.stop();
    m_running = false;
    std::lock_guard lock(m_sampleMutex);
    m_probe.reset();
}

void HealthSampler::onTimer(Poco::Timer&)
{
    try {
        sampleNow();
    } catch (const std::exception& error) {
        // Each check catches its own failures, so an exception here is a programming error. The
        // next tick samples again.
        healthLog().error("health sample failed: %s", errorText(error));
    }
}

HealthSample HealthSampler::sampleNow()
{
    std::lock_guard lock(m_sampleMutex);
    HealthSample sample;
    sample.sampledAt = nowMillis();
    sample.checks.push_back(checkApi());
    sample.checks.push_back(checkDatabaseLatency());
    sample.checks.push_back(checkPoolUsage());
    if (m_database.dialect() == SqlDialect::SQLite) {
        sample.checks.push_back(checkWalSize());
    } else {
        sample.checks.push_back(checkConnections());
    }
    addWorkChecks(sample.checks);
    // TODO: measure the share of sites crawled without an error once the crawler counts them.
    sample.checks.push_back(notConfigured("crawl_success_rate", "the crawler does not count its results yet"));

    std::vector<HealthLevel> levels;
    for (const HealthCheck& check : sample.checks) {
        levels.push_back(check.level);
    }
    sample.level = worstLevel(levels);
    logTransitions(sample);

    std::lock_guard historyLock(m_historyMutex);
    m_history.push_back(sample);
    while (m_history.size() > m_settings.historySize) {
        m_history.pop_front();
    }
    return sample;
}

std::optional<HealthSample> HealthSampler::latest() const
{
    std::lock_guard lock(m_historyMutex);
    if (m_history.empty()) {
        return std::nullopt;
    }
    return m_history.back();
}

std::vector<HealthSample> HealthSampler::history(std::size_t limit) const
{
    std::lock_guard lock(m_historyMutex);
    const std::size_t count = std::min(limit, m_history.size());
    return std::vector<HealthSample>(m_history.end() - static_cast<std::ptrdiff_t>(count), m_history.end());
}

HealthCheck HealthSampler::checkApi()
{
    const Threshold& threshold = m_settings.thresholds.apiLatencyMs;
    if (!m_probe) {
        return failed("api_latency", "ms", threshold, "the HTTPS listener is not running");
    }
    const ProbeResult result = m_probe->probe();
    if (!result.ok) {
        HealthCheck check = failed("api_latency", "ms", threshold, result.detail);
        check.value = toMilliseconds(result.latency);
        return check;
    }
    return measured("api_latency", toMilliseconds(result.latency), "ms", threshold, "GET /healthz returned status 200");
}

HealthCheck HealthSampler::checkDatabaseLatency()
{
    const Threshold& threshold = m_settings.thresholds.databaseLatencyMs;
    try {
        const std::chrono::microseconds latency = m_database.ping();
        m_metrics.observeDatabasePing(static_cast<double>(latency.count()) / 1e6);
        m_metrics.setDatabaseUp(true);
        return measured("database_latency", toMilliseconds(latency), "ms", threshold, "SELECT 1 succeeded");
    } catch (const std::exception& error) {
        // ServiceBusyException (every pooled session borrowed) is not a Poco::Exception.
        m_metrics.setDatabaseUp(false);
        if (!wasRed("database_latency")) {
            healthLog().warning("database ping failed: %s", errorText(error));
        }
        return failed("database_latency", "ms", threshold, "the database ping failed; the server log has the error");
    }
}

void HealthSampler::addWorkChecks(std::vector<HealthCheck>& checks)
{
    if (!m_workStatus) {
        checks.push_back(notConfigured("crawl_queue", "no search workers run in this process"));
        checks.push_back(notConfigured("worker_heartbeats", "no search workers run in this process"));
        checks.push_back(notConfigured("listing_providers", "no listing providers are configured"));
        return;
    }
    const Threshold& threshold = m_settings.thresholds.crawlQueueDepth;
    WorkStatus status;
    try {
        status = m_workStatus();
    } catch (const std::exception& error) {
        checks.push_back(failed("crawl_queue", "searches", threshold, "reading the search queue failed: " + errorText(error)));
        checks.push_back(notConfigured("worker_heartbeats", "unknown while the queue cannot be read"));
        checks.push_back(notConfigured("listing_providers", "unknown while the queue cannot be read"));
        return;
    }
    checks.push_back(measured("crawl_queue", static_cast<double>(status.queued), "searches", threshold,
                              "searches waiting for a worker"));

    HealthCheck heartbeats;
    heartbeats.name = "worker_heartbeats";
    heartbeats.level = status.workers > 0 && !status.stalled ? HealthLevel::Green : HealthLevel::Red;
    heartbeats.value = status.busy;
    heartbeats.unit = "workers";
    heartbeats.detail = status.stalled ? "idle search workers stopped polling the queue"
                                       : std::to_string(status.busy) + " of " + std::to_string(status.workers) +
                                             " search workers busy";
    checks.push_back(heartbeats);

    if (status.listingProviders == 0) {
        checks.push_back(notConfigured("listing_providers", "no listing providers are configured"));
    } else {
        HealthCheck providers;
        providers.name = "listing_providers";
        providers.level = HealthLevel::Green;
        providers.value = status.listingProviders;
        providers.unit = "providers";
        providers.detail = std::to_string(status.listingProviders) + " listing providers configured";
        checks.push_back(providers);
    }
}

HealthCheck HealthSampler::checkPoolUsage()
{
    const Database::PoolStatistics pool = m_database.poolStatistics();
    const double percent = pool.capacity > 0 ? 100.0 * pool.inUse / pool.capacity : 0.0;
    return measured("database_pool", percent, "percent", m_settings.thresholds.poolUsagePercent,
                    std::to_string(pool.inUse) + " of " + std::to_string(pool.capacity) + " sessions in use");
}

HealthCheck HealthSampler::checkWalSize()
{
    const Threshold& threshold = m_settings.thresholds.walSizeMiB;
    try {
        // SQLite keeps the write-ahead log beside the database file; it is absent after a clean close.
        const Poco::File wal(m_database.sqlitePath() + "-wal");
        const double mebibytes = wal.exists() ? static_cast<double>(wal.getSize()) / kBytesPerMiB : 0.0;
        return measured("sqlite_wal_size", mebibytes, "MiB", threshold, "size of the SQLite write-ahead log");
    } catch (const Poco::FileException& error) {
        return failed("sqlite_wal_size", "MiB", threshold, "reading the write-ahead log size failed: " + error.message());
    }
}

HealthCheck HealthSampler::checkConnections()
{
    const Threshold& threshold = m_settings.thresholds.connectionsPercent;
    try {
        Poco::Data::Session session = m_database.session();
        const ConnectionCount connections = HealthRepository(m_database).postgresConnections(session);
        const double percent = connections.max > 0 ? 100.0 * static_cast<double>(connections.open) /
                                                         static_cast<double>(connections.max)
                                                   : 0.0;
        return measured("postgres_connections", percent, "percent", threshold,
                        std::to_string(connections.open) + " of " + std::to_string(connections.max) +
                            " connections open on the PostgreSQL server");
    } catch (const std::exception& error) {
        if (!wasRed("postgres_connections")) {
            healthLog().warning("counting PostgreSQL connections failed: %s", errorText(error));
        }
        return failed("postgres_connections", "percent", threshold,
                      "counting the connections failed; the server log has the error");
    }
}

bool HealthSampler::wasRed(const std::string& check) const
{
    const auto found = m_lastLevels.find(check);
    return found != m_lastLevels.end() && found->second == HealthLevel::Red;
}

void HealthSampler::logTransitions(const HealthSample& sample)
{
    for (const HealthCheck& check : sample.checks) {
        const auto found = m_lastLevels.find(check.name);
        const std::optional<HealthLevel> previous =
            found == m_lastLevels.end() ? std::nullopt : std::optional<HealthLevel>(found->second);
        m_lastLevels[check.name] = check.level;

        // The first sample logs only what is not green, later ones every change.
        const bool changed = previous ? *previous != check.level
                                      : check.level == HealthLevel::Red || check.level == HealthLevel::Amber;
        if (!changed) {
            continue;
        }
        LogEvent event("health check changed");
        event.add("check", check.name)
            .add("from", previous ? healthLevelName(*previous) : std::string_view("none"))
            .add("to", healthLevelName(check.level));
        if (check.value) {
            event.add("value", *check.value, 2);
        }
        event.add("unit", check.unit).add("detail", check.detail);
        event.log(healthLog(), priorityOf(check.level));
    }
}

} // namespace ileadx
