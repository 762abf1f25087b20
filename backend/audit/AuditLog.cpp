#include "audit/AuditLog.h"

#include "audit/AuditAction.h"
#include "shared/IpMask.h"
#include "storage/Database.h"

#include <Poco/Logger.h>
#include <Poco/Tuple.h>

#include <cassert>
#include <limits>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

// Verification reads the chain in pages of this many rows, so memory use does not grow with it.
constexpr int kVerifyBatchSize = 1000;

Poco::Logger& auditLog()
{
    return Poco::Logger::get("ileadx.audit");
}

// Returns the first problem with `entry`, given the seq and hash the chain so far leads to expect.
std::optional<AuditBreak> checkEntry(const AuditEntry& entry, std::int64_t expectedSeq, const std::string& expectedPrevHash)
{
    if (entry.seq > expectedSeq) {
        return AuditBreak{expectedSeq, AuditBreakReason::SeqGap};
    }
    if (auditEntryHash(entry) != entry.entryHash) {
        return AuditBreak{entry.seq, AuditBreakReason::HashMismatch};
    }
    if (entry.prevHash != expectedPrevHash) {
        return AuditBreak{entry.seq, AuditBreakReason::PrevHashMismatch};
    }
    return std::nullopt;
}

} // namespace

std::string_view auditBreakReasonName(AuditBreakReason reason)
{
    switch (reason) {
    case AuditBreakReason::HashMismatch:
        return "hash_mismatch";
    case AuditBreakReason::SeqGap:
        return "seq_gap";
    case AuditBreakReason::PrevHashMismatch:
        return "prev_hash_mismatch";
    case AuditBreakReason::Truncated:
        return "truncated";
    }
    return "unknown";
}

std::string describeAuditBreak(const AuditBreak& broken)
{
    const std::string entry = "entry " + std::to_string(broken.seq);
    switch (broken.reason) {
    case AuditBreakReason::HashMismatch:
        return entry + " was edited: its entry_hash does not match its fields";
    case AuditBreakReason::SeqGap:
        return entry + " is missing although later entries exist, so it was deleted";
    case AuditBreakReason::PrevHashMismatch:
        return entry + " does not link to the entry before it: its prev_hash differs from that entry's entry_hash";
    case AuditBreakReason::Truncated:
        return entry + ", which the witness file recorded as the newest, is missing or changed, so newer entries were deleted";
    }
    return entry + " is broken";
}

AuditLog::AuditLog(Database& database)
    : m_database(database)
    , m_repository(database)
{
}

AuditEntry AuditLog::append(Poco::Data::Session& inTransaction, AuditEntry entry)
{
    assert(audit::action::isKnown(entry.action));

    // maskIpAddress() output always ends in "***". Anything else is an unmasked address that a
    // caller forgot to mask, and the trail must never store one.
    if (!entry.ipMasked.empty() && !entry.ipMasked.ends_with("***")) {
        entry.ipMasked = maskIpAddress(entry.ipMasked);
    }

    m_repository.lockForAppend(inTransaction);
    const std::optional<AuditChainTip> tip = m_repository.findTip(inTransaction);
    entry.seq = tip ? tip->seq + 1 : 1;
    entry.prevHash = tip ? tip->entryHash : std::string(kAuditGenesisHash);
    entry.occurredAt = nowMillis();
    entry.entryHash = auditEntryHash(entry);
    m_repository.insert(inTransaction, entry);
    return entry;
}

std::vector<AuditEntry> AuditLog::list(const AuditFilter& filter, int limit, std::optional<std::int64_t> beforeSeq)
{
    return m_repository.listNewestFirst(filter, limit, beforeSeq);
}

AuditVerification AuditLog::verify(const std::optional<AuditHead>& witnessed)
{
    AuditVerification result;
    bool witnessFound = false;
    std::int64_t expectedSeq = 1;
    std::string expectedPrevHash(kAuditGenesisHash);

    // The walk starts below any seq so that a row renumbered to 0 or less is read and reported too.
    std::int64_t afterSeq = std::numeric_limits<std::int64_t>::min();

    // Entries appended while the walk runs only extend the chain, so reading page by page
    // outside one transaction still sees a consistent prefix.
    Poco::Data::Session session = m_database.session();
    while (true) {
        const std::vector<AuditEntry> batch = m_repository.listInOrder(session, afterSeq, kVerifyBatchSize);
        for (const AuditEntry& entry : batch) {
            ++result.entries;
            if (!result.firstBroken) {
                result.firstBroken = checkEntry(entry, expectedSeq, expectedPrevHash);
            }
            if (witnessed && entry.seq == witnessed->seq && entry.entryHash == witnessed->entryHash) {
                witnessFound = true;
            }
            afterSeq = entry.seq;
            expectedSeq = entry.seq + 1;
            expectedPrevHash = entry.entryHash;
        }
        if (static_cast<int>(batch.size()) < kVerifyBatchSize) {
            break;
        }
    }

    if (witnessed && !witnessFound && !result.firstBroken) {
        result.firstBroken = AuditBreak{witnessed->seq, AuditBreakReason::Truncated};
    }
    result.ok = !result.firstBroken;
    if (result.ok) {
        auditLog().information("audit chain verified: %Ld entries intact", result.entries);
    } else {
        auditLog().warning("audit chain broken: %s (%Ld entries read)", describeAuditBreak(*result.firstBroken),
                           result.entries);
    }
    return result;
}

std::optional<AuditHead> AuditLog::head()
{
    Poco::Data::Session session = m_database.session();
    std::vector<Poco::Tuple<Poco::Int64, std::string>> rows;
    session << "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1", into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return AuditHead{rows.front().get<0>(), rows.front().get<1>()};
}

} // namespace ileadx
