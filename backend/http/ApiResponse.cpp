#include "http/ApiResponse.h"

#include <sstream>

namespace ileadx {

std::string toJsonText(const Poco::JSON::Object::Ptr& object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

} // namespace ileadx
