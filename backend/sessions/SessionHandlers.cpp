#include "sessions/SessionHandlers.h"

#include "http/ApiRequest.h"
#include "http/Router.h"
#include "sessions/SessionService.h"
#include "shared/IpMask.h"

#include <Poco/JSON/Array.h>

namespace ileadx {

namespace {

Poco::JSON::Object::Ptr sessionToJson(const SessionRecord& record, const std::string& currentSessionId)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", record.id);
    json->set("device_label", record.deviceLabel);
    json->set("ip_address", maskIpAddress(record.ipAddress));
    json->set("created_at", formatIso8601(record.createdAt));
    json->set("last_seen_at", formatIso8601(record.lastSeenAt));
    json->set("expires_at", formatIso8601(record.expiresAt));
    json->set("remember_me", record.rememberMe);
    json->set("current", record.id == currentSessionId);
    return json;
}

ApiResponse sessionList(const std::vector<SessionRecord>& records, const std::string& currentSessionId)
{
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const SessionRecord& record : records) {
        items->add(sessionToJson(record, currentSessionId));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("items", items);
    return ApiResponse::json(200, body);
}

ApiResponse revokedCount(int count)
{
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("revoked", count);
    return ApiResponse::json(200, body);
}

} // namespace

void addSessionRoutes(Router& router, SessionService& sessions)
{
    router.add({"GET", "/api/v1/me/sessions", Permission::SessionOwn, [&sessions](ApiRequest& request) {
                    return sessionList(sessions.listOwn(request.claims()), request.claims().sessionId);
                }});
    router.add({"DELETE", "/api/v1/me/sessions/{id}", Permission::SessionOwn, [&sessions](ApiRequest& request) {
                    sessions.revokeOwn(request.claims(), request.clientInfo(), request.pathParameter("id"));
                    return ApiResponse::noContent();
                }});
    router.add({"POST", "/api/v1/me/sessions/revoke-others", Permission::SessionOwn,
                [&sessions](ApiRequest& request) { return revokedCount(sessions.revokeOthers(request.claims(), request.clientInfo())); }});

    router.add({"GET", "/api/v1/admin/users/{id}/sessions", Permission::UsersRead, [&sessions](ApiRequest& request) {
                    return sessionList(sessions.listForUser(request.claims(), request.pathParameter("id")), {});
                }});
    router.add({"DELETE", "/api/v1/admin/users/{id}/sessions/{sessionId}", Permission::UsersManage,
                [&sessions](ApiRequest& request) {
                    sessions.revokeForUser(request.claims(), request.clientInfo(), request.pathParameter("id"),
                                           request.pathParameter("sessionId"));
                    return ApiResponse::noContent();
                }});
    router.add({"POST", "/api/v1/admin/users/{id}/sessions/revoke-all", Permission::UsersManage,
                [&sessions](ApiRequest& request) {
                    return revokedCount(sessions.revokeAllForUser(request.claims(), request.clientInfo(), request.pathParameter("id")));
                }});
}

} // namespace ileadx
