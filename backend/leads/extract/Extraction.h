#pragma once

#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// A phone or fax number in E.164 form and where on the page it was found.
struct PhoneNumber {
    std::string e164;
    std::string source; // "tel", "json-ld" or "text"
};

/// A company or person profile on a social network, normalised to https without query or fragment.
struct SocialProfile {
    std::string network; // "linkedin", "facebook", "x", "instagram", "youtube", "tiktok" or "pinterest"
    std::string url;
};

/// A product that the page or its response headers show the site uses.
struct Technology {
    std::string name;
    std::string category;
};

/// Contacts and technology stack found on one page, or merged over the pages of one site.
struct Extraction {
    std::vector<std::string> emails; // lower-cased domain, deduplicated, in first-seen order
    std::vector<PhoneNumber> phones;
    std::vector<PhoneNumber> faxes;
    std::vector<SocialProfile> socialProfiles;
    std::vector<Technology> technologies;
};

/// One crawled page.
struct PageInput {
    std::string url;  // final URL of the page
    std::string html; // UTF-8
    std::vector<std::pair<std::string, std::string>> headers; // response headers (incl. Set-Cookie)
};

class TechnologyDetector;

/// Turns crawled pages into contacts and a technology stack. Construction compiles the technology
/// rules once; extract() only reads shared state, so one Extractor serves many threads.
class Extractor {
public:
    /// Loads and compiles the rules file (resources/technologies.json). Throws
    /// Poco::Exception when the file is missing, is not valid JSON or contains an invalid rule.
    explicit Extractor(const std::string& technologyRulesPath);
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    /// Extracts from one page. `countryCode` (ISO 3166-1 alpha-2) is the region used to read
    /// phone numbers written without a "+" prefix. An empty or unknown code reads only those with
    /// one. HTML beyond kMaxHtmlBytes is ignored (see HtmlDocument.h).
    Extraction extract(const PageInput& page, const std::string& countryCode) const;

    /// Returns the number of technologies in the loaded rules.
    std::size_t technologyCount() const;

private:
    std::unique_ptr<TechnologyDetector> m_technologies;
};

/// Appends the entries of `page` that `total` does not contain yet.
void mergeInto(Extraction& total, const Extraction& page);

/// Returns {"emails": [...], "phones": [{"e164", "source"}], "faxes": [...],
/// "socialProfiles": [{"network", "url"}], "technologies": [{"name", "category"}]}.
Poco::JSON::Object::Ptr toJson(const Extraction& extraction);

} // namespace ileadx::leads
