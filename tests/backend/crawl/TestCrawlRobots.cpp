// robots.txt: the pure parser and matcher (RFC 9309), and what each fetch outcome means, against a
// local web server.
#include "CrawlTestSites.h"

#include "leads/crawl/PageFetcher.h"
#include "leads/crawl/RobotsCache.h"
#include "leads/crawl/RobotsTxt.h"
#include "leads/crawl/SiteCrawler.h"

#include <QTest>

using ileadx::leads::RobotsTxt;

namespace {

constexpr const char* kToken = "iLeadXBot";

} // namespace

class TestCrawlRobots : public QObject
{
    Q_OBJECT

private slots:
    void isAllowed_data();
    void isAllowed();
    void crawlDelayFromChosenGroup();
    void crawlDelayInvalidIgnored();
    void productTokenOfUserAgent();
    void normalizeEncodings();

    void fetchNotFoundAllowsAll();
    void fetchServerErrorDisallowsAll();
    void fetchUnreachableDisallowsAll();
    void fetchSkipsByteOrderMark();
    void fetchParsesOnlyWhatFits();
    void fetchFollowsRedirects();
    void fetchTooManyRedirectsAllowsAll();
    void crawlerCachesPerHost();
    void crawlerHonoursDisallowedHome();
};

void TestCrawlRobots::isAllowed_data()
{
    QTest::addColumn<QByteArray>("robots");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("empty file") << QByteArray("") << QByteArray("/x") << true;
    QTest::newRow("star disallows all") << QByteArray("User-agent: *\nDisallow: /\n") << QByteArray("/x") << false;
    QTest::newRow("own group beats star")
        << QByteArray("User-agent: *\nDisallow: /\n\nUser-agent: iLeadXBot\nAllow: /\n") << QByteArray("/x") << true;
    QTest::newRow("own group case-insensitive")
        << QByteArray("User-agent: ILEADXBOT\nDisallow: /private\n") << QByteArray("/private/a") << false;
    QTest::newRow("own group other path allowed")
        << QByteArray("User-agent: ileadxbot\nDisallow: /private\n") << QByteArray("/public") << true;
    QTest::newRow("agent line with version")
        << QByteArray("User-agent: iLeadXBot/2.0\nDisallow: /a\n") << QByteArray("/a") << false;
    QTest::newRow("other agent only") << QByteArray("User-agent: OtherBot\nDisallow: /\n") << QByteArray("/x") << true;
    QTest::newRow("prefix of token is another agent")
        << QByteArray("User-agent: iLeadX\nDisallow: /\n") << QByteArray("/x") << true;
    QTest::newRow("star when no own group")
        << QByteArray("User-agent: OtherBot\nAllow: /\n\nUser-agent: *\nDisallow: /x\n") << QByteArray("/x") << false;
    QTest::newRow("own groups merged first")
        << QByteArray("User-agent: iLeadXBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: iLeadXBot\nDisallow: /b\n")
        << QByteArray("/a") << false;
    QTest::newRow("own groups merged second")
        << QByteArray("User-agent: iLeadXBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: iLeadXBot\nDisallow: /b\n")
        << QByteArray("/b") << false;
    QTest::newRow("own groups merged, star ignored")
        << QByteArray("User-agent: iLeadXBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: iLeadXBot\nDisallow: /b\n")
        << QByteArray("/c") << true;
    QTest::newRow("several agents share a group")
        << QByteArray("User-agent: OtherBot\nUser-agent: iLeadXBot\nDisallow: /shared\n") << QByteArray("/shared") << false;
    QTest::newRow("longest match allow")
        << QByteArray("User-agent: *\nDisallow: /shop\nAllow: /shop/contact\n") << QByteArray("/shop/contact") << true;
    QTest::newRow("longest match disallow")
        << QByteArray("User-agent: *\nDisallow: /shop\nAllow: /shop/contact\n") << QByteArray("/shop/cart") << false;
    QTest::newRow("longer disallow beats allow")
        << QByteArray("User-agent: *\nAllow: /a\nDisallow: /a/b\n") << QByteArray("/a/b/c") << false;
    QTest::newRow("allow wins a tie") << QByteArray("User-agent: *\nDisallow: /page\nAllow: /page\n")
                                      << QByteArray("/page") << true;
    QTest::newRow("allow wins a tie of patterns")
        << QByteArray("User-agent: *\nDisallow: /pa*e\nAllow: /pag*\n") << QByteArray("/page") << true;
    QTest::newRow("wildcard and end anchor")
        << QByteArray("User-agent: *\nDisallow: /*.pdf$\n") << QByteArray("/files/a.pdf") << false;
    QTest::newRow("end anchor with query")
        << QByteArray("User-agent: *\nDisallow: /*.pdf$\n") << QByteArray("/files/a.pdf?x=1") << true;
    QTest::newRow("end anchor longer path")
        << QByteArray("User-agent: *\nDisallow: /exact$\n") << QByteArray("/exact/more") << true;
    QTest::newRow("end anchor exact") << QByteArray("User-agent: *\nDisallow: /exact$\n") << QByteArray("/exact") << false;
    QTest::newRow("wildcard in the middle")
        << QByteArray("User-agent: *\nDisallow: /a*/contact\n") << QByteArray("/abc/contact") << false;
    QTest::newRow("wildcard in the middle, no match")
        << QByteArray("User-agent: *\nDisallow: /a*/contact\n") << QByteArray("/abc/team") << true;
    QTest::newRow("query pattern")
        << QByteArray("User-agent: *\nDisallow: /*?sessionid=\n") << QByteArray("/a?sessionid=1") << false;
    QTest::newRow("encoded unreserved in rule")
        << QByteArray("User-agent: *\nDisallow: /%7Euser\n") << QByteArray("/~user/page") << false;
    QTest::newRow("encoded unreserved in path")
        << QByteArray("User-agent: *\nDisallow: /~user\n") << QByteArray("/%7euser/page") << false;
    QTest::newRow("UTF-8 path against encoded rule")
        << QByteArray("User-agent: *\nDisallow: /caf%C3%A9\n") << QByteArray("/caf\xC3\xA9") << false;
    QTest::newRow("UTF-8 rule against encoded path")
        << QByteArray("User-agent: *\nDisallow: /caf\xC3\xA9\n") << QByteArray("/caf%c3%a9") << false;
    QTest::newRow("encoded reserved slash stays encoded")
        << QByteArray("User-agent: *\nDisallow: /a%2Fb\n") << QByteArray("/a/b") << true;
    QTest::newRow("robots.txt always allowed")
        << QByteArray("User-agent: *\nDisallow: /\n") << QByteArray("/robots.txt") << true;
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBFUser-agent: *\nDisallow: /\n") << QByteArray("/x") << false;
    QTest::newRow("comments and CRLF")
        << QByteArray("User-agent: * # everyone\r\nDisallow: /private # keep out\r\n") << QByteArray("/private") << false;
    QTest::newRow("empty disallow allows") << QByteArray("User-agent: *\nDisallow:\n") << QByteArray("/x") << true;
    QTest::newRow("rules before any agent ignored")
        << QByteArray("Disallow: /\nUser-agent: *\nAllow: /x\n") << QByteArray("/y") << true;
    QTest::newRow("sitemap inside a group")
        << QByteArray("User-agent: *\nSitemap: /sitemap.xml\nDisallow: /s\n") << QByteArray("/s") << false;
    QTest::newRow("field names case-insensitive") << QByteArray("USER-AGENT: *\nDISALLOW: /x\n") << QByteArray("/x") << false;
    QTest::newRow("agent after rule starts a group")
        << QByteArray("User-agent: iLeadXBot\nDisallow: /a\nUser-agent: OtherBot\nDisallow: /b\n") << QByteArray("/b") << true;
    QTest::newRow("empty path is root") << QByteArray("User-agent: *\nDisallow: /$\n") << QByteArray("") << false;
}

void TestCrawlRobots::isAllowed()
{
    QFETCH(QByteArray, robots);
    QFETCH(QByteArray, path);
    QFETCH(bool, allowed);
    const RobotsTxt parsed = RobotsTxt::parse(robots.toStdString(), kToken);
    QCOMPARE(parsed.isAllowed(path.toStdString()), allowed);
}

void TestCrawlRobots::crawlDelayFromChosenGroup()
{
    const RobotsTxt parsed =
        RobotsTxt::parse("User-agent: *\nCrawl-delay: 9\n\nUser-agent: iLeadXBot\nCrawl-delay: 2.5\nDisallow: /x\n", kToken);
    QVERIFY(parsed.crawlDelaySeconds().has_value());
    QCOMPARE(*parsed.crawlDelaySeconds(), 2.5);
    QVERIFY(!parsed.isAllowed("/x"));
}

void TestCrawlRobots::crawlDelayInvalidIgnored()
{
    QVERIFY(!RobotsTxt::parse("User-agent: *\nCrawl-delay: soon\n", kToken).crawlDelaySeconds().has_value());
    QVERIFY(!RobotsTxt::parse("User-agent: *\nCrawl-delay: -1\n", kToken).crawlDelaySeconds().has_value());
}

void TestCrawlRobots::productTokenOfUserAgent()
{
    QCOMPARE(ileadx::leads::productToken("iLeadXBot/1.0 (+https://ileadx.example/bot)"), std::string("iLeadXBot"));
    QCOMPARE(ileadx::leads::productToken("Some_Bot-2"), std::string("Some_Bot-"));
}

void TestCrawlRobots::normalizeEncodings()
{
    QCOMPARE(ileadx::leads::normalizeRobotsPath("/%7e%41%2f%c3%a9 x"), std::string("/~A%2F%C3%A9%20x"));
    QCOMPARE(ileadx::leads::normalizeRobotsPath("/caf\xC3\xA9"), std::string("/caf%C3%A9"));
    QCOMPARE(ileadx::leads::normalizeRobotsPath("/100%"), std::string("/100%"));
}

namespace {

using ileadx::test::CannedReply;
using ileadx::test::SiteServer;

// Fetches the robots.txt of www.bakery.test on SERVER through a RobotsCache.
std::shared_ptr<const ileadx::leads::RobotsRecord> robotsOf(SiteServer& server, ileadx::leads::CrawlerOptions options)
{
    server.mapHost(options, "www.bakery.test");
    const ileadx::leads::PageFetcher fetcher(options);
    ileadx::leads::RobotsCache cache(fetcher, kToken, options.maxRobotsBytes);
    return cache.rulesFor(Poco::URI(server.url("www.bakery.test", "/contact")), {});
}

} // namespace

void TestCrawlRobots::fetchNotFoundAllowsAll()
{
    SiteServer server;
    const auto record = robotsOf(server, ileadx::test::testCrawlerOptions());
    QVERIFY(record);
    QVERIFY(record->rules.isAllowed("/anything"));
    QCOMPARE(server.pathsRequested("www.bakery.test"), std::vector<std::string>{"/robots.txt"});
}

void TestCrawlRobots::fetchServerErrorDisallowsAll()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{503, "text/plain", "busy", {}, 0});
    const auto record = robotsOf(server, ileadx::test::testCrawlerOptions());
    QVERIFY(record);
    QVERIFY(!record->rules.isAllowed("/"));
    QVERIFY(record->unreachable.empty());
}

void TestCrawlRobots::fetchUnreachableDisallowsAll()
{
    int closedPort = 0;
    {
        SiteServer stopped;
        closedPort = stopped.port();
    }
    ileadx::leads::CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.resolve["www.bakery.test:" + std::to_string(closedPort)] = "127.0.0.1:" + std::to_string(closedPort);
    const ileadx::leads::PageFetcher fetcher(options);
    ileadx::leads::RobotsCache cache(fetcher, kToken, options.maxRobotsBytes);
    const auto record = cache.rulesFor(Poco::URI("http://www.bakery.test:" + std::to_string(closedPort) + "/"), {});
    QVERIFY(record);
    QVERIFY(!record->rules.isAllowed("/"));
    QCOMPARE(record->unreachable, std::string("connection refused"));
}

void TestCrawlRobots::fetchSkipsByteOrderMark()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt",
                 CannedReply{200, "text/plain", "\xEF\xBB\xBFUser-agent: *\nDisallow: /contact\n", {}, 0});
    const auto record = robotsOf(server, ileadx::test::testCrawlerOptions());
    QVERIFY(!record->rules.isAllowed("/contact"));
    QVERIFY(record->rules.isAllowed("/"));
}

void TestCrawlRobots::fetchParsesOnlyWhatFits()
{
    // The cap falls inside the "Disallow: /bcdef" line, which must be dropped rather than read
    // as "Disallow: /b"; the rule after it never arrives.
    const std::string head = "User-agent: *\nDisallow: /a\n";
    const std::string body = head + "Disallow: /bcdef\nDisallow: /z\n";
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{200, "text/plain", body, {}, 0});
    ileadx::leads::CrawlerOptions options = ileadx::test::testCrawlerOptions();
    options.maxRobotsBytes = head.size() + 12;
    const auto record = robotsOf(server, options);
    QVERIFY(!record->rules.isAllowed("/a"));
    QVERIFY(record->rules.isAllowed("/b"));
    QVERIFY(record->rules.isAllowed("/bcdef"));
    QVERIFY(record->rules.isAllowed("/z"));
}

void TestCrawlRobots::fetchFollowsRedirects()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{301, "text/plain", "", {{"Location", "/moved/robots.txt"}}, 0});
    server.serve("www.bakery.test", "/moved/robots.txt", CannedReply{200, "text/plain", "User-agent: *\nDisallow: /x\n", {}, 0});
    const auto record = robotsOf(server, ileadx::test::testCrawlerOptions());
    QVERIFY(!record->rules.isAllowed("/x"));
    QVERIFY(record->rules.isAllowed("/y"));
}

void TestCrawlRobots::fetchTooManyRedirectsAllowsAll()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{302, "text/plain", "", {{"Location", "/robots.txt?1"}}, 0});
    for (int i = 1; i <= 6; ++i) {
        const std::string next = "/robots.txt?" + std::to_string(i + 1);
        server.serve("www.bakery.test", "/robots.txt?" + std::to_string(i), CannedReply{302, "text/plain", "", {{"Location", next}}, 0});
    }
    const auto record = robotsOf(server, ileadx::test::testCrawlerOptions());
    QVERIFY(record->rules.isAllowed("/x"));
    QCOMPARE(server.pathsRequested("www.bakery.test").size(), std::size_t(6));
}

void TestCrawlRobots::crawlerCachesPerHost()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{200, "text/plain", "User-agent: *\nAllow: /\n", {}, 0});
    server.serve("www.bakery.test", "/", CannedReply{200, "text/html", "<p>Fresh bread</p>", {}, 0});
    ileadx::leads::CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, "www.bakery.test");
    ileadx::leads::SiteCrawler crawler(options);
    QVERIFY(crawler.crawl(server.url("www.bakery.test")).error.empty());
    QVERIFY(crawler.crawl(server.url("www.bakery.test")).error.empty());
    const std::vector<std::string> expected{"/robots.txt", "/", "/"};
    QCOMPARE(server.pathsRequested("www.bakery.test"), expected);
}

void TestCrawlRobots::crawlerHonoursDisallowedHome()
{
    SiteServer server;
    server.serve("www.bakery.test", "/robots.txt", CannedReply{500, "text/plain", "", {}, 0});
    server.serve("www.bakery.test", "/", CannedReply{200, "text/html", "<p>Fresh bread</p>", {}, 0});
    ileadx::leads::CrawlerOptions options = ileadx::test::testCrawlerOptions();
    server.mapHost(options, "www.bakery.test");
    ileadx::leads::SiteCrawler crawler(options);
    const ileadx::leads::SiteResult result = crawler.crawl(server.url("www.bakery.test"));
    QVERIFY(result.robotsDisallowed);
    QCOMPARE(result.error, std::string("robots.txt disallows"));
    QVERIFY(result.pages.empty());
    QCOMPARE(server.pathsRequested("www.bakery.test"), std::vector<std::string>{"/robots.txt"});
}

QTEST_GUILESS_MAIN(TestCrawlRobots)
#include "TestCrawlRobots.moc"
