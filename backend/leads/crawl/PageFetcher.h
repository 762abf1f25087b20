#pragma once

#include "leads/crawl/CrawlTypes.h"
#include "leads/crawl/DeadlineWatchdog.h"
#include "leads/crawl/Politeness.h"

#include <Poco/Net/Context.h>
#include <Poco/URI.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace ileadx::leads {

struct FetchLimits
{
    std::size_t maxBodyBytes = 2 * 1024 * 1024; // on the raw body and again after decompression
    int maxRedirects = 5;                       // HTTP redirects and meta refreshes together
    bool htmlOnly = true; // keep only text/html and application/xhtml+xml, convert to UTF-8, follow meta refresh
    std::string siteHost; // when set, every hop must stay on this host's registrable domain
};

/// The outcome of a HopGate: a permit to hold during the request, or why not to send it.
struct HopDecision
{
    std::optional<Politeness::Permit> permit;
    std::string rejection;
};

/// Called before every request of a fetch (each redirect too) with the URL about to be requested.
using HopGate = std::function<HopDecision(const Poco::URI&)>;

/// Fetches one URL, following HTTP redirects (301, 302, 303, 307, 308) and meta refreshes.
/// Thread-safe.
class PageFetcher
{
public:
    explicit PageFetcher(const CrawlerOptions& options);
    ~PageFetcher();
    PageFetcher(const PageFetcher&) = delete;
    PageFetcher& operator=(const PageFetcher&) = delete;

    /// Fetches URL within LIMITS. GATE, when set, may delay or reject each request. Each request
    /// gets its own totalTimeoutMs, so a page with redirects may take longer in all. The timings are
    /// those of the last request. Failures are reported in FetchedPage::error, not thrown.
    FetchedPage fetch(const std::string& url, const FetchLimits& limits, const HopGate& gate = {}) const;

private:
    struct Hop;

    CrawlerOptions m_options;
    Poco::Net::Context::Ptr m_tlsContext;
    mutable DeadlineWatchdog m_watchdog;
};

} // namespace ileadx::leads
