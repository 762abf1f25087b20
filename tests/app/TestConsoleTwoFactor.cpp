#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

#include <qrencode.h>

#include "BlockingApiClient.h"
#include "ServerProcess.h"
#include "TotpCodes.h"
#include "main/ConsoleController.h"
#include "main/MainWindow.h"
#include "net/ApiClient.h"
#include "net/ProblemMessages.h"
#include "sessions/SessionsDialog.h"
#include "shared/ProblemTypes.h"
#include "signin/SignInDialog.h"
#include "storage/LocalCache.h"
#include "twofactor/QrCodeImage.h"
#include "twofactor/RecoveryCodesDialog.h"
#include "twofactor/TwoFactorEnrollmentDialog.h"

namespace {

constexpr int kNetworkTimeoutMs = 30000;
constexpr int kRecoveryCodeCount = 10;
// The server ends a challenge after this many wrong codes.
constexpr int kMaxWrongCodesPerChallenge = 5;

QString messageFor(std::string_view problemType)
{
    return ProblemMessages::messageForProblemType(QString::fromLatin1(problemType.data()));
}

} // namespace

/// Drives the console's two-factor sign-in, forced enrollment and "My sessions" against a real
/// ileadx-server that requires two-factor sign-in for admins, on the offscreen platform.
class TestConsoleTwoFactor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void testAdminWithoutTwoFactorGetsEnrollment();
    void testEnrollmentQrCodeMatchesUri();
    void testEnrollmentWrongCodeShowsMessage();
    void testEnrollmentShowsRecoveryCodesOnce();
    void testSessionsDialogSignsOutOtherDevice();
    void testSessionsDialogSignsOutAllOthers();
    void testSignInAsksForCode();
    void testSignInWrongCodeAllowsRetry();
    void testSignInWithRecoveryCode();
    void testUsedRecoveryCodeRejected();
    void testUsedUpChallengeReturnsToPassword();

private:
    void startSignIn();
    void submitCode(const QString& code, bool recoveryCode = false);
    void signOutFromMainWindow();

    /// Signs in through the API with the password and a recovery code, and returns the access token.
    QString openApiSession(const QString& recoveryCode);

    /// Returns the HTTP status of GET /api/v1/me with `accessToken`.
    int profileStatus(const QString& accessToken);

    SignInDialog* signInDialog() const { return m_controller->signInDialog(); }
    QLineEdit* codeEdit() const { return signInDialog()->findChild<QLineEdit*>(QStringLiteral("codeEdit")); }

    std::unique_ptr<QTemporaryDir> m_serverData;
    std::unique_ptr<QTemporaryDir> m_consoleData;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<BlockingApiClient> m_api;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<ConsoleController> m_controller;
    std::unique_ptr<TotpCodes> m_totp;
    QString m_adminEmail;
    QString m_adminPassword;
    QStringList m_recoveryCodes;
};

void TestConsoleTwoFactor::initTestCase()
{
    const QString binary = qEnvironmentVariable("ILEADX_SERVER_BINARY");
    if (binary.isEmpty()) {
        QSKIP("ILEADX_SERVER_BINARY is not set, so there is no server to test against (console-only build). "
              "Set it to the path of ileadx-server to run this test.");
    }

    m_serverData = std::make_unique<QTemporaryDir>();
    m_consoleData = std::make_unique<QTemporaryDir>();
    QVERIFY(m_serverData->isValid());
    QVERIFY(m_consoleData->isValid());
    qputenv("ILEADX_CONSOLE_DATA_DIR", m_consoleData->path().toUtf8());

    // Wrong codes count toward the sign-in delay of the address, which would slow the retries below.
    m_server = std::make_unique<ServerProcess>(binary);
    m_server->setSettings({QStringLiteral("auth.requireTwoFactorForAdmins=true"),
                           QStringLiteral("auth.signInFreeFailures=1000")});
    QVERIFY2(m_server->start(m_serverData->path()), qPrintable(m_server->errorString()));
    if (m_server->superAdminPassword().isEmpty()) {
        QVERIFY2(m_server->createSuperAdmin(m_serverData->path(), QStringLiteral("owner@example.com")),
                 qPrintable(m_server->errorString()));
    }
    m_adminEmail = m_server->superAdminEmail();
    m_adminPassword = m_server->superAdminPassword();
    QVERIFY(!m_adminEmail.isEmpty());
    QVERIFY(!m_adminPassword.isEmpty());
    m_api = std::make_unique<BlockingApiClient>(m_server->url(), m_server->fingerprint());

    // Trust on first use has its own test, so the certificate is pinned up front here.
    m_cache = std::make_unique<LocalCache>(LocalCache::defaultDirectory());
    QVERIFY2(m_cache->open(), qPrintable(m_cache->errorString()));
    QVERIFY(m_cache->pinFingerprint(ApiClient::serverKeyFor(m_server->url()), m_server->fingerprint()));
    m_controller = std::make_unique<ConsoleController>(m_cache.get());
    m_controller->start();
}

void TestConsoleTwoFactor::cleanupTestCase()
{
    m_controller.reset();
    m_cache.reset();
    if (m_server) {
        m_server->stop();
    }
    m_server.reset();
    m_serverData.reset();
    m_consoleData.reset();
}

void TestConsoleTwoFactor::testAdminWithoutTwoFactorGetsEnrollment()
{
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);
    startSignIn();

    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(m_controller->apiClient()->sessionScope(), ApiClient::SessionScope::TwoFactorEnrollment);
    QTRY_VERIFY(m_controller->enrollmentDialog() != nullptr);
    QVERIFY(m_controller->enrollmentDialog()->isVisible());
    QVERIFY2(m_controller->mainWindow() == nullptr, "an enrollment-only session opens no main window");
    QVERIFY(!signInDialog()->isVisible());
}

void TestConsoleTwoFactor::testEnrollmentQrCodeMatchesUri()
{
    TwoFactorEnrollmentDialog* dialog = m_controller->enrollmentDialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->otpauthUri().isEmpty(), kNetworkTimeoutMs);

    const QUrl uri(dialog->otpauthUri());
    QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
    QCOMPARE(uri.host(), QStringLiteral("totp"));
    const QString secret = QUrlQuery(uri).queryItemValue(QStringLiteral("secret"));
    QVERIFY2(secret.size() >= 32, qPrintable(dialog->otpauthUri()));
    m_totp = std::make_unique<TotpCodes>(secret);

    // The key is shown in groups of four and can be selected for copying.
    QCOMPARE(dialog->secretText(), TwoFactorEnrollmentDialog::groupInFours(secret));
    QCOMPARE(dialog->secretText().remove(QLatin1Char(' ')), secret);
    QVERIFY(dialog->secretText().contains(QLatin1Char(' ')));
    const QLabel* secretLabel = dialog->findChild<QLabel*>(QStringLiteral("secretLabel"));
    QVERIFY(secretLabel->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));

    const QImage image = dialog->qrImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), image.height());
    const QLabel* qrLabel = dialog->findChild<QLabel*>(QStringLiteral("qrCodeLabel"));
    QCOMPARE(qrLabel->pixmap().size(), image.size());

    // Encode the same URI again with libqrencode and compare every module with the centre pixel of
    // its square in the image.
    const QByteArray uriBytes = dialog->otpauthUri().toUtf8();
    QRcode* expected = QRcode_encodeString(uriBytes.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    QVERIFY(expected);
    const int modules = expected->width;
    const int quiet = QrCodeImage::kQuietZoneModules;
    QCOMPARE(image.width() % (modules + 2 * quiet), 0);
    const int scale = image.width() / (modules + 2 * quiet);
    QCOMPARE(scale, TwoFactorEnrollmentDialog::kPixelsPerModule);

    int mismatches = 0;
    for (int y = -quiet; y < modules + quiet; ++y) {
        for (int x = -quiet; x < modules + quiet; ++x) {
            const bool inside = x >= 0 && y >= 0 && x < modules && y < modules;
            const bool dark = inside && (expected->data[y * modules + x] & 0x01) != 0;
            const QRgb pixel = image.pixel((x + quiet) * scale + scale / 2, (y + quiet) * scale + scale / 2);
            if ((qGray(pixel) < 128) != dark) {
                ++mismatches;
            }
        }
    }
    QRcode_free(expected);
    QCOMPARE(mismatches, 0);

    // No smoothing: the image contains only black and white pixels.
    QSet<int> grays;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            grays.insert(qGray(image.pixel(x, y)));
        }
    }
    QCOMPARE(grays, (QSet<int>{0, 255}));
}

void TestConsoleTwoFactor::testEnrollmentWrongCodeShowsMessage()
{
    TwoFactorEnrollmentDialog* dialog = m_controller->enrollmentDialog();
    QVERIFY(dialog);
    QVERIFY(m_totp);
    auto* code = dialog->findChild<QLineEdit*>(QStringLiteral("codeEdit"));
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));

    QVERIFY2(!confirm->isEnabled(), "Confirm waits for six digits");
    QTest::keyClicks(code, QStringLiteral("12ab3"));
    QCOMPARE(code->text(), QStringLiteral("123"));
    QVERIFY(!confirm->isEnabled());

    code->clear();
    QTest::keyClicks(code, m_totp->wrongCode());
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(dialog->statusMessage(), messageFor(ileadx::problem::kInvalidTwoFactorCode),
                              kNetworkTimeoutMs);
    QVERIFY(dialog->isVisible());
    QVERIFY(m_controller->recoveryCodesDialog() == nullptr);
    QVERIFY(confirm->isEnabled());
}

void TestConsoleTwoFactor::testEnrollmentShowsRecoveryCodesOnce()
{
    TwoFactorEnrollmentDialog* enrollment = m_controller->enrollmentDialog();
    QVERIFY(enrollment);
    auto* code = enrollment->findChild<QLineEdit*>(QStringLiteral("codeEdit"));
    code->clear();
    QTest::keyClicks(code, m_totp->nextCode());
    QTest::mouseClick(enrollment->findChild<QPushButton*>(QStringLiteral("confirmButton")), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_controller->recoveryCodesDialog() != nullptr, kNetworkTimeoutMs);
    RecoveryCodesDialog* dialog = m_controller->recoveryCodesDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!enrollment->isVisible());
    QCOMPARE(m_controller->apiClient()->sessionScope(), ApiClient::SessionScope::Full);
    QVERIFY(m_controller->mainWindow() == nullptr);

    m_recoveryCodes = dialog->codes();
    QCOMPARE(m_recoveryCodes.size(), kRecoveryCodeCount);
    QCOMPARE(QSet<QString>(m_recoveryCodes.begin(), m_recoveryCodes.end()).size(), kRecoveryCodeCount);
    for (const QString& recoveryCode : std::as_const(m_recoveryCodes)) {
        bool shown = false;
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            shown = shown || label->text() == recoveryCode;
        }
        QVERIFY2(shown, qPrintable(recoveryCode));
    }

    // Copy puts every code on the clipboard.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copyButton")), Qt::LeftButton);
    const QString clipboard = QApplication::clipboard()->text();
    for (const QString& recoveryCode : std::as_const(m_recoveryCodes)) {
        QVERIFY2(clipboard.contains(recoveryCode), qPrintable(clipboard));
    }

    // Save… requests a file name and writes the same text into it, readable by the owner only.
    const QString path = m_consoleData->filePath(QStringLiteral("codes.txt"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    QFileDialog* fileDialog = nullptr;
    QTRY_VERIFY((fileDialog = dialog->findChild<QFileDialog*>(QStringLiteral("saveCodesDialog"))) != nullptr);
    QCOMPARE(fileDialog->acceptMode(), QFileDialog::AcceptSave);
    fileDialog->selectFile(path);
    static_cast<QDialog*>(fileDialog)->accept();
    QTRY_VERIFY(QFile::exists(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString savedText = QString::fromUtf8(saved.readAll());
    QCOMPARE(savedText, dialog->codesAsText());
    QVERIFY(savedText.contains(m_adminEmail));
    for (const QString& recoveryCode : std::as_const(m_recoveryCodes)) {
        QVERIFY(savedText.contains(recoveryCode + QLatin1Char('\n')));
    }
    QCOMPARE(saved.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY2(dialog->statusMessage().contains(QStringLiteral("codes.txt")), qPrintable(dialog->statusMessage()));

    // Continue stays disabled, and closing does nothing, until the codes are marked as stored.
    auto* continueButton = dialog->findChild<QPushButton*>(QStringLiteral("continueButton"));
    auto* stored = dialog->findChild<QCheckBox*>(QStringLiteral("storedCheck"));
    QVERIFY(!continueButton->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());
    QTest::keyClick(stored, Qt::Key_Space);
    QVERIFY(stored->isChecked());
    QVERIFY(continueButton->isEnabled());
    QTest::mouseClick(continueButton, Qt::LeftButton);

    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
    QVERIFY(m_controller->mainWindow()->isVisible());
    QTRY_VERIFY(m_controller->recoveryCodesDialog() == nullptr);
    QVERIFY(m_controller->enrollmentDialog() == nullptr);

    // The server now requires a second factor after the password of this account.
    const RawApiResponse login = m_api->send(
        "POST", QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("email"), m_adminEmail}, {QStringLiteral("password"), m_adminPassword}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.body.value(QStringLiteral("two_factor_required")).toBool(), true);
}

void TestConsoleTwoFactor::testSessionsDialogSignsOutOtherDevice()
{
    MainWindow* window = m_controller->mainWindow();
    QVERIFY(window);
    const QString otherToken = openApiSession(m_recoveryCodes.takeLast());
    QVERIFY(!otherToken.isEmpty());
    QCOMPARE(profileStatus(otherToken), 200);

    window->findChild<QAction*>(QStringLiteral("sessionsAction"))->trigger();
    SessionsDialog* dialog = window->sessionsDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->sessions().size() == 2, kNetworkTimeoutMs);

    QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), 2);
    int currentRow = -1;
    int otherRow = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        const bool current = dialog->sessions().at(row).current;
        QCOMPARE(table->item(row, SessionsDialog::ThisDevice)->text().isEmpty(), !current);
        QVERIFY(!table->item(row, SessionsDialog::Device)->text().isEmpty());
        QVERIFY(!table->item(row, SessionsDialog::SignedIn)->text().isEmpty());
        QVERIFY(!table->item(row, SessionsDialog::LastSeen)->text().isEmpty());
        QVERIFY2(table->item(row, SessionsDialog::IpAddress)->text() != QStringLiteral("127.0.0.1"),
                 "the address is masked");
        (current ? currentRow : otherRow) = row;
    }
    QVERIFY(currentRow >= 0);
    QVERIFY(otherRow >= 0);
    QCOMPARE(dialog->sessions().at(currentRow).id, m_controller->apiClient()->sessionId());

    auto* signOutSelected = dialog->findChild<QPushButton*>(QStringLiteral("signOutSelectedButton"));
    table->selectRow(currentRow);
    QVERIFY2(!signOutSelected->isEnabled(), "the console's own session is signed out with Sign out instead");
    table->selectRow(otherRow);
    QVERIFY(signOutSelected->isEnabled());

    // Cancelling the confirmation changes nothing.
    QTest::mouseClick(signOutSelected, Qt::LeftButton);
    QTRY_VERIFY(dialog->confirmationBox() != nullptr);
    dialog->confirmationBox()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(dialog->confirmationBox() == nullptr);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(profileStatus(otherToken), 200);

    QTest::mouseClick(signOutSelected, Qt::LeftButton);
    QTRY_VERIFY(dialog->confirmationBox() != nullptr);
    dialog->confirmationBox()->findChild<QPushButton*>(QStringLiteral("confirmSignOutButton"))->click();

    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->sessions().size() == 1, kNetworkTimeoutMs);
    QVERIFY(dialog->sessions().first().current);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(profileStatus(otherToken), 401);
    QVERIFY(m_controller->apiClient()->isSignedIn());
}

void TestConsoleTwoFactor::testSessionsDialogSignsOutAllOthers()
{
    QVERIFY(m_controller->mainWindow());
    SessionsDialog* dialog = m_controller->mainWindow()->sessionsDialog();
    QVERIFY(dialog);
    const QString first = openApiSession(m_recoveryCodes.takeLast());
    const QString second = openApiSession(m_recoveryCodes.takeLast());
    QCOMPARE(profileStatus(first), 200);
    QCOMPARE(profileStatus(second), 200);

    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("reloadButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->sessions().size() == 3, kNetworkTimeoutMs);

    auto* signOutOthers = dialog->findChild<QPushButton*>(QStringLiteral("signOutOthersButton"));
    QVERIFY(signOutOthers->isEnabled());
    QTest::mouseClick(signOutOthers, Qt::LeftButton);
    QTRY_VERIFY(dialog->confirmationBox() != nullptr);
    dialog->confirmationBox()->findChild<QPushButton*>(QStringLiteral("confirmSignOutButton"))->click();

    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->sessions().size() == 1, kNetworkTimeoutMs);
    QCOMPARE(profileStatus(first), 401);
    QCOMPARE(profileStatus(second), 401);
    QVERIFY(!signOutOthers->isEnabled());
    QVERIFY(m_controller->apiClient()->isSignedIn());
    dialog->close();
}

void TestConsoleTwoFactor::testSignInAsksForCode()
{
    signOutFromMainWindow();
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);
    QSignalSpy codeRequested(m_controller->apiClient(), &ApiClient::twoFactorRequired);

    startSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(codeRequested.size(), 1, kNetworkTimeoutMs);
    QVERIFY(codeRequested.at(0).at(0).toInt() > 0);
    QVERIFY(signInDialog()->isAskingForCode());
    QVERIFY(codeEdit()->isVisible());
    QVERIFY(signInDialog()->findChild<QPushButton*>(QStringLiteral("backButton"))->isVisible());
    QVERIFY2(signInDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty(),
             "the password is not kept after the first step");
    QCOMPARE(signedIn.size(), 0);

    // A code of the wrong shape is caught before any request.
    QTest::keyClicks(codeEdit(), QStringLiteral("12345"));
    QTest::mouseClick(signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
    QVERIFY(!signInDialog()->isBusy());
    QVERIFY2(signInDialog()->statusMessage().contains(QStringLiteral("6-digit")),
             qPrintable(signInDialog()->statusMessage()));

    submitCode(m_totp->nextCode());
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(m_controller->apiClient()->sessionScope(), ApiClient::SessionScope::Full);
    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
    QVERIFY(m_controller->enrollmentDialog() == nullptr);
    QVERIFY(!signInDialog()->isAskingForCode());
}

void TestConsoleTwoFactor::testSignInWrongCodeAllowsRetry()
{
    signOutFromMainWindow();
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);
    QSignalSpy failed(m_controller->apiClient(), &ApiClient::signInFailed);

    startSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(signInDialog()->isAskingForCode(), kNetworkTimeoutMs);

    submitCode(m_totp->wrongCode());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus, 401);
    QCOMPARE(signInDialog()->statusMessage(), messageFor(ileadx::problem::kInvalidTwoFactorCode));
    QVERIFY(signInDialog()->isAskingForCode());
    QVERIFY(!signInDialog()->isBusy());
    QVERIFY(codeEdit()->isEnabled());

    // The same challenge takes the right code afterwards.
    submitCode(m_totp->nextCode());
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
}

void TestConsoleTwoFactor::testSignInWithRecoveryCode()
{
    signOutFromMainWindow();
    QSignalSpy signedIn(m_controller->apiClient(), &ApiClient::signedIn);

    startSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(signInDialog()->isAskingForCode(), kNetworkTimeoutMs);
    submitCode(m_recoveryCodes.first().toUpper(), true);

    QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, kNetworkTimeoutMs);
    QTRY_VERIFY(m_controller->mainWindow() != nullptr);
    QCOMPARE(m_controller->apiClient()->sessionScope(), ApiClient::SessionScope::Full);
}

void TestConsoleTwoFactor::testUsedRecoveryCodeRejected()
{
    signOutFromMainWindow();
    QSignalSpy failed(m_controller->apiClient(), &ApiClient::signInFailed);

    startSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(signInDialog()->isAskingForCode(), kNetworkTimeoutMs);
    submitCode(m_recoveryCodes.first(), true);

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(signInDialog()->statusMessage(), messageFor(ileadx::problem::kInvalidTwoFactorCode));
    QVERIFY(signInDialog()->isAskingForCode());
    QVERIFY(m_controller->mainWindow() == nullptr);

    // Back leaves the challenge, and the password page starts over.
    QTest::mouseClick(signInDialog()->findChild<QPushButton*>(QStringLiteral("backButton")), Qt::LeftButton);
    QVERIFY(!signInDialog()->isAskingForCode());
    QVERIFY(signInDialog()->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->isVisible());
}

void TestConsoleTwoFactor::testUsedUpChallengeReturnsToPassword()
{
    QSignalSpy failed(m_controller->apiClient(), &ApiClient::signInFailed);
    startSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(signInDialog()->isAskingForCode(), kNetworkTimeoutMs);

    for (int attempt = 1; attempt <= kMaxWrongCodesPerChallenge; ++attempt) {
        submitCode(m_totp->wrongCode());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), attempt, kNetworkTimeoutMs);
        QCOMPARE(signInDialog()->statusMessage(), messageFor(ileadx::problem::kInvalidTwoFactorCode));
        QVERIFY(signInDialog()->isAskingForCode());
    }

    // The challenge is used up now, so even the right code sends the user back to the password.
    submitCode(m_totp->nextCode());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), kMaxWrongCodesPerChallenge + 1, kNetworkTimeoutMs);
    QCOMPARE(failed.last().at(0).value<ApiError>().problemType,
             QString::fromLatin1(ileadx::problem::kInvalidTwoFactorChallenge.data()));
    QVERIFY(!signInDialog()->isAskingForCode());
    QCOMPARE(signInDialog()->statusMessage(), messageFor(ileadx::problem::kInvalidTwoFactorChallenge));
    QVERIFY(!m_controller->apiClient()->hasTwoFactorChallenge());
    QVERIFY(m_controller->mainWindow() == nullptr);
}

void TestConsoleTwoFactor::startSignIn()
{
    SignInDialog* dialog = signInDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isAskingForCode());
    dialog->findChild<QComboBox*>(QStringLiteral("serverCombo"))->setEditText(m_server->url().toString());
    dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit"))->setText(m_adminEmail);
    auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    password->clear();
    QTest::keyClicks(password, m_adminPassword);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
}

void TestConsoleTwoFactor::submitCode(const QString& code, bool recoveryCode)
{
    auto* recoveryCheck = signInDialog()->findChild<QCheckBox*>(QStringLiteral("recoveryCheck"));
    if (recoveryCheck->isChecked() != recoveryCode) {
        QTest::keyClick(recoveryCheck, Qt::Key_Space);
    }
    QCOMPARE(recoveryCheck->isChecked(), recoveryCode);
    codeEdit()->clear();
    QTest::keyClicks(codeEdit(), code);
    QTest::mouseClick(signInDialog()->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
}

void TestConsoleTwoFactor::signOutFromMainWindow()
{
    MainWindow* window = m_controller->mainWindow();
    QVERIFY(window);
    QSignalSpy signedOut(m_controller->apiClient(), &ApiClient::signedOut);
    window->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, kNetworkTimeoutMs);
    QTRY_VERIFY(m_controller->mainWindow() == nullptr);
    QVERIFY(signInDialog()->isVisible());
}

QString TestConsoleTwoFactor::openApiSession(const QString& recoveryCode)
{
    const RawApiResponse login = m_api->send(
        "POST", QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("email"), m_adminEmail}, {QStringLiteral("password"), m_adminPassword}});
    const QString challenge = login.body.value(QStringLiteral("challenge")).toString();
    if (login.status != 200 || challenge.isEmpty()) {
        qWarning("login returned %d without a challenge: %s", login.status, qPrintable(login.errorString));
        return {};
    }
    const RawApiResponse second =
        m_api->send("POST", QStringLiteral("/api/v1/auth/login/two-factor"),
                    {{QStringLiteral("challenge"), challenge}, {QStringLiteral("recovery_code"), recoveryCode}});
    if (second.status != 200) {
        qWarning("two-factor step returned %d: %s", second.status, qPrintable(second.problemType()));
        return {};
    }
    return second.body.value(QStringLiteral("access_token")).toString();
}

int TestConsoleTwoFactor::profileStatus(const QString& accessToken)
{
    return m_api->send("GET", QStringLiteral("/api/v1/me"), {}, accessToken).status;
}

QTEST_MAIN(TestConsoleTwoFactor)
#include "TestConsoleTwoFactor.moc"
