#include "leads/crawl/SiteCrawler.h"

#include "leads/crawl/ContactPages.h"
#include "leads/crawl/PageFetcher.h"
#include "leads/crawl/Politeness.h"
#include "leads/crawl/RobotsCache.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

#include <algorithm>
#include <set>

namespace ileadx::leads {

namespace {

const std::string kCancelled = "cancelled";
const std::string kRobotsDisallows = "robots.txt disallows";
constexpr std::chrono::milliseconds kMaxCrawlDelay{30000};

std::optional<Poco::URI> parseWebsite(const std::string& website)
{
    std::string text = Poco::trim(website);
    if (text.find("://") == std::string::npos) {
        text = "http://" + text;
    }
    try {
        Poco::URI url(text);
        if ((url.getScheme() != "http" && url.getScheme() != "https") || url.getHost().empty()) {
            return std::nullopt;
        }
        if (url.getPath().empty()) {
            url.setPath("/");
        }
        url.setFragment("");
        return url;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

} // namespace

struct SiteCrawler::Impl
{
    explicit Impl(CrawlerOptions crawlerOptions)
        : options(std::move(crawlerOptions))
        , fetcher(options)
        , politeness(options.perHostConcurrency, options.globalConcurrency)
        , robots(fetcher, productToken(options.userAgent), options.maxRobotsBytes)
    {
    }

    std::chrono::milliseconds delayFor(const RobotsRecord* robotsRecord) const
    {
        std::chrono::milliseconds delay{std::max(0, options.perHostDelayMs)};
        if (robotsRecord && robotsRecord->rules.crawlDelaySeconds()) {
            const double seconds = *robotsRecord->rules.crawlDelaySeconds();
            const auto crawlDelay = std::chrono::milliseconds(static_cast<long long>(std::min(seconds, 3600.0) * 1000));
            delay = std::max(delay, std::min(crawlDelay, kMaxCrawlDelay));
        }
        return delay;
    }

    // Returns the gate for robots.txt requests, which applies politeness only.
    HopGate robotsGate(const std::function<bool()>& cancelled)
    {
        return [this, &cancelled](const Poco::URI& url) {
            HopDecision decision;
            decision.permit = politeness.acquire(Poco::toLower(url.getHost()), delayFor(nullptr), cancelled);
            if (!decision.permit) {
                decision.rejection = kCancelled;
            }
            return decision;
        };
    }

    // Returns the gate for page requests, which checks robots.txt of the URL's origin, then
    // applies politeness.
    HopGate pageGate(const std::function<bool()>& cancelled)
    {
        return [this, &cancelled](const Poco::URI& url) {
            HopDecision decision;
            const auto record = robots.rulesFor(url, robotsGate(cancelled));
            decision.rejection = rejectionFor(record.get(), url);
            if (!decision.rejection.empty()) {
                return decision;
            }
            decision.permit = politeness.acquire(Poco::toLower(url.getHost()), delayFor(record.get()), cancelled);
            if (!decision.permit) {
                decision.rejection = kCancelled;
            }
            return decision;
        };
    }

    // Returns why URL must not be requested under ROBOTS_RECORD (null when the robots.txt fetch was
    // cancelled), or an empty string.
    static std::string rejectionFor(const RobotsRecord* robotsRecord, const Poco::URI& url)
    {
        if (!robotsRecord) {
            return kCancelled;
        }
        if (robotsRecord->rules.isAllowed(url.getPathAndQuery())) {
            return {};
        }
        return robotsRecord->unreachable.empty() ? kRobotsDisallows : robotsRecord->unreachable;
    }

    std::string robotsRejection(const Poco::URI& url, const std::function<bool()>& cancelled)
    {
        const auto record = robots.rulesFor(url, robotsGate(cancelled));
        return rejectionFor(record.get(), url);
    }

    void crawlContactPages(const std::string& siteHost, const FetchLimits& limits,
                           const std::function<bool()>& cancelled, SiteResult& result);

    CrawlerOptions options;
    PageFetcher fetcher;
    Politeness politeness;
    RobotsCache robots;
};

void SiteCrawler::Impl::crawlContactPages(const std::string& siteHost, const FetchLimits& limits,
                                          const std::function<bool()>& cancelled, SiteResult& result)
{
    const FetchedPage& home = result.pages.front();
    std::set<std::string> visited{home.url, home.finalUrl};
    const auto maxPages = static_cast<std::size_t>(std::max(1, options.maxPagesPerSite));
    for (const std::string& candidate : rankContactPages(home.body, home.finalUrl, siteHost)) {
        if (result.pages.size() >= maxPages) {
            return;
        }
        if (cancelled && cancelled()) {
            result.error = kCancelled;
            return;
        }
        if (visited.count(candidate) > 0 || !robotsRejection(Poco::URI(candidate), cancelled).empty()) {
            continue;
        }
        FetchedPage page = fetcher.fetch(candidate, limits, pageGate(cancelled));
        visited.insert(page.finalUrl);
        const bool wasCancelled = page.error == kCancelled;
        result.pages.push_back(std::move(page));
        if (wasCancelled) {
            result.error = kCancelled;
            return;
        }
    }
}

SiteCrawler::SiteCrawler(CrawlerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

SiteCrawler::~SiteCrawler() = default;

SiteResult SiteCrawler::crawl(const std::string& website, const std::function<bool()>& cancelled)
{
    SiteResult result;
    result.website = website;
    const std::optional<Poco::URI> home = parseWebsite(website);
    if (!home) {
        result.error = "invalid website URL";
        return result;
    }
    if (cancelled && cancelled()) {
        result.error = kCancelled;
        return result;
    }

    // An unreachable robots.txt disallows everything, but the crawl reports why it was unreachable.
    result.error = m_impl->robotsRejection(*home, cancelled);
    if (!result.error.empty()) {
        result.robotsDisallowed = result.error == kRobotsDisallows;
        return result;
    }

    FetchLimits limits;
    limits.maxBodyBytes = m_impl->options.maxBodyBytes;
    limits.maxRedirects = m_impl->options.maxRedirects;
    limits.siteHost = home->getHost();
    result.pages.push_back(m_impl->fetcher.fetch(home->toString(), limits, m_impl->pageGate(cancelled)));
    if (!result.pages.front().error.empty()) {
        result.error = result.pages.front().error;
        result.robotsDisallowed = result.error == kRobotsDisallows;
        return result;
    }
    m_impl->crawlContactPages(limits.siteHost, limits, cancelled, result);
    return result;
}

} // namespace ileadx::leads
