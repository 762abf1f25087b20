#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

/// SHA-256 certificate fingerprints as the console pins them (raw 32 bytes) and as people compare
/// them (colon-separated upper-case hex, the form OpenSSL and the server's start-up log print).
class CertificateFingerprint final
{
public:
    static constexpr int kSize = 32;

    /// Computes the SHA-256 digest of the certificate's DER encoding.
    static QByteArray sha256(const QSslCertificate& certificate);

    /// Formats a digest as "AB:CD:…".
    static QString toColonHex(const QByteArray& digest);

    /// Parses colon-separated or plain hex in either case. Returns an empty array unless the text
    /// contains exactly kSize bytes.
    static QByteArray fromHex(const QString& text);
};
