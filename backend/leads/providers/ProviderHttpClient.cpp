#include "leads/providers/ProviderHttpClient.h"

#include "leads/providers/ListingProvider.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <istream>
#include <memory>
#include <mutex>

namespace ileadx::leads {

namespace {

Poco::Net::Context::Ptr createClientContext(const std::string& caFile)
{
    static std::once_flag sslInitialized;
    std::call_once(sslInitialized, [] { Poco::Net::initializeSSL(); });

    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = true;
    params.caLocation = caFile;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    return context;
}

Poco::URI parseUrl(const std::string& url)
{
    try {
        Poco::URI uri(url);
        if ((uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty()) {
            return uri;
        }
    } catch (const Poco::SyntaxException&) {
        // Reported below with the same message as a URL of the wrong scheme.
    }
    throw ProviderError(ProviderErrorKind::Unavailable, "invalid provider URL \"" + url + "\": expected an absolute http or https URL");
}

std::unique_ptr<Poco::Net::HTTPClientSession> openSession(const Poco::URI& uri, const Poco::Net::Context::Ptr& context)
{
    if (uri.getScheme() == "https") {
        return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
    }
    return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

std::string readLimited(std::istream& in, std::size_t maxBytes, const std::string& url)
{
    // Without badbit in the mask, a stream swallows a read timeout and the body looks complete.
    in.exceptions(std::ios::badbit);
    std::string body;
    char buffer[16384];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > maxBytes) {
            throw ProviderError(ProviderErrorKind::MalformedResponse,
                                "response from " + url + " exceeds the limit of " + std::to_string(maxBytes) + " bytes");
        }
    }
    return body;
}

} // namespace

ProviderHttpClient::ProviderHttpClient(const std::string& caFile, int timeoutSeconds, std::size_t maxBodyBytes)
    : m_timeoutSeconds(timeoutSeconds > 0 ? timeoutSeconds : 1)
    , m_maxBodyBytes(maxBodyBytes)
{
    try {
        m_context = createClientContext(caFile);
    } catch (const Poco::Exception& error) {
        m_contextError = "cannot load the CA certificate file \"" + caFile + "\": " + error.displayText();
    }
}

ProviderHttpReply ProviderHttpClient::post(const std::string& url, const std::string& contentType, const std::string& body,
                                           const Headers& headers) const
{
    const Poco::URI uri = parseUrl(url);
    const std::string where = uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    if (uri.getScheme() == "https" && !m_context) {
        throw ProviderError(ProviderErrorKind::Unavailable, "request to " + where + " failed: " + m_contextError);
    }
    try {
        auto session = openSession(uri, m_context);
        const Poco::Timespan timeout(m_timeoutSeconds, 0);
        session->setTimeout(timeout, timeout, timeout);
        session->setKeepAlive(false);

        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType(contentType);
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
        request.set("User-Agent", "iLeadX/1.0");
        for (const auto& [name, value] : headers) {
            request.set(name, value);
        }
        session->sendRequest(request) << body;

        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        ProviderHttpReply reply{static_cast<int>(response.getStatus()), response.getContentType(), {}};
        reply.body = readLimited(in, m_maxBodyBytes, where);
        return reply;
    } catch (const Poco::TimeoutException&) {
        throw ProviderError(ProviderErrorKind::Timeout,
                            "request to " + where + " timed out after " + std::to_string(m_timeoutSeconds) + " s");
    } catch (const Poco::Net::SSLException& error) {
        throw ProviderError(ProviderErrorKind::Unavailable, "TLS connection to " + where + " failed: " + error.displayText());
    } catch (const Poco::Exception& error) {
        throw ProviderError(ProviderErrorKind::Unavailable, "request to " + where + " failed: " + error.displayText());
    }
}

} // namespace ileadx::leads
