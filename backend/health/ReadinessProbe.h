#pragma once

#include <Poco/JSON/Object.h>

#include <atomic>

namespace ileadx {

class Database;

/// Decides whether this server should receive traffic, for GET /readyz: the database responds to a
/// ping and its schema version equals the newest migration in this build. Workers and the crawl
/// queue are reported as not configured until they exist.
class ReadinessProbe final
{
public:
    explicit ReadinessProbe(Database& database);

    struct Result
    {
        bool ready = false;
        /// {"status": "ready"|"not_ready", "checks": {NAME: {"status": "ok"|"failed"|"unknown"|"not_configured", ...}}}
        Poco::JSON::Object::Ptr body;
    };

    /// Runs the checks and reports a failing database in the result instead of throwing.
    Result check();

private:
    Database& m_database;
    std::atomic<bool> m_lastReady{true}; ///< so that a lasting failure is logged once
};

} // namespace ileadx
