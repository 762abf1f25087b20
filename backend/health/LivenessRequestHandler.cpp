#include "health/LivenessRequestHandler.h"

#include "http/ApiException.h"
#include "http/ApiRequestHandler.h"
#include "http/ClientAddress.h"
#include "metrics/Metrics.h"
#include "metrics/RequestRecord.h"
#include "shared/ProblemTypes.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Stopwatch.h>

namespace ileadx {

namespace {

constexpr std::string_view kAliveBody = R"({"status":"ok"})";

} // namespace

LivenessRequestHandler::LivenessRequestHandler(Metrics& metrics, const HttpSettings& settings)
    : m_metrics(metrics)
    , m_settings(settings)
{
}

void LivenessRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                           Poco::Net::HTTPServerResponse& response)
{
    const Metrics::InFlight inFlight = m_metrics.trackInFlight();
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    const std::string requestId = requestIdFor(request);
    const std::string clientIp = resolveClientAddress(request.clientAddress().host().toString(),
                                                      request.get("X-Forwarded-For", ""), m_settings.trustedProxies);
    setStandardHeaders(response, requestId);

    int status = 200;
    if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET) {
        response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType("application/json");
        response.setContentLength64(static_cast<Poco::Int64>(kAliveBody.size()));
        response.send().write(kAliveBody.data(), static_cast<std::streamsize>(kAliveBody.size()));
    } else {
        status = 405;
        response.set("Allow", "GET");
        // An unread request body would be taken for the next request, so the connection closes.
        response.setKeepAlive(false);
        sendProblem(response, ApiException(405, problem::kMethodNotAllowed, "Method not allowed", "This route accepts GET."),
                    requestId);
    }

    recordRequest(m_metrics, RequestRecord{requestId, request.getMethod(), std::string(kLivenessPath),
                                           std::string(kLivenessPath), status,
                                           static_cast<double>(stopwatch.elapsed()) / 1e6, clientIp, std::nullopt});
}

} // namespace ileadx
