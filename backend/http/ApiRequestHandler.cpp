#include "http/ApiRequestHandler.h"

#include "auth/AuthService.h"
#include "common/Random.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/ClientAddress.h"
#include "http/Router.h"
#include "metrics/Metrics.h"
#include "metrics/RequestRecord.h"
#include "ratelimit/RateLimitKeys.h"
#include "ratelimit/RateLimitResponse.h"
#include "ratelimit/RouteClass.h"
#include "shared/ProblemTypes.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Stopwatch.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace ileadx {

namespace {

constexpr std::size_t kMaxRequestIdLength = 64;
constexpr std::string_view kBearerPrefix = "Bearer ";

Poco::Logger& httpLog()
{
    return Poco::Logger::get("ileadx.http");
}

} // namespace

// Reuses the client's X-Request-Id when it is short and plain, so logs on both sides line up.
std::string requestIdFor(const Poco::Net::HTTPServerRequest& request)
{
    const std::string& offered = request.get("X-Request-Id", "");
    const bool plain = !offered.empty() && offered.size() <= kMaxRequestIdLength &&
                       std::all_of(offered.begin(), offered.end(), [](unsigned char c) {
                           return std::isalnum(c) || c == '-' || c == '_' || c == '.';
                       });
    return plain ? offered : newRequestId();
}

std::string pathOf(const Poco::Net::HTTPServerRequest& request)
{
    try {
        return Poco::URI(request.getURI()).getPath();
    } catch (const Poco::SyntaxException&) {
        return {};
    }
}

namespace {

// An admin who has not set up two-factor sign-in yet may enrol, read their profile and manage or
// end their own sessions, and nothing else.
bool allowedBeforeEnrollment(Permission permission)
{
    return permission == Permission::TwoFactorOwn || permission == Permission::ProfileReadOwn ||
           permission == Permission::SessionOwn;
}

std::string bearerToken(const Poco::Net::HTTPServerRequest& request)
{
    const std::string& header = request.get("Authorization", "");
    if (header.size() <= kBearerPrefix.size() || !header.starts_with(kBearerPrefix)) {
        throw unauthorized();
    }
    return header.substr(kBearerPrefix.size());
}

void sendJson(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
              const std::string& body)
{
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType(contentType);
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

} // namespace

void setStandardHeaders(Poco::Net::HTTPServerResponse& response, const std::string& requestId)
{
    response.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    response.set("X-Request-Id", requestId);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
}

void sendProblem(Poco::Net::HTTPServerResponse& response, const ApiException& error, const std::string& requestId)
{
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("type", error.type());
    body->set("title", error.title());
    body->set("status", error.status());
    if (!error.detail().empty()) {
        body->set("detail", error.detail());
    }
    body->set("request_id", requestId);
    if (error.status() == 413) {
        // The rest of an oversized body may still be in flight, so the connection is not reused.
        response.setKeepAlive(false);
    }
    if (error.retryAfterSeconds()) {
        response.set("Retry-After", std::to_string(*error.retryAfterSeconds()));
    }
    sendJson(response, error.status(), "application/problem+json", toJsonText(body));
}

ApiRequestHandler::ApiRequestHandler(const Router& router, AuthService& auth, RateLimiter& limiter, Metrics& metrics,
                                     const HttpSettings& settings)
    : m_router(router)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_metrics(metrics)
    , m_settings(settings)
{
}

namespace {

// A keep-alive connection carries the next request right after this one's body, so a body that
// the handler left unread (a 401 before the body was parsed, a route that takes none) must be
// read to its end first. Past 1 MiB the connection is closed instead.
void discardUnreadBody(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    constexpr std::streamsize kMaxDiscardBytes = 1024 * 1024;
    if (!announcesBody(request)) {
        return;
    }
    std::istream& body = request.stream();
    std::array<char, 8192> buffer{};
    std::streamsize discarded = 0;
    while (body.good() && discarded <= kMaxDiscardBytes) {
        body.read(buffer.data(), buffer.size());
        discarded += body.gcount();
    }
    if (discarded > kMaxDiscardBytes) {
        response.setKeepAlive(false);
    }
}

} // namespace

void ApiRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    const Metrics::InFlight inFlight = m_metrics.trackInFlight();
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    const std::string requestId = requestIdFor(request);
    const std::string clientIp = resolveClientAddress(request.clientAddress().host().toString(),
                                                      request.get("X-Forwarded-For", ""), m_settings.trustedProxies);
    const std::string path = pathOf(request);
    setStandardHeaders(response, requestId);

    int status = 500;
    std::string route = "unmatched";
    std::optional<std::string> userId;
    try {
        const Router::Match match = m_router.match(request.getMethod(), path);
        if (match.route) {
            route = match.route->path;
        }

        // Requests for unknown paths count against the default class, so probing is limited too.
        const std::string routeClass = match.route ? match.route->rateLimitClass : std::string(routeclass::kDefault);
        const RateLimitDecision addressLimit = m_limiter.consume(routeClass, clientAddressKey(clientIp));
        enforceRateLimit(request, response, addressLimit);

        if (!match.route && match.pathKnown) {
            response.set("Allow", match.allowedMethods);
            throw ApiException(405, problem::kMethodNotAllowed, "Method not allowed",
                               "This route accepts " + match.allowedMethods + ".");
        }
        if (!match.route) {
            throw ApiException(404, problem::kNotFound, "Not found", "No API route has this path.");
        }

        ApiRequest apiRequest(request, requestId, clientIp, m_settings.maxBodyBytes);
        apiRequest.setPathParameters(match.parameters);
        if (match.route->permission != Permission::Public) {
            AccessClaims claims = m_auth.authenticate(bearerToken(request));
            userId = claims.userId;
            const RateLimitDecision accountLimit = m_limiter.consume(routeClass, accountKey(claims.userId));
            enforceRateLimit(request, response, tighterDecision(addressLimit, accountLimit));
            if (!roleHasPermission(claims.role, match.route->permission)) {
                throw ApiException(403, problem::kForbidden, "Forbidden",
                                   "Your role does not allow this action.");
            }
            if (claims.enrollmentOnly && !allowedBeforeEnrollment(match.route->permission)) {
                throw ApiException(403, problem::kTwoFactorEnrollmentRequired, "Two-factor sign-in required",
                                   "Set up two-factor sign-in before using this account.");
            }
            apiRequest.setClaims(std::move(claims));
        }

        const ApiResponse answer = match.route->handler(apiRequest);
        status = answer.status;
        discardUnreadBody(request, response);
        for (const auto& [name, value] : answer.headers) {
            response.set(name, value);
        }
        if (answer.stream) {
            // Sent in chunks as the writer produces them. A failure after this point can only
            // close the connection, because the status line is already sent.
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
            response.setContentType(answer.streamContentType);
            response.setChunkedTransferEncoding(true);
            std::ostream& out = response.send();
            try {
                answer.stream(out);
                out.flush();
            } catch (const std::exception& error) {
                // Closing the socket keeps Poco from writing the final empty chunk, so the client
                // sees a truncated transfer instead of a complete-looking body.
                status = 500;
                httpLog().error("request_id=%s streamed response failed: %s", requestId, std::string(error.what()));
                response.setKeepAlive(false);
                static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().close();
            }
        } else if (answer.body) {
            sendJson(response, answer.status, "application/json", toJsonText(answer.body));
        } else {
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
            response.setContentLength(0);
            response.send();
        }
    } catch (const ApiException& error) {
        status = error.status();
        if (error.type() == problem::kRateLimited) {
            m_metrics.countRateLimited();
        }
        if (error.status() != 413) {
            discardUnreadBody(request, response);
        }
        sendProblem(response, error, requestId);
    } catch (const std::exception& error) {
        // The client learns only that something failed and which request id to quote.
        status = 500;
        httpLog().error("request_id=%s unhandled error: %s", requestId, std::string(error.what()));
        if (!response.sent()) {
            sendProblem(response,
                        ApiException(500, problem::kInternal, "Internal server error",
                                     "The server failed to complete the request; quote the request id when reporting it."),
                        requestId);
        }
    }

    recordRequest(m_metrics, RequestRecord{requestId, request.getMethod(), path, route, status,
                                           static_cast<double>(stopwatch.elapsed()) / 1e6, clientIp, userId});
}

} // namespace ileadx
