#pragma once

#include "leads/providers/Listing.h"

#include <optional>
#include <string>

namespace ileadx::leads {

/// An OpenStreetMap tag such as shop=bakery.
struct OsmTag
{
    std::string key;
    std::string value;
};

/// Returns the OSM tag for a category word ("bakery", "bakeries", "Dentist"), or nothing when the
/// word is not in the table in OverpassQuery.cpp.
std::optional<OsmTag> osmTagForQuery(const std::string& query);

/// Returns `text` escaped for an Overpass QL string in double quotes. Control characters become
/// spaces, so the result can never end the string or the statement early.
std::string escapeOverpassString(const std::string& text);

/// Returns `text` as a POSIX extended regular expression that matches it literally, escaped for an
/// Overpass QL string in double quotes.
std::string escapeOverpassRegex(const std::string& text);

/// Builds the Overpass QL program for a search: the area named query.location, the elements with
/// the query's category tag (or, for words not in the table, a name that contains the query,
/// ignoring case), and a name, limited to `maxResults` with centres for ways and relations.
std::string buildOverpassQuery(const ListingQuery& query, int maxResults, int timeoutSeconds);

} // namespace ileadx::leads
