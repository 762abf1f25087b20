#pragma once

#include "leads/providers/ListingProvider.h"

#include <memory>
#include <string>
#include <vector>

namespace ileadx::leads {

/// Where the providers are and how to reach them, filled from the server's configuration.
struct ProviderSettings
{
    std::string googlePlacesBaseUrl = "https://places.googleapis.com";
    std::string googlePlacesApiKey;
    std::string overpassUrl = "https://overpass-api.de/api/interpreter";
    std::string listingsFile; ///< path of the operator's CSV or JSON listings file
    int timeoutSeconds = 20;
    std::string caFile;       ///< extra trusted CA certificate (PEM) for tests; empty = system store
};

/// Returns the provider of that name ("google_places", "overpass", "listings_file"), or nullptr
/// when the name is unknown or the provider is not configured: Google Places needs an API key,
/// Overpass a URL and the listings file a path.
std::unique_ptr<ListingProvider> makeProvider(const std::string& name, const ProviderSettings& settings);

/// Returns the names of the providers makeProvider() would create, in the order above.
std::vector<std::string> configuredProviders(const ProviderSettings& settings);

} // namespace ileadx::leads
