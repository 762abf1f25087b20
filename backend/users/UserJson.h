#pragma once

#include "storage/UserRepository.h"

#include <Poco/JSON/Object.h>

namespace ileadx {

/// Returns the API's User object; the password hash never leaves the server.
Poco::JSON::Object::Ptr userToJson(const UserRecord& user);

} // namespace ileadx
