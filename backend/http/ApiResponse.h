#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ileadx {

/// Writes a streamed response body to the connection, piece by piece.
using BodyWriter = std::function<void(std::ostream& out)>;

/// A handler's result: a status and an optional JSON object, or a streamed body that is written
/// with chunked transfer encoding and never held in memory as a whole.
struct ApiResponse
{
    int status = 200;
    Poco::JSON::Object::Ptr body;
    std::string streamContentType; ///< content type of `stream`
    BodyWriter stream;             ///< set for a streamed body; `body` is then null
    std::vector<std::pair<std::string, std::string>> headers; ///< extra headers, such as Content-Disposition

    static ApiResponse json(int status, Poco::JSON::Object::Ptr body)
    {
        ApiResponse response;
        response.status = status;
        response.body = std::move(body);
        return response;
    }
    static ApiResponse noContent()
    {
        ApiResponse response;
        response.status = 204;
        return response;
    }
    static ApiResponse streamed(int status, std::string contentType, BodyWriter writer)
    {
        ApiResponse response;
        response.status = status;
        response.streamContentType = std::move(contentType);
        response.stream = std::move(writer);
        return response;
    }
};

/// Serialises a JSON object compactly, escaping non-ASCII characters, with no trailing newline.
std::string toJsonText(const Poco::JSON::Object::Ptr& object);

} // namespace ileadx
