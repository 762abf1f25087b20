#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ileadx::leads {

/// Exit status of `ileadx-server extract` for a missing file, an invalid country code or
/// invalid arguments.
constexpr int kExtractUsageError = 2;
/// Exit status when the technology rules cannot be loaded.
constexpr int kExtractRulesError = 70; // EX_SOFTWARE, as for a failed server start

struct ExtractCommandOptions {
    std::string countryCode;               // --country, ISO 3166-1 alpha-2
    std::string url;                       // --url, the page's address; may be empty
    std::vector<std::string> files;        // arguments after "extract"; exactly one is valid
    std::string resourceDirectory;         // folder holding technologies.json
};

/// Runs `ileadx-server extract --country CC FILE.html [--url URL]`: extracts from the saved page
/// and writes the Extraction as JSON to `out`. Returns 0, kExtractUsageError or
/// kExtractRulesError, with the reason written to `err`.
int runExtractCommand(const ExtractCommandOptions& options, std::ostream& out, std::ostream& err);

} // namespace ileadx::leads
