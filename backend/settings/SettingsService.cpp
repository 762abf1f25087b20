#include "settings/SettingsService.h"

#include "audit/AuditAction.h"
#include "auth/StepUpPolicy.h"
#include "http/ApiException.h"
#include "shared/IpMask.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"

#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

Poco::Logger& settingsLog()
{
    return Poco::Logger::get("ileadx.settings");
}

std::string valueJson(const std::string& key, const std::string& value)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set(key, value);
    return auditValueText(json);
}

} // namespace

SettingsService::SettingsService(Database& database, const StepUpPolicy& stepUp,
                                 std::vector<SettingDefinition> definitions)
    : m_database(database)
    , m_stepUp(stepUp)
    , m_definitions(std::move(definitions))
    , m_audit(database)
{
}

const SettingDefinition* SettingsService::find(const std::string& key) const
{
    for (const SettingDefinition& setting : m_definitions) {
        if (setting.key == key) {
            return &setting;
        }
    }
    return nullptr;
}

std::string SettingsService::validationError(const SettingDefinition& setting, const std::string& value)
{
    if (setting.kind == SettingDefinition::Kind::Boolean) {
        return value == "true" || value == "false" ? std::string() : "must be true or false";
    }
    int number = 0;
    if (!Poco::NumberParser::tryParse(value, number) || number < setting.minimum || number > setting.maximum) {
        return "must be a whole number from " + std::to_string(setting.minimum) + " to " +
               std::to_string(setting.maximum);
    }
    return {};
}

void SettingsService::applyStored()
{
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    {
        Poco::Data::Session session = m_database.session();
        session << "SELECT key, value FROM settings", into(rows), now;
    }
    for (const auto& row : rows) {
        const SettingDefinition* setting = find(row.get<0>());
        if (!setting || !validationError(*setting, row.get<1>()).empty()) {
            settingsLog().warning("stored setting %s ignored: unknown key or invalid value", row.get<0>());
            continue;
        }
        setting->apply(row.get<1>());
        settingsLog().information("setting %s = %s (stored)", row.get<0>(), row.get<1>());
    }
}

void SettingsService::update(const AccessClaims& caller, const ClientInfo& client,
                             const std::map<std::string, std::string>& changes)
{
    if (changes.empty()) {
        throw invalidRequest("Send at least one setting to change.");
    }
    for (const auto& [key, value] : changes) {
        const SettingDefinition* setting = find(key);
        if (!setting) {
            throw invalidRequest("'" + key + "' is not a setting that can change at run time.");
        }
        if (const std::string reason = validationError(*setting, value); !reason.empty()) {
            throw invalidRequest("'" + key + "' " + reason + ".");
        }
    }

    const std::lock_guard lock(m_updateMutex);
    Transaction transaction(m_database);
    m_stepUp.require(transaction.session(), caller);
    const std::optional<UserRecord> actor = UserRepository(m_database).findById(transaction.session(), caller.userId);
    if (!actor) {
        throw unauthorized();
    }

    const EpochMillis at = nowMillis();
    std::vector<std::pair<const SettingDefinition*, std::string>> applied;
    for (const auto& [key, value] : changes) {
        const SettingDefinition* setting = find(key);
        const std::string old = setting->read();
        if (old == value) {
            continue;
        }
        std::string storedKey = key;
        std::string storedValue = value;
        std::string updatedBy = caller.userId;
        Poco::Int64 updatedAt = at;
        transaction.session() << m_database.sql("INSERT INTO settings (key, value, updated_at, updated_by)"
                                                " VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                                                " value = excluded.value, updated_at = excluded.updated_at,"
                                                " updated_by = excluded.updated_by"),
            use(storedKey), use(storedValue), use(updatedAt), use(updatedBy), now;

        AuditEntry entry;
        entry.action = audit::action::kSettingsChanged;
        entry.actorId = actor->id;
        entry.actorEmail = actor->email;
        entry.actorRole = roleName(actor->role);
        entry.targetType = audit::target::kSettings;
        entry.targetId = key;
        entry.oldValue = valueJson(key, old);
        entry.newValue = valueJson(key, value);
        entry.ipMasked = maskIpAddress(client.ipAddress);
        entry.requestId = client.requestId;
        m_audit.append(transaction.session(), entry);
        applied.emplace_back(setting, value);
    }
    transaction.commit();

    for (const auto& [setting, value] : applied) {
        setting->apply(value);
        settingsLog().information("setting %s changed to %s by user %s", setting->key, value, caller.userId);
    }
}

} // namespace ileadx
