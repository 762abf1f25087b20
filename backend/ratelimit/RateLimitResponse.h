#pragma once

#include "ratelimit/RateLimiter.h"

#include <string>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}

namespace ileadx {

class ApiException;

/// Returns the decision with fewer remaining requests, or the rejecting one, so the RateLimit-*
/// headers describe the limit the client reaches first.
const RateLimitDecision& tighterDecision(const RateLimitDecision& first, const RateLimitDecision& second);

/// Sets the RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers (the IETF draft
/// "RateLimit header fields for HTTP": limit is the bucket size, reset the seconds until it is
/// full again), then throws rateLimited() when the decision rejects the request. A rejected request
/// with a body also closes the connection, because its unread body would be taken for the next
/// request.
void enforceRateLimit(const Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                      const RateLimitDecision& decision);

/// Returns a 429 problem with a Retry-After header of `retryAfterSeconds`.
ApiException rateLimited(int retryAfterSeconds, std::string detail);

} // namespace ileadx
