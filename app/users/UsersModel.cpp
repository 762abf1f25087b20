#include "users/UsersModel.h"

#include <QLocale>
#include <QLoggingCategory>

#include "net/ApiClient.h"

Q_LOGGING_CATEGORY(lcUsersModel, "ileadx.console.users")

namespace {

QString formatLocalTime(const QDateTime& time, QLocale::FormatType format)
{
    return QLocale().toString(time.toLocalTime(), format);
}

} // namespace

UsersModel::UsersModel(ApiClient* client, int pageSize, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_pageSize(pageSize > 0 ? pageSize : kDefaultPageSize)
{
    Q_ASSERT(pageSize > 0);

    if (m_client) {
        connect(m_client, &ApiClient::usersFetched, this, &UsersModel::handleUsersFetched);
        connect(m_client, &ApiClient::usersFetchFailed, this, &UsersModel::handleUsersFetchFailed);
    }
}

int UsersModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    return static_cast<int>(m_users.size());
}

int UsersModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    return Count;
}

QVariant UsersModel::data(const QModelIndex& index, int role) const
{
    const UserAccount* account = rowAt(index);
    if (!account) {
        return {};
    }

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Email:
            return account->email;
        case Role:
            return roleLabel(*account);
        case Created:
            return formatLocalTime(account->createdAt, QLocale::ShortFormat);
        case LastSignIn:
            if (!account->lastLoginAt.isValid()) {
                return tr("never", "last sign-in of an account that never signed in");
            }
            return formatLocalTime(account->lastLoginAt, QLocale::ShortFormat);
        default:
            return {};
        }
    }

    if (role == Qt::ToolTipRole) {
        if (index.column() == Created) {
            return formatLocalTime(account->createdAt, QLocale::LongFormat);
        }
        if (index.column() == LastSignIn && account->lastLoginAt.isValid()) {
            return formatLocalTime(account->lastLoginAt, QLocale::LongFormat);
        }
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }

    switch (section) {
    case Email:
        return tr("Email");
    case Role:
        return tr("Role");
    case Created:
        return tr("Created");
    case LastSignIn:
        return tr("Last sign-in");
    default:
        return {};
    }
}

bool UsersModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid()) {
        return false;
    }
    return hasMorePages() && !m_loading && !m_failed;
}

void UsersModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    requestPage();
}

const UserAccount* UsersModel::rowAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() < 0 || index.row() >= m_users.size()) {
        return nullptr;
    }
    return &m_users.at(index.row());
}

QString UsersModel::roleLabel(const UserAccount& account)
{
    if (!account.role) {
        // A role added to the server after this console was built is shown by its wire name.
        return account.roleName;
    }

    switch (*account.role) {
    case ileadx::Role::User:
        return tr("Customer", "account role");
    case ileadx::Role::Admin:
        return tr("Admin", "account role");
    case ileadx::Role::SuperAdmin:
        return tr("Super admin", "account role");
    }
    return account.roleName;
}

void UsersModel::appendPage(const UserPage& page)
{
    if (!m_loading) {
        qCWarning(lcUsersModel) << "ignored a page of users that the model did not request";
        return;
    }
    m_loading = false;
    m_firstPageLoaded = true;

    // A server that repeats a cursor or sends an empty page with a cursor would make the view request
    // pages forever, so either one ends the list.
    const bool cursorRepeated = !page.nextCursor.isEmpty() && page.nextCursor == m_nextCursor;
    if (page.items.isEmpty() || cursorRepeated) {
        m_nextCursor.clear();
    } else {
        m_nextCursor = page.nextCursor;
    }

    const int rowsAdded = static_cast<int>(page.items.size());
    if (rowsAdded > 0) {
        const int first = static_cast<int>(m_users.size());
        beginInsertRows({}, first, first + rowsAdded - 1);
        m_users.append(page.items);
        endInsertRows();
    }
    emit pageLoaded(rowsAdded);
}

void UsersModel::failPage(const ApiError& error)
{
    if (!m_loading) {
        return;
    }
    m_loading = false;
    m_failed = true;
    emit pageFailed(error);
}

void UsersModel::reload()
{
    beginResetModel();
    m_users.clear();
    m_nextCursor.clear();
    m_firstPageLoaded = false;
    m_loading = false;
    m_failed = false;
    m_pendingRequestId = 0;
    endResetModel();

    requestPage();
}

void UsersModel::requestPage()
{
    m_loading = true;
    emit pageRequested(m_nextCursor, m_pageSize);
    if (m_client) {
        m_pendingRequestId = m_client->fetchUsers(m_pageSize, m_nextCursor);
    }
}

void UsersModel::handleUsersFetched(quint64 requestId, const UserPage& page)
{
    if (requestId != m_pendingRequestId) {
        return;
    }
    m_pendingRequestId = 0;
    appendPage(page);
}

void UsersModel::handleUsersFetchFailed(quint64 requestId, const ApiError& error)
{
    if (requestId != m_pendingRequestId) {
        return;
    }
    m_pendingRequestId = 0;
    failPage(error);
}
