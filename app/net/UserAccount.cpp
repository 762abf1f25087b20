#include "net/UserAccount.h"

#include <QTimeZone>

#include "net/WireKey.h"
#include "shared/WireNames.h"

std::optional<UserAccount> UserAccount::fromJson(const QJsonObject& object)
{
    namespace wire = ileadx::wire;

    UserAccount account;
    account.id = object.value(wireKey(wire::kId)).toString();
    account.email = object.value(wireKey(wire::kEmail)).toString();
    account.roleName = object.value(wireKey(wire::kRole)).toString();
    account.createdAt = parseTime(object.value(wireKey(wire::kCreatedAt)).toString());
    if (account.id.isEmpty() || account.email.isEmpty() || account.roleName.isEmpty() ||
        !account.createdAt.isValid()) {
        return std::nullopt;
    }
    account.role = ileadx::parseRole(account.roleName.toStdString());

    // A missing field and an explicit null both mean that the account has never signed in.
    const QJsonValue lastLogin = object.value(wireKey(wire::kLastLoginAt));
    if (!lastLogin.isNull() && !lastLogin.isUndefined()) {
        account.lastLoginAt = parseTime(lastLogin.toString());
        if (!account.lastLoginAt.isValid()) {
            return std::nullopt;
        }
    }
    return account;
}

QDateTime UserAccount::parseTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return {};
    }
    return time.toUTC();
}
