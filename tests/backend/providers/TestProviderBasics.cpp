#include "ProviderTestSupport.h"

#include "leads/providers/ProviderFactory.h"
#include "leads/providers/ProviderHttpClient.h"
#include "leads/providers/WebsiteUrl.h"

#include <QTest>

using namespace ileadx;
using namespace ileadx::leads;
using ileadx::test::LocalWebServer;

class TestProviderBasics : public QObject
{
    Q_OBJECT

private slots:
    void factoryCreatesConfiguredProviders();
    void factorySkipsUnconfiguredProviders();
    void websiteNormalization_data();
    void websiteNormalization();
    void oversizedResponseIsMalformed();
    void closedPortIsUnavailable();
    void missingCaFileIsUnavailable();
};

void TestProviderBasics::factoryCreatesConfiguredProviders()
{
    ProviderSettings settings;
    settings.googlePlacesApiKey = "some-key";
    settings.listingsFile = "/nonexistent/listings.csv";
    // Creating providers sends nothing, so the public default URLs are safe to keep here.
    QCOMPARE(configuredProviders(settings), (std::vector<std::string>{"google_places", "overpass", "listings_file"}));
    for (const std::string name : {"google_places", "overpass", "listings_file"}) {
        const auto provider = makeProvider(name, settings);
        QVERIFY2(provider, name.c_str());
        QCOMPARE(provider->name(), name);
    }
}

void TestProviderBasics::factorySkipsUnconfiguredProviders()
{
    ProviderSettings settings;
    settings.googlePlacesApiKey = "   ";
    settings.overpassUrl.clear();
    QVERIFY(configuredProviders(settings).empty());
    QVERIFY(!makeProvider("google_places", settings));
    QVERIFY(!makeProvider("overpass", settings));
    QVERIFY(!makeProvider("listings_file", settings));

    settings.googlePlacesApiKey = "some-key";
    QVERIFY(!makeProvider("yellow_pages", settings));
    QVERIFY(!makeProvider("", settings));
}

void TestProviderBasics::websiteNormalization_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("https kept") << "https://www.alder-bakery.test/menu?x=1" << "https://www.alder-bakery.test/menu?x=1";
    QTest::newRow("http kept") << "http://alder-bakery.test" << "http://alder-bakery.test";
    QTest::newRow("upper-case scheme") << "HTTPS://Alder-Bakery.test/" << "https://Alder-Bakery.test/";
    QTest::newRow("bare host") << "www.alder-bakery.test" << "http://www.alder-bakery.test";
    QTest::newRow("bare host with path") << "alder-bakery.test/shop" << "http://alder-bakery.test/shop";
    QTest::newRow("bare host with port") << "alder-bakery.test:8080/" << "http://alder-bakery.test:8080/";
    QTest::newRow("scheme-relative") << "//alder-bakery.test/" << "http://alder-bakery.test/";
    QTest::newRow("surrounding spaces") << "  www.alder-bakery.test  " << "http://www.alder-bakery.test";
    QTest::newRow("mailto") << "mailto:info@alder-bakery.test" << "";
    QTest::newRow("ftp") << "ftp://files.alder-bakery.test/" << "";
    QTest::newRow("javascript") << "javascript:alert(1)" << "";
    QTest::newRow("space inside") << "www.alder bakery.test" << "";
    QTest::newRow("single label") << "localhost" << "";
    QTest::newRow("no host") << "http:///path" << "";
    QTest::newRow("empty") << "" << "";
}

void TestProviderBasics::websiteNormalization()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(normalizeWebsite(raw.toStdString())), expected);
}

void TestProviderBasics::oversizedResponseIsMalformed()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, std::string(5000, 'x')); },
                          LocalWebServer::Scheme::Https);
    const ProviderHttpClient small(server.certificatePath(), 5, 4096);
    QCOMPARE(test::thrownKind([&] { small.post(server.baseUrl() + "/", "text/plain", "", {}); }), QString("malformed_response"));

    const ProviderHttpClient large(server.certificatePath(), 5, 8192);
    QCOMPARE(large.post(server.baseUrl() + "/", "text/plain", "", {}).body.size(), std::size_t(5000));
}

void TestProviderBasics::closedPortIsUnavailable()
{
    int port = 0;
    {
        LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, ""); });
        port = server.port();
    }
    const ProviderHttpClient client("", 2);
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
    QCOMPARE(test::thrownKind([&] { client.post(url, "text/plain", "", {}); }), QString("unavailable"));
    QCOMPARE(test::thrownKind([&] { client.post("ftp://127.0.0.1/", "text/plain", "", {}); }), QString("unavailable"));
}

void TestProviderBasics::missingCaFileIsUnavailable()
{
    LocalWebServer server([](const auto&, auto& response) { test::reply(response, 200, ""); }, LocalWebServer::Scheme::Https);
    const ProviderHttpClient client("/nonexistent/ca.pem", 2);
    std::string message;
    QCOMPARE(test::thrownKind([&] { client.post(server.baseUrl() + "/", "text/plain", "", {}); }, &message), QString("unavailable"));
    QVERIFY2(message.find("/nonexistent/ca.pem") != std::string::npos, message.c_str());
    QVERIFY(server.requests().empty());
}

QTEST_GUILESS_MAIN(TestProviderBasics)
#include "TestProviderBasics.moc"
