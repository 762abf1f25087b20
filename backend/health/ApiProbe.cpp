#include "health/ApiProbe.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

namespace ileadx {

ApiProbe::ApiProbe(int port, const std::string& certificatePath, std::chrono::milliseconds timeout)
    : m_port(port)
    , m_timeout(timeout)
{
    Poco::Net::Context::Params params;
    params.caLocation = certificatePath;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    m_context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);

    // The served certificate itself is the trust anchor, even when a public CA issued it, and the
    // probe connects to 127.0.0.1, which such a certificate does not name.
    X509_STORE_set_flags(SSL_CTX_get_cert_store(m_context->sslContext()), X509_V_FLAG_PARTIAL_CHAIN);
    m_context->enableExtendedCertificateVerification(false);
}

ProbeResult ApiProbe::probe()
{
    ProbeResult result;
    const Poco::Timestamp started;
    try {
        Poco::Net::HTTPSClientSession session("127.0.0.1", static_cast<Poco::UInt16>(m_port), m_context);
        session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(m_timeout).count()));
        session.setKeepAlive(false);

        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setHost("localhost");
        request.set("User-Agent", "ileadx-health-sampler");
        session.sendRequest(request);

        Poco::Net::HTTPResponse response;
        std::istream& body = session.receiveResponse(response);
        Poco::NullOutputStream discard;
        Poco::StreamCopier::copyStream(body, discard);

        result.ok = response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
        if (!result.ok) {
            result.detail = "GET /healthz returned status " + std::to_string(response.getStatus());
        }
    } catch (const Poco::TimeoutException&) {
        result.detail = "GET /healthz timed out after " + std::to_string(m_timeout.count()) + " ms";
    } catch (const Poco::Exception& error) {
        result.detail = "GET /healthz failed: " + error.displayText();
    }
    result.latency = std::chrono::microseconds(started.elapsed());
    return result;
}

} // namespace ileadx
