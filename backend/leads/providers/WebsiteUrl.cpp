#include "leads/providers/WebsiteUrl.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace ileadx::leads {

namespace {

bool hasScheme(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0) {
        return false;
    }
    const bool schemeCharacters = std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
        return std::isalnum(c) || c == '+' || c == '-' || c == '.';
    });
    // "example.com:8080/x" is a host with a port, not a scheme named "example.com".
    const bool portFollows = colon + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[colon + 1]));
    return schemeCharacters && !portFollows;
}

bool containsSpaceOrControl(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

} // namespace

std::string normalizeWebsite(const std::string& raw)
{
    std::string text = Poco::trim(raw);
    if (text.empty() || containsSpaceOrControl(text)) {
        return {};
    }
    if (text.starts_with("//")) {
        text = "http:" + text;
    } else if (!hasScheme(text)) {
        text = "http://" + text;
    }
    try {
        Poco::URI uri(text);
        const std::string scheme = Poco::toLower(uri.getScheme());
        if ((scheme != "http" && scheme != "https") || uri.getHost().empty() || uri.getHost().find('.') == std::string::npos) {
            return {};
        }
        return text.replace(0, scheme.size(), scheme);
    } catch (const Poco::SyntaxException&) {
        return {};
    }
}

} // namespace ileadx::leads
