#include "health/HealthLevel.h"

namespace ileadx {

std::string_view healthLevelName(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Green:
        return "green";
    case HealthLevel::Amber:
        return "amber";
    case HealthLevel::Red:
        return "red";
    case HealthLevel::NotConfigured:
        return "not_configured";
    }
    return "not_configured";
}

HealthLevel levelFor(double value, const Threshold& threshold)
{
    if (value >= threshold.red) {
        return HealthLevel::Red;
    }
    if (value >= threshold.amber) {
        return HealthLevel::Amber;
    }
    return HealthLevel::Green;
}

HealthLevel worstLevel(const std::vector<HealthLevel>& levels)
{
    HealthLevel worst = HealthLevel::NotConfigured;
    for (HealthLevel level : levels) {
        if (level == HealthLevel::NotConfigured) {
            continue;
        }
        if (worst == HealthLevel::NotConfigured || static_cast<int>(level) > static_cast<int>(worst)) {
            worst = level;
        }
    }
    return worst;
}

} // namespace ileadx
