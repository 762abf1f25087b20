#pragma once

#include "leads/crawl/CrawlTypes.h"
#include "leads/crawl/PageFetcher.h"
#include "leads/crawl/RobotsTxt.h"

#include <Poco/URI.h>

#include <cstddef>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ileadx::leads {

/// Returns the rules a robots.txt fetch outcome means (RFC 9309 section 2.3.1): a 2xx body is
/// parsed, 4xx or a redirect chain that did not end (more than five) allows all, and 5xx or an
/// unreachable host disallows all. A body cut at the size cap is parsed up to its last full line.
RobotsTxt robotsFromFetch(const FetchedPage& page, const std::string& productToken);

/// The robots.txt rules of one origin, and why robots.txt could not be fetched at all (no
/// response: rejected address, DNS or connection failure, timeout), if so.
struct RobotsRecord
{
    RobotsTxt rules;
    std::string unreachable;
};

/// The robots.txt rules of every origin (scheme, host, port) the crawler has visited, each fetched
/// once and kept for the crawler's lifetime. Thread-safe: concurrent requests for one origin wait
/// for a single fetch.
// TODO: entries are never evicted or refreshed; RFC 9309 suggests caching for at most 24 hours.
class RobotsCache
{
public:
    RobotsCache(const PageFetcher& fetcher, std::string productToken, std::size_t maxRobotsBytes);

    /// Returns the rules for URL's origin, fetching its robots.txt through GATE on first use.
    /// Returns null when the fetch was cancelled (GATE rejected it with "cancelled").
    std::shared_ptr<const RobotsRecord> rulesFor(const Poco::URI& url, const HopGate& gate);

private:
    using Entry = std::shared_future<std::shared_ptr<const RobotsRecord>>;

    std::shared_ptr<const RobotsRecord> fetchRules(const Poco::URI& url, const HopGate& gate);

    const PageFetcher& m_fetcher;
    const std::string m_productToken;
    const std::size_t m_maxRobotsBytes;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

} // namespace ileadx::leads
