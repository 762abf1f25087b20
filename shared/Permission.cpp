#include "shared/Permission.h"

#include <array>

namespace ileadx {

namespace {

struct PermissionRow
{
    Permission permission;
    std::string_view name;
    Role minimumRole;
};

// Roles are ordered, so each permission is held by its minimum role and every role above it.
constexpr std::array<PermissionRow, static_cast<std::size_t>(Permission::Count)> kMatrix{{
    {Permission::Public, "public", Role::User},
    {Permission::SessionOwn, "session.own", Role::User},
    {Permission::ProfileReadOwn, "profile.read_own", Role::User},
    {Permission::AccountOwn, "account.own", Role::User},
    {Permission::TwoFactorOwn, "two_factor.own", Role::User},
    {Permission::UsersRead, "users.read", Role::Admin},
    {Permission::UsersManage, "users.manage", Role::Admin},
    {Permission::AdminsManage, "admins.manage", Role::SuperAdmin},
    {Permission::SettingsManage, "settings.manage", Role::SuperAdmin},
    {Permission::AuditRead, "audit.read", Role::Admin},
    {Permission::HealthRead, "health.read", Role::Admin},
    {Permission::SearchesOwn, "searches.own", Role::User},
    {Permission::SearchesReadAll, "searches.read_all", Role::Admin},
}};

const PermissionRow* findRow(Permission permission)
{
    for (const PermissionRow& row : kMatrix) {
        if (row.permission == permission) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace

std::string_view permissionName(Permission permission)
{
    const PermissionRow* row = findRow(permission);
    return row ? row->name : std::string_view{};
}

std::optional<Permission> parsePermission(std::string_view name)
{
    for (const PermissionRow& row : kMatrix) {
        if (row.name == name) {
            return row.permission;
        }
    }
    return std::nullopt;
}

bool roleHasPermission(Role role, Permission permission)
{
    // An unknown permission is held by nobody: deny by default.
    const PermissionRow* row = findRow(permission);
    if (!row) {
        return false;
    }
    return static_cast<int>(role) >= static_cast<int>(row->minimumRole);
}

} // namespace ileadx
