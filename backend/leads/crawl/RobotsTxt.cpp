#include "leads/crawl/RobotsTxt.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace ileadx::leads {

namespace {

struct Group
{
    std::vector<std::string> agents; // product tokens in lower case, or "*"
    std::vector<RobotsTxt::Rule> rules;
    std::optional<double> crawlDelaySeconds;
};

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowerCase(std::string_view text)
{
    std::string result(text);
    for (char& c : result) {
        c = asciiLower(c);
    }
    return result;
}

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = asciiLower(c);
    if (lower >= 'a' && lower <= 'f') {
        return lower - 'a' + 10;
    }
    return -1;
}

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

void appendEncoded(std::string& out, unsigned char c)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
}

std::optional<double> parseCrawlDelay(std::string_view value)
{
    const std::string text(value);
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(seconds) || seconds < 0) {
        return std::nullopt;
    }
    return seconds;
}

// Splits TEXT into groups. A user-agent line after a rule line starts a new group; rules before
// the first user-agent line belong to no group and are dropped.
std::vector<Group> parseGroups(std::string_view text)
{
    std::vector<Group> groups;
    bool lastLineWasAgent = false;
    while (!text.empty()) {
        const auto lineEnd = text.find_first_of("\r\n");
        std::string_view line = text.substr(0, lineEnd);
        text = lineEnd == std::string_view::npos ? std::string_view{} : text.substr(lineEnd + 1);

        line = line.substr(0, line.find('#'));
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        const std::string field = lowerCase(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));

        if (field == "user-agent") {
            if (!lastLineWasAgent || groups.empty()) {
                groups.emplace_back();
            }
            groups.back().agents.push_back(value == "*" ? "*" : lowerCase(productToken(value)));
            lastLineWasAgent = true;
        } else if (field == "allow" || field == "disallow" || field == "crawl-delay") {
            lastLineWasAgent = false;
            if (groups.empty()) {
                continue;
            }
            if (field == "crawl-delay") {
                groups.back().crawlDelaySeconds = parseCrawlDelay(value);
            } else if (!value.empty()) {
                groups.back().rules.push_back({field == "allow", normalizeRobotsPath(value)});
            }
        }
        // Other records (Sitemap and unknown fields) neither belong to a group nor end one.
    }
    return groups;
}

bool groupNames(const Group& group, const std::string& agent)
{
    for (const std::string& name : group.agents) {
        if (!name.empty() && name == agent) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string productToken(std::string_view userAgent)
{
    std::size_t length = 0;
    while (length < userAgent.size()) {
        const char c = userAgent[length];
        const bool tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
        if (!tokenChar) {
            break;
        }
        ++length;
    }
    return std::string(userAgent.substr(0, length));
}

std::string normalizeRobotsPath(std::string_view path)
{
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto c = static_cast<unsigned char>(path[i]);
        if (c == '%' && i + 2 < path.size() && hexValue(path[i + 1]) >= 0 && hexValue(path[i + 2]) >= 0) {
            const auto decoded = static_cast<unsigned char>(hexValue(path[i + 1]) * 16 + hexValue(path[i + 2]));
            if (isUnreserved(decoded)) {
                out += static_cast<char>(decoded);
            } else {
                appendEncoded(out, decoded);
            }
            i += 2;
        } else if (c >= 0x80 || c <= 0x20 || c == 0x7F) {
            appendEncoded(out, c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

bool robotsPatternMatches(std::string_view pattern, std::string_view path)
{
    const bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored) {
        pattern.remove_suffix(1);
    }

    // Glob matching with backtracking to the last "*": linear in practice, O(n * m) at worst.
    std::size_t p = 0, s = 0;
    std::size_t starPattern = std::string_view::npos, starPath = 0;
    while (true) {
        if (p < pattern.size() && pattern[p] == '*') {
            starPattern = p++;
            starPath = s;
            continue;
        }
        if (p == pattern.size() && (!anchored || s == path.size())) {
            return true;
        }
        if (p < pattern.size() && s < path.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
            continue;
        }
        if (starPattern != std::string_view::npos && starPath < path.size()) {
            p = starPattern + 1;
            s = ++starPath;
            continue;
        }
        return false;
    }
}

RobotsTxt RobotsTxt::parse(std::string_view text, std::string_view crawlerToken)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    const std::vector<Group> groups = parseGroups(text);
    const std::string token = lowerCase(crawlerToken);

    bool named = false;
    for (const Group& group : groups) {
        named = named || groupNames(group, token);
    }
    const std::string chosen = named ? token : "*";

    RobotsTxt robots;
    for (const Group& group : groups) {
        if (!groupNames(group, chosen)) {
            continue;
        }
        robots.m_rules.insert(robots.m_rules.end(), group.rules.begin(), group.rules.end());
        if (group.crawlDelaySeconds &&
            (!robots.m_crawlDelaySeconds || *group.crawlDelaySeconds > *robots.m_crawlDelaySeconds)) {
            robots.m_crawlDelaySeconds = group.crawlDelaySeconds;
        }
    }
    return robots;
}

RobotsTxt RobotsTxt::allowAll()
{
    return {};
}

RobotsTxt RobotsTxt::disallowAll()
{
    RobotsTxt robots;
    robots.m_rules.push_back({false, "/"});
    return robots;
}

bool RobotsTxt::isAllowed(std::string_view pathAndQuery) const
{
    const std::string path = normalizeRobotsPath(pathAndQuery.empty() ? "/" : pathAndQuery);
    if (path == "/robots.txt") {
        return true;
    }
    const Rule* best = nullptr;
    for (const Rule& rule : m_rules) {
        if (!robotsPatternMatches(rule.pattern, path)) {
            continue;
        }
        const bool longer = !best || rule.pattern.size() > best->pattern.size();
        const bool tieWonByAllow = best && rule.pattern.size() == best->pattern.size() && rule.allow;
        if (longer || tieWonByAllow) {
            best = &rule;
        }
    }
    return !best || best->allow;
}

} // namespace ileadx::leads
