#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

namespace ileadx {

class MetricsEndpoint;
struct HttpSettings;

/// Serves GET /metrics in the Prometheus text format. It sits beside ApiRequestHandler because
/// its response is not JSON, and it keeps the same conventions: security headers, a request id,
/// problem+json errors, one access log line and a count in the request metrics. The access check
/// uses the client address that X-Forwarded-For names when the peer is a trusted proxy.
class MetricsRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    MetricsRequestHandler(MetricsEndpoint& endpoint, const HttpSettings& settings);

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    MetricsEndpoint& m_endpoint;
    const HttpSettings& m_settings;
};

} // namespace ileadx
