#pragma once

#include "storage/UserRepository.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ileadx {

/// Recently read user rows, so that authenticated requests that need the caller's profile do not
/// each cost a database read. Changes made through this process call invalidate(); changes made by
/// another server instance show after at most `lifetime`.
class UserCache final
{
public:
    UserCache(UserRepository& users, std::chrono::milliseconds lifetime);

    std::optional<UserRecord> find(const std::string& id);
    void invalidate(const std::string& id);

private:
    struct Entry
    {
        UserRecord user;
        EpochMillis loadedAt = 0;
    };

    // Past this many entries the cache is cleared rather than grown, which bounds its memory.
    static constexpr std::size_t kMaxEntries = 100000;

    UserRepository& m_users;
    std::chrono::milliseconds m_lifetime;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace ileadx
