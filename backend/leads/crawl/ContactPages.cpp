#include "leads/crawl/ContactPages.h"

#include "leads/crawl/HtmlTags.h"
#include "leads/crawl/SiteIdentity.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <utility>

namespace ileadx::leads {

namespace {

struct Keyword
{
    std::string_view text;
    int score;
};

// Lower-case fragments looked for in the decoded path and in the link text.
constexpr std::array kKeywords{
    Keyword{"contact", 100},         Keyword{"kontakt", 100},         Keyword{"contatt", 100},
    Keyword{"contato", 100},         Keyword{"impressum", 90},        Keyword{"imprint", 90},
    Keyword{"mentions-legales", 90}, Keyword{"mentions_legales", 90}, Keyword{"mentions légales", 90},
    Keyword{"legal-notice", 90},     Keyword{"legal notice", 90},     Keyword{"aviso-legal", 90},
    Keyword{"aviso legal", 90},      Keyword{"colofon", 90},          Keyword{"about", 60},
    Keyword{"ueber-uns", 60},        Keyword{"uber-uns", 60},         Keyword{"über uns", 60},
    Keyword{"Über uns", 60},         Keyword{"a-propos", 60},         Keyword{"à propos", 60},
    Keyword{"quienes-somos", 60},    Keyword{"chi-siamo", 60},        Keyword{"over-ons", 60},
    Keyword{"team", 50},             Keyword{"equipe", 50},           Keyword{"équipe", 50},
    Keyword{"legal", 40},            Keyword{"rechtliches", 40},
};

constexpr std::array kSkippedExtensions{".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".zip",
                                        ".doc", ".docx", ".xls", ".xlsx", ".mp3", ".mp4", ".css", ".js"};

int keywordScore(const std::string& lowerText)
{
    int best = 0;
    for (const Keyword& keyword : kKeywords) {
        if (lowerText.find(keyword.text) != std::string::npos) {
            best = std::max(best, keyword.score);
        }
    }
    return best;
}

std::optional<Poco::URI> resolveLink(const Poco::URI& base, const std::string& href)
{
    try {
        Poco::URI resolved(base);
        resolved.resolve(href);
        const std::string scheme = Poco::toLower(resolved.getScheme());
        if ((scheme != "http" && scheme != "https") || resolved.getHost().empty()) {
            return std::nullopt;
        }
        resolved.setFragment("");
        return resolved;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

bool looksLikeDocument(const Poco::URI& url)
{
    const std::string path = Poco::toLower(url.getPath());
    for (const std::string_view extension : kSkippedExtensions) {
        if (path.size() >= extension.size() && path.compare(path.size() - extension.size(), extension.size(), extension) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

std::vector<PageLink> findLinks(std::string_view html, const std::string& pageUrl)
{
    const std::vector<HtmlTag> tags = findTags(html, {"a", "base"}, html.size());

    Poco::URI base(pageUrl);
    for (const HtmlTag& tag : tags) {
        const std::string href = Poco::trim(attributeValue(tag.attributes, "href"));
        if (tag.name == "base" && !href.empty()) {
            if (const auto resolved = resolveLink(base, href)) {
                base = *resolved;
            }
            break;
        }
    }

    std::vector<PageLink> links;
    std::set<std::string> seen;
    for (const HtmlTag& tag : tags) {
        if (tag.name != "a") {
            continue;
        }
        const auto resolved = resolveLink(base, Poco::trim(attributeValue(tag.attributes, "href")));
        if (!resolved || !seen.insert(resolved->toString()).second) {
            continue;
        }
        links.push_back({resolved->toString(), tag.text});
    }
    return links;
}

int contactPageScore(const std::string& url, const std::string& text)
{
    std::string path;
    try {
        path = Poco::toLower(Poco::URI(url).getPath());
    } catch (const Poco::Exception&) {
        return 0;
    }
    const int pathScore = keywordScore(path);
    const int textScore = keywordScore(Poco::toLower(text));
    const int bonus = (pathScore > 0 && textScore > 0) ? 5 : 0;
    return std::max(pathScore, textScore) + bonus;
}

std::vector<std::string> rankContactPages(std::string_view html, const std::string& pageUrl, const std::string& siteHost)
{
    std::string pageWithoutFragment;
    try {
        Poco::URI page(pageUrl);
        page.setFragment("");
        pageWithoutFragment = page.toString();
    } catch (const Poco::Exception&) {
        return {};
    }

    std::vector<std::pair<int, std::string>> scored;
    for (const PageLink& link : findLinks(html, pageUrl)) {
        const Poco::URI url(link.url);
        if (link.url == pageWithoutFragment || !sameSite(url.getHost(), siteHost) || looksLikeDocument(url)) {
            continue;
        }
        const int score = contactPageScore(link.url, link.text);
        if (score > 0) {
            scored.emplace_back(score, link.url);
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

    std::vector<std::string> ranked;
    for (auto& [score, url] : scored) {
        ranked.push_back(std::move(url));
    }
    return ranked;
}

} // namespace ileadx::leads
