#include "storage/UserRepository.h"

#include "storage/Database.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

constexpr const char* kColumns = "id, email, password_hash, role, created_at, last_login_at";

using UserRow = Poco::Tuple<std::string, std::string, std::string, std::string, Poco::Int64, Poco::Nullable<Poco::Int64>>;

UserRecord toRecord(const UserRow& row)
{
    UserRecord user;
    user.id = row.get<0>();
    user.email = row.get<1>();
    user.passwordHash = row.get<2>();
    user.role = parseRole(row.get<3>()).value_or(Role::User);
    user.createdAt = row.get<4>();
    if (!row.get<5>().isNull()) {
        user.lastLoginAt = row.get<5>().value();
    }
    return user;
}

} // namespace

bool UserRepository::insert(const UserRecord& user)
{
    Poco::Data::Session session = m_database.session();
    std::string id = user.id;
    std::string email = user.email;
    std::string hash = user.passwordHash;
    std::string role(roleName(user.role));
    Poco::Int64 createdAt = user.createdAt;
    session << m_database.sql("INSERT INTO users (id, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (email) DO NOTHING"),
        use(id), use(email), use(hash), use(role), use(createdAt), now;

    // Whether the conflict clause fired is read back rather than taken from an affected-row
    // count, because the two connectors report that count differently.
    std::string storedId;
    session << m_database.sql("SELECT id FROM users WHERE email = ?"), use(email), into(storedId), now;
    return storedId == id;
}

std::optional<UserRecord> UserRepository::findByEmail(const std::string& email)
{
    Poco::Data::Session session = m_database.session();
    std::vector<UserRow> rows;
    std::string key = email;
    session << m_database.sql(std::string("SELECT ") + kColumns + " FROM users WHERE email = ?"), use(key), into(rows),
        now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows.front());
}

std::optional<UserRecord> UserRepository::findById(const std::string& id)
{
    Poco::Data::Session session = m_database.session();
    return findById(session, id);
}

std::optional<UserRecord> UserRepository::findById(Poco::Data::Session& session, const std::string& id)
{
    std::vector<UserRow> rows;
    std::string key = id;
    session << m_database.sql(std::string("SELECT ") + kColumns + " FROM users WHERE id = ?"), use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows.front());
}

void UserRepository::updatePasswordHash(const std::string& id, const std::string& passwordHash)
{
    Poco::Data::Session session = m_database.session();
    updatePasswordHash(session, id, passwordHash);
}

void UserRepository::updatePasswordHash(Poco::Data::Session& session, const std::string& id,
                                        const std::string& passwordHash)
{
    std::string key = id;
    std::string hash = passwordHash;
    session << m_database.sql("UPDATE users SET password_hash = ? WHERE id = ?"), use(hash), use(key), now;
}

void UserRepository::updateLastLogin(const std::string& id, EpochMillis at)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE users SET last_login_at = ? WHERE id = ?"), use(when), use(key), now;
}

std::vector<UserRecord> UserRepository::listNewestFirst(int limit, const std::optional<UserCursor>& cursor)
{
    Poco::Data::Session session = m_database.session();
    std::vector<UserRow> rows;
    int pageSize = limit;

    if (cursor) {
        Poco::Int64 createdAt = cursor->createdAt;
        Poco::Int64 createdAtAgain = cursor->createdAt;
        std::string id = cursor->id;
        session << m_database.sql(std::string("SELECT ") + kColumns +
                                  " FROM users WHERE created_at < ? OR (created_at = ? AND id < ?)"
                                  " ORDER BY created_at DESC, id DESC LIMIT ?"),
            use(createdAt), use(createdAtAgain), use(id), use(pageSize), into(rows), now;
    } else {
        session << m_database.sql(std::string("SELECT ") + kColumns +
                                  " FROM users ORDER BY created_at DESC, id DESC LIMIT ?"),
            use(pageSize), into(rows), now;
    }

    std::vector<UserRecord> users;
    users.reserve(rows.size());
    for (const UserRow& row : rows) {
        users.push_back(toRecord(row));
    }
    return users;
}

std::int64_t UserRepository::count()
{
    Poco::Data::Session session = m_database.session();
    Poco::Int64 total = 0;
    session << "SELECT COUNT(*) FROM users", into(total), now;
    return total;
}

} // namespace ileadx
