#pragma once

#include "health/HealthSample.h"
#include "health/WorkStatus.h"

#include <Poco/ThreadPool.h>
#include <Poco/Timer.h>

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class ApiProbe;
class Database;
class Metrics;

/// Measures the server's health every few seconds and keeps a bounded history for the console's
/// charts: API responsiveness through a real HTTPS request to /healthz, database ping latency,
/// pool usage, the SQLite WAL size or the PostgreSQL connection count, and the search workers with
/// their queue.
class HealthSampler final
{
public:
    struct Settings
    {
        std::chrono::seconds interval{5};
        std::size_t historySize = 720;
        HealthThresholds thresholds;
        /// Timeout of the /healthz request. A probe that times out is red.
        std::chrono::milliseconds probeTimeout{5000};
    };

    HealthSampler(Database& database, Metrics& metrics, Settings settings);
    ~HealthSampler();
    HealthSampler(const HealthSampler&) = delete;
    HealthSampler& operator=(const HealthSampler&) = delete;

    /// Starts sampling, the first sample at once. The API check requests
    /// https://127.0.0.1:`port`/healthz and trusts only the certificate in `certificatePath`.
    void start(int port, const std::string& certificatePath);

    /// Stops sampling and waits for a sample in progress; the history stays readable.
    void stop();

    /// Adds the search workers, their queue and the listing providers to the checks; without a
    /// source they are reported as not configured. Call it before start().
    void setWorkStatusSource(WorkStatusSource source) { m_workStatus = std::move(source); }

    /// Takes one sample now, adds it to the history and returns it.
    HealthSample sampleNow();

    /// Returns the newest sample, or nothing before the first one.
    std::optional<HealthSample> latest() const;

    /// Returns up to `limit` of the newest samples, oldest first.
    std::vector<HealthSample> history(std::size_t limit) const;

    const Settings& settings() const { return m_settings; }

private:
    void onTimer(Poco::Timer& timer);
    HealthCheck checkApi();
    HealthCheck checkDatabaseLatency();
    HealthCheck checkPoolUsage();
    HealthCheck checkWalSize();
    HealthCheck checkConnections();
    void addWorkChecks(std::vector<HealthCheck>& checks);
    /// Returns whether `check` was red in the previous sample, so a lasting failure is logged once.
    bool wasRed(const std::string& check) const;
    void logTransitions(const HealthSample& sample);

    Database& m_database;
    Metrics& m_metrics;
    Settings m_settings;
    WorkStatusSource m_workStatus;
    // The timer's own thread, so it never competes for Poco's default pool of 16 threads.
    std::unique_ptr<Poco::ThreadPool> m_timerThread;
    Poco::Timer m_timer;
    bool m_running = false;

    // Serialises whole samples, so the history stays in time order and the probe is not shared.
    std::mutex m_sampleMutex;
    std::unique_ptr<ApiProbe> m_probe;
    std::map<std::string, HealthLevel> m_lastLevels;

    mutable std::mutex m_historyMutex;
    std::deque<HealthSample> m_history;
};

} // namespace ileadx
