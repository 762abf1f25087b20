#include <QDir>
#include <QRegularExpression>
#include <QtTest>

/// Reads the server logs that the other suites wrote to ILEADX_TEST_LOG_DIR and the secrets they
/// recorded next to them (passwords, access and refresh tokens, sign-in challenges), and fails on
/// any secret or unmasked IP address in a log line.
class TestLogScan final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void testLogsWereWritten();
    void testNoSecretInLogs();
    void testNoUnmaskedAddressInLogs();

private:
    QList<QPair<QString, QByteArray>> m_logs; // file name and content
    QSet<QByteArray> m_secrets;
};

void TestLogScan::initTestCase()
{
    const QString folder = qEnvironmentVariable("ILEADX_TEST_LOG_DIR");
    QVERIFY2(!folder.isEmpty(), "ILEADX_TEST_LOG_DIR is not set; run this through ctest");
    const QDir directory(folder);
    for (const QString& name : directory.entryList({"*.log"}, QDir::Files)) {
        QFile file(directory.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_logs.append({name, file.readAll()});
    }
    for (const QString& name : directory.entryList({"*.secrets"}, QDir::Files)) {
        QFile file(directory.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.size() >= 8) {
                m_secrets.insert(line);
            }
        }
    }
}

void TestLogScan::testLogsWereWritten()
{
    // A scan of nothing would pass whatever the server logs, so the run must have left material.
    int lines = 0;
    for (const auto& log : m_logs) {
        lines += log.second.count('\n');
    }
    QVERIFY2(lines >= 100, qPrintable(QStringLiteral("only %1 log lines to scan").arg(lines)));
    QVERIFY2(m_secrets.size() >= 20, qPrintable(QStringLiteral("only %1 secrets recorded").arg(m_secrets.size())));
}

void TestLogScan::testNoSecretInLogs()
{
    for (const auto& log : m_logs) {
        for (const QByteArray& secret : std::as_const(m_secrets)) {
            QVERIFY2(!log.second.contains(secret),
                     qPrintable(QStringLiteral("%1 contains a secret that starts with %2")
                                    .arg(log.first, QString::fromLatin1(secret.left(4)))));
        }
        // A JWT always starts with a base64url-encoded JSON header: '{"' becomes "eyJ".
        QVERIFY2(!QRegularExpression(R"(eyJ[A-Za-z0-9_-]{10,}\.eyJ)").match(QString::fromUtf8(log.second)).hasMatch(),
                 qPrintable(log.first + " contains a JWT"));
    }
}

void TestLogScan::testNoUnmaskedAddressInLogs()
{
    // A masked IPv4 address ends in ".***"; four numeric octets mean an unmasked one.
    const QRegularExpression ipv4(R"((?<![\d.])(\d{1,3}\.){3}\d{1,3}(?![\d.]|\.\*))");
    const QRegularExpression ipv6(R"((?<![\w:])([0-9a-fA-F]{1,4}:){4,7}[0-9a-fA-F]{1,4}(?![\w:]))");
    for (const auto& log : m_logs) {
        const QString text = QString::fromUtf8(log.second);
        const QRegularExpressionMatch v4 = ipv4.match(text);
        QVERIFY2(!v4.hasMatch(), qPrintable(log.first + " contains the unmasked address " + v4.captured(0)));
        const QRegularExpressionMatch v6 = ipv6.match(text);
        QVERIFY2(!v6.hasMatch(), qPrintable(log.first + " contains the unmasked address " + v6.captured(0)));
    }
}

QTEST_GUILESS_MAIN(TestLogScan)
#include "TestLogScan.moc"
