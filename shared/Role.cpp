#include "shared/Role.h"

namespace ileadx {

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::User:
        return "user";
    case Role::Admin:
        return "admin";
    case Role::SuperAdmin:
        return "super_admin";
    }
    return "user";
}

std::optional<Role> parseRole(std::string_view name)
{
    if (name == "user") {
        return Role::User;
    }
    if (name == "admin") {
        return Role::Admin;
    }
    if (name == "super_admin") {
        return Role::SuperAdmin;
    }
    return std::nullopt;
}

} // namespace ileadx
