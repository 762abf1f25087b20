#pragma once

#include "common/Clock.h"
#include "shared/Plan.h"
#include "shared/Role.h"
#include "storage/UserRepository.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

/// A user row with the columns only the admin routes read.
struct AdminUserRecord
{
    UserRecord user;
    Plan plan = Plan::Free;
    std::optional<EpochMillis> usageResetAt; ///< when an admin last reset the usage counters
};

/// Conditions of the admin user list. Empty members do not filter.
struct UserFilter
{
    std::string emailContains; ///< case-insensitive substring of the email address
    std::optional<Role> role;
    std::optional<Plan> plan;
    std::optional<bool> twoFactorEnabled; ///< whether two-factor sign-in is switched on
};

/// SQL for the admin routes on the `users` table: filtered lists, role and plan changes, usage
/// resets and deletion. Writes take the caller's transaction session.
class UserAdminRepository final
{
public:
    explicit UserAdminRepository(Database& database)
        : m_database(database)
    {
    }

    /// Returns up to `limit` users matching `filter`, newest first, after `cursor` when one is given.
    std::vector<AdminUserRecord> list(const UserFilter& filter, int limit, const std::optional<UserCursor>& cursor);

    std::optional<AdminUserRecord> findById(Poco::Data::Session& session, const std::string& id);

    std::int64_t countWithRole(Poco::Data::Session& session, Role role);

    void updateRole(Poco::Data::Session& session, const std::string& id, Role role);
    void updatePlan(Poco::Data::Session& session, const std::string& id, Plan plan);
    void updateUsageResetAt(Poco::Data::Session& session, const std::string& id, EpochMillis at);

    /// Deletes the user row; the sessions and refresh tokens go with it through ON DELETE CASCADE.
    void remove(Poco::Data::Session& session, const std::string& id);

private:
    Database& m_database;
};

/// Escapes `%`, `_` and the escape character itself, for a LIKE pattern with ESCAPE '\'.
std::string escapeLikePattern(const std::string& text);

} // namespace ileadx
