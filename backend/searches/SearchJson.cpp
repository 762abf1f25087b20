#include "searches/SearchJson.h"

#include <Poco/JSON/Array.h>

namespace ileadx {

namespace {

Poco::JSON::Array::Ptr toArray(const std::vector<std::string>& items)
{
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const std::string& item : items) {
        array->add(item);
    }
    return array;
}

Poco::Dynamic::Var timeOrNull(const std::optional<EpochMillis>& time)
{
    return time ? Poco::Dynamic::Var(formatIso8601(*time)) : Poco::Dynamic::Var();
}

} // namespace

Poco::JSON::Object::Ptr searchToJson(const SearchRecord& search, bool withOwner)
{
    Poco::JSON::Object::Ptr progress = new Poco::JSON::Object;
    progress->set("listings_found", search.listingsFound);
    progress->set("sites_crawled", search.sitesCrawled);
    progress->set("sites_total", search.sitesTotal);
    progress->set("leads_stored", search.leadsStored);

    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", search.id);
    if (withOwner) {
        json->set("user_id", search.userId);
    }
    json->set("status", std::string(searchStatusName(search.status)));
    json->set("status_reason", search.statusReason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(search.statusReason));
    json->set("query", search.query);
    json->set("location", search.location);
    json->set("country", search.countryCode);
    json->set("max_results", search.maxResults);
    json->set("providers", toArray(search.providers));
    json->set("attempts", search.attempts);
    json->set("created_at", formatIso8601(search.createdAt));
    json->set("started_at", timeOrNull(search.startedAt));
    json->set("finished_at", timeOrNull(search.finishedAt));
    json->set("progress", progress);
    return json;
}

Poco::JSON::Object::Ptr leadToJson(const LeadRecord& lead)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", lead.id);
    json->set("name", lead.name);
    json->set("score", lead.score);
    json->set("score_reasons", toArray(lead.scoreReasons));
    json->set("website", lead.website);
    json->set("website_reachable", lead.websiteReachable);
    json->set("emails", toArray(lead.emails));
    json->set("phones", toArray(lead.phones));
    json->set("listing_phone", lead.phone);
    json->set("address", lead.address);
    json->set("country", lead.countryCode);
    json->set("category", lead.category);
    json->set("rating", lead.rating ? Poco::Dynamic::Var(*lead.rating) : Poco::Dynamic::Var());
    json->set("review_count", lead.reviewCount ? Poco::Dynamic::Var(*lead.reviewCount) : Poco::Dynamic::Var());
    json->set("social_profiles", toArray(lead.socialProfiles));
    json->set("technologies", toArray(lead.technologies));
    json->set("provider", lead.provider);
    json->set("provider_id", lead.providerId);
    json->set("created_at", formatIso8601(lead.createdAt));
    return json;
}

} // namespace ileadx
