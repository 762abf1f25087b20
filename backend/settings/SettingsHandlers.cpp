#include "settings/SettingsHandlers.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "settings/SettingsService.h"
#include "shared/WireNames.h"

#include <Poco/JSON/Array.h>

#include <map>

namespace ileadx {

namespace {

Poco::JSON::Object::Ptr settingsToJson(const SettingsService& settings)
{
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const SettingDefinition& setting : settings.definitions()) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("key", setting.key);
        const std::string value = setting.read();
        if (setting.kind == SettingDefinition::Kind::Boolean) {
            item->set("type", "boolean");
            item->set("value", value == "true");
        } else {
            item->set("type", "integer");
            item->set("value", std::stoi(value));
            item->set("minimum", setting.minimum);
            item->set("maximum", setting.maximum);
        }
        item->set("description", setting.description);
        items->add(item);
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(std::string(wire::kItems), items);
    return json;
}

// The body maps setting keys to JSON booleans or integers, such as {"sessions.max_per_user": 5}.
std::map<std::string, std::string> changesOf(const Poco::JSON::Object::Ptr& body)
{
    std::map<std::string, std::string> changes;
    for (const auto& [key, value] : *body) {
        if (value.type() == typeid(bool)) {
            changes[key] = value.extract<bool>() ? "true" : "false";
        } else if (value.isInteger()) {
            changes[key] = std::to_string(value.convert<Poco::Int64>());
        } else {
            throw invalidRequest("'" + key + "' must be a boolean or a whole number.");
        }
    }
    return changes;
}

ApiResponse updateSettings(ApiRequest& request, SettingsService& settings)
{
    settings.update(request.claims(), request.clientInfo(), changesOf(request.jsonObject()));
    return ApiResponse::json(200, settingsToJson(settings));
}

} // namespace

void addSettingsRoutes(Router& router, SettingsService& settings)
{
    router.add({"GET", "/api/v1/admin/settings", Permission::SettingsManage,
                [&settings](ApiRequest&) { return ApiResponse::json(200, settingsToJson(settings)); }});
    router.add({"PUT", "/api/v1/admin/settings", Permission::SettingsManage,
                [&settings](ApiRequest& request) { return updateSettings(request, settings); }});
}

} // namespace ileadx
