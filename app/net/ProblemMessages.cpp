#include "net/ProblemMessages.h"

#include "net/ApiError.h"
#include "shared/ProblemTypes.h"

namespace {

bool isType(const QString& type, std::string_view expected)
{
    return type == QLatin1StringView(expected.data(), static_cast<qsizetype>(expected.size()));
}

} // namespace

QString ProblemMessages::describe(const ApiError& error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Network:
        return messageForNetworkError(error.networkError);
    case ApiError::Kind::Timeout:
        return messageForNetworkError(QNetworkReply::TimeoutError);
    case ApiError::Kind::ResponseTooLarge:
        return tr("The server sent a larger response than the console accepts. Try again later, and tell "
                  "your administrator if it keeps happening.");
    case ApiError::Kind::UnknownCertificate:
        return tr("The server's certificate is not trusted yet. Compare its fingerprint with the one your "
                  "administrator gave you before you trust it.");
    case ApiError::Kind::CertificateChanged:
        return tr("Warning: the server's certificate has changed since this computer first trusted it. "
                  "Someone may be intercepting the connection, so the console did not connect. Ask your "
                  "administrator whether the certificate was replaced.");
    case ApiError::Kind::Problem: {
        const QString known = messageForProblemType(error.problemType, error.requestId);
        if (!known.isEmpty()) {
            return known;
        }
        return messageForHttpStatus(error);
    }
    case ApiError::Kind::InvalidResponse:
        return tr("The server sent a response that the console cannot read. The console and the server may "
                  "be different versions.");
    case ApiError::Kind::NotSignedIn:
        return tr("You are not signed in. Sign in and try again.");
    case ApiError::Kind::InvalidServerUrl:
        return tr("The server address is not valid. Enter an address that starts with https://, such as "
                  "https://leads.example.com:8443.");
    }
    return tr("The request failed for an unknown reason.");
}

QString ProblemMessages::messageForProblemType(const QString& type, const QString& requestId)
{
    namespace problem = ileadx::problem;

    if (isType(type, problem::kInvalidJson)) {
        return tr("The server could not read the request the console sent. The console and the server may "
                  "be different versions.");
    }
    if (isType(type, problem::kInvalidRequest)) {
        return tr("The server rejected the request because a value is missing or invalid.");
    }
    if (isType(type, problem::kUnsupportedMediaType)) {
        return tr("The server does not accept the request format the console sent. The console and the "
                  "server may be different versions.");
    }
    if (isType(type, problem::kPayloadTooLarge)) {
        return tr("The request is larger than the server accepts. Shorten the values you entered.");
    }
    if (isType(type, problem::kWeakPassword)) {
        return tr("The password is too weak. Use at least 12 characters and avoid common passwords.");
    }
    if (isType(type, problem::kInvalidCredentials)) {
        return tr("The email address or password is incorrect.");
    }
    if (isType(type, problem::kInvalidRefreshToken)) {
        return tr("Your session has ended. Sign in again.");
    }
    if (isType(type, problem::kUnauthorized)) {
        return tr("You are not signed in or your session has expired. Sign in again.");
    }
    if (isType(type, problem::kForbidden)) {
        return tr("Your account does not have permission to do this.");
    }
    if (isType(type, problem::kStepUpRequired)) {
        return tr("This change needs a recent sign-in. Sign out, sign in again and repeat the change.");
    }
    if (isType(type, problem::kTwoFactorEnrollmentRequired)) {
        return tr("Set up two-factor sign-in for this account before using the console.");
    }
    if (isType(type, problem::kInvalidTwoFactorCode)) {
        return tr("The code is wrong or was already used. Enter the current code from your authenticator app.");
    }
    if (isType(type, problem::kInvalidTwoFactorChallenge)) {
        return tr("The sign-in took too long or had too many wrong codes. Sign in with your password again.");
    }
    if (isType(type, problem::kTwoFactorConflict)) {
        return tr("Two-factor sign-in is not in the state this action needs. Reload and try again.");
    }
    if (isType(type, problem::kNotFound)) {
        return tr("The server could not find what the console requested. It may have been deleted.");
    }
    if (isType(type, problem::kMethodNotAllowed)) {
        return tr("The server does not support this request. The console and the server may be different "
                  "versions.");
    }
    if (isType(type, problem::kServiceBusy)) {
        return tr("The server is busy. Wait a moment and try again.");
    }
    if (isType(type, problem::kRateLimited)) {
        return tr("Too many requests in a short time. Wait a minute and try again.");
    }
    if (isType(type, problem::kPlanLimitReached)) {
        return tr("Your plan's monthly limit is used up. Wait for the next billing period or ask your "
                  "administrator for a larger plan.");
    }
    if (isType(type, problem::kSearchFinished)) {
        return tr("The search has already finished, so it cannot be cancelled.");
    }
    if (isType(type, problem::kInternal)) {
        if (requestId.isEmpty()) {
            return tr("The server failed to process the request. Try again, and tell your administrator if it "
                      "keeps happening.");
        }
        return tr("The server failed to process the request. Try again, and if it keeps happening, give your "
                  "administrator the request ID %1.")
            .arg(requestId);
    }
    return {};
}

QString ProblemMessages::messageForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server refused the connection. Check the server address and port, and whether the "
                  "server is running.");
    case QNetworkReply::HostNotFoundError:
        return tr("The server name was not found. Check the server address.");
    case QNetworkReply::RemoteHostClosedError:
        return tr("The server closed the connection unexpectedly. Try again.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The server did not respond in time. Check your network connection and try again.");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("A secure connection to the server could not be established. The server may not support "
                  "the required TLS version.");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return tr("The network is not available. Check your network connection and try again.");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return tr("The proxy server could not be reached or rejected the connection. Check the proxy "
                  "settings of this computer.");
    case QNetworkReply::ProtocolUnknownError:
        return tr("The server address must start with https://.");
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return tr("The server redirected the request, which the console does not follow. Check the server "
                  "address.");
    default:
        break;
    }
    return tr("The connection to the server failed. Check your network connection and try again.");
}

QString ProblemMessages::messageForHttpStatus(const ApiError& error)
{
    // A problem type this console does not know still has a title written by the server, which is
    // more helpful than a bare status code even though it is not translated.
    if (!error.problemTitle.isEmpty()) {
        return error.problemTitle;
    }
    if (error.httpStatus == 401) {
        return messageForProblemType(QString::fromLatin1(ileadx::problem::kUnauthorized));
    }
    if (error.httpStatus == 429 || error.httpStatus == 503) {
        return messageForProblemType(QString::fromLatin1(ileadx::problem::kServiceBusy));
    }
    return tr("The server answered with an unexpected error (HTTP status %1). Try again, and tell your "
              "administrator if it keeps happening.")
        .arg(error.httpStatus);
}
