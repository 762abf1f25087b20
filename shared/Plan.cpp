#include "shared/Plan.h"

namespace ileadx {

std::string_view planName(Plan plan)
{
    switch (plan) {
    case Plan::Free:
        return "free";
    case Plan::Starter:
        return "starter";
    case Plan::Pro:
        return "pro";
    case Plan::Enterprise:
        return "enterprise";
    }
    return "free";
}

std::optional<Plan> parsePlan(std::string_view name)
{
    for (const Plan plan : kAllPlans) {
        if (planName(plan) == name) {
            return plan;
        }
    }
    return std::nullopt;
}

} // namespace ileadx
