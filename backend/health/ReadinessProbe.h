#pragma once

#include "health/WorkStatus.h"

#include <Poco/JSON/Object.h>

#include <atomic>

namespace ileadx {

class Database;

/// Decides whether this server should receive traffic, for GET /readyz: the database responds to a
/// ping, its schema version equals the newest migration in this build, and the search workers
/// poll their queue.
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

    /// Adds the search workers and their queue to the checks; without a source both are reported
    /// as not configured.
    void setWorkStatusSource(WorkStatusSource source) { m_workStatus = std::move(source); }

private:
    bool addWorkChecks(Poco::JSON::Object::Ptr& checks);

    Database& m_database;
    WorkStatusSource m_workStatus;
    std::atomic<bool> m_lastReady{true}; ///< so that a lasting failure is logged once
};

} // namespace ileadx
