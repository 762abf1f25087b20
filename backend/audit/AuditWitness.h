#pragma once

#include "audit/AuditLog.h"

#include <Poco/Timer.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace Poco {
class ThreadPool;
}

namespace ileadx {

/// A copy of the audit trail's head kept outside the database, in the data folder, so that deleting
/// the newest entries, which leaves a chain consistent in itself, is still detected by verify().
/// An attacker who can change both the database and the data folder can defeat it.
class AuditWitness final
{
public:
    static constexpr const char* kFileName = "audit-head.json";

    explicit AuditWitness(std::string path);

    /// Returns the recorded head, or nothing when no file exists yet. Throws Poco::Exception for a
    /// file that cannot be read or parsed.
    std::optional<AuditHead> read() const;

    /// Replaces the file with `head`, through a temporary file and a rename, so a reader never sees
    /// half a file.
    void write(const AuditHead& head) const;

private:
    std::string m_path;
};

/// Records the audit trail's head in an AuditWitness every few seconds, and only ever forward: a
/// head older than the recorded one is reported as a truncated trail in the log instead.
class AuditWitnessRecorder final
{
public:
    AuditWitnessRecorder(AuditLog& audit, AuditWitness witness, std::chrono::milliseconds interval);
    ~AuditWitnessRecorder();
    AuditWitnessRecorder(const AuditWitnessRecorder&) = delete;
    AuditWitnessRecorder& operator=(const AuditWitnessRecorder&) = delete;

    void start();
    void stop();

    /// Records the head now; returns false when the trail is shorter than the recorded head.
    bool recordNow();

private:
    void onTimer(Poco::Timer& timer);

    AuditLog& m_audit;
    AuditWitness m_witness;
    std::chrono::milliseconds m_interval;
    std::unique_ptr<Poco::ThreadPool> m_timerThread;
    Poco::Timer m_timer;
    bool m_running = false;
};

} // namespace ileadx
