#include "searches/LeadExport.h"

#include "searches/SearchJson.h"
#include "searches/SearchRepository.h"

#include <Poco/JSON/Stringifier.h>

#include <cctype>
#include <charconv>

namespace ileadx::leadexport {

namespace {

constexpr std::string_view kCsvHeader =
    "id,name,score,website,emails,phones,listing_phone,address,country,category,rating,review_count,"
    "social_profiles,technologies,score_reasons,website_reachable,provider,provider_id,created_at\r\n";

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool startsFormula(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    const char first = text.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

void appendNumber(std::string& row, double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    row.append(buffer, result.ptr);
}

// Appends one quoted cell: formula prefixes neutralised, quotes doubled.
void appendCsvCell(std::string& row, std::string_view text)
{
    row += '"';
    if (startsFormula(text)) {
        row += '\'';
    }
    for (const char c : text) {
        if (c == '"') {
            row += '"';
        }
        row += c;
    }
    row += '"';
}

// Writes one lead as a CSV line. `scratch` is reused for joined lists, which spares an
// allocation per list cell on exports of many rows.
void appendCsvRow(std::string& row, std::string& scratch, const LeadRecord& lead)
{
    const auto cell = [&row](std::string_view text) {
        appendCsvCell(row, text);
        row += ',';
    };
    const auto listCell = [&](const std::vector<std::string>& items) {
        scratch.clear();
        joinListInto(scratch, items);
        cell(scratch);
    };
    cell(lead.id);
    cell(lead.name);
    row += std::to_string(lead.score);
    row += ',';
    cell(lead.website);
    listCell(lead.emails);
    listCell(lead.phones);
    cell(lead.phone);
    cell(lead.address);
    cell(lead.countryCode);
    cell(lead.category);
    if (lead.rating) {
        appendNumber(row, *lead.rating);
    }
    row += ',';
    if (lead.reviewCount) {
        row += std::to_string(*lead.reviewCount);
    }
    row += ',';
    listCell(lead.socialProfiles);
    listCell(lead.technologies);
    listCell(lead.scoreReasons);
    row += lead.websiteReachable ? "true," : "false,";
    cell(lead.provider);
    cell(lead.providerId);
    appendCsvCell(row, formatIso8601(lead.createdAt));
    row += "\r\n";
}

// Calls `each` for every lead the source yields, batch by batch, so only one batch is in memory.
template <typename Each>
void forEachLead(const BatchSource& source, Each each)
{
    std::optional<LeadCursor> cursor;
    while (true) {
        const std::vector<LeadRecord> batch = source(cursor);
        if (batch.empty()) {
            return;
        }
        for (const LeadRecord& lead : batch) {
            each(lead);
        }
        cursor = LeadCursor{batch.back().score, batch.back().id};
    }
}

} // namespace

std::optional<Format> parseFormat(std::string_view name)
{
    if (name == "csv") {
        return Format::Csv;
    }
    if (name == "json") {
        return Format::Json;
    }
    return std::nullopt;
}

std::string csvCell(std::string_view text)
{
    std::string cell;
    cell.reserve(text.size() + 3);
    appendCsvCell(cell, text);
    return cell;
}

void writeCsv(std::ostream& out, const BatchSource& source, bool byteOrderMark)
{
    if (byteOrderMark) {
        out << kByteOrderMark;
    }
    out << kCsvHeader;
    std::string rows;
    std::string scratch;
    forEachLead(source, [&](const LeadRecord& lead) {
        appendCsvRow(rows, scratch, lead);
        if (rows.size() >= 64 * 1024) {
            out.write(rows.data(), static_cast<std::streamsize>(rows.size()));
            rows.clear();
        }
    });
    out.write(rows.data(), static_cast<std::streamsize>(rows.size()));
}

void writeJson(std::ostream& out, const SearchRecord& search, const BatchSource& source)
{
    out << "{\"search\":";
    searchToJson(search)->stringify(out);
    out << ",\"leads\":[";
    bool first = true;
    forEachLead(source, [&](const LeadRecord& lead) {
        if (!first) {
            out << ',';
        }
        first = false;
        leadToJson(lead)->stringify(out);
    });
    out << "]}";
}

std::string fileName(const SearchRecord& search, Format format)
{
    std::string slug;
    for (const char c : search.query) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80) {
            slug += static_cast<char>(std::tolower(byte));
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
        if (slug.size() >= 40) {
            break;
        }
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    std::string name = "leads-";
    if (!slug.empty()) {
        name += slug + '-';
    }
    name += search.id.substr(0, 8);
    name += format == Format::Csv ? ".csv" : ".json";
    return name;
}

} // namespace ileadx::leadexport
