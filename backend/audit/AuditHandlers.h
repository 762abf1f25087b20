#pragma once

namespace ileadx {

class Database;
class Router;

/// Adds the admin routes that read and verify the audit trail. No route changes or deletes entries.
void addAuditRoutes(Router& router, Database& database);

} // namespace ileadx
