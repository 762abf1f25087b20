#pragma once

#include "leads/providers/Listing.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ileadx::leads {

/// A record of a listings file that was left out, and why.
struct SkippedRow
{
    std::string where;  ///< "line 7" in a CSV file, "element 3" (1-based) in a JSON file
    std::string reason; ///< e.g. "rating \"4,5\" is not a number from 0 to 5"
};

struct ListingsFileContents
{
    std::vector<Listing> listings;
    std::vector<SkippedRow> skipped;
};

/// Files larger than this are rejected rather than read into memory.
inline constexpr std::size_t maxListingsFileBytes = 64 * 1024 * 1024;

/// Reads an operator's listings file: JSON when the name ends in ".json" or the text starts with
/// "[", CSV otherwise. Throws ProviderError: Unavailable when the file cannot be read,
/// MalformedResponse when it is not a listings file at all (no name column, not a JSON array,
/// too large). Rows with invalid values are skipped and reported in `skipped`.
ListingsFileContents readListingsFile(const std::string& path);

/// Parses CSV with a header row naming the columns name, address, country, phone, website,
/// category, rating, review_count, latitude and longitude, in any order and any case. Only name is
/// required, and other columns are ignored.
ListingsFileContents parseListingsCsv(const std::string& text);

/// Parses a JSON array of objects with the same keys as the CSV columns, in any case. Numbers may
/// be JSON numbers or strings, null counts as empty, and other keys are ignored.
ListingsFileContents parseListingsJson(const std::string& text);

} // namespace ileadx::leads
