#include "leads/extract/Extraction.h"

#include "leads/extract/EmailExtractor.h"
#include "leads/extract/HtmlDocument.h"
#include "leads/extract/JsonLd.h"
#include "leads/extract/PhoneExtractor.h"
#include "leads/extract/SocialLinks.h"
#include "leads/extract/TechnologyDetector.h"

namespace ileadx::leads {

namespace {

// libphonenumber's name for "no region": only numbers with a "+" prefix parse.
constexpr const char* kUnknownRegion = "ZZ";

std::vector<std::string> socialCandidates(const HtmlDocument& document, const JsonLdContacts& jsonLd)
{
    std::vector<std::string> urls;
    urls.reserve(document.links.size() + jsonLd.sameAs.size());
    for (const HtmlLink& link : document.links) {
        urls.push_back(link.href);
    }
    urls.insert(urls.end(), jsonLd.sameAs.begin(), jsonLd.sameAs.end());
    return urls;
}

} // namespace

Extractor::Extractor(const std::string& technologyRulesPath)
    : m_technologies(std::make_unique<TechnologyDetector>(technologyRulesPath))
{
}

Extractor::~Extractor() = default;

std::size_t Extractor::technologyCount() const
{
    return m_technologies->rules().size();
}

Extraction Extractor::extract(const PageInput& page, const std::string& countryCode) const
{
    const HtmlDocument document = parseHtml(page.html);
    const JsonLdContacts jsonLd = readJsonLd(document.jsonLdBlocks);
    const std::string region = phoneRegion(countryCode).value_or(kUnknownRegion);

    Extraction extraction;
    extraction.emails = extractEmails(document, jsonLd);
    PhoneContacts phones = extractPhones(document, jsonLd, region);
    extraction.phones = std::move(phones.phones);
    extraction.faxes = std::move(phones.faxes);
    extraction.socialProfiles = extractSocialProfiles(socialCandidates(document, jsonLd));
    extraction.technologies = m_technologies->detect(document, page.headers);
    return extraction;
}

} // namespace ileadx::leads
