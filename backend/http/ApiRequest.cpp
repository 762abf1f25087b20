#include "http/ApiRequest.h"

#include "http/ApiException.h"
#include "shared/ProblemTypes.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <array>
#include <cassert>

namespace ileadx {

namespace {

// Request bodies are small objects; deeper nesting than this is an attack, not a client.
constexpr std::size_t kMaxJsonDepth = 16;

// An oversized body is read and dropped up to this size so the client receives the 413 response.
constexpr std::size_t kMaxDrainBytes = 1024 * 1024;

ApiException payloadTooLarge(std::size_t limit)
{
    return ApiException(413, problem::kPayloadTooLarge, "Request body too large",
                        "The request body must not exceed " + std::to_string(limit) + " bytes.");
}

} // namespace

ApiRequest::ApiRequest(Poco::Net::HTTPServerRequest& http, std::string requestId, std::string clientIp,
                       std::size_t maxBodyBytes)
    : m_http(http)
    , m_requestId(std::move(requestId))
    , m_clientIp(std::move(clientIp))
    , m_maxBodyBytes(maxBodyBytes)
{
    try {
        for (const auto& [name, value] : Poco::URI(m_http.getURI()).getQueryParameters()) {
            m_query.emplace(name, value);
        }
    } catch (const Poco::SyntaxException&) {
        throw invalidRequest("The query string is not valid URL encoding.");
    }
}

std::string ApiRequest::userAgent() const
{
    return m_http.get("User-Agent", "");
}

const AccessClaims& ApiRequest::claims() const
{
    // Public routes never call this; the router checks every other route's token before its handler.
    assert(m_claims.has_value());
    if (!m_claims) {
        throw unauthorized();
    }
    return *m_claims;
}

const std::string& ApiRequest::pathParameter(const std::string& name) const
{
    const auto found = m_pathParameters.find(name);
    if (found == m_pathParameters.end()) {
        throw ApiException(404, problem::kNotFound, "Not found", "No API route has this path.");
    }
    return found->second;
}

std::optional<std::string> ApiRequest::queryParameter(const std::string& name) const
{
    const auto found = m_query.find(name);
    if (found == m_query.end()) {
        return std::nullopt;
    }
    return found->second;
}

bool announcesBody(const Poco::Net::HTTPServerRequest& request)
{
    return request.hasContentLength() || request.getChunkedTransferEncoding();
}

void ApiRequest::discardBody()
{
    if (!announcesBody(m_http)) {
        return;
    }
    // Reading what the client is still sending lets it receive the 413 response instead of a reset
    // connection. Past the drain limit the connection is closed instead.
    std::istream& in = m_http.stream();
    std::array<char, 8192> buffer{};
    std::size_t drained = 0;
    while (in && drained < kMaxDrainBytes) {
        in.read(buffer.data(), buffer.size());
        drained += static_cast<std::size_t>(in.gcount());
    }
}

std::string ApiRequest::readBody()
{
    if (!announcesBody(m_http)) {
        return {};
    }
    if (m_http.hasContentLength() && m_http.getContentLength64() > static_cast<Poco::Int64>(m_maxBodyBytes)) {
        discardBody();
        throw payloadTooLarge(m_maxBodyBytes);
    }

    // A chunked body announces no length, so reading stops one byte past the limit.
    std::string body;
    body.resize(m_maxBodyBytes + 1);
    std::istream& in = m_http.stream();
    in.read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<std::size_t>(in.gcount()));
    if (body.size() > m_maxBodyBytes) {
        discardBody();
        throw payloadTooLarge(m_maxBodyBytes);
    }
    return body;
}

Poco::JSON::Object::Ptr ApiRequest::jsonObject()
{
    const std::string contentType = m_http.getContentType();
    bool isJson = false;
    try {
        isJson = !contentType.empty() && Poco::Net::MediaType(contentType).matches("application", "json");
    } catch (const Poco::Exception&) {
        isJson = false;
    }
    if (!isJson) {
        throw ApiException(415, problem::kUnsupportedMediaType, "Unsupported media type",
                           "Send the request body as 'application/json'.");
    }

    const std::string body = readBody();
    try {
        Poco::JSON::Parser parser;
        parser.setDepth(kMaxJsonDepth);
        const Poco::Dynamic::Var parsed = parser.parse(body);
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
            throw ApiException(400, problem::kInvalidJson, "Invalid JSON", "The request body must be a JSON object.");
        }
        return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        // Poco's message may quote the input; the client gets a fixed text instead.
        throw ApiException(400, problem::kInvalidJson, "Invalid JSON", "The request body is not valid JSON.");
    }
}

std::string requireString(const Poco::JSON::Object::Ptr& object, const std::string& name, std::size_t maxLength)
{
    if (!object->has(name)) {
        throw invalidRequest("'" + name + "' is required.");
    }
    return optionalString(object, name, maxLength);
}

std::string optionalString(const Poco::JSON::Object::Ptr& object, const std::string& name, std::size_t maxLength,
                           const std::string& fallback)
{
    if (!object->has(name) || object->isNull(name)) {
        return fallback;
    }
    const Poco::Dynamic::Var value = object->get(name);
    if (!value.isString()) {
        throw invalidRequest("'" + name + "' must be a string.");
    }
    std::string text = value.extract<std::string>();
    if (text.size() > maxLength) {
        throw invalidRequest("'" + name + "' must not exceed " + std::to_string(maxLength) + " bytes.");
    }
    return text;
}

bool optionalBool(const Poco::JSON::Object::Ptr& object, const std::string& name, bool fallback)
{
    if (!object->has(name) || object->isNull(name)) {
        return fallback;
    }
    const Poco::Dynamic::Var value = object->get(name);
    if (value.type() != typeid(bool)) {
        throw invalidRequest("'" + name + "' must be true or false.");
    }
    return value.extract<bool>();
}

} // namespace ileadx
