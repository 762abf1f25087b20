#include "leads/providers/OverpassProvider.h"

#include "leads/providers/JsonValues.h"
#include "leads/providers/OverpassQuery.h"
#include "leads/providers/WebsiteUrl.h"

#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>

namespace ileadx::leads {

namespace {

// Tags that name a business's trade, in the order the category is taken from them.
constexpr std::array<const char*, 6> tradeKeys{"shop", "amenity", "craft", "office", "tourism", "leisure"};

std::string firstTag(const Poco::JSON::Object& tags, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        std::string value = Poco::trim(jsonString(tags, key));
        if (!value.empty()) {
            return value;
        }
    }
    return {};
}

std::string firstWebsite(const Poco::JSON::Object& tags)
{
    for (const char* key : {"website", "contact:website", "url"}) {
        std::string website = normalizeWebsite(jsonString(tags, key));
        if (!website.empty()) {
            return website;
        }
    }
    return {};
}

std::string joinNonEmpty(const std::string& first, const std::string& separator, const std::string& second)
{
    if (first.empty() || second.empty()) {
        return first + second;
    }
    return first + separator + second;
}

std::string oneLineAddress(const Poco::JSON::Object& tags)
{
    const std::string street = joinNonEmpty(jsonString(tags, "addr:street"), " ", jsonString(tags, "addr:housenumber"));
    const std::string city = joinNonEmpty(jsonString(tags, "addr:postcode"), " ", jsonString(tags, "addr:city"));
    return joinNonEmpty(street, ", ", city);
}

std::string tradeCategory(const Poco::JSON::Object& tags)
{
    for (const char* key : tradeKeys) {
        const std::string value = jsonString(tags, key);
        if (!value.empty()) {
            return value;
        }
    }
    return {};
}

std::string elementId(const Poco::JSON::Object& element)
{
    const Poco::Dynamic::Var id = element.get("id");
    if (id.isEmpty() || !id.isInteger()) {
        return {};
    }
    return jsonString(element, "type") + "/" + std::to_string(id.convert<Poco::Int64>());
}

void setPosition(const Poco::JSON::Object& element, Listing& listing)
{
    const auto center = jsonObject(element, "center");
    const Poco::JSON::Object& source = center ? *center : element;
    listing.latitude = jsonNumber(source, "lat");
    listing.longitude = jsonNumber(source, "lon");
}

void throwForStatus(int status)
{
    const std::string message = "Overpass API returned HTTP " + std::to_string(status);
    if (status == 400) {
        throw ProviderError(ProviderErrorKind::InvalidQuery, message + ": the query was rejected");
    }
    if (status == 429) {
        throw ProviderError(ProviderErrorKind::QuotaExceeded, message + ": too many requests, retry later");
    }
    if (status == 504) {
        throw ProviderError(ProviderErrorKind::Timeout, message + ": the server is overloaded or the query timed out");
    }
    if (status >= 500) {
        throw ProviderError(ProviderErrorKind::Unavailable, message);
    }
    throw ProviderError(status >= 400 ? ProviderErrorKind::InvalidQuery : ProviderErrorKind::MalformedResponse, message);
}

// Overpass reports a query that ran out of time or memory with status 200 and a "remark".
void throwForRemark(const Poco::JSON::Object& reply)
{
    const std::string remark = jsonString(reply, "remark");
    if (remark.find("runtime error") == std::string::npos) {
        return;
    }
    const bool timedOut = remark.find("timed out") != std::string::npos || remark.find("timeout") != std::string::npos;
    throw ProviderError(timedOut ? ProviderErrorKind::Timeout : ProviderErrorKind::Unavailable,
                        "Overpass API query failed: " + remark.substr(0, 200));
}

Poco::JSON::Array::Ptr parseElements(const std::string& body)
{
    const Poco::Dynamic::Var parsed = parseProviderJson(body, "Overpass API reply");
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "Overpass API reply is not a JSON object");
    }
    const auto reply = parsed.extract<Poco::JSON::Object::Ptr>();
    throwForRemark(*reply);
    auto elements = jsonArray(*reply, "elements");
    if (!elements) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, "Overpass API reply has no \"elements\" array");
    }
    return elements;
}

std::string formBody(const std::string& ql)
{
    std::string encoded;
    Poco::URI::encode(ql, "!#$&'()*+,/:;=?@[]", encoded);
    return "data=" + encoded;
}

} // namespace

Listing overpassElementToListing(const Poco::JSON::Object& element, const std::string& category)
{
    Listing listing;
    listing.provider = "overpass";
    const auto tags = jsonObject(element, "tags");
    if (!tags) {
        return listing;
    }
    listing.providerId = elementId(element);
    listing.name = Poco::trim(jsonString(*tags, "name"));
    listing.address = oneLineAddress(*tags);
    const std::string country = Poco::toUpper(Poco::trim(jsonString(*tags, "addr:country")));
    listing.countryCode = country.size() == 2 ? country : std::string();
    listing.phone = firstTag(*tags, {"phone", "contact:phone"});
    listing.website = firstWebsite(*tags);
    listing.category = category.empty() ? tradeCategory(*tags) : category;
    setPosition(element, listing);
    return listing;
}

OverpassProvider::OverpassProvider(std::string interpreterUrl, const std::string& caFile, int timeoutSeconds)
    : m_interpreterUrl(std::move(interpreterUrl))
    , m_timeoutSeconds(timeoutSeconds > 0 ? timeoutSeconds : 1)
    , m_http(caFile, m_timeoutSeconds)
{
}

std::string OverpassProvider::name() const
{
    return "overpass";
}

std::vector<Listing> OverpassProvider::search(const ListingQuery& query)
{
    if (Poco::trim(query.query).empty() || Poco::trim(query.location).empty() || query.maxResults < 1) {
        throw ProviderError(ProviderErrorKind::InvalidQuery, "an Overpass search needs a query, a location and maxResults of at least 1");
    }
    const int limit = std::min(query.maxResults, maxResultsLimit);
    // The server's own timeout ends 2 s before ours, so a slow query comes back with its remark.
    const std::string ql = buildOverpassQuery(query, limit, std::max(1, m_timeoutSeconds - 2));
    const ProviderHttpReply reply = m_http.post(m_interpreterUrl, "application/x-www-form-urlencoded", formBody(ql), {});
    if (reply.status != 200) {
        throwForStatus(reply.status);
    }

    const auto elements = parseElements(reply.body);
    const auto tag = osmTagForQuery(query.query);
    std::vector<Listing> listings;
    for (std::size_t i = 0; i < elements->size() && static_cast<int>(listings.size()) < limit; ++i) {
        const auto element = elements->getObject(static_cast<unsigned>(i));
        Listing listing = element ? overpassElementToListing(*element, tag ? tag->value : std::string()) : Listing{};
        if (!listing.name.empty()) {
            listings.push_back(std::move(listing));
        }
    }
    return listings;
}

} // namespace ileadx::leads
