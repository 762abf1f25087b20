#pragma once

#include "leads/crawl/CrawlTypes.h"

#include <functional>
#include <memory>
#include <string>

namespace ileadx::leads {

/// Crawls businesses' websites politely: robots.txt (RFC 9309, with Crawl-delay), per-host delay
/// and concurrency limits, a global concurrency limit, and no connections to private addresses
/// unless allowed. Thread-safe: many searches share one crawler and its politeness limits.
///
/// A Crawl-delay in robots.txt raises the per-host delay for that host when it is longer than
/// perHostDelayMs, up to at most 30 s.
class SiteCrawler
{
public:
    explicit SiteCrawler(CrawlerOptions options);
    ~SiteCrawler();
    SiteCrawler(const SiteCrawler&) = delete;
    SiteCrawler& operator=(const SiteCrawler&) = delete;

    /// Crawls the home page plus the few pages most likely to list contacts. `cancelled` is polled
    /// between pages and while waiting for a politeness slot; a cancelled crawl returns the pages
    /// fetched so far with error "cancelled". A website without a scheme is read as http://.
    SiteResult crawl(const std::string& website, const std::function<bool()>& cancelled = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ileadx::leads
