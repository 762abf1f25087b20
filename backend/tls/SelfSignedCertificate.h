#pragma once

#include <string>

namespace ileadx {

struct CertificateFiles
{
    std::string certificatePath;
    std::string privateKeyPath;
};

/// Returns the self-signed certificate in `directory`, creating it on first use: an ECDSA P-256
/// key (file mode 0600) and a certificate valid for 825 days for localhost, 127.0.0.1, ::1 and
/// `hostName`. Throws Poco::Exception when OpenSSL or the file system fails.
CertificateFiles ensureSelfSignedCertificate(const std::string& directory, const std::string& hostName);

/// Returns the SHA-256 fingerprint of the certificate in a PEM file as colon-separated uppercase
/// hex ("AB:CD:..."), the form browsers and `openssl x509 -fingerprint -sha256` show.
std::string certificateFingerprint(const std::string& certificatePath);

} // namespace ileadx
