#include "auth/PasswordHasher.h"

#include "http/ApiException.h"

#include <Poco/Exception.h>
#include <sodium.h>

#include <cstdio>
#include <string>

namespace ileadx {

HashCost HashCost::interactive()
{
    return HashCost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

/// Holds one of the hasher's slots for the lifetime of the object.
class PasswordHasher::Slot final
{
public:
    explicit Slot(PasswordHasher& owner)
        : m_owner(owner)
    {
        std::unique_lock lock(m_owner.m_mutex);
        ++m_owner.m_waiting;
        const bool acquired = m_owner.m_slotFreed.wait_for(
            lock, m_owner.m_maxWait, [this] { return m_owner.m_running < m_owner.m_maxConcurrent; });
        --m_owner.m_waiting;
        if (!acquired) {
            throw ServiceBusyException("Too many sign-ins are being processed; try again shortly.", 5);
        }
        ++m_owner.m_running;
    }

    ~Slot()
    {
        {
            std::lock_guard lock(m_owner.m_mutex);
            --m_owner.m_running;
        }
        m_owner.m_slotFreed.notify_one();
    }

    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

private:
    PasswordHasher& m_owner;
};

PasswordHasher::PasswordHasher(HashCost cost, int maxConcurrent, std::chrono::milliseconds maxWait)
    : m_cost(cost)
    , m_maxConcurrent(maxConcurrent < 1 ? 1 : maxConcurrent)
    , m_maxWait(maxWait)
{
    if (sodium_init() < 0) {
        throw Poco::SystemException("libsodium failed to initialise");
    }
    const HashCost floor = HashCost::interactive();
    if (cost.opsLimit < floor.opsLimit || cost.memLimitBytes < floor.memLimitBytes) {
        throw Poco::InvalidArgumentException("Argon2id cost is below libsodium's interactive level (2 passes, 64 MiB)");
    }
}

std::string PasswordHasher::hash(std::string_view password)
{
    Slot slot(*this);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), m_cost.opsLimit, m_cost.memLimitBytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Poco::OutOfMemoryException("Argon2id could not allocate its memory");
    }
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view phcString, std::string_view password)
{
    // crypto_pwhash_str_verify reads a terminated string of at most STRBYTES - 1 characters.
    if (phcString.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    const std::string terminated(phcString);
    Slot slot(*this);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needsRehash(std::string_view phcString) const
{
    // Only a weaker hash is replaced. libsodium's crypto_pwhash_str_needs_rehash also reports a
    // stronger one, which would make servers with different settings downgrade each other's hashes.
    const std::string terminated(phcString.substr(0, crypto_pwhash_STRBYTES));
    unsigned long memoryKiB = 0;
    unsigned long passes = 0;
    unsigned long lanes = 0;
    if (std::sscanf(terminated.c_str(), "$argon2id$v=19$m=%lu,t=%lu,p=%lu$", &memoryKiB, &passes, &lanes) != 3) {
        return true;
    }
    return passes < m_cost.opsLimit || memoryKiB * 1024 < m_cost.memLimitBytes;
}

int PasswordHasher::running() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

int PasswordHasher::waiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting;
}

} // namespace ileadx
