#pragma once

#include <optional>
#include <string>

namespace ileadx {

class Metrics;

/// One completed request, as the request metrics and the access log record it.
struct RequestRecord
{
    std::string requestId;
    std::string method;
    std::string path;
    std::string route = "unmatched"; ///< the matched route's path template
    int status = 500;
    double seconds = 0;
    std::string clientIp;              ///< unmasked; recordRequest() masks it
    std::optional<std::string> userId; ///< set when an access token was verified
};

/// Counts `request` in `metrics` and writes its access log line to the "ileadx.http" logger at
/// information level, with the client address masked.
void recordRequest(Metrics& metrics, const RequestRecord& request);

} // namespace ileadx
