#include "metrics/MetricsRequestHandler.h"

#include "http/ApiException.h"
#include "http/ApiRequestHandler.h"
#include "http/ClientAddress.h"
#include "logging/LogEvent.h"
#include "metrics/Metrics.h"
#include "metrics/MetricsEndpoint.h"
#include "metrics/RequestRecord.h"
#include "shared/ProblemTypes.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Stopwatch.h>

namespace ileadx {

MetricsRequestHandler::MetricsRequestHandler(MetricsEndpoint& endpoint, const HttpSettings& settings)
    : m_endpoint(endpoint)
    , m_settings(settings)
{
}

void MetricsRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                          Poco::Net::HTTPServerResponse& response)
{
    Metrics& metrics = m_endpoint.metrics();
    const Metrics::InFlight inFlight = metrics.trackInFlight();
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    const std::string requestId = requestIdFor(request);
    const std::string clientIp = resolveClientAddress(request.clientAddress().host().toString(),
                                                      request.get("X-Forwarded-For", ""), m_settings.trustedProxies);
    setStandardHeaders(response, requestId);

    int status = 500;
    try {
        if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET) {
            response.set("Allow", "GET");
            // An unread request body would be taken for the next request, so the connection closes.
            response.setKeepAlive(false);
            throw ApiException(405, problem::kMethodNotAllowed, "Method not allowed", "This route accepts GET.");
        }
        m_endpoint.checkAccess(Poco::Net::IPAddress(clientIp), request.get("Authorization", ""));

        const std::string text = m_endpoint.scrape();
        status = 200;
        response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType(std::string(kMetricsContentType));
        response.setContentLength64(static_cast<Poco::Int64>(text.size()));
        response.send().write(text.data(), static_cast<std::streamsize>(text.size()));
    } catch (const ApiException& error) {
        status = error.status();
        if (status == 401) {
            response.set("WWW-Authenticate", "Bearer");
        }
        sendProblem(response, error, requestId);
    } catch (const std::exception& error) {
        status = 500;
        Poco::Logger::get("ileadx.metrics").error("request_id=%s metrics scrape failed: %s", requestId, errorText(error));
        if (!response.sent()) {
            sendProblem(response,
                        ApiException(500, problem::kInternal, "Internal server error",
                                     "The server failed to complete the request; quote the request id when reporting it."),
                        requestId);
        }
    }

    recordRequest(metrics, RequestRecord{requestId, request.getMethod(), std::string(kMetricsPath),
                                         std::string(kMetricsPath), status,
                                         static_cast<double>(stopwatch.elapsed()) / 1e6, clientIp, std::nullopt});
}

} // namespace ileadx
