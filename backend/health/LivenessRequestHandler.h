#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <string_view>

namespace ileadx {

class Metrics;
struct HttpSettings;

/// Path of the liveness check that load balancers and the health sampler poll.
inline constexpr std::string_view kLivenessPath = "/healthz";

/// Serves GET /healthz with {"status":"ok"}. It sits outside the router so that no rate limit
/// applies: a load balancer must never read 429 as "dead", and the health sampler's own probes
/// must not take tokens from the clients on 127.0.0.1. It reads no state, so a 200 response shows
/// that the process accepts connections and has a free worker thread. Like ApiRequestHandler it
/// sets the security headers, logs one line and counts the request.
class LivenessRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    LivenessRequestHandler(Metrics& metrics, const HttpSettings& settings);

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    Metrics& m_metrics;
    const HttpSettings& m_settings;
};

} // namespace ileadx
