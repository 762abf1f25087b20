#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

/// One API response, as a test reads it.
struct RawApiResponse
{
    /// HTTP status, or 0 when no response arrived.
    int status = 0;
    QJsonObject body;
    QString errorString;

    QString problemType() const { return body.value(QLatin1StringView("type")).toString(); }
};

/// Calls the iLeadX API directly and waits for each response, so a test can prepare accounts and check
/// the server's state next to the console. It trusts only the certificate with the given fingerprint.
class BlockingApiClient final
{
    Q_DISABLE_COPY_MOVE(BlockingApiClient)

public:
    static constexpr int kTimeoutMs = 30000;

    BlockingApiClient(const QUrl& server, const QByteArray& trustedFingerprint);

    /// Sends `verb` to `path` with `body` as JSON (none when empty) and `accessToken` as bearer token
    /// (none when empty).
    RawApiResponse send(const QByteArray& verb, const QString& path, const QJsonObject& body = {},
                        const QString& accessToken = {});

private:
    QUrl m_server;
    QByteArray m_trustedFingerprint;
    QNetworkAccessManager m_network;
};
