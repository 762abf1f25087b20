#include "audit/AuditWitness.h"

#include "logging/LogEvent.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/ThreadPool.h>

namespace ileadx {

namespace {

Poco::Logger& witnessLog()
{
    return Poco::Logger::get("ileadx.audit");
}

} // namespace

AuditWitness::AuditWitness(std::string path)
    : m_path(std::move(path))
{
}

std::optional<AuditHead> AuditWitness::read() const
{
    if (!Poco::File(m_path).exists()) {
        return std::nullopt;
    }
    Poco::FileInputStream in(m_path);
    Poco::JSON::Parser parser;
    const Poco::JSON::Object::Ptr json = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
    return AuditHead{json->getValue<Poco::Int64>("seq"), json->getValue<std::string>("entry_hash")};
}

void AuditWitness::write(const AuditHead& head) const
{
    const std::string temporary = m_path + ".tmp";
    {
        Poco::FileOutputStream out(temporary);
        Poco::JSON::Object json;
        json.set("seq", head.seq);
        json.set("entry_hash", head.entryHash);
        json.stringify(out);
        out.close();
    }
    Poco::File(temporary).renameTo(m_path);
}

AuditWitnessRecorder::AuditWitnessRecorder(AuditLog& audit, AuditWitness witness, std::chrono::milliseconds interval)
    : m_audit(audit)
    , m_witness(std::move(witness))
    , m_interval(interval)
    , m_timer(0, interval.count())
{
}

AuditWitnessRecorder::~AuditWitnessRecorder()
{
    stop();
}

void AuditWitnessRecorder::start()
{
    if (m_running) {
        return;
    }
    // The timer runs on a pool of its own, not on Poco's default thread pool, which requests share.
    m_timerThread = std::make_unique<Poco::ThreadPool>(1, 1);
    m_timer.start(Poco::TimerCallback<AuditWitnessRecorder>(*this, &AuditWitnessRecorder::onTimer), *m_timerThread);
    m_running = true;
}

void AuditWitnessRecorder::stop()
{
    if (!m_running) {
        return;
    }
    m_timer.stop();
    m_running = false;
}

bool AuditWitnessRecorder::recordNow()
{
    const std::optional<AuditHead> recorded = m_witness.read();
    const std::optional<AuditHead> head = m_audit.head();
    const std::int64_t headSeq = head ? head->seq : 0;
    if (recorded && headSeq < recorded->seq) {
        witnessLog().error("security: the audit trail ends at entry %Ld but entry %Ld was recorded earlier; "
                           "entries were deleted. Run 'ileadx-server verify-audit'.",
                           headSeq, recorded->seq);
        return false;
    }
    if (head && (!recorded || head->seq > recorded->seq)) {
        m_witness.write(*head);
    }
    return true;
}

void AuditWitnessRecorder::onTimer(Poco::Timer&)
{
    try {
        recordNow();
    } catch (const std::exception& error) {
        witnessLog().error("recording the audit trail head failed: %s", errorText(error));
    }
}

} // namespace ileadx
