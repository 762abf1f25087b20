#include "users/UserJson.h"

#include "shared/WireNames.h"

namespace ileadx {

Poco::JSON::Object::Ptr userToJson(const UserRecord& user)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(std::string(wire::kId), user.id);
    json->set(std::string(wire::kEmail), user.email);
    json->set(std::string(wire::kRole), std::string(roleName(user.role)));
    json->set(std::string(wire::kCreatedAt), formatIso8601(user.createdAt));
    if (user.lastLoginAt) {
        json->set(std::string(wire::kLastLoginAt), formatIso8601(*user.lastLoginAt));
    } else {
        json->set(std::string(wire::kLastLoginAt), Poco::Dynamic::Var());
    }
    return json;
}

Poco::JSON::Object::Ptr adminUserToJson(const AdminUserRecord& record)
{
    Poco::JSON::Object::Ptr json = userToJson(record.user);
    json->set(std::string(wire::kPlan), std::string(planName(record.plan)));
    if (record.usageResetAt) {
        json->set(std::string(wire::kUsageResetAt), formatIso8601(*record.usageResetAt));
    } else {
        json->set(std::string(wire::kUsageResetAt), Poco::Dynamic::Var());
    }
    return json;
}

} // namespace ileadx
