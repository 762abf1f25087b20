#include "ratelimit/SignInThrottle.h"

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

SignInThrottle::Settings settingsWith(int freeFailures, std::chrono::seconds firstDelay, std::chrono::seconds maxDelay)
{
    SignInThrottle::Settings settings;
    settings.freeFailures = freeFailures;
    settings.firstDelay = firstDelay;
    settings.maxDelay = maxDelay;
    settings.window = 15min;
    return settings;
}

} // namespace

class TestSignInThrottle final : public QObject
{
    Q_OBJECT

private slots:
    void testFreeFailuresPassAtOnce();
    void testDelayGrowsAndCaps();
    void testEarlyAttemptsChangeNothing();
    void testSuccessClearsFailures();
    void testFailuresForgottenAfterWindow();
    void testAddressesCountedSeparately();
    void testParallelAttemptsCountedInAdvance();
    void testRecordsBounded();
    void testInvalidSettingsRejected_data();
    void testInvalidSettingsRejected();
};

void TestSignInThrottle::testFreeFailuresPassAtOnce()
{
    ManualClock clock;
    SignInThrottle throttle(settingsWith(5, 1s, 60s), clock.function());
    for (int i = 1; i <= 5; ++i) {
        QVERIFY2(!throttle.admitAttempt("victim@example.com"), qPrintable(QString("attempt %1").arg(i)));
    }
    const std::optional<int> wait = throttle.admitAttempt("victim@example.com");
    QVERIFY(wait);
    QCOMPARE(*wait, 1);
}

void TestSignInThrottle::testDelayGrowsAndCaps()
{
    ManualClock clock;
    SignInThrottle throttle(settingsWith(3, 1s, 8s), clock.function());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!throttle.admitAttempt("victim@example.com"));
    }

    // Each admitted failure doubles the wait, up to the 8 second cap.
    for (const int expectedWait : {1, 2, 4, 8, 8, 8}) {
        const std::optional<int> wait = throttle.admitAttempt("victim@example.com");
        QVERIFY(wait);
        QCOMPARE(*wait, expectedWait);

        clock.now += std::chrono::seconds(expectedWait) - 1ms;
        QVERIFY(throttle.admitAttempt("victim@example.com"));
        clock.now += 1ms;
        QVERIFY(!throttle.admitAttempt("victim@example.com"));
    }
}

void TestSignInThrottle::testEarlyAttemptsChangeNothing()
{
    ManualClock clock;
    SignInThrottle throttle(settingsWith(1, 10s, 60s), clock.function());
    QVERIFY(!throttle.admitAttempt("victim@example.com"));

    // An attacker hammering the address during the wait neither extends nor restarts it.
    for (int second = 0; second < 10; ++second) {
        const std::optional<int> wait = throttle.admitAttempt("victim@example.com");
        QVERIFY(wait);
        QCOMPARE(*wait, 10 - second);
        clock.now += 1s;
    }
    QVERIFY(!throttle.admitAttempt("victim@example.com"));
}

void TestSignInThrottle::testSuccessClearsFailures()
{
    ManualClock clock;
    SignInThrottle throttle(settingsWith(2, 5s, 60s), clock.function());
    QVERIFY(!throttle.admitAttempt("owner@example.com"));
    QVERIFY(!throttle.admitAttempt("owner@example.com"));
    QVERIFY(throttle.admitAttempt("owner@example.com"));

    // The owner waits out the delay, signs in with the right password and starts from zero.
    clock.now += 5s;
    QVERIFY(!throttle.admitAttempt("owner@example.com"));
    throttle.recordSuccess("owner@example.com");
    QCOMPARE(throttle.recordCount(), std::size_t(0));
    QVERIFY(!throttle.admitAttempt("owner@example.com"));
    QVERIFY(!throttle.admitAttempt("owner@example.com"));
    QVERIFY(throttle.admitAttempt("owner@example.com"));
}

void TestSignInThrottle::testFailuresForgottenAfterWindow()
{
    ManualClock clock;
    SignInThrottle::Settings settings = settingsWith(2, 1s, 60s);
    settings.window = 60s;
    SignInThrottle throttle(settings, clock.function());
    QVERIFY(!throttle.admitAttempt("user@example.com"));
    QVERIFY(!throttle.admitAttempt("user@example.com"));
    QVERIFY(throttle.admitAttempt("user@example.com"));

    // Within the window the count stays: the next admitted failure doubles the delay.
    clock.now += 59s;
    QVERIFY(!throttle.admitAttempt("user@example.com"));
    const std::optional<int> doubled = throttle.admitAttempt("user@example.com");
    QVERIFY(doubled);
    QCOMPARE(*doubled, 2);

    // A full window after the last failure, the address has its free failures again.
    clock.now += 60s;
    QVERIFY(!throttle.admitAttempt("user@example.com"));
    QVERIFY(!throttle.admitAttempt("user@example.com"));
    QVERIFY(throttle.admitAttempt("user@example.com"));
}

void TestSignInThrottle::testAddressesCountedSeparately()
{
    ManualClock clock;
    SignInThrottle throttle(settingsWith(1, 30s, 60s), clock.function());
    QVERIFY(!throttle.admitAttempt("first@example.com"));
    QVERIFY(throttle.admitAttempt("first@example.com"));
    QVERIFY(!throttle.admitAttempt("second@example.com"));
    QCOMPARE(throttle.recordCount(), std::size_t(2));
}

void TestSignInThrottle::testParallelAttemptsCountedInAdvance()
{
    constexpr int kFreeFailures = 5;
    constexpr int kThreads = 40;

    ManualClock clock;
    SignInThrottle throttle(settingsWith(kFreeFailures, 30s, 60s), clock.function());
    std::atomic<int> admitted{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            while (!go.load()) {
                std::this_thread::yield();
            }
            if (!throttle.admitAttempt("victim@example.com")) {
                ++admitted;
            }
        });
    }
    go = true;
    for (std::thread& thread : threads) {
        thread.join();
    }

    QCOMPARE(admitted.load(), kFreeFailures);
}

void TestSignInThrottle::testRecordsBounded()
{
    ManualClock clock;
    SignInThrottle::Settings settings = settingsWith(3, 1s, 60s);
    settings.maxRecords = 160;
    SignInThrottle throttle(settings, clock.function());
    for (int i = 0; i < 20000; ++i) {
        throttle.admitAttempt("guess" + std::to_string(i) + "@example.com");
        QVERIFY(throttle.recordCount() <= 160);
    }
    QCOMPARE(throttle.recordCount(), std::size_t(160));
}

void TestSignInThrottle::testInvalidSettingsRejected_data()
{
    QTest::addColumn<int>("freeFailures");
    QTest::addColumn<int>("firstDelaySeconds");
    QTest::addColumn<int>("maxDelaySeconds");

    QTest::newRow("no free failure") << 0 << 1 << 60;
    QTest::newRow("zero first delay") << 5 << 0 << 60;
    QTest::newRow("cap below the first delay") << 5 << 10 << 5;
}

void TestSignInThrottle::testInvalidSettingsRejected()
{
    QFETCH(int, freeFailures);
    QFETCH(int, firstDelaySeconds);
    QFETCH(int, maxDelaySeconds);

    const SignInThrottle::Settings settings =
        settingsWith(freeFailures, std::chrono::seconds(firstDelaySeconds), std::chrono::seconds(maxDelaySeconds));
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, SignInThrottle{settings});
}

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "TestSignInThrottle.moc"
