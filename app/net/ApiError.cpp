#include "net/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "net/WireKey.h"
#include "shared/WireNames.h"

bool ApiError::readProblemBody(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }

    const QJsonObject object = document.object();
    problemType = object.value(wireKey(ileadx::wire::kProblemType)).toString();
    problemTitle = object.value(wireKey(ileadx::wire::kProblemTitle)).toString();
    problemDetail = object.value(wireKey(ileadx::wire::kProblemDetail)).toString();
    requestId = object.value(wireKey(ileadx::wire::kRequestId)).toString();
    return true;
}

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network-error");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::ResponseTooLarge:
        return QStringLiteral("response-too-large");
    case Kind::UnknownCertificate:
        return QStringLiteral("unknown-certificate");
    case Kind::CertificateChanged:
        return QStringLiteral("certificate-changed");
    case Kind::Problem:
        return QStringLiteral("problem");
    case Kind::InvalidResponse:
        return QStringLiteral("invalid-response");
    case Kind::NotSignedIn:
        return QStringLiteral("not-signed-in");
    case Kind::InvalidServerUrl:
        return QStringLiteral("invalid-server-url");
    }
    return QStringLiteral("unknown");
}
