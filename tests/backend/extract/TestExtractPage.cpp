#include "ExtractTestSupport.h"

#include "leads/extract/Extraction.h"
#include "leads/extract/HtmlDocument.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include <QtTest>

#include <future>
#include <memory>
#include <sstream>

using namespace ileadx::leads;
using namespace ileadx::leads::test;

class TestExtractPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Extractor> m_extractor;

private slots:
    void initTestCase() { m_extractor = std::make_unique<Extractor>(technologyRulesPath()); }

    void visibleTextSkipsScripts()
    {
        const HtmlDocument document = parseHtml(page("<p>Hello &amp; welcome</p><script>var x = 1;</script><style>p{}</style><div>Bye</div>"));

        QCOMPARE(QString::fromStdString(document.visibleText), QString("Acme\nHello & welcome\nBye\n"));
        QVERIFY(document.markup.find("var x = 1;") != std::string::npos);
        QVERIFY(document.markup.find("welcome") == std::string::npos);
    }

    void linkTextRange()
    {
        const HtmlDocument document = parseHtml(page("<p>Call <a href=\"tel:+49301234567\">+49 30 1234567</a> now</p>"));

        QCOMPARE(document.links.size(), std::size_t{1});
        const HtmlLink& link = document.links.front();
        QCOMPARE(QString::fromStdString(document.visibleText.substr(link.textBegin, link.textEnd - link.textBegin)), QString("+49 30 1234567"));
    }

    void deepNestingStopsParsing()
    {
        std::string divs;
        for (int i = 0; i < 100000; ++i) {
            divs += "<div>";
        }
        const std::string html = page("<p>info@acme.com</p>" + divs + "<p>late@acme.com</p>");

        const Extraction result = m_extractor->extract(PageInput{"", html, {}}, "DE");

        // Parsing stops at the 513th open <div>, so the address after them is not read.
        QCOMPARE(toList(result.emails), QStringList{"info@acme.com"});
    }

    void nestingLimitCountsOnlyOpenElements()
    {
        std::string closed;
        for (int i = 0; i < 2000; ++i) {
            closed += "<div><p>x<br><img src=a></div><li>y";
        }
        std::string open(5 * 1000, ' ');
        for (std::size_t i = 0; i < 1000; ++i) {
            open.replace(i * 5, 5, "<div>");
        }

        QCOMPARE(lengthWithinNestingLimit(closed, kMaxOpenElements), closed.size());
        QCOMPARE(lengthWithinNestingLimit(open, kMaxOpenElements), kMaxOpenElements * 5);
        QCOMPARE(lengthWithinNestingLimit("<script><div><div><div></script><div>", 2), std::size_t{37});
    }

    void inputBeyondCapIgnored()
    {
        std::string html = "<p>first@acme.com</p><p>";
        html += std::string(kMaxHtmlBytes, 'x');
        html += "</p><p>beyond@acme.com</p>";

        const Extraction result = m_extractor->extract(PageInput{"", html, {}}, "DE");

        QCOMPARE(toList(result.emails), QStringList{"first@acme.com"});
    }

    void invalidUtf8Tolerated()
    {
        const std::string html = page("<p>Caf\xC3 \xFF\xFE info@acme.com Tel: +49 30 1234567</p>");

        const Extraction result = m_extractor->extract(PageInput{"", html, {}}, "DE");

        QCOMPARE(toList(result.emails), QStringList{"info@acme.com"});
        QCOMPARE(e164List(result.phones), QStringList{"+49301234567"});
    }

    void mergeDeduplicates()
    {
        Extraction total;
        total.emails = {"info@acme.de"};
        total.phones = {{"+49301234567", "tel"}};
        total.technologies = {{"WordPress", "CMS"}};
        Extraction page;
        page.emails = {"Info@acme.de", "sales@acme.de"};
        page.phones = {{"+49301234567", "text"}, {"+49301234568", "text"}};
        page.faxes = {{"+49301234569", "text"}};
        page.socialProfiles = {{"x", "https://x.com/acme"}};
        page.technologies = {{"WordPress", "CMS"}, {"jQuery", "Front-end framework"}};

        mergeInto(total, page);
        mergeInto(total, page);

        QCOMPARE(toList(total.emails), (QStringList{"info@acme.de", "sales@acme.de"}));
        QCOMPARE(e164List(total.phones), (QStringList{"+49301234567", "+49301234568"}));
        QCOMPARE(QString::fromStdString(total.phones.front().source), QString("tel"));
        QCOMPARE(e164List(total.faxes), QStringList{"+49301234569"});
        QCOMPARE(total.socialProfiles.size(), std::size_t{1});
        QCOMPARE(total.technologies.size(), std::size_t{2});
    }

    void jsonShape()
    {
        Extraction extraction;
        extraction.emails = {"info@acme.de"};
        extraction.phones = {{"+49301234567", "tel"}};
        extraction.socialProfiles = {{"linkedin", "https://www.linkedin.com/company/acme"}};
        extraction.technologies = {{"WordPress", "CMS"}};

        const Poco::JSON::Object::Ptr json = toJson(extraction);

        QCOMPARE(json->getArray("emails")->getElement<std::string>(0), std::string("info@acme.de"));
        QCOMPARE(json->getArray("phones")->getObject(0)->getValue<std::string>("e164"), std::string("+49301234567"));
        QCOMPARE(json->getArray("phones")->getObject(0)->getValue<std::string>("source"), std::string("tel"));
        QCOMPARE(json->getArray("faxes")->size(), std::size_t{0});
        QCOMPARE(json->getArray("socialProfiles")->getObject(0)->getValue<std::string>("network"), std::string("linkedin"));
        QCOMPARE(json->getArray("technologies")->getObject(0)->getValue<std::string>("category"), std::string("CMS"));
    }

    void concurrentExtraction()
    {
        const std::string html = page("<p>Tel: 030 1234567, info@acme.de</p><a href=\"https://x.com/acme\">X</a>",
                                      "<meta name=\"generator\" content=\"WordPress 6.4\">");
        std::vector<std::future<std::string>> results;
        for (int thread = 0; thread < 4; ++thread) {
            results.push_back(std::async(std::launch::async, [&] {
                std::string json;
                for (int round = 0; round < 50; ++round) {
                    std::ostringstream out;
                    toJson(m_extractor->extract(PageInput{"", html, {}}, "DE"))->stringify(out);
                    json = out.str();
                }
                return json;
            }));
        }

        const std::string first = results.front().get();
        QVERIFY(first.find("+49301234567") != std::string::npos);
        for (std::size_t i = 1; i < results.size(); ++i) {
            QCOMPARE(results[i].get(), first);
        }
    }

    void missingRulesFileThrows()
    {
        QVERIFY_THROWS_EXCEPTION(Poco::FileNotFoundException, Extractor("/nonexistent/technologies.json"));
    }
};

QTEST_GUILESS_MAIN(TestExtractPage)
#include "TestExtractPage.moc"
