#include "main/MainWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "net/ApiClient.h"
#include "net/ProblemMessages.h"
#include "sessions/SessionsDialog.h"

MainWindow::MainWindow(ApiClient* client, int pageSize, QWidget* parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_usersModel(new UsersModel(client, pageSize, this))
{
    Q_ASSERT(m_client);

    setWindowTitle(tr("iLeadX Console"));

    m_usersView = new QTableView(this);
    m_usersView->setObjectName(QStringLiteral("usersView"));
    m_usersView->setModel(m_usersModel);
    m_usersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersView->setAlternatingRowColors(true);
    m_usersView->setWordWrap(false);
    m_usersView->verticalHeader()->hide();
    // The email column takes the spare width. The others fit their contents after every page and
    // stay resizable by hand.
    m_usersView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_usersView->horizontalHeader()->setSectionResizeMode(UsersModel::Email, QHeaderView::Stretch);
    setCentralWidget(m_usersView);

    // A label rather than QStatusBar::showMessage() keeps an error visible after a status tip covered it.
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_accountLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_messageLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_accountLabel);

    createActions();

    connect(m_usersModel, &UsersModel::pageLoaded, this, &MainWindow::updateLoadedCount);
    connect(m_usersModel, &UsersModel::pageLoaded, this, &MainWindow::fitColumnsToContents);
    connect(m_usersModel, &UsersModel::modelReset, this, &MainWindow::updateLoadedCount);
    connect(m_usersModel, &UsersModel::pageFailed, this, &MainWindow::showError);
    connect(m_client, &ApiClient::certificateChanged, this, [this] {
        ApiError error;
        error.kind = ApiError::Kind::CertificateChanged;
        showError(error);
    });

    resize(960, 600);
}

MainWindow::~MainWindow() = default;

QString MainWindow::statusMessage() const
{
    return m_messageLabel->text();
}

void MainWindow::startSession()
{
    const UserAccount user = m_client->currentUser();
    m_accountLabel->setText(tr("Signed in as %1 on %2").arg(user.email, m_client->serverKey()));
    reloadUsers();
}

void MainWindow::reloadUsers()
{
    m_messageLabel->clear();
    m_usersModel->reload();
}

void MainWindow::showSessions()
{
    if (!m_sessionsDialog) {
        m_sessionsDialog = new SessionsDialog(m_client, this);
        m_sessionsDialog->setObjectName(QStringLiteral("sessionsDialog"));
    }
    m_sessionsDialog->show();
    m_sessionsDialog->raise();
    m_sessionsDialog->activateWindow();
    m_sessionsDialog->reload();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    event->accept();
    emit closed();
}

void MainWindow::createActions()
{
    m_reloadAction = new QAction(tr("&Reload"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setStatusTip(tr("Read the list of users from the server again"));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reloadUsers);

    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setStatusTip(tr("End this session on the server and return to the sign-in window"));
    connect(m_signOutAction, &QAction::triggered, this, [this] {
        m_signOutAction->setEnabled(false);
        m_messageLabel->setText(tr("Signing out…"));
        m_client->signOut();
    });

    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &MainWindow::close);

    m_sessionsAction = new QAction(tr("My &sessions…"), this);
    m_sessionsAction->setObjectName(QStringLiteral("sessionsAction"));
    m_sessionsAction->setStatusTip(tr("See the devices signed in to your account and sign them out"));
    connect(m_sessionsAction, &QAction::triggered, this, &MainWindow::showSessions);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_reloadAction);
    fileMenu->addAction(m_signOutAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QMenu* accountMenu = menuBar()->addMenu(tr("&Account"));
    accountMenu->addAction(m_sessionsAction);

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->addAction(m_reloadAction);
    toolBar->addAction(m_signOutAction);
}

void MainWindow::showError(const ApiError& error)
{
    QString message = error.message;
    if (message.isEmpty()) {
        message = ProblemMessages::describe(error);
    }
    m_messageLabel->setText(message);
}

void MainWindow::fitColumnsToContents()
{
    for (int column = 0; column < UsersModel::Count; ++column) {
        if (column != UsersModel::Email) {
            m_usersView->resizeColumnToContents(column);
        }
    }
}

void MainWindow::updateLoadedCount()
{
    const int count = m_usersModel->rowCount();
    if (m_usersModel->hasMorePages()) {
        m_countLabel->setText(tr("%n user(s) loaded, scroll down for more", nullptr, count));
    } else {
        m_countLabel->setText(tr("%n user(s)", nullptr, count));
    }
}
