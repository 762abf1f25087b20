#pragma once

#include "common/Clock.h"
#include "shared/Role.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

struct UserRecord
{
    std::string id;
    std::string email; ///< stored lowercase, so lookups are case-insensitive
    std::string passwordHash;
    Role role = Role::User;
    EpochMillis createdAt = 0;
    std::optional<EpochMillis> lastLoginAt;
};

/// Position in the newest-first user list: the last row of the previous page.
struct UserCursor
{
    EpochMillis createdAt = 0;
    std::string id;
};

/// SQL for the `users` table.
class UserRepository final
{
public:
    explicit UserRepository(Database& database)
        : m_database(database)
    {
    }

    /// Inserts `user` unless its email is taken; returns whether the row was inserted.
    bool insert(const UserRecord& user);

    std::optional<UserRecord> findByEmail(const std::string& email);
    std::optional<UserRecord> findById(const std::string& id);

    /// Reads a user on the given session, for callers inside a transaction.
    std::optional<UserRecord> findById(Poco::Data::Session& session, const std::string& id);

    void updatePasswordHash(const std::string& id, const std::string& passwordHash);
    void updatePasswordHash(Poco::Data::Session& session, const std::string& id, const std::string& passwordHash);
    void updateLastLogin(const std::string& id, EpochMillis at);

    /// Returns up to `limit` users, newest first, after `cursor` when one is given.
    std::vector<UserRecord> listNewestFirst(int limit, const std::optional<UserCursor>& cursor);

    std::int64_t count();

private:
    Database& m_database;
};

} // namespace ileadx
