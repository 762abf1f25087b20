#pragma once

#include <string>

namespace ileadx {

class Database;
class Router;

/// Adds the admin routes that read and verify the audit trail. No route changes or deletes entries.
/// Verification also checks the head recorded in the AuditWitness file at `witnessPath`.
void addAuditRoutes(Router& router, Database& database, const std::string& witnessPath);

} // namespace ileadx
