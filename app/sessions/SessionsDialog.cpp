#include "sessions/SessionsDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "net/SessionsApi.h"

namespace {

QString formatTime(const QDateTime& time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

SessionsDialog::SessionsDialog(ApiClient* client, QWidget* parent)
    : QDialog(parent)
    , m_api(new SessionsApi(client, this))
{
    setWindowTitle(tr("My sessions"));
    buildForm();

    connect(m_api, &SessionsApi::sessionsFetched, this, &SessionsDialog::showSessions);
    connect(m_api, &SessionsApi::requestFailed, this, &SessionsDialog::handleFailure);
    connect(m_api, &SessionsApi::sessionRevoked, this, &SessionsDialog::reload);
    connect(m_api, &SessionsApi::otherSessionsRevoked, this, &SessionsDialog::reload);
}

SessionsDialog::~SessionsDialog() = default;

QString SessionsDialog::statusMessage() const
{
    return m_statusLabel->text();
}

void SessionsDialog::reload()
{
    setBusy(true, tr("Loading the sessions…"));
    m_api->fetchSessions();
}

void SessionsDialog::signOutSelected()
{
    const DeviceSession* session = selectedSession();
    if (m_busy || !session || session->current) {
        return;
    }
    const QString sessionId = session->id;
    const QString device = session->deviceLabel.isEmpty() ? tr("an unknown device") : session->deviceLabel;
    askToConfirm(tr("Sign out %1? The device has to sign in again with your password.").arg(device),
                 tr("&Sign out"), [this, sessionId] {
                     setBusy(true, tr("Signing out the device…"));
                     m_api->revokeSession(sessionId);
                 });
}

void SessionsDialog::signOutOtherDevices()
{
    if (m_busy) {
        return;
    }
    askToConfirm(tr("Sign out every other device? They have to sign in again with your password. This "
                    "console stays signed in."),
                 tr("Sign out &others"), [this] {
                     setBusy(true, tr("Signing out the other devices…"));
                     m_api->revokeOtherSessions();
                 });
}

void SessionsDialog::buildForm()
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("sessionsTable"));
    m_table->setHorizontalHeaderLabels({tr("Device"), tr("IP address"), tr("Signed in"), tr("Last seen"), QString()});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Device, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SessionsDialog::updateButtons);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_signOutSelectedButton = new QPushButton(tr("Sign out &selected"), this);
    m_signOutSelectedButton->setObjectName(QStringLiteral("signOutSelectedButton"));
    connect(m_signOutSelectedButton, &QPushButton::clicked, this, &SessionsDialog::signOutSelected);
    m_signOutOthersButton = new QPushButton(tr("Sign out all &other devices"), this);
    m_signOutOthersButton->setObjectName(QStringLiteral("signOutOthersButton"));
    connect(m_signOutOthersButton, &QPushButton::clicked, this, &SessionsDialog::signOutOtherDevices);
    m_reloadButton = new QPushButton(tr("&Reload"), this);
    m_reloadButton->setObjectName(QStringLiteral("reloadButton"));
    connect(m_reloadButton, &QPushButton::clicked, this, &SessionsDialog::reload);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &SessionsDialog::reject);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_signOutSelectedButton);
    actions->addWidget(m_signOutOthersButton);
    actions->addStretch();
    actions->addWidget(m_reloadButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_statusLabel);
    layout->addLayout(actions);
    layout->addWidget(buttons);

    resize(760, 360);
    updateButtons();
}

void SessionsDialog::showSessions(const QList<DeviceSession>& sessions)
{
    m_sessions = sessions;
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(sessions.size()));
    for (int row = 0; row < sessions.size(); ++row) {
        const DeviceSession& session = sessions.at(row);
        const QString device = session.deviceLabel.isEmpty() ? tr("Unknown device") : session.deviceLabel;
        m_table->setItem(row, Device, new QTableWidgetItem(device));
        m_table->setItem(row, IpAddress, new QTableWidgetItem(session.maskedIpAddress));
        m_table->setItem(row, SignedIn, new QTableWidgetItem(formatTime(session.createdAt)));
        m_table->setItem(row, LastSeen, new QTableWidgetItem(formatTime(session.lastSeenAt)));
        m_table->setItem(row, ThisDevice, new QTableWidgetItem(session.current ? tr("This device") : QString()));
    }
    setBusy(false, tr("%n session(s) open.", nullptr, static_cast<int>(sessions.size())));
}

void SessionsDialog::handleFailure(const ApiError& error)
{
    setBusy(false, QString());
    m_statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_statusLabel->setText(error.message);
}

void SessionsDialog::askToConfirm(const QString& question, const QString& actionText,
                                  const std::function<void()>& action)
{
    if (m_confirmationBox) {
        return;
    }
    m_confirmationBox = new QMessageBox(QMessageBox::Question, tr("Sign out devices"), question, QMessageBox::NoButton, this);
    m_confirmationBox->setObjectName(QStringLiteral("confirmSignOutBox"));
    QPushButton* confirmButton = m_confirmationBox->addButton(actionText, QMessageBox::AcceptRole);
    confirmButton->setObjectName(QStringLiteral("confirmSignOutButton"));
    m_confirmationBox->addButton(QMessageBox::Cancel);
    m_confirmationBox->setDefaultButton(QMessageBox::Cancel);
    m_confirmationBox->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmationBox, &QMessageBox::finished, this, [this, confirmButton, action] {
        const bool confirmed = m_confirmationBox && m_confirmationBox->clickedButton() == confirmButton;
        if (confirmed) {
            action();
        }
    });
    m_confirmationBox->open();
}

const DeviceSession* SessionsDialog::selectedSession() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        return nullptr;
    }
    const int row = selected.first()->row();
    return row >= 0 && row < m_sessions.size() ? &m_sessions.at(row) : nullptr;
}

void SessionsDialog::updateButtons()
{
    const DeviceSession* selected = selectedSession();
    m_signOutSelectedButton->setEnabled(!m_busy && selected && !selected->current);

    bool othersExist = false;
    for (const DeviceSession& session : m_sessions) {
        othersExist = othersExist || !session.current;
    }
    m_signOutOthersButton->setEnabled(!m_busy && othersExist);
    m_reloadButton->setEnabled(!m_busy);
}

void SessionsDialog::setBusy(bool busy, const QString& message)
{
    m_busy = busy;
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(message);
    updateButtons();
}
