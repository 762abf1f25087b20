#include "searches/UsageCounter.h"

#include "storage/Database.h"

#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <vector>

using namespace Poco::Data::Keywords;

namespace ileadx {

EpochMillis billingPeriodStart(EpochMillis at, std::optional<EpochMillis> usageResetAt)
{
    const Poco::DateTime moment(Poco::Timestamp(static_cast<Poco::Timestamp::TimeVal>(at) * 1000));
    const Poco::DateTime monthStart(moment.year(), moment.month(), 1);
    const EpochMillis periodStart = monthStart.timestamp().epochMicroseconds() / 1000;
    if (usageResetAt && *usageResetAt > periodStart && *usageResetAt <= at) {
        return *usageResetAt;
    }
    return periodStart;
}

namespace {

struct Account
{
    Plan plan = Plan::Free;
    std::optional<EpochMillis> usageResetAt;
};

Account readAccount(Database& database, Poco::Data::Session& session, const std::string& userId)
{
    std::string key = userId;
    std::vector<std::string> plans;
    std::vector<Poco::Nullable<Poco::Int64>> resets;
    session << database.sql("SELECT plan, usage_reset_at FROM users WHERE id = ?"), use(key), into(plans),
        into(resets), now;
    if (plans.empty()) {
        throw Poco::NotFoundException("no account has this id", userId);
    }
    Account account;
    account.plan = parsePlan(plans.front()).value_or(Plan::Free);
    if (!resets.front().isNull()) {
        account.usageResetAt = resets.front().value();
    }
    return account;
}

} // namespace

bool UsageCounter::tryConsume(Poco::Data::Session& session, const std::string& userId, UsageKind kind,
                              std::int64_t amount, EpochMillis at)
{
    const Account account = readAccount(m_database, session, userId);
    const std::int64_t limit = m_limits.quota(account.plan).limitOf(kind);

    std::string key = userId;
    std::string kindName(usageKindName(kind));
    Poco::Int64 periodStart = billingPeriodStart(at, account.usageResetAt);
    session << m_database.sql("INSERT INTO usage_counters (user_id, kind, period_start, used) VALUES (?, ?, ?, 0)"
                              " ON CONFLICT (user_id, kind, period_start) DO NOTHING"),
        use(key), use(kindName), use(periodStart), now;

    // The row lock (PostgreSQL) or the write transaction (SQLite) holds other callers back until
    // this transaction ends, so the read below cannot be stale when the update runs.
    Poco::Int64 used = 0;
    session << m_database.sql("SELECT used FROM usage_counters WHERE user_id = ? AND kind = ? AND period_start = ?" +
                              std::string(m_database.forUpdate())),
        use(key), use(kindName), use(periodStart), into(used), now;
    if (used + amount > limit) {
        return false;
    }
    Poco::Int64 added = amount;
    session << m_database.sql("UPDATE usage_counters SET used = used + ? WHERE user_id = ? AND kind = ? AND period_start = ?"),
        use(added), use(key), use(kindName), use(periodStart), now;
    return true;
}

UsageCounter::Usage UsageCounter::usage(Poco::Data::Session& session, const std::string& userId, UsageKind kind,
                                        EpochMillis at)
{
    const Account account = readAccount(m_database, session, userId);
    Usage result;
    result.limit = m_limits.quota(account.plan).limitOf(kind);
    result.periodStart = billingPeriodStart(at, account.usageResetAt);

    std::string key = userId;
    std::string kindName(usageKindName(kind));
    Poco::Int64 periodStart = result.periodStart;
    std::vector<Poco::Int64> used;
    session << m_database.sql("SELECT used FROM usage_counters WHERE user_id = ? AND kind = ? AND period_start = ?"),
        use(key), use(kindName), use(periodStart), into(used), now;
    result.used = used.empty() ? 0 : used.front();
    return result;
}

} // namespace ileadx
