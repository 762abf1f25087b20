#pragma once

#include "leads/providers/ListingProvider.h"
#include "leads/providers/ProviderHttpClient.h"

#include <Poco/JSON/Object.h>

namespace ileadx::leads {

/// Searches the Google Places API (New) with Text Search, following nextPageToken until
/// query.maxResults (at most 60, Google's own limit) listings are collected.
class GooglePlacesProvider final : public ListingProvider
{
public:
    static constexpr int maxResultsLimit = 60;
    static constexpr int maxPageSize = 20;
    /// The fields requested through X-Goog-FieldMask: exactly those that fill a Listing.
    static const char* const fieldMask;

    GooglePlacesProvider(std::string baseUrl, std::string apiKey, const std::string& caFile, int timeoutSeconds);

    std::string name() const override;
    std::vector<Listing> search(const ListingQuery& query) override;

private:
    Poco::JSON::Object::Ptr fetchPage(const ListingQuery& query, int pageSize, const std::string& pageToken) const;

    std::string m_baseUrl;
    std::string m_apiKey;
    ProviderHttpClient m_http;
};

} // namespace ileadx::leads
