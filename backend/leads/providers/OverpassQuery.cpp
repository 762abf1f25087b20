#include "leads/providers/OverpassQuery.h"

#include <Poco/String.h>
#include <Poco/UTF8String.h>

#include <array>
#include <cstring>
#include <string_view>

namespace ileadx::leads {

namespace {

struct CategoryTag
{
    std::string_view word;
    std::string_view key;
    std::string_view value;
};

// Common trades and the OpenStreetMap tag that marks them. Words are singular and lower case, and
// osmTagForQuery() also accepts their plain English plurals. docs/listing-providers.md lists them too.
constexpr std::array<CategoryTag, 30> categoryTags{{
    {"bakery", "shop", "bakery"},
    {"butcher", "shop", "butcher"},
    {"florist", "shop", "florist"},
    {"hairdresser", "shop", "hairdresser"},
    {"bookshop", "shop", "books"},
    {"bookstore", "shop", "books"},
    {"supermarket", "shop", "supermarket"},
    {"optician", "shop", "optician"},
    {"bicycle shop", "shop", "bicycle"},
    {"car repair", "shop", "car_repair"},
    {"restaurant", "amenity", "restaurant"},
    {"cafe", "amenity", "cafe"},
    {"café", "amenity", "cafe"},
    {"bar", "amenity", "bar"},
    {"pub", "amenity", "pub"},
    {"dentist", "amenity", "dentist"},
    {"doctor", "amenity", "doctors"},
    {"pharmacy", "amenity", "pharmacy"},
    {"veterinarian", "amenity", "veterinary"},
    {"plumber", "craft", "plumber"},
    {"electrician", "craft", "electrician"},
    {"carpenter", "craft", "carpenter"},
    {"roofer", "craft", "roofer"},
    {"lawyer", "office", "lawyer"},
    {"accountant", "office", "accountant"},
    {"architect", "office", "architect"},
    {"estate agent", "office", "estate_agent"},
    {"hotel", "tourism", "hotel"},
    {"guest house", "tourism", "guest_house"},
    {"gym", "leisure", "fitness_centre"},
}};

std::optional<OsmTag> lookUp(std::string_view word)
{
    for (const auto& entry : categoryTags) {
        if (entry.word == word) {
            return OsmTag{std::string(entry.key), std::string(entry.value)};
        }
    }
    return std::nullopt;
}

std::string collapseSpaces(const std::string& text)
{
    std::string result;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t';
        if (!space || (!result.empty() && result.back() != ' ')) {
            result += space ? ' ' : c;
        }
    }
    return Poco::trimRight(result);
}

std::string categorySelector(const ListingQuery& query)
{
    if (const auto tag = osmTagForQuery(query.query)) {
        return "[\"" + escapeOverpassString(tag->key) + "\"=\"" + escapeOverpassString(tag->value) + "\"]";
    }
    return "[\"name\"~\"" + escapeOverpassRegex(collapseSpaces(Poco::trim(query.query))) + "\",i]";
}

} // namespace

std::optional<OsmTag> osmTagForQuery(const std::string& query)
{
    const std::string word = collapseSpaces(Poco::UTF8::toLower(Poco::trim(query)));
    if (auto tag = lookUp(word)) {
        return tag;
    }
    if (word.ends_with("ies")) {
        return lookUp(word.substr(0, word.size() - 3) + "y");
    }
    if (word.ends_with("s")) {
        return lookUp(word.substr(0, word.size() - 1));
    }
    return std::nullopt;
}

std::string escapeOverpassString(const std::string& text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (c == '\\' || c == '"') {
            escaped += '\\';
            escaped += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            escaped += ' ';
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string escapeOverpassRegex(const std::string& text)
{
    static constexpr const char* regexSpecials = "\\^$.|?*+()[]{}";
    std::string literal;
    for (const char c : text) {
        if (c != '\0' && std::strchr(regexSpecials, c) != nullptr) {
            literal += '\\';
        }
        literal += c;
    }
    return escapeOverpassString(literal);
}

std::string buildOverpassQuery(const ListingQuery& query, int maxResults, int timeoutSeconds)
{
    const std::string limit = std::to_string(maxResults);
    return "[out:json][timeout:" + std::to_string(timeoutSeconds) + "];\n" +
           "area[\"name\"=\"" + escapeOverpassString(Poco::trim(query.location)) + "\"]->.a;\n" +
           "(nwr" + categorySelector(query) + "[\"name\"](area.a););\n" +
           "out center tags " + limit + ";\n";
}

} // namespace ileadx::leads
