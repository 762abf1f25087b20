#include "metrics/MetricsEndpoint.h"

#include "auth/PasswordHasher.h"
#include "common/Clock.h"
#include "common/Random.h"
#include "health/HealthRepository.h"
#include "http/ApiException.h"
#include "logging/LogEvent.h"
#include "metrics/Metrics.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"

#include <Poco/Logger.h>

#include <sodium.h>

namespace ileadx {

namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

Poco::Logger& metricsLog()
{
    return Poco::Logger::get("ileadx.metrics");
}

} // namespace

bool isLoopbackAddress(const Poco::Net::IPAddress& address)
{
    if (address.isLoopback()) {
        return true;
    }
    if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped()) {
        // The last four bytes hold the IPv4 address.
        const auto* bytes = static_cast<const unsigned char*>(address.addr());
        return bytes[12] == 127;
    }
    return false;
}

MetricsEndpoint::MetricsEndpoint(Metrics& metrics, Database& database, const PasswordHasher& hasher,
                                 MetricsAccess access)
    : m_metrics(metrics)
    , m_database(database)
    , m_hasher(hasher)
    , m_access(std::move(access))
{
    if (!m_access.bearerToken.empty()) {
        m_tokenDigest = sha256Hex(m_access.bearerToken);
    }
    if (!m_access.loopbackOnly && m_access.bearerToken.empty()) {
        metricsLog().warning("/metrics is served to every client: metrics.allowLoopbackOnly is false and "
                             "metrics.bearerToken is empty");
    }
}

void MetricsEndpoint::checkAccess(const Poco::Net::IPAddress& client, const std::string& authorization) const
{
    if (m_access.loopbackOnly && !isLoopbackAddress(client)) {
        throw ApiException(403, problem::kForbidden, "Forbidden",
                           "Metrics are served to loopback clients only (metrics.allowLoopbackOnly).");
    }
    if (m_tokenDigest.empty()) {
        return;
    }
    if (!authorization.starts_with(kBearerPrefix)) {
        throw unauthorized();
    }
    // Comparing digests of equal length keeps the time independent of where the texts differ and
    // of the offered token's length.
    const std::string offered = sha256Hex(authorization.substr(kBearerPrefix.size()));
    if (sodium_memcmp(offered.data(), m_tokenDigest.data(), m_tokenDigest.size()) != 0) {
        throw unauthorized();
    }
}

std::string MetricsEndpoint::scrape()
{
    std::lock_guard lock(m_scrapeMutex);
    refreshDatabaseValues();

    const Database::PoolStatistics pool = m_database.poolStatistics();
    m_metrics.setDatabasePool(pool.inUse, pool.capacity);
    m_metrics.setPasswordHashing(m_hasher.waiting(), m_hasher.running(), m_hasher.maxConcurrent());
    if (m_workStatus) {
        try {
            const WorkStatus work = m_workStatus();
            m_metrics.setSearchWork(work.queued, work.busy, work.workers);
        } catch (const std::exception& error) {
            // The gauges keep their last values; refreshDatabaseValues() already reports the database.
            metricsLog().warning("reading the search queue during a metrics scrape failed: %s", errorText(error));
        }
    }
    return m_metrics.serialize();
}

void MetricsEndpoint::refreshDatabaseValues()
{
    try {
        const std::chrono::microseconds latency = m_database.ping();
        m_metrics.observeDatabasePing(static_cast<double>(latency.count()) / 1e6);

        Poco::Data::Session session = m_database.session();
        m_metrics.setActiveSessions(HealthRepository(m_database).countActiveSessions(session, nowMillis()));
        m_metrics.setDatabaseUp(true);
        m_databaseWasUp = true;
    } catch (const std::exception& error) {
        // ServiceBusyException (every pooled session borrowed) is not a Poco::Exception.
        m_metrics.setDatabaseUp(false);
        m_metrics.setActiveSessions(std::nullopt);
        if (m_databaseWasUp) {
            metricsLog().warning("database unavailable during a metrics scrape: %s", errorText(error));
        }
        m_databaseWasUp = false;
    }
}

} // namespace ileadx
