#include "metrics/Metrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>

namespace ileadx {

namespace {

// Upper bounds in seconds. Requests that hash a password take a few hundred milliseconds, so the
// request buckets reach 10 s. A ping on a healthy local database takes well under a millisecond.
const prometheus::Histogram::BucketBoundaries kRequestBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                              0.5,   1.0,  2.5,   5.0,  10.0};
const prometheus::Histogram::BucketBoundaries kPingBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,   0.5,   1.0};

prometheus::Gauge& singleGauge(prometheus::Registry& registry, const std::string& name, const std::string& help)
{
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add({});
}

} // namespace

Metrics::InFlight::InFlight(prometheus::Gauge& gauge)
    : m_gauge(gauge)
{
    m_gauge.Increment();
}

Metrics::InFlight::~InFlight()
{
    m_gauge.Decrement();
}

Metrics::Metrics()
    : m_registry(std::make_unique<prometheus::Registry>())
{
    prometheus::Registry& registry = *m_registry;
    m_requests = &prometheus::BuildCounter()
                      .Name("ileadx_http_requests_total")
                      .Help("HTTP requests completed, by method, route template and status code.")
                      .Register(registry);
    m_requestDuration = &prometheus::BuildHistogram()
                             .Name("ileadx_http_request_duration_seconds")
                             .Help("Time from reading a request's headers to sending its response, by method and route template.")
                             .Register(registry);
    m_inFlight = &singleGauge(registry, "ileadx_http_requests_in_flight", "HTTP requests being handled now.");
    m_rateLimited = &prometheus::BuildCounter()
                         .Name("ileadx_rate_limited_requests_total")
                         .Help("Requests rejected with 429 because a rate limit was exceeded.")
                         .Register(registry)
                         .Add({});

    m_databasePing = &prometheus::BuildHistogram()
                          .Name("ileadx_database_ping_duration_seconds")
                          .Help("Duration of the SELECT 1 pings run by each metrics scrape and each health sample.")
                          .Register(registry)
                          .Add({}, kPingBuckets);
    m_databaseUp = &singleGauge(registry, "ileadx_database_up", "1 when the last database ping succeeded, else 0.");
    m_poolInUse = &singleGauge(registry, "ileadx_database_pool_sessions_in_use",
                               "Database sessions borrowed from the pool at scrape time.");
    m_poolCapacity = &singleGauge(registry, "ileadx_database_pool_sessions_max",
                                  "Largest number of database sessions the pool opens (database.poolSize).");
    m_hashWaiting = &singleGauge(registry, "ileadx_password_hash_waiting",
                                 "Password hashing calls waiting for a free slot at scrape time.");
    m_hashRunning = &singleGauge(registry, "ileadx_password_hash_running",
                                 "Password hashing calls holding a slot at scrape time.");
    m_hashSlots = &singleGauge(registry, "ileadx_password_hash_slots",
                               "Password hashes that may run at once (auth.hashConcurrency).");
    m_searchesQueued = &singleGauge(registry, "ileadx_searches_queued",
                                    "Lead searches waiting for a worker (the crawl queue) at scrape time.");
    m_searchWorkersBusy = &singleGauge(registry, "ileadx_search_workers_busy",
                                       "Search workers running a search at scrape time.");
    m_searchWorkers = &singleGauge(registry, "ileadx_search_workers",
                                   "Search worker threads started (searches.workers).");
    m_activeSessionsFamily = &prometheus::BuildGauge()
                                  .Name("ileadx_sessions_active")
                                  .Help("Sessions neither revoked nor expired, counted at scrape time.")
                                  .Register(registry);
}

Metrics::~Metrics() = default;

Metrics::InFlight Metrics::trackInFlight()
{
    return InFlight(*m_inFlight);
}

void Metrics::countRequest(std::string_view method, std::string_view route, int status, double seconds)
{
    const std::string methodLabel(method);
    const std::string routeLabel(route);
    m_requests->Add({{"method", methodLabel}, {"route", routeLabel}, {"status", std::to_string(status)}}).Increment();
    m_requestDuration->Add({{"method", methodLabel}, {"route", routeLabel}}, kRequestBuckets).Observe(seconds);
}

void Metrics::countRateLimited()
{
    m_rateLimited->Increment();
}

void Metrics::observeDatabasePing(double seconds)
{
    m_databasePing->Observe(seconds);
}

void Metrics::setDatabaseUp(bool up)
{
    m_databaseUp->Set(up ? 1.0 : 0.0);
}

void Metrics::setDatabasePool(int inUse, int capacity)
{
    m_poolInUse->Set(inUse);
    m_poolCapacity->Set(capacity);
}

void Metrics::setPasswordHashing(int waiting, int running, int slots)
{
    m_hashWaiting->Set(waiting);
    m_hashRunning->Set(running);
    m_hashSlots->Set(slots);
}

void Metrics::setSearchWork(std::int64_t queued, int busy, int workers)
{
    m_searchesQueued->Set(static_cast<double>(queued));
    m_searchWorkersBusy->Set(busy);
    m_searchWorkers->Set(workers);
}

void Metrics::setActiveSessions(std::optional<std::int64_t> count)
{
    std::lock_guard lock(m_activeSessionsMutex);
    if (!count) {
        if (m_activeSessions) {
            m_activeSessionsFamily->Remove(m_activeSessions);
            m_activeSessions = nullptr;
        }
        return;
    }
    if (!m_activeSessions) {
        m_activeSessions = &m_activeSessionsFamily->Add({});
    }
    m_activeSessions->Set(static_cast<double>(*count));
}

std::string Metrics::serialize() const
{
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, m_registry->Collect());
    return out.str();
}

} // namespace ileadx
