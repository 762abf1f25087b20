#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ileadx {

/// Account roles, ordered by privilege: each role may do everything the one before it may.
enum class Role
{
    User,
    Admin,
    SuperAdmin,
};

/// Returns the wire name of a role: "user", "admin" or "super_admin".
std::string_view roleName(Role role);

/// Parses a wire name; returns nothing for an unknown name.
std::optional<Role> parseRole(std::string_view name);

} // namespace ileadx
