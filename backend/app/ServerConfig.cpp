#include "app/ServerConfig.h"

#include "ratelimit/RouteClass.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <thread>

namespace ileadx {

const std::vector<ConfigOption>& configOptions()
{
    static const std::vector<ConfigOption> options = {
        {"server.host", "127.0.0.1", "address", "address to listen on; 0.0.0.0 or :: for every interface"},
        {"server.port", "8443", "port", "HTTPS port; 0 picks a free port and prints it"},
        {"server.threads", "64", "threads", "worker threads, which is also the number of connections served at once"},
        {"server.queueLength", "256", "connections", "accepted connections that may wait for a worker"},
        {"server.keepAliveSeconds", "15", "seconds", "how long an idle keep-alive connection stays open"},
        {"server.maxBodyBytes", "65536", "bytes", "largest request body accepted"},
        {"server.trustedProxies", "", "addresses", "comma-separated reverse proxies whose X-Forwarded-For header is used"},
        {"server.drainSeconds", "10", "seconds", "how long a stop waits for requests in flight"},
        {"tls.minimumVersion", "1.3", "1.2|1.3", "oldest TLS version accepted; 1.2 allows only ECDHE with AEAD ciphers"},
        {"tls.certificateFile", "", "path", "PEM certificate chain; empty creates a self-signed one in the data folder"},
        {"tls.privateKeyFile", "", "path", "PEM private key for tls.certificateFile"},
        {"data.dir", "data", "path", "folder for the database, secrets and the self-signed certificate"},
        {"database.url", "", "URL", "'sqlite:PATH' or 'postgresql:host=... dbname=...'; empty uses SQLite in the data folder"},
        {"database.poolSize", "16", "connections", "largest number of open database connections"},
        {"resources.dir", "", "path", "folder with run-time resources; empty finds the installed or source folder"},
        {"auth.issuer", "ileadx", "text", "'iss' claim of access tokens"},
        {"auth.audience", "ileadx-api", "text", "'aud' claim of access tokens"},
        {"auth.accessTokenMinutes", "480", "minutes", "lifetime of an access token"},
        {"auth.refreshTokenDays", "7", "days", "lifetime of a session and its refresh token"},
        {"auth.rememberMeDays", "30", "days", "lifetime of a session signed in with 'remember me'"},
        {"auth.sessionMaxDays", "90", "days", "absolute lifetime of a session, however often it is refreshed"},
        {"auth.maxSessionsPerUser", "10", "sessions", "sessions one account holds at once; the oldest is revoked beyond it"},
        {"auth.sessionCacheSeconds", "5", "seconds", "how long a session found active is trusted without a database read"},
        {"auth.stepUpMinutes", "15", "minutes", "how recent a sign-in or TOTP code role changes, deletions and settings need; 0 rejects them all"},
        {"auth.requireTwoFactorForAdmins", "true", "true|false", "admins without two-factor sign-in get sessions that may only enrol"},
        {"auth.hashPasses", "2", "passes", "Argon2id passes (opslimit); at least 2"},
        {"auth.hashMemoryMiB", "64", "MiB", "Argon2id memory per hash; at least 64"},
        {"auth.hashConcurrency", "0", "hashes", "password hashes computed at once; 0 means one per CPU core"},
        {"auth.hashWaitSeconds", "30", "seconds", "how long a sign-in waits for a hashing slot before a 503 answer"},
        {"auth.signInFreeFailures", "5", "failures", "failed sign-ins for one email address before further attempts must wait"},
        {"auth.signInWindowSeconds", "900", "seconds", "how long failed sign-ins for an address count after the last one"},
        {"auth.signInDelaySeconds", "1", "seconds", "first wait after the free failures; doubles with each further failure"},
        {"auth.signInMaxDelaySeconds", "60", "seconds", "longest wait between sign-in attempts for one address"},
        {"ratelimit.authPerMinute", "20", "requests/minute", "refill rate of the sign-in, registration, refresh and sign-out limit, per client address and per account"},
        {"ratelimit.authBurst", "10", "requests", "requests of the auth routes allowed at once before the refill rate applies"},
        {"ratelimit.searchPerMinute", "60", "requests/minute", "refill rate of the search limit, per client address and per account"},
        {"ratelimit.searchBurst", "20", "requests", "search requests allowed at once before the refill rate applies"},
        {"ratelimit.exportPerMinute", "10", "requests/minute", "refill rate of the export limit, per client address and per account"},
        {"ratelimit.exportBurst", "5", "requests", "export requests allowed at once before the refill rate applies"},
        {"ratelimit.defaultPerMinute", "600", "requests/minute", "refill rate of the limit on every other route, per client address and per account"},
        {"ratelimit.defaultBurst", "120", "requests", "requests of other routes allowed at once before the refill rate applies"},
        {"ratelimit.maxBuckets", "100000", "buckets", "rate-limit buckets kept in memory, and separately sign-in failure records; past it the least recently used is dropped"},
        {"bootstrap.adminEmail", "admin@ileadx.local", "email", "super admin created at first start on an empty database"},
        {"log.level", "information", "level", "lowest level logged: fatal, error, warning, notice, information, debug"},
        {"log.format", "plain", "plain|json", "plain: one text line per event; json: one JSON object per line with time, level, logger, message and fields"},
        {"metrics.allowLoopbackOnly", "true", "true|false", "serve /metrics only to clients on 127.0.0.0/8 or ::1; a proxy on this host counts as loopback unless it is in server.trustedProxies"},
        {"metrics.bearerToken", "", "text", "when set, /metrics requires 'Authorization: Bearer TOKEN'; at least 16 characters"},
        {"health.sampleSeconds", "5", "seconds", "interval between health samples"},
        {"health.historySize", "720", "samples", "health samples kept for GET /api/v1/admin/health/history"},
        {"health.apiLatencyAmberMs", "250", "ms", "GET /healthz latency at which the api_latency check turns amber"},
        {"health.apiLatencyRedMs", "1000", "ms", "GET /healthz latency at which the api_latency check turns red"},
        {"health.databaseLatencyAmberMs", "50", "ms", "database ping latency at which the database_latency check turns amber"},
        {"health.databaseLatencyRedMs", "250", "ms", "database ping latency at which the database_latency check turns red"},
        {"health.poolUsageAmberPercent", "75", "percent", "share of database.poolSize in use at which the database_pool check turns amber"},
        {"health.poolUsageRedPercent", "95", "percent", "share of database.poolSize in use at which the database_pool check turns red"},
        {"health.walSizeAmberMiB", "64", "MiB", "SQLite write-ahead log size at which the sqlite_wal_size check turns amber"},
        {"health.walSizeRedMiB", "256", "MiB", "SQLite write-ahead log size at which the sqlite_wal_size check turns red"},
        {"health.connectionsAmberPercent", "75", "percent", "share of PostgreSQL max_connections open at which the postgres_connections check turns amber"},
        {"health.connectionsRedPercent", "90", "percent", "share of PostgreSQL max_connections open at which the postgres_connections check turns red"},
        {"searches.workers", "2", "jobs", "lead searches run at once; further searches wait in the queue"},
        {"searches.siteConcurrency", "4", "sites", "websites of one search crawled at once"},
        {"searches.maxAttempts", "2", "runs", "runs of a search a server restart may interrupt before the search fails"},
        {"crawler.userAgent", "iLeadXBot/1.0 (+https://ileadx.example/bot)", "text", "User-Agent header of the crawler, also the name matched in robots.txt"},
        {"crawler.maxPagesPerSite", "5", "pages", "pages fetched per website: the home page and the likeliest contact pages"},
        {"crawler.connectTimeoutMs", "5000", "ms", "time allowed to connect to a website"},
        {"crawler.totalTimeoutMs", "15000", "ms", "time allowed for one page, from connecting to the last byte"},
        {"crawler.perHostDelayMs", "1000", "ms", "pause between two requests to the same host"},
        {"crawler.globalConcurrency", "16", "requests", "requests the crawler sends at once across all searches"},
        {"crawler.allowPrivateAddresses", "false", "true|false", "let the crawler fetch from loopback, private and link-local addresses; for tests only"},
        {"crawler.resolve", "", "host:port=address:port,...", "fixed addresses for host names, like curl --resolve; for tests"},
        {"providers.googlePlacesBaseUrl", "", "URL", "Google Places API base URL; empty uses the provider's built-in address"},
        {"providers.googlePlacesApiKey", "", "text", "Google Places API key; empty leaves the google_places provider unconfigured"},
        {"providers.overpassUrl", "", "URL", "Overpass API interpreter URL; empty leaves the overpass provider unconfigured"},
        {"providers.listingsFile", "", "path", "CSV or JSON file of business listings for the listings_file provider; empty leaves it unconfigured"},
        {"providers.timeoutSeconds", "20", "seconds", "time allowed for one listing provider request"},
        {"plans.free.searchesPerMonth", "10", "searches", "searches a free account may start per billing period"},
        {"plans.free.leadsPerMonth", "250", "leads", "leads stored for a free account per billing period"},
        {"plans.free.exportsPerMonth", "5", "exports", "exports a free account may download per billing period"},
        {"plans.starter.searchesPerMonth", "100", "searches", "searches a starter account may start per billing period"},
        {"plans.starter.leadsPerMonth", "5000", "leads", "leads stored for a starter account per billing period"},
        {"plans.starter.exportsPerMonth", "50", "exports", "exports a starter account may download per billing period"},
        {"plans.pro.searchesPerMonth", "1000", "searches", "searches a pro account may start per billing period"},
        {"plans.pro.leadsPerMonth", "50000", "leads", "leads stored for a pro account per billing period"},
        {"plans.pro.exportsPerMonth", "500", "exports", "exports a pro account may download per billing period"},
        {"plans.enterprise.searchesPerMonth", "10000", "searches", "searches an enterprise account may start per billing period"},
        {"plans.enterprise.leadsPerMonth", "1000000", "leads", "leads stored for an enterprise account per billing period"},
        {"plans.enterprise.exportsPerMonth", "5000", "exports", "exports an enterprise account may download per billing period"},
        {"demo.enabled", "false", "true|false", "serve the bundled demo websites on a loopback port and let the crawler reach them; never in production"},
        {"demo.sitesDir", "", "path", "folder of demo websites, one subfolder per host name; empty uses demo/sites in resources.dir"},
    };
    return options;
}

std::string environmentVariableFor(std::string_view key)
{
    std::string name = "ILEADX_";
    for (char c : key) {
        if (c == '.') {
            name += '_';
        } else if (std::isupper(static_cast<unsigned char>(c))) {
            name += '_';
            name += c;
        } else {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return name;
}

void applyEnvironmentOverrides(Poco::Util::AbstractConfiguration& config)
{
    for (const ConfigOption& option : configOptions()) {
        const std::string variable = environmentVariableFor(option.key);
        if (Poco::Environment::has(variable)) {
            config.setString(std::string(option.key), Poco::Environment::get(variable));
        }
    }
}

namespace {

constexpr std::size_t kMinMetricsTokenLength = 16;

std::string defaultOf(std::string_view key)
{
    for (const ConfigOption& option : configOptions()) {
        if (option.key == key) {
            return std::string(option.defaultValue);
        }
    }
    throw Poco::NotFoundException("no such configuration key", std::string(key));
}

std::string readString(const Poco::Util::AbstractConfiguration& config, std::string_view key)
{
    return config.getString(std::string(key), defaultOf(key));
}

int readInt(const Poco::Util::AbstractConfiguration& config, std::string_view key, int minimum, int maximum)
{
    int value = 0;
    try {
        value = config.getInt(std::string(key), std::stoi(defaultOf(key)));
    } catch (const Poco::SyntaxException&) {
        throw Poco::InvalidArgumentException(std::string(key) + " must be a whole number");
    }
    if (value < minimum || value > maximum) {
        throw Poco::InvalidArgumentException(std::string(key) + " must be between " + std::to_string(minimum) +
                                             " and " + std::to_string(maximum));
    }
    return value;
}

bool readBool(const Poco::Util::AbstractConfiguration& config, std::string_view key)
{
    const std::string text = readString(config, key);
    if (text == "true") {
        return true;
    }
    if (text == "false") {
        return false;
    }
    throw Poco::InvalidArgumentException(std::string(key) + " must be true or false");
}

// Reads the amber and red limits "<prefix>Amber<unit>" and "<prefix>Red<unit>"; amber may not
// exceed red, or the check could skip amber and read as inconsistent.
Threshold readThreshold(const Poco::Util::AbstractConfiguration& config, const std::string& prefix,
                        const std::string& unit, int maximum)
{
    const std::string amberKey = prefix + "Amber" + unit;
    const std::string redKey = prefix + "Red" + unit;
    const int amber = readInt(config, amberKey, 0, maximum);
    const int red = readInt(config, redKey, 0, maximum);
    if (amber > red) {
        throw Poco::InvalidArgumentException(amberKey + " must not be greater than " + redKey);
    }
    return Threshold{static_cast<double>(amber), static_cast<double>(red)};
}

// Parses "host:port=address:port,..." into the crawler's resolve map.
std::map<std::string, std::string> parseResolveMap(const std::string& text)
{
    std::map<std::string, std::string> entries;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string entry = text.substr(start, comma - start);
        start = comma + 1;
        if (entry.empty()) {
            continue;
        }
        const std::size_t equals = entry.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == entry.size()) {
            throw Poco::InvalidArgumentException("crawler.resolve entries must look like host:port=address:port", entry);
        }
        entries[entry.substr(0, equals)] = entry.substr(equals + 1);
    }
    return entries;
}

void readSearchSettings(const Poco::Util::AbstractConfiguration& config, ServerConfig& settings)
{
    settings.searchWorkers = readInt(config, "searches.workers", 1, 256);
    settings.searchSiteConcurrency = readInt(config, "searches.siteConcurrency", 1, 256);
    settings.searchMaxAttempts = readInt(config, "searches.maxAttempts", 1, 100);

    settings.crawlerUserAgent = readString(config, "crawler.userAgent");
    settings.crawlerMaxPagesPerSite = readInt(config, "crawler.maxPagesPerSite", 1, 100);
    settings.crawlerConnectTimeoutMs = readInt(config, "crawler.connectTimeoutMs", 100, 600000);
    settings.crawlerTotalTimeoutMs = readInt(config, "crawler.totalTimeoutMs", 100, 600000);
    settings.crawlerPerHostDelayMs = readInt(config, "crawler.perHostDelayMs", 0, 600000);
    settings.crawlerGlobalConcurrency = readInt(config, "crawler.globalConcurrency", 1, 4096);
    settings.crawlerAllowPrivateAddresses = readBool(config, "crawler.allowPrivateAddresses");
    settings.crawlerResolve = parseResolveMap(readString(config, "crawler.resolve"));

    settings.googlePlacesBaseUrl = readString(config, "providers.googlePlacesBaseUrl");
    settings.googlePlacesApiKey = readString(config, "providers.googlePlacesApiKey");
    settings.overpassUrl = readString(config, "providers.overpassUrl");
    settings.listingsFile = readString(config, "providers.listingsFile");
    settings.providerTimeoutSeconds = readInt(config, "providers.timeoutSeconds", 1, 600);

    for (const Plan plan : kAllPlans) {
        const std::string prefix = "plans." + std::string(planName(plan)) + ".";
        PlanQuota& quota = settings.planLimits.quota(plan);
        quota.searches = readInt(config, prefix + "searchesPerMonth", 0, 1000000000);
        quota.leads = readInt(config, prefix + "leadsPerMonth", 0, 1000000000);
        quota.exports = readInt(config, prefix + "exportsPerMonth", 0, 1000000000);
    }

    settings.demoEnabled = readBool(config, "demo.enabled");
    settings.demoSitesDirectory = readString(config, "demo.sitesDir");
    if (settings.demoSitesDirectory.empty()) {
        settings.demoSitesDirectory = Poco::Path(settings.resourceDirectory).append(Poco::Path("demo/sites/")).toString();
    }
}

std::string findResourceDirectory(const std::string& configured)
{
    if (!configured.empty()) {
        return configured;
    }
    for (const char* candidate : {ILEADX_INSTALLED_RESOURCE_DIR, ILEADX_SOURCE_RESOURCE_DIR}) {
        if (Poco::File(Poco::Path(candidate, "common-passwords.txt")).exists()) {
            return candidate;
        }
    }
    return ILEADX_SOURCE_RESOURCE_DIR;
}

} // namespace

ServerConfig ServerConfig::from(const Poco::Util::AbstractConfiguration& config)
{
    ServerConfig settings;
    settings.host = readString(config, "server.host");
    settings.port = readInt(config, "server.port", 0, 65535);
    settings.threads = readInt(config, "server.threads", 2, 4096);
    settings.queueLength = readInt(config, "server.queueLength", 1, 65536);
    settings.keepAliveSeconds = readInt(config, "server.keepAliveSeconds", 1, 3600);
    settings.maxBodyBytes = readInt(config, "server.maxBodyBytes", 1024, 64 * 1024 * 1024);
    settings.trustedProxies = readString(config, "server.trustedProxies");
    settings.drainSeconds = readInt(config, "server.drainSeconds", 0, 600);

    settings.tlsMinimumVersion = readString(config, "tls.minimumVersion");
    settings.tlsCertificateFile = readString(config, "tls.certificateFile");
    settings.tlsPrivateKeyFile = readString(config, "tls.privateKeyFile");

    settings.dataDirectory = Poco::Path(readString(config, "data.dir")).absolute().toString();
    settings.databaseUrl = readString(config, "database.url");
    if (settings.databaseUrl.empty()) {
        settings.databaseUrl = "sqlite:" + Poco::Path(settings.dataDirectory, "ileadx.db").toString();
    }
    settings.databasePoolSize = readInt(config, "database.poolSize", 1, 1024);
    settings.resourceDirectory = findResourceDirectory(readString(config, "resources.dir"));

    settings.tokenIssuer = readString(config, "auth.issuer");
    settings.tokenAudience = readString(config, "auth.audience");
    settings.accessTokenMinutes = readInt(config, "auth.accessTokenMinutes", 1, 24 * 60);
    settings.refreshTokenDays = readInt(config, "auth.refreshTokenDays", 1, 365);
    settings.rememberMeDays = readInt(config, "auth.rememberMeDays", 1, 365);
    settings.sessionCacheSeconds = readInt(config, "auth.sessionCacheSeconds", 0, 300);
    settings.sessionMaxDays = readInt(config, "auth.sessionMaxDays", 1, 3650);
    settings.maxSessionsPerUser = readInt(config, "auth.maxSessionsPerUser", 1, 1000);
    settings.stepUpMinutes = readInt(config, "auth.stepUpMinutes", 0, 24 * 60);
    settings.requireTwoFactorForAdmins = readBool(config, "auth.requireTwoFactorForAdmins");

    settings.hashPasses = readInt(config, "auth.hashPasses", 2, 64);
    settings.hashMemoryMiB = readInt(config, "auth.hashMemoryMiB", 64, 4096);
    settings.hashConcurrency = readInt(config, "auth.hashConcurrency", 0, 256);
    if (settings.hashConcurrency == 0) {
        settings.hashConcurrency = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }
    settings.hashWaitSeconds = readInt(config, "auth.hashWaitSeconds", 1, 600);

    settings.signInFreeFailures = readInt(config, "auth.signInFreeFailures", 1, 1000);
    settings.signInWindowSeconds = readInt(config, "auth.signInWindowSeconds", 1, 7 * 24 * 3600);
    settings.signInDelaySeconds = readInt(config, "auth.signInDelaySeconds", 1, 3600);
    settings.signInMaxDelaySeconds = readInt(config, "auth.signInMaxDelaySeconds", settings.signInDelaySeconds, 3600);
    for (std::string_view routeClass : routeclass::kAll) {
        const std::string prefix = "ratelimit." + std::string(routeClass);
        RateLimitRule& rule = settings.rateLimitRules[std::string(routeClass)];
        rule.perMinute = readInt(config, prefix + "PerMinute", 1, 1000000);
        rule.burst = readInt(config, prefix + "Burst", 1, 1000000);
    }
    settings.rateLimitMaxBuckets = readInt(config, "ratelimit.maxBuckets", 16, 100000000);

    settings.bootstrapAdminEmail = readString(config, "bootstrap.adminEmail");
    settings.logLevel = readString(config, "log.level");
    settings.logFormat = readString(config, "log.format");
    if (settings.logFormat != "plain" && settings.logFormat != "json") {
        throw Poco::InvalidArgumentException("log.format must be plain or json");
    }

    settings.metricsLoopbackOnly = readBool(config, "metrics.allowLoopbackOnly");
    settings.metricsBearerToken = readString(config, "metrics.bearerToken");
    if (!settings.metricsBearerToken.empty() && settings.metricsBearerToken.size() < kMinMetricsTokenLength) {
        throw Poco::InvalidArgumentException("metrics.bearerToken must be at least " +
                                             std::to_string(kMinMetricsTokenLength) + " characters");
    }

    settings.healthSampleSeconds = readInt(config, "health.sampleSeconds", 1, 3600);
    settings.healthHistorySize = readInt(config, "health.historySize", 1, 100000);
    settings.healthThresholds.apiLatencyMs = readThreshold(config, "health.apiLatency", "Ms", 600000);
    settings.healthThresholds.databaseLatencyMs = readThreshold(config, "health.databaseLatency", "Ms", 600000);
    settings.healthThresholds.poolUsagePercent = readThreshold(config, "health.poolUsage", "Percent", 100);
    settings.healthThresholds.walSizeMiB = readThreshold(config, "health.walSize", "MiB", 1024 * 1024);
    settings.healthThresholds.connectionsPercent = readThreshold(config, "health.connections", "Percent", 100);
    readSearchSettings(config, settings);
    return settings;
}

} // namespace ileadx
