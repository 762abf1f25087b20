#include "main/ConsoleController.h"

#include <QTimer>

#include "main/MainWindow.h"
#include "net/ApiClient.h"
#include "signin/SignInDialog.h"
#include "storage/LocalCache.h"
#include "twofactor/RecoveryCodesDialog.h"
#include "twofactor/TwoFactorEnrollmentDialog.h"

ConsoleController::ConsoleController(LocalCache* cache, int pageSize, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_pageSize(pageSize)
    , m_client(new ApiClient(this))
    , m_signInDialog(std::make_unique<SignInDialog>(m_client, cache))
{
    connect(m_signInDialog.get(), &SignInDialog::accepted, this, &ConsoleController::openSession);
    connect(m_signInDialog.get(), &SignInDialog::rejected, this, [this] {
        if (!m_mainWindow && !m_enrollmentDialog && !m_recoveryCodesDialog) {
            emit quitRequested();
        }
    });

    connect(m_client, &ApiClient::signedOut, this, [this] {
        if (m_quitting) {
            emit quitRequested();
            return;
        }
        returnToSignIn(tr("You have signed out."));
    });
    connect(m_client, &ApiClient::sessionExpired, this, [this](const ApiError& error) {
        if ((m_mainWindow || m_enrollmentDialog || m_recoveryCodesDialog) && !m_quitting) {
            returnToSignIn(error.message);
        }
    });
}

ConsoleController::~ConsoleController() = default;

void ConsoleController::start()
{
    m_signInDialog->show();
    m_signInDialog->raise();
    m_signInDialog->activateWindow();
}

void ConsoleController::openSession()
{
    if (m_client->sessionScope() == ApiClient::SessionScope::TwoFactorEnrollment) {
        showEnrollment();
    } else {
        showMainWindow();
    }
}

void ConsoleController::showEnrollment()
{
    m_enrollmentDialog = std::make_unique<TwoFactorEnrollmentDialog>(m_client);
    connect(m_enrollmentDialog.get(), &TwoFactorEnrollmentDialog::enrolled, this,
            &ConsoleController::showRecoveryCodes);
    connect(m_enrollmentDialog.get(), &TwoFactorEnrollmentDialog::rejected, this, [this] {
        // Without two-factor sign-in the session can do nothing else, so leaving enrollment signs out.
        m_client->signOut();
    });
    m_enrollmentDialog->show();
    m_enrollmentDialog->startEnrollment();
}

void ConsoleController::showRecoveryCodes(const QStringList& codes)
{
    const QString account = tr("%1 on %2").arg(m_client->currentUser().email, m_client->serverKey());
    m_recoveryCodesDialog = std::make_unique<RecoveryCodesDialog>(codes, account);
    connect(m_recoveryCodesDialog.get(), &RecoveryCodesDialog::accepted, this, [this] {
        closeEnrollmentDialogs();
        showMainWindow();
    });
    m_recoveryCodesDialog->show();
}

void ConsoleController::closeEnrollmentDialogs()
{
    // Either dialog may be the sender of the signal that led here, so both are deleted later.
    if (m_enrollmentDialog) {
        m_enrollmentDialog->disconnect(this);
        m_enrollmentDialog->hide();
        m_enrollmentDialog.release()->deleteLater();
    }
    if (m_recoveryCodesDialog) {
        m_recoveryCodesDialog->disconnect(this);
        m_recoveryCodesDialog->hide();
        m_recoveryCodesDialog.release()->deleteLater();
    }
}

void ConsoleController::showMainWindow()
{
    m_mainWindow = std::make_unique<MainWindow>(m_client, m_pageSize);
    connect(m_mainWindow.get(), &MainWindow::closed, this, &ConsoleController::quitAfterSignOut);
    m_mainWindow->show();
    m_mainWindow->startSession();
}

void ConsoleController::returnToSignIn(const QString& message)
{
    // The main window may be the sender of the signal that led here, so it is deleted later.
    if (m_mainWindow) {
        m_mainWindow->disconnect(this);
        m_mainWindow->hide();
        m_mainWindow.release()->deleteLater();
    }
    closeEnrollmentDialogs();
    m_signInDialog->showStatus(message);
    start();
}

void ConsoleController::quitAfterSignOut()
{
    if (m_quitting) {
        return;
    }
    m_quitting = true;

    // Signing out revokes the session on the server, which would otherwise stay valid until its
    // refresh token expires. A server that does not respond in time must not keep the application open.
    if (!m_client->isSignedIn()) {
        emit quitRequested();
        return;
    }
    QTimer::singleShot(kSignOutOnQuitTimeoutMs, this, &ConsoleController::quitRequested);
    m_client->signOut();
}
