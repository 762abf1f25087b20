#include "searches/PlanLimits.h"

namespace ileadx {

std::string_view usageKindName(UsageKind kind)
{
    switch (kind) {
    case UsageKind::Searches:
        return "searches";
    case UsageKind::Leads:
        return "leads";
    case UsageKind::Exports:
        return "exports";
    }
    return "searches";
}

std::int64_t PlanQuota::limitOf(UsageKind kind) const
{
    switch (kind) {
    case UsageKind::Searches:
        return searches;
    case UsageKind::Leads:
        return leads;
    case UsageKind::Exports:
        return exports;
    }
    return 0;
}

} // namespace ileadx
