#include "leads/providers/ListingsFile.h"

#include "leads/providers/CsvReader.h"
#include "leads/providers/JsonValues.h"
#include "leads/providers/ListingProvider.h"
#include "leads/providers/ListingRow.h"

#include <Poco/String.h>

#include <charconv>
#include <filesystem>
#include <functional>
#include <fstream>
#include <set>

namespace ileadx::leads {

namespace {

constexpr const char* byteOrderMark = "\xEF\xBB\xBF";

const std::set<std::string> knownColumns{"name",     "address",      "country",  "phone",    "website",
                                         "category", "review_count", "latitude", "longitude", "rating"};

std::vector<std::string> readHeader(CsvReader& reader)
{
    const auto header = reader.next();
    if (!header || !header->error.empty()) {
        throw ProviderError(ProviderErrorKind::MalformedResponse,
                            "listings CSV has no readable header row" + (header ? ": " + header->error : std::string()));
    }
    std::vector<std::string> columns;
    std::set<std::string> seen;
    for (const auto& field : header->fields) {
        columns.push_back(Poco::toLower(Poco::trim(field)));
        if (!columns.back().empty() && !seen.insert(columns.back()).second) {
            throw ProviderError(ProviderErrorKind::MalformedResponse, "listings CSV names the column \"" + columns.back() + "\" twice");
        }
    }
    if (!seen.contains("name")) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "listings CSV has no \"name\" column in its header row");
    }
    return columns;
}

ListingRow rowFromRecord(const CsvRecord& record, const std::vector<std::string>& columns)
{
    if (!record.error.empty()) {
        throw InvalidListingRow(record.error);
    }
    if (record.fields.size() != columns.size()) {
        throw InvalidListingRow("the record has " + std::to_string(record.fields.size()) + " fields but the header has " +
                                std::to_string(columns.size()));
    }
    ListingRow row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        row[columns[i]] = record.fields[i];
    }
    return row;
}

std::string jsonValueText(const std::string& key, const Poco::Dynamic::Var& value)
{
    if (value.isEmpty()) {
        return {};
    }
    if (value.isString()) {
        return value.extract<std::string>();
    }
    if (value.isInteger() && !value.isBoolean()) {
        return std::to_string(value.convert<Poco::Int64>());
    }
    if (value.isNumeric() && !value.isBoolean()) {
        char buffer[64];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.convert<double>());
        return std::string(buffer, result.ptr);
    }
    throw InvalidListingRow(key + " is not a string or a number");
}

ListingRow rowFromJson(const Poco::Dynamic::Var& element)
{
    if (element.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw InvalidListingRow("the element is not a JSON object");
    }
    ListingRow row;
    for (const auto& [key, value] : *element.extract<Poco::JSON::Object::Ptr>()) {
        const std::string column = Poco::toLower(key);
        if (knownColumns.contains(column)) {
            row[column] = jsonValueText(column, value);
        }
    }
    return row;
}

void addRow(ListingsFileContents& contents, const std::string& where, const std::function<ListingRow()>& makeRow)
{
    try {
        contents.listings.push_back(listingFromRow(makeRow()));
    } catch (const InvalidListingRow& error) {
        contents.skipped.push_back({where, error.what()});
    }
}

std::string readWholeFile(const std::string& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        throw ProviderError(ProviderErrorKind::Unavailable, "cannot read the listings file " + path + ": " + error.message());
    }
    if (size > maxListingsFileBytes) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "the listings file " + path + " is larger than " +
                                                                     std::to_string(maxListingsFileBytes) + " bytes");
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
        throw ProviderError(ProviderErrorKind::Unavailable, "cannot read the listings file " + path);
    }
    return text;
}

bool looksLikeJson(const std::string& path, const std::string& text)
{
    if (Poco::toLower(std::filesystem::path(path).extension().string()) == ".json") {
        return true;
    }
    const std::size_t start = text.starts_with(byteOrderMark) ? 3 : 0;
    const std::size_t first = text.find_first_not_of(" \t\r\n", start);
    return first != std::string::npos && text[first] == '[';
}

} // namespace

ListingsFileContents parseListingsCsv(const std::string& text)
{
    CsvReader reader(text);
    const std::vector<std::string> columns = readHeader(reader);
    ListingsFileContents contents;
    while (const auto record = reader.next()) {
        addRow(contents, "line " + std::to_string(record->line), [&] { return rowFromRecord(*record, columns); });
    }
    return contents;
}

ListingsFileContents parseListingsJson(const std::string& text)
{
    const std::string json = text.starts_with(byteOrderMark) ? text.substr(3) : text;
    const Poco::Dynamic::Var parsed = parseProviderJson(json, "listings JSON");
    if (parsed.type() != typeid(Poco::JSON::Array::Ptr)) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "listings JSON is not an array of objects");
    }
    const auto elements = parsed.extract<Poco::JSON::Array::Ptr>();
    ListingsFileContents contents;
    for (std::size_t i = 0; i < elements->size(); ++i) {
        addRow(contents, "element " + std::to_string(i + 1), [&] { return rowFromJson(elements->get(static_cast<unsigned>(i))); });
    }
    return contents;
}

ListingsFileContents readListingsFile(const std::string& path)
{
    const std::string text = readWholeFile(path);
    return looksLikeJson(path, text) ? parseListingsJson(text) : parseListingsCsv(text);
}

} // namespace ileadx::leads
