#pragma once

#include "common/Clock.h"
#include "searches/PlanLimits.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace ileadx {

class Database;

/// Returns the start of the billing period that contains `at`: the first millisecond of the
/// calendar month in UTC, or the account's last usage reset when that is later.
EpochMillis billingPeriodStart(EpochMillis at, std::optional<EpochMillis> usageResetAt);

/// Counts each account's searches, leads and exports per billing period against its plan's limits.
class UsageCounter final
{
public:
    UsageCounter(Database& database, PlanLimits limits)
        : m_database(database)
        , m_limits(limits)
    {
    }

    /// Adds `amount` to the account's counter of `kind` for the current period unless that would
    /// pass the plan's limit, and returns whether it did. Runs inside the caller's transaction
    /// and locks the counter row, so parallel callers cannot both take the last unit.
    bool tryConsume(Poco::Data::Session& session, const std::string& userId, UsageKind kind, std::int64_t amount,
                    EpochMillis at);

    /// The account's counter of `kind` in the current period.
    struct Usage
    {
        std::int64_t used = 0;
        std::int64_t limit = 0;
        EpochMillis periodStart = 0;
    };
    Usage usage(Poco::Data::Session& session, const std::string& userId, UsageKind kind, EpochMillis at);

    const PlanLimits& limits() const { return m_limits; }

private:
    Database& m_database;
    PlanLimits m_limits;
};

} // namespace ileadx
