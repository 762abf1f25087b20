// The crawler's pure parts: content decoding and character sets, <meta> scanning, the address
// guard, site identity and the choice of contact pages. No network.
#include "leads/crawl/AddressGuard.h"
#include "leads/crawl/ContactPages.h"
#include "leads/crawl/ContentDecoder.h"
#include "leads/crawl/HtmlMeta.h"
#include "leads/crawl/HtmlTags.h"
#include "leads/crawl/SiteIdentity.h"

#include <QTest>

#include <zlib.h>

using namespace ileadx::leads;

namespace {

std::string gzipOf(const std::string& text)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, text.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

} // namespace

class TestCrawlDecoding : public QObject
{
    Q_OBJECT

private slots:
    void gzipWithinCap();
    void gzipTwoMembers();
    void gzipCapTruncates();
    void corruptGzipFails();
    void identityCapTruncates();
    void charsetPriority();
    void charsetFallbacks();
    void convertsLegacyCharsets();
    void unknownCharsetReadAsWindows1252();
    void metaTagsSkipComments();
    void linkTagsSkipScriptsAndComments();
    void metaRefreshForms_data();
    void metaRefreshForms();
    void addressClasses_data();
    void addressClasses();
    void literalPrivateAddressRejected();
    void mappedLoopbackRejected();
    void mappedLoopbackAllowedWhenPrivateAllowed();
    void registrableDomains();
    void contactPagesRanked();
    void contactPagesUseBaseHref();
};

void TestCrawlDecoding::gzipWithinCap()
{
    const DecodedContent decoded = decodeContentEncoding("gzip", gzipOf("<p>hello</p>"), 1024);
    QCOMPARE(decoded.error, std::string());
    QCOMPARE(decoded.bytes, std::string("<p>hello</p>"));
    QVERIFY(!decoded.truncated);
}

void TestCrawlDecoding::gzipTwoMembers()
{
    const DecodedContent decoded = decodeContentEncoding("x-gzip", gzipOf("one ") + gzipOf("two"), 1024);
    QCOMPARE(decoded.bytes, std::string("one two"));
}

void TestCrawlDecoding::gzipCapTruncates()
{
    const DecodedContent decoded = decodeContentEncoding("gzip", gzipOf(std::string(10 * 1024 * 1024, 'z')), 100000);
    QCOMPARE(decoded.error, std::string());
    QCOMPARE(decoded.bytes.size(), std::size_t(100000));
    QVERIFY(decoded.truncated);
}

void TestCrawlDecoding::corruptGzipFails()
{
    std::string broken = gzipOf(std::string(1000, 'q'));
    broken[12] = static_cast<char>(broken[12] ^ 0x55);
    broken[13] = static_cast<char>(broken[13] ^ 0x55);
    QCOMPARE(decodeContentEncoding("gzip", broken, 4096).error, std::string("invalid compressed body"));
}

void TestCrawlDecoding::identityCapTruncates()
{
    const DecodedContent decoded = decodeContentEncoding("", "abcdef", 4);
    QCOMPARE(decoded.bytes, std::string("abcd"));
    QVERIFY(decoded.truncated);
}

void TestCrawlDecoding::charsetPriority()
{
    const std::string metaLatin = "<meta charset=iso-8859-1><p>x</p>";
    QCOMPARE(detectHtmlCharset("text/html; charset=\"Windows-1252\"", metaLatin), std::string("windows-1252"));
    QCOMPARE(detectHtmlCharset("text/html", metaLatin), std::string("iso-8859-1"));
    QCOMPARE(detectHtmlCharset("text/html", "\xEF\xBB\xBF<meta charset=iso-8859-1>"), std::string("utf-8"));
}

void TestCrawlDecoding::charsetFallbacks()
{
    QCOMPARE(detectHtmlCharset("text/html", "<p>Stra\xC3\x9F" "e</p>"), std::string("utf-8"));
    QCOMPARE(detectHtmlCharset("text/html", "<p>Stra\xDF" "e</p>"), std::string("windows-1252"));
    // A declaration after the first 8 KiB is not seen.
    const std::string late = std::string(9000, ' ') + "<meta charset=iso-8859-1>";
    QCOMPARE(detectHtmlCharset("text/html", late), std::string("utf-8"));
}

void TestCrawlDecoding::convertsLegacyCharsets()
{
    QCOMPARE(convertToUtf8("Gr\xFC\xDF" "e", "iso-8859-1"), std::string("Grüße"));
    QCOMPARE(convertToUtf8("\x80 und \x93zitiert\x94", "ISO-8859-1"), std::string("€ und “zitiert”"));
    QCOMPARE(convertToUtf8("\xE4", "windows-1252"), std::string("ä"));
    QCOMPARE(convertToUtf8(std::string("\xFF\xFEH\0i\0", 6), "utf-16le"), std::string("Hi"));
    QCOMPARE(convertToUtf8("\xEF\xBB\xBFok", "utf-8"), std::string("ok"));
    QCOMPARE(convertToUtf8("a\xC3", "utf-8"), std::string("a\xEF\xBF\xBD"));
}

void TestCrawlDecoding::unknownCharsetReadAsWindows1252()
{
    QCOMPARE(convertToUtf8("K\xE4se", "no-such-charset"), std::string("Käse"));
}

void TestCrawlDecoding::metaTagsSkipComments()
{
    const auto tags = findMetaTags("<!-- <meta charset=koi8-r> --><META Charset='UTF-8'/><meta name=x content=\"a &amp; b\">", 4096);
    QCOMPARE(tags.size(), std::size_t(2));
    QCOMPARE(attributeValue(tags[0], "charset"), std::string("UTF-8"));
    QCOMPARE(attributeValue(tags[1], "content"), std::string("a & b"));
}

void TestCrawlDecoding::linkTagsSkipScriptsAndComments()
{
    const std::string html = R"(<script>var s = "<a href='/fake'>Contact</a>";</script><style>a{}</style>
        <A HREF="/kontakt" class=x><span>Kontakt</span>
        &amp; <b>Anfahrt</b></A><!-- <a href="/hidden">x</a> --><a href=/team>Team)";
    const std::vector<HtmlTag> tags = findTags(html, {"a"}, html.size());
    QCOMPARE(tags.size(), std::size_t(2));
    QCOMPARE(attributeValue(tags[0].attributes, "href"), std::string("/kontakt"));
    QCOMPARE(tags[0].text, std::string("Kontakt & Anfahrt"));
    QCOMPARE(attributeValue(tags[1].attributes, "href"), std::string("/team"));
    QCOMPARE(tags[1].text, std::string("Team"));
}

void TestCrawlDecoding::metaRefreshForms_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("common") << "<meta http-equiv=\"refresh\" content=\"0; url=/new\">" << "/new";
    QTest::newRow("upper case, quoted url") << "<meta HTTP-EQUIV=Refresh content=\"0;URL='/q'\">" << "/q";
    QTest::newRow("comma and delay") << "<meta http-equiv=refresh content=\"5, url=http://a.test/x\">" << "http://a.test/x";
    QTest::newRow("no url keyword") << "<meta http-equiv=refresh content=\"0;/plain\">" << "/plain";
    QTest::newRow("reload only") << "<meta http-equiv=refresh content=\"30\">" << "";
    QTest::newRow("no delay") << "<meta http-equiv=refresh content=\"url=/x\">" << "";
    QTest::newRow("other meta") << "<meta name=refresh content=\"0; url=/x\">" << "";
}

void TestCrawlDecoding::metaRefreshForms()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    const auto url = metaRefreshUrl(findMetaTags(html.toStdString(), 4096));
    QCOMPARE(QString::fromStdString(url.value_or("")), expected);
}

void TestCrawlDecoding::addressClasses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    QTest::newRow("loopback v4") << "127.0.0.1" << "loopback address";
    QTest::newRow("loopback v4 other") << "127.8.9.10" << "loopback address";
    QTest::newRow("10/8") << "10.0.0.1" << "private address";
    QTest::newRow("172.16/12") << "172.31.255.1" << "private address";
    QTest::newRow("172.32 is public") << "172.32.0.1" << "";
    QTest::newRow("192.168/16") << "192.168.1.1" << "private address";
    QTest::newRow("shared 100.64/10") << "100.64.0.1" << "shared address space";
    QTest::newRow("link-local v4") << "169.254.169.254" << "link-local address";
    QTest::newRow("multicast v4") << "224.0.0.251" << "multicast address";
    QTest::newRow("unspecified v4") << "0.0.0.0" << "unspecified address";
    QTest::newRow("broadcast") << "255.255.255.255" << "broadcast address";
    QTest::newRow("public v4") << "93.184.216.34" << "";
    QTest::newRow("loopback v6") << "::1" << "loopback address";
    QTest::newRow("unspecified v6") << "::" << "unspecified address";
    QTest::newRow("link-local v6") << "fe80::1" << "link-local address";
    QTest::newRow("unique-local fc") << "fc00::1" << "unique-local address";
    QTest::newRow("unique-local fd") << "fd12:3456::1" << "unique-local address";
    QTest::newRow("multicast v6") << "ff02::1" << "multicast address";
    QTest::newRow("mapped private") << "::ffff:10.1.2.3" << "private address";
    QTest::newRow("mapped loopback") << "::ffff:127.0.0.1" << "loopback address";
    QTest::newRow("mapped public") << "::ffff:93.184.216.34" << "";
    QTest::newRow("public v6") << "2606:4700::1111" << "";
}

void TestCrawlDecoding::addressClasses()
{
    QFETCH(QString, address);
    QFETCH(QString, reason);
    QCOMPARE(QString::fromStdString(nonPublicAddressReason(Poco::Net::IPAddress(address.toStdString()))), reason);
}

void TestCrawlDecoding::literalPrivateAddressRejected()
{
    // Only classifies the literal: resolveHost() returns no address, so nothing is connected to.
    const ResolvedHost resolved = resolveHost("10.0.0.1", 80, {}, false);
    QVERIFY(resolved.addresses.empty());
    QCOMPARE(resolved.error, std::string("connection to a private address rejected"));
}

void TestCrawlDecoding::mappedLoopbackRejected()
{
    const std::map<std::string, std::string> resolve{{"www.bakery.test:8080", "127.0.0.1:8080"}};
    const ResolvedHost resolved = resolveHost("www.bakery.test", 8080, resolve, false);
    QVERIFY(resolved.addresses.empty());
    QCOMPARE(resolved.error, std::string("connection to a loopback address rejected"));
}

void TestCrawlDecoding::mappedLoopbackAllowedWhenPrivateAllowed()
{
    const std::map<std::string, std::string> resolve{{"www.bakery.test:8080", "127.0.0.1:9090"}};
    const ResolvedHost resolved = resolveHost("WWW.Bakery.test", 8080, resolve, true);
    QCOMPARE(resolved.error, std::string());
    QCOMPARE(resolved.addresses.size(), std::size_t(1));
    QCOMPARE(resolved.addresses[0].toString(), std::string("127.0.0.1:9090"));
}

void TestCrawlDecoding::registrableDomains()
{
    QCOMPARE(registrableDomain("www.bakery.co.uk"), std::string("bakery.co.uk"));
    QCOMPARE(registrableDomain("shop.eu.Example.COM"), std::string("example.com"));
    QCOMPARE(registrableDomain("www.bakery.test"), std::string("bakery.test"));
    QCOMPARE(registrableDomain("127.0.0.1"), std::string("127.0.0.1"));
    QCOMPARE(registrableDomain("localhost"), std::string("localhost"));
    QVERIFY(sameSite("www.bakery.de", "bakery.de"));
    QVERIFY(!sameSite("bakery.github.io", "other.github.io"));
    QVERIFY(!sameSite("bakery.de", "bakery.com"));
}

void TestCrawlDecoding::contactPagesRanked()
{
    const std::string html = R"(<html><body>
        <a href="/blog">Blog</a>
        <a href="/ueber-uns">Wer wir sind</a>
        <a href="impressum.html">Impressum</a>
        <a href="https://www.facebook.com/contact">Facebook</a>
        <a href="/kontakt#form">Schreiben Sie uns</a>
        <a href="/kontakt">Kontakt</a>
        <a href="/files/contact.pdf">Contact sheet</a>
        <a href="mailto:info@bakery.test">Contact by email</a>
        <a href="http://bakery.test/team">Our team</a>
        <a href="/">Home</a>
        <a href="/start">Contact us</a>
    </body></html>)";
    const std::vector<std::string> ranked = rankContactPages(html, "https://www.bakery.test/", "www.bakery.test");
    const std::vector<std::string> expected{
        "https://www.bakery.test/kontakt",
        "https://www.bakery.test/start",
        "https://www.bakery.test/impressum.html",
        "https://www.bakery.test/ueber-uns",
        "http://bakery.test/team",
    };
    QCOMPARE(ranked, expected);
}

void TestCrawlDecoding::contactPagesUseBaseHref()
{
    const std::string html = R"(<head><base href="https://www.bakery.test/de/"></head><a href="kontakt">Kontakt</a>)";
    const std::vector<std::string> ranked = rankContactPages(html, "https://www.bakery.test/", "www.bakery.test");
    QCOMPARE(ranked, std::vector<std::string>{"https://www.bakery.test/de/kontakt"});
}

QTEST_GUILESS_MAIN(TestCrawlDecoding)
#include "TestCrawlDecoding.moc"
