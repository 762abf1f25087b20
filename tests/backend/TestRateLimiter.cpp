#include "ratelimit/InProcessRateLimiter.h"
#include "ratelimit/RateLimitKeys.h"
#include "ratelimit/RateLimitResponse.h"

#include <Poco/Exception.h>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace ileadx;
using namespace std::chrono_literals;

namespace {

/// A clock that moves only when a test advances it.
struct ManualClock
{
    std::chrono::steady_clock::time_point now{};

    MonotonicClock function()
    {
        return [this] { return now; };
    }
};

std::map<std::string, RateLimitRule, std::less<>> rulesWith(int perMinute, int burst)
{
    return {{"default", {perMinute, burst}}, {"auth", {perMinute, burst}}};
}

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void testBurstAllowedThenRejected_data();
    void testBurstAllowedThenRejected();
    void testRetryAfterRoundsUp_data();
    void testRetryAfterRoundsUp();
    void testBucketRefillsOverTime();
    void testResetCountsSecondsToFull();
    void testClassesAndKeysSeparate();
    void testUnknownRouteClassRejected();
    void testInvalidRuleRejected_data();
    void testInvalidRuleRejected();
    void testConcurrentConsumersTakeExactlyBurst();
    void testBucketCountStaysAtCap_data();
    void testBucketCountStaysAtCap();
    void testFullBucketsDroppedBeforeOthers();
    void testClientAddressKey_data();
    void testClientAddressKey();
    void testTighterDecision();
};

void TestRateLimiter::testBurstAllowedThenRejected_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("burst");

    QTest::newRow("burst of one") << 60 << 1;
    QTest::newRow("burst of ten") << 60 << 10;
    QTest::newRow("burst larger than the rate") << 1 << 25;
}

void TestRateLimiter::testBurstAllowedThenRejected()
{
    QFETCH(int, perMinute);
    QFETCH(int, burst);

    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(perMinute, burst), 1000, clock.function());
    for (int i = 1; i <= burst; ++i) {
        const RateLimitDecision decision = limiter.consume("default", "ip:192.0.2.1");
        QVERIFY2(decision.allowed, qPrintable(QString("request %1").arg(i)));
        QCOMPARE(decision.limit, burst);
        QCOMPARE(decision.remaining, burst - i);
        QCOMPARE(decision.retryAfterSeconds, 0);
    }

    const RateLimitDecision rejected = limiter.consume("default", "ip:192.0.2.1");
    QVERIFY(!rejected.allowed);
    QCOMPARE(rejected.remaining, 0);
    QCOMPARE(rejected.limit, burst);
    QCOMPARE(rejected.retryAfterSeconds, 60 / perMinute);
}

void TestRateLimiter::testRetryAfterRoundsUp_data()
{
    QTest::addColumn<int>("waitedMillis");
    QTest::addColumn<int>("retryAfter");

    // Six a minute is one token every 10 seconds.
    QTest::newRow("right after the last token") << 0 << 10;
    QTest::newRow("4 seconds later") << 4000 << 6;
    QTest::newRow("4.5 seconds later rounds up") << 4500 << 6;
    QTest::newRow("1 ms before the token rounds up to 1") << 9999 << 1;
}

void TestRateLimiter::testRetryAfterRoundsUp()
{
    QFETCH(int, waitedMillis);
    QFETCH(int, retryAfter);

    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(6, 1), 1000, clock.function());
    QVERIFY(limiter.consume("default", "key").allowed);

    clock.now += std::chrono::milliseconds(waitedMillis);
    const RateLimitDecision decision = limiter.consume("default", "key");
    QVERIFY(!decision.allowed);
    QCOMPARE(decision.retryAfterSeconds, retryAfter);
}

void TestRateLimiter::testBucketRefillsOverTime()
{
    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(60, 5), 1000, clock.function());
    for (int i = 0; i < 5; ++i) {
        QVERIFY(limiter.consume("default", "key").allowed);
    }
    QVERIFY(!limiter.consume("default", "key").allowed);

    // One token a second: after a second exactly one more request passes.
    clock.now += 1s;
    QVERIFY(limiter.consume("default", "key").allowed);
    QVERIFY(!limiter.consume("default", "key").allowed);

    // Rejected requests take nothing, so the next token still arrives a second after the last one.
    clock.now += 999ms;
    QVERIFY(!limiter.consume("default", "key").allowed);
    clock.now += 1ms;
    QVERIFY(limiter.consume("default", "key").allowed);

    // A long pause fills the bucket to its size and no further.
    clock.now += 24h;
    const RateLimitDecision first = limiter.consume("default", "key");
    QVERIFY(first.allowed);
    QCOMPARE(first.remaining, 4);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(limiter.consume("default", "key").allowed);
    }
    QVERIFY(!limiter.consume("default", "key").allowed);
}

void TestRateLimiter::testResetCountsSecondsToFull()
{
    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(30, 10), 1000, clock.function());

    // 30 a minute is one token every 2 seconds.
    const RateLimitDecision first = limiter.consume("default", "key");
    QCOMPARE(first.resetSeconds, 2);
    limiter.consume("default", "key");
    const RateLimitDecision third = limiter.consume("default", "key");
    QCOMPARE(third.remaining, 7);
    QCOMPARE(third.resetSeconds, 6);

    clock.now += 500ms;
    const RateLimitDecision fourth = limiter.consume("default", "key");
    QCOMPARE(fourth.remaining, 6);
    QCOMPARE(fourth.resetSeconds, 8); // 7.5 seconds, rounded up
}

void TestRateLimiter::testClassesAndKeysSeparate()
{
    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(1, 1), 1000, clock.function());
    QVERIFY(limiter.consume("auth", "ip:192.0.2.1").allowed);
    QVERIFY(!limiter.consume("auth", "ip:192.0.2.1").allowed);

    QVERIFY(limiter.consume("default", "ip:192.0.2.1").allowed);
    QVERIFY(limiter.consume("auth", "ip:192.0.2.2").allowed);
    QVERIFY(limiter.consume("auth", "account:192.0.2.1").allowed);
    QCOMPARE(limiter.bucketCount(), std::size_t(4));
}

void TestRateLimiter::testUnknownRouteClassRejected()
{
    InProcessRateLimiter limiter(rulesWith(60, 10), 1000);
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, limiter.consume("serach", "ip:192.0.2.1"));
    QCOMPARE(limiter.bucketCount(), std::size_t(0));
}

void TestRateLimiter::testInvalidRuleRejected_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("burst");

    QTest::newRow("zero rate") << 0 << 10;
    QTest::newRow("zero burst") << 60 << 0;
    QTest::newRow("negative rate") << -1 << 10;
}

void TestRateLimiter::testInvalidRuleRejected()
{
    QFETCH(int, perMinute);
    QFETCH(int, burst);

    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, InProcessRateLimiter(rulesWith(perMinute, burst), 1000));
}

void TestRateLimiter::testConcurrentConsumersTakeExactlyBurst()
{
    constexpr int kBurst = 500;
    constexpr int kThreads = 50;
    constexpr int kRequestsPerThread = 40;

    // The clock does not move, so no token is refilled while the threads race.
    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(1, kBurst), 1000, clock.function());
    std::atomic<int> allowed{0};
    std::atomic<int> rejected{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            while (!go.load()) {
                std::this_thread::yield();
            }
            for (int i = 0; i < kRequestsPerThread; ++i) {
                if (limiter.consume("default", "ip:192.0.2.1").allowed) {
                    ++allowed;
                } else {
                    ++rejected;
                }
            }
        });
    }
    go = true;
    for (std::thread& thread : threads) {
        thread.join();
    }

    QCOMPARE(allowed.load(), kBurst);
    QCOMPARE(rejected.load(), kThreads * kRequestsPerThread - kBurst);
}

void TestRateLimiter::testBucketCountStaysAtCap_data()
{
    QTest::addColumn<int>("maxBuckets");

    QTest::newRow("cap divisible by the shard count") << 1600;
    QTest::newRow("cap not divisible by the shard count") << 1000;
    QTest::newRow("cap smaller than the shard count") << 5;
}

void TestRateLimiter::testBucketCountStaysAtCap()
{
    QFETCH(int, maxBuckets);

    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(60, 10), static_cast<std::size_t>(maxBuckets), clock.function());
    QVERIFY(limiter.bucketCapacity() <= static_cast<std::size_t>(maxBuckets));
    QVERIFY(limiter.bucketCapacity() > static_cast<std::size_t>(maxBuckets) * 9 / 10);

    for (int i = 0; i < 100000; ++i) {
        QVERIFY(limiter.consume("default", "ip:10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256)).allowed);
        QVERIFY(limiter.bucketCount() <= limiter.bucketCapacity());
    }
    QCOMPARE(limiter.bucketCount(), limiter.bucketCapacity());
    QVERIFY(limiter.forcedEvictions() > 0);
}

void TestRateLimiter::testFullBucketsDroppedBeforeOthers()
{
    ManualClock clock;
    InProcessRateLimiter limiter(rulesWith(60, 10), 160, clock.function());
    for (int i = 0; i < 160; ++i) {
        limiter.consume("default", "first-" + std::to_string(i));
    }
    const std::uint64_t evictionsBefore = limiter.forcedEvictions();

    // Ten seconds refill every bucket, and a full bucket is dropped without counting as forced.
    for (int i = 0; i < 2000; ++i) {
        clock.now += 10s;
        QVERIFY(limiter.consume("default", "second-" + std::to_string(i)).allowed);
    }
    QCOMPARE(limiter.forcedEvictions(), evictionsBefore);
    QVERIFY(limiter.bucketCount() <= limiter.bucketCapacity());
}

void TestRateLimiter::testClientAddressKey_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");

    QTest::newRow("IPv4 address is its own key") << "192.168.1.20" << "ip:192.168.1.20";
    QTest::newRow("IPv4-mapped IPv6 counts as IPv4") << "::ffff:10.0.0.1" << "ip:10.0.0.1";
    QTest::newRow("IPv6 keyed by its /64") << "2001:db8:1:2:aaaa::1" << "ip:2001:db8:1:2::/64";
    QTest::newRow("other IPv6 in the same /64") << "2001:db8:1:2:bbbb:cccc:dddd:9" << "ip:2001:db8:1:2::/64";
    QTest::newRow("IPv6 in another /64") << "2001:db8:1:3::1" << "ip:2001:db8:1:3::/64";
    QTest::newRow("IPv6 zone suffix ignored") << "fe80::1%eth0" << "ip:fe80:0:0:0::/64";
    QTest::newRow("text that is no address kept") << "not-an-address" << "ip:not-an-address";
}

void TestRateLimiter::testClientAddressKey()
{
    QFETCH(QString, address);
    QFETCH(QString, key);

    QCOMPARE(QString::fromStdString(clientAddressKey(address.toStdString())), key);
}

void TestRateLimiter::testTighterDecision()
{
    RateLimitDecision roomy{true, 100, 90, 5, 0};
    RateLimitDecision tight{true, 10, 2, 20, 0};
    RateLimitDecision rejected{false, 50, 0, 60, 3};

    QCOMPARE(tighterDecision(roomy, tight).remaining, 2);
    QCOMPARE(tighterDecision(tight, roomy).remaining, 2);
    QVERIFY(!tighterDecision(roomy, rejected).allowed);
    QVERIFY(!tighterDecision(rejected, tight).allowed);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
