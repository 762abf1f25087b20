#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leads {

/// The rules of one robots.txt file that apply to one crawler, parsed as RFC 9309 describes.
///
/// The group whose user-agent line equals the crawler's product token (compared without case)
/// applies, else the "*" group, else no rule at all. Several groups for the same agent are merged.
/// The longest matching pattern decides; on equal length Allow wins. Patterns may contain "*"
/// (any run of octets) and end with "$" (end of the path). "/robots.txt" is always allowed.
class RobotsTxt
{
public:
    struct Rule
    {
        bool allow = false;
        std::string pattern; // percent-encoding normalised
    };

    /// Parses TEXT (any leading UTF-8 byte-order mark is skipped) for the crawler PRODUCT_TOKEN,
    /// such as "iLeadXBot". Lines that are not "field: value" records are ignored.
    static RobotsTxt parse(std::string_view text, std::string_view productToken);
    static RobotsTxt allowAll();
    static RobotsTxt disallowAll();

    /// Returns whether PATH_AND_QUERY (for example "/a/b?c=1", as it appears in the URL) may be crawled.
    bool isAllowed(std::string_view pathAndQuery) const;

    /// Returns the Crawl-delay of the chosen group in seconds, if it set a valid one. It is not part
    /// of RFC 9309 but many sites use it.
    std::optional<double> crawlDelaySeconds() const { return m_crawlDelaySeconds; }

    const std::vector<Rule>& rules() const { return m_rules; }

private:
    std::vector<Rule> m_rules;
    std::optional<double> m_crawlDelaySeconds;
};

/// Returns the product token of a User-Agent value: its leading run of letters, "-" and "_"
/// ("iLeadXBot" for "iLeadXBot/1.0 (+https://ileadx.example/bot)").
std::string productToken(std::string_view userAgent);

/// Normalises percent-encoding for comparison as RFC 9309 section 2.2.2 requires: octets outside
/// US-ASCII, controls and spaces are encoded, encoded unreserved characters are decoded, and hex
/// digits are upper case. "*" and "$" are left as they are.
std::string normalizeRobotsPath(std::string_view path);

/// Returns whether PATTERN (normalised, with "*" and a final "$") matches the start of PATH.
bool robotsPatternMatches(std::string_view pattern, std::string_view path);

} // namespace ileadx::leads
