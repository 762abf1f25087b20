#include "users/UserHandlers.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "shared/WireNames.h"
#include "users/UserAdminService.h"
#include "users/UserJson.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include <sstream>

namespace ileadx {

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

// A cursor is the last row's creation time and id, base64url-encoded so clients treat it as opaque.
std::string encodeCursor(const UserRecord& last)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << last.createdAt << ':' << last.id;
    encoder.close();
    return out.str();
}

UserCursor decodeCursor(const std::string& text)
{
    std::string plain;
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        plain.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        throw invalidRequest("'cursor' is not a cursor this server returned.");
    }

    const std::size_t colon = plain.find(':');
    Poco::Int64 createdAt = 0;
    if (colon == std::string::npos || !Poco::NumberParser::tryParse64(plain.substr(0, colon), createdAt) ||
        colon + 1 >= plain.size()) {
        throw invalidRequest("'cursor' is not a cursor this server returned.");
    }
    return UserCursor{createdAt, plain.substr(colon + 1)};
}

int pageSize(const ApiRequest& request)
{
    const std::optional<std::string> text = request.queryParameter(std::string(wire::kLimit));
    if (!text) {
        return kDefaultPageSize;
    }
    int limit = 0;
    if (!Poco::NumberParser::tryParse(*text, limit) || limit < 1 || limit > kMaxPageSize) {
        throw invalidRequest("'limit' must be a whole number from 1 to " + std::to_string(kMaxPageSize) + ".");
    }
    return limit;
}

// The longest `q` accepted; longer text cannot be a substring of a valid address anyway.
constexpr std::size_t kMaxQueryLength = 254;

UserFilter userFilter(const ApiRequest& request)
{
    UserFilter filter;
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kEmailQuery))) {
        if (text->size() > kMaxQueryLength) {
            throw invalidRequest("'q' must be at most " + std::to_string(kMaxQueryLength) + " characters.");
        }
        filter.emailContains = *text;
    }
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kRole))) {
        filter.role = parseRole(*text);
        if (!filter.role) {
            throw invalidRequest("'role' must be user, admin or super_admin.");
        }
    }
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kPlan))) {
        filter.plan = parsePlan(*text);
        if (!filter.plan) {
            throw invalidRequest("'plan' must be free, starter, pro or enterprise.");
        }
    }
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kTwoFactor))) {
        if (*text != "true" && *text != "false") {
            throw invalidRequest("'two_factor' must be true or false.");
        }
        filter.twoFactorEnabled = *text == "true";
    }
    return filter;
}

ClientInfo clientOf(ApiRequest& request)
{
    return ClientInfo{request.clientIp(), request.userAgent(), {}, request.requestId()};
}

ApiResponse listUsers(ApiRequest& request, UserAdminService& service)
{
    const int limit = pageSize(request);
    const UserFilter filter = userFilter(request);
    std::optional<UserCursor> cursor;
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kCursor))) {
        cursor = decodeCursor(*text);
    }

    // One extra row tells whether another page follows without a second query.
    std::vector<AdminUserRecord> users = service.list(filter, limit + 1, cursor);
    const bool hasMore = static_cast<int>(users.size()) > limit;
    if (hasMore) {
        users.resize(static_cast<std::size_t>(limit));
    }

    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const AdminUserRecord& user : users) {
        items->add(adminUserToJson(user));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(std::string(wire::kItems), items);
    if (hasMore) {
        body->set(std::string(wire::kNextCursor), encodeCursor(users.back().user));
    } else {
        body->set(std::string(wire::kNextCursor), Poco::Dynamic::Var());
    }
    return ApiResponse::json(200, body);
}

ApiResponse changeRole(ApiRequest& request, UserAdminService& service)
{
    const std::string text = requireString(request.jsonObject(), std::string(wire::kRole), 32);
    const std::optional<Role> role = parseRole(text);
    if (!role) {
        throw invalidRequest("'role' must be user, admin or super_admin.");
    }
    const AdminUserRecord user =
        service.changeRole(request.claims(), clientOf(request), request.pathParameter("id"), *role);
    return ApiResponse::json(200, adminUserToJson(user));
}

ApiResponse changePlan(ApiRequest& request, UserAdminService& service)
{
    const std::string text = requireString(request.jsonObject(), std::string(wire::kPlan), 32);
    const std::optional<Plan> plan = parsePlan(text);
    if (!plan) {
        throw invalidRequest("'plan' must be free, starter, pro or enterprise.");
    }
    const AdminUserRecord user =
        service.changePlan(request.claims(), clientOf(request), request.pathParameter("id"), *plan);
    return ApiResponse::json(200, adminUserToJson(user));
}

} // namespace

void addUserRoutes(Router& router, UserAdminService& service)
{
    router.add({"GET", "/api/v1/admin/users", Permission::UsersRead,
                [&service](ApiRequest& request) { return listUsers(request, service); }});
    router.add({"GET", "/api/v1/admin/users/{id}", Permission::UsersRead, [&service](ApiRequest& request) {
                    return ApiResponse::json(200, adminUserToJson(service.find(request.pathParameter("id"))));
                }});
    router.add({"PUT", "/api/v1/admin/users/{id}/role", Permission::AdminsManage,
                [&service](ApiRequest& request) { return changeRole(request, service); }});
    router.add({"PUT", "/api/v1/admin/users/{id}/plan", Permission::UsersManage,
                [&service](ApiRequest& request) { return changePlan(request, service); }});
    router.add({"POST", "/api/v1/admin/users/{id}/usage/reset", Permission::UsersManage,
                [&service](ApiRequest& request) {
                    const AdminUserRecord user =
                        service.resetUsage(request.claims(), clientOf(request), request.pathParameter("id"));
                    return ApiResponse::json(200, adminUserToJson(user));
                }});
    // users.manage admits the request. Deleting an admin account also needs admins.manage, which
    // the service checks after it reads the account's role.
    router.add({"DELETE", "/api/v1/admin/users/{id}", Permission::UsersManage, [&service](ApiRequest& request) {
                    service.remove(request.claims(), clientOf(request), request.pathParameter("id"));
                    return ApiResponse::noContent();
                }});
}

} // namespace ileadx
