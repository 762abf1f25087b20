#pragma once

#include "shared/Plan.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ileadx {

/// What the monthly plan limits count.
enum class UsageKind
{
    Searches, ///< searches created
    Leads,    ///< leads stored by searches
    Exports,  ///< exports started
};

/// Returns the stored name of a usage kind: "searches", "leads" or "exports".
std::string_view usageKindName(UsageKind kind);

/// The monthly limits of one plan.
struct PlanQuota
{
    std::int64_t searches = 0;
    std::int64_t leads = 0;
    std::int64_t exports = 0;

    std::int64_t limitOf(UsageKind kind) const;
};

/// The monthly limits of every plan, read from the plans.* configuration keys. The defaults are in
/// the table of app/ServerConfig.cpp and in resources/config/ileadx-server.properties.
class PlanLimits final
{
public:
    PlanQuota& quota(Plan plan) { return m_quotas[static_cast<std::size_t>(plan)]; }
    const PlanQuota& quota(Plan plan) const { return m_quotas[static_cast<std::size_t>(plan)]; }

private:
    std::array<PlanQuota, kAllPlans.size()> m_quotas{};
};

} // namespace ileadx
