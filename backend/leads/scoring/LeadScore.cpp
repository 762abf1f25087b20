#include "leads/scoring/LeadScore.h"

#include <Poco/String.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

namespace ileadx::leads {

namespace {

// Each value here is a row of the table in docs/lead-scoring.md; change both together.
constexpr int businessEmailPoints = 25;
constexpr int freeMailEmailPoints = 10;
constexpr int phonePoints = 10;
constexpr int reachablePoints = 15;
constexpr int pointsPerSocialNetwork = 5;
constexpr int maxSocialPoints = 15;
constexpr double pointsPerRatingStar = 2.0;
constexpr double reviewPointsPerDecade = 5.0;
constexpr int maxReviewPoints = 15;
constexpr int httpsPoints = 5;
constexpr int ecommercePoints = 10;
constexpr int analyticsPoints = 5;

// Mailbox providers anyone can sign up with. An address there is weaker evidence of a real business.
constexpr std::array<std::string_view, 16> freeMailDomains{
    "aol.com",     "gmail.com",   "gmx.de",       "gmx.net",     "googlemail.com", "hotmail.com",
    "icloud.com",  "live.com",    "mail.ru",      "outlook.com", "proton.me",      "protonmail.com",
    "t-online.de", "web.de",      "yahoo.com",    "yandex.ru",
};

class Tally
{
public:
    void add(int points, const std::string& description)
    {
        if (points > 0) {
            m_total += points;
            m_reasons.push_back("+" + std::to_string(points) + " " + description);
        }
    }

    LeadScore finish() &&
    {
        const int score = std::clamp(m_total, 1, 100);
        if (m_total > 100) {
            m_reasons.push_back("total of " + std::to_string(m_total) + " capped at 100");
        } else if (m_total < 1) {
            m_reasons.push_back("no factor applies, so the score is the minimum of 1");
        }
        return LeadScore{score, std::move(m_reasons)};
    }

private:
    int m_total = 0;
    std::vector<std::string> m_reasons;
};

bool isFreeMail(const std::string& email)
{
    const auto at = email.rfind('@');
    const std::string domain = Poco::toLower(at == std::string::npos ? std::string() : email.substr(at + 1));
    return std::find(freeMailDomains.begin(), freeMailDomains.end(), domain) != freeMailDomains.end();
}

void scoreEmails(const Extraction& extraction, Tally& tally)
{
    if (extraction.emails.empty()) {
        return;
    }
    if (!std::all_of(extraction.emails.begin(), extraction.emails.end(), isFreeMail)) {
        tally.add(businessEmailPoints, "business email on the website");
    } else {
        tally.add(freeMailEmailPoints, "email on the website, but only at a free-mail provider");
    }
}

void scoreSocialProfiles(const Extraction& extraction, Tally& tally)
{
    std::set<std::string> networks;
    for (const auto& profile : extraction.socialProfiles) {
        networks.insert(profile.network);
    }
    const int points = std::min(maxSocialPoints, pointsPerSocialNetwork * static_cast<int>(networks.size()));
    const std::string count = std::to_string(networks.size());
    tally.add(points, networks.size() == 1 ? "social profile on 1 network" : "social profiles on " + count + " networks");
}

// Two decimals at most, without trailing zeros: "4.25", "4.7", "5".
std::string formatRating(double rating)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", rating);
    std::string formatted(text);
    formatted.erase(formatted.find_last_not_of('0') + 1);
    if (formatted.back() == '.') {
        formatted.pop_back();
    }
    return formatted;
}

void scoreReputation(const Listing& listing, Tally& tally)
{
    if (listing.rating) {
        const double rating = std::clamp(*listing.rating, 0.0, 5.0);
        tally.add(static_cast<int>(std::lround(pointsPerRatingStar * rating)), "rating " + formatRating(rating) + " of 5");
    }
    if (listing.reviewCount && *listing.reviewCount > 0) {
        const double points = reviewPointsPerDecade * std::log10(1.0 + *listing.reviewCount);
        const int count = *listing.reviewCount;
        tally.add(std::min(maxReviewPoints, static_cast<int>(std::lround(points))),
                  std::to_string(count) + (count == 1 ? " review" : " reviews"));
    }
}

// Lower case with everything but letters and digits removed, so "E-commerce" equals "ecommerce".
std::string categoryKey(const std::string& category)
{
    std::string key;
    for (const char c : Poco::toLower(category)) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            key += c;
        }
    }
    return key;
}

const Technology* findTechnology(const Extraction& extraction, std::string_view key)
{
    for (const auto& technology : extraction.technologies) {
        if (categoryKey(technology.category) == key) {
            return &technology;
        }
    }
    return nullptr;
}

void scoreWebsite(const ScoreInput& input, Tally& tally)
{
    if (!input.websiteReachable) {
        return;
    }
    tally.add(reachablePoints, "website reachable");
    if (Poco::icompare(input.listing.website.substr(0, 8), "https://") == 0) {
        tally.add(httpsPoints, "website uses HTTPS");
    }
    if (const Technology* shop = findTechnology(input.extraction, "ecommerce")) {
        tally.add(ecommercePoints, "e-commerce platform detected (" + shop->name + ")");
    }
    if (const Technology* analytics = findTechnology(input.extraction, "analytics")) {
        tally.add(analyticsPoints, "analytics detected (" + analytics->name + ")");
    }
}

} // namespace

LeadScore scoreLead(const ScoreInput& input)
{
    Tally tally;
    scoreEmails(input.extraction, tally);
    const bool hasPhone = !Poco::trim(input.listing.phone).empty() || !input.extraction.phones.empty();
    tally.add(hasPhone ? phonePoints : 0, "phone number known");
    scoreWebsite(input, tally);
    scoreSocialProfiles(input.extraction, tally);
    scoreReputation(input.listing, tally);
    return std::move(tally).finish();
}

} // namespace ileadx::leads
