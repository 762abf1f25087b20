#include "leads/providers/GooglePlacesProvider.h"

#include "leads/providers/GooglePlacesJson.h"
#include "leads/providers/JsonValues.h"

#include <Poco/String.h>

#include <algorithm>

namespace ileadx::leads {

const char* const GooglePlacesProvider::fieldMask =
    "places.id,places.displayName,places.formattedAddress,places.nationalPhoneNumber,"
    "places.internationalPhoneNumber,places.websiteUri,places.rating,places.userRatingCount,"
    "places.location,places.primaryType,places.addressComponents,nextPageToken";

GooglePlacesProvider::GooglePlacesProvider(std::string baseUrl, std::string apiKey, const std::string& caFile, int timeoutSeconds)
    : m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_http(caFile, timeoutSeconds)
{
    while (!m_baseUrl.empty() && m_baseUrl.back() == '/') {
        m_baseUrl.pop_back();
    }
}

std::string GooglePlacesProvider::name() const
{
    return "google_places";
}

std::vector<Listing> GooglePlacesProvider::search(const ListingQuery& query)
{
    if (Poco::trim(query.query).empty() || query.maxResults < 1) {
        throw ProviderError(ProviderErrorKind::InvalidQuery, "a Google Places search needs a query and maxResults of at least 1");
    }
    const int limit = std::min(query.maxResults, maxResultsLimit);
    // Google expects the same pageSize on every page of one search.
    const int pageSize = std::min(limit, maxPageSize);
    // Google stops after 60 places, so a server that keeps sending tokens cannot loop forever here.
    const int maxPages = (maxResultsLimit + pageSize - 1) / pageSize;

    std::vector<Listing> listings;
    std::string pageToken;
    int pages = 0;
    do {
        const auto page = fetchPage(query, pageSize, pageToken);
        const auto places = jsonArray(*page, "places");
        for (std::size_t i = 0; places && i < places->size() && static_cast<int>(listings.size()) < limit; ++i) {
            const auto place = places->getObject(static_cast<unsigned>(i));
            Listing listing = place ? googlePlaceToListing(*place) : Listing{};
            if (!listing.name.empty()) {
                listings.push_back(std::move(listing));
            }
        }
        pageToken = jsonString(*page, "nextPageToken");
        ++pages;
    } while (!pageToken.empty() && static_cast<int>(listings.size()) < limit && pages < maxPages);
    return listings;
}

Poco::JSON::Object::Ptr GooglePlacesProvider::fetchPage(const ListingQuery& query, int pageSize, const std::string& pageToken) const
{
    const ProviderHttpClient::Headers headers{{"X-Goog-Api-Key", m_apiKey}, {"X-Goog-FieldMask", fieldMask}};
    const ProviderHttpReply reply =
        m_http.post(m_baseUrl + "/v1/places:searchText", "application/json", googleSearchTextBody(query, pageSize, pageToken), headers);
    if (reply.status != 200) {
        throwGoogleError(reply);
    }
    return parseGoogleSearchReply(reply.body);
}

} // namespace ileadx::leads
