#include "support/HttpsClient.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "auth/PasswordHasher.h"
#include "health/HealthSampler.h"
#include "http/ApiException.h"
#include "metrics/Metrics.h"
#include "metrics/MetricsEndpoint.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"

#include <Poco/NumberParser.h>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <map>
#include <sstream>
#include <vector>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

using Settings = std::map<std::string, std::string>;

using Labels = std::map<std::string, std::string>;

/// One sample line of the text exposition format.
struct MetricSample
{
    std::string name;
    Labels labels;
    double value = 0;
};

// Parses the sample lines the server writes: NAME{KEY="VALUE",...} NUMBER. Label values of this
// server contain no escaped quotes, so a plain split is enough here.
std::vector<MetricSample> parseExposition(const std::string& text)
{
    std::vector<MetricSample> samples;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        MetricSample sample;
        const std::size_t brace = line.find('{');
        const std::size_t space = line.rfind(' ');
        if (brace != std::string::npos && brace < space) {
            sample.name = line.substr(0, brace);
            const std::size_t close = line.find('}', brace);
            std::string labelText = line.substr(brace + 1, close - brace - 1);
            std::size_t position = 0;
            while (position < labelText.size()) {
                const std::size_t equals = labelText.find('=', position);
                const std::size_t endQuote = labelText.find('"', equals + 2);
                sample.labels[labelText.substr(position, equals - position)] =
                    labelText.substr(equals + 2, endQuote - equals - 2);
                position = endQuote + 2;
            }
        } else {
            sample.name = line.substr(0, space);
        }
        const std::string number = line.substr(space + 1);
        sample.value = number == "+Inf" ? std::numeric_limits<double>::infinity() : Poco::NumberParser::parseFloat(number);
        samples.push_back(std::move(sample));
    }
    return samples;
}

/// Returns the value of the sample with `name` and exactly `labels`, or -1 when there is none.
double valueOf(const std::vector<MetricSample>& samples, const std::string& name, const Labels& labels = {})
{
    for (const MetricSample& sample : samples) {
        if (sample.name == name && sample.labels == labels) {
            return sample.value;
        }
    }
    return -1;
}

bool hasMetric(const std::vector<MetricSample>& samples, const std::string& name)
{
    return std::any_of(samples.begin(), samples.end(), [&](const MetricSample& sample) { return sample.name == name; });
}

Labels requestLabels(const std::string& method, const std::string& route, int status)
{
    return {{"method", method}, {"route", route}, {"status", std::to_string(status)}};
}

double bucketBound(const std::string& le)
{
    return le == "+Inf" ? std::numeric_limits<double>::infinity() : Poco::NumberParser::parseFloat(le);
}

std::string accessTokenOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("access_token", "") : std::string();
}

} // namespace

class TestMetrics final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void testRequestsCountedByRoute();
    void testHistogramBucketsMonotonic();
    void testPromtoolAcceptsOutput();
    void testScrapeTimeGauges();
    void testActiveSessionsFollowSignIns_data();
    void testActiveSessionsFollowSignIns();
    void testDatabaseOutageReported();
    void testRateLimitRejectionsCounted();
    void testContentTypeAndHeaders();
    void testOtherMethodsRejected();
    void testBearerTokenRequired();
    void testLoopbackAddressCheck_data();
    void testLoopbackAddressCheck();
    void testRemoteClientForbidden();
    void testForwardedClientChecked();

private:
    std::vector<MetricSample> scrape();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
};

void TestMetrics::initTestCase()
{
    // One sample an hour keeps the sampler's own /healthz requests out of the counts under test
    // once the first sample, taken at start, is done.
    m_server = std::make_unique<TestServer>(Settings{{"health.sampleSeconds", "3600"}});
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->runtime().healthSampler().latest().has_value(), 30000);
}

void TestMetrics::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

std::vector<MetricSample> TestMetrics::scrape()
{
    const HttpReply reply = m_client->get("/metrics");
    if (reply.status != 200) {
        qWarning("GET /metrics returned status %d: %s", reply.status, reply.body.c_str());
        return {};
    }
    return parseExposition(reply.body);
}

void TestMetrics::testRequestsCountedByRoute()
{
    const std::vector<MetricSample> before = scrape();
    QVERIFY(!before.empty());

    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_client->get("/healthz").status, 200);
    }
    QCOMPARE(m_client->get("/api/v1/me").status, 401);
    QCOMPARE(m_client->get("/api/v1/me").status, 401);
    QCOMPARE(m_client->get("/no/such/route").status, 404);
    const std::vector<MetricSample> after = scrape();

    const auto increase = [&](const Labels& labels) {
        return std::max(0.0, valueOf(after, "ileadx_http_requests_total", labels)) -
               std::max(0.0, valueOf(before, "ileadx_http_requests_total", labels));
    };
    QCOMPARE(increase(requestLabels("GET", "/api/v1/me", 401)), 2.0);
    QCOMPARE(increase(requestLabels("GET", "unmatched", 404)), 1.0);
    QCOMPARE(increase(requestLabels("GET", "/healthz", 200)), 3.0);
    // The first scrape is counted once its response is sent, so the second one sees it.
    QVERIFY(valueOf(after, "ileadx_http_requests_total", requestLabels("GET", "/metrics", 200)) >= 1.0);

    const Labels meRoute{{"method", "GET"}, {"route", "/api/v1/me"}};
    QVERIFY(valueOf(after, "ileadx_http_request_duration_seconds_count", meRoute) -
                std::max(0.0, valueOf(before, "ileadx_http_request_duration_seconds_count", meRoute)) >= 2.0);
    // The scrape itself is the one request in flight while the text is written.
    QCOMPARE(valueOf(after, "ileadx_http_requests_in_flight"), 1.0);
}

void TestMetrics::testHistogramBucketsMonotonic()
{
    QCOMPARE(m_client->get("/healthz").status, 200);
    const std::vector<MetricSample> samples = scrape();

    // Group the buckets of each histogram series by name and labels other than "le".
    std::map<std::string, std::vector<std::pair<double, double>>> series;
    for (const MetricSample& sample : samples) {
        if (!sample.name.ends_with("_bucket")) {
            continue;
        }
        Labels labels = sample.labels;
        const std::string le = labels.at("le");
        labels.erase("le");
        std::string key = sample.name.substr(0, sample.name.size() - std::string("_bucket").size());
        for (const auto& [name, value] : labels) {
            key += "|" + name + "=" + value;
        }
        series[key].emplace_back(bucketBound(le), sample.value);
    }
    QVERIFY(series.size() >= 2);

    for (auto& [key, buckets] : series) {
        std::sort(buckets.begin(), buckets.end());
        QVERIFY2(std::isinf(buckets.back().first), key.c_str());
        for (std::size_t i = 1; i < buckets.size(); ++i) {
            QVERIFY2(buckets[i].second >= buckets[i - 1].second, key.c_str());
        }

        // The +Inf bucket holds every observation, so it equals _count.
        const std::size_t bar = key.find('|');
        const std::string name = key.substr(0, bar);
        Labels labels;
        std::istringstream parts(bar == std::string::npos ? std::string() : key.substr(bar + 1));
        std::string part;
        while (std::getline(parts, part, '|')) {
            const std::size_t equals = part.find('=');
            labels[part.substr(0, equals)] = part.substr(equals + 1);
        }
        QCOMPARE(buckets.back().second, valueOf(samples, name + "_count", labels));
    }
}

void TestMetrics::testPromtoolAcceptsOutput()
{
    const QString promtool = QStandardPaths::findExecutable("promtool");
    if (promtool.isEmpty()) {
        if (!qEnvironmentVariableIsEmpty("ILEADX_REQUIRE_TOOLS")) {
            QFAIL("promtool is missing but ILEADX_REQUIRE_TOOLS is set; install the Debian package prometheus");
        }
        QSKIP("promtool is missing; install the Debian package prometheus");
    }

    QCOMPARE(m_client->get("/healthz").status, 200);
    QCOMPARE(m_client->get("/no/such/route").status, 404);
    const HttpReply reply = m_client->get("/metrics");
    QCOMPARE(reply.status, 200);

    // "promtool check metrics" reads the exposition from standard input and lints names and types.
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(promtool, {"check", "metrics"});
    QVERIFY(process.waitForStarted());
    process.write(QByteArray::fromStdString(reply.body));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
    QVERIFY2(output.trimmed().isEmpty(), output.constData());
}

void TestMetrics::testScrapeTimeGauges()
{
    const std::vector<MetricSample> samples = scrape();
    QCOMPARE(valueOf(samples, "ileadx_database_up"), 1.0);
    QCOMPARE(valueOf(samples, "ileadx_database_pool_sessions_max"),
             static_cast<double>(m_server->runtime().config().databasePoolSize));
    // The scrape returns its pooled session before it reads the pool.
    QVERIFY(valueOf(samples, "ileadx_database_pool_sessions_in_use") >= 0.0);
    QCOMPARE(valueOf(samples, "ileadx_password_hash_slots"),
             static_cast<double>(m_server->runtime().config().hashConcurrency));
    QCOMPARE(valueOf(samples, "ileadx_password_hash_waiting"), 0.0);
    QCOMPARE(valueOf(samples, "ileadx_password_hash_running"), 0.0);
    QVERIFY(valueOf(samples, "ileadx_database_ping_duration_seconds_count") >= 1.0);
    QVERIFY(hasMetric(samples, "ileadx_rate_limited_requests_total"));
    QVERIFY(hasMetric(samples, "ileadx_sessions_active"));
    QCOMPARE(valueOf(samples, "ileadx_search_workers"),
             static_cast<double>(m_server->runtime().config().searchWorkers));
    QCOMPARE(valueOf(samples, "ileadx_search_workers_busy"), 0.0);
    QCOMPARE(valueOf(samples, "ileadx_searches_queued"), 0.0);
}

void TestMetrics::testActiveSessionsFollowSignIns_data()
{
    addDialectRows();
}

void TestMetrics::testActiveSessionsFollowSignIns()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);

    test::TestDatabase database(dialect);
    TestServer server(Settings{{"database.url", database.url()}, {"health.sampleSeconds", "3600"}});
    HttpsClient client(server.port(), server.certificatePath());
    const std::string password = server.createAccount("someone@example.com", Role::User);
    const auto activeSessions = [&client] {
        const HttpReply reply = client.get("/metrics");
        return valueOf(parseExposition(reply.body), "ileadx_sessions_active");
    };
    QCOMPARE(activeSessions(), 0.0);
    QCOMPARE(valueOf(parseExposition(client.get("/metrics").body), "ileadx_database_up"), 1.0);

    const std::string first =
        accessTokenOf(client.postJson("/api/v1/auth/login", test::credentialsJson("someone@example.com", password)));
    const std::string second =
        accessTokenOf(client.postJson("/api/v1/auth/login", test::credentialsJson("someone@example.com", password)));
    QVERIFY(!first.empty());
    QVERIFY(!second.empty());
    QCOMPARE(activeSessions(), 2.0);

    QCOMPARE(client.send("POST", "/api/v1/auth/logout", {}, {}, first).status, 204);
    QCOMPARE(activeSessions(), 1.0);
}

void TestMetrics::testDatabaseOutageReported()
{
    // With every pooled session borrowed, the scrape's ping waits 5 seconds and fails. Start-up
    // migrations need two sessions, so the pool cannot be smaller.
    TestServer server(Settings{{"database.poolSize", "2"}, {"health.sampleSeconds", "3600"}});
    HttpsClient client(server.port(), server.certificatePath());
    QTRY_VERIFY_WITH_TIMEOUT(server.runtime().healthSampler().latest().has_value(), 30000);
    QVERIFY(hasMetric(parseExposition(client.get("/metrics").body), "ileadx_sessions_active"));

    std::vector<MetricSample> duringOutage;
    {
        Poco::Data::Session first = server.runtime().database().session();
        Poco::Data::Session second = server.runtime().database().session();
        const HttpReply reply = client.get("/metrics");
        QCOMPARE(reply.status, 200);
        duringOutage = parseExposition(reply.body);
    }
    QCOMPARE(valueOf(duringOutage, "ileadx_database_up"), 0.0);
    // An unknown count is left out rather than repeated from the last scrape.
    QVERIFY(!hasMetric(duringOutage, "ileadx_sessions_active"));
    QCOMPARE(valueOf(duringOutage, "ileadx_database_pool_sessions_in_use"), 2.0);

    const std::vector<MetricSample> recovered = parseExposition(client.get("/metrics").body);
    QCOMPARE(valueOf(recovered, "ileadx_database_up"), 1.0);
    QCOMPARE(valueOf(recovered, "ileadx_sessions_active"), 0.0);
}

void TestMetrics::testRateLimitRejectionsCounted()
{
    // One sign-in attempt per client address, then 429 for the rest of the minute.
    TestServer server({{"health.sampleSeconds", "3600"}, {"ratelimit.authBurst", "1"}, {"ratelimit.authPerMinute", "1"}});
    HttpsClient client(server.port(), server.certificatePath());
    const std::string wrong = test::credentialsJson("nobody@example.com", "not-the-password-at-all");
    QCOMPARE(client.postJson("/api/v1/auth/login", wrong).status, 401);
    QCOMPARE(client.postJson("/api/v1/auth/login", wrong).status, 429);
    QCOMPARE(client.postJson("/api/v1/auth/login", wrong).status, 429);

    const std::vector<MetricSample> samples = parseExposition(client.get("/metrics").body);
    QCOMPARE(valueOf(samples, "ileadx_rate_limited_requests_total"), 2.0);
    QCOMPARE(valueOf(samples, "ileadx_http_requests_total", requestLabels("POST", "/api/v1/auth/login", 429)), 2.0);

    // Code that rejects a request elsewhere counts it through the same hook.
    server.runtime().metrics().countRateLimited();
    QCOMPARE(valueOf(parseExposition(client.get("/metrics").body), "ileadx_rate_limited_requests_total"), 3.0);
}

void TestMetrics::testContentTypeAndHeaders()
{
    const HttpReply reply = m_client->get("/metrics");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, std::string(kMetricsContentType));
    QCOMPARE(reply.header("Strict-Transport-Security"), std::string("max-age=31536000; includeSubDomains"));
    QCOMPARE(reply.header("Cache-Control"), std::string("no-store"));
    QCOMPARE(reply.header("X-Request-Id").size(), std::size_t(32));
    QVERIFY(reply.body.find("# TYPE ileadx_http_requests_total counter") != std::string::npos);
}

void TestMetrics::testOtherMethodsRejected()
{
    const HttpReply reply = m_client->send("POST", "/metrics", "{}");
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), std::string("GET"));
    QCOMPARE(reply.contentType, std::string("application/problem+json"));
    QCOMPARE(reply.json()->getValue<std::string>("type"), std::string(problem::kMethodNotAllowed));
}

void TestMetrics::testBearerTokenRequired()
{
    const std::string token = "scrape-token-0123456789abcdef";
    TestServer server(Settings{{"metrics.bearerToken", token}});
    HttpsClient client(server.port(), server.certificatePath());

    const HttpReply missing = client.get("/metrics");
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.contentType, std::string("application/problem+json"));
    QCOMPARE(missing.header("WWW-Authenticate"), std::string("Bearer"));
    QCOMPARE(missing.json()->getValue<std::string>("type"), std::string(problem::kUnauthorized));
    QCOMPARE(missing.body.find("ileadx_"), std::string::npos);

    QCOMPARE(client.get("/metrics", "scrape-token-0123456789abcdeX").status, 401);
    QCOMPARE(client.get("/metrics", token + "0").status, 401);
    QCOMPARE(client.get("/metrics", token.substr(0, 10)).status, 401);

    const HttpReply accepted = client.get("/metrics", token);
    QCOMPARE(accepted.status, 200);
    QVERIFY(accepted.body.find("ileadx_http_requests_total") != std::string::npos);

    // The rejected scrapes are counted like any other request.
    const std::vector<MetricSample> samples = parseExposition(accepted.body);
    QCOMPARE(valueOf(samples, "ileadx_http_requests_total", requestLabels("GET", "/metrics", 401)), 4.0);
}

void TestMetrics::testLoopbackAddressCheck_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("ipv4 loopback") << "127.0.0.1" << true;
    QTest::newRow("other ipv4 loopback address") << "127.8.9.10" << true;
    QTest::newRow("ipv6 loopback") << "::1" << true;
    QTest::newRow("ipv4-mapped loopback") << "::ffff:127.0.0.1" << true;
    QTest::newRow("private ipv4 address") << "10.1.2.3" << false;
    QTest::newRow("documentation ipv4 address") << "192.0.2.10" << false;
    QTest::newRow("ipv4-mapped private address") << "::ffff:10.1.2.3" << false;
    QTest::newRow("documentation ipv6 address") << "2001:db8::1" << false;
    QTest::newRow("unspecified ipv4 address") << "0.0.0.0" << false;
    QTest::newRow("unspecified ipv6 address") << "::" << false;
}

void TestMetrics::testLoopbackAddressCheck()
{
    QFETCH(QString, address);
    QFETCH(bool, loopback);

    QCOMPARE(isLoopbackAddress(Poco::Net::IPAddress(address.toStdString())), loopback);
}

void TestMetrics::testRemoteClientForbidden()
{
    // A non-loopback peer cannot connect in a test, so the check runs on an address value.
    QTemporaryDir folder;
    const std::unique_ptr<Database> database = Database::open("sqlite:" + folder.filePath("m.db").toStdString(), 2);
    PasswordHasher hasher(HashCost::interactive(), 1, std::chrono::seconds(1));
    Metrics metrics;
    const Poco::Net::IPAddress remote("192.0.2.10");
    const Poco::Net::IPAddress local("127.0.0.1");

    const MetricsEndpoint loopbackOnly(metrics, *database, hasher, MetricsAccess{true, {}});
    try {
        loopbackOnly.checkAccess(remote, "");
        QFAIL("a remote client was allowed");
    } catch (const ApiException& error) {
        QCOMPARE(error.status(), 403);
        QCOMPARE(error.type(), std::string(problem::kForbidden));
    }
    loopbackOnly.checkAccess(local, "");

    // A correct token does not lift the loopback restriction.
    const MetricsEndpoint both(metrics, *database, hasher, MetricsAccess{true, "0123456789abcdef"});
    QVERIFY_THROWS_EXCEPTION(ApiException, both.checkAccess(remote, "Bearer 0123456789abcdef"));

    const MetricsEndpoint tokenOnly(metrics, *database, hasher, MetricsAccess{false, "0123456789abcdef"});
    tokenOnly.checkAccess(remote, "Bearer 0123456789abcdef");
    QVERIFY_THROWS_EXCEPTION(ApiException, tokenOnly.checkAccess(remote, "Bearer 0123456789abcdeg"));
    QVERIFY_THROWS_EXCEPTION(ApiException, tokenOnly.checkAccess(remote, "Basic MDEyMzQ1Njc4OWFiY2RlZg=="));

    const MetricsEndpoint open(metrics, *database, hasher, MetricsAccess{false, {}});
    open.checkAccess(remote, "");
}

void TestMetrics::testForwardedClientChecked()
{
    // Behind a trusted proxy on this host, the client that X-Forwarded-For names is checked.
    TestServer server(Settings{{"server.trustedProxies", "127.0.0.1"}});
    HttpsClient client(server.port(), server.certificatePath());
    Poco::Net::NameValueCollection remote;
    remote.set("X-Forwarded-For", "192.0.2.10");
    const HttpReply forbidden = client.send("GET", "/metrics", {}, {}, {}, remote);
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.json()->getValue<std::string>("type"), std::string(problem::kForbidden));

    Poco::Net::NameValueCollection local;
    local.set("X-Forwarded-For", "127.0.0.1");
    QCOMPARE(client.send("GET", "/metrics", {}, {}, {}, local).status, 200);
    QCOMPARE(client.get("/metrics").status, 200);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "TestMetrics.moc"
