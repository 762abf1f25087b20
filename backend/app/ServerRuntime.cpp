#include "app/ServerRuntime.h"

#include "audit/AuditHandlers.h"
#include "audit/AuditWitness.h"
#include "auth/AccessTokenService.h"
#include "auth/AuthHandlers.h"
#include "auth/AuthService.h"
#include "auth/CommonPasswordList.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionGuard.h"
#include "auth/StepUpPolicy.h"
#include "common/SecretFile.h"
#include "health/HealthHandlers.h"
#include "health/HealthSampler.h"
#include "health/ReadinessProbe.h"
#include "http/ClientAddress.h"
#include "http/RequestHandlerFactory.h"
#include "http/Router.h"
#include "metrics/Metrics.h"
#include "metrics/MetricsEndpoint.h"
#include "ratelimit/InProcessRateLimiter.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "tls/SelfSignedCertificate.h"
#include "tls/TlsContextFactory.h"
#include "settings/SettingsHandlers.h"
#include "settings/SettingsService.h"
#include "sessions/SessionHandlers.h"
#include "sessions/SessionService.h"
#include "twofactor/TwoFactorHandlers.h"
#include "twofactor/TwoFactorService.h"
#include "users/UserAdminService.h"
#include "users/UserHandlers.h"
#include "searches/DemoSites.h"
#include "searches/SearchEngine.h"
#include "searches/SearchHandlers.h"
#include "searches/SearchRepository.h"
#include "searches/SearchService.h"
#include "searches/SearchWorkerPool.h"
#include "searches/UsageCounter.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Path.h>
#include <Poco/Thread.h>
#include <Poco/ThreadPool.h>

#include <sys/stat.h>

namespace ileadx {

namespace {

constexpr std::size_t kSigningKeyBytes = 64;

Poco::Logger& serverLog()
{
    return Poco::Logger::get("ileadx.server");
}

void createPrivateDirectory(const std::string& path)
{
    Poco::File(path).createDirectories();
    // Secrets and the database live here, so only the service account may enter.
    ::chmod(path.c_str(), S_IRWXU);
}

} // namespace

ServerRuntime::ServerRuntime(ServerConfig config)
    : m_config(std::move(config))
{
    Poco::Net::initializeSSL();
    createPrivateDirectory(m_config.dataDirectory);

    m_database = Database::open(m_config.databaseUrl, m_config.databasePoolSize);
    const int version = runMigrations(*m_database);
    serverLog().information("database %s at schema version %d", m_database->describe(), version);

    m_commonPasswords = std::make_unique<CommonPasswordList>(
        CommonPasswordList::load(Poco::Path(m_config.resourceDirectory, "common-passwords.txt").toString()));

    const HashCost cost{static_cast<unsigned long long>(m_config.hashPasses),
                        static_cast<std::size_t>(m_config.hashMemoryMiB) * 1024 * 1024};
    m_hasher = std::make_unique<PasswordHasher>(cost, m_config.hashConcurrency,
                                                std::chrono::seconds(m_config.hashWaitSeconds));

    AccessTokenService::Settings tokenSettings;
    tokenSettings.issuer = m_config.tokenIssuer;
    tokenSettings.audience = m_config.tokenAudience;
    tokenSettings.lifetime = std::chrono::minutes(m_config.accessTokenMinutes);
    const std::string signingKey =
        loadOrCreateSecret(Poco::Path(m_config.dataDirectory, "jwt-signing.key").toString(), kSigningKeyBytes);
    m_tokens = std::make_unique<AccessTokenService>(signingKey, tokenSettings);

    m_sessionGuard = std::make_unique<SessionGuard>(*m_database, std::chrono::seconds(m_config.sessionCacheSeconds));
    m_rateLimiter = std::make_unique<InProcessRateLimiter>(m_config.rateLimitRules,
                                                           static_cast<std::size_t>(m_config.rateLimitMaxBuckets));
    AuthService::Settings authSettings;
    authSettings.refreshLifetime = std::chrono::hours(24 * m_config.refreshTokenDays);
    authSettings.rememberMeLifetime = std::chrono::hours(24 * m_config.rememberMeDays);
    authSettings.absoluteLifetime = std::chrono::hours(24 * m_config.sessionMaxDays);
    authSettings.maxSessionsPerUser = m_config.maxSessionsPerUser;
    authSettings.signInThrottle.freeFailures = m_config.signInFreeFailures;
    authSettings.signInThrottle.window = std::chrono::seconds(m_config.signInWindowSeconds);
    authSettings.signInThrottle.firstDelay = std::chrono::seconds(m_config.signInDelaySeconds);
    authSettings.signInThrottle.maxDelay = std::chrono::seconds(m_config.signInMaxDelaySeconds);
    authSettings.signInThrottle.maxRecords = static_cast<std::size_t>(m_config.rateLimitMaxBuckets);
    authSettings.requireTwoFactorForAdmins = m_config.requireTwoFactorForAdmins;
    m_auth = std::make_unique<AuthService>(*m_database, *m_hasher, *m_tokens, *m_sessionGuard, *m_commonPasswords,
                                           authSettings);

    m_metrics = std::make_unique<Metrics>();
    m_metricsEndpoint = std::make_unique<MetricsEndpoint>(
        *m_metrics, *m_database, *m_hasher, MetricsAccess{m_config.metricsLoopbackOnly, m_config.metricsBearerToken});
    m_readiness = std::make_unique<ReadinessProbe>(*m_database);
    HealthSampler::Settings samplerSettings;
    samplerSettings.interval = std::chrono::seconds(m_config.healthSampleSeconds);
    samplerSettings.historySize = static_cast<std::size_t>(m_config.healthHistorySize);
    samplerSettings.thresholds = m_config.healthThresholds;
    m_healthSampler = std::make_unique<HealthSampler>(*m_database, *m_metrics, samplerSettings);

    m_router = std::make_unique<Router>();
    addAuthRoutes(*m_router, *m_auth);
    m_stepUp = std::make_unique<StepUpPolicy>(*m_database, m_config.stepUpMinutes);
    m_userAdmin = std::make_unique<UserAdminService>(*m_database, *m_sessionGuard, *m_auth, *m_stepUp);
    addUserRoutes(*m_router, *m_userAdmin);
    addHealthRoutes(*m_router, *m_readiness, *m_healthSampler);
    const std::string witnessPath = Poco::Path(m_config.dataDirectory, AuditWitness::kFileName).toString();
    addAuditRoutes(*m_router, *m_database, witnessPath);
    m_auditLog = std::make_unique<AuditLog>(*m_database);
    m_auditWitness = std::make_unique<AuditWitnessRecorder>(*m_auditLog, AuditWitness(witnessPath),
                                                            std::chrono::seconds(m_config.healthSampleSeconds));
    m_sessionService = std::make_unique<SessionService>(*m_database, *m_sessionGuard);
    addSessionRoutes(*m_router, *m_sessionService);
    buildSearches();
    m_twoFactor = std::make_unique<TwoFactorService>(*m_database, *m_auth, *m_sessionGuard,
                                                     TotpSecretBox::fromDataDirectory(m_config.dataDirectory),
                                                     "iLeadX");
    addTwoFactorRoutes(*m_router, *m_twoFactor);
    m_settings = std::make_unique<SettingsService>(*m_database, *m_stepUp,
                                                   runtimeSettings(*m_auth, *m_stepUp, *m_rateLimiter));
    m_settings->applyStored();
    addSettingsRoutes(*m_router, *m_settings);
}

void ServerRuntime::buildSearches()
{
    m_searchRepository = std::make_unique<SearchRepository>(*m_database);
    m_usage = std::make_unique<UsageCounter>(*m_database, m_config.planLimits);
    std::map<std::string, std::string> demoResolve;
    std::set<std::string> demoHosts;
    if (m_config.demoEnabled) {
        serverLog().warning("demo.enabled is on: serving the bundled demo websites; never use this in production");
        m_demoSites = std::make_unique<DemoSites>(m_config.demoSitesDirectory);
        demoResolve = m_demoSites->crawlerResolve();
        demoHosts = m_demoSites->hosts();
    }
    m_searchEngine = std::make_unique<SearchEngine>(m_config, *m_database, *m_searchRepository, *m_usage, demoResolve,
                                                    demoHosts);
    SearchWorkerPool::Settings poolSettings;
    poolSettings.workers = m_config.searchWorkers;
    poolSettings.maxAttempts = m_config.searchMaxAttempts;
    m_searchWorkers = std::make_unique<SearchWorkerPool>(*m_searchRepository, m_searchEngine->runner(), poolSettings);
    m_searchService = std::make_unique<SearchService>(*m_database, *m_searchRepository, *m_usage, *m_searchWorkers,
                                                      m_searchEngine->configuredProviders());
    addSearchRoutes(*m_router, *m_searchService, *m_searchRepository);

    const WorkStatusSource workStatus = [this] {
        WorkStatus status = m_searchWorkers->status();
        status.queued = m_searchRepository->countQueued();
        status.listingProviders = static_cast<int>(m_searchEngine->configuredProviders().size());
        return status;
    };
    m_readiness->setWorkStatusSource(workStatus);
    m_metricsEndpoint->setWorkStatusSource(workStatus);
    m_healthSampler->setWorkStatusSource(workStatus);
}

ServerRuntime::~ServerRuntime()
{
    // Search jobs use the database and the crawler, so they stop before anything else goes.
    m_searchWorkers->stop();
    if (m_demoSites) {
        m_demoSites->stop();
    }
    m_healthSampler->stop();
    m_auditWitness->stop();
    if (m_server) {
        m_server->stopAll(true);
    }
}

void ServerRuntime::start()
{
    // Every route is added by now, so a misspelt rate-limit class stops the start instead of
    // failing each of its requests.
    for (const Route& route : m_router->routes()) {
        if (!m_config.rateLimitRules.contains(route.rateLimitClass)) {
            throw Poco::InvalidArgumentException("route " + route.method + " " + route.path +
                                                 " names an unknown rate-limit class", route.rateLimitClass);
        }
    }

    TlsSettings tls;
    tls.minimumVersion = m_config.tlsMinimumVersion;
    if (m_config.tlsCertificateFile.empty()) {
        const CertificateFiles files = ensureSelfSignedCertificate(m_config.dataDirectory, "localhost");
        tls.certificatePath = files.certificatePath;
        tls.privateKeyPath = files.privateKeyPath;
    } else {
        tls.certificatePath = m_config.tlsCertificateFile;
        tls.privateKeyPath = m_config.tlsPrivateKeyFile;
    }
    m_fingerprint = ileadx::certificateFingerprint(tls.certificatePath);

    Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress(m_config.host, static_cast<Poco::UInt16>(m_config.port)),
                                         m_config.queueLength, createServerContext(tls));

    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_config.threads);
    params->setMaxQueued(m_config.queueLength);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(m_config.keepAliveSeconds, 0));
    params->setMaxKeepAliveRequests(0); // unlimited; the idle timeout closes connections instead
    params->setServerName("ileadx");

    HttpSettings httpSettings;
    httpSettings.maxBodyBytes = static_cast<std::size_t>(m_config.maxBodyBytes);
    httpSettings.trustedProxies = parseTrustedProxies(m_config.trustedProxies);
    // Poco's default thread pool holds only 16 threads, fewer than server.threads.
    m_workers = std::make_unique<Poco::ThreadPool>(2, m_config.threads, 60);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new RequestHandlerFactory(*m_router, *m_auth, *m_rateLimiter, *m_metrics,
                                                                                 *m_metricsEndpoint, httpSettings),
                                                       *m_workers, socket, params);
    m_server->start();
    serverLog().information("listening on port %d with TLS %s or newer", port(), m_config.tlsMinimumVersion);
    m_healthSampler->start(port(), tls.certificatePath);
    m_auditWitness->start();
    if (m_demoSites) {
        m_demoSites->start();
    }
    m_searchWorkers->start();
}

void ServerRuntime::stop()
{
    m_healthSampler->stop();
    m_auditWitness->stop();
    // Jobs interrupted here stay "running" in the database and resume at the next start.
    m_searchWorkers->stop();
    if (!m_server) {
        return;
    }
    // Stop accepting; connections finish the request they are serving and then close.
    m_server->stopAll(false);
    const Poco::Timestamp started;
    while (m_server->currentConnections() > 0 &&
           started.elapsed() < static_cast<Poco::Timestamp::TimeDiff>(m_config.drainSeconds) * 1000000) {
        Poco::Thread::sleep(50);
    }
    const int remaining = m_server->currentConnections();
    m_server->stopAll(true);
    m_server.reset();
    serverLog().information("stopped; %d connections were still open after the drain period", remaining);
}

int ServerRuntime::port() const
{
    return m_server ? m_server->port() : m_config.port;
}

} // namespace ileadx
