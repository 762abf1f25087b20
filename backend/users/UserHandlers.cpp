#include "users/UserHandlers.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Pagination.h"
#include "http/Router.h"
#include "shared/WireNames.h"
#include "users/UserAdminService.h"
#include "users/UserJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>


namespace ileadx {

namespace {

// A cursor is the last row's creation time and id.
std::string cursorOf(const UserRecord& last)
{
    return pagination::encodeCursor(std::to_string(last.createdAt) + ':' + last.id);
}

std::optional<UserCursor> userCursor(const ApiRequest& request)
{
    const std::string plain = pagination::cursorText(request);
    if (plain.empty()) {
        return std::nullopt;
    }
    const std::size_t colon = plain.find(':');
    Poco::Int64 createdAt = 0;
    if (colon == std::string::npos || !Poco::NumberParser::tryParse64(plain.substr(0, colon), createdAt) ||
        colon + 1 >= plain.size()) {
        pagination::throwInvalidCursor();
    }
    return UserCursor{createdAt, plain.substr(colon + 1)};
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

ApiResponse listUsers(ApiRequest& request, UserAdminService& service)
{
    const int limit = pagination::pageSize(request);
    const UserFilter filter = userFilter(request);
    std::vector<AdminUserRecord> users = service.list(filter, limit + 1, userCursor(request));
    const bool hasMore = pagination::trimToPage(users, limit);

    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const AdminUserRecord& user : users) {
        items->add(adminUserToJson(user));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(std::string(wire::kItems), items);
    if (hasMore) {
        body->set(std::string(wire::kNextCursor), cursorOf(users.back().user));
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
        service.changeRole(request.claims(), request.clientInfo(), request.pathParameter("id"), *role);
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
        service.changePlan(request.claims(), request.clientInfo(), request.pathParameter("id"), *plan);
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
                        service.resetUsage(request.claims(), request.clientInfo(), request.pathParameter("id"));
                    return ApiResponse::json(200, adminUserToJson(user));
                }});
    // users.manage admits the request. Deleting an admin account also needs admins.manage, which
    // the service checks after it reads the account's role.
    router.add({"DELETE", "/api/v1/admin/users/{id}", Permission::UsersManage, [&service](ApiRequest& request) {
                    service.remove(request.claims(), request.clientInfo(), request.pathParameter("id"));
                    return ApiResponse::noContent();
                }});
}

} // namespace ileadx
