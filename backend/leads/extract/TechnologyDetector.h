#pragma once

#include "leads/extract/Extraction.h"
#include "leads/extract/HtmlDocument.h"
#include "leads/extract/TechnologyRules.h"

#include <string>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// Matches compiled technology rules against a page. Read-only after construction, and RE2
/// objects are safe to share between threads, so detect() may run concurrently.
class TechnologyDetector {
public:
    explicit TechnologyDetector(const std::string& rulesPath);

    /// Returns the technologies whose rules match, plus those they imply, in rules-file order.
    std::vector<Technology> detect(const HtmlDocument& document,
                                   const std::vector<std::pair<std::string, std::string>>& headers) const;

    const std::vector<TechnologyRule>& rules() const { return m_rules; }

private:
    std::vector<TechnologyRule> m_rules;
};

/// Returns the cookie names set by the Set-Cookie headers among `headers`.
std::vector<std::string> cookieNames(const std::vector<std::pair<std::string, std::string>>& headers);

} // namespace ileadx::leads
