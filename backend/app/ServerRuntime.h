#pragma once

#include "app/ServerConfig.h"

#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class HTTPServer;
}

namespace ileadx {

class AccessTokenService;
class AuditLog;
class AuditWitnessRecorder;
class AuthService;
class SettingsService;
class StepUpPolicy;
class TwoFactorService;
class CommonPasswordList;
class Database;
class HealthSampler;
class Metrics;
class MetricsEndpoint;
class PasswordHasher;
class RateLimiter;
class ReadinessProbe;
class Router;
class SessionGuard;
class SessionService;
class UserAdminService;
class DemoSites;
class SearchEngine;
class SearchRepository;
class SearchService;
class SearchWorkerPool;
class UsageCounter;

/// Everything a running server owns, built from a ServerConfig in dependency order: data folder,
/// database and migrations, secrets, services, routes, TLS and the HTTPS listener. The server
/// application and the tests use it the same way.
class ServerRuntime final
{
public:
    /// Opens the database, applies migrations and builds the services; does not listen yet.
    explicit ServerRuntime(ServerConfig config);
    ~ServerRuntime();
    ServerRuntime(const ServerRuntime&) = delete;
    ServerRuntime& operator=(const ServerRuntime&) = delete;

    /// Binds the HTTPS port, starts serving and starts the health sampler.
    void start();

    /// Stops accepting connections, waits up to server.drainSeconds for requests in flight, then
    /// closes what is left.
    void stop();

    /// The port actually bound, which differs from the configured one when that was 0.
    int port() const;

    /// SHA-256 fingerprint of the certificate served, for trust on first use.
    const std::string& certificateFingerprint() const { return m_fingerprint; }

    const ServerConfig& config() const { return m_config; }
    Database& database() { return *m_database; }
    AuthService& auth() { return *m_auth; }
    const Router& router() const { return *m_router; }
    RateLimiter& rateLimiter() { return *m_rateLimiter; }
    Metrics& metrics() { return *m_metrics; }
    HealthSampler& healthSampler() { return *m_healthSampler; }
    AuditWitnessRecorder& auditWitness() { return *m_auditWitness; }
    SearchRepository& searches() { return *m_searchRepository; }
    SearchWorkerPool& searchWorkers() { return *m_searchWorkers; }

private:
    /// Builds the search jobs' storage, engine, worker pool and routes.
    void buildSearches();

    ServerConfig m_config;
    std::string m_fingerprint;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CommonPasswordList> m_commonPasswords;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<AccessTokenService> m_tokens;
    std::unique_ptr<SessionGuard> m_sessionGuard;
    std::unique_ptr<RateLimiter> m_rateLimiter;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<SessionService> m_sessionService;
    std::unique_ptr<StepUpPolicy> m_stepUp;
    std::unique_ptr<UserAdminService> m_userAdmin;
    std::unique_ptr<TwoFactorService> m_twoFactor;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<MetricsEndpoint> m_metricsEndpoint;
    std::unique_ptr<ReadinessProbe> m_readiness;
    std::unique_ptr<HealthSampler> m_healthSampler;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<AuditWitnessRecorder> m_auditWitness;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<SearchRepository> m_searchRepository;
    std::unique_ptr<UsageCounter> m_usage;
    std::unique_ptr<DemoSites> m_demoSites;
    std::unique_ptr<SearchEngine> m_searchEngine;
    std::unique_ptr<SearchWorkerPool> m_searchWorkers;
    std::unique_ptr<SearchService> m_searchService;
    std::unique_ptr<Poco::ThreadPool> m_workers;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

} // namespace ileadx
