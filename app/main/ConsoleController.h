#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

#include "users/UsersModel.h"

class ApiClient;
class LocalCache;
class MainWindow;
class RecoveryCodesDialog;
class SignInDialog;
class TwoFactorEnrollmentDialog;

/// Leads the user through the console's windows: the sign-in dialog first, the main window after a
/// successful sign-in, and back to the sign-in dialog after signing out or when the session expires.
/// A session that the server limits to two-factor enrollment opens the enrollment dialog and then
/// the recovery codes before the main window.
class ConsoleController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleController)

public:
    /// Maximum time in ms that closing the application waits for the server to confirm the sign-out.
    static constexpr int kSignOutOnQuitTimeoutMs = 5000;

    /// `cache` must outlive the controller. `pageSize` is the number of users requested per page.
    explicit ConsoleController(LocalCache* cache, int pageSize = UsersModel::kDefaultPageSize,
                               QObject* parent = nullptr);
    ~ConsoleController() override;

    ApiClient* apiClient() const { return m_client; }
    SignInDialog* signInDialog() const { return m_signInDialog.get(); }

    /// Returns the main window, or null while no user is signed in.
    MainWindow* mainWindow() const { return m_mainWindow.get(); }

    /// Returns the enrollment dialog while a session waits for two-factor enrollment, otherwise null.
    TwoFactorEnrollmentDialog* enrollmentDialog() const { return m_enrollmentDialog.get(); }

    /// Returns the dialog with the new recovery codes while it is open, otherwise null.
    RecoveryCodesDialog* recoveryCodesDialog() const { return m_recoveryCodesDialog.get(); }

    /// Shows the sign-in dialog.
    void start();

signals:
    /// Emitted when the user closed the last window and the application should end.
    void quitRequested();

private:
    void openSession();
    void showEnrollment();
    void showRecoveryCodes(const QStringList& codes);
    void closeEnrollmentDialogs();
    void showMainWindow();
    void returnToSignIn(const QString& message);
    void quitAfterSignOut();

    LocalCache* m_cache = nullptr;
    int m_pageSize = UsersModel::kDefaultPageSize;
    ApiClient* m_client = nullptr;
    std::unique_ptr<SignInDialog> m_signInDialog;
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<TwoFactorEnrollmentDialog> m_enrollmentDialog;
    std::unique_ptr<RecoveryCodesDialog> m_recoveryCodesDialog;
    bool m_quitting = false;
};
