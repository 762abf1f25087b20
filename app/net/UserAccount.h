#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

#include "shared/Role.h"

/// One account as the API describes it (the `User` schema).
struct UserAccount
{
    QString id;
    QString email;

    /// Empty when the server sent a role this console version does not know; `roleName` still has it.
    std::optional<ileadx::Role> role;
    QString roleName;

    QDateTime createdAt;

    /// Invalid when the account has never signed in.
    QDateTime lastLoginAt;

    /// Reads a `User` object. Returns nothing when a required field is missing or a time is not
    /// ISO 8601.
    static std::optional<UserAccount> fromJson(const QJsonObject& object);

    /// Parses the API's time format, such as "2026-12-04T19:30:00.123Z", into a UTC QDateTime.
    static QDateTime parseTime(const QString& text);
};

Q_DECLARE_METATYPE(UserAccount)
