#include "HttpsClient.h"

#include "LogCapture.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <openssl/ssl.h>

namespace ileadx::test {

Poco::JSON::Object::Ptr HttpReply::json() const
{
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(body);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) {
            return parsed.extract<Poco::JSON::Object::Ptr>();
        }
    } catch (const Poco::Exception&) {
        // The caller checks for null and reports the raw body.
    }
    return nullptr;
}

HttpsClient::HttpsClient(int port, const std::string& certificatePath, bool maxTls12)
{
    Poco::Net::initializeSSL();
    Poco::Net::Context::Params params;
    params.caLocation = certificatePath;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = false;
    m_context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    if (maxTls12) {
        SSL_CTX_set_max_proto_version(m_context->sslContext(), TLS1_2_VERSION);
    }
    m_session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", static_cast<Poco::UInt16>(port), m_context);
    m_session->setKeepAlive(true);
    m_session->setTimeout(Poco::Timespan(30, 0));
}

HttpsClient::~HttpsClient() = default;

HttpReply HttpsClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const std::string& contentType, const std::string& bearer,
                            const Poco::Net::NameValueCollection& extraHeaders)
{
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost("localhost");
    if (!bearer.empty()) {
        request.set("Authorization", "Bearer " + bearer);
    }
    for (const auto& [name, value] : extraHeaders) {
        request.set(name, value);
    }
    if (!contentType.empty()) {
        request.setContentType(contentType);
    }
    if (extraHeaders.get("X-Test-Omit-Content-Length", "") == "yes") {
        // Sent as curl -X POST without -d does: no Content-Length and no body.
        request.erase("X-Test-Omit-Content-Length");
    } else if (!body.empty() || method == "POST") {
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    m_session->sendRequest(request) << body;

    Poco::Net::HTTPResponse response;
    std::istream& in = m_session->receiveResponse(response);
    HttpReply reply;
    reply.status = response.getStatus();
    reply.contentType = response.getContentType();
    Poco::StreamCopier::copyToString(in, reply.body);
    for (const auto& [name, value] : response) {
        reply.headers.add(name, value);
    }
    if (const Poco::JSON::Object::Ptr json = reply.json()) {
        for (const char* field : {"access_token", "refresh_token", "challenge"}) {
            recordSecret(json->optValue<std::string>(field, ""));
        }
    }
    return reply;
}

std::string credentialsJson(const std::string& email, const std::string& password)
{
    recordSecret(password);
    Poco::JSON::Object object;
    object.set("email", email);
    object.set("password", password);
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

} // namespace ileadx::test
