#pragma once

#include <optional>
#include <string_view>

#include "shared/Role.h"

namespace ileadx {

/// Everything a route can require. The matrix in Permission.cpp is the only place that says which
/// role holds which permission; routes name one of these and nothing else.
enum class Permission
{
    Public,           ///< no token needed (sign-in, registration, refresh)
    SessionOwn,       ///< act on the caller's own session (sign out)
    ProfileReadOwn,   ///< read the caller's own profile
    AccountOwn,       ///< change the caller's own password
    TwoFactorOwn,     ///< set up, use for step-up and turn off the caller's own two-factor sign-in
    UsersRead,        ///< list and read user accounts
    UsersManage,      ///< change plans, reset usage, revoke sessions of `user` accounts
    AdminsManage,     ///< change roles, manage and delete admin accounts
    SettingsManage,   ///< change system settings, plans and prices
    AuditRead,        ///< read the audit trail and verify its hash chain
    HealthRead,       ///< read the system health samples and their history
    SearchesOwn,      ///< run, read, cancel and export the caller's own lead searches
    SearchesReadAll,  ///< read every customer's searches and their timing diagnostics
    Count
};

/// Returns the wire name used in docs/openapi.yaml (`x-permission`), such as "users.read".
std::string_view permissionName(Permission permission);

/// Parses a wire name; returns nothing for an unknown name.
std::optional<Permission> parsePermission(std::string_view name);

/// Returns whether a signed-in account with `role` holds `permission`.
bool roleHasPermission(Role role, Permission permission);

} // namespace ileadx
