#include "http/ApiRequestHandler.h"

#include "auth/AuthService.h"
#include "common/Random.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "shared/IpMask.h"
#include "shared/ProblemTypes.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Stopwatch.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace ileadx {

namespace {

constexpr std::size_t kMaxRequestIdLength = 64;
constexpr std::string_view kBearerPrefix = "Bearer ";

Poco::Logger& httpLog()
{
    return Poco::Logger::get("ileadx.http");
}

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

} // namespace

ApiRequestHandler::ApiRequestHandler(const Router& router, AuthService& auth, const HttpSettings& settings)
    : m_router(router)
    , m_auth(auth)
    , m_settings(settings)
{
}

void ApiRequestHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    Poco::Stopwatch stopwatch;
    stopwatch.start();
    const std::string requestId = requestIdFor(request);
    const std::string clientIp = request.clientAddress().host().toString();
    const std::string path = pathOf(request);
    response.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    response.set("X-Request-Id", requestId);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");

    int status = 500;
    std::string userId = "-";
    try {
        const Router::Match match = m_router.match(request.getMethod(), path);
        if (!match.route && match.pathKnown) {
            response.set("Allow", match.allowedMethods);
            throw ApiException(405, problem::kMethodNotAllowed, "Method not allowed",
                               "This route accepts " + match.allowedMethods + ".");
        }
        if (!match.route) {
            throw ApiException(404, problem::kNotFound, "Not found", "No API route has this path.");
        }

        ApiRequest apiRequest(request, requestId, clientIp, m_settings.maxBodyBytes);
        if (match.route->permission != Permission::Public) {
            AccessClaims claims = m_auth.authenticate(bearerToken(request));
            userId = claims.userId;
            if (!roleHasPermission(claims.role, match.route->permission)) {
                throw ApiException(403, problem::kForbidden, "Forbidden",
                                   "Your role does not allow this action.");
            }
            apiRequest.setClaims(std::move(claims));
        }

        const ApiResponse answer = match.route->handler(apiRequest);
        status = answer.status;
        if (answer.body) {
            sendJson(response, answer.status, "application/json", toJsonText(answer.body));
        } else {
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
            response.setContentLength(0);
            response.send();
        }
    } catch (const ApiException& error) {
        status = error.status();
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

    // Poco formats the message before it checks the level, so the check comes first.
    if (!httpLog().information()) {
        return;
    }
    httpLog().information("request_id=%s method=%s path=%s status=%d duration_ms=%.2f client=%s user=%s", requestId,
                          request.getMethod(), path, status, stopwatch.elapsed() / 1000.0, maskIpAddress(clientIp),
                          userId);
}

} // namespace ileadx
