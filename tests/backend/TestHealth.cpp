#include "support/HttpsClient.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "health/HealthLevel.h"
#include "health/HealthSampler.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/Util/MapConfiguration.h>
#include <QtTest>

using namespace ileadx;
using namespace Poco::Data::Keywords;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestDatabase;
using ileadx::test::TestServer;

Q_DECLARE_METATYPE(ileadx::HealthLevel)

namespace {

using Settings = std::map<std::string, std::string>;

std::string accessTokenOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("access_token", "") : std::string();
}

Poco::JSON::Object::Ptr readinessCheck(const HttpReply& reply, const std::string& name)
{
    const Poco::JSON::Object::Ptr body = reply.json();
    return body ? body->getObject("checks")->getObject(name) : nullptr;
}

/// Returns the check called `name` of a rendered health sample, or null.
Poco::JSON::Object::Ptr sampleCheck(const Poco::JSON::Object::Ptr& sample, const std::string& name)
{
    const Poco::JSON::Array::Ptr checks = sample->getArray("checks");
    for (std::size_t i = 0; i < checks->size(); ++i) {
        const Poco::JSON::Object::Ptr check = checks->getObject(static_cast<unsigned int>(i));
        if (check->getValue<std::string>("name") == name) {
            return check;
        }
    }
    return nullptr;
}

const HealthCheck* findCheck(const HealthSample& sample, const std::string& name)
{
    for (const HealthCheck& check : sample.checks) {
        if (check.name == name) {
            return &check;
        }
    }
    return nullptr;
}

// Runs a statement on the PostgreSQL server's maintenance database, outside any transaction.
void runPostgresAdminStatement(const std::string& statement)
{
    const std::unique_ptr<Database> admin = Database::open(qEnvironmentVariable("ILEADX_TEST_POSTGRES").toStdString(), 1);
    Poco::Data::Session session = admin->session();
    session << statement, now;
}

} // namespace

class TestHealth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void testLivenessAnswersOk();
    void testLivenessNotRateLimited();
    void testReadinessReportsChecks_data();
    void testReadinessReportsChecks();
    void testReadinessFailsWithoutSearchQueue_data();
    void testReadinessFailsWithoutSearchQueue();
    void testReadinessFailsOnNewerSchema_data();
    void testReadinessFailsOnNewerSchema();
    void testReadinessFailsWhenPoolExhausted();
    void testReadinessFailsWhenDatabaseDropped();
    void testAdminHealthNeedsPermission();
    void testAdminHealthLevelsFollowThresholds();
    void testSamplerProbesApiOverHttps_data();
    void testSamplerProbesApiOverHttps();
    void testApiCheckRedWithoutListener();
    void testHistoryBounded();
    void testHistoryLimitValidated_data();
    void testHistoryLimitValidated();
    void testLevelForThresholds_data();
    void testLevelForThresholds();
    void testWorstLevelIgnoresNotConfigured();
    void testInvalidSettingsRejected_data();
    void testInvalidSettingsRejected();

private:
    // A server with the default settings, for the tests that need nothing else.
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
    std::string m_userToken;
    std::string m_adminToken;
};

void TestHealth::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    const std::string userPassword = m_server->createAccount("user@example.com", Role::User);
    const std::string adminPassword = m_server->createAccount("admin@example.com", Role::Admin);
    m_userToken =
        accessTokenOf(m_client->postJson("/api/v1/auth/login", test::credentialsJson("user@example.com", userPassword)));
    m_adminToken = accessTokenOf(
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", adminPassword)));
    QVERIFY(!m_userToken.empty());
    QVERIFY(!m_adminToken.empty());
}

void TestHealth::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void TestHealth::testLivenessAnswersOk()
{
    const HttpReply reply = m_client->get("/healthz");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, std::string("application/json"));
    QCOMPARE(reply.body, std::string(R"({"status":"ok"})"));
    QCOMPARE(reply.header("Strict-Transport-Security"), std::string("max-age=31536000; includeSubDomains"));
}

void TestHealth::testLivenessNotRateLimited()
{
    TestServer server(Settings{{"ratelimit.defaultBurst", "1"}, {"ratelimit.defaultPerMinute", "1"}});
    HttpsClient client(server.port(), server.certificatePath());
    QCOMPARE(client.get("/readyz").status, 200);
    QCOMPARE(client.get("/readyz").status, 429);

    for (int i = 0; i < 5; ++i) {
        QCOMPARE(client.get("/healthz").status, 200);
    }
    // The sampler's own probes are not rejected either.
    const HealthSample sample = server.runtime().healthSampler().sampleNow();
    QCOMPARE(findCheck(sample, "api_latency")->detail, std::string("GET /healthz returned status 200"));

    const HttpReply post = client.send("POST", "/healthz", "{}");
    QCOMPARE(post.status, 405);
    QCOMPARE(post.header("Allow"), std::string("GET"));
    QCOMPARE(post.contentType, std::string("application/problem+json"));
}

void TestHealth::testReadinessReportsChecks_data()
{
    addDialectRows();
}

void TestHealth::testReadinessReportsChecks()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);

    TestDatabase database(dialect);
    TestServer server({{"database.url", database.url()}});
    HttpsClient client(server.port(), server.certificatePath());
    const HttpReply reply = client.get("/readyz");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, std::string("application/json"));
    QVERIFY2(reply.json(), reply.body.c_str());
    QCOMPARE(reply.json()->getValue<std::string>("status"), std::string("ready"));

    const Poco::JSON::Object::Ptr db = readinessCheck(reply, "database");
    QCOMPARE(db->getValue<std::string>("status"), std::string("ok"));
    QVERIFY(db->getValue<double>("latency_ms") >= 0.0);

    const Poco::JSON::Object::Ptr migrations = readinessCheck(reply, "migrations");
    QCOMPARE(migrations->getValue<std::string>("status"), std::string("ok"));
    QCOMPARE(migrations->getValue<int>("schema_version"), latestSchemaVersion());
    QCOMPARE(migrations->getValue<int>("expected_version"), latestSchemaVersion());

    const Poco::JSON::Object::Ptr workers = readinessCheck(reply, "workers");
    QCOMPARE(workers->getValue<std::string>("status"), std::string("ok"));
    QCOMPARE(workers->getValue<int>("workers"), server.runtime().config().searchWorkers);
    QCOMPARE(workers->getValue<int>("busy"), 0);
    const Poco::JSON::Object::Ptr queue = readinessCheck(reply, "crawl_queue");
    QCOMPARE(queue->getValue<std::string>("status"), std::string("ok"));
    QCOMPARE(queue->getValue<int>("queued"), 0);
}

void TestHealth::testReadinessFailsWithoutSearchQueue_data()
{
    addDialectRows();
}

void TestHealth::testReadinessFailsWithoutSearchQueue()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);

    TestDatabase database(dialect);
    TestServer server({{"database.url", database.url()}});
    HttpsClient client(server.port(), server.certificatePath());
    QCOMPARE(client.get("/readyz").status, 200);

    // Workers that cannot read their queue cannot run searches, so the server is not ready.
    {
        Poco::Data::Session session = server.runtime().database().session();
        session << "ALTER TABLE searches RENAME TO searches_moved_away", Poco::Data::Keywords::now;
    }
    const HttpReply reply = client.get("/readyz");
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.json()->getValue<std::string>("status"), std::string("not_ready"));
    QCOMPARE(readinessCheck(reply, "crawl_queue")->getValue<std::string>("status"), std::string("failed"));
    QCOMPARE(readinessCheck(reply, "database")->getValue<std::string>("status"), std::string("ok"));
    {
        Poco::Data::Session session = server.runtime().database().session();
        session << "ALTER TABLE searches_moved_away RENAME TO searches", Poco::Data::Keywords::now;
    }
}

void TestHealth::testReadinessFailsOnNewerSchema_data()
{
    addDialectRows();
}

void TestHealth::testReadinessFailsOnNewerSchema()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);

    TestDatabase database(dialect);
    TestServer server({{"database.url", database.url()}});
    HttpsClient client(server.port(), server.certificatePath());
    QCOMPARE(client.get("/readyz").status, 200);

    // A newer server sharing this database has applied a migration this build does not know.
    {
        Poco::Data::Session session = server.runtime().database().session();
        int newer = latestSchemaVersion() + 1;
        std::string name = "from a newer build";
        Poco::Int64 appliedAt = 0;
        session << server.runtime().database().sql(
                       "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
            use(newer), use(name), use(appliedAt), now;
    }

    const HttpReply reply = client.get("/readyz");
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.contentType, std::string("application/json"));
    QCOMPARE(reply.json()->getValue<std::string>("status"), std::string("not_ready"));
    QCOMPARE(readinessCheck(reply, "database")->getValue<std::string>("status"), std::string("ok"));
    const Poco::JSON::Object::Ptr migrations = readinessCheck(reply, "migrations");
    QCOMPARE(migrations->getValue<std::string>("status"), std::string("failed"));
    QCOMPARE(migrations->getValue<int>("schema_version"), latestSchemaVersion() + 1);
    QVERIFY(migrations->getValue<std::string>("error").find("newer") != std::string::npos);

    // Liveness does not depend on the database.
    QCOMPARE(client.get("/healthz").status, 200);
}

void TestHealth::testReadinessFailsWhenPoolExhausted()
{
    // With every pooled session borrowed, the ping waits 5 seconds for one and then gives up.
    // Migrations at start-up need two sessions at once, so the pool cannot be smaller.
    TestServer server({{"database.poolSize", "2"}, {"health.sampleSeconds", "3600"}});
    HttpsClient client(server.port(), server.certificatePath());
    QTRY_VERIFY_WITH_TIMEOUT(server.runtime().healthSampler().latest().has_value(), 30000);
    HttpReply reply;
    {
        Poco::Data::Session first = server.runtime().database().session();
        Poco::Data::Session second = server.runtime().database().session();
        reply = client.get("/readyz");
    }
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.json()->getValue<std::string>("status"), std::string("not_ready"));
    const Poco::JSON::Object::Ptr db = readinessCheck(reply, "database");
    QCOMPARE(db->getValue<std::string>("status"), std::string("failed"));
    QVERIFY(db->has("error"));
    QCOMPARE(readinessCheck(reply, "migrations")->getValue<std::string>("status"), std::string("unknown"));

    // Once the session is back, the server is ready again.
    QCOMPARE(client.get("/readyz").status, 200);
}

void TestHealth::testReadinessFailsWhenDatabaseDropped()
{
    ILEADX_REQUIRE_DIALECT(QStringLiteral("postgresql"));

    TestDatabase database(QStringLiteral("postgresql"));
    TestServer server({{"database.url", database.url()}, {"health.sampleSeconds", "3600"}});
    HttpsClient client(server.port(), server.certificatePath());
    QCOMPARE(client.get("/readyz").status, 200);

    // Dropping the database ends the server's connections, as a failed-over or deleted database would.
    const std::string name = database.url().substr(database.url().rfind("dbname=") + 7);
    runPostgresAdminStatement("DROP DATABASE " + name + " WITH (FORCE)");

    const HttpReply reply = client.get("/readyz");
    QCOMPARE(reply.status, 503);
    QCOMPARE(readinessCheck(reply, "database")->getValue<std::string>("status"), std::string("failed"));
    // The public body names the failing check, not the driver's error text.
    QCOMPARE(reply.body.find(name), std::string::npos);

    const HealthSample sample = server.runtime().healthSampler().sampleNow();
    QCOMPARE(findCheck(sample, "database_latency")->level, HealthLevel::Red);
    QCOMPARE(findCheck(sample, "postgres_connections")->level, HealthLevel::Red);
    QCOMPARE(sample.level, HealthLevel::Red);
}

void TestHealth::testAdminHealthNeedsPermission()
{
    for (const std::string path : {"/api/v1/admin/health", "/api/v1/admin/health/history"}) {
        QCOMPARE(m_client->get(path).status, 401);
        const HttpReply forbidden = m_client->get(path, m_userToken);
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.json()->getValue<std::string>("type"), std::string(problem::kForbidden));
        QCOMPARE(m_client->get(path, m_adminToken).status, 200);
    }
}

void TestHealth::testAdminHealthLevelsFollowThresholds()
{
    // These limits give each measured check a known level whatever the machine's speed. Any API
    // latency is green, any database latency is amber, and any pool usage is red.
    TestServer server({{"health.apiLatencyAmberMs", "600000"},
                       {"health.apiLatencyRedMs", "600000"},
                       {"health.databaseLatencyAmberMs", "0"},
                       {"health.databaseLatencyRedMs", "600000"},
                       {"health.poolUsageAmberPercent", "0"},
                       {"health.poolUsageRedPercent", "0"}});
    HttpsClient client(server.port(), server.certificatePath());
    const std::string password = server.createAccount("admin@example.com", Role::Admin);
    const std::string token =
        accessTokenOf(client.postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", password)));

    const HttpReply reply = client.get("/api/v1/admin/health", token);
    QCOMPARE(reply.status, 200);
    const Poco::JSON::Object::Ptr body = reply.json();
    QVERIFY2(body, reply.body.c_str());
    QCOMPARE(body->getValue<std::string>("level"), std::string("red"));
    QCOMPARE(body->getValue<int>("sample_seconds"), 5);
    QCOMPARE(body->getValue<int>("history_size"), 720);
    QVERIFY(body->getValue<std::string>("sampled_at").ends_with("Z"));

    const Poco::JSON::Object::Ptr api = sampleCheck(body, "api_latency");
    QVERIFY(api);
    QCOMPARE(api->getValue<std::string>("level"), std::string("green"));
    QCOMPARE(api->getValue<std::string>("unit"), std::string("ms"));
    QVERIFY(api->getValue<double>("value") > 0.0);
    QCOMPARE(api->getObject("thresholds")->getValue<double>("amber"), 600000.0);
    QCOMPARE(api->getObject("thresholds")->getValue<double>("red"), 600000.0);

    const Poco::JSON::Object::Ptr database = sampleCheck(body, "database_latency");
    QCOMPARE(database->getValue<std::string>("level"), std::string("amber"));
    QCOMPARE(database->getObject("thresholds")->getValue<double>("amber"), 0.0);

    const Poco::JSON::Object::Ptr pool = sampleCheck(body, "database_pool");
    QCOMPARE(pool->getValue<std::string>("level"), std::string("red"));
    QCOMPARE(pool->getValue<std::string>("unit"), std::string("percent"));
    QVERIFY(pool->getValue<std::string>("detail").ends_with("of 16 sessions in use"));

    const Poco::JSON::Object::Ptr wal = sampleCheck(body, "sqlite_wal_size");
    QVERIFY(wal);
    QCOMPARE(wal->getValue<std::string>("level"), std::string("green"));
    QCOMPARE(wal->getValue<std::string>("unit"), std::string("MiB"));
    QVERIFY(!sampleCheck(body, "postgres_connections"));

    const Poco::JSON::Object::Ptr queue = sampleCheck(body, "crawl_queue");
    QVERIFY(queue);
    QCOMPARE(queue->getValue<std::string>("level"), std::string("green"));
    QCOMPARE(queue->getValue<double>("value"), 0.0);
    QCOMPARE(queue->getValue<std::string>("unit"), std::string("searches"));
    const Poco::JSON::Object::Ptr heartbeats = sampleCheck(body, "worker_heartbeats");
    QVERIFY(heartbeats);
    QCOMPARE(heartbeats->getValue<std::string>("level"), std::string("green"));
    QVERIFY(heartbeats->getValue<std::string>("detail").ends_with("search workers busy"));

    const Poco::JSON::Object::Ptr successRate = sampleCheck(body, "crawl_success_rate");
    QVERIFY(successRate);
    QCOMPARE(successRate->getValue<std::string>("level"), std::string("not_configured"));
    QVERIFY(successRate->isNull("value"));
    QVERIFY(!successRate->has("thresholds"));
}

void TestHealth::testSamplerProbesApiOverHttps_data()
{
    addDialectRows();
}

void TestHealth::testSamplerProbesApiOverHttps()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);

    TestDatabase database(dialect);
    TestServer server({{"database.url", database.url()},
                       {"health.apiLatencyAmberMs", "600000"},
                       {"health.apiLatencyRedMs", "600000"},
                       {"health.connectionsAmberPercent", "100"},
                       {"health.connectionsRedPercent", "100"}});
    const HealthSample sample = server.runtime().healthSampler().sampleNow();

    const HealthCheck* api = findCheck(sample, "api_latency");
    QVERIFY(api);
    QCOMPARE(api->level, HealthLevel::Green);
    QCOMPARE(api->detail, std::string("GET /healthz returned status 200"));
    QVERIFY(api->value && *api->value > 0.0);

    const HealthCheck* database_latency = findCheck(sample, "database_latency");
    QVERIFY(database_latency->value.has_value());
    QVERIFY(database_latency->level != HealthLevel::NotConfigured);

    if (dialect == QLatin1String("postgresql")) {
        const HealthCheck* connections = findCheck(sample, "postgres_connections");
        QVERIFY(connections);
        QCOMPARE(connections->level, HealthLevel::Green);
        QVERIFY2(connections->value && *connections->value > 0.0, connections->detail.c_str());
        QVERIFY(!findCheck(sample, "sqlite_wal_size"));
    } else {
        QVERIFY(findCheck(sample, "sqlite_wal_size"));
        QVERIFY(!findCheck(sample, "postgres_connections"));
    }
}

void TestHealth::testApiCheckRedWithoutListener()
{
    QTemporaryDir folder;
    ServerRuntime runtime(TestServer::configFor(folder.path().toStdString(), {}));
    const HealthSample sample = runtime.healthSampler().sampleNow();
    const HealthCheck* api = findCheck(sample, "api_latency");
    QCOMPARE(api->level, HealthLevel::Red);
    QVERIFY(!api->value.has_value());
    QCOMPARE(sample.level, HealthLevel::Red);
}

void TestHealth::testHistoryBounded()
{
    TestServer server(Settings{{"health.historySize", "3"}});
    HealthSampler& sampler = server.runtime().healthSampler();
    for (int i = 0; i < 5; ++i) {
        sampler.sampleNow();
    }
    QCOMPARE(sampler.history(100).size(), std::size_t(3));

    HttpsClient client(server.port(), server.certificatePath());
    const std::string password = server.createAccount("admin@example.com", Role::Admin);
    const std::string token =
        accessTokenOf(client.postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", password)));

    const HttpReply all = client.get("/api/v1/admin/health/history", token);
    QCOMPARE(all.status, 200);
    const Poco::JSON::Array::Ptr items = all.json()->getArray("items");
    QCOMPARE(items->size(), std::size_t(3));
    QCOMPARE(all.json()->getValue<int>("history_size"), 3);
    // Oldest first; ISO 8601 UTC times of equal length sort as text.
    for (unsigned int i = 1; i < items->size(); ++i) {
        QVERIFY(items->getObject(i - 1)->getValue<std::string>("sampled_at") <=
                items->getObject(i)->getValue<std::string>("sampled_at"));
    }
    QVERIFY(!items->getObject(0)->getArray("checks")->getObject(0)->has("thresholds"));

    const HttpReply newest = client.get("/api/v1/admin/health/history?limit=2", token);
    QCOMPARE(newest.status, 200);
    const Poco::JSON::Array::Ptr twoItems = newest.json()->getArray("items");
    QCOMPARE(twoItems->size(), std::size_t(2));
    QCOMPARE(twoItems->getObject(1)->getValue<std::string>("sampled_at"),
             items->getObject(2)->getValue<std::string>("sampled_at"));
}

void TestHealth::testHistoryLimitValidated_data()
{
    QTest::addColumn<QString>("query");

    QTest::newRow("zero") << "limit=0";
    QTest::newRow("above history size") << "limit=721";
    QTest::newRow("negative") << "limit=-1";
    QTest::newRow("not a number") << "limit=ten";
}

void TestHealth::testHistoryLimitValidated()
{
    QFETCH(QString, query);

    const HttpReply reply = m_client->get("/api/v1/admin/health/history?" + query.toStdString(), m_adminToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json()->getValue<std::string>("type"), std::string(problem::kInvalidRequest));
}

void TestHealth::testLevelForThresholds_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("amber");
    QTest::addColumn<double>("red");
    QTest::addColumn<HealthLevel>("level");

    QTest::newRow("below amber is green") << 10.0 << 50.0 << 250.0 << HealthLevel::Green;
    QTest::newRow("at amber is amber") << 50.0 << 50.0 << 250.0 << HealthLevel::Amber;
    QTest::newRow("between limits is amber") << 100.0 << 50.0 << 250.0 << HealthLevel::Amber;
    QTest::newRow("at red is red") << 250.0 << 50.0 << 250.0 << HealthLevel::Red;
    QTest::newRow("above red is red") << 9000.0 << 50.0 << 250.0 << HealthLevel::Red;
    QTest::newRow("equal limits skip amber") << 60.0 << 60.0 << 60.0 << HealthLevel::Red;
    QTest::newRow("zero with zero limits is red") << 0.0 << 0.0 << 0.0 << HealthLevel::Red;
}

void TestHealth::testLevelForThresholds()
{
    QFETCH(double, value);
    QFETCH(double, amber);
    QFETCH(double, red);
    QFETCH(HealthLevel, level);

    QCOMPARE(levelFor(value, Threshold{amber, red}), level);
}

void TestHealth::testWorstLevelIgnoresNotConfigured()
{
    using enum HealthLevel;
    QCOMPARE(worstLevel({Green, NotConfigured, Green}), Green);
    QCOMPARE(worstLevel({Green, Amber, NotConfigured}), Amber);
    QCOMPARE(worstLevel({Red, Amber, Green}), Red);
    QCOMPARE(worstLevel({NotConfigured, NotConfigured}), NotConfigured);
    QCOMPARE(worstLevel({}), NotConfigured);
    QCOMPARE(healthLevelName(NotConfigured), std::string_view("not_configured"));
}

void TestHealth::testInvalidSettingsRejected_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown log format") << "log.format" << "xml" << "log.format";
    QTest::newRow("short metrics token") << "metrics.bearerToken" << "short" << "metrics.bearerToken";
    QTest::newRow("loopback flag not boolean") << "metrics.allowLoopbackOnly" << "maybe" << "metrics.allowLoopbackOnly";
    QTest::newRow("amber above red") << "health.apiLatencyAmberMs" << "5000" << "health.apiLatencyAmberMs";
    QTest::newRow("percent above 100") << "health.poolUsageRedPercent" << "101" << "health.poolUsageRedPercent";
    QTest::newRow("zero sample interval") << "health.sampleSeconds" << "0" << "health.sampleSeconds";
    QTest::newRow("empty history") << "health.historySize" << "0" << "health.historySize";
}

void TestHealth::testInvalidSettingsRejected()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, message);

    Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
    config->setString(key.toStdString(), value.toStdString());
    try {
        ServerConfig::from(*config);
        QFAIL("the setting was accepted");
    } catch (const Poco::InvalidArgumentException& error) {
        const QString text = QString::fromStdString(error.message());
        QVERIFY2(text.contains(message), qPrintable(text));
        // The message names the key; it never echoes a rejected secret.
        if (key == QLatin1String("metrics.bearerToken")) {
            QVERIFY2(!text.contains(value), qPrintable(text));
        }
    }
}

QTEST_GUILESS_MAIN(TestHealth)
#include "TestHealth.moc"
