#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace ileadx {

/// A validated POST /api/v1/searches body.
struct NewSearch
{
    std::string query;
    std::string location;
    std::string countryCode; ///< ISO 3166-1 alpha-2, upper case
    int maxResults = 0;
    std::vector<std::string> providers;
};

inline constexpr std::size_t kMaxQueryBytes = 200;
inline constexpr std::size_t kMaxLocationBytes = 200;
inline constexpr int kMaxResultsLimit = 500;
inline constexpr int kDefaultMaxResults = 50;

/// Provider names this server supports, whether configured or not.
const std::vector<std::string>& knownProviders();

/// Returns whether `code` is an assigned ISO 3166-1 alpha-2 country code (upper case).
bool isCountryCode(const std::string& code);

/// Validates a request body; throws ApiException 400 naming the first invalid field. `providers`
/// defaults to every configured provider; a known provider that is not configured is rejected.
NewSearch parseNewSearch(const Poco::JSON::Object::Ptr& body, const std::vector<std::string>& configuredProviders);

} // namespace ileadx
