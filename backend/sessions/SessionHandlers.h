#pragma once

namespace ileadx {

class Router;
class SessionService;

/// Adds the routes that list and revoke device sessions, the caller's own and, for admins, other
/// accounts'.
void addSessionRoutes(Router& router, SessionService& sessions);

} // namespace ileadx
