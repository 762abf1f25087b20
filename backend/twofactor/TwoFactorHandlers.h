#pragma once

namespace ileadx {

class Router;
class TwoFactorService;

/// Adds the caller's two-factor routes (status, enroll, confirm, disable, step-up) and the code
/// step of a sign-in.
void addTwoFactorRoutes(Router& router, TwoFactorService& service);

} // namespace ileadx
