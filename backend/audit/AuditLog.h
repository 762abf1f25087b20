#pragma once

#include "audit/AuditEntry.h"
#include "audit/AuditRepository.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx {

class Database;

/// The reason verification stopped trusting the chain at an entry.
enum class AuditBreakReason
{
    HashMismatch,     ///< the stored entry_hash does not match the entry's fields: the entry was edited
    SeqGap,           ///< no entry has this seq although later ones exist: the entry was deleted
    PrevHashMismatch, ///< prev_hash is not the entry_hash of the entry before: the link was rewritten
    Truncated,        ///< the entry a witness recorded is gone or differs: the newest entries were deleted
};

/// The newest entry of the chain, as a witness outside the database records it.
struct AuditHead
{
    std::int64_t seq = 0;
    std::string entryHash;
};

/// The first entry at which the chain is broken.
struct AuditBreak
{
    std::int64_t seq = 0;
    AuditBreakReason reason = AuditBreakReason::HashMismatch;
};

/// The result of walking the whole chain.
struct AuditVerification
{
    bool ok = true;
    std::int64_t entries = 0; ///< number of stored entries read
    std::optional<AuditBreak> firstBroken;
};

/// Returns the stable wire name of a reason: "hash_mismatch", "seq_gap" or "prev_hash_mismatch".
std::string_view auditBreakReasonName(AuditBreakReason reason);

/// Returns a sentence for operators, such as "entry 7 was edited: its entry_hash does not match its fields".
std::string describeAuditBreak(const AuditBreak& broken);

/// The append-only audit trail. Each entry carries the hash of the entry before it, so verify()
/// detects an edited or deleted entry.
///
/// Deleting the newest entries leaves a shorter chain that is consistent in itself, so verify()
/// also takes the head an AuditWitness recorded outside the database.
/// NOTE: entries appended after the witness last recorded the head can still be deleted unnoticed.
class AuditLog final
{
public:
    explicit AuditLog(Database& database);

    /// Appends `entry` on `inTransaction`, the caller's open Transaction, so the entry commits or
    /// rolls back together with the change it records. It assigns seq, occurredAt, prevHash and
    /// entryHash and returns the entry as stored. On PostgreSQL it locks the table until the
    /// transaction ends, so append as the last write of a transaction. That keeps the lock short,
    /// and when every writer appends last, the lock holder never waits for a row lock, so writers
    /// cannot deadlock on it.
    AuditEntry append(Poco::Data::Session& inTransaction, AuditEntry entry);

    /// Returns up to `limit` entries matching `filter`, newest first, with a seq below `beforeSeq`
    /// when one is given.
    std::vector<AuditEntry> list(const AuditFilter& filter, int limit, std::optional<std::int64_t> beforeSeq);

    /// Reads the whole chain in seq order and checks every entry's seq, hash and link to the entry
    /// before it, and that the `witnessed` head, when given, is still in the chain. Returns the
    /// first broken entry, or ok when there is none.
    AuditVerification verify(const std::optional<AuditHead>& witnessed = std::nullopt);

    /// Returns the newest entry's seq and hash, or nothing for an empty trail.
    std::optional<AuditHead> head();

private:
    Database& m_database;
    AuditRepository m_repository;
};

} // namespace ileadx
