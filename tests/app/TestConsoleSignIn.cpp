#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include "ServerProcess.h"
#include "main/ConsoleController.h"
#include "main/MainWindow.h"
#include "net/ApiClient.h"
#include "net/CertificateFingerprint.h"
#include "net/ProblemMessages.h"
#include "shared/ProblemTypes.h"
#include "signin/SignInDialog.h"
#include "storage/LocalCache.h"
#include "users/UsersModel.h"

namespace {

constexpr int kCustomerCount = 25;
constexpr int kPageSize = 20;
constexpr int kNetworkTimeoutMs = 30000;
constexpr int kRefreshReuseGraceMs = 10000;
const QString kCustomerPassword = QStringLiteral("Tangerine-Lantern-4821-x");

QString customerEmail(int number)
{
    return QStringLiteral("customer%1@example.com").arg(number, 2, 10, QLatin1Char('0'));
}

} // namespace

/// Drives the real sign-in dialog, API client and users table against a real ileadx-server process
/// on the offscreen platform.
class TestConsoleSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void testFirstContactAsksToTrust();
    void testUsersTableFills();
    void testFetchMoreLoadsSecondPage();
    void testSignOutReturnsToSignIn();
    void testWrongPasswordRejected();
    void testStoredPinSkipsQuestion();
    void testRejectedAccessTokenRefreshed();
    void testWrongStoredPinRejected();
    void testReplacedCertificateRejected();

private:
    /// Registers customer accounts through POST /api/v1/auth/register, trusting only the certificate
    /// whose fingerprint the server printed.
    bool registerCustomers(int count, QString* failure);

    /// Stops the server, deletes its token signing key and starts it again on the same port.
    bool restartServerWithNewSigningKey(QString* failure);

    void startConsole();
    void fillSignInForm(const QString& email, const QString& password);

    std::unique_ptr<QTemporaryDir> m_serverData;
    std::unique_ptr<QTemporaryDir> m_secondServerData;
    std::unique_ptr<QTemporaryDir> m_consoleData;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ConsoleController> m_controller;
    QString m_adminEmail;
    QString m_adminPassword;
};

void TestConsoleSignIn::initTestCase()
{
    const QString binary = qEnvironmentVariable("ILEADX_SERVER_BINARY");
    if (binary.isEmpty()) {
        QSKIP("ILEADX_SERVER_BINARY is not set, so there is no server to test against (console-only build). "
              "Set it to the path of ileadx-server to run this test.");
    }

    m_serverData = std::make_unique<QTemporaryDir>();
    m_secondServerData = std::make_unique<QTemporaryDir>();
    m_consoleData = std::make_unique<QTemporaryDir>();
    QVERIFY(m_serverData->isValid());
    QVERIFY(m_secondServerData->isValid());
    QVERIFY(m_consoleData->isValid());
    qputenv("ILEADX_CONSOLE_DATA_DIR", m_consoleData->path().toUtf8());

    m_server = std::make_unique<ServerProcess>(binary);
    QVERIFY2(m_server->start(m_serverData->path()), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() > 0);
    QCOMPARE(m_server->fingerprint().size(), CertificateFingerprint::kSize);

    if (m_server->superAdminPassword().isEmpty()) {
        QVERIFY2(m_server->createSuperAdmin(m_serverData->path(), QStringLiteral("owner@example.com")),
                 qPrintable(m_server->errorString()));
    }
    m_adminEmail = m_server->superAdminEmail();
    m_adminPassword = m_server->superAdminPassword();
    QVERIFY2(!m_adminEmail.isEmpty(), qPrintable(QStringLiteral("no super admin email in the output:\n") + m_server->output()));
    QVERIFY(!m_adminPassword.isEmpty());

    QString failure;
    QVERIFY2(registerCustomers(kCustomerCount, &failure), qPrintable(failure));

    startConsole();
}

void TestConsoleSignIn::cleanupTestCase()
{
    m_controller.reset();
    m_cache.reset();
    if (m_server) {
        m_server->stop();
    }
    m_server.reset();
    m_serverData.reset();
    m_secondServerData.reset();
    m_consoleData.reset();
}

void TestConsoleSignIn::testFirstContactAsksToTrust()
{
    SignInDialog* dialog = m_controller->signInDialog();
    QVERIFY(dialog->isVisible());
    QSignalSpy question(dialog, &SignInDialog::fingerprintConfirmationRequested);
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);

    fillSignInForm(m_adminEmail, m_adminPassword);
    dialog->signIn();
    QVERIFY2(dialog->isBusy(), "the sign-in button is disabled while the request runs");
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("signInButton"))->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(question.size(), 1, kNetworkTimeoutMs);
    const QString serverKey = question.at(0).at(0).toString();
    const QString fingerprint = question.at(0).at(1).toString();
    QCOMPARE(serverKey, QStringLiteral("127.0.0.1:%1").arg(m_server->port()));
    QCOMPARE(fingerprint, CertificateFingerprint::toColonHex(m_server->fingerprint()));
    QCOMPARE(signedIn.size(), 0);
    QVERIFY(m_cache->pinnedFingerprint(serverKey).isEmpty());

    dialog->answerFingerprintConfirmation(true);

    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(m_cache->pinnedFingerprint(serverKey), m_server->fingerprint());
    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
    QVERIFY(!dialog->isVisible());

    // A window too short for one page keeps the view from requesting the second page by itself, so
    // the next tests see exactly one page first.
    m_controller->mainWindow()->resize(900, 240);
}

void TestConsoleSignIn::testUsersTableFills()
{
    MainWindow* window = m_controller->mainWindow();
    QVERIFY(window);
    QVERIFY(window->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(window->usersModel()->rowCount() >= kPageSize, kNetworkTimeoutMs);
    QVERIFY2(window->statusMessage().isEmpty(), qPrintable(window->statusMessage()));

    bool accountShown = false;
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        if (label->text().contains(m_adminEmail) && label->text().contains(QString::number(m_server->port()))) {
            accountShown = true;
        }
    }
    QVERIFY2(accountShown, "the status bar names the signed-in account and the server");

    // Users are listed newest first, so the first row is the last registered customer.
    UsersModel* model = window->usersModel();
    const UserAccount* first = model->rowAt(model->index(0, 0));
    QVERIFY(first);
    QCOMPARE(first->email, customerEmail(kCustomerCount));
    QCOMPARE(model->data(model->index(0, UsersModel::Role)).toString(), QStringLiteral("Customer"));
    QCOMPARE(model->data(model->index(0, UsersModel::LastSignIn)).toString(), QStringLiteral("never"));
}

void TestConsoleSignIn::testFetchMoreLoadsSecondPage()
{
    UsersModel* model = m_controller->mainWindow()->usersModel();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kNetworkTimeoutMs);
    QSignalSpy requested(model, &UsersModel::pageRequested);

    QCOMPARE(model->rowCount(), kPageSize);
    QVERIFY(model->hasMorePages());
    QVERIFY(model->canFetchMore({}));
    model->fetchMore({});
    QCOMPARE(requested.size(), 1);
    QVERIFY2(!requested.at(0).at(0).toString().isEmpty(), "the second page is requested by cursor");
    QCOMPARE(requested.at(0).at(1).toInt(), kPageSize);

    const int expectedRows = kCustomerCount + 1;
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), expectedRows, kNetworkTimeoutMs);
    QVERIFY(!model->hasMorePages());
    QVERIFY(!model->canFetchMore({}));

    QSet<QString> emails;
    for (int row = 0; row < model->rowCount(); ++row) {
        emails.insert(model->rowAt(model->index(row, 0))->email);
    }
    QCOMPARE(emails.size(), expectedRows);
    QVERIFY(emails.contains(m_adminEmail));
    QVERIFY(emails.contains(customerEmail(1)));
}

void TestConsoleSignIn::testSignOutReturnsToSignIn()
{
    MainWindow* window = m_controller->mainWindow();
    QVERIFY(window);
    QSignalSpy signedOut(m_controller->apiClient(), &ApiClient::signedOut);

    window->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();

    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, kNetworkTimeoutMs);
    QVERIFY(!m_controller->apiClient()->isSignedIn());
    QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    QVERIFY(m_controller->signInDialog()->isVisible());
    QCOMPARE(m_controller->signInDialog()->statusMessage(), QStringLiteral("You have signed out."));
}

void TestConsoleSignIn::testWrongPasswordRejected()
{
    SignInDialog* dialog = m_controller->signInDialog();
    QSignalSpy failed(m_controller->apiClient(), &ApiClient::signInFailed);
    QSignalSpy question(dialog, &SignInDialog::fingerprintConfirmationRequested);

    fillSignInForm(m_adminEmail, QStringLiteral("Not-The-Right-Password-99"));
    dialog->signIn();

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kNetworkTimeoutMs);
    const ApiError error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.httpStatus, 401);
    QCOMPARE(error.problemType, QString::fromLatin1(ileadx::problem::kInvalidCredentials.data()));
    QCOMPARE(dialog->statusMessage(),
             ProblemMessages::messageForProblemType(QString::fromLatin1(ileadx::problem::kInvalidCredentials.data())));
    QVERIFY(!dialog->isBusy());
    QCOMPARE(question.size(), 0);
    QVERIFY(m_controller->mainWindow() == nullptr);
}

void TestConsoleSignIn::testStoredPinSkipsQuestion()
{
    // A console started again reads the pin from its cache and does not ask a second time.
    m_controller.reset();
    m_cache.reset();
    startConsole();
    SignInDialog* dialog = m_controller->signInDialog();
    QSignalSpy question(dialog, &SignInDialog::fingerprintConfirmationRequested);
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);

    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("serverCombo"))->currentText(), m_server->url().toString());
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit"))->text(), m_adminEmail);
    dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(m_adminPassword);
    dialog->signIn();

    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(question.size(), 0);
    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
}

void TestConsoleSignIn::testRejectedAccessTokenRefreshed()
{
    MainWindow* window = m_controller->mainWindow();
    QVERIFY(window);
    UsersModel* model = window->usersModel();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, kNetworkTimeoutMs);
    QSignalSpy refreshed(m_controller->apiClient(), &ApiClient::sessionRefreshed);
    QSignalSpy expired(m_controller->apiClient(), &ApiClient::sessionExpired);

    // A new signing key makes the server reject every access token it issued before, while the
    // sessions and refresh tokens in its database stay valid. The second round only succeeds when
    // the client stored the refresh token of the first round, because refresh tokens are single-use.
    // The server returns the same successor for a repeated token within 10 seconds of its first use,
    // so the second round waits longer than that to make a reused token revoke the session.
    for (int round = 1; round <= 2; ++round) {
        if (round == 2) {
            QTest::qWait(kRefreshReuseGraceMs + 1000);
        }
        QString failure;
        QVERIFY2(restartServerWithNewSigningKey(&failure), qPrintable(failure));

        window->reloadUsers();

        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), round, kNetworkTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kNetworkTimeoutMs);
        QVERIFY2(window->statusMessage().isEmpty(), qPrintable(window->statusMessage()));
        QVERIFY(model->rowCount() >= kPageSize);
    }
    QCOMPARE(expired.size(), 0);
    QVERIFY(m_controller->apiClient()->isSignedIn());

    QSignalSpy signedOut(m_controller->apiClient(), &ApiClient::signedOut);
    window->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, kNetworkTimeoutMs);
}

void TestConsoleSignIn::testWrongStoredPinRejected()
{
    const QString serverKey = ApiClient::serverKeyFor(m_server->url());
    QByteArray wrongPin = m_server->fingerprint();
    wrongPin[0] = static_cast<char>(wrongPin.at(0) ^ 0xff);
    QVERIFY(m_cache->pinFingerprint(serverKey, wrongPin));

    SignInDialog* dialog = m_controller->signInDialog();
    QSignalSpy changed(m_controller->apiClient(), &ApiClient::certificateChanged);
    QSignalSpy question(dialog, &SignInDialog::fingerprintConfirmationRequested);
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);

    fillSignInForm(m_adminEmail, m_adminPassword);
    dialog->signIn();

    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(changed.at(0).at(1).toByteArray(), wrongPin);
    QCOMPARE(changed.at(0).at(2).toByteArray(), m_server->fingerprint());
    QVERIFY2(dialog->statusMessage().contains(QStringLiteral("intercepting")), qPrintable(dialog->statusMessage()));
    QVERIFY(dialog->statusMessage().contains(CertificateFingerprint::toColonHex(m_server->fingerprint().left(16))));
    QCOMPARE(question.size(), 0);
    QCOMPARE(signedIn.size(), 0);
    QVERIFY2(m_cache->pinnedFingerprint(serverKey) == wrongPin, "a changed certificate never replaces the pin");

    // Put the right pin back for the next test.
    QVERIFY(m_cache->pinFingerprint(serverKey, m_server->fingerprint()));
}

void TestConsoleSignIn::testReplacedCertificateRejected()
{
    // A second server with its own data folder creates another self-signed certificate. Started on the
    // same port, it looks to the console like the first server with a new certificate.
    const int port = m_server->port();
    const QByteArray firstFingerprint = m_server->fingerprint();
    m_server->stop();

    auto impostor = std::make_unique<ServerProcess>(qEnvironmentVariable("ILEADX_SERVER_BINARY"));
    bool started = false;
    for (int attempt = 0; attempt < 10 && !started; ++attempt) {
        started = impostor->start(m_secondServerData->path(), port);
        if (!started) {
            QTest::qWait(500);
        }
    }
    QVERIFY2(started, qPrintable(impostor->errorString()));
    QCOMPARE(impostor->port(), port);
    QVERIFY(impostor->fingerprint() != firstFingerprint);

    SignInDialog* dialog = m_controller->signInDialog();
    QSignalSpy changed(m_controller->apiClient(), &ApiClient::certificateChanged);
    QSignalSpy question(dialog, &SignInDialog::fingerprintConfirmationRequested);
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);

    fillSignInForm(m_adminEmail, m_adminPassword);
    dialog->signIn();

    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(changed.at(0).at(2).toByteArray(), impostor->fingerprint());
    QVERIFY2(dialog->statusMessage().contains(QStringLiteral("Warning")), qPrintable(dialog->statusMessage()));
    QCOMPARE(question.size(), 0);
    QCOMPARE(signedIn.size(), 0);
    QCOMPARE(m_cache->pinnedFingerprint(ApiClient::serverKeyFor(m_server->url())), firstFingerprint);

    impostor->stop();
}

bool TestConsoleSignIn::registerCustomers(int count, QString* failure)
{
    QNetworkAccessManager network;
    const QByteArray trusted = m_server->fingerprint();
    connect(&network, &QNetworkAccessManager::sslErrors, this, [trusted](QNetworkReply* reply, const QList<QSslError>& errors) {
        if (CertificateFingerprint::sha256(reply->sslConfiguration().peerCertificate()) == trusted) {
            reply->ignoreSslErrors(errors);
        }
    });

    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/api/v1/auth/register"));

    for (int number = 1; number <= count; ++number) {
        const QJsonObject body{{QStringLiteral("email"), customerEmail(number)}, {QStringLiteral("password"), kCustomerPassword}};

        // Registration is rate-limited per client address, so a 429 waits for Retry-After and tries again.
        for (int attempt = 0;; ++attempt) {
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setTransferTimeout(kNetworkTimeoutMs);
            QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();

            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 202) {
                break;
            }
            if (status == 429 && attempt < 5) {
                const int retryAfter = qBound(1, reply->rawHeader("Retry-After").toInt(), 30);
                QTest::qWait(retryAfter * 1000);
                continue;
            }
            *failure = QStringLiteral("registering %1 failed with status %2: %3 %4")
                           .arg(customerEmail(number))
                           .arg(status)
                           .arg(reply->errorString(), QString::fromUtf8(reply->readAll()));
            return false;
        }

        // Users are listed newest first, and created_at has milliseconds, so a small gap keeps the order
        // of the registrations.
        QTest::qWait(2);
    }
    return true;
}

bool TestConsoleSignIn::restartServerWithNewSigningKey(QString* failure)
{
    const int port = m_server->port();
    m_server->stop();

    const QString keyFile = QDir(m_serverData->path()).filePath(QStringLiteral("jwt-signing.key"));
    if (!QFile::remove(keyFile)) {
        *failure = QStringLiteral("could not delete %1").arg(keyFile);
        return false;
    }

    // The port was just released, so the new process may need a moment before it can bind it.
    for (int attempt = 0; attempt < 10; ++attempt) {
        if (m_server->start(m_serverData->path(), port)) {
            return true;
        }
        QTest::qWait(500);
    }
    *failure = m_server->errorString();
    return false;
}

void TestConsoleSignIn::startConsole()
{
    m_cache = std::make_unique<LocalCache>(LocalCache::defaultDirectory());
    QVERIFY2(m_cache->open(), qPrintable(m_cache->errorString()));
    m_controller = std::make_unique<ConsoleController>(m_cache.get(), kPageSize);
    m_controller->start();
}

void TestConsoleSignIn::fillSignInForm(const QString& email, const QString& password)
{
    SignInDialog* dialog = m_controller->signInDialog();
    dialog->findChild<QComboBox*>(QStringLiteral("serverCombo"))->setEditText(m_server->url().toString());
    dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit"))->setText(email);
    dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(password);
}

QTEST_MAIN(TestConsoleSignIn)
#include "TestConsoleSignIn.moc"
