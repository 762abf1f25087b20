#pragma once

#include "storage/UserRepository.h"
#include "users/UserAdminRepository.h"

#include <Poco/JSON/Object.h>

namespace ileadx {

/// Returns the API's User object; the password hash never leaves the server.
Poco::JSON::Object::Ptr userToJson(const UserRecord& user);

/// Returns the API's AdminUser object: the User object plus the plan and the last usage reset.
Poco::JSON::Object::Ptr adminUserToJson(const AdminUserRecord& record);

} // namespace ileadx
