#pragma once

#include "auth/AccessTokenService.h"
#include "auth/ClientInfo.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <optional>
#include <string>

namespace ileadx {

/// One API request as handlers see it: the Poco request plus what the server already worked out
/// (request id, client address, verified claims, path parameters).
class ApiRequest final
{
public:
    ApiRequest(Poco::Net::HTTPServerRequest& http, std::string requestId, std::string clientIp,
               std::size_t maxBodyBytes);

    Poco::Net::HTTPServerRequest& http() { return m_http; }
    const std::string& requestId() const { return m_requestId; }
    const std::string& clientIp() const { return m_clientIp; }
    std::string userAgent() const;

    /// Returns the client's address, user agent and the request id, for services that record them.
    ClientInfo clientInfo(const std::string& deviceId = {}) const
    {
        return ClientInfo{m_clientIp, userAgent(), deviceId, m_requestId};
    }

    /// The claims of the verified access token; set for every route that is not public.
    const AccessClaims& claims() const;
    void setClaims(AccessClaims claims) { m_claims = std::move(claims); }

    /// Returns the body as a JSON object. Throws ApiException 415 for another content type, 413
    /// for a body over the size limit and 400 for text that is not one JSON object.
    Poco::JSON::Object::Ptr jsonObject();

    /// Returns the value of a `{name}` segment of the route's path; throws ApiException 404 when
    /// the route has no such segment.
    const std::string& pathParameter(const std::string& name) const;
    void setPathParameters(std::map<std::string, std::string> parameters) { m_pathParameters = std::move(parameters); }

    /// Returns a query parameter, or nothing when it is absent.
    std::optional<std::string> queryParameter(const std::string& name) const;

private:
    std::string readBody();
    void discardBody();

    Poco::Net::HTTPServerRequest& m_http;
    std::string m_requestId;
    std::string m_clientIp;
    std::size_t m_maxBodyBytes = 0;
    std::optional<AccessClaims> m_claims;
    std::map<std::string, std::string> m_query;
    std::map<std::string, std::string> m_pathParameters;
};

/// Returns whether the request carries a body. Without Content-Length or chunked transfer coding a
/// request's body is empty (RFC 9112, section 6.3), even though Poco would read one until the
/// connection closes, which would stall a keep-alive client.
bool announcesBody(const Poco::Net::HTTPServerRequest& request);

/// Returns a required string member of a request object; throws ApiException 400 naming the field.
std::string requireString(const Poco::JSON::Object::Ptr& object, const std::string& name, std::size_t maxLength);

/// Returns an optional string member, or `fallback`; throws ApiException 400 for a non-string.
std::string optionalString(const Poco::JSON::Object::Ptr& object, const std::string& name, std::size_t maxLength,
                           const std::string& fallback = {});

/// Returns an optional boolean member, or `fallback`; throws ApiException 400 for a non-boolean.
bool optionalBool(const Poco::JSON::Object::Ptr& object, const std::string& name, bool fallback);

} // namespace ileadx
