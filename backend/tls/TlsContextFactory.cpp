#include "tls/TlsContextFactory.h"

#include <Poco/Exception.h>

#include <openssl/ssl.h>

namespace ileadx {

namespace {

// TLS 1.2 suites with forward secrecy and authenticated encryption only; TLS 1.3 suites are AEAD
// by definition and keep OpenSSL's defaults.
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

} // namespace

Poco::Net::Context::Ptr createServerContext(const TlsSettings& settings)
{
    if (settings.minimumVersion != "1.3" && settings.minimumVersion != "1.2") {
        throw Poco::InvalidArgumentException("tls.minimumVersion must be 1.2 or 1.3", settings.minimumVersion);
    }

    Poco::Net::Context::Params params;
    params.privateKeyFile = settings.privateKeyPath;
    params.certificateFile = settings.certificatePath;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.cipherList = kTls12Ciphers;
    params.loadDefaultCAs = false;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);

    const bool tls13Only = settings.minimumVersion == "1.3";
    context->requireMinimumProtocol(tls13Only ? Poco::Net::Context::PROTO_TLSV1_3 : Poco::Net::Context::PROTO_TLSV1_2);
    context->preferServerCiphers();
    context->enableSessionCache(true, "ileadx");

    // Renegotiation lets a client make the server redo expensive handshakes on one connection.
    SSL_CTX_set_options(context->sslContext(), SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    return context;
}

} // namespace ileadx
