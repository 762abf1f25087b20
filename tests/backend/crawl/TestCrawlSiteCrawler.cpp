// SiteCrawler end to end against local servers: which pages it fetches, how it stays on the
// business's own site, politeness (per-host concurrency and delay, Crawl-delay, global limit),
// cancellation, and the rejection of private addresses.
#include "CrawlTestSites.h"

#include "leads/crawl/SiteCrawler.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using ileadx::leads::CrawlerOptions;
using ileadx::leads::SiteCrawler;
using ileadx::leads::SiteResult;
using ileadx::test::CannedReply;
using ileadx::test::LocalWebServer;
using ileadx::test::SiteServer;

namespace {

using Clock = std::chrono::steady_clock;

const std::string kHost = "www.bakery.test";

const std::string kHomePage = R"(<html><body>
    <a href="/blog">Blog</a>
    <a href="/ueber-uns">Über uns</a>
    <a href="/impressum">Impressum</a>
    <a href="/kontakt">Kontakt</a>
    <a href="http://www.other.test/contact">Partner contact</a>
</body></html>)";

void serveBakery(SiteServer& server, const std::string& host = kHost)
{
    server.serve(host, "/", CannedReply{200, "text/html", kHomePage, {}, 0});
    for (const char* path : {"/kontakt", "/impressum", "/ueber-uns", "/blog"}) {
        server.serve(host, path, CannedReply{200, "text/html", std::string("<p>page ") + path + "</p>", {}, 0});
    }
}

std::vector<std::string> finalPaths(const SiteResult& result)
{
    std::vector<std::string> paths;
    for (const auto& page : result.pages) {
        paths.push_back(Poco::URI(page.finalUrl).getPathEtc());
    }
    return paths;
}

// A server for several hosts that delays each response by 100 ms. It records, per host and
// overall, how many requests it served at once and when each arrived.
class BusySites
{
public:
    BusySites()
        : m_server([this](const LocalWebServer::RecordedRequest& request, Poco::Net::HTTPServerResponse& response) {
            answer(request, response);
        })
    {
    }

    void mapHost(CrawlerOptions& options, const std::string& host) const
    {
        options.resolve[host + ":" + std::to_string(m_server.port())] = "127.0.0.1:" + std::to_string(m_server.port());
    }
    std::string url(const std::string& host) const { return "http://" + host + ":" + std::to_string(m_server.port()) + "/"; }

    int maxForHost(const std::string& host)
    {
        std::lock_guard lock(m_mutex);
        return m_maxPerHost[host];
    }
    int maxOverall()
    {
        std::lock_guard lock(m_mutex);
        return m_maxOverall;
    }
    std::vector<Clock::time_point> arrivals(const std::string& host)
    {
        std::lock_guard lock(m_mutex);
        return m_arrivals[host];
    }

    std::string robotsTxt; // served for /robots.txt when not empty

private:
    void answer(const LocalWebServer::RecordedRequest& request, Poco::Net::HTTPServerResponse& response)
    {
        const std::string host = ileadx::test::hostWithoutPort(request.host);
        {
            std::lock_guard lock(m_mutex);
            m_arrivals[host].push_back(Clock::now());
            m_maxPerHost[host] = std::max(m_maxPerHost[host], ++m_runningPerHost[host]);
            m_maxOverall = std::max(m_maxOverall, ++m_runningOverall);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        {
            std::lock_guard lock(m_mutex);
            --m_runningPerHost[host];
            --m_runningOverall;
        }
        if (request.uri == "/robots.txt") {
            response.setStatus(robotsTxt.empty() ? Poco::Net::HTTPResponse::HTTP_NOT_FOUND : Poco::Net::HTTPResponse::HTTP_OK);
            response.setContentType("text/plain");
            response.sendBuffer(robotsTxt.data(), robotsTxt.size());
            return;
        }
        const std::string body = request.uri == "/" ? kHomePage : "<p>contact</p>";
        response.setContentType("text/html");
        response.sendBuffer(body.data(), body.size());
    }

    std::mutex m_mutex;
    std::map<std::string, int> m_runningPerHost, m_maxPerHost;
    std::map<std::string, std::vector<Clock::time_point>> m_arrivals;
    int m_runningOverall = 0;
    int m_maxOverall = 0;
    LocalWebServer m_server;
};

// Crawls each of URLS on its own thread with one shared crawler.
void crawlAtOnce(SiteCrawler& crawler, const std::vector<std::string>& urls)
{
    std::vector<std::thread> threads;
    for (const std::string& url : urls) {
        threads.emplace_back([&crawler, url] { crawler.crawl(url); });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
}

} // namespace

class TestCrawlSiteCrawler : public QObject
{
    Q_OBJECT

private slots:
    void homeAndBestContactPages();
    void maxPagesPerSiteOne();
    void robotsDisallowedPageSkipped();
    void wwwRedirectStaysOnSite();
    void homeRedirectToOtherSiteRecorded();
    void websiteWithoutScheme();
    void invalidWebsiteRejected();
    void perHostConcurrencyLimit();
    void perHostConcurrencyTwo();
    void globalConcurrencyLimit();
    void perHostDelayBetweenRequests();
    void crawlDelayRaisesDelay();
    void cancelBetweenPages();
    void cancelWhileWaitingForSlot();
    void mappedLoopbackRejected();
    void literalPrivateAddressRejected();
};

void TestCrawlSiteCrawler::homeAndBestContactPages()
{
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 3;
    server.mapHost(options, kHost);
    server.mapHost(options, "www.other.test");
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl(server.url(kHost));

    QCOMPARE(result.error, std::string());
    QCOMPARE(result.website, server.url(kHost));
    QVERIFY(!result.robotsDisallowed);
    const std::vector<std::string> expected{"/", "/kontakt", "/impressum"};
    QCOMPARE(finalPaths(result), expected);
    for (const auto& page : result.pages) {
        QCOMPARE(page.error, std::string());
        QCOMPARE(page.status, 200);
    }
    QCOMPARE(result.pages[1].body, std::string("<p>page /kontakt</p>"));
    QVERIFY(server.pathsRequested("www.other.test").empty());
}

void TestCrawlSiteCrawler::maxPagesPerSiteOne()
{
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 1;
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    QCOMPARE(finalPaths(crawler.crawl(server.url(kHost))), std::vector<std::string>{"/"});
}

void TestCrawlSiteCrawler::robotsDisallowedPageSkipped()
{
    SiteServer server;
    serveBakery(server);
    server.serve(kHost, "/robots.txt", CannedReply{200, "text/plain", "User-agent: *\nDisallow: /kontakt\n", {}, 0});
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 3;
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    const std::vector<std::string> expected{"/", "/impressum", "/ueber-uns"};
    QCOMPARE(finalPaths(crawler.crawl(server.url(kHost))), expected);
    const auto requested = server.pathsRequested(kHost);
    QVERIFY(std::find(requested.begin(), requested.end(), "/kontakt") == requested.end());
}

void TestCrawlSiteCrawler::wwwRedirectStaysOnSite()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{301, "text/html", "", {{"Location", server.url("bakery.test", "/")}}, 0});
    serveBakery(server, "bakery.test");
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 2;
    server.mapHost(options, kHost);
    server.mapHost(options, "bakery.test");
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl(server.url(kHost));
    QCOMPARE(result.error, std::string());
    QCOMPARE(result.pages.size(), std::size_t(2));
    QCOMPARE(result.pages[0].finalUrl, server.url("bakery.test", "/"));
    QCOMPARE(result.pages[1].finalUrl, server.url("bakery.test", "/kontakt"));
}

void TestCrawlSiteCrawler::homeRedirectToOtherSiteRecorded()
{
    SiteServer server;
    server.serve(kHost, "/", CannedReply{302, "text/html", "", {{"Location", server.url("www.unrelated.test", "/")}}, 0});
    serveBakery(server, "www.unrelated.test");
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, kHost);
    server.mapHost(options, "www.unrelated.test");
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl(server.url(kHost));
    QCOMPARE(result.error, std::string("redirected to another site (www.unrelated.test)"));
    QCOMPARE(result.pages.size(), std::size_t(1));
    QCOMPARE(result.pages[0].error, result.error);
    QVERIFY(server.pathsRequested("www.unrelated.test").empty());
}

void TestCrawlSiteCrawler::websiteWithoutScheme()
{
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 1;
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl(kHost + ":" + std::to_string(server.port()));
    QCOMPARE(result.error, std::string());
    QCOMPARE(result.pages.at(0).finalUrl, server.url(kHost, "/"));
}

void TestCrawlSiteCrawler::invalidWebsiteRejected()
{
    SiteCrawler crawler(ileadx::test::testCrawlerOptions());
    QCOMPARE(crawler.crawl("ftp://files.bakery.test/").error, std::string("invalid website URL"));
    QCOMPARE(crawler.crawl("").error, std::string("invalid website URL"));
}

void TestCrawlSiteCrawler::perHostConcurrencyLimit()
{
    BusySites sites;
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 3;
    options.perHostConcurrency = 1;
    sites.mapHost(options, kHost);
    SiteCrawler crawler(options);
    crawlAtOnce(crawler, std::vector<std::string>(4, sites.url(kHost)));
    QCOMPARE(sites.arrivals(kHost).size(), std::size_t(1 + 4 * 3));
    QCOMPARE(sites.maxForHost(kHost), 1);
}

void TestCrawlSiteCrawler::perHostConcurrencyTwo()
{
    BusySites sites;
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 3;
    options.perHostConcurrency = 2;
    sites.mapHost(options, kHost);
    SiteCrawler crawler(options);
    crawlAtOnce(crawler, std::vector<std::string>(4, sites.url(kHost)));
    QVERIFY(sites.maxForHost(kHost) <= 2);
}

void TestCrawlSiteCrawler::globalConcurrencyLimit()
{
    BusySites sites;
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 2;
    options.globalConcurrency = 2;
    std::vector<std::string> urls;
    for (int i = 0; i < 6; ++i) {
        const std::string host = "www.shop" + std::to_string(i) + ".test";
        sites.mapHost(options, host);
        urls.push_back(sites.url(host));
    }
    SiteCrawler crawler(options);
    crawlAtOnce(crawler, urls);
    QCOMPARE(sites.maxOverall(), 2);
}

void TestCrawlSiteCrawler::perHostDelayBetweenRequests()
{
    BusySites sites;
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 3;
    options.perHostDelayMs = 300;
    sites.mapHost(options, kHost);
    SiteCrawler crawler(options);
    QCOMPARE(crawler.crawl(sites.url(kHost)).pages.size(), std::size_t(3));

    const auto arrivals = sites.arrivals(kHost);
    QCOMPARE(arrivals.size(), std::size_t(4)); // robots.txt and three pages
    for (std::size_t i = 1; i < arrivals.size(); ++i) {
        QVERIFY2(arrivals[i] - arrivals[i - 1] >= std::chrono::milliseconds(300), qPrintable(QString::number(i)));
    }
}

void TestCrawlSiteCrawler::crawlDelayRaisesDelay()
{
    BusySites sites;
    sites.robotsTxt = "User-agent: *\nCrawl-delay: 1\n";
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxPagesPerSite = 2;
    sites.mapHost(options, kHost);
    SiteCrawler crawler(options);
    QCOMPARE(crawler.crawl(sites.url(kHost)).pages.size(), std::size_t(2));

    const auto arrivals = sites.arrivals(kHost);
    QCOMPARE(arrivals.size(), std::size_t(3));
    for (std::size_t i = 1; i < arrivals.size(); ++i) {
        QVERIFY2(arrivals[i] - arrivals[i - 1] >= std::chrono::milliseconds(1000), qPrintable(QString::number(i)));
    }
}

void TestCrawlSiteCrawler::cancelBetweenPages()
{
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    // Cancels as soon as the home page has been requested.
    const auto cancelled = [&server] { return server.pathsRequested(kHost).size() >= 2; };
    const SiteResult result = crawler.crawl(server.url(kHost), cancelled);
    QCOMPARE(result.error, std::string("cancelled"));
    QCOMPARE(finalPaths(result), std::vector<std::string>{"/"});
    QCOMPARE(server.pathsRequested(kHost).size(), std::size_t(2));
}

void TestCrawlSiteCrawler::cancelWhileWaitingForSlot()
{
    // With a 60 s per-host delay the second page would wait a minute, so the crawl must end on
    // cancellation instead. A hang here fails the test by its timeout.
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.perHostDelayMs = 60000;
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    std::atomic<bool> stop{false};
    std::thread canceller([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    const SiteResult result = crawler.crawl(server.url(kHost), [&stop] { return stop.load(); });
    canceller.join();
    QCOMPARE(result.error, std::string("cancelled"));
    QVERIFY(result.pages.size() <= 1);
}

void TestCrawlSiteCrawler::mappedLoopbackRejected()
{
    SiteServer server;
    serveBakery(server);
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.allowPrivateAddresses = false;
    server.mapHost(options, kHost);
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl(server.url(kHost));
    QCOMPARE(result.error, std::string("connection to a loopback address rejected"));
    QVERIFY(!result.robotsDisallowed);
    QVERIFY(result.pages.empty());
    QVERIFY(server.server().requests().empty());
}

void TestCrawlSiteCrawler::literalPrivateAddressRejected()
{
    // The address is checked before any connect, so no packet leaves for 10.0.0.1.
    CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.allowPrivateAddresses = false;
    SiteCrawler crawler(options);
    const SiteResult result = crawler.crawl("http://10.0.0.1/");
    QCOMPARE(result.error, std::string("connection to a private address rejected"));
    QVERIFY(result.pages.empty());
}

QTEST_GUILESS_MAIN(TestCrawlSiteCrawler)
#include "TestCrawlSiteCrawler.moc"
