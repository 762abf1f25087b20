#include "twofactor/TwoFactorHandlers.h"

#include "auth/AuthHandlers.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "ratelimit/RouteClass.h"
#include "shared/WireNames.h"
#include "twofactor/TwoFactorService.h"

#include <Poco/JSON/Array.h>

namespace ileadx {

namespace {

// A TOTP code has 6 digits and a recovery code 14 characters with dashes; the limits leave room
// for spaces a person types.
constexpr std::size_t kMaxCodeBytes = 16;
constexpr std::size_t kMaxRecoveryCodeBytes = 32;
constexpr std::size_t kMaxChallengeBytes = 128;

std::string key(std::string_view name)
{
    return std::string(name);
}

// Reads `code` or `recovery_code`; exactly one of them must be present.
SecondFactor secondFactorOf(const Poco::JSON::Object::Ptr& body)
{
    SecondFactor factor;
    factor.code = optionalString(body, key(wire::kCode), kMaxCodeBytes);
    factor.recoveryCode = optionalString(body, key(wire::kRecoveryCode), kMaxRecoveryCodeBytes);
    if (factor.code.empty() == factor.recoveryCode.empty()) {
        throw invalidRequest("Send either 'code' (from the authenticator app) or 'recovery_code', not both.");
    }
    return factor;
}

ApiResponse readStatus(ApiRequest& request, TwoFactorService& service)
{
    const TwoFactorStatus status = service.status(request.claims());
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(wire::kEnabled), status.enabled);
    json->set(key(wire::kPending), status.pending);
    json->set(key(wire::kRecoveryCodesLeft), status.recoveryCodesLeft);
    return ApiResponse::json(200, json);
}

ApiResponse enroll(ApiRequest& request, TwoFactorService& service)
{
    const Enrollment enrollment = service.enroll(request.claims());
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(wire::kSecret), enrollment.secretBase32);
    json->set(key(wire::kOtpauthUri), enrollment.provisioningUri);
    return ApiResponse::json(200, json);
}

ApiResponse confirm(ApiRequest& request, TwoFactorService& service)
{
    const std::string code = requireString(request.jsonObject(), key(wire::kCode), kMaxCodeBytes);
    const std::vector<std::string> codes = service.confirm(request.claims(), request.clientInfo(), code);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const std::string& recoveryCode : codes) {
        list->add(recoveryCode);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key(wire::kRecoveryCodes), list);
    return ApiResponse::json(200, json);
}

ApiResponse disable(ApiRequest& request, TwoFactorService& service)
{
    service.disable(request.claims(), request.clientInfo(), secondFactorOf(request.jsonObject()));
    return ApiResponse::noContent();
}

ApiResponse stepUp(ApiRequest& request, TwoFactorService& service)
{
    const std::string code = requireString(request.jsonObject(), key(wire::kCode), kMaxCodeBytes);
    service.stepUp(request.claims(), request.clientInfo(), code);
    return ApiResponse::noContent();
}

ApiResponse completeSignIn(ApiRequest& request, TwoFactorService& service)
{
    const Poco::JSON::Object::Ptr body = request.jsonObject();
    const std::string challenge = requireString(body, key(wire::kChallenge), kMaxChallengeBytes);
    const TokenPair pair = service.completeSignIn(challenge, secondFactorOf(body), request.clientInfo());

    return ApiResponse::json(200, tokenPairToJson(pair));
}

} // namespace

void addTwoFactorRoutes(Router& router, TwoFactorService& service)
{
    const std::string authClass(routeclass::kAuth);
    router.add({"GET", "/api/v1/me/two-factor", Permission::TwoFactorOwn,
                [&service](ApiRequest& request) { return readStatus(request, service); }});
    router.add({"POST", "/api/v1/me/two-factor/enroll", Permission::TwoFactorOwn,
                [&service](ApiRequest& request) { return enroll(request, service); }, authClass});
    router.add({"POST", "/api/v1/me/two-factor/confirm", Permission::TwoFactorOwn,
                [&service](ApiRequest& request) { return confirm(request, service); }, authClass});
    router.add({"POST", "/api/v1/me/two-factor/disable", Permission::TwoFactorOwn,
                [&service](ApiRequest& request) { return disable(request, service); }, authClass});
    router.add({"POST", "/api/v1/me/step-up", Permission::TwoFactorOwn,
                [&service](ApiRequest& request) { return stepUp(request, service); }, authClass});
    router.add({"POST", "/api/v1/auth/login/two-factor", Permission::Public,
                [&service](ApiRequest& request) { return completeSignIn(request, service); }, authClass});
}

} // namespace ileadx
