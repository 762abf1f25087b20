#pragma once

#include "leads/providers/Listing.h"

#include <map>
#include <stdexcept>
#include <string>

namespace ileadx::leads {

/// One record of a listings file as text: lower-case column name to value.
using ListingRow = std::map<std::string, std::string>;

/// A record whose values cannot make a Listing. The message names the value and the reason.
class InvalidListingRow : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Checks and converts one record. Empty values are allowed except for name, but a value that is
/// present must be valid: country two letters, website an http(s) URL or host name, rating a
/// number from 0 to 5, review_count a whole number of at least 0, latitude and longitude numbers in
/// range and given together. Throws InvalidListingRow.
Listing listingFromRow(const ListingRow& row);

} // namespace ileadx::leads
