#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace ileadx {

struct TlsSettings
{
    std::string certificatePath;
    std::string privateKeyPath;
    /// "1.3" (default) or "1.2". TLS 1.2 is limited to ECDHE key exchange with AEAD ciphers.
    std::string minimumVersion = "1.3";
};

/// Creates the server's TLS context. Throws Poco::InvalidArgumentException for a minimum version
/// other than "1.2" or "1.3", and Poco::Net::SSLException when the key or certificate is unusable.
Poco::Net::Context::Ptr createServerContext(const TlsSettings& settings);

} // namespace ileadx
