#pragma once

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "settings/SettingsCatalog.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace ileadx {

class Database;
class StepUpPolicy;

/// Run-time settings: stored in the `settings` table, applied at start over the configuration
/// file's values, and changed by super admins with each change audited with its old and new value.
class SettingsService final
{
public:
    SettingsService(Database& database, const StepUpPolicy& stepUp, std::vector<SettingDefinition> definitions);

    /// Applies the stored values. A stored value that no longer validates is skipped with a warning,
    /// so the configuration file's value stays in force.
    void applyStored();

    const std::vector<SettingDefinition>& definitions() const { return m_definitions; }

    /// Validates every value in `changes` (key to text), then stores and applies them in one
    /// transaction with one audit entry per changed key. Throws ApiException 400 for an unknown key
    /// or an invalid value, and 403 without a recent sign-in or TOTP code.
    void update(const AccessClaims& caller, const ClientInfo& client, const std::map<std::string, std::string>& changes);

private:
    const SettingDefinition* find(const std::string& key) const;
    /// Returns an empty string for a valid value, or the reason it is invalid.
    static std::string validationError(const SettingDefinition& setting, const std::string& value);

    Database& m_database;
    const StepUpPolicy& m_stepUp;
    std::vector<SettingDefinition> m_definitions;
    AuditLog m_audit;
    std::mutex m_updateMutex; ///< keeps read, store and apply of concurrent updates in one order
};

} // namespace ileadx
