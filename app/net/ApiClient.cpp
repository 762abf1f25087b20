#include "net/ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSysInfo>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

#include "net/CertificateFingerprint.h"
#include "net/ProblemMessages.h"
#include "net/WireKey.h"
#include "shared/ProblemTypes.h"
#include "shared/WireNames.h"

Q_LOGGING_CATEGORY(lcApi, "ileadx.console.api")

namespace {

// Reply properties that carry why the client aborted a transfer, because after abort() the reply
// itself only reports OperationCanceledError.
constexpr const char* kAbortReasonProperty = "ileadxAbortReason";
constexpr const char* kPresentedFingerprintProperty = "ileadxPresentedFingerprint";

constexpr QLatin1StringView kLoginPath("/api/v1/auth/login");
constexpr QLatin1StringView kTwoFactorLoginPath("/api/v1/auth/login/two-factor");
constexpr QLatin1StringView kEnrollmentScope("two-factor-enrollment");
constexpr QLatin1StringView kRefreshPath("/api/v1/auth/refresh");
constexpr QLatin1StringView kLogoutPath("/api/v1/auth/logout");
constexpr QLatin1StringView kProfilePath("/api/v1/me");
constexpr QLatin1StringView kUsersPath("/api/v1/admin/users");

QByteArray userAgent()
{
    return QStringLiteral("iLeadX-Console/%1 (%2; Qt %3)")
        .arg(QStringLiteral(ILEADX_VERSION), QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()))
        .toUtf8();
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

/// One API call as the client may need to send it twice: again after a token refresh.
struct ApiClient::Call
{
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QByteArray body;
    bool authenticated = false;
    bool retried = false;

    /// Access token that the last attempt sent, to tell whether a refresh happened meanwhile.
    QString accessTokenSent;

    std::function<void(const QByteArray& body)> onSuccess;
    std::function<void(const ApiError& error)> onFailure;
};

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<UserAccount>();
    qRegisterMetaType<UserPage>();

    // The API never redirects. Following a redirect could carry the bearer token to another host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setServerUrl(const QUrl& url)
{
    if (url == m_serverUrl) {
        return;
    }
    clearSession();
    m_pinnedFingerprint.clear();
    m_network->clearConnectionCache();
    m_serverUrl = url;
}

QString ApiClient::serverKeyFor(const QUrl& url)
{
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':'))) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return host + QLatin1Char(':') + QString::number(url.port(443));
}

void ApiClient::setPinnedFingerprint(const QByteArray& fingerprint)
{
    if (fingerprint == m_pinnedFingerprint) {
        return;
    }
    m_pinnedFingerprint = fingerprint;

    // A kept-alive connection was checked against the previous pin, so later calls must handshake again.
    m_network->clearConnectionCache();
}

void ApiClient::signIn(const QString& email, const QString& password, bool rememberMe, const QString& deviceId)
{
    namespace wire = ileadx::wire;

    clearSession();

    QJsonObject body{
        {wireKey(wire::kEmail), email},
        {wireKey(wire::kPassword), password},
        {wireKey(wire::kRememberMe), rememberMe},
    };
    if (!deviceId.isEmpty()) {
        body.insert(wireKey(wire::kDeviceId), deviceId);
    }

    auto call = std::make_shared<Call>();
    call->verb = "POST";
    call->path = kLoginPath;
    call->body = toJson(body);
    call->onSuccess = [this](const QByteArray& responseBody) { handleSignInResponse(responseBody); };
    call->onFailure = [this](const ApiError& error) { emit signInFailed(error); };
    send(call);
}

void ApiClient::completeTwoFactorSignIn(const QString& code, SecondFactor factor)
{
    namespace wire = ileadx::wire;

    if (m_challenge.isEmpty()) {
        // Reported like the server's response to a used-up challenge, so the UI returns to the password.
        ApiError error;
        error.kind = ApiError::Kind::Problem;
        error.httpStatus = 401;
        error.problemType = QString::fromLatin1(ileadx::problem::kInvalidTwoFactorChallenge.data());
        error.message = ProblemMessages::describe(error);
        QTimer::singleShot(0, this, [this, error] { emit signInFailed(error); });
        return;
    }

    const QLatin1StringView factorKey = factor == SecondFactor::TotpCode ? wireKey(wire::kCode)
                                                                         : wireKey(wire::kRecoveryCode);
    auto call = std::make_shared<Call>();
    call->verb = "POST";
    call->path = kTwoFactorLoginPath;
    call->body = toJson(QJsonObject{{wireKey(wire::kChallenge), m_challenge}, {factorKey, code.trimmed()}});
    call->onSuccess = [this](const QByteArray& responseBody) {
        m_challenge.clear();
        if (!storeTokens(responseBody)) {
            failSignIn(ApiError::Kind::InvalidResponse);
            return;
        }
        qCInfo(lcApi) << "signed in to" << serverKey() << "as user" << m_currentUser.id << "with a second factor";
        emit signedIn(m_currentUser);
    };
    call->onFailure = [this](const ApiError& error) {
        if (error.problemType == QLatin1StringView(ileadx::problem::kInvalidTwoFactorChallenge.data())) {
            m_challenge.clear();
        }
        emit signInFailed(error);
    };
    send(call);
}

void ApiClient::sendAuthenticated(const QByteArray& verb, const QString& path, const QJsonObject& body,
                                  QObject* context, std::function<void(const QByteArray& body)> onSuccess,
                                  std::function<void(const ApiError& error)> onFailure)
{
    const QPointer<QObject> guard(context);

    auto call = std::make_shared<Call>();
    call->verb = verb;
    call->path = path;
    if (!body.isEmpty()) {
        call->body = toJson(body);
    }
    call->authenticated = true;
    call->onSuccess = [guard, onSuccess = std::move(onSuccess)](const QByteArray& responseBody) {
        if (guard) {
            onSuccess(responseBody);
        }
    };
    call->onFailure = [guard, onFailure = std::move(onFailure)](const ApiError& error) {
        if (guard) {
            onFailure(error);
        }
    };
    send(call);
}

void ApiClient::handleSignInResponse(const QByteArray& body)
{
    namespace wire = ileadx::wire;

    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.value(wireKey(wire::kTwoFactorRequired)).toBool(false)) {
        m_challenge = object.value(wireKey(wire::kChallenge)).toString();
        const int expiresIn = object.value(wireKey(wire::kChallengeExpiresIn)).toInt(0);
        if (m_challenge.isEmpty()) {
            qCWarning(lcApi) << "two-factor challenge from" << serverKey() << "has no challenge field";
            failSignIn(ApiError::Kind::InvalidResponse);
            return;
        }
        qCInfo(lcApi) << "password accepted by" << serverKey() << "- waiting for the second factor";
        emit twoFactorRequired(expiresIn);
        return;
    }

    if (!storeTokens(body)) {
        failSignIn(ApiError::Kind::InvalidResponse);
        return;
    }
    qCInfo(lcApi) << "signed in to" << serverKey() << "as user" << m_currentUser.id
                  << (m_sessionScope == SessionScope::TwoFactorEnrollment ? "with an enrollment-only session" : "");
    emit signedIn(m_currentUser);
}

void ApiClient::failSignIn(ApiError::Kind kind)
{
    ApiError error;
    error.kind = kind;
    error.message = ProblemMessages::describe(error);
    emit signInFailed(error);
}

void ApiClient::signOut()
{
    if (!isSignedIn()) {
        QTimer::singleShot(0, this, &ApiClient::signedOut);
        return;
    }

    auto call = std::make_shared<Call>();
    call->verb = "POST";
    call->path = kLogoutPath;
    call->authenticated = true;
    call->onSuccess = [this](const QByteArray&) {
        qCInfo(lcApi) << "signed out of" << serverKey();
        clearSession();
        emit signedOut();
    };
    call->onFailure = [this](const ApiError& error) {
        // The tokens are dropped anyway. The server session then ends when its refresh token expires.
        qCWarning(lcApi) << "sign-out failed, forgetting the session locally:" << error.message;
        clearSession();
        emit signedOut();
    };
    send(call);
}

void ApiClient::fetchProfile()
{
    auto call = std::make_shared<Call>();
    call->verb = "GET";
    call->path = kProfilePath;
    call->authenticated = true;
    call->onSuccess = [this](const QByteArray& body) {
        const std::optional<UserAccount> user = UserAccount::fromJson(QJsonDocument::fromJson(body).object());
        if (!user) {
            ApiError error;
            error.kind = ApiError::Kind::InvalidResponse;
            error.message = ProblemMessages::describe(error);
            emit profileFetchFailed(error);
            return;
        }
        m_currentUser = *user;
        emit profileFetched(*user);
    };
    call->onFailure = [this](const ApiError& error) { emit profileFetchFailed(error); };
    send(call);
}

quint64 ApiClient::fetchUsers(int limit, const QString& cursor)
{
    const quint64 requestId = ++m_lastRequestId;

    auto call = std::make_shared<Call>();
    call->verb = "GET";
    call->path = kUsersPath;
    call->query.addQueryItem(QString(wireKey(ileadx::wire::kLimit)), QString::number(limit));
    if (!cursor.isEmpty()) {
        call->query.addQueryItem(QString(wireKey(ileadx::wire::kCursor)), cursor);
    }
    call->authenticated = true;
    call->onSuccess = [this, requestId](const QByteArray& body) {
        const std::optional<UserPage> page = UserPage::fromJson(QJsonDocument::fromJson(body));
        if (!page) {
            ApiError error;
            error.kind = ApiError::Kind::InvalidResponse;
            error.message = ProblemMessages::describe(error);
            emit usersFetchFailed(requestId, error);
            return;
        }
        emit usersFetched(requestId, *page);
    };
    call->onFailure = [this, requestId](const ApiError& error) { emit usersFetchFailed(requestId, error); };
    send(call);
    return requestId;
}

void ApiClient::send(const CallPointer& call)
{
    // Failures found before sending are reported from the event loop, so that every call ends
    // asynchronously and callers can update their state after starting it.
    const bool validUrl = m_serverUrl.isValid() && m_serverUrl.scheme() == QLatin1StringView("https") &&
                          !m_serverUrl.host().isEmpty();
    if (!validUrl || (call->authenticated && !isSignedIn())) {
        ApiError error;
        error.kind = validUrl ? ApiError::Kind::NotSignedIn : ApiError::Kind::InvalidServerUrl;
        QTimer::singleShot(0, this, [this, call, error] { fail(call, error); });
        return;
    }

    QUrl url = m_serverUrl;
    QString basePath = m_serverUrl.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + call->path);
    url.setQuery(call->query);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!call->body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    if (call->authenticated) {
        call->accessTokenSent = m_accessToken;
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    }

    QNetworkReply* reply = m_network->sendCustomRequest(request, call->verb, call->body);

    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError>& errors) { handleSslErrors(reply, errors); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        const bool tooLarge = received > m_maxResponseBytes || total > m_maxResponseBytes;
        if (tooLarge && !reply->property(kAbortReasonProperty).isValid()) {
            reply->setProperty(kAbortReasonProperty, static_cast<int>(ApiError::Kind::ResponseTooLarge));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, call] { handleFinished(reply, call); });
}

void ApiClient::handleSslErrors(QNetworkReply* reply, const QList<QSslError>& errors)
{
    QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    if (peer.isNull() && !errors.isEmpty()) {
        peer = errors.first().certificate();
    }
    const QByteArray presented = CertificateFingerprint::sha256(peer);
    reply->setProperty(kPresentedFingerprintProperty, presented);

    // The pin names one exact certificate, so the errors that the system's CA check reports for it
    // (self-signed, host name mismatch) no longer matter. Only these errors of this reply are ignored.
    if (!presented.isEmpty() && presented == m_pinnedFingerprint) {
        reply->ignoreSslErrors(errors);
        return;
    }

    ApiError::Kind reason = ApiError::Kind::UnknownCertificate;
    if (!m_pinnedFingerprint.isEmpty()) {
        reason = ApiError::Kind::CertificateChanged;
        qCWarning(lcApi) << "rejected certificate of" << serverKey() << "because its fingerprint"
                         << CertificateFingerprint::toColonHex(presented) << "differs from the pinned"
                         << CertificateFingerprint::toColonHex(m_pinnedFingerprint);
    }
    reply->setProperty(kAbortReasonProperty, static_cast<int>(reason));
    reply->abort();
}

void ApiClient::handleFinished(QNetworkReply* reply, const CallPointer& call)
{
    reply->deleteLater();

    ApiError error;
    error.technicalDetail = reply->errorString();

    const QVariant abortReason = reply->property(kAbortReasonProperty);
    if (abortReason.isValid()) {
        error.kind = static_cast<ApiError::Kind>(abortReason.toInt());
        error.presentedFingerprint = reply->property(kPresentedFingerprintProperty).toByteArray();
        fail(call, error);

        // The signals follow the failure, so a receiver that repeats the call at once starts from a
        // finished call.
        if (error.kind == ApiError::Kind::UnknownCertificate) {
            emit certificateConfirmationRequired(serverKey(), error.presentedFingerprint);
        } else if (error.kind == ApiError::Kind::CertificateChanged) {
            emit certificateChanged(serverKey(), m_pinnedFingerprint, error.presentedFingerprint);
        }
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        // No HTTP response arrived. A transfer timeout aborts the reply, which Qt reports as
        // OperationCanceledError or TimeoutError depending on the version, and the client aborts no
        // other reply without setting a reason.
        error.networkError = reply->error();
        const bool timedOut = error.networkError == QNetworkReply::TimeoutError ||
                              error.networkError == QNetworkReply::OperationCanceledError;
        error.kind = timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        fail(call, error);
        return;
    }

    const QByteArray body = reply->read(m_maxResponseBytes + 1);
    if (body.size() > m_maxResponseBytes) {
        error.kind = ApiError::Kind::ResponseTooLarge;
        fail(call, error);
        return;
    }

    if (status >= 200 && status < 300) {
        call->onSuccess(body);
        return;
    }

    error.kind = ApiError::Kind::Problem;
    error.httpStatus = status;
    error.readProblemBody(body);
    if (status == 401 && call->authenticated) {
        handleUnauthorized(call, error);
        return;
    }
    fail(call, error);
}

void ApiClient::handleUnauthorized(const CallPointer& call, const ApiError& error)
{
    if (call->retried || m_refreshToken.isEmpty()) {
        fail(call, error);
        return;
    }

    // Another call may have refreshed the session while this one was on its way.
    if (isSignedIn() && call->accessTokenSent != m_accessToken) {
        call->retried = true;
        send(call);
        return;
    }

    m_callsWaitingForRefresh.append(call);
    if (!m_refreshRunning) {
        startRefresh();
    }
}

void ApiClient::startRefresh()
{
    m_refreshRunning = true;
    qCInfo(lcApi) << "access token rejected, refreshing the session with" << serverKey();

    auto call = std::make_shared<Call>();
    call->verb = "POST";
    call->path = kRefreshPath;
    call->body = toJson(QJsonObject{{wireKey(ileadx::wire::kRefreshToken), m_refreshToken}});
    call->onSuccess = [this](const QByteArray& body) {
        if (!storeTokens(body)) {
            ApiError error;
            error.kind = ApiError::Kind::InvalidResponse;
            finishRefresh(false, error);
            return;
        }
        finishRefresh(true, {});
    };
    call->onFailure = [this](const ApiError& error) { finishRefresh(false, error); };
    send(call);
}

void ApiClient::finishRefresh(bool succeeded, const ApiError& error)
{
    m_refreshRunning = false;
    const QList<CallPointer> waiting = std::exchange(m_callsWaitingForRefresh, {});

    if (succeeded) {
        qCInfo(lcApi) << "refreshed the session with" << serverKey();
        emit sessionRefreshed();
        for (const CallPointer& call : waiting) {
            call->retried = true;
            send(call);
        }
        return;
    }

    // A rejected refresh token ends the session. After a network failure the token may still be
    // valid, so it is kept for the next call to try again.
    const bool sessionEnded = error.kind == ApiError::Kind::Problem || error.kind == ApiError::Kind::InvalidResponse;
    if (sessionEnded) {
        clearSession();
    }
    for (const CallPointer& call : waiting) {
        fail(call, error);
    }
    if (sessionEnded) {
        ApiError expired = error;
        expired.message = ProblemMessages::describe(expired);
        emit sessionExpired(expired);
    }
}

void ApiClient::fail(const CallPointer& call, ApiError error)
{
    error.message = ProblemMessages::describe(error);
    qCWarning(lcApi).noquote() << call->verb << call->path << "failed:" << error.kindName() << "HTTP status"
                               << error.httpStatus << "type" << error.problemType << "request id" << error.requestId
                               << "detail" << error.technicalDetail;
    call->onFailure(error);
}

bool ApiClient::storeTokens(const QByteArray& body)
{
    namespace wire = ileadx::wire;

    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString accessToken = object.value(wireKey(wire::kAccessToken)).toString();
    const QString refreshToken = object.value(wireKey(wire::kRefreshToken)).toString();
    const QString tokenType = object.value(wireKey(wire::kTokenType)).toString();
    const std::optional<UserAccount> user = UserAccount::fromJson(object.value(wireKey(wire::kUser)).toObject());

    if (accessToken.isEmpty() || refreshToken.isEmpty() || !user ||
        tokenType.compare(QLatin1StringView("Bearer"), Qt::CaseInsensitive) != 0) {
        qCWarning(lcApi) << "token response from" << serverKey() << "is missing a field or has token type"
                         << tokenType;
        return false;
    }

    // Refresh tokens are single-use, so the new one always replaces the old one. A server without
    // two-factor sign-in sends no scope, and its sessions have full scope.
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    m_sessionId = object.value(wireKey(wire::kSessionId)).toString();
    m_sessionScope = object.value(wireKey(wire::kScope)).toString() == kEnrollmentScope
                         ? SessionScope::TwoFactorEnrollment
                         : SessionScope::Full;
    m_currentUser = *user;
    return true;
}

void ApiClient::clearSession()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_sessionId.clear();
    m_sessionScope = SessionScope::Full;
    m_challenge.clear();
    m_currentUser = {};
}
