#pragma once

#include "health/HealthSample.h"
#include "ratelimit/RateLimiter.h"
#include "searches/PlanLimits.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx {

/// One configuration key with its default, unit and meaning; the table drives --help, the
/// environment overrides and the defaults, so the three cannot drift apart.
struct ConfigOption
{
    std::string_view key;
    std::string_view defaultValue;
    std::string_view unit;
    std::string_view description;
};

/// Returns every configuration key the server reads.
const std::vector<ConfigOption>& configOptions();

/// Returns the environment variable that overrides `key`: "server.port" becomes ILEADX_SERVER_PORT.
std::string environmentVariableFor(std::string_view key);

/// Copies every ILEADX_* environment override of a known key into `config`.
void applyEnvironmentOverrides(Poco::Util::AbstractConfiguration& config);

/// The server's settings, read once at start-up.
struct ServerConfig
{
    std::string host;
    int port = 0;
    int threads = 0;
    int queueLength = 0;
    int keepAliveSeconds = 0;
    int maxBodyBytes = 0;
    std::string trustedProxies;
    int drainSeconds = 0;

    std::string tlsMinimumVersion;
    std::string tlsCertificateFile;
    std::string tlsPrivateKeyFile;

    std::string dataDirectory;
    std::string databaseUrl;
    int databasePoolSize = 0;
    std::string resourceDirectory;

    std::string tokenIssuer;
    std::string tokenAudience;
    int accessTokenMinutes = 0;
    int refreshTokenDays = 0;
    int rememberMeDays = 0;
    int sessionCacheSeconds = 0;
    int sessionMaxDays = 0;
    int maxSessionsPerUser = 0;
    int stepUpMinutes = 0;
    bool requireTwoFactorForAdmins = true;

    int hashPasses = 0;
    int hashMemoryMiB = 0;
    int hashConcurrency = 0;
    int hashWaitSeconds = 0;

    int signInFreeFailures = 0;
    int signInWindowSeconds = 0;
    int signInDelaySeconds = 0;
    int signInMaxDelaySeconds = 0;
    /// Token-bucket limit of each route class in ratelimit/RouteClass.h.
    std::map<std::string, RateLimitRule, std::less<>> rateLimitRules;
    int rateLimitMaxBuckets = 0;

    std::string bootstrapAdminEmail;
    std::string logLevel;
    std::string logFormat; ///< "plain" or "json"

    bool metricsLoopbackOnly = true;
    std::string metricsBearerToken; ///< a secret: never log it

    int healthSampleSeconds = 0;
    int healthHistorySize = 0;
    HealthThresholds healthThresholds;

    int searchWorkers = 0;
    int searchSiteConcurrency = 0;
    int searchMaxAttempts = 0;

    std::string crawlerUserAgent;
    int crawlerMaxPagesPerSite = 0;
    int crawlerConnectTimeoutMs = 0;
    int crawlerTotalTimeoutMs = 0;
    int crawlerPerHostDelayMs = 0;
    int crawlerGlobalConcurrency = 0;
    bool crawlerAllowPrivateAddresses = false;
    std::map<std::string, std::string> crawlerResolve; ///< "host:port" -> "address:port"

    std::string googlePlacesBaseUrl; ///< empty: the provider's built-in address
    std::string googlePlacesApiKey;  ///< a secret: never log it
    std::string overpassUrl;
    std::string listingsFile;
    int providerTimeoutSeconds = 0;

    PlanLimits planLimits;

    bool demoEnabled = false;
    std::string demoSitesDirectory;

    /// Reads every key of configOptions() from `config`, falling back to the table's defaults and
    /// resolving derived values (the SQLite path inside the data folder, the hashing concurrency).
    /// Throws Poco::InvalidArgumentException naming the key when a value is out of range.
    static ServerConfig from(const Poco::Util::AbstractConfiguration& config);
};

} // namespace ileadx
