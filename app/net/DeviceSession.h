#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// One signed-in device of the account, as GET /api/v1/me/sessions lists it.
struct DeviceSession
{
    QString id;
    QString deviceLabel;

    /// The address the session was last used from, masked by the server (such as "203.0.113.x").
    QString maskedIpAddress;

    QDateTime createdAt;
    QDateTime lastSeenAt;

    /// True for the session that made the request, which is the console's own.
    bool current = false;

    /// Reads one item of the list. Returns nothing when the id or a time is missing or malformed.
    static std::optional<DeviceSession> fromJson(const QJsonObject& object);

    /// Reads the `items` of a session list. Returns nothing when any item is malformed.
    static std::optional<QList<DeviceSession>> listFromJson(const QJsonObject& object);
};
