#pragma once

#include "leads/providers/Listing.h"
#include "leads/providers/ProviderHttpClient.h"

#include <Poco/JSON/Object.h>

namespace ileadx::leads {

/// Returns the Text Search request body: {textQuery, pageSize, regionCode?, pageToken?}.
std::string googleSearchTextBody(const ListingQuery& query, int pageSize, const std::string& pageToken);

/// Parses a successful Text Search reply into its top-level object. Throws ProviderError
/// (MalformedResponse) when the body is not a JSON object or `places` is not an array.
Poco::JSON::Object::Ptr parseGoogleSearchReply(const std::string& body);

/// Converts one element of `places`. Returns a Listing with an empty name when the place has none.
Listing googlePlaceToListing(const Poco::JSON::Object& place);

/// Throws the ProviderError that matches a Google error reply (any status other than 200).
[[noreturn]] void throwGoogleError(const ProviderHttpReply& reply);

} // namespace ileadx::leads
