#pragma once

namespace ileadx {

class AuthService;
class Router;

/// Adds registration, sign-in, refresh, sign-out and the caller's own profile.
void addAuthRoutes(Router& router, AuthService& auth);

} // namespace ileadx
