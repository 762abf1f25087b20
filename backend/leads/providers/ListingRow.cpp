#include "leads/providers/ListingRow.h"

#include "leads/providers/WebsiteUrl.h"

#include <Poco/Ascii.h>
#include <Poco/String.h>

#include <charconv>
#include <cmath>

namespace ileadx::leads {

namespace {

std::string value(const ListingRow& row, const std::string& column)
{
    const auto found = row.find(column);
    return found == row.end() ? std::string() : Poco::trim(found->second);
}

std::optional<double> parseNumber(const std::string& text, const std::string& column, int minimum, int maximum)
{
    if (text.empty()) {
        return std::nullopt;
    }
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    const bool complete = error == std::errc() && end == text.data() + text.size();
    // from_chars accepts "nan" and "inf", which no range check below would catch.
    if (!complete || !std::isfinite(number) || number < minimum || number > maximum) {
        throw InvalidListingRow(column + " \"" + text + "\" is not a number from " + std::to_string(minimum) + " to " +
                                std::to_string(maximum));
    }
    return number;
}

std::optional<int> parseCount(const std::string& text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    int count = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || end != text.data() + text.size() || count < 0) {
        throw InvalidListingRow("review_count \"" + text + "\" is not a whole number of at least 0");
    }
    return count;
}

std::string parseCountry(const std::string& text)
{
    const bool twoLetters = text.size() == 2 && Poco::Ascii::isAlpha(text[0]) && Poco::Ascii::isAlpha(text[1]);
    if (!text.empty() && !twoLetters) {
        throw InvalidListingRow("country \"" + text + "\" is not a two-letter ISO 3166-1 code");
    }
    return Poco::toUpper(text);
}

std::string parseWebsite(const std::string& text)
{
    std::string website = normalizeWebsite(text);
    if (!text.empty() && website.empty()) {
        throw InvalidListingRow("website \"" + text + "\" is not an http or https URL");
    }
    return website;
}

} // namespace

Listing listingFromRow(const ListingRow& row)
{
    Listing listing;
    listing.provider = "listings_file";
    listing.name = value(row, "name");
    if (listing.name.empty()) {
        throw InvalidListingRow("name is empty");
    }
    listing.address = value(row, "address");
    listing.providerId = listing.name + "|" + listing.address;
    listing.countryCode = parseCountry(value(row, "country"));
    listing.phone = value(row, "phone");
    listing.website = parseWebsite(value(row, "website"));
    listing.category = value(row, "category");
    listing.rating = parseNumber(value(row, "rating"), "rating", 0, 5);
    listing.reviewCount = parseCount(value(row, "review_count"));
    listing.latitude = parseNumber(value(row, "latitude"), "latitude", -90, 90);
    listing.longitude = parseNumber(value(row, "longitude"), "longitude", -180, 180);
    if (listing.latitude.has_value() != listing.longitude.has_value()) {
        throw InvalidListingRow("latitude and longitude must be given together");
    }
    return listing;
}

} // namespace ileadx::leads
