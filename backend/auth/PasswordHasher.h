#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace ileadx {

/// Argon2id cost parameters, in libsodium's units.
struct HashCost
{
    unsigned long long opsLimit = 0; ///< passes over memory
    std::size_t memLimitBytes = 0;

    /// Returns libsodium's interactive level (2 passes, 64 MiB), the lowest cost the server accepts.
    static HashCost interactive();
};

/// Hashes and verifies passwords with Argon2id through libsodium's crypto_pwhash_str, in the PHC
/// string format. Each call allocates `memLimitBytes`, so at most `maxConcurrent` calls run at
/// once and the rest wait in line: a flood of sign-ins queues instead of exhausting memory.
class PasswordHasher final
{
public:
    /// Throws Poco::InvalidArgumentException when `cost` is below the interactive level.
    PasswordHasher(HashCost cost, int maxConcurrent, std::chrono::milliseconds maxWait);
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    /// Returns a PHC string with a fresh random salt. Throws ServiceBusyException when no hashing
    /// slot frees up within the configured wait.
    std::string hash(std::string_view password);

    /// Returns whether `password` matches `phcString`; a malformed string never matches.
    bool verify(std::string_view phcString, std::string_view password);

    /// Returns whether `phcString` is not Argon2id or was made with fewer passes or less memory
    /// than the configured cost.
    bool needsRehash(std::string_view phcString) const;

    HashCost cost() const { return m_cost; }
    int maxConcurrent() const { return m_maxConcurrent; }

    /// Number of calls currently waiting for a slot, for metrics and tests.
    int waiting() const;

    /// Number of calls currently hashing, at most maxConcurrent().
    int running() const;

private:
    class Slot;

    HashCost m_cost;
    int m_maxConcurrent = 1;
    std::chrono::milliseconds m_maxWait{30000};

    mutable std::mutex m_mutex;
    std::condition_variable m_slotFreed;
    int m_running = 0;
    int m_waiting = 0;
};

} // namespace ileadx
