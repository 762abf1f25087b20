#include "users/UserAdminRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/String.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

constexpr const char* kColumns = "id, email, password_hash, role, created_at, last_login_at, plan, usage_reset_at";

using AdminUserRow = Poco::Tuple<std::string, std::string, std::string, std::string, Poco::Int64,
                                 Poco::Nullable<Poco::Int64>, std::string, Poco::Nullable<Poco::Int64>>;

AdminUserRecord toRecord(const AdminUserRow& row)
{
    AdminUserRecord record;
    record.user.id = row.get<0>();
    record.user.email = row.get<1>();
    record.user.passwordHash = row.get<2>();
    record.user.role = parseRole(row.get<3>()).value_or(Role::User);
    record.user.createdAt = row.get<4>();
    if (!row.get<5>().isNull()) {
        record.user.lastLoginAt = row.get<5>().value();
    }
    record.plan = parsePlan(row.get<6>()).value_or(Plan::Free);
    if (!row.get<7>().isNull()) {
        record.usageResetAt = row.get<7>().value();
    }
    return record;
}

} // namespace

std::string escapeLikePattern(const std::string& text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

std::vector<AdminUserRecord> UserAdminRepository::list(const UserFilter& filter, int limit,
                                                       const std::optional<UserCursor>& cursor)
{
    Poco::Data::Session session = m_database.session();

    // Each bound value lives in a local until the statement has run, because Poco binds by reference.
    std::string pattern = "%" + escapeLikePattern(Poco::toLower(filter.emailContains)) + "%";
    std::string role = filter.role ? std::string(roleName(*filter.role)) : std::string();
    std::string plan = filter.plan ? std::string(planName(*filter.plan)) : std::string();
    Poco::Int64 createdAt = cursor ? cursor->createdAt : 0;
    Poco::Int64 createdAtAgain = createdAt;
    std::string cursorId = cursor ? cursor->id : std::string();
    int pageSize = limit;
    std::vector<AdminUserRow> rows;

    std::string where;
    const auto addCondition = [&where](const std::string& condition) {
        where += where.empty() ? " WHERE " : " AND ";
        where += condition;
    };
    // Emails are stored lowercase, so a lowercase pattern matches case-insensitively.
    if (!filter.emailContains.empty()) {
        addCondition("email LIKE ? ESCAPE '\\'");
    }
    if (filter.role) {
        addCondition("role = ?");
    }
    if (filter.plan) {
        addCondition("plan = ?");
    }
    // Two-factor sign-in counts as on once its enrollment is confirmed, which sets enabled_at.
    if (filter.twoFactorEnabled) {
        addCondition(std::string(*filter.twoFactorEnabled ? "" : "NOT ") +
                     "EXISTS (SELECT 1 FROM two_factor WHERE two_factor.user_id = users.id"
                     " AND two_factor.enabled_at IS NOT NULL)");
    }
    if (cursor) {
        addCondition("(created_at < ? OR (created_at = ? AND id < ?))");
    }

    Poco::Data::Statement statement(session);
    statement << m_database.sql(std::string("SELECT ") + kColumns + " FROM users" + where +
                                " ORDER BY created_at DESC, id DESC LIMIT ?");
    if (!filter.emailContains.empty()) {
        statement, use(pattern);
    }
    if (filter.role) {
        statement, use(role);
    }
    if (filter.plan) {
        statement, use(plan);
    }
    if (cursor) {
        statement, use(createdAt), use(createdAtAgain), use(cursorId);
    }
    statement, use(pageSize), into(rows);
    statement.execute();

    std::vector<AdminUserRecord> users;
    users.reserve(rows.size());
    for (const AdminUserRow& row : rows) {
        users.push_back(toRecord(row));
    }
    return users;
}

std::optional<AdminUserRecord> UserAdminRepository::findById(Poco::Data::Session& session, const std::string& id)
{
    std::vector<AdminUserRow> rows;
    std::string key = id;
    session << m_database.sql(std::string("SELECT ") + kColumns + " FROM users WHERE id = ?"), use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return toRecord(rows.front());
}

std::int64_t UserAdminRepository::countWithRole(Poco::Data::Session& session, Role role)
{
    std::string name(roleName(role));
    Poco::Int64 total = 0;
    session << m_database.sql("SELECT COUNT(*) FROM users WHERE role = ?"), use(name), into(total), now;
    return total;
}

void UserAdminRepository::updateRole(Poco::Data::Session& session, const std::string& id, Role role)
{
    std::string key = id;
    std::string name(roleName(role));
    session << m_database.sql("UPDATE users SET role = ? WHERE id = ?"), use(name), use(key), now;
}

void UserAdminRepository::updatePlan(Poco::Data::Session& session, const std::string& id, Plan plan)
{
    std::string key = id;
    std::string name(planName(plan));
    session << m_database.sql("UPDATE users SET plan = ? WHERE id = ?"), use(name), use(key), now;
}

void UserAdminRepository::updateUsageResetAt(Poco::Data::Session& session, const std::string& id, EpochMillis at)
{
    std::string key = id;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE users SET usage_reset_at = ? WHERE id = ?"), use(when), use(key), now;
}

void UserAdminRepository::remove(Poco::Data::Session& session, const std::string& id)
{
    std::string key = id;
    session << m_database.sql("DELETE FROM users WHERE id = ?"), use(key), now;
}

} // namespace ileadx
