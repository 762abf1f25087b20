#pragma once

#include "common/Clock.h"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ileadx {

/// One row of the append-only audit trail. Callers fill the actor, action, target, values, masked
/// IP and request id. AuditLog::append() assigns the sequence number, the time and both hashes.
struct AuditEntry
{
    std::int64_t seq = 0;                ///< position in the chain, starting at 1 with no gaps
    EpochMillis occurredAt = 0;          ///< UTC time the entry was appended
    std::string actorId;                 ///< empty when nobody was signed in, as for a failed sign-in
    std::string actorEmail;
    std::string actorRole;
    std::string action;                  ///< one of the audit::action constants
    std::string targetType;              ///< one of the audit::target constants
    std::string targetId;                ///< empty for a target that is not a stored record
    std::optional<std::string> oldValue; ///< JSON text of the value before the change
    std::optional<std::string> newValue; ///< JSON text of the value after the change
    std::string ipMasked;                ///< client address masked by maskIpAddress()
    std::string requestId;
    std::string prevHash;  ///< entryHash of the entry before, or kAuditGenesisHash for the first
    std::string entryHash; ///< auditEntryHash() of this entry
};

/// The prevHash of the first entry: 64 zero digits, the width of a SHA-256 hex digest.
inline constexpr std::string_view kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
static_assert(kAuditGenesisHash.size() == 64);

/// Builds the canonical text that auditEntryHash() hashes. AuditEntry.cpp documents the format.
std::string canonicalAuditText(const AuditEntry& entry);

/// Returns the lowercase hex SHA-256 of canonicalAuditText(entry). It covers every field except
/// entryHash itself, including prevHash, so each entry seals the one before it.
std::string auditEntryHash(const AuditEntry& entry);

/// Serialises a JSON object for AuditEntry::oldValue or newValue.
std::string auditValueText(const Poco::JSON::Object::Ptr& value);

} // namespace ileadx
