#include "net/UserPage.h"

#include <QJsonArray>
#include <QJsonObject>

#include "net/WireKey.h"
#include "shared/WireNames.h"

std::optional<UserPage> UserPage::fromJson(const QJsonDocument& document)
{
    if (!document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = document.object();

    const QJsonValue items = object.value(wireKey(ileadx::wire::kItems));
    if (!items.isArray()) {
        return std::nullopt;
    }

    UserPage page;
    for (const QJsonValue& item : items.toArray()) {
        std::optional<UserAccount> account = UserAccount::fromJson(item.toObject());
        if (!account) {
            return std::nullopt;
        }
        page.items.append(*account);
    }

    // The contract requires next_cursor and sends null on the last page. A missing field is read the
    // same way, so an older server that omits it still shows its one page.
    const QJsonValue cursor = object.value(wireKey(ileadx::wire::kNextCursor));
    if (cursor.isString()) {
        page.nextCursor = cursor.toString();
    } else if (!cursor.isNull() && !cursor.isUndefined()) {
        return std::nullopt;
    }
    return page;
}
