#include "leads/extract/SocialLinks.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

namespace ileadx::leads {

namespace {

// Profile names allowed by each network, checked whole.
const RE2 kLinkedinName(R"([\w\-%.]{2,100})");
const RE2 kDigits(R"(\d{1,20})");
const RE2 kFacebookName(R"([A-Za-z0-9.\-]{2,100})");
const RE2 kXHandle(R"(\w{1,15})");
const RE2 kInstagramHandle(R"([\w.]{1,30})");
const RE2 kPinterestName(R"(\w{3,30})");

struct ParsedUrl {
    std::string host;
    std::vector<std::string> segments;
    Poco::URI::QueryParameters query;
};

// Path segments that mark a single item or a page about the network, never a profile.
const std::set<std::string>& itemSegments()
{
    static const std::set<std::string> segments = {
        "status", "statuses", "posts", "post", "video", "photo", "photos", "p", "reel", "reels",
        "pin", "watch", "shorts", "live", "story", "stories", "events", "permalink.php", "photo.php",
        "story.php", "share", "sharer", "sharer.php", "share.php", "sharearticle", "sharing",
        "share-offsite", "intent", "dialog", "plugins", "login", "signup", "search", "hashtag",
        "explore", "home", "feed", "pulse", "groups", "help", "legal", "privacy", "about", "settings",
        "embed", "playlist", "results", "tv", "i", "accounts", "direct", "tr", "l.php", "pages",
        "jobs", "redirect", "channel-not-found", "ideas", "today", "business", "developers", "policies"};
    return segments;
}

bool isHost(const std::string& host, const std::string& domain)
{
    return host == domain
        || (host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.');
}

std::optional<ParsedUrl> parseUrl(const std::string& raw)
{
    std::string text = Poco::trim(raw);
    if (text.starts_with("//")) {
        text = "https:" + text;
    }
    try {
        const Poco::URI uri(text);
        const std::string scheme = Poco::toLower(uri.getScheme());
        if (scheme != "http" && scheme != "https") {
            return std::nullopt;
        }
        ParsedUrl parsed{Poco::toLower(uri.getHost()), {}, uri.getQueryParameters()};
        if (parsed.host.ends_with('.')) {
            parsed.host.pop_back();
        }
        uri.getPathSegments(parsed.segments);
        return parsed;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

std::string queryValue(const ParsedUrl& url, const std::string& name)
{
    for (const auto& [key, value] : url.query) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool matchesName(const std::string& name, const RE2& pattern)
{
    return RE2::FullMatch(name, pattern);
}

bool isItem(const std::string& segment)
{
    return itemSegments().count(Poco::toLower(segment)) != 0;
}

// True when no segment after the profile's own ones marks a single item.
bool noItemAfter(const ParsedUrl& url, std::size_t profileSegments)
{
    return std::none_of(url.segments.begin() + static_cast<std::ptrdiff_t>(std::min(profileSegments, url.segments.size())),
                        url.segments.end(), isItem);
}

std::optional<std::string> linkedinPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (s.size() >= 2 && (s[0] == "company" || s[0] == "in" || s[0] == "school") && matchesName(s[1], kLinkedinName)) {
        return "/" + s[0] + "/" + s[1];
    }
    return std::nullopt;
}

std::optional<std::string> facebookPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (s.size() == 1 && s[0] == "profile.php") {
        const std::string id = queryValue(url, "id");
        return matchesName(id, kDigits) ? std::optional("/profile.php?id=" + id) : std::nullopt;
    }
    if (s.size() == 1 && !isItem(s[0]) && matchesName(s[0], kFacebookName) && !s[0].ends_with(".php")) {
        return "/" + s[0];
    }
    return std::nullopt;
}

std::optional<std::string> xPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (s.size() == 2 && s[0] == "intent" && (s[1] == "follow" || s[1] == "user")) {
        const std::string name = queryValue(url, "screen_name");
        return matchesName(name, kXHandle) ? std::optional("/" + name) : std::nullopt;
    }
    if (!s.empty() && !isItem(s[0]) && matchesName(s[0], kXHandle) && noItemAfter(url, 1)) {
        return "/" + s[0];
    }
    return std::nullopt;
}

std::optional<std::string> instagramPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (!s.empty() && !isItem(s[0]) && matchesName(s[0], kInstagramHandle) && noItemAfter(url, 1)) {
        return "/" + s[0];
    }
    return std::nullopt;
}

std::optional<std::string> youtubePath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (!s.empty() && s[0].size() > 1 && s[0].front() == '@' && noItemAfter(url, 1)) {
        return "/" + s[0];
    }
    if (s.size() >= 2 && (s[0] == "channel" || s[0] == "c" || s[0] == "user") && noItemAfter(url, 2)) {
        return "/" + s[0] + "/" + s[1];
    }
    return std::nullopt;
}

std::optional<std::string> tiktokPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (!s.empty() && s[0].size() > 1 && s[0].front() == '@' && noItemAfter(url, 1)) {
        return "/" + s[0];
    }
    return std::nullopt;
}

std::optional<std::string> pinterestPath(const ParsedUrl& url)
{
    const auto& s = url.segments;
    if (!s.empty() && !isItem(s[0]) && matchesName(s[0], kPinterestName) && noItemAfter(url, 1)) {
        return "/" + s[0];
    }
    return std::nullopt;
}

struct Network {
    const char* name;
    std::vector<std::string> domains;
    const char* canonicalHost;
    std::optional<std::string> (*profilePath)(const ParsedUrl&);
};

const std::vector<Network>& networks()
{
    static const std::vector<Network> list = {
        {"linkedin", {"linkedin.com"}, "www.linkedin.com", linkedinPath},
        {"facebook", {"facebook.com"}, "www.facebook.com", facebookPath},
        {"x", {"x.com", "twitter.com"}, "x.com", xPath},
        {"instagram", {"instagram.com"}, "www.instagram.com", instagramPath},
        {"youtube", {"youtube.com"}, "www.youtube.com", youtubePath},
        {"tiktok", {"tiktok.com"}, "www.tiktok.com", tiktokPath},
        {"pinterest", {"pinterest.com"}, "www.pinterest.com", pinterestPath},
    };
    return list;
}

} // namespace

std::optional<SocialProfile> socialProfileFromUrl(const std::string& url)
{
    const std::optional<ParsedUrl> parsed = parseUrl(url);
    if (!parsed) {
        return std::nullopt;
    }
    for (const Network& network : networks()) {
        const bool hostMatches = std::any_of(network.domains.begin(), network.domains.end(),
                                             [&](const std::string& domain) { return isHost(parsed->host, domain); });
        if (!hostMatches) {
            continue;
        }
        const std::optional<std::string> path = network.profilePath(*parsed);
        if (!path) {
            return std::nullopt;
        }
        return SocialProfile{network.name, std::string("https://") + network.canonicalHost + *path};
    }
    return std::nullopt;
}

std::vector<SocialProfile> extractSocialProfiles(const std::vector<std::string>& urls)
{
    std::vector<SocialProfile> profiles;
    std::set<std::string> seen;
    for (const std::string& url : urls) {
        std::optional<SocialProfile> profile = socialProfileFromUrl(url);
        if (profile && seen.insert(Poco::toLower(profile->url)).second) {
            profiles.push_back(std::move(*profile));
        }
    }
    return profiles;
}

} // namespace ileadx::leads
