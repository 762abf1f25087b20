#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "net/ApiError.h"
#include "net/DeviceSession.h"

class ApiClient;

/// The signed-in account's own sessions: GET /api/v1/me/sessions, DELETE /api/v1/me/sessions/{id}
/// and POST /api/v1/me/sessions/revoke-others. Every call ends in exactly one signal.
class SessionsApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsApi)

public:
    explicit SessionsApi(ApiClient* client, QObject* parent = nullptr);

    /// Lists the account's open sessions; ends in sessionsFetched() or requestFailed().
    void fetchSessions();

    /// Ends one session of the account; ends in sessionRevoked() or requestFailed().
    void revokeSession(const QString& sessionId);

    /// Ends every session of the account except the current one; ends in otherSessionsRevoked() or
    /// requestFailed().
    void revokeOtherSessions();

signals:
    void sessionsFetched(const QList<DeviceSession>& sessions);
    void sessionRevoked(const QString& sessionId);

    /// `count` is the number of sessions the server ended.
    void otherSessionsRevoked(int count);

    void requestFailed(const ApiError& error);

private:
    ApiClient* m_client = nullptr;
};
