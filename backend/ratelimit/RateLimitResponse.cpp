#include "ratelimit/RateLimitResponse.h"

#include "http/ApiException.h"
#include "shared/ProblemTypes.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace ileadx {

const RateLimitDecision& tighterDecision(const RateLimitDecision& first, const RateLimitDecision& second)
{
    if (first.allowed != second.allowed) {
        return first.allowed ? second : first;
    }
    return second.remaining < first.remaining ? second : first;
}

void enforceRateLimit(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                      const RateLimitDecision& decision)
{
    response.set("RateLimit-Limit", std::to_string(decision.limit));
    response.set("RateLimit-Remaining", std::to_string(decision.remaining));
    response.set("RateLimit-Reset", std::to_string(decision.resetSeconds));
    if (!decision.allowed) {
        const bool hasBody = request.getChunkedTransferEncoding() ||
                             (request.hasContentLength() && request.getContentLength64() > 0);
        if (hasBody) {
            response.setKeepAlive(false);
        }
        throw rateLimited(decision.retryAfterSeconds,
                          "Too many requests of this kind; retry after " + std::to_string(decision.retryAfterSeconds) +
                              " seconds.");
    }
}

ApiException rateLimited(int retryAfterSeconds, std::string detail)
{
    ApiException error(429, problem::kRateLimited, "Too many requests", std::move(detail));
    error.withRetryAfter(retryAfterSeconds);
    return error;
}

} // namespace ileadx
