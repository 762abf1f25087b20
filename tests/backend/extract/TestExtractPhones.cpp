#include "ExtractTestSupport.h"

#include "leads/extract/Extraction.h"
#include "leads/extract/PhoneExtractor.h"

#include <QtTest>

#include <memory>

using namespace ileadx::leads;
using namespace ileadx::leads::test;

class TestExtractPhones : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Extractor> m_extractor;

private slots:
    void initTestCase() { m_extractor = std::make_unique<Extractor>(technologyRulesPath()); }

    void pagePhones_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("phones");
        QTest::addColumn<QStringList>("faxes");
        QTest::addColumn<QString>("firstSource");

        const auto row = [](const char* name, const char* country, const std::string& body, const QStringList& phones,
                            const QStringList& faxes, const char* firstSource = "") {
            QTest::newRow(name) << country << QString::fromStdString(body) << phones << faxes << firstSource;
        };
        row("tel link international", "DE", "<a href=\"tel:+49301234567\">Call us</a>", {"+49301234567"}, {}, "tel");
        row("tel link national, encoded", "DE", "<a href=\"tel:030%201234567\">030 1234567</a>", {"+49301234567"}, {}, "tel");
        row("tel link with extension", "DE", "<a href=\"tel:+49-30-1234567;ext=12\">x</a>", {"+49301234567"}, {}, "tel");
        row("tel link invalid number", "DE", "<a href=\"tel:12\">x</a>", {}, {});
        row("tel link labelled fax", "DE", "<p>Fax: <a href=\"tel:+49301234568\">+49 30 1234568</a></p>", {}, {"+49301234568"}, "tel");
        row("json-ld telephone and faxNumber", "DE",
            "<script type=\"application/ld+json\">{\"@type\":\"LocalBusiness\",\"telephone\":\"+49 30 1234567\",\"faxNumber\":\"030 1234568\"}</script>",
            {"+49301234567"}, {"+49301234568"}, "json-ld");
        row("text after label", "DE", "<p>Telefon: 030 1234567</p>", {"+49301234567"}, {}, "text");
        row("label with opening hours", "DE", "<p>Telefon (Zentrale, Mo\u2013Fr 9\u201317 Uhr): 030 1234567</p>", {"+49301234567"}, {}, "text");
        row("text international without label", "DE", "<p>+49 30 1234567</p>", {"+49301234567"}, {}, "text");
        row("text national without label", "DE", "<p>Order 030 1234567 shipped</p>", {}, {});
        row("phone and fax lines", "DE", "<p>Tel: 030 1234567<br>Fax: 030 1234568</p>", {"+49301234567"}, {"+49301234568"}, "text");
        row("telefax label", "DE", "<p>Telefax 030 1234568</p>", {}, {"+49301234568"});
        row("fax label in a table", "DE", "<table><tr><td>Fax</td><td>+49 30 1234568</td></tr></table>", {}, {"+49301234568"});
        row("us number", "US", "<p>Phone: (650) 253-0000</p>", {"+16502530000"}, {}, "text");
        row("no country reads only +", "", "<p>Tel: 030 1234567, Tel: +44 20 7946 0958</p>", {"+442079460958"}, {});
        row("dates", "DE", "<p>Telefon: ab 2024-05-01, 01.05.2024 und 1/5/2024</p>", {}, {});
        row("date range", "DE", "<p>Tel. Aktion 01.05.2024 - 05.05.2024</p>", {}, {});
        row("prices", "DE", "<p>Tel. Preis: € 1.234,56 oder $1,299.00</p>", {}, {});
        row("isbn", "DE", "<p>Tel. Buch ISBN 978-3-16-148410-0</p>", {}, {});
        row("number inside url", "DE", "<p>Tel. https://acme.de/item/4930123456</p>", {}, {});
        row("script and style not read", "DE",
            "<script>var tel = 'Tel: +49 30 1234567';</script><style>/* Tel: +49 30 1234568 */</style>", {}, {});
        row("duplicates", "DE", "<a href=\"tel:+49301234567\">x</a><p>Tel. 030 1234567, Tel. +49 (0)30 1234567</p>", {"+49301234567"}, {}, "tel");
    }

    void pagePhones()
    {
        QFETCH(QString, country);
        QFETCH(QString, body);
        QFETCH(QStringList, phones);
        QFETCH(QStringList, faxes);
        QFETCH(QString, firstSource);

        const Extraction result = m_extractor->extract(PageInput{"https://acme.de/", page(body.toStdString()), {}}, country.toStdString());

        QCOMPARE(e164List(result.phones), phones);
        QCOMPARE(e164List(result.faxes), faxes);
        if (!firstSource.isEmpty()) {
            const PhoneNumber& first = result.phones.empty() ? result.faxes.front() : result.phones.front();
            QCOMPARE(QString::fromStdString(first.source), firstSource);
        }
    }

    void toE164Validates()
    {
        QCOMPARE(toE164("030 1234567", "DE").value_or("none"), std::string("+49301234567"));
        QVERIFY(!toE164("030 1234567", "ZZ").has_value());
        QVERIFY(!toE164("12345", "DE").has_value());
    }

    void regionCodes()
    {
        QCOMPARE(phoneRegion("de").value_or("none"), std::string("DE"));
        QVERIFY(!phoneRegion("XX").has_value());
        QVERIFY(!phoneRegion("").has_value());
    }

    void longTextRuns()
    {
        std::string text;
        while (text.size() < 1024 * 1024) {
            text += "1234 5678 90 ";
        }

        const Extraction result = m_extractor->extract(PageInput{"", page("<p>Tel: +49 30 1234567</p><p>" + text + "</p>"), {}}, "DE");

        QVERIFY(e164List(result.phones).contains("+49301234567"));
    }
};

QTEST_GUILESS_MAIN(TestExtractPhones)
#include "TestExtractPhones.moc"
