#include "ProviderTestSupport.h"

#include "leads/providers/GooglePlacesProvider.h"
#include "leads/providers/ProviderFactory.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <sstream>

using namespace ileadx;
using namespace ileadx::leads;
using ileadx::test::LocalWebServer;

// Declared before the raw string literals below, which moc cannot read past.
class TestGooglePlacesProvider : public QObject
{
    Q_OBJECT

private slots:
    void searchSendsDocumentedRequest();
    void searchMapsPlaceFields();
    void searchFollowsNextPageToken();
    void searchStopsAtSixtyResults();
    void searchStopsWithoutToken();
    void errorRepliesMapToKinds_data();
    void errorRepliesMapToKinds();
    void errorMessageOmitsApiKey();
    void slowServerTimesOut();
    void untrustedCertificateIsUnavailable();
    void emptyQueryIsInvalid();
};

namespace {

const std::string apiKey = "test-key-AIzaFake123";

const char* const bakeryPlace = R"({
  "id": "ChIJ-alder-bakery",
  "displayName": {"text": "Alder Bakery", "languageCode": "en"},
  "formattedAddress": "12 Mill Street, Alderbrook, OR 97000, USA",
  "nationalPhoneNumber": "(555) 555-0101",
  "internationalPhoneNumber": "+1 555-555-0101",
  "websiteUri": "https://www.alder-bakery.test/",
  "rating": 4.7,
  "userRatingCount": 212,
  "location": {"latitude": 45.0012, "longitude": -123.0021},
  "primaryType": "bakery",
  "addressComponents": [
    {"longText": "Alderbrook", "shortText": "Alderbrook", "types": ["locality", "political"]},
    {"longText": "United States", "shortText": "US", "types": ["country", "political"]}
  ]
})";

// A place with only a national phone number, a bare host name as website and no rating.
const char* const plainPlace = R"({
  "id": "ChIJ-kestrel-books",
  "displayName": {"text": "Kestrel Books"},
  "formattedAddress": "9 Mill Street, Alderbrook",
  "nationalPhoneNumber": "(555) 555-0108",
  "websiteUri": "www.kestrel-books.test"
})";

std::string placesPage(int first, int count, const std::string& nextPageToken)
{
    Poco::JSON::Array places;
    for (int i = first; i < first + count; ++i) {
        Poco::JSON::Object place;
        place.set("id", "place-" + std::to_string(i));
        Poco::JSON::Object displayName;
        displayName.set("text", "Business " + std::to_string(i));
        place.set("displayName", displayName);
        places.add(place);
    }
    Poco::JSON::Object page;
    page.set("places", places);
    if (!nextPageToken.empty()) {
        page.set("nextPageToken", nextPageToken);
    }
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(page, out);
    return out.str();
}

// Replies like Google: 20 places per page and a token for the next page until the third.
LocalWebServer::Handler pagingHandler()
{
    return [](const LocalWebServer::RecordedRequest& request, Poco::Net::HTTPServerResponse& response) {
        const auto body = test::parseObject(request.body);
        const std::string token = body->has("pageToken") ? body->getValue<std::string>("pageToken") : "";
        const int page = token.empty() ? 1 : std::stoi(token.substr(std::string("page-").size()));
        const std::string next = page < 3 ? "page-" + std::to_string(page + 1) : "";
        test::reply(response, 200, placesPage((page - 1) * 20, 20, next));
    };
}

std::unique_ptr<ListingProvider> makeGoogle(const LocalWebServer& server, int timeoutSeconds = 5)
{
    ProviderSettings settings;
    settings.googlePlacesBaseUrl = server.baseUrl();
    settings.googlePlacesApiKey = apiKey;
    settings.caFile = server.certificatePath();
    settings.timeoutSeconds = timeoutSeconds;
    return makeProvider("google_places", settings);
}

ListingQuery bakeriesInAlderbrook(int maxResults = 5)
{
    return ListingQuery{"bakery", "Alderbrook", "us", maxResults};
}

} // namespace

void TestGooglePlacesProvider::searchSendsDocumentedRequest()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, R"({"places": []})"); },
                          LocalWebServer::Scheme::Https);
    const auto listings = makeGoogle(server)->search(bakeriesInAlderbrook());
    QVERIFY(listings.empty());

    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(1));
    const auto& request = requests.front();
    QCOMPARE(request.method, std::string("POST"));
    QCOMPARE(request.uri, std::string("/v1/places:searchText"));
    QCOMPARE(request.header("X-Goog-Api-Key"), apiKey);
    QCOMPARE(request.header("X-Goog-FieldMask"), std::string(GooglePlacesProvider::fieldMask));
    QVERIFY(request.header("Content-Type").starts_with("application/json"));
    QVERIFY(request.uri.find("key=") == std::string::npos);

    const auto body = test::parseObject(request.body);
    QCOMPARE(body->getValue<std::string>("textQuery"), std::string("bakery in Alderbrook"));
    QCOMPARE(body->getValue<int>("pageSize"), 5);
    QCOMPARE(body->getValue<std::string>("regionCode"), std::string("US"));
    QVERIFY(!body->has("pageToken"));
}

void TestGooglePlacesProvider::searchMapsPlaceFields()
{
    const std::string page = std::string(R"({"places": [)") + bakeryPlace + "," + plainPlace + "]}";
    LocalWebServer server([&](const auto&, auto& response) { test::reply(response, 200, page); }, LocalWebServer::Scheme::Https);
    const auto listings = makeGoogle(server)->search(bakeriesInAlderbrook());
    QCOMPARE(listings.size(), std::size_t(2));

    const Listing& bakery = listings[0];
    QCOMPARE(bakery.provider, std::string("google_places"));
    QCOMPARE(bakery.providerId, std::string("ChIJ-alder-bakery"));
    QCOMPARE(bakery.name, std::string("Alder Bakery"));
    QCOMPARE(bakery.address, std::string("12 Mill Street, Alderbrook, OR 97000, USA"));
    QCOMPARE(bakery.countryCode, std::string("US"));
    QCOMPARE(bakery.phone, std::string("+1 555-555-0101"));
    QCOMPARE(bakery.website, std::string("https://www.alder-bakery.test/"));
    QCOMPARE(bakery.category, std::string("bakery"));
    QCOMPARE(bakery.rating.value_or(-1), 4.7);
    QCOMPARE(bakery.reviewCount.value_or(-1), 212);
    QCOMPARE(bakery.latitude.value_or(0), 45.0012);
    QCOMPARE(bakery.longitude.value_or(0), -123.0021);

    const Listing& books = listings[1];
    QCOMPARE(books.phone, std::string("(555) 555-0108"));
    QCOMPARE(books.website, std::string("http://www.kestrel-books.test"));
    QVERIFY(books.countryCode.empty());
    QVERIFY(!books.rating.has_value());
    QVERIFY(!books.reviewCount.has_value());
    QVERIFY(!books.latitude.has_value());
}

void TestGooglePlacesProvider::searchFollowsNextPageToken()
{
    LocalWebServer server(pagingHandler(), LocalWebServer::Scheme::Https);
    const auto listings = makeGoogle(server)->search(bakeriesInAlderbrook(45));
    QCOMPARE(listings.size(), std::size_t(45));
    QCOMPARE(listings.front().name, std::string("Business 0"));
    QCOMPARE(listings.back().name, std::string("Business 44"));

    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(3));
    const auto second = test::parseObject(requests[1].body);
    QCOMPARE(second->getValue<std::string>("pageToken"), std::string("page-2"));
    QCOMPARE(second->getValue<std::string>("textQuery"), std::string("bakery in Alderbrook"));
    QCOMPARE(test::parseObject(requests[2].body)->getValue<std::string>("pageToken"), std::string("page-3"));
    for (const auto& request : requests) {
        QCOMPARE(test::parseObject(request.body)->getValue<int>("pageSize"), 20);
        QCOMPARE(request.header("X-Goog-Api-Key"), apiKey);
    }
}

void TestGooglePlacesProvider::searchStopsAtSixtyResults()
{
    // This server never stops sending tokens; the provider must stop at Google's limit of 60.
    std::atomic<int> pages = 0;
    LocalWebServer server(
        [&](const auto&, auto& response) {
            const int page = pages++;
            test::reply(response, 200, placesPage(page * 20, 20, "more"));
        },
        LocalWebServer::Scheme::Https);
    const auto listings = makeGoogle(server)->search(bakeriesInAlderbrook(100));
    QCOMPARE(listings.size(), std::size_t(60));
    QCOMPARE(server.requests().size(), std::size_t(3));
}

void TestGooglePlacesProvider::searchStopsWithoutToken()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, placesPage(0, 7, "")); },
                          LocalWebServer::Scheme::Https);
    const auto listings = makeGoogle(server)->search(bakeriesInAlderbrook(40));
    QCOMPARE(listings.size(), std::size_t(7));
    QCOMPARE(server.requests().size(), std::size_t(1));
}

void TestGooglePlacesProvider::errorRepliesMapToKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("kind");

    QTest::newRow("invalid key") << 400
                                 << R"({"error": {"code": 400, "message": "API key not valid.", "status": "INVALID_ARGUMENT",
                                       "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                                                    "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}})"
                                 << "invalid_key";
    QTest::newRow("permission denied") << 403
                                       << R"({"error": {"code": 403, "message": "Places API (New) has not been used.",
                                             "status": "PERMISSION_DENIED"}})"
                                       << "invalid_key";
    QTest::newRow("quota exceeded") << 429
                                    << R"({"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED"}})"
                                    << "quota_exceeded";
    QTest::newRow("invalid argument") << 400
                                      << R"({"error": {"code": 400, "message": "Invalid pageSize.", "status": "INVALID_ARGUMENT"}})"
                                      << "invalid_query";
    QTest::newRow("not found") << 404 << "<html>Not Found</html>" << "invalid_query";
    QTest::newRow("server error") << 500 << R"({"error": {"code": 500, "status": "INTERNAL"}})" << "unavailable";
    QTest::newRow("service unavailable") << 503 << "" << "unavailable";
    QTest::newRow("body not JSON") << 200 << "<html>hello</html>" << "malformed_response";
    QTest::newRow("body an array") << 200 << "[]" << "malformed_response";
    QTest::newRow("places not an array") << 200 << R"({"places": {"id": "x"}})" << "malformed_response";
}

void TestGooglePlacesProvider::errorRepliesMapToKinds()
{
    QFETCH(int, status);
    QFETCH(QString, body);
    QFETCH(QString, kind);
    const std::string text = body.toStdString();
    LocalWebServer server([&](const auto&, auto& response) { test::reply(response, status, text); },
                          LocalWebServer::Scheme::Https);
    const auto provider = makeGoogle(server);
    QCOMPARE(test::thrownKind([&] { provider->search(bakeriesInAlderbrook()); }), kind);
}

void TestGooglePlacesProvider::errorMessageOmitsApiKey()
{
    LocalWebServer server(
        [](const auto&, auto& response) {
            test::reply(response, 400, R"({"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "API key not valid.",
                                        "details": [{"reason": "API_KEY_INVALID"}]}})");
        },
        LocalWebServer::Scheme::Https);
    std::string message;
    const auto provider = makeGoogle(server);
    QCOMPARE(test::thrownKind([&] { provider->search(bakeriesInAlderbrook()); }, &message), QString("invalid_key"));
    QVERIFY2(message.find("API_KEY_INVALID") != std::string::npos, message.c_str());
    QVERIFY2(message.find(apiKey) == std::string::npos, message.c_str());
}

void TestGooglePlacesProvider::slowServerTimesOut()
{
    test::StalledReplies stalled;
    LocalWebServer server(stalled.handler(), LocalWebServer::Scheme::Https);
    const auto releaseBeforeServerStops = qScopeGuard([&] { stalled.release(); });
    const auto provider = makeGoogle(server, 1);
    std::string message;
    QCOMPARE(test::thrownKind([&] { provider->search(bakeriesInAlderbrook()); }, &message), QString("timeout"));
    QVERIFY2(message.find("timed out") != std::string::npos, message.c_str());
}

void TestGooglePlacesProvider::untrustedCertificateIsUnavailable()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, R"({"places": []})"); },
                          LocalWebServer::Scheme::Https);
    ProviderSettings settings;
    settings.googlePlacesBaseUrl = server.baseUrl();
    settings.googlePlacesApiKey = apiKey;
    settings.timeoutSeconds = 5; // no caFile: the throwaway certificate is in no trusted store
    const auto provider = makeProvider("google_places", settings);
    QCOMPARE(test::thrownKind([&] { provider->search(bakeriesInAlderbrook()); }), QString("unavailable"));
    QVERIFY(server.requests().empty());
}

void TestGooglePlacesProvider::emptyQueryIsInvalid()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, R"({"places": []})"); },
                          LocalWebServer::Scheme::Https);
    const auto provider = makeGoogle(server);
    QCOMPARE(test::thrownKind([&] { provider->search(ListingQuery{"  ", "Alderbrook", "", 5}); }), QString("invalid_query"));
    QCOMPARE(test::thrownKind([&] { provider->search(ListingQuery{"bakery", "Alderbrook", "", 0}); }), QString("invalid_query"));
    QVERIFY(server.requests().empty());
}

QTEST_GUILESS_MAIN(TestGooglePlacesProvider)
#include "TestGooglePlacesProvider.moc"
