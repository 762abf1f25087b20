#pragma once

namespace ileadx {

class Database;
class Router;

/// Adds the admin routes that read user accounts.
void addUserRoutes(Router& router, Database& database);

} // namespace ileadx
