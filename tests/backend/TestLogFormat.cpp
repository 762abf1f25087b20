#include "support/HttpsClient.h"

#include "logging/JsonLogFormatter.h"
#include "logging/LogEvent.h"

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace ileadx;

namespace {

/// A channel that keeps every message it receives, so a test can format them itself.
class CapturingChannel final : public Poco::Channel
{
public:
    void log(const Poco::Message& message) override { messages.push_back(message); }

    std::vector<Poco::Message> messages;
};

QJsonObject parseLine(const std::string& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return {};
    }
    return document.object();
}

std::string formatJson(const Poco::Message& message)
{
    JsonLogFormatter formatter;
    std::string text;
    formatter.format(message, text);
    return text;
}

} // namespace

class TestLogFormat final : public QObject
{
    Q_OBJECT

private slots:
    void testPlainMessageAsJson_data();
    void testPlainMessageAsJson();
    void testEventFieldsKeepTypes();
    void testEventPlainText();
    void testServerWritesJsonLines();
};

void TestLogFormat::testPlainMessageAsJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain words") << QByteArray("server started") << QString("server started");
    QTest::newRow("quotes and backslashes") << QByteArray(R"(path "C:\data")") << QString(R"(path "C:\data")");
    QTest::newRow("backslash before slash") << QByteArray(R"(a\/b\\/c)") << QString(R"(a\/b\\/c)");
    QTest::newRow("newline stays on one line") << QByteArray("first\nsecond") << QString("first\nsecond");
    QTest::newRow("control character") << QByteArray("bell\x07") << QString("bell\x07");
    QTest::newRow("non-ascii text") << QByteArray("caf\xc3\xa9 \xe2\x82\xac") << QString::fromUtf8("caf\xc3\xa9 \xe2\x82\xac");
}

void TestLogFormat::testPlainMessageAsJson()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);

    Poco::Message message("ileadx.test", text.toStdString(), Poco::Message::PRIO_WARNING);
    const std::string line = formatJson(message);
    QCOMPARE(line.find('\n'), std::string::npos);

    const QJsonObject object = parseLine(line);
    QVERIFY2(!object.isEmpty(), line.c_str());
    QCOMPARE(object.value("message").toString(), expected);
    QCOMPARE(object.value("level").toString(), QString("warning"));
    QCOMPARE(object.value("logger").toString(), QString("ileadx.test"));
    QVERIFY(object.value("fields").isObject());
    QVERIFY(object.value("fields").toObject().isEmpty());
    QVERIFY(QRegularExpression(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)")
                .match(object.value("time").toString())
                .hasMatch());
}

void TestLogFormat::testEventFieldsKeepTypes()
{
    Poco::AutoPtr<CapturingChannel> channel = new CapturingChannel;
    Poco::Logger& logger = Poco::Logger::create("ileadx.test.fields", channel, Poco::Message::PRIO_INFORMATION);
    LogEvent("request")
        .add("request_id", "abc-1")
        .add("status", 404LL)
        .add("duration_ms", 12.345, 2)
        .add("path", "/a \"quoted\" path")
        .addOptional("user", std::nullopt)
        .addOptional("account", std::optional<std::string>("u-1"))
        .log(logger, Poco::Message::PRIO_INFORMATION);
    // A disabled level produces nothing.
    LogEvent("hidden").add("n", 1LL).log(logger, Poco::Message::PRIO_DEBUG);
    QCOMPARE(channel->messages.size(), std::size_t(1));

    const std::string line = formatJson(channel->messages.front());
    // Slashes stay unescaped, so a text search for a path finds the line.
    QVERIFY2(line.find(R"("path":"/a \"quoted\" path")") != std::string::npos, line.c_str());
    const QJsonObject object = parseLine(line);
    QCOMPARE(object.value("message").toString(), QString("request"));
    QCOMPARE(object.value("level").toString(), QString("information"));
    const QJsonObject fields = object.value("fields").toObject();
    QCOMPARE(fields.value("request_id").toString(), QString("abc-1"));
    QVERIFY(fields.value("status").isDouble());
    QCOMPARE(fields.value("status").toInt(), 404);
    QCOMPARE(fields.value("duration_ms").toDouble(), 12.35);
    QCOMPARE(fields.value("path").toString(), QString("/a \"quoted\" path"));
    QVERIFY(fields.value("user").isNull());
    QCOMPARE(fields.value("account").toString(), QString("u-1"));
}

void TestLogFormat::testEventPlainText()
{
    Poco::AutoPtr<CapturingChannel> channel = new CapturingChannel;
    Poco::Logger& logger = Poco::Logger::create("ileadx.test.plain", channel, Poco::Message::PRIO_INFORMATION);
    LogEvent("request")
        .add("request_id", "abc-1")
        .add("status", 200LL)
        .addOptional("user", std::nullopt)
        .add("ratio", std::numeric_limits<double>::quiet_NaN(), 2)
        .log(logger, Poco::Message::PRIO_INFORMATION);
    QCOMPARE(channel->messages.size(), std::size_t(1));
    QCOMPARE(channel->messages.front().getText(), std::string("request request_id=abc-1 status=200 user=- ratio=-"));

    // JSON has no NaN, so the formatter writes null.
    const QJsonObject fields = parseLine(formatJson(channel->messages.front())).value("fields").toObject();
    QVERIFY(fields.value("ratio").isNull());
}

void TestLogFormat::testServerWritesJsonLines()
{
    QTemporaryDir data;
    QProcess server;
    server.start(ILEADX_SERVER_BINARY, {"--data-dir=" + data.path(), "--port=0", "--set=log.format=json"});
    QByteArray output;
    int port = 0;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && server.state() != QProcess::NotRunning && port == 0) {
        server.waitForReadyRead(200);
        output += server.readAllStandardOutput();
        port = QRegularExpression("listening on https://127\\.0\\.0\\.1:(\\d+)").match(QString::fromUtf8(output)).captured(1).toInt();
    }
    QVERIFY2(port != 0, output.constData());

    const std::string certificate = data.filePath("server-certificate.pem").toStdString();
    {
        test::HttpsClient client(port, certificate);
        QCOMPARE(client.get("/healthz").status, 200);
        QCOMPARE(client.get("/api/v1/me").status, 401);
    }
    ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(20000));
    QCOMPARE(server.exitCode(), 0);

    const QList<QByteArray> lines = server.readAllStandardError().split('\n');
    int requestLines = 0;
    bool sawUnauthorized = false;
    for (const QByteArray& line : lines) {
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject object = parseLine(line.toStdString());
        QVERIFY2(!object.isEmpty(), line.constData());
        for (const char* key : {"time", "level", "logger", "message"}) {
            QVERIFY2(object.value(key).isString(), line.constData());
        }
        QVERIFY2(object.value("fields").isObject(), line.constData());
        QVERIFY2(!line.contains("127.0.0.1"), line.constData());

        const QJsonObject fields = object.value("fields").toObject();
        if (object.value("logger").toString() != QLatin1String("ileadx.http") ||
            object.value("message").toString() != QLatin1String("request")) {
            continue;
        }
        ++requestLines;
        QCOMPARE(fields.value("request_id").toString().size(), 32);
        QVERIFY(fields.value("status").isDouble());
        QVERIFY(fields.value("duration_ms").isDouble());
        QCOMPARE(fields.value("client").toString(), QString("127.0.0.***"));
        if (fields.value("route").toString() == QLatin1String("/api/v1/me")) {
            QCOMPARE(fields.value("status").toInt(), 401);
            QVERIFY(fields.value("user").isNull());
            sawUnauthorized = true;
        }
    }
    // The health sampler's own /healthz requests are logged as well, so there may be more.
    QVERIFY(requestLines >= 2);
    QVERIFY(sawUnauthorized);
}

QTEST_GUILESS_MAIN(TestLogFormat)
#include "TestLogFormat.moc"
