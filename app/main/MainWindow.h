#pragma once

#include <QMainWindow>

#include "net/ApiError.h"
#include "users/UsersModel.h"

class ApiClient;
class QAction;
class QLabel;
class QTableView;
class SessionsDialog;

/// The console's main window after sign-in: the users table, the signed-in account and server in the
/// status bar, and the sign-out action. Failures appear in plain words in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// `pageSize` is the number of users requested per page.
    explicit MainWindow(ApiClient* client, int pageSize = UsersModel::kDefaultPageSize, QWidget* parent = nullptr);
    ~MainWindow() override;

    UsersModel* usersModel() const { return m_usersModel; }
    QTableView* usersView() const { return m_usersView; }

    /// Returns the message currently shown in the status bar, empty when there is none.
    QString statusMessage() const;

    /// Returns the "My sessions" dialog, or null before it was first opened.
    SessionsDialog* sessionsDialog() const { return m_sessionsDialog; }

public slots:
    /// Shows who is signed in where and loads the first page of users.
    void startSession();

    /// Reloads the users table from the first page.
    void reloadUsers();

    /// Opens the "My sessions" dialog and loads the account's sessions.
    void showSessions();

signals:
    /// Emitted when the user closes the window, which ends the application.
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void showError(const ApiError& error);
    void updateLoadedCount();
    void fitColumnsToContents();

    ApiClient* m_client = nullptr;
    UsersModel* m_usersModel = nullptr;
    QTableView* m_usersView = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_sessionsAction = nullptr;
    SessionsDialog* m_sessionsDialog = nullptr;
};
