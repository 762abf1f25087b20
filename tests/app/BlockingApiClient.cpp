#include "BlockingApiClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>

#include "net/CertificateFingerprint.h"

BlockingApiClient::BlockingApiClient(const QUrl& server, const QByteArray& trustedFingerprint)
    : m_server(server)
    , m_trustedFingerprint(trustedFingerprint)
{
    QObject::connect(&m_network, &QNetworkAccessManager::sslErrors, &m_network,
                     [this](QNetworkReply* reply, const QList<QSslError>& errors) {
                         const QByteArray presented =
                             CertificateFingerprint::sha256(reply->sslConfiguration().peerCertificate());
                         if (presented == m_trustedFingerprint) {
                             reply->ignoreSslErrors(errors);
                         }
                     });
}

RawApiResponse BlockingApiClient::send(const QByteArray& verb, const QString& path, const QJsonObject& body,
                                       const QString& accessToken)
{
    QUrl url = m_server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    if (!accessToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    }

    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    RawApiResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = QJsonDocument::fromJson(reply->readAll()).object();
    response.errorString = reply->errorString();
    reply->deleteLater();
    return response;
}
