#include "audit/AuditHandlers.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Pagination.h"
#include "http/Router.h"
#include "shared/WireNames.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include <memory>
#include <regex>

namespace ileadx {

namespace {

constexpr std::size_t kMaxIdLength = 128;

// TODO: move these field names to shared/WireNames.h when the console reads the audit trail.
constexpr std::string_view kSeq = "seq";
constexpr std::string_view kOccurredAt = "occurred_at";
constexpr std::string_view kActorId = "actor_id";
constexpr std::string_view kActorEmail = "actor_email";
constexpr std::string_view kActorRole = "actor_role";
constexpr std::string_view kAction = "action";
constexpr std::string_view kTargetType = "target_type";
constexpr std::string_view kTargetId = "target_id";
constexpr std::string_view kOldValue = "old_value";
constexpr std::string_view kNewValue = "new_value";
constexpr std::string_view kIpMasked = "ip_masked";
constexpr std::string_view kPrevHash = "prev_hash";
constexpr std::string_view kEntryHash = "entry_hash";
constexpr std::string_view kActorFilter = "actor";
constexpr std::string_view kFrom = "from";
constexpr std::string_view kTo = "to";
constexpr std::string_view kOk = "ok";
constexpr std::string_view kEntries = "entries";
constexpr std::string_view kFirstBroken = "first_broken";
constexpr std::string_view kReason = "reason";

std::string key(std::string_view name)
{
    return std::string(name);
}

Poco::Dynamic::Var nullableJson(const std::optional<std::string>& value)
{
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

// Values are returned exactly as stored, so a reader can recompute entry_hash from them.
Poco::JSON::Object::Ptr entryToJson(const AuditEntry& entry)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(kSeq), entry.seq);
    json->set(key(kOccurredAt), formatIso8601(entry.occurredAt));
    json->set(key(kActorId), entry.actorId);
    json->set(key(kActorEmail), entry.actorEmail);
    json->set(key(kActorRole), entry.actorRole);
    json->set(key(kAction), entry.action);
    json->set(key(kTargetType), entry.targetType);
    json->set(key(kTargetId), entry.targetId);
    json->set(key(kOldValue), nullableJson(entry.oldValue));
    json->set(key(kNewValue), nullableJson(entry.newValue));
    json->set(key(kIpMasked), entry.ipMasked);
    json->set(key(wire::kRequestId), entry.requestId);
    json->set(key(kPrevHash), entry.prevHash);
    json->set(key(kEntryHash), entry.entryHash);
    return json;
}

// A cursor is the seq of the last entry on the page.
std::optional<std::int64_t> beforeSeqOf(const ApiRequest& request)
{
    const std::string plain = pagination::cursorText(request);
    if (plain.empty()) {
        return std::nullopt;
    }
    Poco::Int64 seq = 0;
    if (!Poco::NumberParser::tryParse64(plain, seq) || seq < 1) {
        pagination::throwInvalidCursor();
    }
    return seq;
}

// Returns a filter parameter, or an empty string when it is absent or empty.
std::string textParameter(const ApiRequest& request, std::string_view name, std::size_t maxLength)
{
    const std::string value = request.queryParameter(key(name)).value_or(std::string());
    if (value.size() > maxLength) {
        throw invalidRequest("'" + key(name) + "' must be at most " + std::to_string(maxLength) + " characters.");
    }
    return value;
}

std::string knownActionsList()
{
    std::string list;
    for (std::string_view action : audit::action::kAll) {
        list += list.empty() ? "" : ", ";
        list += action;
    }
    return list;
}

// Parses an ISO 8601 date and time with an explicit zone, such as "2026-03-01T08:00:00Z" or
// "2026-03-01T09:00:00.250+01:00". Poco's parser alone accepts almost any text, so the shape is
// checked first.
std::optional<EpochMillis> timeParameter(const ApiRequest& request, std::string_view name)
{
    const std::string text = request.queryParameter(key(name)).value_or(std::string());
    if (text.empty()) {
        return std::nullopt;
    }

    static const std::regex shape(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))");
    Poco::DateTime parsed;
    int zoneOffsetSeconds = 0;
    if (!std::regex_match(text, shape) ||
        !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed, zoneOffsetSeconds)) {
        throw invalidRequest("'" + key(name) + "' must be an ISO 8601 time with a zone, such as 2026-03-01T08:00:00Z.");
    }
    parsed.makeUTC(zoneOffsetSeconds);
    return parsed.timestamp().epochMicroseconds() / 1000;
}

AuditFilter filterOf(const ApiRequest& request)
{
    AuditFilter filter;
    filter.action = textParameter(request, kAction, kMaxIdLength);
    if (!filter.action.empty() && !audit::action::isKnown(filter.action)) {
        throw invalidRequest("'action' must be one of: " + knownActionsList() + ".");
    }
    filter.actorId = textParameter(request, kActorFilter, kMaxIdLength);
    filter.targetType = textParameter(request, kTargetType, kMaxIdLength);
    filter.targetId = textParameter(request, kTargetId, kMaxIdLength);
    filter.from = timeParameter(request, kFrom);
    filter.to = timeParameter(request, kTo);
    if (filter.from && filter.to && *filter.from >= *filter.to) {
        throw invalidRequest("'from' must be earlier than 'to'.");
    }
    return filter;
}

ApiResponse listEntries(ApiRequest& request, AuditLog& audit)
{
    const AuditFilter filter = filterOf(request);
    const int limit = pagination::pageSize(request);
    std::vector<AuditEntry> entries = audit.list(filter, limit + 1, beforeSeqOf(request));
    const bool hasMore = pagination::trimToPage(entries, limit);

    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const AuditEntry& entry : entries) {
        items->add(entryToJson(entry));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(key(wire::kItems), items);
    if (hasMore) {
        body->set(key(wire::kNextCursor), pagination::encodeCursor(std::to_string(entries.back().seq)));
    } else {
        body->set(key(wire::kNextCursor), Poco::Dynamic::Var());
    }
    return ApiResponse::json(200, body);
}

ApiResponse verifyChain(AuditLog& audit, const AuditWitness& witness)
{
    const AuditVerification result = audit.verify(witness.read());

    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(key(kOk), result.ok);
    body->set(key(kEntries), result.entries);
    if (result.firstBroken) {
        Poco::JSON::Object::Ptr broken = new Poco::JSON::Object;
        broken->set(key(kSeq), result.firstBroken->seq);
        broken->set(key(kReason), key(auditBreakReasonName(result.firstBroken->reason)));
        body->set(key(kFirstBroken), broken);
    } else {
        body->set(key(kFirstBroken), Poco::Dynamic::Var());
    }
    return ApiResponse::json(200, body);
}

} // namespace

void addAuditRoutes(Router& router, Database& database, const std::string& witnessPath)
{
    // AuditLog keeps no state besides the database, so the routes share one for the server's life.
    std::shared_ptr<AuditLog> audit = std::make_shared<AuditLog>(database);
    router.add({"GET", "/api/v1/admin/audit", Permission::AuditRead,
                [audit](ApiRequest& request) { return listEntries(request, *audit); }});
    router.add({"GET", "/api/v1/admin/audit/verify", Permission::AuditRead,
                [audit, witness = AuditWitness(witnessPath)](ApiRequest&) { return verifyChain(*audit, witness); }});
}

} // namespace ileadx
