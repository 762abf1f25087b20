#include "leads/crawl/Politeness.h"

#include <algorithm>

namespace ileadx::leads {

namespace {

constexpr auto kCancelPollInterval = std::chrono::milliseconds(50);
constexpr std::size_t kIdleHostsKept = 1024;

} // namespace

Politeness::Politeness(int perHostConcurrency, int globalConcurrency)
    : m_perHostConcurrency(std::max(1, perHostConcurrency))
    , m_globalConcurrency(std::max(1, globalConcurrency))
{
}

Politeness::Permit::Permit(Permit&& other) noexcept : m_owner(other.m_owner), m_host(std::move(other.m_host))
{
    other.m_owner = nullptr;
}

Politeness::Permit& Politeness::Permit::operator=(Permit&& other) noexcept
{
    if (this != &other) {
        if (m_owner) {
            m_owner->release(m_host);
        }
        m_owner = other.m_owner;
        m_host = std::move(other.m_host);
        other.m_owner = nullptr;
    }
    return *this;
}

Politeness::Permit::~Permit()
{
    if (m_owner) {
        m_owner->release(m_host);
    }
}

std::optional<Politeness::Permit> Politeness::acquire(const std::string& host, std::chrono::milliseconds delay,
                                                      const std::function<bool()>& cancelled)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        if (cancelled && cancelled()) {
            return std::nullopt;
        }
        const auto now = Clock::now();
        HostState& state = m_hosts[host];
        state.delay = std::max(state.delay, delay);
        const auto earliest = std::max(state.lastStart, state.lastFinish) + state.delay;
        const bool slotFree = state.running < m_perHostConcurrency && m_running < m_globalConcurrency;
        if (slotFree && (state.lastStart == Clock::time_point{} || now >= earliest)) {
            ++state.running;
            ++m_running;
            state.lastStart = now;
            return Permit(this, host);
        }
        auto wakeAt = now + kCancelPollInterval;
        if (slotFree) {
            wakeAt = std::min(wakeAt, earliest);
        }
        m_changed.wait_until(lock, wakeAt);
    }
}

void Politeness::release(const std::string& host)
{
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        HostState& state = m_hosts[host];
        --state.running;
        --m_running;
        state.lastFinish = now;
        if (m_hosts.size() > kIdleHostsKept) {
            forgetIdleHosts(now);
        }
    }
    m_changed.notify_all();
}

// Drops hosts with nothing running whose delay has passed: forgetting them changes no decision.
void Politeness::forgetIdleHosts(Clock::time_point now)
{
    std::erase_if(m_hosts, [now](const auto& item) {
        const HostState& state = item.second;
        return state.running == 0 && std::max(state.lastStart, state.lastFinish) + state.delay <= now;
    });
}

} // namespace ileadx::leads
