#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace ileadx {

/// A handler's result: a status and an optional JSON object.
struct ApiResponse
{
    int status = 200;
    Poco::JSON::Object::Ptr body;

    static ApiResponse json(int status, Poco::JSON::Object::Ptr body) { return ApiResponse{status, std::move(body)}; }
    static ApiResponse noContent() { return ApiResponse{204, nullptr}; }
};

/// Serialises a JSON object compactly, escaping non-ASCII characters, with no trailing newline.
std::string toJsonText(const Poco::JSON::Object::Ptr& object);

} // namespace ileadx
