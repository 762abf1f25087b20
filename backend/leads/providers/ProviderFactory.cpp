#include "leads/providers/ProviderFactory.h"

#include "leads/providers/GooglePlacesProvider.h"
#include "leads/providers/ListingsFileProvider.h"
#include "leads/providers/OverpassProvider.h"

#include <Poco/String.h>

namespace ileadx::leads {

namespace {

bool isConfigured(const std::string& name, const ProviderSettings& settings)
{
    if (name == "google_places") {
        return !Poco::trim(settings.googlePlacesApiKey).empty() && !settings.googlePlacesBaseUrl.empty();
    }
    if (name == "overpass") {
        return !settings.overpassUrl.empty();
    }
    if (name == "listings_file") {
        return !settings.listingsFile.empty();
    }
    return false;
}

} // namespace

std::unique_ptr<ListingProvider> makeProvider(const std::string& name, const ProviderSettings& settings)
{
    if (!isConfigured(name, settings)) {
        return nullptr;
    }
    if (name == "google_places") {
        return std::make_unique<GooglePlacesProvider>(settings.googlePlacesBaseUrl, Poco::trim(settings.googlePlacesApiKey),
                                                      settings.caFile, settings.timeoutSeconds);
    }
    if (name == "overpass") {
        return std::make_unique<OverpassProvider>(settings.overpassUrl, settings.caFile, settings.timeoutSeconds);
    }
    return std::make_unique<ListingsFileProvider>(settings.listingsFile);
}

std::vector<std::string> configuredProviders(const ProviderSettings& settings)
{
    std::vector<std::string> names;
    for (const char* name : {"google_places", "overpass", "listings_file"}) {
        if (isConfigured(name, settings)) {
            names.emplace_back(name);
        }
    }
    return names;
}

} // namespace ileadx::leads
