#include "net/TwoFactorApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "net/ApiClient.h"
#include "net/ProblemMessages.h"
#include "net/WireKey.h"
#include "shared/WireNames.h"

namespace {

constexpr QLatin1StringView kEnrollPath("/api/v1/me/two-factor/enroll");
constexpr QLatin1StringView kConfirmPath("/api/v1/me/two-factor/confirm");

ApiError invalidResponse()
{
    ApiError error;
    error.kind = ApiError::Kind::InvalidResponse;
    error.message = ProblemMessages::describe(error);
    return error;
}

} // namespace

TwoFactorApi::TwoFactorApi(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(m_client);
}

void TwoFactorApi::startEnrollment()
{
    m_client->sendAuthenticated(
        "POST", kEnrollPath, {}, this,
        [this](const QByteArray& body) {
            const QJsonObject object = QJsonDocument::fromJson(body).object();
            const QString secret = object.value(wireKey(ileadx::wire::kSecret)).toString();
            const QString uri = object.value(wireKey(ileadx::wire::kOtpauthUri)).toString();
            if (secret.isEmpty() || !uri.startsWith(QLatin1StringView("otpauth://"))) {
                emit enrollmentFailed(invalidResponse());
                return;
            }
            emit enrollmentStarted(secret, uri);
        },
        [this](const ApiError& error) { emit enrollmentFailed(error); });
}

void TwoFactorApi::confirmEnrollment(const QString& code)
{
    const QJsonObject request{{wireKey(ileadx::wire::kCode), code}};
    m_client->sendAuthenticated(
        "POST", kConfirmPath, request, this,
        [this](const QByteArray& body) {
            const QJsonArray list =
                QJsonDocument::fromJson(body).object().value(wireKey(ileadx::wire::kRecoveryCodes)).toArray();
            QStringList codes;
            for (const QJsonValue& value : list) {
                codes.append(value.toString());
            }
            if (codes.isEmpty() || codes.contains(QString())) {
                emit confirmationFailed(invalidResponse());
                return;
            }
            m_client->markTwoFactorEnrolled();
            emit enrollmentConfirmed(codes);
        },
        [this](const ApiError& error) { emit confirmationFailed(error); });
}
