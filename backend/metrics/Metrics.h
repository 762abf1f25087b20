#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace prometheus {
class Counter;
class Gauge;
class Histogram;
class Registry;
template <typename T>
class Family;
} // namespace prometheus

namespace ileadx {

/// The server's Prometheus metrics, kept in a prometheus-cpp registry that ServerRuntime owns.
/// Request counters and histograms are updated on the request path; the gauges that describe the
/// database, the password hashing queue and the sessions are set by MetricsEndpoint at scrape time.
/// Every method may be called from any thread.
class Metrics final
{
public:
    Metrics();
    ~Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    /// Counts one request in flight for as long as it lives.
    class InFlight final
    {
    public:
        explicit InFlight(prometheus::Gauge& gauge);
        ~InFlight();
        InFlight(const InFlight&) = delete;
        InFlight& operator=(const InFlight&) = delete;

    private:
        prometheus::Gauge& m_gauge;
    };

    [[nodiscard]] InFlight trackInFlight();

    /// Counts a finished request. `route` is the route's path template, such as
    /// "/api/v1/me/sessions/{id}", or "unmatched", so that the number of series stays bounded.
    void countRequest(std::string_view method, std::string_view route, int status, double seconds);

    /// Counts a request rejected by a rate limit.
    void countRateLimited();

    /// Records the duration of one database ping and whether it succeeded.
    void observeDatabasePing(double seconds);
    void setDatabaseUp(bool up);

    void setDatabasePool(int inUse, int capacity);
    void setPasswordHashing(int waiting, int running, int slots);

    /// Sets the search queue depth and the worker counts.
    void setSearchWork(std::int64_t queued, int busy, int workers);

    /// Sets the number of active sessions, or removes the series when it could not be counted, so a
    /// stale value is never reported.
    void setActiveSessions(std::optional<std::int64_t> count);

    /// Returns every metric in the Prometheus text exposition format, version 0.0.4.
    std::string serialize() const;

private:
    std::unique_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter>* m_requests = nullptr;
    prometheus::Family<prometheus::Histogram>* m_requestDuration = nullptr;
    prometheus::Gauge* m_inFlight = nullptr;
    prometheus::Counter* m_rateLimited = nullptr;
    prometheus::Histogram* m_databasePing = nullptr;
    prometheus::Gauge* m_databaseUp = nullptr;
    prometheus::Gauge* m_poolInUse = nullptr;
    prometheus::Gauge* m_poolCapacity = nullptr;
    prometheus::Gauge* m_hashWaiting = nullptr;
    prometheus::Gauge* m_hashRunning = nullptr;
    prometheus::Gauge* m_hashSlots = nullptr;
    prometheus::Gauge* m_searchesQueued = nullptr;
    prometheus::Gauge* m_searchWorkersBusy = nullptr;
    prometheus::Gauge* m_searchWorkers = nullptr;
    prometheus::Family<prometheus::Gauge>* m_activeSessionsFamily = nullptr;
    std::mutex m_activeSessionsMutex;
    prometheus::Gauge* m_activeSessions = nullptr; ///< null while the count is unknown
};

/// Content-Type of the text exposition format that serialize() returns.
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

} // namespace ileadx
