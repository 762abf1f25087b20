#pragma once

namespace ileadx {

class Router;
class UserAdminService;

/// Adds the admin routes that list, read, change and delete user accounts.
void addUserRoutes(Router& router, UserAdminService& service);

} // namespace ileadx
