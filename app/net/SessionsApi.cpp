#include "net/SessionsApi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include "net/ApiClient.h"
#include "net/ProblemMessages.h"

namespace {

constexpr QLatin1StringView kSessionsPath("/api/v1/me/sessions");
constexpr QLatin1StringView kRevokeOthersPath("/api/v1/me/sessions/revoke-others");

} // namespace

SessionsApi::SessionsApi(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(m_client);
    qRegisterMetaType<QList<DeviceSession>>();
}

void SessionsApi::fetchSessions()
{
    m_client->sendAuthenticated(
        "GET", kSessionsPath, {}, this,
        [this](const QByteArray& body) {
            const std::optional<QList<DeviceSession>> sessions =
                DeviceSession::listFromJson(QJsonDocument::fromJson(body).object());
            if (!sessions) {
                ApiError error;
                error.kind = ApiError::Kind::InvalidResponse;
                error.message = ProblemMessages::describe(error);
                emit requestFailed(error);
                return;
            }
            emit sessionsFetched(*sessions);
        },
        [this](const ApiError& error) { emit requestFailed(error); });
}

void SessionsApi::revokeSession(const QString& sessionId)
{
    const QString path = kSessionsPath + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(sessionId));
    m_client->sendAuthenticated(
        "DELETE", path, {}, this, [this, sessionId](const QByteArray&) { emit sessionRevoked(sessionId); },
        [this](const ApiError& error) { emit requestFailed(error); });
}

void SessionsApi::revokeOtherSessions()
{
    m_client->sendAuthenticated(
        "POST", kRevokeOthersPath, {}, this,
        [this](const QByteArray& body) {
            emit otherSessionsRevoked(QJsonDocument::fromJson(body).object().value(QLatin1StringView("revoked")).toInt());
        },
        [this](const ApiError& error) { emit requestFailed(error); });
}
