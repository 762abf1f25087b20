#include "main/ConsoleController.h"

#include <QTimer>

#include "main/MainWindow.h"
#include "net/ApiClient.h"
#include "signin/SignInDialog.h"
#include "storage/LocalCache.h"

ConsoleController::ConsoleController(LocalCache* cache, int pageSize, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_pageSize(pageSize)
    , m_client(new ApiClient(this))
    , m_signInDialog(std::make_unique<SignInDialog>(m_client, cache))
{
    connect(m_signInDialog.get(), &SignInDialog::accepted, this, &ConsoleController::showMainWindow);
    connect(m_signInDialog.get(), &SignInDialog::rejected, this, [this] {
        if (!m_mainWindow) {
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
        if (m_mainWindow && !m_quitting) {
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
