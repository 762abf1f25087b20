#include "leads/crawl/DeadlineWatchdog.h"

#include <sys/socket.h>

namespace ileadx::leads {

DeadlineWatchdog::DeadlineWatchdog() : m_thread([this] { run(); }) {}

DeadlineWatchdog::~DeadlineWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

DeadlineWatchdog::Registration::Registration(DeadlineWatchdog& watchdog, const Poco::Net::StreamSocket& socket,
                                             Clock::time_point deadline)
    : m_watchdog(watchdog)
{
    bool earlier = false;
    {
        std::lock_guard lock(watchdog.m_mutex);
        m_id = watchdog.m_nextId++;
        watchdog.m_entries.emplace(m_id, Entry{socket, deadline, false});
        earlier = deadline < watchdog.m_nextWake;
    }
    // Waking the thread for every request would cost two context switches each, so it is woken
    // only when this deadline comes before the one it waits for.
    if (earlier) {
        watchdog.m_wake.notify_all();
    }
}

DeadlineWatchdog::Registration::~Registration()
{
    std::lock_guard lock(m_watchdog.m_mutex);
    m_watchdog.m_entries.erase(m_id);
}

bool DeadlineWatchdog::Registration::fired() const
{
    std::lock_guard lock(m_watchdog.m_mutex);
    const auto found = m_watchdog.m_entries.find(m_id);
    return found != m_watchdog.m_entries.end() && found->second.fired;
}

void DeadlineWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        auto next = Clock::time_point::max();
        const auto now = Clock::now();
        for (auto& [id, entry] : m_entries) {
            if (!entry.fired && entry.deadline <= now) {
                // shutdown() wakes a thread blocked in recv() or poll() on this socket. The socket
                // stays open until its registration ends, so the descriptor cannot be reused here.
                ::shutdown(entry.socket.impl()->sockfd(), SHUT_RDWR);
                entry.fired = true;
            } else if (!entry.fired) {
                next = std::min(next, entry.deadline);
            }
        }
        m_nextWake = next;
        if (next == Clock::time_point::max()) {
            m_wake.wait(lock);
        } else {
            m_wake.wait_until(lock, next);
        }
    }
}

} // namespace ileadx::leads
