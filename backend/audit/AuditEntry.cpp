// Canonical serialisation of an audit entry (format version 1)
//
// The entry hash is the lowercase hex SHA-256 of a byte string made of netstrings: each item is
// its length in bytes as a decimal number with no leading zeros, a ':', the bytes themselves and a
// ','. An empty value is "0:,". A NULL old_value or new_value is the two bytes "-,", which no
// netstring can start with, so NULL and the empty text hash differently.
//
// The items, in this order:
//    1. the format tag "ileadx-audit-v1"
//    2. seq, as a decimal number
//    3. occurred_at, epoch milliseconds as a decimal number ('-' before a negative value)
//    4. actor_id      5. actor_email    6. actor_role     7. action
//    8. target_type   9. target_id     10. old_value     11. new_value
//   12. ip_masked    13. request_id    14. prev_hash
//
// Text is hashed exactly as stored (UTF-8), with no normalisation. For example, the text of an
// entry with seq 1, occurred_at 1700000000000 and no actor starts
// "15:ileadx-audit-v1,1:1,13:1700000000000,0:,0:,0:,".
// A change to this format needs a new tag, and verification must then accept both versions.

#include "audit/AuditEntry.h"

#include "common/Random.h"

#include <sstream>

namespace ileadx {

namespace {

constexpr std::string_view kFormatTag = "ileadx-audit-v1";
constexpr std::string_view kNullItem = "-,";

void appendItem(std::string& out, std::string_view value)
{
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += ',';
}

void appendOptionalItem(std::string& out, const std::optional<std::string>& value)
{
    if (value) {
        appendItem(out, *value);
    } else {
        out += kNullItem;
    }
}

} // namespace

std::string canonicalAuditText(const AuditEntry& entry)
{
    std::string out;
    out.reserve(256);
    appendItem(out, kFormatTag);
    appendItem(out, std::to_string(entry.seq));
    appendItem(out, std::to_string(entry.occurredAt));
    appendItem(out, entry.actorId);
    appendItem(out, entry.actorEmail);
    appendItem(out, entry.actorRole);
    appendItem(out, entry.action);
    appendItem(out, entry.targetType);
    appendItem(out, entry.targetId);
    appendOptionalItem(out, entry.oldValue);
    appendOptionalItem(out, entry.newValue);
    appendItem(out, entry.ipMasked);
    appendItem(out, entry.requestId);
    appendItem(out, entry.prevHash);
    return out;
}

std::string auditEntryHash(const AuditEntry& entry)
{
    return sha256Hex(canonicalAuditText(entry));
}

std::string auditValueText(const Poco::JSON::Object::Ptr& value)
{
    std::ostringstream out;
    value->stringify(out);
    return out.str();
}

} // namespace ileadx
