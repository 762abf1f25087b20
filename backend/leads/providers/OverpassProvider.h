#pragma once

#include "leads/providers/ListingProvider.h"
#include "leads/providers/ProviderHttpClient.h"

#include <Poco/JSON/Object.h>

namespace ileadx::leads {

/// Searches OpenStreetMap through an Overpass API interpreter with one Overpass QL query per search.
class OverpassProvider final : public ListingProvider
{
public:
    static constexpr int maxResultsLimit = 500;

    OverpassProvider(std::string interpreterUrl, const std::string& caFile, int timeoutSeconds);

    std::string name() const override;
    std::vector<Listing> search(const ListingQuery& query) override;

private:
    std::string m_interpreterUrl;
    int m_timeoutSeconds;
    ProviderHttpClient m_http;
};

/// Converts one element of an Overpass JSON reply, with the address as "street housenumber,
/// postcode city". Returns a Listing with an empty name when the element has no name tag.
/// `category` fills Listing::category when not empty, else the element's shop, amenity, craft,
/// office, tourism or leisure tag does.
Listing overpassElementToListing(const Poco::JSON::Object& element, const std::string& category);

} // namespace ileadx::leads
