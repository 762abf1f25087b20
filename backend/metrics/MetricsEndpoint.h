#pragma once

#include "health/WorkStatus.h"

#include <Poco/Net/IPAddress.h>

#include <mutex>
#include <string>
#include <string_view>

namespace ileadx {

class Database;
class Metrics;
class PasswordHasher;

/// Path of the Prometheus scrape endpoint, served by MetricsRequestHandler outside the JSON router.
inline constexpr std::string_view kMetricsPath = "/metrics";

/// Access rules of /metrics.
struct MetricsAccess
{
    bool loopbackOnly = true;
    std::string bearerToken; ///< required as "Authorization: Bearer TOKEN" when not empty
};

/// Returns whether `address` is a loopback address: 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into
/// IPv6 (::ffff:127.0.0.1), as a dual-stack listener reports IPv4 clients.
bool isLoopbackAddress(const Poco::Net::IPAddress& address);

/// The scrape endpoint's logic: the access check and the values read at scrape time (a database
/// ping, the pool, the password hashing queue and the number of active sessions).
class MetricsEndpoint final
{
public:
    MetricsEndpoint(Metrics& metrics, Database& database, const PasswordHasher& hasher, MetricsAccess access);

    /// Throws ApiException 403 when loopback-only is set and `client` is not loopback, and 401 when
    /// a bearer token is configured and `authorization` does not carry it. The token is compared in
    /// constant time.
    void checkAccess(const Poco::Net::IPAddress& client, const std::string& authorization) const;

    /// Refreshes the values read at scrape time and returns every metric in the text exposition
    /// format. A failing database is reported through ileadx_database_up, not thrown.
    std::string scrape();

    /// Adds the search queue and workers to every scrape.
    void setWorkStatusSource(WorkStatusSource source) { m_workStatus = std::move(source); }

    Metrics& metrics() { return m_metrics; }

private:
    void refreshDatabaseValues();

    Metrics& m_metrics;
    Database& m_database;
    const PasswordHasher& m_hasher;
    MetricsAccess m_access;
    WorkStatusSource m_workStatus;
    std::string m_tokenDigest; ///< SHA-256 of the configured token, so comparisons take equal time
    std::mutex m_scrapeMutex;
    bool m_databaseWasUp = true;
};

} // namespace ileadx
