#include "leads/providers/ListingsFileProvider.h"

#include <Poco/String.h>
#include <Poco/UTF8String.h>

namespace ileadx::leads {

namespace {

bool contains(const std::string& text, const std::string& lowerNeedle)
{
    return lowerNeedle.empty() || Poco::UTF8::toLower(text).find(lowerNeedle) != std::string::npos;
}

bool matches(const Listing& listing, const std::string& lowerQuery, const std::string& lowerLocation, const std::string& country)
{
    const bool sameCountry = country.empty() || listing.countryCode.empty() || listing.countryCode == country;
    const bool queryMatches = contains(listing.name, lowerQuery) || contains(listing.category, lowerQuery);
    return sameCountry && queryMatches && contains(listing.address, lowerLocation);
}

} // namespace

ListingsFileProvider::ListingsFileProvider(std::string path)
    : m_path(std::move(path))
{
}

std::string ListingsFileProvider::name() const
{
    return "listings_file";
}

std::vector<Listing> ListingsFileProvider::search(const ListingQuery& query)
{
    if (query.maxResults < 1) {
        throw ProviderError(ProviderErrorKind::InvalidQuery, "maxResults must be at least 1");
    }
    ListingsFileContents contents = readListingsFile(m_path);
    {
        std::lock_guard lock(m_mutex);
        m_skipped = contents.skipped;
    }

    const std::string lowerQuery = Poco::UTF8::toLower(Poco::trim(query.query));
    const std::string lowerLocation = Poco::UTF8::toLower(Poco::trim(query.location));
    const std::string country = Poco::toUpper(Poco::trim(query.countryCode));
    std::vector<Listing> found;
    for (auto& listing : contents.listings) {
        if (static_cast<int>(found.size()) >= query.maxResults) {
            break;
        }
        if (matches(listing, lowerQuery, lowerLocation, country)) {
            found.push_back(std::move(listing));
        }
    }
    return found;
}

std::vector<SkippedRow> ListingsFileProvider::skippedRows() const
{
    std::lock_guard lock(m_mutex);
    return m_skipped;
}

} // namespace ileadx::leads
