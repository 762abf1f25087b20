#include "http/ApiResponse.h"

#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace ileadx {

std::string toJsonText(const Poco::JSON::Object::Ptr& object)
{
    // With JSON_ESCAPE_UNICODE, Poco 1.11 escapes each string in one piece and writes it at once.
    // Without it, Poco writes strings to the stream one character at a time, and a profile of the
    // audit route showed most of its time spent there.
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out, 0, -1, Poco::JSON_WRAP_STRINGS | Poco::JSON_ESCAPE_UNICODE);
    return out.str();
}

} // namespace ileadx
