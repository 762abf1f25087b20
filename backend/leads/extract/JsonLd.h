#pragma once

#include <string>
#include <vector>

namespace ileadx::leads {

/// Contact properties found in a page's schema.org JSON-LD blocks, as written there.
struct JsonLdContacts {
    std::vector<std::string> emails;     // "email", a "mailto:" prefix removed
    std::vector<std::string> telephones; // "telephone"
    std::vector<std::string> faxNumbers; // "faxNumber"
    std::vector<std::string> sameAs;     // "sameAs": profile URLs on other sites
};

/// Blocks larger than this are skipped rather than parsed.
constexpr std::size_t kMaxJsonLdBytes = 512 * 1024;

/// Reads the properties from every object in the blocks, including nested objects and @graph
/// arrays. A block that is not valid JSON is skipped.
JsonLdContacts readJsonLd(const std::vector<std::string>& blocks);

} // namespace ileadx::leads
