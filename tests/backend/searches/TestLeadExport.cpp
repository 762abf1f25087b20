#include "SearchFixture.h"

#include "searches/LeadExport.h"
#include "searches/SearchRepository.h"
#include "storage/Database.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <QtTest>

using namespace ileadx;
using namespace ileadx::test;

namespace {

constexpr const char* kHeader =
    "id,name,score,website,emails,phones,listing_phone,address,country,category,rating,review_count,"
    "social_profiles,technologies,score_reasons,website_reachable,provider,provider_id,created_at\r\n";

// 2026-03-01T10:00:00.000Z
constexpr EpochMillis kCreatedAt = 1772359200000;

LeadRecord trickyLead(const std::string& searchId)
{
    LeadRecord lead;
    lead.id = "lead-1";
    lead.searchId = searchId;
    lead.dedupeKey = "web:tricky.test";
    lead.name = "Bäckerei \"Zum Anker\", Inh. Müller";
    lead.address = "Line one\nLine two";
    lead.countryCode = "DE";
    lead.phone = "+49 30 1234567";
    lead.website = "https://tricky.test/";
    lead.category = "=HYPERLINK(\"http://evil.test\",\"click\")";
    lead.rating = 4.5;
    lead.reviewCount = 12;
    lead.emails = {"info@tricky.test", "@mention"};
    lead.phones = {"+49301234567"};
    lead.socialProfiles = {};
    lead.technologies = {"-cmd", "\tTabbed"};
    lead.websiteReachable = true;
    lead.score = 77;
    lead.scoreReasons = {"+20 business email found", "\rreturn"};
    lead.provider = "listings_file";
    lead.providerId = "@SUM(1+1)";
    lead.createdAt = kCreatedAt;
    return lead;
}

const std::string kTrickyRow =
    "\"lead-1\",\"Bäckerei \"\"Zum Anker\"\", Inh. Müller\",77,\"https://tricky.test/\","
    "\"info@tricky.test; @mention\",\"'+49301234567\",\"'+49 30 1234567\",\"Line one\nLine two\",\"DE\","
    "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",4.5,12,\"\",\"'-cmd; \tTabbed\","
    "\"'+20 business email found; \rreturn\",true,\"listings_file\",\"'@SUM(1+1)\",\"2026-03-01T10:00:00.000Z\"\r\n";

} // namespace

class TestLeadExport final : public QObject
{
    Q_OBJECT

private slots:
    void testCsvCell_data();
    void testCsvCell();
    void testCsvExportExactBytes_data() { addDialectRows(); }
    void testCsvExportExactBytes();
    void testCsvExportWithByteOrderMark();
    void testJsonExport();
    void testExportRejectsUnknownFormat();
    void testFileNameIsSafe();
};

void TestLeadExport::testCsvCell_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");

    QTest::newRow("plain") << "Alder Bakery" << "\"Alder Bakery\"";
    QTest::newRow("empty") << "" << "\"\"";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote doubled") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline kept inside quotes") << "a\r\nb" << "\"a\r\nb\"";
    QTest::newRow("equals neutralised") << "=1+2" << "\"'=1+2\"";
    QTest::newRow("plus neutralised") << "+1" << "\"'+1\"";
    QTest::newRow("minus neutralised") << "-1" << "\"'-1\"";
    QTest::newRow("at neutralised") << "@x" << "\"'@x\"";
    QTest::newRow("tab neutralised") << "\tx" << "\"'\tx\"";
    QTest::newRow("carriage return neutralised") << "\rx" << "\"'\rx\"";
    QTest::newRow("formula character later is kept") << "a=b" << "\"a=b\"";
    QTest::newRow("non-ASCII kept") << "Ærøskøbing 東京" << "\"Ærøskøbing 東京\"";
}

void TestLeadExport::testCsvCell()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(QString::fromStdString(leadexport::csvCell(text.toStdString())), cell);
}

void TestLeadExport::testCsvExportExactBytes()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect);
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    {
        Transaction transaction(fixture.server->runtime().database());
        fixture.server->runtime().searches().insertLead(transaction.session(), trickyLead(search.id));
        transaction.commit();
    }

    const HttpReply reply =
        fixture.client()->get("/api/v1/searches/" + search.id + "/export?format=csv", fixture.signIn(kCustomer));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, std::string("text/csv; charset=utf-8; header=present"));
    QCOMPARE(reply.header("Transfer-Encoding"), std::string("chunked"));
    QCOMPARE(reply.header("Content-Disposition"),
             "attachment; filename=\"leads-bakery-" + search.id.substr(0, 8) + ".csv\"");
    QCOMPARE(reply.body, std::string(kHeader) + kTrickyRow);
}

void TestLeadExport::testCsvExportWithByteOrderMark()
{
    SearchFixture fixture(QStringLiteral("sqlite"));
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    const HttpReply reply = fixture.client()->get("/api/v1/searches/" + search.id + "/export?format=csv&bom=true",
                                                  fixture.signIn(kCustomer));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, std::string("\xEF\xBB\xBF") + kHeader);
}

void TestLeadExport::testJsonExport()
{
    SearchFixture fixture(QStringLiteral("sqlite"));
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    {
        Transaction transaction(fixture.server->runtime().database());
        fixture.server->runtime().searches().insertLead(transaction.session(), trickyLead(search.id));
        transaction.commit();
    }
    fixture.seedLead(search.id, "Second", 10);

    const HttpReply reply =
        fixture.client()->get("/api/v1/searches/" + search.id + "/export?format=json", fixture.signIn(kCustomer));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, std::string("application/json"));
    QCOMPARE(reply.header("Content-Disposition"),
             "attachment; filename=\"leads-bakery-" + search.id.substr(0, 8) + ".json\"");
    Poco::JSON::Parser parser;
    const Poco::JSON::Object::Ptr json = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    QCOMPARE(json->getObject("search")->getValue<std::string>("id"), search.id);
    const Poco::JSON::Array::Ptr leads = json->getArray("leads");
    QCOMPARE(leads->size(), std::size_t(2));
    const Poco::JSON::Object::Ptr first = leads->getObject(0);
    QCOMPARE(first->getValue<std::string>("name"), std::string("Bäckerei \"Zum Anker\", Inh. Müller"));
    QCOMPARE(first->getValue<std::string>("category"), std::string("=HYPERLINK(\"http://evil.test\",\"click\")"));
    QCOMPARE(first->getValue<double>("rating"), 4.5);
    QCOMPARE(first->getArray("emails")->size(), std::size_t(2));
    QCOMPARE(leads->getObject(1)->getValue<std::string>("name"), std::string("Second"));
}

void TestLeadExport::testExportRejectsUnknownFormat()
{
    SearchFixture fixture(QStringLiteral("sqlite"));
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    const HttpReply reply =
        fixture.client()->get("/api/v1/searches/" + search.id + "/export?format=xlsx", fixture.signIn(kCustomer));
    QCOMPARE(reply.status, 400);
}

void TestLeadExport::testFileNameIsSafe()
{
    SearchRecord search;
    search.id = "0123456789abcdef";
    search.query = "Bäckerei \"x\"; rm -rf /\r\n..";
    QCOMPARE(leadexport::fileName(search, leadexport::Format::Csv), std::string("leads-b-ckerei-x-rm-rf-01234567.csv"));
    search.query = "東京";
    QCOMPARE(leadexport::fileName(search, leadexport::Format::Json), std::string("leads-01234567.json"));
}

QTEST_GUILESS_MAIN(TestLeadExport)
#include "TestLeadExport.moc"
