#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <cstddef>

namespace ileadx {

class AuthService;
class Router;

/// Settings every request handler reads.
struct HttpSettings
{
    std::size_t maxBodyBytes = 64 * 1024;
};

/// Runs one request through the fixed steps: request id and security headers, route lookup,
/// access token and permission check, the route's handler, and the one place where exceptions
/// become problem+json answers. Logs one line per request.
class ApiRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    ApiRequestHandler(const Router& router, AuthService& auth, const HttpSettings& settings);

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& m_router;
    AuthService& m_auth;
    const HttpSettings& m_settings;
};

} // namespace ileadx
