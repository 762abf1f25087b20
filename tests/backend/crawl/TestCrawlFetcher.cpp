// PageFetcher over real HTTP and HTTPS against local servers: headers sent, redirects and their
// limit, timeouts, size caps on raw and decompressed bodies, content encodings, character sets,
// meta refresh, redirects off the site, and certificate checks.
#include "CrawlTestSites.h"

#include "leads/crawl/PageFetcher.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <QTest>

#include <zlib.h>

#include <chrono>
#include <thread>

using ileadx::leads::CrawlerOptions;
using ileadx::leads::FetchedPage;
using ileadx::leads::FetchLimits;
using ileadx::leads::PageFetcher;
using ileadx::test::CannedReply;
using ileadx::test::LocalWebServer;
using ileadx::test::SiteServer;

namespace {

const std::string kHost = "www.bakery.test";

// Compresses TEXT with zlib: WINDOW_BITS 31 for gzip, 15 for zlib-wrapped deflate, -15 for raw.
std::string compress(const std::string& text, int windowBits)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY);
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

FetchLimits htmlLimits(std::size_t maxBodyBytes = 2 * 1024 * 1024)
{
    FetchLimits limits;
    limits.maxBodyBytes = maxBodyBytes;
    limits.maxRedirects = 5;
    limits.siteHost = kHost;
    return limits;
}

FetchedPage fetchFrom(SiteServer& server, const std::string& path, CrawlerOptions options = ileadx::test::testCrawlerOptions(),
                      const FetchLimits& limits = htmlLimits())
{
    server.mapHost(options, kHost);
    const PageFetcher fetcher(options);
    return fetcher.fetch(server.url(kHost, path), limits);
}

std::string headerOf(const FetchedPage& page, const std::string& name)
{
    for (const auto& [key, value] : page.headers) {
        if (Poco::icompare(key, name) == 0) {
            return value;
        }
    }
    return {};
}

} // namespace

class TestCrawlFetcher : public QObject
{
    Q_OBJECT

private slots:
    void plainHttpPage();
    void sendsUserAgentAndEncodings();
    void httpsWithTrustedCertificate();
    void httpsUntrustedCertificateFails();
    void httpsNameMismatchFails();
    void redirectLimitExact();
    void redirectStatusesAndRelativeLocations();
    void slowServerTimesOut();
    void slowDripBodyTimesOut();
    void gzipBombStopsAtCap();
    void rawBodyStopsAtCap();
    void deflateZlibAndRaw();
    void unsupportedEncodingFails();
    void charsetFromHeader();
    void charsetFromMetaTag();
    void charsetFromHttpEquiv();
    void charsetFromBareContent();
    void invalidUtf8Replaced();
    void metaRefreshFollowed();
    void metaRefreshCountsAsRedirect();
    void redirectToOtherSiteRecorded();
    void redirectToWwwlessHostAllowed();
    void nonHtmlRejected();
    void errorStatusRecorded();
};

void TestCrawlFetcher::plainHttpPage()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html; charset=utf-8", "<p>Fresh bread</p>", {{"X-Powered-By", "Test"}}, 0});
    const FetchedPage page = fetchFrom(server, "/");
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.status, 200);
    QCOMPARE(page.body, std::string("<p>Fresh bread</p>"));
    QCOMPARE(page.contentType, std::string("text/html; charset=utf-8"));
    QCOMPARE(headerOf(page, "X-Powered-By"), std::string("Test"));
    QCOMPARE(page.finalUrl, server.url(kHost, "/"));
    QVERIFY(page.timings.connectMs > 0);
    QCOMPARE(page.timings.tlsMs, 0.0);
    QVERIFY(page.timings.firstByteMs > 0);
    QVERIFY(page.timings.downloadMs >= 0);
}

void TestCrawlFetcher::sendsUserAgentAndEncodings()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", "<p>hi</p>", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.userAgent = "iLeadXBot/1.0 (+https://ileadx.example/bot)";
    QCOMPARE(fetchFrom(server, "/", options).error, std::string());

    const auto requests = server.server().requests();
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(requests[0].header("User-Agent"), options.userAgent);
    QCOMPARE(requests[0].header("Accept-Encoding"), std::string("gzip, deflate"));
    QCOMPARE(requests[0].header("Host"), kHost + ":" + std::to_string(server.port()));
    QCOMPARE(Poco::toLower(requests[0].header("Connection")), std::string("close"));
}

void TestCrawlFetcher::httpsWithTrustedCertificate()
{
    // The server's certificate names localhost; the resolve map keeps DNS out of the test.
    SiteServer server(LocalWebServer::Scheme::Https);
    server.serve("localhost", "/", CannedReply{200, "text/html", "<p>secure bread</p>", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.caFile = server.server().certificatePath();
    server.mapHost(options, "localhost");
    const PageFetcher fetcher(options);
    const FetchedPage page = fetcher.fetch(server.url("localhost"), htmlLimits());
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.body, std::string("<p>secure bread</p>"));
    QVERIFY(page.timings.tlsMs > 0);
    QCOMPARE(server.server().requests().at(0).header("Host"), "localhost:" + std::to_string(server.port()));
}

void TestCrawlFetcher::httpsUntrustedCertificateFails()
{
    SiteServer server(LocalWebServer::Scheme::Https);
    server.serve("localhost", "/", CannedReply{200, "text/html", "<p>secure bread</p>", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, "localhost");
    const PageFetcher fetcher(options);
    const FetchedPage page = fetcher.fetch(server.url("localhost"), htmlLimits());
    QVERIFY2(page.error.rfind("TLS failed", 0) == 0, page.error.c_str());
    QVERIFY(server.server().requests().empty());
}

void TestCrawlFetcher::httpsNameMismatchFails()
{
    // The certificate is trusted but names localhost, not the host in the URL.
    SiteServer server(LocalWebServer::Scheme::Https);
    server.serve(kHost, "/", CannedReply{200, "text/html", "<p>secure bread</p>", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.caFile = server.server().certificatePath();
    server.mapHost(options, kHost);
    const PageFetcher fetcher(options);
    const FetchedPage page = fetcher.fetch(server.url(kHost), htmlLimits());
    QVERIFY2(page.error.rfind("TLS failed", 0) == 0, page.error.c_str());
    QVERIFY(server.server().requests().empty());
}

void TestCrawlFetcher::redirectLimitExact()
{
    // /hop/N redirects to /hop/N-1, and /hop/0 is the page: /hop/5 needs five redirects.
    SiteServer server;
    server.serve(kHost, "/hop/0", CannedReply{200, "text/html", "<p>arrived</p>", {}, 0});
    for (int i = 1; i <= 6; ++i) {
        server.serve(kHost, "/hop/" + std::to_string(i),
                     CannedReply{302, "text/html", "", {{"Location", "/hop/" + std::to_string(i - 1)}}, 0});
    }
    const FetchedPage five = fetchFrom(server, "/hop/5");
    QCOMPARE(five.error, std::string());
    QCOMPARE(five.body, std::string("<p>arrived</p>"));
    QCOMPARE(five.finalUrl, server.url(kHost, "/hop/0"));

    const FetchedPage six = fetchFrom(server, "/hop/6");
    QCOMPARE(six.error, std::string("too many redirects (more than 5)"));
    QCOMPARE(six.status, 302);
    QVERIFY(six.body.empty());
}

void TestCrawlFetcher::redirectStatusesAndRelativeLocations()
{
    SiteServer server;
    server.serve(kHost, "/a/start", CannedReply{301, "text/html", "", {{"Location", "next"}}, 0});
    server.serve(kHost, "/a/next", CannedReply{303, "text/html", "", {{"Location", "../b/third"}}, 0});
    server.serve(kHost, "/b/third", CannedReply{307, "text/html", "", {{"Location", "/c?x=1"}}, 0});
    server.serve(kHost, "/c?x=1", CannedReply{308, "text/html", "", {{"Location", server.url(kHost, "/end")}}, 0});
    server.serve(kHost, "/end", CannedReply{200, "text/html", "<p>end</p>", {}, 0});
    const FetchedPage page = fetchFrom(server, "/a/start");
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.finalUrl, server.url(kHost, "/end"));
    const std::vector<std::string> expected{"/a/start", "/a/next", "/b/third", "/c?x=1", "/end"};
    QCOMPARE(server.pathsRequested(kHost), expected);
}

void TestCrawlFetcher::slowServerTimesOut()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", "<p>late</p>", {}, 1500});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.totalTimeoutMs = 300;
    const FetchedPage page = fetchFrom(server, "/", options);
    QCOMPARE(page.error, std::string("timed out"));
    QVERIFY(page.body.empty());
}

void TestCrawlFetcher::slowDripBodyTimesOut()
{
    // Headers at once, then one byte every 50 ms for 3 s: each read succeeds, so only a total
    // deadline can end the fetch.
    LocalWebServer server([](const LocalWebServer::RecordedRequest&, Poco::Net::HTTPServerResponse& response) {
        response.setContentType("text/html");
        response.setChunkedTransferEncoding(true);
        std::ostream& out = response.send();
        try {
            for (int i = 0; i < 60 && out; ++i) {
                out << 'x' << std::flush;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        } catch (const std::exception&) {
            // The client hung up, as it should.
        }
    });
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.totalTimeoutMs = 500;
    options.resolve[kHost + ":" + std::to_string(server.port())] = "127.0.0.1:" + std::to_string(server.port());
    const PageFetcher fetcher(options);
    const auto started = std::chrono::steady_clock::now();
    const FetchedPage page = fetcher.fetch("http://" + kHost + ":" + std::to_string(server.port()) + "/", htmlLimits());
    const auto elapsed = std::chrono::steady_clock::now() - started;
    QCOMPARE(page.error, std::string("timed out"));
    // The drip lasts 3 s; giving up well before it ends shows the deadline cut the body off.
    QVERIFY(elapsed < std::chrono::milliseconds(2500));
}

void TestCrawlFetcher::gzipBombStopsAtCap()
{
    // 64 MiB of the same byte compress to about 64 KiB.
    const std::string bomb = compress(std::string(64 * 1024 * 1024, 'a'), 31);
    QVERIFY(bomb.size() < 256 * 1024);
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", bomb, {{"Content-Encoding", "gzip"}}, 0});
    const FetchedPage page = fetchFrom(server, "/", ileadx::test::testCrawlerOptions(), htmlLimits(1024 * 1024));
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.body.size(), std::size_t(1024 * 1024));
    QVERIFY(page.truncated);
}

void TestCrawlFetcher::rawBodyStopsAtCap()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", std::string(3 * 1024 * 1024, 'b'), {}, 0});
    const FetchedPage page = fetchFrom(server, "/", ileadx::test::testCrawlerOptions(), htmlLimits(1024 * 1024));
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.body.size(), std::size_t(1024 * 1024));
    QVERIFY(page.truncated);
}

void TestCrawlFetcher::deflateZlibAndRaw()
{
    const std::string html = "<html><body><p>Kontakt: info@bakery.test</p></body></html>";
    SiteServer server;
    server.serve(kHost, "/zlib", CannedReply{200, "text/html", compress(html, 15), {{"Content-Encoding", "deflate"}}, 0});
    server.serve(kHost, "/raw", CannedReply{200, "text/html", compress(html, -15), {{"Content-Encoding", "deflate"}}, 0});
    server.serve(kHost, "/gzip", CannedReply{200, "text/html", compress(html, 31), {{"Content-Encoding", "gzip"}}, 0});
    for (const char* path : {"/zlib", "/raw", "/gzip"}) {
        const FetchedPage page = fetchFrom(server, path);
        QCOMPARE(page.error, std::string());
        QCOMPARE(page.body, html);
        QVERIFY(!page.truncated);
    }
}

void TestCrawlFetcher::unsupportedEncodingFails()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", "\x0b\x02\x80", {{"Content-Encoding", "br"}}, 0});
    QCOMPARE(fetchFrom(server, "/").error, std::string("unsupported Content-Encoding br"));
}

void TestCrawlFetcher::charsetFromHeader()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html; charset=ISO-8859-1", "<p>Gr\xFC\xDF" "e aus M\xFCnchen</p>", {}, 0});
    QCOMPARE(fetchFrom(server, "/").body, std::string("<p>Grüße aus München</p>"));
}

void TestCrawlFetcher::charsetFromMetaTag()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html", "<meta charset=\"windows-1252\"><p>\x80 5 f\xFCr K\xE4se</p>", {}, 0});
    QCOMPARE(fetchFrom(server, "/").body, std::string("<meta charset=\"windows-1252\"><p>€ 5 für Käse</p>"));
}

void TestCrawlFetcher::charsetFromHttpEquiv()
{
    SiteServer server;
    server.serve(kHost, "/",
                 CannedReply{200, "text/html",
                             "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"><p>B\xE4" "ckerei</p>",
                             {}, 0});
    const std::string body = fetchFrom(server, "/").body;
    QVERIFY2(body.find("<p>Bäckerei</p>") != std::string::npos, body.c_str());
}

void TestCrawlFetcher::charsetFromBareContent()
{
    SiteServer server;
    server.serve(kHost, "/",
                 CannedReply{200, "text/html", "<meta http-equiv=content-type content='charset=windows-1252'><p>\xD6" "ffnungszeiten</p>", {}, 0});
    const std::string body = fetchFrom(server, "/").body;
    QVERIFY2(body.find("<p>Öffnungszeiten</p>") != std::string::npos, body.c_str());
}

void TestCrawlFetcher::invalidUtf8Replaced()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{200, "text/html; charset=utf-8", "<p>ok \xFF\xFE end</p>", {}, 0});
    QCOMPARE(fetchFrom(server, "/").body, std::string("<p>ok \xEF\xBF\xBD\xEF\xBF\xBD end</p>"));
}

void TestCrawlFetcher::metaRefreshFollowed()
{
    SiteServer server;
    server.serve(kHost, "/old", CannedReply{200, "text/html", "<head><meta http-equiv=\"refresh\" content=\"0; url=/new\"></head>", {}, 0});
    server.serve(kHost, "/new", CannedReply{200, "text/html", "<p>new home</p>", {}, 0});
    const FetchedPage page = fetchFrom(server, "/old");
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.finalUrl, server.url(kHost, "/new"));
    QCOMPARE(page.body, std::string("<p>new home</p>"));
}

void TestCrawlFetcher::metaRefreshCountsAsRedirect()
{
    SiteServer server;
    server.serve(kHost, "/old", CannedReply{301, "text/html", "", {{"Location", "/refresh"}}, 0});
    server.serve(kHost, "/refresh", CannedReply{200, "text/html", "<meta http-equiv=refresh content=\"0;URL='/new'\">", {}, 0});
    server.serve(kHost, "/new", CannedReply{200, "text/html", "<p>new home</p>", {}, 0});
    FetchLimits limits = htmlLimits();
    limits.maxRedirects = 1;
    const FetchedPage page = fetchFrom(server, "/old", ileadx::test::testCrawlerOptions(), limits);
    QCOMPARE(page.error, std::string("too many redirects (more than 1)"));
    const std::vector<std::string> expected{"/old", "/refresh"};
    QCOMPARE(server.pathsRequested(kHost), expected);
}

void TestCrawlFetcher::redirectToOtherSiteRecorded()
{
    // www.other.test is not in the resolve map: the fetcher must stop before looking it up.
    SiteServer server;
    server.serve(kHost, "/", CannedReply{301, "text/html", "", {{"Location", "http://www.other.test/"}}, 0});
    const FetchedPage page = fetchFrom(server, "/");
    QCOMPARE(page.error, std::string("redirected to another site (www.other.test)"));
    QCOMPARE(page.status, 301);
    QCOMPARE(server.server().requests().size(), std::size_t(1));
}

void TestCrawlFetcher::redirectToWwwlessHostAllowed()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{301, "text/html", "", {{"Location", server.url("bakery.test", "/")}}, 0});
    server.serve("bakery.test", "/", CannedReply{200, "text/html", "<p>apex</p>", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, "bakery.test");
    const FetchedPage page = fetchFrom(server, "/", options);
    QCOMPARE(page.error, std::string());
    QCOMPARE(page.finalUrl, server.url("bakery.test", "/"));
    QCOMPARE(page.body, std::string("<p>apex</p>"));
}

void TestCrawlFetcher::nonHtmlRejected()
{
    SiteServer server;
    server.serve(kHost, "/menu.pdf", CannedReply{200, "application/pdf", "%PDF-1.7", {}, 0});
    server.serve(kHost, "/page.xhtml", CannedReply{200, "application/xhtml+xml", "<p>x</p>", {}, 0});
    const FetchedPage pdf = fetchFrom(server, "/menu.pdf");
    QCOMPARE(pdf.error, std::string("not HTML (application/pdf)"));
    QVERIFY(pdf.body.empty());
    QCOMPARE(fetchFrom(server, "/page.xhtml").error, std::string());
}

void TestCrawlFetcher::errorStatusRecorded()
{
    SiteServer server;
    const FetchedPage page = fetchFrom(server, "/missing");
    QCOMPARE(page.status, 404);
    QCOMPARE(page.error, std::string("HTTP status 404"));
    QVERIFY(page.body.empty());
}

QTEST_GUILESS_MAIN(TestCrawlFetcher)
#include "TestCrawlFetcher.moc"
