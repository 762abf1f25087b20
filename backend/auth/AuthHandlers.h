#pragma once

#include <Poco/JSON/Object.h>

namespace ileadx {

class AuthService;
class Router;
struct TokenPair;

/// Returns the JSON body of a completed sign-in or refresh.
Poco::JSON::Object::Ptr tokenPairToJson(const TokenPair& pair);

/// Adds registration, sign-in, refresh, sign-out and the caller's own profile.
void addAuthRoutes(Router& router, AuthService& auth);

} // namespace ileadx
