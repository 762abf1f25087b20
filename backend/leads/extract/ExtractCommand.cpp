#include "leads/extract/ExtractCommand.h"

#include "leads/extract/Extraction.h"
#include "leads/extract/HtmlDocument.h"
#include "leads/extract/PhoneExtractor.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/URI.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

namespace ileadx::leads {

namespace {

// Returns the reason the options are unusable, or an empty string.
std::string validate(const ExtractCommandOptions& options)
{
    if (options.files.size() != 1) {
        return "extract takes exactly one FILE.html argument, got " + std::to_string(options.files.size())
            + "; usage: ileadx-server extract --country CC FILE.html [--url URL]";
    }
    if (options.countryCode.size() != 2 || !phoneRegion(options.countryCode)) {
        return "invalid or missing --country '" + options.countryCode
            + "': expected an ISO 3166-1 alpha-2 code such as DE or US";
    }
    if (!options.url.empty()) {
        try {
            const Poco::URI uri(options.url);
            if (uri.getScheme() != "http" && uri.getScheme() != "https") {
                return "invalid --url '" + options.url + "': expected an absolute http or https URL";
            }
        } catch (const Poco::SyntaxException&) {
            return "invalid --url '" + options.url + "': expected an absolute http or https URL";
        }
    }
    const Poco::File file(options.files.front());
    if (!file.exists() || !file.isFile()) {
        return "file not found: " + options.files.front();
    }
    return {};
}

std::optional<std::string> readFile(const std::string& path)
{
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        return std::nullopt;
    }
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

} // namespace

int runExtractCommand(const ExtractCommandOptions& options, std::ostream& out, std::ostream& err)
{
    if (const std::string problem = validate(options); !problem.empty()) {
        err << problem << "\n";
        return kExtractUsageError;
    }
    const std::optional<std::string> html = readFile(options.files.front());
    if (!html) {
        err << "cannot read " << options.files.front() << "\n";
        return kExtractUsageError;
    }
    if (html->size() > kMaxHtmlBytes) {
        err << "note: only the first " << kMaxHtmlBytes << " of " << html->size() << " bytes are read\n";
    }

    const std::string rulesPath = Poco::Path(options.resourceDirectory, "technologies.json").toString();
    std::unique_ptr<Extractor> extractor;
    try {
        extractor = std::make_unique<Extractor>(rulesPath);
    } catch (const Poco::Exception& error) {
        err << "cannot load technology rules from " << rulesPath << ": " << error.displayText() << "\n";
        return kExtractRulesError;
    }
    const Extraction extraction = extractor->extract(PageInput{options.url, *html, {}}, options.countryCode);
    toJson(extraction)->stringify(out, 2);
    out << "\n";
    return 0;
}

} // namespace ileadx::leads
