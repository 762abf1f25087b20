#pragma once

#include <string>

namespace ileadx {

/// Metadata of the client that sent a request.
struct ClientInfo
{
    std::string ipAddress; ///< unmasked; stored for security work, masked in every response
    std::string userAgent;
    std::string deviceId; ///< optional identifier the client keeps for itself
    std::string requestId{}; ///< the request's X-Request-Id, recorded in audit entries
};

} // namespace ileadx
