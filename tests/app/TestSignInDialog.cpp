#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "net/ApiClient.h"
#include "net/ProblemMessages.h"
#include "signin/SignInDialog.h"
#include "storage/LocalCache.h"

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void testNormalizeServerUrl_data();
    void testNormalizeServerUrl();
    void testFormValidation_data();
    void testFormValidation();
    void testRefusedConnectionExplained();

private:
    void fillForm(const QString& server, const QString& email, const QString& password);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SignInDialog> m_dialog;
};

void TestSignInDialog::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<LocalCache>(m_folder->path());
    QVERIFY(m_cache->open());
    m_client = std::make_unique<ApiClient>();
    m_dialog = std::make_unique<SignInDialog>(m_client.get(), m_cache.get());
    m_dialog->show();
}

void TestSignInDialog::cleanup()
{
    m_dialog.reset();
    m_client.reset();
    m_cache.reset();
    m_folder.reset();
}

void TestSignInDialog::testNormalizeServerUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("https url kept") << QStringLiteral("https://leads.example.com:8443")
                                    << QStringLiteral("https://leads.example.com:8443");
    QTest::newRow("missing scheme gets https") << QStringLiteral("leads.example.com:8443")
                                               << QStringLiteral("https://leads.example.com:8443");
    QTest::newRow("trailing slash dropped") << QStringLiteral(" https://127.0.0.1:8443/ ")
                                            << QStringLiteral("https://127.0.0.1:8443");
    QTest::newRow("path prefix kept") << QStringLiteral("https://example.com/ileadx/")
                                      << QStringLiteral("https://example.com/ileadx");
    QTest::newRow("ipv6 address kept") << QStringLiteral("https://[::1]:8443") << QStringLiteral("https://[::1]:8443");
    QTest::newRow("plain http rejected") << QStringLiteral("http://leads.example.com") << QString();
    QTest::newRow("other scheme rejected") << QStringLiteral("ftp://leads.example.com") << QString();
    QTest::newRow("credentials in url rejected") << QStringLiteral("https://admin:secret@leads.example.com")
                                                 << QString();
    QTest::newRow("query rejected") << QStringLiteral("https://leads.example.com/?x=1") << QString();
    QTest::newRow("empty text rejected") << QStringLiteral("   ") << QString();
}

void TestSignInDialog::testNormalizeServerUrl()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const QUrl url = SignInDialog::normalizeServerUrl(text);

    if (expected.isEmpty()) {
        QVERIFY2(!url.isValid(), qPrintable(url.toString()));
    } else {
        QCOMPARE(url.toString(), expected);
    }
}

void TestSignInDialog::testFormValidation_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expectedPart");

    QTest::newRow("missing server asks for address")
        << QString() << QStringLiteral("a@example.com") << QStringLiteral("secret-secret") << QStringLiteral("server address");
    QTest::newRow("http server asks for https")
        << QStringLiteral("http://127.0.0.1:8443") << QStringLiteral("a@example.com") << QStringLiteral("secret-secret")
        << QStringLiteral("https://");
    QTest::newRow("missing email asks for email")
        << QStringLiteral("https://127.0.0.1:8443") << QString() << QStringLiteral("secret-secret")
        << QStringLiteral("email address");
    QTest::newRow("missing password asks for password")
        << QStringLiteral("https://127.0.0.1:8443") << QStringLiteral("a@example.com") << QString()
        << QStringLiteral("password");
}

void TestSignInDialog::testFormValidation()
{
    QFETCH(QString, server);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, expectedPart);
    QSignalSpy failed(m_client.get(), &ApiClient::signInFailed);

    fillForm(server, email, password);
    m_dialog->signIn();

    QVERIFY2(m_dialog->statusMessage().contains(expectedPart), qPrintable(m_dialog->statusMessage()));
    QVERIFY2(!m_dialog->isBusy(), "an invalid form sends no request");
    QTest::qWait(20);
    QCOMPARE(failed.size(), 0);
}

void TestSignInDialog::testRefusedConnectionExplained()
{
    // A port that was free a moment ago is the closest thing to a server that is not running.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QSignalSpy failed(m_client.get(), &ApiClient::signInFailed);

    fillForm(QStringLiteral("https://127.0.0.1:%1").arg(port), QStringLiteral("a@example.com"),
             QStringLiteral("Tangerine-Lantern-4821-x"));
    m_dialog->signIn();
    QVERIFY(m_dialog->isBusy());
    QVERIFY(!m_dialog->findChild<QPushButton*>(QStringLiteral("signInButton"))->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(!m_dialog->isBusy());
    QVERIFY(m_dialog->findChild<QPushButton*>(QStringLiteral("signInButton"))->isEnabled());
    QCOMPARE(m_dialog->statusMessage(), ProblemMessages::messageForNetworkError(QNetworkReply::ConnectionRefusedError));
}

void TestSignInDialog::fillForm(const QString& server, const QString& email, const QString& password)
{
    m_dialog->findChild<QComboBox*>(QStringLiteral("serverCombo"))->setEditText(server);
    m_dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit"))->setText(email);
    m_dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(password);
}

QTEST_MAIN(TestSignInDialog)
#include "TestSignInDialog.moc"
