#include "net/DeviceSession.h"

#include <QJsonArray>

#include "net/UserAccount.h"

std::optional<DeviceSession> DeviceSession::fromJson(const QJsonObject& object)
{
    DeviceSession session;
    session.id = object.value(QLatin1StringView("id")).toString();
    session.deviceLabel = object.value(QLatin1StringView("device_label")).toString();
    session.maskedIpAddress = object.value(QLatin1StringView("ip_address")).toString();
    session.createdAt = UserAccount::parseTime(object.value(QLatin1StringView("created_at")).toString());
    session.lastSeenAt = UserAccount::parseTime(object.value(QLatin1StringView("last_seen_at")).toString());
    session.current = object.value(QLatin1StringView("current")).toBool(false);
    if (session.id.isEmpty() || !session.createdAt.isValid() || !session.lastSeenAt.isValid()) {
        return std::nullopt;
    }
    return session;
}

std::optional<QList<DeviceSession>> DeviceSession::listFromJson(const QJsonObject& object)
{
    const QJsonValue items = object.value(QLatin1StringView("items"));
    if (!items.isArray()) {
        return std::nullopt;
    }
    QList<DeviceSession> sessions;
    for (const QJsonValue& item : items.toArray()) {
        std::optional<DeviceSession> session = fromJson(item.toObject());
        if (!session) {
            return std::nullopt;
        }
        sessions.append(*session);
    }
    return sessions;
}
