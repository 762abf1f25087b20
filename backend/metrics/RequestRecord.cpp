#include "metrics/RequestRecord.h"

#include "logging/LogEvent.h"
#include "metrics/Metrics.h"
#include "shared/IpMask.h"

#include <Poco/Logger.h>

namespace ileadx {

void recordRequest(Metrics& metrics, const RequestRecord& request)
{
    metrics.countRequest(request.method, request.route, request.status, request.seconds);

    // Building the event costs more than the level check, so the check comes first.
    Poco::Logger& log = Poco::Logger::get("ileadx.http");
    if (!log.information()) {
        return;
    }
    LogEvent("request")
        .add("request_id", request.requestId)
        .add("method", request.method)
        .add("path", request.path)
        .add("route", request.route)
        .add("status", static_cast<long long>(request.status))
        .add("duration_ms", request.seconds * 1000.0, 2)
        .add("client", maskIpAddress(request.clientIp))
        .addOptional("user", request.userId)
        .log(log, Poco::Message::PRIO_INFORMATION);
}

} // namespace ileadx
