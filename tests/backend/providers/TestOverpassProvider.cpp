#include "ProviderTestSupport.h"

#include "leads/providers/OverpassProvider.h"
#include "leads/providers/OverpassQuery.h"
#include "leads/providers/ProviderFactory.h"

#include <Poco/URI.h>

#include <QScopeGuard>
#include <QTest>

using namespace ileadx;
using namespace ileadx::leads;
using ileadx::test::LocalWebServer;

// Declared before the raw string literals below, which moc cannot read past.
class TestOverpassProvider : public QObject
{
    Q_OBJECT

private slots:
    void searchSendsQlForCategory();
    void searchMapsElements();
    void searchStopsAtMaxResults();
    void unknownWordMatchesName();
    void userTextStaysInsideStrings();
    void categoryTableAcceptsPlurals();
    void errorRepliesMapToKinds_data();
    void errorRepliesMapToKinds();
    void slowServerTimesOut();
    void missingLocationIsInvalid();
};

namespace {

// A node with coordinates, a way with a centre, an element without a name (skipped) and a
// relation with contact:* tags, as Overpass returns them for "out center tags".
const char* const bakeryElements = R"({
  "version": 0.6,
  "generator": "Overpass API",
  "elements": [
    {"type": "node", "id": 1001, "lat": 45.0012, "lon": -123.0021,
     "tags": {"name": "Alder Bakery", "shop": "bakery", "website": "www.alder-bakery.test",
              "phone": "+1 555-0101", "addr:street": "Mill Street", "addr:housenumber": "12",
              "addr:postcode": "97000", "addr:city": "Alderbrook", "addr:country": "us"}},
    {"type": "way", "id": 2002, "center": {"lat": 45.0031, "lon": -123.0044},
     "tags": {"name": "Crumb & Co", "shop": "bakery", "addr:city": "Alderbrook"}},
    {"type": "node", "id": 1003, "lat": 45.1, "lon": -123.1, "tags": {"shop": "bakery"}},
    {"type": "relation", "id": 3004, "center": {"lat": 45.01, "lon": -123.01},
     "tags": {"name": "Rye House", "shop": "bakery", "contact:website": "https://rye-house.test/",
              "contact:phone": "+1 555-0199", "website": "mailto:x@rye-house.test"}}
  ]
})";

std::string decodedQuery(const LocalWebServer::RecordedRequest& request)
{
    const std::string prefix = "data=";
    if (!request.body.starts_with(prefix)) {
        return {};
    }
    std::string ql;
    Poco::URI::decode(request.body.substr(prefix.size()), ql);
    return ql;
}

std::unique_ptr<ListingProvider> makeOverpass(const LocalWebServer& server, int timeoutSeconds = 5)
{
    ProviderSettings settings;
    settings.overpassUrl = server.baseUrl() + "/api/interpreter";
    if (server.baseUrl().starts_with("https:")) {
        settings.caFile = server.certificatePath();
    }
    settings.timeoutSeconds = timeoutSeconds;
    return makeProvider("overpass", settings);
}

LocalWebServer::Handler answering(int status, std::string body)
{
    return [status, body](const auto&, auto& response) { test::reply(response, status, body); };
}

} // namespace

void TestOverpassProvider::searchSendsQlForCategory()
{
    LocalWebServer server(answering(200, R"({"elements": []})"), LocalWebServer::Scheme::Https);
    QVERIFY(makeOverpass(server)->search(ListingQuery{"Bakeries", "Alderbrook", "US", 10}).empty());

    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(requests[0].method, std::string("POST"));
    QCOMPARE(requests[0].uri, std::string("/api/interpreter"));
    QCOMPARE(requests[0].header("Content-Type"), std::string("application/x-www-form-urlencoded"));
    // The server's timeout is the client's 5 s less 2 s, so Overpass reports a slow query itself.
    const std::string expected = "[out:json][timeout:3];\n"
                                 "area[\"name\"=\"Alderbrook\"]->.a;\n"
                                 "(nwr[\"shop\"=\"bakery\"][\"name\"](area.a););\n"
                                 "out center tags 10;\n";
    QCOMPARE(decodedQuery(requests[0]), expected);
}

void TestOverpassProvider::searchMapsElements()
{
    LocalWebServer server(answering(200, bakeryElements), LocalWebServer::Scheme::Https);
    const auto listings = makeOverpass(server)->search(ListingQuery{"bakery", "Alderbrook", "", 10});
    QCOMPARE(listings.size(), std::size_t(3));

    const Listing& node = listings[0];
    QCOMPARE(node.provider, std::string("overpass"));
    QCOMPARE(node.providerId, std::string("node/1001"));
    QCOMPARE(node.name, std::string("Alder Bakery"));
    QCOMPARE(node.address, std::string("Mill Street 12, 97000 Alderbrook"));
    QCOMPARE(node.countryCode, std::string("US"));
    QCOMPARE(node.phone, std::string("+1 555-0101"));
    QCOMPARE(node.website, std::string("http://www.alder-bakery.test"));
    QCOMPARE(node.category, std::string("bakery"));
    QCOMPARE(node.latitude.value_or(0), 45.0012);
    QCOMPARE(node.longitude.value_or(0), -123.0021);
    QVERIFY(!node.rating.has_value());

    const Listing& way = listings[1];
    QCOMPARE(way.providerId, std::string("way/2002"));
    QCOMPARE(way.address, std::string("Alderbrook"));
    QCOMPARE(way.latitude.value_or(0), 45.0031);
    QVERIFY(way.website.empty());

    // website= contains a mailto: link, so the next tag, contact:website, gives the website.
    const Listing& relation = listings[2];
    QCOMPARE(relation.providerId, std::string("relation/3004"));
    QCOMPARE(relation.phone, std::string("+1 555-0199"));
    QCOMPARE(relation.website, std::string("https://rye-house.test/"));
}

void TestOverpassProvider::searchStopsAtMaxResults()
{
    LocalWebServer server(answering(200, bakeryElements), LocalWebServer::Scheme::Http);
    const auto listings = makeOverpass(server)->search(ListingQuery{"bakery", "Alderbrook", "", 2});
    QCOMPARE(listings.size(), std::size_t(2));
    QVERIFY(decodedQuery(server.requests().at(0)).find("out center tags 2;") != std::string::npos);
}

void TestOverpassProvider::unknownWordMatchesName()
{
    const char* const pieElements = R"({"elements": [{"type": "node", "id": 7, "lat": 1, "lon": 2,
                                         "tags": {"name": "Pie Palace", "amenity": "restaurant"}}]})";
    LocalWebServer server(answering(200, pieElements), LocalWebServer::Scheme::Http);
    const auto listings = makeOverpass(server)->search(ListingQuery{"  pie   palace ", "Alderbrook", "", 5});
    QCOMPARE(listings.size(), std::size_t(1));
    QCOMPARE(listings[0].category, std::string("restaurant"));
    const std::string ql = decodedQuery(server.requests().at(0));
    QVERIFY2(ql.find("(nwr[\"name\"~\"pie palace\",i][\"name\"](area.a););") != std::string::npos, ql.c_str());
}

void TestOverpassProvider::userTextStaysInsideStrings()
{
    // Quotes, backslashes, a line break and regex operators in user text must end up as literal
    // characters inside the QL strings, never as QL or regex syntax.
    const ListingQuery hostile{"Joe's \"Best\" (Pizza).*\\", "Spring\"]->.a;out;\nfield\\", "", 5};
    LocalWebServer server(answering(200, R"({"elements": []})"), LocalWebServer::Scheme::Http);
    QVERIFY(makeOverpass(server)->search(hostile).empty());

    const std::string ql = decodedQuery(server.requests().at(0));
    QVERIFY2(ql.find("area[\"name\"=\"Spring\\\"]->.a;out; field\\\\\"]->.a;\n") != std::string::npos, ql.c_str());
    QVERIFY2(ql.find("[\"name\"~\"Joe's \\\"Best\\\" \\\\(Pizza\\\\)\\\\.\\\\*\\\\\\\\\",i]") != std::string::npos, ql.c_str());

    QCOMPARE(escapeOverpassString("a\"b\\c\td"), std::string("a\\\"b\\\\c d"));
    QCOMPARE(escapeOverpassRegex("1+1=2?"), std::string("1\\\\+1=2\\\\?"));
}

void TestOverpassProvider::categoryTableAcceptsPlurals()
{
    const auto tagOf = [](const std::string& word) {
        const auto tag = osmTagForQuery(word);
        return tag ? tag->key + "=" + tag->value : std::string("none");
    };
    QCOMPARE(tagOf("bakery"), std::string("shop=bakery"));
    QCOMPARE(tagOf(" Bakeries "), std::string("shop=bakery"));
    QCOMPARE(tagOf("dentists"), std::string("amenity=dentist"));
    QCOMPARE(tagOf("Plumber"), std::string("craft=plumber"));
    QCOMPARE(tagOf("lawyers"), std::string("office=lawyer"));
    QCOMPARE(tagOf("hotel"), std::string("tourism=hotel"));
    QCOMPARE(tagOf("estate  agents"), std::string("office=estate_agent"));
    QCOMPARE(tagOf("CAFÉ"), std::string("amenity=cafe"));
    QCOMPARE(tagOf("pie palace"), std::string("none"));
}

void TestOverpassProvider::errorRepliesMapToKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("kind");

    QTest::newRow("bad query") << 400 << "<html><p>Error: line 3: parse error</p></html>" << "invalid_query";
    QTest::newRow("too many requests") << 429 << "<html>Too Many Requests</html>" << "quota_exceeded";
    QTest::newRow("gateway timeout") << 504 << "<html>Gateway Timeout</html>" << "timeout";
    QTest::newRow("bad gateway") << 502 << "" << "unavailable";
    QTest::newRow("runtime timeout remark")
        << 200 << R"({"elements": [], "remark": "runtime error: Query timed out in \"query\" at line 3 after 3 seconds."})"
        << "timeout";
    QTest::newRow("runtime memory remark")
        << 200 << R"({"elements": [], "remark": "runtime error: Query run out of memory using about 2048 MB of RAM."})"
        << "unavailable";
    QTest::newRow("body not JSON") << 200 << "<osm version=\"0.6\"></osm>" << "malformed_response";
    QTest::newRow("no elements") << 200 << R"({"version": 0.6})" << "malformed_response";
}

void TestOverpassProvider::errorRepliesMapToKinds()
{
    QFETCH(int, status);
    QFETCH(QString, body);
    QFETCH(QString, kind);
    LocalWebServer server(answering(status, body.toStdString()), LocalWebServer::Scheme::Https);
    const auto provider = makeOverpass(server);
    QCOMPARE(test::thrownKind([&] { provider->search(ListingQuery{"bakery", "Alderbrook", "", 5}); }), kind);
}

void TestOverpassProvider::slowServerTimesOut()
{
    test::StalledReplies stalled;
    LocalWebServer server(stalled.handler(), LocalWebServer::Scheme::Http);
    const auto releaseBeforeServerStops = qScopeGuard([&] { stalled.release(); });
    const auto provider = makeOverpass(server, 1);
    QCOMPARE(test::thrownKind([&] { provider->search(ListingQuery{"bakery", "Alderbrook", "", 5}); }), QString("timeout"));
}

void TestOverpassProvider::missingLocationIsInvalid()
{
    LocalWebServer server(answering(200, R"({"elements": []})"), LocalWebServer::Scheme::Http);
    const auto provider = makeOverpass(server);
    QCOMPARE(test::thrownKind([&] { provider->search(ListingQuery{"bakery", " ", "", 5}); }), QString("invalid_query"));
    QVERIFY(server.requests().empty());
}

QTEST_GUILESS_MAIN(TestOverpassProvider)
#include "TestOverpassProvider.moc"
