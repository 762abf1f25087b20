#pragma once

#include "http/ApiRequestHandler.h"
#include "shared/Permission.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string_view>
#include <vector>

namespace ileadx {

class MetricsEndpoint;

/// A route that RequestHandlerFactory serves itself, outside the router and its rate limits.
struct DirectRoute
{
    std::string_view method;
    std::string_view path;
    Permission permission;
};

/// Returns the direct routes: GET /healthz (LivenessRequestHandler) and GET /metrics
/// (MetricsRequestHandler), which is public in the permission matrix and restricted by the
/// metrics.* settings. TestOpenApiRoutes checks them against docs/openapi.yaml.
const std::vector<DirectRoute>& directRoutes();

/// Creates one ApiRequestHandler per request, or the handler of a direct route; the router and
/// services outlive the server.
class RequestHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    RequestHandlerFactory(const Router& router, AuthService& auth, RateLimiter& limiter, Metrics& metrics,
                          MetricsEndpoint& metricsEndpoint, HttpSettings settings);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& m_router;
    AuthService& m_auth;
    RateLimiter& m_limiter;
    Metrics& m_metrics;
    MetricsEndpoint& m_metricsEndpoint;
    HttpSettings m_settings;
};

} // namespace ileadx
