#include "SearchFixture.h"

#include "common/Random.h"
#include "searches/UsageCounter.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "users/UserAdminRepository.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <QtTest>

#include <atomic>
#include <future>
#include <thread>

using namespace ileadx;
using namespace ileadx::test;

namespace {

constexpr int kParallelRequests = 20;

EpochMillis utc(int year, int month, int day, int hour = 0)
{
    return Poco::DateTime(year, month, day, hour).timestamp().epochMicroseconds() / 1000;
}

// Sends `count` requests at once, each on its own connection, and returns their statuses.
std::vector<int> sendAtOnce(const SearchFixture& fixture, int count, const std::function<HttpReply(HttpsClient&)>& send)
{
    std::vector<std::unique_ptr<HttpsClient>> clients;
    for (int index = 0; index < count; ++index) {
        clients.push_back(fixture.client());
    }
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    std::vector<std::future<int>> results;
    for (auto& client : clients) {
        results.push_back(std::async(std::launch::async, [&send, &client, start] {
            start.wait();
            return send(*client).status;
        }));
    }
    go.set_value();
    std::vector<int> statuses;
    for (auto& result : results) {
        statuses.push_back(result.get());
    }
    return statuses;
}

} // namespace

class TestPlanLimits final : public QObject
{
    Q_OBJECT

private slots:
    void testBillingPeriodStart();
    void testParallelExportsStopAtLimit_data() { addDialectRows(); }
    void testParallelExportsStopAtLimit();
    void testParallelSearchesStopAtLimit_data() { addDialectRows(); }
    void testParallelSearchesStopAtLimit();
    void testParallelLeadUnitsStopAtLimit_data() { addDialectRows(); }
    void testParallelLeadUnitsStopAtLimit();
    void testUsageResetStartsNewPeriod_data() { addDialectRows(); }
    void testUsageResetStartsNewPeriod();
};

void TestPlanLimits::testBillingPeriodStart()
{
    QCOMPARE(billingPeriodStart(utc(2026, 3, 15, 12), std::nullopt), utc(2026, 3, 1));
    QCOMPARE(billingPeriodStart(utc(2026, 3, 1, 0), std::nullopt), utc(2026, 3, 1));
    QCOMPARE(billingPeriodStart(utc(2026, 12, 31, 23), std::nullopt), utc(2026, 12, 1));
    // A reset in this month starts the period; one in an earlier month does not.
    QCOMPARE(billingPeriodStart(utc(2026, 3, 15), utc(2026, 3, 10)), utc(2026, 3, 10));
    QCOMPARE(billingPeriodStart(utc(2026, 3, 15), utc(2026, 2, 20)), utc(2026, 3, 1));
}

void TestPlanLimits::testParallelExportsStopAtLimit()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    constexpr int kLimit = 3;
    SearchFixture fixture(dialect, {{"plans.free.exportsPerMonth", std::to_string(kLimit)}});
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    fixture.seedLead(search.id, "Alpha", 50);
    const std::string token = fixture.signIn(kCustomer);
    const std::string path = "/api/v1/searches/" + search.id + "/export?format=csv";

    const std::vector<int> statuses =
        sendAtOnce(fixture, kParallelRequests, [&](HttpsClient& client) { return client.get(path, token); });
    QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 200)), kLimit);
    QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 403)), kParallelRequests - kLimit);

    const HttpReply refused = fixture.client()->get(path, token);
    QCOMPARE(refused.status, 403);
    QCOMPARE(problemType(refused), std::string(problem::kPlanLimitReached));
}

void TestPlanLimits::testParallelSearchesStopAtLimit()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    constexpr int kLimit = 4;
    QTemporaryDir folder;
    QFile listings(folder.filePath("listings.csv"));
    QVERIFY(listings.open(QIODevice::WriteOnly));
    listings.write("name,address,country,phone,website,category,rating,review_count,latitude,longitude\n"
                   "Alpha Bakery,1 Main Street,US,+1 555-0101,,bakery,,,,\n");
    listings.close();
    SearchFixture fixture(dialect, {{"plans.free.searchesPerMonth", std::to_string(kLimit)},
                                    {"providers.listingsFile", listings.fileName().toStdString()}});
    const std::string token = fixture.signIn(kCustomer);
    const std::string body = R"({"query":"bakery","country":"US","providers":["listings_file"]})";

    const std::vector<int> statuses = sendAtOnce(
        fixture, kParallelRequests, [&](HttpsClient& client) { return client.postJson("/api/v1/searches", body, token); });
    if (std::count(statuses.begin(), statuses.end(), 400) == kParallelRequests) {
        QSKIP("this build has no lead engine, so no provider is configured");
    }
    QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 202)), kLimit);
    QCOMPARE(static_cast<int>(std::count(statuses.begin(), statuses.end(), 403)), kParallelRequests - kLimit);
}

void TestPlanLimits::testParallelLeadUnitsStopAtLimit()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    constexpr int kLimit = 7;
    SearchFixture fixture(dialect);
    PlanLimits limits;
    limits.quota(Plan::Free).leads = kLimit;
    Database& database = fixture.server->runtime().database();
    UsageCounter usage(database, limits);
    const std::string userId = fixture.userId(kCustomer);

    std::atomic<int> granted{0};
    std::vector<std::thread> threads;
    for (int index = 0; index < kParallelRequests; ++index) {
        threads.emplace_back([&] {
            Transaction transaction(database);
            if (usage.tryConsume(transaction.session(), userId, UsageKind::Leads, 1, nowMillis())) {
                transaction.commit();
                ++granted;
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    QCOMPARE(granted.load(), kLimit);
    Poco::Data::Session session = database.session();
    QCOMPARE(usage.usage(session, userId, UsageKind::Leads, nowMillis()).used, std::int64_t(kLimit));
}

void TestPlanLimits::testUsageResetStartsNewPeriod()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    SearchFixture fixture(dialect, {{"plans.free.exportsPerMonth", "1"}});
    const SearchRecord search = fixture.seedSearch(kCustomer, SearchStatus::Completed);
    const std::string token = fixture.signIn(kCustomer);
    const std::string path = "/api/v1/searches/" + search.id + "/export?format=json";

    QCOMPARE(fixture.client()->get(path, token).status, 200);
    QCOMPARE(fixture.client()->get(path, token).status, 403);

    const HttpReply reset = fixture.client()->postJson("/api/v1/admin/users/" + fixture.userId(kCustomer) + "/usage/reset",
                                                       "{}", fixture.signIn(kAdmin));
    QCOMPARE(reset.status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    QCOMPARE(fixture.client()->get(path, token).status, 200);
    QCOMPARE(fixture.client()->get(path, token).status, 403);
}

QTEST_GUILESS_MAIN(TestPlanLimits)
#include "TestPlanLimits.moc"
