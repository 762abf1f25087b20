#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace ileadx::leads {

/// Limits how hard the crawler presses on each host and on the network as a whole. Thread-safe:
/// every search shares one instance through the SiteCrawler.
///
/// A request to a host starts only when fewer than perHostConcurrency requests to that host and
/// fewer than globalConcurrency requests in total are running. It also waits until the host's delay
/// has passed since the previous request to that host started and since the last one finished.
class Politeness
{
public:
    using Clock = std::chrono::steady_clock;

    Politeness(int perHostConcurrency, int globalConcurrency);

    /// One running request. Its destructor releases the request's slots.
    class Permit
    {
    public:
        Permit(Permit&& other) noexcept;
        Permit& operator=(Permit&& other) noexcept;
        Permit(const Permit&) = delete;
        ~Permit();

    private:
        friend class Politeness;
        Permit(Politeness* owner, std::string host) : m_owner(owner), m_host(std::move(host)) {}

        Politeness* m_owner;
        std::string m_host;
    };

    /// Waits for a slot for HOST, whose requests must be DELAY apart. Polls CANCELLED (may be empty)
    /// about every 50 ms and returns nothing once it returns true.
    std::optional<Permit> acquire(const std::string& host, std::chrono::milliseconds delay,
                                  const std::function<bool()>& cancelled);

private:
    struct HostState
    {
        int running = 0;
        Clock::time_point lastStart{};
        Clock::time_point lastFinish{};
        std::chrono::milliseconds delay{0};
    };

    void release(const std::string& host);
    void forgetIdleHosts(Clock::time_point now);

    const int m_perHostConcurrency;
    const int m_globalConcurrency;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<std::string, HostState> m_hosts;
    int m_running = 0;
};

} // namespace ileadx::leads
