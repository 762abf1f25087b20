#include "leads/crawl/RobotsCache.h"

#include <Poco/String.h>

namespace ileadx::leads {

namespace {

const std::string kCancelled = "cancelled";

std::string originKey(const Poco::URI& url)
{
    return url.getScheme() + "://" + Poco::toLower(url.getHost()) + ":" + std::to_string(url.getPort());
}

} // namespace

RobotsTxt robotsFromFetch(const FetchedPage& page, const std::string& productToken)
{
    if (page.error.empty() && page.status >= 200 && page.status <= 299) {
        std::string_view text = page.body;
        if (page.truncated) {
            const auto lastNewline = text.find_last_of("\r\n");
            text = text.substr(0, lastNewline == std::string_view::npos ? 0 : lastNewline + 1);
        }
        return RobotsTxt::parse(text, productToken);
    }
    const bool unavailable = (page.status >= 400 && page.status <= 499) || (page.status >= 300 && page.status <= 399);
    return unavailable ? RobotsTxt::allowAll() : RobotsTxt::disallowAll();
}

RobotsCache::RobotsCache(const PageFetcher& fetcher, std::string productToken, std::size_t maxRobotsBytes)
    : m_fetcher(fetcher), m_productToken(std::move(productToken)), m_maxRobotsBytes(maxRobotsBytes)
{
}

std::shared_ptr<const RobotsRecord> RobotsCache::rulesFor(const Poco::URI& url, const HopGate& gate)
{
    const std::string key = originKey(url);
    while (true) {
        std::promise<std::shared_ptr<const RobotsRecord>> promise;
        Entry entry;
        bool fetchHere = false;
        {
            std::lock_guard lock(m_mutex);
            const auto found = m_entries.find(key);
            if (found != m_entries.end()) {
                entry = found->second;
            } else {
                entry = promise.get_future().share();
                m_entries.emplace(key, entry);
                fetchHere = true;
            }
        }
        if (!fetchHere) {
            if (auto rules = entry.get()) {
                return rules;
            }
            continue; // the fetching thread was cancelled and removed the entry, so try again
        }

        std::shared_ptr<const RobotsRecord> rules = fetchRules(url, gate);
        if (!rules) {
            std::lock_guard lock(m_mutex);
            m_entries.erase(key);
        }
        promise.set_value(rules);
        return rules;
    }
}

std::shared_ptr<const RobotsRecord> RobotsCache::fetchRules(const Poco::URI& url, const HopGate& gate)
{
    Poco::URI robotsUrl(url);
    robotsUrl.setPathEtc("/robots.txt");

    FetchLimits limits;
    limits.maxBodyBytes = m_maxRobotsBytes;
    limits.maxRedirects = 5; // RFC 9309: follow at least five, across hosts too
    limits.htmlOnly = false;
    const FetchedPage page = m_fetcher.fetch(robotsUrl.toString(), limits, gate);
    if (page.error == kCancelled) {
        return nullptr;
    }
    const std::string unreachable = page.status == 0 ? page.error : std::string();
    return std::make_shared<const RobotsRecord>(RobotsRecord{robotsFromFetch(page, m_productToken), unreachable});
}

} // namespace ileadx::leads
