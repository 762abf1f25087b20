#pragma once

#include <QDialog>
#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QString>

#include <functional>

#include "net/ApiError.h"
#include "net/DeviceSession.h"

class ApiClient;
class QLabel;
class QPushButton;
class QTableWidget;
class SessionsApi;

/// "My sessions": the devices signed in to the user's own account, with actions to sign out one of
/// them or all but this one. Both actions ask for confirmation first and reload the list afterwards.
class SessionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsDialog)

public:
    enum Column
    {
        Device,
        IpAddress,
        SignedIn,
        LastSeen,
        ThisDevice,
        ColumnCount
    };

    explicit SessionsDialog(ApiClient* client, QWidget* parent = nullptr);
    ~SessionsDialog() override;

    QTableWidget* table() const { return m_table; }
    QList<DeviceSession> sessions() const { return m_sessions; }
    bool isBusy() const { return m_busy; }

    /// Returns the message under the table: progress, or what failed and what to do next.
    QString statusMessage() const;

    /// Returns the confirmation that is open, or null.
    QMessageBox* confirmationBox() const { return m_confirmationBox; }

public slots:
    /// Reads the list of sessions from the server again.
    void reload();

    /// Asks to confirm, then signs out the session in the selected row. The console's own session is
    /// not offered, because signing out of it is the main window's Sign out.
    void signOutSelected();

    /// Asks to confirm, then signs out every session except the console's own.
    void signOutOtherDevices();

private:
    void buildForm();
    void showSessions(const QList<DeviceSession>& sessions);
    void handleFailure(const ApiError& error);
    void askToConfirm(const QString& question, const QString& actionText, const std::function<void()>& action);
    const DeviceSession* selectedSession() const;
    void updateButtons();
    void setBusy(bool busy, const QString& message);

    SessionsApi* m_api = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_signOutSelectedButton = nullptr;
    QPushButton* m_signOutOthersButton = nullptr;
    QPushButton* m_reloadButton = nullptr;
    QPointer<QMessageBox> m_confirmationBox;

    bool m_busy = false;
    QList<DeviceSession> m_sessions;
};
