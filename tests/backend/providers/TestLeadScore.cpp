#include "leads/scoring/LeadScore.h"

#include <QTest>

using namespace ileadx::leads;

namespace {

using Reasons = std::vector<std::string>;

LeadScore score(const Listing& listing, const Extraction& extraction, bool reachable)
{
    return scoreLead(ScoreInput{listing, extraction, reachable});
}

Technology technology(const std::string& name, const std::string& category)
{
    Technology result;
    result.name = name;
    result.category = category;
    return result;
}

SocialProfile profile(const std::string& network)
{
    SocialProfile result;
    result.network = network;
    result.url = "https://" + network + ".test/alder";
    return result;
}

PhoneNumber phone(const std::string& e164)
{
    PhoneNumber result;
    result.e164 = e164;
    result.source = "tel";
    return result;
}

} // namespace

class TestLeadScore : public QObject
{
    Q_OBJECT

private slots:
    void completeLeadIsCappedAt100();
    void typicalLeadScoresExactly();
    void emptyLeadScoresOne();
    void unreachableWebsiteEarnsNoWebsitePoints();
    void reviewPointsGrowLogarithmically();
    void eachFactorAddsItsReason();
    void scoreIsDeterministic();
};

void TestLeadScore::completeLeadIsCappedAt100()
{
    Listing listing;
    listing.phone = "+1 555-0101";
    listing.website = "https://www.alder-bakery.test/";
    listing.rating = 4.7;
    listing.reviewCount = 212;
    Extraction extraction;
    extraction.emails = {"info@alder-bakery.test"};
    extraction.socialProfiles = {profile("facebook"), profile("instagram"), profile("linkedin"), profile("x")};
    extraction.technologies = {technology("Shopify", "E-commerce"), technology("Google Analytics", "Analytics")};

    // 25 business email + 10 phone + 15 reachable + 5 HTTPS + 10 e-commerce + 5 analytics
    // + min(15, 4 networks x 5) = 15 + round(2 x 4.7 = 9.4) = 9 + round(5 x log10(213) = 11.64) = 12
    // = 106, capped at 100.
    const LeadScore result = score(listing, extraction, true);
    QCOMPARE(result.score, 100);
    QCOMPARE(result.reasons, (Reasons{
                                 "+25 business email on the website",
                                 "+10 phone number known",
                                 "+15 website reachable",
                                 "+5 website uses HTTPS",
                                 "+10 e-commerce platform detected (Shopify)",
                                 "+5 analytics detected (Google Analytics)",
                                 "+15 social profiles on 4 networks",
                                 "+9 rating 4.7 of 5",
                                 "+12 212 reviews",
                                 "total of 106 capped at 100",
                             }));
}

void TestLeadScore::typicalLeadScoresExactly()
{
    Listing listing;
    listing.website = "http://www.kestrel-books.test/";
    listing.rating = 3.8;
    listing.reviewCount = 23;
    Extraction extraction;
    extraction.emails = {"kestrelbooks@GMail.com"};
    extraction.phones = {phone("+15555550108")};
    extraction.socialProfiles = {profile("facebook"), profile("facebook")};
    extraction.technologies = {technology("WordPress", "CMS")};

    // 10 free-mail email + 10 phone (found on the website) + 15 reachable + 0 HTTPS (plain http)
    // + 0 for a CMS + 5 for one network (two profiles) + round(7.6) = 8 + round(5 x log10(24) = 6.90) = 7
    // = 55.
    const LeadScore result = score(listing, extraction, true);
    QCOMPARE(result.score, 55);
    QCOMPARE(result.reasons, (Reasons{
                                 "+10 email on the website, but only at a free-mail provider",
                                 "+10 phone number known",
                                 "+15 website reachable",
                                 "+5 social profile on 1 network",
                                 "+8 rating 3.8 of 5",
                                 "+7 23 reviews",
                             }));
}

void TestLeadScore::emptyLeadScoresOne()
{
    const LeadScore result = score(Listing{}, Extraction{}, false);
    QCOMPARE(result.score, 1);
    QCOMPARE(result.reasons, Reasons{"no factor applies, so the score is the minimum of 1"});
}

void TestLeadScore::unreachableWebsiteEarnsNoWebsitePoints()
{
    Listing listing;
    listing.phone = "+1 555-0101";
    listing.website = "https://www.alder-bakery.test/";
    listing.rating = 0.0;
    listing.reviewCount = 0;
    Extraction extraction;
    extraction.technologies = {technology("Shopify", "E-commerce")};

    // Only the phone counts: 10. A rating of 0 and no reviews add nothing and cost nothing.
    const LeadScore result = score(listing, extraction, false);
    QCOMPARE(result.score, 10);
    QCOMPARE(result.reasons, Reasons{"+10 phone number known"});
}

void TestLeadScore::reviewPointsGrowLogarithmically()
{
    // round(5 x log10(1 + n)), at most 15.
    const std::vector<std::pair<int, std::string>> cases{
        {1, "+2 1 review"},       // 5 x 0.301 = 1.51
        {9, "+5 9 reviews"},      // 5 x 1 = 5
        {99, "+10 99 reviews"},   // 5 x 2 = 10
        {999, "+15 999 reviews"}, // 5 x 3 = 15
        {250000, "+15 250000 reviews"},
    };
    for (const auto& [count, reason] : cases) {
        Listing listing;
        listing.reviewCount = count;
        QCOMPARE(score(listing, Extraction{}, false).reasons, Reasons{reason});
    }
}

void TestLeadScore::eachFactorAddsItsReason()
{
    struct Case
    {
        const char* name;
        Listing listing;
        Extraction extraction;
        bool reachable;
        int expectedScore;
        Reasons expectedReasons;
    };
    Listing withPhone;
    withPhone.phone = "+1 555-0101";
    Listing withHttps;
    withHttps.website = "HTTPS://www.alder-bakery.test/";
    Listing withRating;
    withRating.rating = 4.25;
    Listing withTopRating;
    withTopRating.rating = 5.0;
    Extraction businessEmail;
    businessEmail.emails = {"info@alder-bakery.test", "someone@gmail.com"};
    Extraction freeMail;
    freeMail.emails = {"alder@web.de"};
    Extraction websitePhone;
    websitePhone.phones = {phone("+15555550101")};
    Extraction threeNetworks;
    threeNetworks.socialProfiles = {profile("x"), profile("youtube"), profile("tiktok")};
    Extraction shop;
    shop.technologies = {technology("WooCommerce", "ecommerce")};
    Extraction analytics;
    analytics.technologies = {technology("Matomo", "analytics")};

    const std::vector<Case> cases{
        {"business email", {}, businessEmail, false, 25, {"+25 business email on the website"}},
        {"free-mail email", {}, freeMail, false, 10, {"+10 email on the website, but only at a free-mail provider"}},
        {"listed phone", withPhone, {}, false, 10, {"+10 phone number known"}},
        {"website phone", {}, websitePhone, false, 10, {"+10 phone number known"}},
        {"reachable", {}, {}, true, 15, {"+15 website reachable"}},
        {"https", withHttps, {}, true, 20, {"+15 website reachable", "+5 website uses HTTPS"}},
        {"social", {}, threeNetworks, false, 15, {"+15 social profiles on 3 networks"}},
        {"rating half up", withRating, {}, false, 9, {"+9 rating 4.25 of 5"}}, // round(8.5) = 9
        {"top rating", withTopRating, {}, false, 10, {"+10 rating 5 of 5"}},
        {"e-commerce", {}, shop, true, 25, {"+15 website reachable", "+10 e-commerce platform detected (WooCommerce)"}},
        {"analytics", {}, analytics, true, 20, {"+15 website reachable", "+5 analytics detected (Matomo)"}},
    };
    for (const auto& testCase : cases) {
        const LeadScore result = score(testCase.listing, testCase.extraction, testCase.reachable);
        QVERIFY2(result.score == testCase.expectedScore, testCase.name);
        QVERIFY2(result.reasons == testCase.expectedReasons, testCase.name);
    }
}

void TestLeadScore::scoreIsDeterministic()
{
    Listing listing;
    listing.website = "https://www.alder-bakery.test/";
    listing.rating = 4.4;
    listing.reviewCount = 87;
    Extraction extraction;
    extraction.emails = {"info@alder-bakery.test"};
    extraction.socialProfiles = {profile("linkedin"), profile("facebook")};
    const LeadScore first = score(listing, extraction, true);
    for (int i = 0; i < 20; ++i) {
        const LeadScore again = score(listing, extraction, true);
        QCOMPARE(again.score, first.score);
        QCOMPARE(again.reasons, first.reasons);
    }
}

QTEST_GUILESS_MAIN(TestLeadScore)
#include "TestLeadScore.moc"
