#include "leads/providers/GooglePlacesJson.h"

#include "leads/providers/JsonValues.h"
#include "leads/providers/ListingProvider.h"
#include "leads/providers/WebsiteUrl.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <sstream>

namespace ileadx::leads {

namespace {

constexpr std::size_t maxQuotedMessageLength = 200;

std::string countryFromComponents(const Poco::JSON::Object& place)
{
    const auto components = jsonArray(place, "addressComponents");
    if (!components) {
        return {};
    }
    for (std::size_t i = 0; i < components->size(); ++i) {
        const auto component = components->getObject(static_cast<unsigned>(i));
        const auto types = component ? jsonArray(*component, "types") : nullptr;
        if (!types) {
            continue;
        }
        for (std::size_t t = 0; t < types->size(); ++t) {
            const Poco::Dynamic::Var type = types->get(static_cast<unsigned>(t));
            if (type.isString() && type.extract<std::string>() == "country") {
                return Poco::toUpper(jsonString(*component, "shortText"));
            }
        }
    }
    return {};
}

std::string errorReason(const Poco::JSON::Object& error)
{
    const auto details = jsonArray(error, "details");
    for (std::size_t i = 0; details && i < details->size(); ++i) {
        const auto detail = details->getObject(static_cast<unsigned>(i));
        if (detail && !jsonString(*detail, "reason").empty()) {
            return jsonString(*detail, "reason");
        }
    }
    return {};
}

ProviderErrorKind errorKind(int status, const std::string& googleStatus, const std::string& reason)
{
    if (status == 401 || status == 403 || reason == "API_KEY_INVALID" || googleStatus == "UNAUTHENTICATED") {
        return ProviderErrorKind::InvalidKey;
    }
    if (status == 429 || googleStatus == "RESOURCE_EXHAUSTED") {
        return ProviderErrorKind::QuotaExceeded;
    }
    if (status >= 500) {
        return ProviderErrorKind::Unavailable;
    }
    if (status >= 400) {
        return ProviderErrorKind::InvalidQuery;
    }
    // A 1xx or 3xx reply to a POST: the base URL points somewhere else.
    return ProviderErrorKind::MalformedResponse;
}

Poco::JSON::Object::Ptr errorObject(const std::string& body)
{
    try {
        const Poco::Dynamic::Var parsed = parseProviderJson(body, "Google Places error reply");
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) {
            return jsonObject(*parsed.extract<Poco::JSON::Object::Ptr>(), "error");
        }
    } catch (const ProviderError&) {
        // A proxy's HTML error page: the status alone decides.
    }
    return nullptr;
}

} // namespace

std::string googleSearchTextBody(const ListingQuery& query, int pageSize, const std::string& pageToken)
{
    Poco::JSON::Object body;
    const std::string location = Poco::trim(query.location);
    body.set("textQuery", location.empty() ? Poco::trim(query.query) : Poco::trim(query.query) + " in " + location);
    body.set("pageSize", pageSize);
    if (!query.countryCode.empty()) {
        body.set("regionCode", Poco::toUpper(query.countryCode));
    }
    if (!pageToken.empty()) {
        body.set("pageToken", pageToken);
    }
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(body, out);
    return out.str();
}

Poco::JSON::Object::Ptr parseGoogleSearchReply(const std::string& body)
{
    const Poco::Dynamic::Var parsed = parseProviderJson(body, "Google Places reply");
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "Google Places reply is not a JSON object");
    }
    auto reply = parsed.extract<Poco::JSON::Object::Ptr>();
    // Google leaves `places` out entirely when nothing matched.
    if (reply->has("places") && !reply->isArray("places")) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "Google Places reply has a \"places\" member that is not an array");
    }
    return reply;
}

Listing googlePlaceToListing(const Poco::JSON::Object& place)
{
    Listing listing;
    listing.provider = "google_places";
    listing.providerId = jsonString(place, "id");
    if (const auto displayName = jsonObject(place, "displayName")) {
        listing.name = jsonString(*displayName, "text");
    }
    listing.address = jsonString(place, "formattedAddress");
    listing.countryCode = countryFromComponents(place);
    listing.phone = jsonString(place, "internationalPhoneNumber");
    if (listing.phone.empty()) {
        listing.phone = jsonString(place, "nationalPhoneNumber");
    }
    listing.website = normalizeWebsite(jsonString(place, "websiteUri"));
    listing.category = jsonString(place, "primaryType");
    const auto rating = jsonNumber(place, "rating");
    if (rating && *rating >= 0.0 && *rating <= 5.0) {
        listing.rating = rating;
    }
    const auto count = jsonNumber(place, "userRatingCount");
    if (count && *count >= 0.0 && *count <= 1e9) {
        listing.reviewCount = static_cast<int>(*count);
    }
    if (const auto location = jsonObject(place, "location")) {
        listing.latitude = jsonNumber(*location, "latitude");
        listing.longitude = jsonNumber(*location, "longitude");
    }
    return listing;
}

void throwGoogleError(const ProviderHttpReply& reply)
{
    const auto error = errorObject(reply.body);
    const std::string googleStatus = error ? jsonString(*error, "status") : std::string();
    const std::string reason = error ? errorReason(*error) : std::string();
    std::string message = "Google Places returned HTTP " + std::to_string(reply.status);
    if (!googleStatus.empty()) {
        message += " " + googleStatus;
    }
    if (!reason.empty()) {
        message += " (" + reason + ")";
    }
    if (error && !jsonString(*error, "message").empty()) {
        message += ": " + jsonString(*error, "message").substr(0, maxQuotedMessageLength);
    }
    throw ProviderError(errorKind(reply.status, googleStatus, reason), message);
}

} // namespace ileadx::leads
