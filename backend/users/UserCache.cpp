#include "users/UserCache.h"

namespace ileadx {

UserCache::UserCache(UserRepository& users, std::chrono::milliseconds lifetime)
    : m_users(users)
    , m_lifetime(lifetime)
{
}

std::optional<UserRecord> UserCache::find(const std::string& id)
{
    const EpochMillis at = nowMillis();
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_entries.find(id);
        if (found != m_entries.end() && at - found->second.loadedAt < m_lifetime.count()) {
            return found->second.user;
        }
    }

    std::optional<UserRecord> user = m_users.findById(id);
    std::lock_guard lock(m_mutex);
    if (!user) {
        m_entries.erase(id);
        return std::nullopt;
    }
    if (m_entries.size() >= kMaxEntries) {
        m_entries.clear();
    }
    m_entries[id] = Entry{*user, at};
    return user;
}

void UserCache::invalidate(const std::string& id)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

} // namespace ileadx
