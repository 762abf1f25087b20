#include "leads/extract/TechnologyDetector.h"

#include <Poco/String.h>

#include <algorithm>

namespace ileadx::leads {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

bool anyMatches(const std::vector<std::unique_ptr<RE2>>& patterns, const std::vector<std::string>& values)
{
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::unique_ptr<RE2>& pattern) {
        return std::any_of(values.begin(), values.end(),
                           [&](const std::string& value) { return RE2::PartialMatch(value, *pattern); });
    });
}

bool headersMatch(const TechnologyRule& rule, const Headers& headers)
{
    return std::any_of(rule.headers.begin(), rule.headers.end(), [&](const auto& expected) {
        return std::any_of(headers.begin(), headers.end(), [&](const auto& header) {
            return Poco::icompare(header.first, expected.first) == 0 && RE2::PartialMatch(header.second, *expected.second);
        });
    });
}

bool htmlMatches(const TechnologyRule& rule, const std::string& markup)
{
    return std::any_of(rule.html.begin(), rule.html.end(),
                       [&](const std::unique_ptr<RE2>& pattern) { return RE2::PartialMatch(markup, *pattern); });
}

// Marks everything that a detected technology implies, following chains.
void addImplied(const std::vector<TechnologyRule>& rules, std::vector<bool>& detected)
{
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (detected[i]) {
            pending.push_back(i);
        }
    }
    while (!pending.empty()) {
        const std::size_t index = pending.back();
        pending.pop_back();
        for (const std::size_t implied : rules[index].implies) {
            if (!detected[implied]) {
                detected[implied] = true;
                pending.push_back(implied);
            }
        }
    }
}

} // namespace

std::vector<std::string> cookieNames(const Headers& headers)
{
    std::vector<std::string> names;
    for (const auto& [name, value] : headers) {
        if (Poco::icompare(name, "Set-Cookie") == 0) {
            names.push_back(Poco::trim(value.substr(0, value.find('='))));
        }
    }
    return names;
}

TechnologyDetector::TechnologyDetector(const std::string& rulesPath)
    : m_rules(loadTechnologyRules(rulesPath))
{
}

std::vector<Technology> TechnologyDetector::detect(const HtmlDocument& document, const Headers& headers) const
{
    const std::vector<std::string> cookies = cookieNames(headers);
    std::vector<bool> detected(m_rules.size(), false);
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const TechnologyRule& rule = m_rules[i];
        detected[i] = headersMatch(rule, headers) || anyMatches(rule.cookies, cookies)
            || anyMatches(rule.metaGenerator, document.generators) || anyMatches(rule.scriptSrc, document.assetUrls)
            || htmlMatches(rule, document.markup);
    }
    addImplied(m_rules, detected);

    std::vector<Technology> technologies;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (detected[i]) {
            technologies.push_back(Technology{m_rules[i].name, m_rules[i].category});
        }
    }
    return technologies;
}

} // namespace ileadx::leads
