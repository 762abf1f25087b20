#include "ExtractTestSupport.h"

#include "leads/extract/EmailAddress.h"
#include "leads/extract/EmailExtractor.h"
#include "leads/extract/Extraction.h"

#include <QtTest>

#include <memory>

using namespace ileadx::leads;
using namespace ileadx::leads::test;

class TestExtractEmails : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Extractor> m_extractor;

    QStringList emailsOf(const std::string& html) const
    {
        return toList(m_extractor->extract(PageInput{"https://acme.de/", html, {}}, "DE").emails);
    }

private slots:
    void initTestCase() { m_extractor = std::make_unique<Extractor>(technologyRulesPath()); }

    void pageEmails_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("expected");

        const auto row = [](const char* name, const std::string& body, const QStringList& expected) {
            QTest::newRow(name) << QString::fromStdString(body) << expected;
        };
        row("plain text, domain lower-cased", "<p>Write to Info@Acme-Shop.DE today.</p>", {"Info@acme-shop.de"});
        row("address split over inline elements", "<p><span>office</span>@<b>acme.de</b></p>", {"office@acme.de"});
        row("mailto with subject and body", "<a href=\"mailto:sales%40acme.com?subject=Hello%20there&amp;body=Hi\">Mail</a>", {"sales@acme.com"});
        row("mailto with numeric entity", "<a href=\"mailto:office&amp;#64;acme.com\">Mail</a>", {"office@acme.com"});
        row("mailto with hex entity", "<a href=\"mailto:office&#x40;acme.com\">Mail</a>", {"office@acme.com"});
        row("mailto with two recipients", "<a href=\"mailto:a@acme.com,b@acme.com\">Mail</a>", {"a@acme.com", "b@acme.com"});
        row("entity in text", "<p>jobs&#64;acme.com</p>", {"jobs@acme.com"});
        row("[at] and [dot]", "<p>kontakt [at] acme [dot] de</p>", {"kontakt@acme.de"});
        row("(at) and (dot)", "<p>info(at)acme(dot)co(dot)uk</p>", {"info@acme.co.uk"});
        row("(at) with real dots", "<p>info (at) acme.com</p>", {"info@acme.com"});
        row("spelled out after a label", "<p>Email: hello at acme dot com</p>", {"hello@acme.com"});
        row("spelled out in prose", "<p>We looked at the dot com era and laughed at it.</p>", {});
        row("spelled out without a label", "<p>Meet the team at acme dot com soon.</p>", {});
        row("pronoun before at", "<p>Email us at acme dot com</p>", {});
        row("cloudflare data-cfemail",
            "<a class=\"__cf_email__\" data-cfemail=\"" + cloudflareHex("info@acme.com", 0x42) + "\">[email&#160;protected]</a>",
            {"info@acme.com"});
        row("cloudflare protection link",
            "<a href=\"/cdn-cgi/l/email-protection#" + cloudflareHex("sales@acme.com", 0x7a) + "\">Contact</a>",
            {"sales@acme.com"});
        row("cloudflare text that is no address",
            "<span data-cfemail=\"" + cloudflareHex("not an address", 0x13) + "\"></span>", {});
        row("cloudflare invalid hex", "<span data-cfemail=\"zz12ab\"></span>", {});
        row("json-ld email with mailto",
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Organization\",\"email\":\"mailto:team@acme.com\"}</script>",
            {"team@acme.com"});
        row("json-ld graph and nested object",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"LocalBusiness\",\"contactPoint\":{\"@type\":\"ContactPoint\",\"email\":[\"support@acme.com\"]}}]}</script>",
            {"support@acme.com"});
        row("broken json-ld skipped", "<script type=\"application/ld+json\">{\"email\": \"x@acme.com\",</script><p>ok@acme.com</p>", {"ok@acme.com"});
        row("retina file names", "<p>logo@2x.png image@3x.webp icon@2x.jpg</p>", {});
        row("placeholder domains", "<p>you@example.com name@domain.com x@email.com me@yourdomain.com a@b.example</p>", {});
        row("error-tracking ids", "<p>0123456789abcdef0123456789abcdef@o12345.ingest.sentry.io abc@sentry-next.wixpress.com</p>", {});
        row("invalid shapes", "<p>a..b@acme.com .x@acme.com info@acme info@-acme.com info@acme.c0m</p>", {});
        row("script and style not read", "<script>var a = 'hidden@acme.com';</script><style>/* css@acme.com */</style>", {});
        row("duplicates in any case", "<a href=\"mailto:INFO@Acme.Com\">m</a><p>Info@ACME.com info@acme.com</p>", {"INFO@acme.com"});
    }

    void pageEmails()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, expected);

        QCOMPARE(emailsOf(page(body.toStdString())), expected);
    }

    void normalizeRejectsInvalidShapes()
    {
        QVERIFY(normalizeEmail("info@acme.de").has_value());
        QVERIFY(!normalizeEmail("info@@acme.de").has_value());
        QVERIFY(!normalizeEmail(std::string(65, 'a') + "@acme.de").has_value());
        QVERIFY(!normalizeEmail("info@acme..de").has_value());
        QVERIFY(!normalizeEmail("info@sub.example.org").has_value());
    }

    void cloudflareDecoding()
    {
        QCOMPARE(decodeCloudflareEmail(cloudflareHex("Jane.Doe@Acme.de", 0x5c)).value_or("none"), std::string("Jane.Doe@acme.de"));
        QVERIFY(!decodeCloudflareEmail("4").has_value());
        QVERIFY(!decodeCloudflareEmail("abc").has_value());
    }

    void longTextWithoutAt()
    {
        const std::string text(1024 * 1024, 'a');

        QCOMPARE(emailsOf(page("<p>" + text + " info@acme.com</p>")), QStringList{"info@acme.com"});
    }

    void pathologicalAtChain()
    {
        std::string text;
        text.reserve(1024 * 1024);
        while (text.size() < 1024 * 1024) {
            text += "a@";
        }

        QCOMPARE(emailsOf(page("<p>" + text + "</p>")), QStringList{});
    }

    void pathologicalDotChain()
    {
        std::string text = "x@";
        while (text.size() < 1024 * 1024) {
            text += "a.";
        }

        // The domain would be far longer than 253 characters.
        QCOMPARE(emailsOf(page("<p>" + text + "</p>")), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestExtractEmails)
#include "TestExtractEmails.moc"
