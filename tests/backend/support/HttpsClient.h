#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NameValueCollection.h>

#include <memory>
#include <string>

namespace Poco::Net {
class HTTPSClientSession;
}

namespace ileadx::test {

struct HttpReply
{
    int status = 0;
    std::string contentType;
    std::string body;
    Poco::Net::NameValueCollection headers;

    /// Parses the body as a JSON object; returns null when it is not one.
    Poco::JSON::Object::Ptr json() const;
    std::string header(const std::string& name) const { return headers.get(name, ""); }
};

/// A keep-alive HTTPS client for tests that verifies the server's certificate against the
/// certificate file it is given, so the tests exercise real TLS and not an unchecked channel.
class HttpsClient final
{
public:
    /// `maxTls12` limits the client to TLS 1.2, to check that the server refuses it.
    HttpsClient(int port, const std::string& certificatePath, bool maxTls12 = false);
    ~HttpsClient();

    /// Sends one request. An extra header `X-Test-Omit-Content-Length: yes` is not sent; it makes
    /// the request go out without a Content-Length header.
    HttpReply send(const std::string& method, const std::string& path, const std::string& body = {},
                   const std::string& contentType = "application/json", const std::string& bearer = {},
                   const Poco::Net::NameValueCollection& extraHeaders = {});

    HttpReply postJson(const std::string& path, const std::string& body, const std::string& bearer = {})
    {
        return send("POST", path, body, "application/json", bearer);
    }
    HttpReply get(const std::string& path, const std::string& bearer = {}) { return send("GET", path, {}, {}, bearer); }

private:
    Poco::Net::Context::Ptr m_context;
    std::unique_ptr<Poco::Net::HTTPSClientSession> m_session;
};

/// Returns a JSON object text for a sign-in request.
std::string credentialsJson(const std::string& email, const std::string& password);

} // namespace ileadx::test
