#include "auth/AuthHandlers.h"

#include "auth/AuthService.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "ratelimit/RouteClass.h"
#include "shared/WireNames.h"
#include "users/UserJson.h"

#include <Poco/Logger.h>

namespace ileadx {

namespace {

// Field limits are generous for real clients and small enough that no field can carry a payload.
constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kMaxDeviceIdBytes = 128;
constexpr std::size_t kMaxRefreshTokenBytes = 256;

std::string key(std::string_view name)
{
    return std::string(name);
}

Poco::JSON::Object::Ptr signInResultToJson(const SignInResult& result)
{
    if (result.tokens) {
        return tokenPairToJson(*result.tokens);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(wire::kTwoFactorRequired), true);
    json->set(key(wire::kChallenge), result.challenge);
    json->set(key(wire::kChallengeExpiresIn), result.challengeExpiresInSeconds);
    return json;
}

ApiResponse registerAccount(ApiRequest& request, AuthService& auth)
{
    const Poco::JSON::Object::Ptr body = request.jsonObject();
    const std::string email = requireString(body, key(wire::kEmail), kMaxEmailBytes);
    const std::string password = requireString(body, key(wire::kPassword), kMaxPasswordBytes);
    auth.registerUser(email, password);

    Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
    answer->set("status", "accepted");
    return ApiResponse::json(202, answer);
}

ApiResponse login(ApiRequest& request, AuthService& auth)
{
    const Poco::JSON::Object::Ptr body = request.jsonObject();
    const std::string email = requireString(body, key(wire::kEmail), kMaxEmailBytes);
    const std::string password = requireString(body, key(wire::kPassword), kMaxPasswordBytes);
    const bool rememberMe = optionalBool(body, key(wire::kRememberMe), false);
    const std::string deviceId = optionalString(body, key(wire::kDeviceId), kMaxDeviceIdBytes);

    try {
        const SignInResult result = auth.login(email, password, rememberMe, request.clientInfo(deviceId));
        return ApiResponse::json(200, signInResultToJson(result));
    } catch (const ApiException& error) {
        // The address is personal data, so the log names only the request.
        Poco::Logger::get("ileadx.auth").notice("request_id=%s sign-in failed: %s", request.requestId(), error.title());
        throw;
    }
}

ApiResponse refresh(ApiRequest& request, AuthService& auth)
{
    const Poco::JSON::Object::Ptr body = request.jsonObject();
    const std::string token = requireString(body, key(wire::kRefreshToken), kMaxRefreshTokenBytes);
    return ApiResponse::json(200, tokenPairToJson(auth.refresh(token, request.clientInfo())));
}

ApiResponse logout(ApiRequest& request, AuthService& auth)
{
    auth.logout(request.claims().sessionId, "logout", request.clientInfo());
    return ApiResponse::noContent();
}

ApiResponse changePassword(ApiRequest& request, AuthService& auth)
{
    const Poco::JSON::Object::Ptr body = request.jsonObject();
    const std::string current = requireString(body, key(wire::kCurrentPassword), kMaxPasswordBytes);
    const std::string next = requireString(body, key(wire::kNewPassword), kMaxPasswordBytes);
    auth.changePassword(request.claims(), current, next, request.clientInfo());
    return ApiResponse::noContent();
}

ApiResponse readOwnProfile(ApiRequest& request, AuthService& auth)
{
    const std::optional<UserRecord> user = auth.findUser(request.claims().userId);
    if (!user) {
        // The session outlived its account; treat the token as invalid.
        throw unauthorized();
    }
    return ApiResponse::json(200, userToJson(*user));
}

} // namespace

Poco::JSON::Object::Ptr tokenPairToJson(const TokenPair& pair)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(wire::kAccessToken), pair.accessToken);
    json->set(key(wire::kTokenType), "Bearer");
    json->set(key(wire::kExpiresIn), pair.accessExpiresInSeconds);
    json->set(key(wire::kRefreshToken), pair.refreshToken);
    json->set(key(wire::kRefreshExpiresIn), pair.refreshExpiresInSeconds);
    json->set(key(wire::kSessionId), pair.sessionId);
    json->set(key(wire::kScope), pair.scope);
    json->set(key(wire::kTwoFactorRequired), false);
    json->set(key(wire::kUser), userToJson(pair.user));
    return json;
}

void addAuthRoutes(Router& router, AuthService& auth)
{
    const std::string authClass(routeclass::kAuth);
    router.add({"POST", "/api/v1/auth/register", Permission::Public,
                [&auth](ApiRequest& request) { return registerAccount(request, auth); }, authClass});
    router.add({"POST", "/api/v1/auth/login", Permission::Public,
                [&auth](ApiRequest& request) { return login(request, auth); }, authClass});
    router.add({"POST", "/api/v1/auth/refresh", Permission::Public,
                [&auth](ApiRequest& request) { return refresh(request, auth); }, authClass});
    router.add({"POST", "/api/v1/auth/logout", Permission::SessionOwn,
                [&auth](ApiRequest& request) { return logout(request, auth); }, authClass});
    router.add({"POST", "/api/v1/me/password", Permission::AccountOwn,
                [&auth](ApiRequest& request) { return changePassword(request, auth); }, authClass});
    router.add({"GET", "/api/v1/me", Permission::ProfileReadOwn,
                [&auth](ApiRequest& request) { return readOwnProfile(request, auth); }});
}

} // namespace ileadx
