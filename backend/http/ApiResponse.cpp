#include "http/ApiResponse.h"

#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace ileadx {

std::string toJsonText(const Poco::JSON::Object::Ptr& object)
{
    // With JSON_ESCAPE_UNICODE, Poco escapes each string in one piece and writes it at once;
    // without it, it writes strings to the stream one character at a time, which made large
    // responses such as an audit page spend most of their time in the stream.
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out, 0, -1, Poco::JSON_WRAP_STRINGS | Poco::JSON_ESCAPE_UNICODE);
    return out.str();
}

} // namespace ileadx
