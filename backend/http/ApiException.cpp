#include "http/ApiException.h"

#include "shared/ProblemTypes.h"

namespace ileadx {

ApiException::ApiException(int status, std::string_view type, std::string title, std::string detail)
    : m_status(status)
    , m_type(type)
    , m_title(std::move(title))
    , m_detail(std::move(detail))
{
}

ApiException& ApiException::withRetryAfter(int seconds)
{
    m_retryAfterSeconds = seconds;
    return *this;
}

ServiceBusyException::ServiceBusyException(std::string detail, int retryAfterSeconds)
    : ApiException(503, problem::kServiceBusy, "Service busy", std::move(detail))
{
    withRetryAfter(retryAfterSeconds);
}

ApiException invalidRequest(std::string detail)
{
    return ApiException(400, problem::kInvalidRequest, "Invalid request", std::move(detail));
}

ApiException unauthorized()
{
    return ApiException(401, problem::kUnauthorized, "Authentication required",
                        "Send a valid access token in the Authorization header as 'Bearer <token>'.");
}

} // namespace ileadx
