#pragma once

#include <QJsonDocument>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

#include "net/UserAccount.h"

/// One page of GET /api/v1/admin/users.
struct UserPage
{
    QList<UserAccount> items;

    /// Cursor for the next page; empty on the last page.
    QString nextCursor;

    bool hasNextPage() const { return !nextCursor.isEmpty(); }

    /// Reads a `UserPage` body. Returns nothing when the body or any of its users is malformed.
    static std::optional<UserPage> fromJson(const QJsonDocument& document);
};

Q_DECLARE_METATYPE(UserPage)
