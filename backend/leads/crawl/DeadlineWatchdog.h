#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace ileadx::leads {

/// Shuts sockets down when their deadline passes, so a read that keeps receiving a byte now and
/// then (a slow-drip body or header) cannot outlast the total timeout of a fetch. One thread serves
/// every registered socket.
class DeadlineWatchdog
{
public:
    using Clock = std::chrono::steady_clock;

    DeadlineWatchdog();
    ~DeadlineWatchdog();
    DeadlineWatchdog(const DeadlineWatchdog&) = delete;
    DeadlineWatchdog& operator=(const DeadlineWatchdog&) = delete;

    /// Keeps SOCKET watched until destruction, which must happen before the socket is closed.
    class Registration
    {
    public:
        Registration(DeadlineWatchdog& watchdog, const Poco::Net::StreamSocket& socket, Clock::time_point deadline);
        ~Registration();
        Registration(const Registration&) = delete;
        Registration& operator=(const Registration&) = delete;

        /// Returns whether the watchdog shut the socket down.
        bool fired() const;

    private:
        DeadlineWatchdog& m_watchdog;
        std::uint64_t m_id;
    };

private:
    struct Entry
    {
        Poco::Net::StreamSocket socket;
        Clock::time_point deadline;
        bool fired = false;
    };

    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextId = 1;
    Clock::time_point m_nextWake = Clock::time_point::max(); // when run() wakes up next
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ileadx::leads
