#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// The categories a rule may name (docs/technology-rules.md).
inline constexpr std::string_view kTechnologyCategories[] = {
    "CMS", "E-commerce", "Analytics", "Tag manager", "Hosting/CDN", "Front-end framework"};

/// One technology of the rules file with its patterns compiled (RE2 syntax, case-insensitive).
struct TechnologyRule {
    std::string name;
    std::string category;
    std::vector<std::pair<std::string, std::unique_ptr<RE2>>> headers; // lower-case name, value pattern
    std::vector<std::unique_ptr<RE2>> cookies;       // matched against cookie names
    std::vector<std::unique_ptr<RE2>> metaGenerator; // <meta name="generator"> content
    std::vector<std::unique_ptr<RE2>> scriptSrc;     // <script src> and <link href> values
    std::vector<std::unique_ptr<RE2>> html;          // HtmlDocument::markup
    std::vector<std::size_t> implies;                // indexes of other rules
};

/// Reads and compiles the rules file. Throws Poco::FileNotFoundException for a missing file,
/// Poco::JSON::JSONException for invalid JSON and Poco::DataFormatException naming the
/// technology for a missing field, an unknown category or implied name, or a pattern RE2 rejects.
std::vector<TechnologyRule> loadTechnologyRules(const std::string& path);

} // namespace ileadx::leads
