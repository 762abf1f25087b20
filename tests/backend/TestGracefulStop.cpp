#include "support/HttpsClient.h"
#include "support/LogCapture.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace ileadx;

namespace {

constexpr int kRequests = 100;

/// What one client saw while the server stopped.
enum class Outcome
{
    CompleteAnswer,   ///< a status line, all Content-Length bytes and a JSON body
    NoAnswer,         ///< refused or closed before any response byte
    TruncatedAnswer,  ///< a response that ended early: the failure this test looks for
};

Outcome signInOnce(int port, const std::string& certificate, const std::string& password)
{
    try {
        test::HttpsClient client(port, certificate);
        const test::HttpReply reply =
            client.postJson("/api/v1/auth/login", test::credentialsJson("admin@ileadx.local", password));
        const std::string length = reply.header("Content-Length");
        if (reply.status == 0 || length.empty() || std::stoul(length) != reply.body.size() || !reply.json()) {
            return Outcome::TruncatedAnswer;
        }
        return Outcome::CompleteAnswer;
    } catch (const Poco::Net::NoMessageException&) {
        return Outcome::NoAnswer;
    } catch (const Poco::Net::ConnectionRefusedException&) {
        return Outcome::NoAnswer;
    } catch (const Poco::Net::ConnectionResetException&) {
        return Outcome::NoAnswer;
    } catch (const Poco::Net::SSLException&) {
        // The TLS handshake or the request was cut before the server sent anything.
        return Outcome::NoAnswer;
    } catch (const Poco::IOException&) {
        return Outcome::NoAnswer;
    }
}

} // namespace

class TestGracefulStop final : public QObject
{
    Q_OBJECT

private slots:
    void testSigtermWithRequestsInFlight();
};

void TestGracefulStop::testSigtermWithRequestsInFlight()
{
    QTemporaryDir data;
    QProcess server;
    // Each sign-in costs one Argon2id hash and two run at once, so 100 of them keep the server busy
    // for a few seconds: long enough to stop it in the middle, short enough for the drain period.
    server.start(ILEADX_SERVER_BINARY, {"--data-dir=" + data.path(), "--port=0", "--set=auth.hashConcurrency=2",
                                        "--set=ratelimit.authPerMinute=1000000", "--set=ratelimit.authBurst=1000000",
                                        // Sign-ins of one account in flight at once count as failures
                                        // until one succeeds; the slowdown must not answer them early.
                                        "--set=auth.signInFreeFailures=1000",
                                        "--set=server.drainSeconds=30"});
    QByteArray output;
    int port = 0;
    QDeadlineTimer deadline(30000);
    while (port == 0 && !deadline.hasExpired() && server.state() != QProcess::NotRunning) {
        server.waitForReadyRead(200);
        output += server.readAllStandardOutput();
        const QRegularExpressionMatch listening =
            QRegularExpression("listening on https://127\\.0\\.0\\.1:(\\d+)").match(QString::fromUtf8(output));
        if (listening.hasMatch()) {
            port = listening.captured(1).toInt();
        }
    }
    QVERIFY2(port != 0, output.constData());
    const std::string password =
        QRegularExpression("Password \\(shown once\\): (\\S+)").match(QString::fromUtf8(output)).captured(1).toStdString();
    const std::string certificate = data.filePath("server-certificate.pem").toStdString();

    std::vector<Outcome> outcomes(kRequests, Outcome::NoAnswer);
    std::atomic<bool> terminated = false;
    std::atomic<int> finished = 0;
    std::atomic<int> completedAfterTerm = 0;
    std::vector<std::thread> clients;
    for (int i = 0; i < kRequests; ++i) {
        clients.emplace_back([&, i] {
            outcomes[i] = signInOnce(port, certificate, password);
            if (outcomes[i] == Outcome::CompleteAnswer && terminated) {
                ++completedAfterTerm;
            }
            ++finished;
        });
    }

    // SIGTERM goes out once a few answers are back, so most requests are certainly still in flight
    // however fast or slow this machine hashes.
    QDeadlineTimer started(30000);
    while (finished < 5 && !started.hasExpired()) {
        QTest::qWait(5);
    }
    QVERIFY2(finished < kRequests, "every request finished before SIGTERM could be sent");
    ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
    terminated = true;
    for (std::thread& client : clients) {
        client.join();
    }
    QVERIFY2(server.waitForFinished(60000), "the server did not stop within a minute of SIGTERM");
    test::recordSecret(password);
    test::keepProcessLog(server.readAllStandardError());

    int complete = 0;
    int unanswered = 0;
    int truncated = 0;
    for (Outcome outcome : outcomes) {
        complete += outcome == Outcome::CompleteAnswer ? 1 : 0;
        unanswered += outcome == Outcome::NoAnswer ? 1 : 0;
        truncated += outcome == Outcome::TruncatedAnswer ? 1 : 0;
    }
    qInfo("%d complete answers (%d after SIGTERM), %d connections closed without an answer, %d truncated", complete,
          completedAfterTerm.load(), unanswered, truncated);
    QCOMPARE(truncated, 0);
    QVERIFY2(completedAfterTerm > 0, "requests in flight when SIGTERM arrived must still be answered");
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestGracefulStop)
#include "TestGracefulStop.moc"
