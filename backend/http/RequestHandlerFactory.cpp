#include "http/RequestHandlerFactory.h"

#include "health/LivenessRequestHandler.h"
#include "metrics/MetricsEndpoint.h"
#include "metrics/MetricsRequestHandler.h"

namespace ileadx {

const std::vector<DirectRoute>& directRoutes()
{
    static const std::vector<DirectRoute> routes = {
        {"GET", kLivenessPath, Permission::Public},
        {"GET", kMetricsPath, Permission::Public},
    };
    return routes;
}

RequestHandlerFactory::RequestHandlerFactory(const Router& router, AuthService& auth, RateLimiter& limiter,
                                             Metrics& metrics, MetricsEndpoint& metricsEndpoint, HttpSettings settings)
    : m_router(router)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_metrics(metrics)
    , m_metricsEndpoint(metricsEndpoint)
    , m_settings(settings)
{
}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest& request)
{
    const std::string path = pathOf(request);
    if (path == kLivenessPath) {
        return new LivenessRequestHandler(m_metrics, m_settings);
    }
    if (path == kMetricsPath) {
        return new MetricsRequestHandler(m_metricsEndpoint, m_settings);
    }
    return new ApiRequestHandler(m_router, m_auth, m_limiter, m_metrics, m_settings);
}

} // namespace ileadx
