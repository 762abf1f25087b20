#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "net/ApiError.h"
#include "net/UserAccount.h"
#include "net/UserPage.h"

class ApiClient;

/// The user accounts on the server, newest first, read one page at a time as a view scrolls. A view
/// calls fetchMore() for the next page. With an ApiClient the model requests the page itself. Without
/// one it only emits pageRequested(), and the owner passes the result to appendPage() or failPage().
class UsersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersModel)

public:
    enum Column
    {
        Email,
        Role,
        Created,
        LastSignIn,
        Count
    };

    static constexpr int kDefaultPageSize = 50;

    /// `client` may be null. `pageSize` is the `limit` sent with every page request.
    explicit UsersModel(ApiClient* client, int pageSize = kDefaultPageSize, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Returns the account shown in the row of `index`, or null for an invalid index.
    const UserAccount* rowAt(const QModelIndex& index) const;

    int pageSize() const { return m_pageSize; }
    bool isLoading() const { return m_loading; }

    /// Whether the server has more pages than the model has read.
    bool hasMorePages() const { return !m_firstPageLoaded || !m_nextCursor.isEmpty(); }

    /// Returns the translated label of a role, such as "Super admin".
    static QString roleLabel(const UserAccount& account);

public slots:
    /// Appends the rows of a page that the model requested and remembers its cursor.
    void appendPage(const UserPage& page);

    /// Marks the requested page as failed. The model requests no more pages until reload().
    void failPage(const ApiError& error);

    /// Forgets every row and requests the first page again.
    void reload();

signals:
    /// Emitted when the model needs the page that starts at `cursor` (empty for the first page).
    void pageRequested(const QString& cursor, int limit);

    void pageLoaded(int rowsAdded);
    void pageFailed(const ApiError& error);

private:
    void requestPage();
    void handleUsersFetched(quint64 requestId, const UserPage& page);
    void handleUsersFetchFailed(quint64 requestId, const ApiError& error);

    ApiClient* m_client = nullptr;
    int m_pageSize = kDefaultPageSize;
    QList<UserAccount> m_users;
    QString m_nextCursor;
    bool m_firstPageLoaded = false;
    bool m_loading = false;
    bool m_failed = false;
    quint64 m_pendingRequestId = 0;
};
