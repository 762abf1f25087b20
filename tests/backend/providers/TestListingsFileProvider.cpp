#include "ProviderTestSupport.h"

#include "leads/providers/ListingsFile.h"
#include "leads/providers/ListingsFileProvider.h"
#include "leads/providers/ProviderFactory.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace ileadx;
using namespace ileadx::leads;

namespace {

// Columns out of order and in mixed case, an unknown column, a BOM, CRLF line ends, and quoted
// fields holding a comma, a line break and doubled quotes.
const std::string quirkyCsv = "\xEF\xBB\xBF"
                              "Website,NAME,notes,address,rating,review_count,country,category,phone,latitude,longitude\r\n"
                              "www.alder-bakery.test,Alder Bakery,ignored,\"12 Mill Street, Alderbrook\",4.7,212,us,bakery,"
                              "+1 555-0101,45.0012,-123.0021\r\n"
                              "\r\n"
                              "https://fern.test/,\"Fern \"\"&\"\" Finch\",,\"3 Church Lane\nAlderbrook\",,,,florist,,,\r\n"
                              "http://www.kestrel-books.test/,Kestrel Books,,\"9 Mill Street, Alderbrook\",4.8,64,US,bookshop,,,\r\n";

std::string writeFile(const QTemporaryDir& folder, const std::string& name, const std::string& text)
{
    const std::string path = folder.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::vector<std::string> names(const std::vector<Listing>& listings)
{
    std::vector<std::string> result;
    for (const auto& listing : listings) {
        result.push_back(listing.name);
    }
    return result;
}

} // namespace

class TestListingsFileProvider : public QObject
{
    Q_OBJECT

private slots:
    void csvQuirksParse();
    void csvBadRowsAreSkipped();
    void csvWithoutNameColumnIsMalformed();
    void csvDuplicateColumnIsMalformed();
    void jsonArrayParses();
    void jsonBadElementsAreSkipped();
    void jsonNotArrayIsMalformed();
    void missingFileIsUnavailable();
    void searchFiltersByQueryAndLocation();
    void searchFiltersByCountry();
    void searchStopsAtMaxResults();
    void searchReportsSkippedRows();
    void demoFileIsValid();
};

void TestListingsFileProvider::csvQuirksParse()
{
    const ListingsFileContents contents = parseListingsCsv(quirkyCsv);
    QVERIFY(contents.skipped.empty());
    QCOMPARE(contents.listings.size(), std::size_t(3));

    const Listing& bakery = contents.listings[0];
    QCOMPARE(bakery.provider, std::string("listings_file"));
    QCOMPARE(bakery.name, std::string("Alder Bakery"));
    QCOMPARE(bakery.address, std::string("12 Mill Street, Alderbrook"));
    QCOMPARE(bakery.countryCode, std::string("US"));
    QCOMPARE(bakery.phone, std::string("+1 555-0101"));
    QCOMPARE(bakery.website, std::string("http://www.alder-bakery.test"));
    QCOMPARE(bakery.category, std::string("bakery"));
    QCOMPARE(bakery.rating.value_or(-1), 4.7);
    QCOMPARE(bakery.reviewCount.value_or(-1), 212);
    QCOMPARE(bakery.latitude.value_or(0), 45.0012);
    QCOMPARE(bakery.longitude.value_or(0), -123.0021);
    QCOMPARE(bakery.providerId, std::string("Alder Bakery|12 Mill Street, Alderbrook"));

    const Listing& florist = contents.listings[1];
    QCOMPARE(florist.name, std::string("Fern \"&\" Finch"));
    QCOMPARE(florist.address, std::string("3 Church Lane\nAlderbrook"));
    QVERIFY(!florist.rating.has_value());
    QVERIFY(!florist.latitude.has_value());
    QVERIFY(florist.countryCode.empty());
}

void TestListingsFileProvider::csvBadRowsAreSkipped()
{
    const std::string csv = "name,address,rating,review_count,country,website,latitude,longitude\n"
                            "Good One,\"1 A Street\nsecond line\",4,10,DE,,,\n" // lines 2-3
                            "Comma Rating,2 B Street,\"4,5\",,,,,\n"              // line 4
                            "Negative Reviews,3 C Street,,-3,,,,\n"               // line 5
                            "Long Country,4 D Street,,,Germany,,,\n"              // line 6
                            ",5 E Street,,,,,,\n"                                 // line 7
                            "Too Few Fields,6 F Street\n"                         // line 8
                            "Bad Website,7 G Street,,,,ftp://files.test/,,\n"     // line 9
                            "Only Latitude,8 H Street,,,,,45.1,\n"                // line 10
                            "North Pole Plus,9 I Street,,,,,91,10\n"              // line 11
                            "NaN Rating,10 J Street,nan,,,,,\n"                   // line 12
                            "Unclosed,\"11 K Street,,,,,,\n";                     // line 13
    const ListingsFileContents contents = parseListingsCsv(csv);
    QCOMPARE(names(contents.listings), std::vector<std::string>{"Good One"});

    const std::vector<std::pair<std::string, std::string>> expected{
        {"line 4", "rating \"4,5\" is not a number from 0 to 5"},
        {"line 5", "review_count \"-3\" is not a whole number of at least 0"},
        {"line 6", "country \"Germany\" is not a two-letter ISO 3166-1 code"},
        {"line 7", "name is empty"},
        {"line 8", "the record has 2 fields but the header has 8"},
        {"line 9", "website \"ftp://files.test/\" is not an http or https URL"},
        {"line 10", "latitude and longitude must be given together"},
        {"line 11", "latitude \"91\" is not a number from -90 to 90"},
        {"line 12", "rating \"nan\" is not a number from 0 to 5"},
        {"line 13", "the quoted field opened on line 13 is never closed"},
    };
    QCOMPARE(contents.skipped.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(contents.skipped[i].where, expected[i].first);
        QCOMPARE(contents.skipped[i].reason, expected[i].second);
    }
}

void TestListingsFileProvider::csvWithoutNameColumnIsMalformed()
{
    QCOMPARE(test::thrownKind([] { parseListingsCsv("title,address\nAlder Bakery,12 Mill Street\n"); }),
             QString("malformed_response"));
    QCOMPARE(test::thrownKind([] { parseListingsCsv(""); }), QString("malformed_response"));
}

void TestListingsFileProvider::csvDuplicateColumnIsMalformed()
{
    QCOMPARE(test::thrownKind([] { parseListingsCsv("name,Name\nA,B\n"); }), QString("malformed_response"));
}

void TestListingsFileProvider::jsonArrayParses()
{
    const std::string json = "\xEF\xBB\xBF" R"([
        {"name": "Alder Bakery", "address": "12 Mill Street", "country": "us", "rating": 4.7, "review_count": 212,
         "latitude": 45.0012, "longitude": -123.0021, "website": "www.alder-bakery.test", "extra": {"ignored": true}},
        {"Name": "Kestrel Books", "rating": "4.8", "review_count": "64", "phone": null}
    ])";
    const ListingsFileContents contents = parseListingsJson(json);
    QVERIFY(contents.skipped.empty());
    QCOMPARE(names(contents.listings), (std::vector<std::string>{"Alder Bakery", "Kestrel Books"}));
    const Listing& bakery = contents.listings[0];
    QCOMPARE(bakery.countryCode, std::string("US"));
    QCOMPARE(bakery.rating.value_or(-1), 4.7);
    QCOMPARE(bakery.reviewCount.value_or(-1), 212);
    QCOMPARE(bakery.longitude.value_or(0), -123.0021);
    QCOMPARE(bakery.website, std::string("http://www.alder-bakery.test"));
    const Listing& books = contents.listings[1];
    QCOMPARE(books.rating.value_or(-1), 4.8);
    QCOMPARE(books.reviewCount.value_or(-1), 64);
    QVERIFY(books.phone.empty());
}

void TestListingsFileProvider::jsonBadElementsAreSkipped()
{
    const std::string json = R"([
        {"name": "Alder Bakery", "rating": 4.5, "review_count": 12, "latitude": 45.0012, "longitude": -123.0021},
        "just a string",
        {"name": "Too Good", "rating": 7},
        {"name": "Boolean Rating", "rating": true},
        {"name": "Fractional Reviews", "review_count": 2.5},
        {"address": "no name"}
    ])";
    const ListingsFileContents contents = parseListingsJson(json);
    QCOMPARE(names(contents.listings), std::vector<std::string>{"Alder Bakery"});
    const Listing& bakery = contents.listings[0];
    QCOMPARE(bakery.rating.value_or(-1), 4.5);
    QCOMPARE(bakery.reviewCount.value_or(-1), 12);
    QCOMPARE(bakery.latitude.value_or(0), 45.0012);

    const std::vector<std::pair<std::string, std::string>> expected{
        {"element 2", "the element is not a JSON object"},
        {"element 3", "rating \"7\" is not a number from 0 to 5"},
        {"element 4", "rating is not a string or a number"},
        {"element 5", "review_count \"2.5\" is not a whole number of at least 0"},
        {"element 6", "name is empty"},
    };
    QCOMPARE(contents.skipped.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(contents.skipped[i].where, expected[i].first);
        QCOMPARE(contents.skipped[i].reason, expected[i].second);
    }
}

void TestListingsFileProvider::jsonNotArrayIsMalformed()
{
    QCOMPARE(test::thrownKind([] { parseListingsJson(R"({"name": "Alder Bakery"})"); }), QString("malformed_response"));
    QCOMPARE(test::thrownKind([] { parseListingsJson("[{\"name\": "); }), QString("malformed_response"));

    QTemporaryDir folder;
    const std::string path = writeFile(folder, "listings.json", "name,address\nA,B\n");
    QCOMPARE(test::thrownKind([&] { readListingsFile(path); }), QString("malformed_response"));
}

void TestListingsFileProvider::missingFileIsUnavailable()
{
    QTemporaryDir folder;
    ListingsFileProvider provider(folder.filePath("absent.csv").toStdString());
    QCOMPARE(test::thrownKind([&] { provider.search(ListingQuery{"bakery", "", "", 5}); }), QString("unavailable"));
}

void TestListingsFileProvider::searchFiltersByQueryAndLocation()
{
    QTemporaryDir folder;
    const std::string path = writeFile(folder, "listings.csv",
                                       "name,address,category\n"
                                       "Alder Bakery,12 Mill Street Alderbrook,bakery\n"
                                       "Bäckerei Müller,3 Hauptstraße Alderbrook,baker\n"
                                       "Crumb & Co,1 Elm Road Elmwood,bakery\n"
                                       "Kestrel Books,9 Mill Street Alderbrook,bookshop\n");
    ListingsFileProvider provider(path);
    QCOMPARE(names(provider.search(ListingQuery{"BAKER", "alderbrook", "", 10})),
             (std::vector<std::string>{"Alder Bakery", "Bäckerei Müller"}));
    QCOMPARE(names(provider.search(ListingQuery{"BÄCKEREI", "", "", 10})), std::vector<std::string>{"Bäckerei Müller"});
    QCOMPARE(names(provider.search(ListingQuery{"kestrel", "ALDERBROOK", "", 10})), std::vector<std::string>{"Kestrel Books"});
    QCOMPARE(provider.search(ListingQuery{"", "", "", 10}).size(), std::size_t(4));
    QVERIFY(provider.search(ListingQuery{"bakery", "Springfield", "", 10}).empty());
}

void TestListingsFileProvider::searchFiltersByCountry()
{
    QTemporaryDir folder;
    const std::string path = writeFile(folder, "listings.csv",
                                       "name,country\n"
                                       "Alder Bakery,US\n"
                                       "Müller Bakery,DE\n"
                                       "Unknown Country Bakery,\n");
    ListingsFileProvider provider(path);
    QCOMPARE(names(provider.search(ListingQuery{"bakery", "", "us", 10})),
             (std::vector<std::string>{"Alder Bakery", "Unknown Country Bakery"}));
}

void TestListingsFileProvider::searchStopsAtMaxResults()
{
    QTemporaryDir folder;
    const std::string path = writeFile(folder, "listings.csv", "name\nA Bakery\nB Bakery\nC Bakery\n");
    ListingsFileProvider provider(path);
    QCOMPARE(names(provider.search(ListingQuery{"bakery", "", "", 2})), (std::vector<std::string>{"A Bakery", "B Bakery"}));
    QCOMPARE(test::thrownKind([&] { provider.search(ListingQuery{"bakery", "", "", 0}); }), QString("invalid_query"));
}

void TestListingsFileProvider::searchReportsSkippedRows()
{
    QTemporaryDir folder;
    const std::string path = writeFile(folder, "listings.csv", "name,rating\nA Bakery,4\nB Bakery,five\n");
    ProviderSettings settings;
    settings.listingsFile = path;
    auto provider = makeProvider("listings_file", settings);
    QVERIFY(provider);
    QCOMPARE(provider->search(ListingQuery{"bakery", "", "", 10}).size(), std::size_t(1));

    const auto skipped = dynamic_cast<ListingsFileProvider&>(*provider).skippedRows();
    QCOMPARE(skipped.size(), std::size_t(1));
    QCOMPARE(skipped[0].where, std::string("line 3"));
}

void TestListingsFileProvider::demoFileIsValid()
{
    const std::string path = std::string(ILEADX_SOURCE_RESOURCE_DIR) + "/demo/listings.csv";
    const ListingsFileContents contents = readListingsFile(path);
    QVERIFY(contents.skipped.empty());
    QVERIFY(contents.listings.size() >= 10 && contents.listings.size() <= 15);
    for (const auto& listing : contents.listings) {
        QVERIFY2(listing.address.ends_with("Alderbrook"), listing.address.c_str());
        if (!listing.website.empty()) {
            QVERIFY2(listing.website.starts_with("http://www.") && listing.website.ends_with(".test/"), listing.website.c_str());
        }
    }
}

QTEST_GUILESS_MAIN(TestListingsFileProvider)
#include "TestListingsFileProvider.moc"
