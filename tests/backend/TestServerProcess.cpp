#include "support/HttpsClient.h"
#include "support/LogCapture.h"

#include "app/ServerConfig.h"
#include "tls/SelfSignedCertificate.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace ileadx;

namespace {

/// The ileadx-server binary run as an operator runs it, with its output captured.
struct ServerProcess
{
    QProcess process;
    QByteArray output;
    int port = 0;
    QString password;
    QString fingerprint;
    QByteArray standardError; ///< what a test read from the process's standard error

    bool start(const QString& dataDirectory)
    {
        process.start(ILEADX_SERVER_BINARY, {"--data-dir=" + dataDirectory, "--port=0"});
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(200);
            output += process.readAllStandardOutput();
            const QRegularExpressionMatch listening =
                QRegularExpression("listening on https://127\\.0\\.0\\.1:(\\d+)").match(QString::fromUtf8(output));
            if (listening.hasMatch()) {
                port = listening.captured(1).toInt();
                password = QRegularExpression("Password \\(shown once\\): (\\S+)").match(QString::fromUtf8(output)).captured(1);
                fingerprint =
                    QRegularExpression("certificate SHA-256 fingerprint (\\S+)").match(QString::fromUtf8(output)).captured(1);
                return true;
            }
        }
        return false;
    }

    /// Sends SIGTERM and returns the exit code, or -1 when the process did not stop in time.
    int terminate()
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        if (!process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    ~ServerProcess()
    {
        test::recordSecret(password.toStdString());
        test::keepProcessLog(standardError + process.readAllStandardError());
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
};

QByteArray runToEnd(const QStringList& arguments, int* exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ILEADX_SERVER_BINARY, arguments);
    process.waitForFinished(60000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

std::string signIn(int port, const std::string& certificate, const std::string& email, const QString& password)
{
    test::HttpsClient client(port, certificate);
    const test::HttpReply reply =
        client.postJson("/api/v1/auth/login", test::credentialsJson(email, password.toStdString()));
    if (reply.status != 200) {
        return {};
    }
    return reply.json()->getValue<std::string>("access_token");
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT

private slots:
    void testHelpListsEveryOption();
    void testFirstStartPrintsCredentials();
    void testRestartKeepsSecretsAndAccounts();
    void testCreateSuperAdminCommand();
    void testInvalidSettingsRejected_data();
    void testInvalidSettingsRejected();
};

void TestServerProcess::testHelpListsEveryOption()
{
    int exitCode = 0;
    const QString help = QString::fromUtf8(runToEnd({"--help"}, &exitCode));
    QCOMPARE(exitCode, 0);
    for (const ConfigOption& option : configOptions()) {
        const QString key = QString::fromUtf8(option.key.data(), static_cast<int>(option.key.size()));
        QVERIFY2(help.contains(key), qPrintable(key));
        QVERIFY2(help.contains(QString::fromStdString(environmentVariableFor(option.key))), qPrintable(key));
        QVERIFY2(help.contains("unit: " + QString::fromUtf8(option.unit.data(), static_cast<int>(option.unit.size()))),
                 qPrintable(key));
    }
    QVERIFY(help.contains("create-super-admin"));
}

void TestServerProcess::testFirstStartPrintsCredentials()
{
    QTemporaryDir data;
    ServerProcess server;
    QVERIFY2(server.start(data.path()), server.output.constData());
    QVERIFY2(!server.password.isEmpty(), "the first start prints the generated super admin password");
    const std::string certificate = data.filePath("server-certificate.pem").toStdString();
    QCOMPARE(server.fingerprint.toStdString(), certificateFingerprint(certificate));

    test::HttpsClient client(server.port, certificate);
    const test::HttpReply login =
        client.postJson("/api/v1/auth/login", test::credentialsJson("admin@ileadx.local", server.password.toStdString()));
    QCOMPARE(login.status, 200);
    const std::string accessToken = login.json()->getValue<std::string>("access_token");
    const std::string refreshToken = login.json()->getValue<std::string>("refresh_token");
    QCOMPARE(client.get("/api/v1/me", accessToken).status, 200);

    QCOMPARE(server.terminate(), 0);

    // The log is on standard error; none of the secrets may appear in it, nor the client's address.
    const QByteArray log = server.process.readAllStandardError();
    server.standardError += log;
    QVERIFY2(log.contains("request_id="), log.constData());
    QVERIFY(!log.contains(server.password.toUtf8()));
    QVERIFY(!log.contains(QByteArray::fromStdString(accessToken)));
    QVERIFY(!log.contains(QByteArray::fromStdString(refreshToken)));
    QVERIFY2(!log.contains("127.0.0.1"), log.constData());
    QVERIFY(log.contains("127.0.0.***"));
}

void TestServerProcess::testRestartKeepsSecretsAndAccounts()
{
    QTemporaryDir data;
    const std::string certificate = data.filePath("server-certificate.pem").toStdString();
    QString password;
    std::string accessToken;
    QString fingerprint;
    {
        ServerProcess first;
        QVERIFY(first.start(data.path()));
        password = first.password;
        fingerprint = first.fingerprint;
        accessToken = signIn(first.port, certificate, "admin@ileadx.local", password);
        QVERIFY(!accessToken.empty());
        QCOMPARE(first.terminate(), 0);
    }

    ServerProcess second;
    QVERIFY(second.start(data.path()));
    QVERIFY2(second.password.isEmpty(), "a restart must not create another super admin");
    QCOMPARE(second.fingerprint, fingerprint);
    test::HttpsClient client(second.port, certificate);
    QCOMPARE(client.get("/api/v1/me", accessToken).status, 200);
    QVERIFY(!signIn(second.port, certificate, "admin@ileadx.local", password).empty());
    QCOMPARE(second.terminate(), 0);

    QFile key(data.filePath("jwt-signing.key"));
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QFile privateKey(data.filePath("server-key.pem"));
    QCOMPARE(privateKey.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

void TestServerProcess::testCreateSuperAdminCommand()
{
    QTemporaryDir data;
    int exitCode = 0;
    const QString created = QString::fromUtf8(
        runToEnd({"create-super-admin", "--email=owner@example.com", "--data-dir=" + data.path()}, &exitCode));
    QCOMPARE(exitCode, 0);
    const QString password = QRegularExpression("Password \\(shown once\\): (\\S+)").match(created).captured(1);
    QVERIFY2(!password.isEmpty(), qPrintable(created));

    const QString again = QString::fromUtf8(
        runToEnd({"create-super-admin", "--email=OWNER@example.com", "--data-dir=" + data.path()}, &exitCode));
    QVERIFY(exitCode != 0);
    QVERIFY2(again.contains("exists"), qPrintable(again));

    runToEnd({"create-super-admin", "--data-dir=" + data.path()}, &exitCode);
    QVERIFY(exitCode != 0);

    // The database already has an account, so the server starts without a generated one.
    ServerProcess server;
    QVERIFY(server.start(data.path()));
    QVERIFY(server.password.isEmpty());
    QVERIFY(!signIn(server.port, data.filePath("server-certificate.pem").toStdString(), "owner@example.com", password)
                 .empty());
    QCOMPARE(server.terminate(), 0);
}

void TestServerProcess::testInvalidSettingsRejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("port out of range") << QStringList{"--port=70000"} << "port";
    QTest::newRow("tls 1.1 refused") << QStringList{"--set=tls.minimumVersion=1.1", "--port=0"} << "tls.minimumVersion";
    QTest::newRow("argon2 memory below 64 MiB") << QStringList{"--set=auth.hashMemoryMiB=16"} << "auth.hashMemoryMiB";
    QTest::newRow("unknown database scheme") << QStringList{"--database-url=mysql://x", "--port=0"} << "database URL";
    QTest::newRow("unknown command") << QStringList{"drop-everything"} << "unknown command";
}

void TestServerProcess::testInvalidSettingsRejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    QTemporaryDir data;
    int exitCode = 0;
    const QString output = QString::fromUtf8(runToEnd(arguments << "--data-dir=" + data.path(), &exitCode));
    QVERIFY2(exitCode != 0, qPrintable(output));
    QVERIFY2(output.contains(message), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "TestServerProcess.moc"
