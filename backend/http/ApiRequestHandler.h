#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <cstddef>
#include <set>
#include <string>
#include <string>

namespace ileadx {

class ApiException;
class AuthService;
class Metrics;
class RateLimiter;
class Router;

/// Settings every request handler reads.
struct HttpSettings
{
    std::size_t maxBodyBytes = 64 * 1024;
    std::set<std::string> trustedProxies; ///< peers whose X-Forwarded-For header is believed
};

/// Runs one request through the fixed steps: request id and security headers, route lookup, the
/// rate limit per client address, access token check, the rate limit per account, permission
/// check, the route's handler, and the one place where exceptions become problem+json answers.
/// Logs one line per request and counts it in the metrics.
class ApiRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    ApiRequestHandler(const Router& router, AuthService& auth, RateLimiter& limiter, Metrics& metrics,
                      const HttpSettings& settings);

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    const Router& m_router;
    AuthService& m_auth;
    RateLimiter& m_limiter;
    Metrics& m_metrics;
    const HttpSettings& m_settings;
};

/// Returns the client's X-Request-Id when it is short and plain, or a new request id.
std::string requestIdFor(const Poco::Net::HTTPServerRequest& request);

/// Returns the decoded path of the request URI, or an empty string when the URI is malformed.
std::string pathOf(const Poco::Net::HTTPServerRequest& request);

/// Sets the headers every response carries: HSTS, X-Request-Id, Cache-Control: no-store and
/// X-Content-Type-Options: nosniff.
void setStandardHeaders(Poco::Net::HTTPServerResponse& response, const std::string& requestId);

/// Sends `error` as an application/problem+json response (RFC 9457) that carries `requestId`.
void sendProblem(Poco::Net::HTTPServerResponse& response, const ApiException& error, const std::string& requestId);

} // namespace ileadx
