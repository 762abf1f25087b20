#include "auth/PasswordHasher.h"
#include "http/ApiException.h"

#include <Poco/Exception.h>
#include <QProcess>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using ileadx::HashCost;
using ileadx::PasswordHasher;

namespace {

PasswordHasher interactiveHasher(int concurrency = 2, std::chrono::milliseconds wait = std::chrono::seconds(30))
{
    return PasswordHasher(HashCost::interactive(), concurrency, wait);
}

} // namespace

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private slots:
    void testHashAndVerify();
    void testSaltDiffersPerHash();
    void testWrongPasswordRejected();
    void testMalformedHashRejected_data();
    void testMalformedHashRejected();
    void testReferenceArgon2Tool();
    void testRehashWhenCostRises();
    void testCostBelowInteractiveRejected();
    void testConcurrencyBounded();
    void testBusyAfterMaxWait();
};

void TestPasswordHasher::testHashAndVerify()
{
    PasswordHasher hasher = interactiveHasher();
    const std::string hash = hasher.hash("correct horse battery staple");

    QVERIFY2(hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$"), hash.c_str());
    QVERIFY(hasher.verify(hash, "correct horse battery staple"));
}

void TestPasswordHasher::testSaltDiffersPerHash()
{
    PasswordHasher hasher = interactiveHasher();
    QVERIFY(hasher.hash("same password twice") != hasher.hash("same password twice"));
}

void TestPasswordHasher::testWrongPasswordRejected()
{
    PasswordHasher hasher = interactiveHasher();
    const std::string hash = hasher.hash("correct horse battery staple");

    QVERIFY(!hasher.verify(hash, "correct horse battery stapler"));
    QVERIFY(!hasher.verify(hash, "correct horse battery stapl"));
    QVERIFY(!hasher.verify(hash, ""));
}

void TestPasswordHasher::testMalformedHashRejected_data()
{
    QTest::addColumn<QByteArray>("phc");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain text") << QByteArray("correct horse battery staple");
    QTest::newRow("argon2i instead of argon2id")
        << QByteArray("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA");
    QTest::newRow("truncated digest") << QByteArray("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKI");
    QTest::newRow("overlong string") << QByteArray(4096, '$');
}

void TestPasswordHasher::testMalformedHashRejected()
{
    QFETCH(QByteArray, phc);

    PasswordHasher hasher = interactiveHasher();
    QVERIFY(!hasher.verify(phc.toStdString(), "correct horse battery staple"));
}

void TestPasswordHasher::testReferenceArgon2Tool()
{
    // The reference implementation's command-line tool (Debian package argon2) writes the encoded
    // PHC form. libsodium must accept it, because hashes imported from other systems use it.
    QProcess argon2;
    argon2.start("argon2", {"somesaltvalue16b", "-id", "-t", "2", "-m", "16", "-p", "1", "-e"});
    QVERIFY2(argon2.waitForStarted(), "the argon2 command is missing; install the Debian package argon2");
    argon2.write("reference tool password");
    argon2.closeWriteChannel();
    QVERIFY(argon2.waitForFinished(30000));
    QCOMPARE(argon2.exitCode(), 0);
    const std::string encoded = argon2.readAllStandardOutput().trimmed().toStdString();
    QVERIFY2(encoded.starts_with("$argon2id$v=19$m=65536,t=2,p=1$"), encoded.c_str());

    PasswordHasher hasher = interactiveHasher();
    QVERIFY(hasher.verify(encoded, "reference tool password"));
    QVERIFY(!hasher.verify(encoded, "reference tool passwore"));
    QVERIFY(!hasher.needsRehash(encoded));
}

void TestPasswordHasher::testRehashWhenCostRises()
{
    PasswordHasher current = interactiveHasher();
    const std::string oldHash = current.hash("correct horse battery staple");
    QVERIFY(!current.needsRehash(oldHash));

    HashCost stronger = HashCost::interactive();
    stronger.opsLimit += 1;
    PasswordHasher upgraded(stronger, 1, std::chrono::seconds(30));
    QVERIFY(upgraded.needsRehash(oldHash));
    QVERIFY(upgraded.verify(oldHash, "correct horse battery staple"));
    const std::string strongerHash = upgraded.hash("correct horse battery staple");
    QVERIFY(!upgraded.needsRehash(strongerHash));
    QVERIFY2(!current.needsRehash(strongerHash), "a stronger hash is never downgraded");
    QVERIFY(current.needsRehash("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"));
    QVERIFY(current.needsRehash("not a phc string"));
}

void TestPasswordHasher::testCostBelowInteractiveRejected()
{
    HashCost weak = HashCost::interactive();
    weak.memLimitBytes /= 2;
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, PasswordHasher(weak, 1, std::chrono::seconds(1)));

    HashCost fewPasses = HashCost::interactive();
    fewPasses.opsLimit = 1;
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, PasswordHasher(fewPasses, 1, std::chrono::seconds(1)));
}

void TestPasswordHasher::testConcurrencyBounded()
{
    // Six hashes with one slot: five must be seen waiting at some point, and all must finish.
    PasswordHasher hasher = interactiveHasher(1);
    std::atomic<int> finished = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&] {
            hasher.hash("correct horse battery staple");
            ++finished;
        });
    }

    int maxWaiting = 0;
    int maxRunning = 0;
    while (finished < 6) {
        maxWaiting = std::max(maxWaiting, hasher.waiting());
        maxRunning = std::max(maxRunning, hasher.running());
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    QCOMPARE(maxWaiting, 5);
    QCOMPARE(maxRunning, 1);
    QCOMPARE(hasher.waiting(), 0);
    QCOMPARE(hasher.running(), 0);
}

void TestPasswordHasher::testBusyAfterMaxWait()
{
    PasswordHasher hasher = interactiveHasher(1, std::chrono::milliseconds(1));
    std::atomic<int> busy = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&] {
            try {
                hasher.hash("correct horse battery staple");
            } catch (const ileadx::ServiceBusyException& error) {
                // Qt Test macros only work on the test's own thread, so the checks are counted here.
                if (error.status() == 503 && error.retryAfterSeconds().has_value()) {
                    ++busy;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    QVERIFY2(busy >= 1, "with one slot and a 1 ms wait, parallel hashes must be turned away");
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
