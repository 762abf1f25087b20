#pragma once

#include <optional>
#include <string>

namespace ileadx::leads {

/// One business as a listing provider describes it, before its website is crawled.
struct Listing
{
    std::string provider;    ///< "google_places", "overpass" or "listings_file"
    std::string providerId;  ///< the provider's own id for the place, used to deduplicate
    std::string name;
    std::string address;     ///< one line
    std::string countryCode; ///< ISO 3166-1 alpha-2, upper case; may be empty
    std::string phone;       ///< as the provider gave it; may be empty
    std::string website;     ///< absolute http(s) URL or empty
    std::string category;
    std::optional<double> rating; ///< 0..5
    std::optional<int> reviewCount;
    std::optional<double> latitude, longitude;
};

/// What to search for: free text such as "bakery" in a place such as "Springfield".
struct ListingQuery
{
    std::string query;
    std::string location;
    std::string countryCode; ///< ISO 3166-1 alpha-2; may be empty
    int maxResults = 20;
};

} // namespace ileadx::leads
