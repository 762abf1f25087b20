#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>

/// A failed API call: where it failed, the server's problem details when it sent any, and the
/// translated sentence that the console shows for it.
struct ApiError
{
    enum class Kind
    {
        None,               ///< no failure
        Network,            ///< the transfer failed; `networkError` has the reason
        Timeout,            ///< no data arrived within the transfer timeout
        ResponseTooLarge,   ///< the response exceeded the client's size limit
        UnknownCertificate, ///< the certificate does not validate and no fingerprint is pinned yet
        CertificateChanged, ///< the certificate differs from the pinned fingerprint
        Problem,            ///< the server answered with an HTTP error status
        InvalidResponse,    ///< the server answered 2xx with a body the client cannot read
        NotSignedIn,        ///< an authenticated call was made without a session
        InvalidServerUrl,   ///< the server URL is empty, malformed or not https
    };

    Kind kind = Kind::None;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    int httpStatus = 0;
    QString problemType;
    QString problemTitle;
    QString problemDetail;
    QString requestId;

    /// SHA-256 digest of the certificate that the server presented, for the certificate kinds.
    QByteArray presentedFingerprint;

    /// Technical detail for logs, such as Qt's error string. It is never the message shown.
    QString technicalDetail;

    /// Translated plain-language sentence for the user, filled by ProblemMessages::describe().
    QString message;

    /// Reads the fields of an application/problem+json body into this error. Returns false when the
    /// body is not a JSON object, and then only `httpStatus` describes the failure.
    bool readProblemBody(const QByteArray& body);

    /// Returns the name of `kind` for logs, such as "certificate-changed".
    QString kindName() const;

    bool isCertificateError() const { return kind == Kind::UnknownCertificate || kind == Kind::CertificateChanged; }
};

Q_DECLARE_METATYPE(ApiError)
