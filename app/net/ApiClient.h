#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

#include "net/ApiError.h"
#include "net/UserAccount.h"
#include "net/UserPage.h"

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

/// The console's only way to the iLeadX REST API. Every call is asynchronous and ends in exactly one
/// success or failure signal. The client keeps the access and refresh tokens in memory only. When an
/// authenticated call gets 401, the client refreshes the session once and repeats the call.
///
/// Certificates are trusted on first use, as SSH does with host keys. A certificate that validates
/// against the system's CAs is accepted as it is. Otherwise the SHA-256 fingerprint must equal the
/// one pinned with setPinnedFingerprint(). With no pin the call fails and the client emits
/// certificateConfirmationRequired(), so the UI can request the user's confirmation. With a different
/// pin the call fails and the client emits certificateChanged(), so the UI can warn the user.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    /// Maximum time in ms that a transfer may go without receiving data before it is aborted.
    static constexpr int kDefaultTransferTimeoutMs = 30000;

    /// Maximum size of a response body in bytes; larger responses are aborted.
    static constexpr qint64 kDefaultMaxResponseBytes = 8 * 1024 * 1024;

    /// Access level of the current session, from the `scope` field of the token pair.
    enum class SessionScope
    {
        Full,                ///< every route the account's role allows
        TwoFactorEnrollment, ///< only setting up two-factor sign-in, /me and /me/sessions
    };

    /// The second factor that completes a sign-in after a two-factor challenge.
    enum class SecondFactor
    {
        TotpCode,     ///< the 6-digit code from the authenticator app
        RecoveryCode, ///< one of the single-use codes shown when two-factor sign-in was turned on
    };

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    /// Sets the server's base URL, such as https://leads.example.com:8443. Changing the server clears
    /// the tokens and the pinned fingerprint, so the caller sets the new server's pin afterwards.
    void setServerUrl(const QUrl& url);
    QUrl serverUrl() const { return m_serverUrl; }

    /// Returns "host:port" of the server, the key under which its certificate is pinned.
    QString serverKey() const { return serverKeyFor(m_serverUrl); }
    static QString serverKeyFor(const QUrl& url);

    /// Pins the SHA-256 fingerprint of the current server's certificate; an empty array removes the pin.
    /// Open connections are closed, so the next call checks the certificate against the new pin.
    void setPinnedFingerprint(const QByteArray& fingerprint);
    QByteArray pinnedFingerprint() const { return m_pinnedFingerprint; }

    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    bool isSignedIn() const { return !m_accessToken.isEmpty(); }
    UserAccount currentUser() const { return m_currentUser; }
    SessionScope sessionScope() const { return m_sessionScope; }

    /// Returns the id of the current session, as GET /api/v1/me/sessions lists it.
    QString sessionId() const { return m_sessionId; }

    /// Returns true while a sign-in waits for its second factor.
    bool hasTwoFactorChallenge() const { return !m_challenge.isEmpty(); }

    /// Signs in with POST /api/v1/auth/login; ends in signedIn(), twoFactorRequired() or signInFailed().
    void signIn(const QString& email, const QString& password, bool rememberMe, const QString& deviceId);

    /// Completes a sign-in after twoFactorRequired() with POST /api/v1/auth/login/two-factor; ends in
    /// signedIn() or signInFailed(). A wrong code keeps the challenge for another try. When the server
    /// rejects the challenge itself (expired or out of attempts), the client drops it, so the next
    /// step is signIn() with the password again.
    void completeTwoFactorSignIn(const QString& code, SecondFactor factor);

    /// Records that POST /api/v1/me/two-factor/confirm succeeded, which gives the current session
    /// full scope on the server without new tokens.
    void markTwoFactorEnrolled() { m_sessionScope = SessionScope::Full; }

    /// Sends an authenticated call and passes the response body to `onSuccess` or the failure to
    /// `onFailure`, refreshing the session on 401 like every other call. An empty `body` sends no body.
    /// Neither callback runs after `context` has been destroyed.
    void sendAuthenticated(const QByteArray& verb, const QString& path, const QJsonObject& body, QObject* context,
                           std::function<void(const QByteArray& body)> onSuccess,
                           std::function<void(const ApiError& error)> onFailure);

    /// Revokes the session with POST /api/v1/auth/logout and clears the tokens. Ends in signedOut(),
    /// also when the server could not be reached.
    void signOut();

    /// Reads the signed-in user's profile; ends in profileFetched() or profileFetchFailed().
    void fetchProfile();

    /// Requests one page of GET /api/v1/admin/users and returns the id that the matching
    /// usersFetched() or usersFetchFailed() carries. An empty cursor requests the first page.
    quint64 fetchUsers(int limit, const QString& cursor);

signals:
    void signedIn(const UserAccount& user);
    void signInFailed(const ApiError& error);

    /// Emitted when the password was right and the account needs a second factor; the caller then
    /// calls completeTwoFactorSignIn() within `challengeExpiresInSeconds`.
    void twoFactorRequired(int challengeExpiresInSeconds);
    void signedOut();

    /// Emitted after the client exchanged its refresh token for a new token pair.
    void sessionRefreshed();

    /// Emitted when the session cannot be refreshed any more, so the user has to sign in again.
    void sessionExpired(const ApiError& error);

    void profileFetched(const UserAccount& user);
    void profileFetchFailed(const ApiError& error);

    void usersFetched(quint64 requestId, const UserPage& page);
    void usersFetchFailed(quint64 requestId, const ApiError& error);

    /// Emitted after a call failed because the server's certificate is not pinned yet. When the user
    /// trusts `fingerprint`, the caller stores it, calls setPinnedFingerprint() and repeats the call.
    void certificateConfirmationRequired(const QString& serverKey, const QByteArray& fingerprint);

    /// Emitted after a call was rejected because the server presented `presented` while `pinned` is the
    /// fingerprint trusted before. This can mean that someone intercepts the connection.
    void certificateChanged(const QString& serverKey, const QByteArray& pinned, const QByteArray& presented);

private:
    struct Call;
    using CallPointer = std::shared_ptr<Call>;

    void send(const CallPointer& call);
    void handleSslErrors(QNetworkReply* reply, const QList<QSslError>& errors);
    void handleFinished(QNetworkReply* reply, const CallPointer& call);
    void handleUnauthorized(const CallPointer& call, const ApiError& error);
    void startRefresh();
    void finishRefresh(bool succeeded, const ApiError& error);
    void fail(const CallPointer& call, ApiError error);

    /// Reads a TokenPair body and stores its tokens. Returns false when the body is malformed.
    bool storeTokens(const QByteArray& body);
    void handleSignInResponse(const QByteArray& body);
    void failSignIn(ApiError::Kind kind);
    void clearSession();

    QNetworkAccessManager* m_network = nullptr;
    QUrl m_serverUrl;
    QByteArray m_pinnedFingerprint;
    int m_transferTimeoutMs = kDefaultTransferTimeoutMs;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;

    QString m_accessToken;
    QString m_refreshToken;
    QString m_sessionId;
    SessionScope m_sessionScope = SessionScope::Full;
    UserAccount m_currentUser;

    /// Sign-in challenge between the password step and the second factor; never logged.
    QString m_challenge;

    bool m_refreshRunning = false;
    QList<CallPointer> m_callsWaitingForRefresh;
    quint64 m_lastRequestId = 0;
};
