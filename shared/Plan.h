#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ileadx {

/// Subscription plans of a customer account, from the cheapest up. Stored rows and the API use the
/// wire names, so a released name never changes.
enum class Plan
{
    Free,
    Starter,
    Pro,
    Enterprise,
};

/// Every plan, in the order above, for menus and validation messages.
inline constexpr std::array kAllPlans{Plan::Free, Plan::Starter, Plan::Pro, Plan::Enterprise};

/// Returns the wire name of a plan: "free", "starter", "pro" or "enterprise".
std::string_view planName(Plan plan);

/// Parses a wire name; returns nothing for an unknown name.
std::optional<Plan> parsePlan(std::string_view name);

} // namespace ileadx
