#include "SearchFixture.h"

#include "support/LocalWebServer.h"

#include "searches/SearchRepository.h"
#include "shared/ProblemTypes.h"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

using namespace ileadx;
using namespace ileadx::test;

namespace {

std::vector<std::string> namesOf(const HttpReply& reply)
{
    std::vector<std::string> names;
    const Poco::JSON::Object::Ptr json = reply.json();
    const Poco::JSON::Array::Ptr items = json ? json->getArray("items") : nullptr;
    for (std::size_t index = 0; items && index < items->size(); ++index) {
        const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned int>(index));
        names.push_back(item->has("name") ? item->getValue<std::string>("name") : item->getValue<std::string>("id"));
    }
    return names;
}

std::string nextCursor(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    if (!json || json->isNull("next_cursor")) {
        return {};
    }
    return json->getValue<std::string>("next_cursor");
}

// A small web site per host for the pipeline test: a home page linking to a contact page.
void answerSite(const LocalWebServer::RecordedRequest& request, Poco::Net::HTTPServerResponse& response)
{
    std::string host = request.host.substr(0, request.host.find(':'));
    const std::string path = Poco::URI(request.uri).getPath();
    response.setContentType("text/html; charset=utf-8");
    if (host == "www.slow.test") {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    if (path == "/robots.txt") {
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
        response.send() << "";
        return;
    }
    if (path == "/contact.html") {
        // The extractor drops addresses in reserved domains such as .test, so the address is
        // in an ordinary-looking domain; nothing is ever sent to it.
        const std::string domain = host.substr(4, host.find('.', 4) - 4) + "-shop.com";
        response.send() << "<html><body><p>Write to <a href=\"mailto:hello@" << domain << "\">hello@" << domain
                        << "</a> or call <a href=\"tel:+15555550101\">+1 555 555 0101</a>.</p></body></html>";
        return;
    }
    response.send() << "<html><head><title>" << host << "</title></head><body><h1>Welcome</h1>"
                    << "<a href=\"/contact.html\">Contact</a></body></html>";
}

} // namespace

class TestSearchRoutes final : public QObject
{
    Q_OBJECT

private slots:
    void testValidationErrors_data();
    void testValidationErrors();
    void testOtherUsersSearchNotFound_data() { addDialectRows(); }
    void testOtherUsersSearchNotFound();
    void testListOwnSearchesPaged_data() { addDialectRows(); }
    void testListOwnSearchesPaged();
    void testLeadsPagedAndFiltered_data() { addDialectRows(); }
    void testLeadsPagedAndFiltered();
    void testCancelRunningSearch_data() { addDialectRows(); }
    void testCancelRunningSearch();
    void testAdminListAndDiagnostics_data() { addDialectRows(); }
    void testAdminListAndDiagnostics();
    void testSearchRunsToScoredLeads_data() { addDialectRows(); }
    void testSearchRunsToScoredLeads();
};

void TestSearchRoutes::testValidationErrors_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("query missing") << R"({"country":"US"})" << "query";
    QTest::newRow("query empty") << R"({"query":"  ","country":"US"})" << "query";
    QTest::newRow("query too long") << QString(R"({"query":"%1","country":"US"})").arg(QString(201, 'a')) << "query";
    QTest::newRow("query not a string") << R"({"query":5,"country":"US"})" << "query";
    QTest::newRow("query with control character") << R"({"query":"a\u0007b","country":"US"})" << "query";
    QTest::newRow("location too long") << QString(R"({"query":"a","location":"%1","country":"US"})").arg(QString(201, 'b')) << "location";
    QTest::newRow("country missing") << R"({"query":"bakery"})" << "country";
    QTest::newRow("country unassigned") << R"({"query":"bakery","country":"XX"})" << "country";
    QTest::newRow("country alpha-3") << R"({"query":"bakery","country":"DEU"})" << "country";
    QTest::newRow("max_results zero") << R"({"query":"bakery","country":"US","max_results":0})" << "max_results";
    QTest::newRow("max_results over 500") << R"({"query":"bakery","country":"US","max_results":501})" << "max_results";
    QTest::newRow("max_results a string") << R"({"query":"bakery","country":"US","max_results":"10"})" << "max_results";
    QTest::newRow("max_results a fraction") << R"({"query":"bakery","country":"US","max_results":1.5})" << "max_results";
    QTest::newRow("providers unknown") << R"({"query":"bakery","country":"US","providers":["yelp"]})" << "yelp";
    QTest::newRow("providers not configured") << R"({"query":"bakery","country":"US","providers":["google_places"]})" << "google_places";
    QTest::newRow("providers empty") << R"({"query":"bakery","country":"US","providers":[]})" << "providers";
    QTest::newRow("providers not an array") << R"({"query":"bakery","country":"US","providers":"overpass"})" << "providers";
}

void TestSearchRoutes::testValidationErrors()
{
    QFETCH(QString, body);
    QFETCH(QString, field);
    SearchFixture fixture(QStringLiteral("sqlite"));
    const std::string token = fixture.signIn(kCustomer);

    const HttpReply reply = fixture.client()->postJson("/api/v1/searches", body.toStdString(), token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), std::string(problem::kInvalidRequest));
    const std::string detail = reply.json()->optValue<std::string>("detail", "");
    QVERIFY2(detail.find(field.toStdString()) != std::string::npos, detail.c_str());
}

void TestSearchRoutes::testOtherUsersSearchNotFound()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Running);
    const std::string base = "/api/v1/searches/" + search.id;

    QCOMPARE(fixture.client()->get(base, fixture.signIn(kCustomer)).status, 200);
    for (const char* email : {kOtherCustomer, kAdmin}) {
        const std::string token = fixture.signIn(email);
        QCOMPARE(fixture.client()->get(base, token).status, 404);
        QCOMPARE(fixture.client()->get(base + "/leads", token).status, 404);
        QCOMPARE(fixture.client()->get(base + "/export?format=csv", token).status, 404);
        QCOMPARE(fixture.client()->send("DELETE", base, {}, {}, token).status, 404);
    }
    QCOMPARE(fixture.client()->get("/api/v1/searches/unknown-id", fixture.signIn(kCustomer)).status, 404);
    QCOMPARE(fixture.server->runtime().searches().status(search.id), std::optional(SearchStatus::Running));
}

void TestSearchRoutes::testListOwnSearchesPaged()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    std::vector<std::string> own;
    for (int index = 0; index < 3; ++index) {
        own.push_back(fixture.seedSearch(kCustomer, SearchStatus::Completed).id);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    fixture.seedSearch(kOtherCustomer, SearchStatus::Completed);
    const std::string token = fixture.signIn(kCustomer);

    const HttpReply first = fixture.client()->get("/api/v1/searches?limit=2", token);
    QCOMPARE(first.status, 200);
    QCOMPARE(namesOf(first), (std::vector<std::string>{own[2], own[1]}));
    const std::string cursor = nextCursor(first);
    QVERIFY(!cursor.empty());

    const HttpReply second = fixture.client()->get("/api/v1/searches?limit=2&cursor=" + cursor, token);
    QCOMPARE(second.status, 200);
    QCOMPARE(namesOf(second), (std::vector<std::string>{own[0]}));
    QVERIFY(nextCursor(second).empty());

    QCOMPARE(fixture.client()->get("/api/v1/searches?cursor=not-a-cursor!", token).status, 400);
}

void TestSearchRoutes::testLeadsPagedAndFiltered()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    fixture.seedLead(search.id, "Alpha", 90, "a@alpha.test", "+15555550101");
    fixture.seedLead(search.id, "Bravo", 70, "b@bravo.test");
    fixture.seedLead(search.id, "Charlie", 50, {}, "+15555550103");
    fixture.seedLead(search.id, "Delta", 30);
    fixture.seedLead(search.id, "Echo", 10);
    const std::string token = fixture.signIn(kCustomer);
    const std::string leads = "/api/v1/searches/" + search.id + "/leads";

    std::vector<std::string> all;
    std::string cursor;
    for (int page = 0; page < 3; ++page) {
        const HttpReply reply = fixture.client()->get(leads + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), token);
        QCOMPARE(reply.status, 200);
        for (const std::string& name : namesOf(reply)) {
            all.push_back(name);
        }
        cursor = nextCursor(reply);
        QCOMPARE(cursor.empty(), page == 2);
    }
    QCOMPARE(all, (std::vector<std::string>{"Alpha", "Bravo", "Charlie", "Delta", "Echo"}));

    QCOMPARE(namesOf(fixture.client()->get(leads + "?min_score=50", token)),
             (std::vector<std::string>{"Alpha", "Bravo", "Charlie"}));
    QCOMPARE(namesOf(fixture.client()->get(leads + "?has_email=true", token)), (std::vector<std::string>{"Alpha", "Bravo"}));
    QCOMPARE(namesOf(fixture.client()->get(leads + "?has_phone=true", token)),
             (std::vector<std::string>{"Alpha", "Charlie"}));
    QCOMPARE(namesOf(fixture.client()->get(leads + "?has_email=false&min_score=20", token)),
             (std::vector<std::string>{"Charlie", "Delta"}));

    const HttpReply reply = fixture.client()->get(leads + "?limit=1", token);
    const Poco::JSON::Object::Ptr lead = reply.json()->getArray("items")->getObject(0);
    QCOMPARE(lead->getValue<int>("score"), 90);
    QCOMPARE(lead->getArray("emails")->getElement<std::string>(0), std::string("a@alpha.test"));
    QCOMPARE(lead->getArray("score_reasons")->size(), std::size_t(1));

    QCOMPARE(fixture.client()->get(leads + "?min_score=101", token).status, 400);
    QCOMPARE(fixture.client()->get(leads + "?has_email=yes", token).status, 400);
}

void TestSearchRoutes::testCancelRunningSearch()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Running);
    const std::string token = fixture.signIn(kCustomer);
    const std::string path = "/api/v1/searches/" + search.id;

    const HttpReply cancelled = fixture.client()->send("DELETE", path, {}, {}, token);
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json()->getValue<std::string>("status"), std::string("cancelled"));
    QVERIFY(!cancelled.json()->isNull("finished_at"));

    const HttpReply again = fixture.client()->send("DELETE", path, {}, {}, token);
    QCOMPARE(again.status, 409);
    QCOMPARE(problemType(again), std::string(problem::kSearchFinished));
}

void TestSearchRoutes::testAdminListAndDiagnostics()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    const SearchRecord mine = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    fixture.seedSearch(kOtherCustomer, SearchStatus::Failed);
    fixture.server->runtime().searches().saveDiagnostics(mine.id, R"({"queued_ms":1,"total_ms":2,"stages":{}})");
    const std::string admin = fixture.signIn(kAdmin);

    const HttpReply all = fixture.client()->get("/api/v1/admin/searches", admin);
    QCOMPARE(all.status, 200);
    QCOMPARE(namesOf(all).size(), std::size_t(2));

    const HttpReply filtered =
        fixture.client()->get("/api/v1/admin/searches?status=completed&user_id=" + fixture.userId(kCustomer), admin);
    QCOMPARE(namesOf(filtered), (std::vector<std::string>{mine.id}));
    QCOMPARE(filtered.json()->getArray("items")->getObject(0)->getValue<std::string>("user_id"), fixture.userId(kCustomer));
    QCOMPARE(fixture.client()->get("/api/v1/admin/searches?status=lost", admin).status, 400);

    const HttpReply diagnostics = fixture.client()->get("/api/v1/admin/searches/" + mine.id + "/diagnostics", admin);
    QCOMPARE(diagnostics.status, 200);
    QCOMPARE(diagnostics.json()->getObject("diagnostics")->getValue<int>("total_ms"), 2);
    QCOMPARE(fixture.client()->get("/api/v1/admin/searches/unknown/diagnostics", admin).status, 404);

    const std::string customer = fixture.signIn(kCustomer);
    QCOMPARE(fixture.client()->get("/api/v1/admin/searches", customer).status, 403);
    QCOMPARE(fixture.client()->get("/api/v1/admin/searches/" + mine.id + "/diagnostics", customer).status, 403);
}

void TestSearchRoutes::testSearchRunsToScoredLeads()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    LocalWebServer sites(answerSite);
    QTemporaryDir folder;
    const QString listingsPath = folder.filePath("listings.csv");
    {
        QFile file(listingsPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,address,country,phone,website,category,rating,review_count,latitude,longitude\n"
                   "Alpha Bakery,1 Main Street,US,+1 555-0101,http://www.alpha.test/,bakery,4.5,10,,\n"
                   "Bravo Bakery,2 Main Street,US,+1 555-0102,http://www.slow.test/,bakery,4.0,5,,\n"
                   "Charlie Bakery,3 Main Street,US,+1 555-0103,,bakery,,,,\n"
                   "Unreachable Bakery,4 Main Street,US,+1 555-0104,http://www.gone.test/,bakery,,,,\n"
                   "Delta Florist,5 Main Street,US,+1 555-0105,http://www.delta.test/,florist,,,,\n");
    }
    const std::string port = std::to_string(sites.port());
    SearchFixture fixture(dialect, {{"providers.listingsFile", listingsPath.toStdString()},
                                    {"crawler.allowPrivateAddresses", "true"},
                                    {"crawler.perHostDelayMs", "0"},
                                    {"crawler.resolve", "www.alpha.test:80=127.0.0.1:" + port +
                                                            ",www.slow.test:80=127.0.0.1:" + port +
                                                            ",www.gone.test:80=127.0.0.1:1"}});
    const std::string token = fixture.signIn(kCustomer);

    const HttpReply created = fixture.client()->postJson(
        "/api/v1/searches", R"({"query":"bakery","country":"US","max_results":10,"providers":["listings_file"]})", token);
    if (created.status == 400 && created.body.find("not configured") != std::string::npos) {
        QSKIP("this build has no lead engine, so no provider is configured");
    }
    QCOMPARE(created.status, 202);
    const std::string id = created.json()->getValue<std::string>("id");
    QCOMPARE(created.header("Location"), "/api/v1/searches/" + id);

    std::string status;
    Poco::JSON::Object::Ptr search;
    for (int attempt = 0; attempt < 300 && status != "completed" && status != "failed"; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        search = fixture.client()->get("/api/v1/searches/" + id, token).json();
        status = search->getValue<std::string>("status");
    }
    QCOMPARE(status, std::string("completed"));
    const Poco::JSON::Object::Ptr progress = search->getObject("progress");
    QCOMPARE(progress->getValue<int>("listings_found"), 4);
    QCOMPARE(progress->getValue<int>("sites_total"), 3);
    QCOMPARE(progress->getValue<int>("sites_crawled"), 3);
    QCOMPARE(progress->getValue<int>("leads_stored"), 4);

    const HttpReply leads = fixture.client()->get("/api/v1/searches/" + id + "/leads", token);
    QCOMPARE(leads.status, 200);
    const Poco::JSON::Array::Ptr items = leads.json()->getArray("items");
    QCOMPARE(items->size(), std::size_t(4));
    bool alphaHasEmail = false;
    for (std::size_t index = 0; index < items->size(); ++index) {
        const Poco::JSON::Object::Ptr lead = items->getObject(static_cast<unsigned int>(index));
        const int score = lead->getValue<int>("score");
        QVERIFY(score >= 1 && score <= 100);
        QVERIFY(lead->getArray("score_reasons")->size() > 0);
        if (lead->getValue<std::string>("name") == "Alpha Bakery") {
            alphaHasEmail = lead->getArray("emails")->size() == 1 &&
                            lead->getArray("emails")->getElement<std::string>(0) == "hello@alpha-shop.com";
            QVERIFY(lead->getValue<bool>("website_reachable"));
        }
        if (lead->getValue<std::string>("name") == "Unreachable Bakery") {
            QVERIFY(!lead->getValue<bool>("website_reachable"));
        }
    }
    QVERIFY(alphaHasEmail);

    const HttpReply diagnostics =
        fixture.client()->get("/api/v1/admin/searches/" + id + "/diagnostics", fixture.signIn(kAdmin));
    QCOMPARE(diagnostics.status, 200);
    const Poco::JSON::Object::Ptr stages = diagnostics.json()->getObject("diagnostics")->getObject("stages");
    for (const char* stage : {"provider", "crawl", "extraction", "scoring", "storage"}) {
        QVERIFY2(stages->has(stage), stage);
    }
    const Poco::JSON::Object::Ptr crawl = stages->getObject("crawl");
    QCOMPARE(crawl->getValue<int>("sites"), 3);
    QVERIFY(crawl->getValue<int>("errors") >= 1);
    QVERIFY(crawl->getObject("first_byte_ms")->getValue<double>("sum") > 0);
    QCOMPARE(crawl->getArray("slowest_sites")->getObject(0)->getValue<std::string>("website"),
             std::string("http://www.slow.test/"));
    QCOMPARE(stages->getObject("storage")->getValue<int>("count"), 4);
}

QTEST_GUILESS_MAIN(TestSearchRoutes)
#include "TestSearchRoutes.moc"
