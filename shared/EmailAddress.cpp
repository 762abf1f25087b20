#include "shared/EmailAddress.h"

#include <algorithm>
#include <cctype>

namespace ileadx {

namespace {

constexpr std::size_t kMaxAddressLength = 254;
constexpr std::size_t kMaxLocalPartLength = 64;

bool isAllowedCharacter(unsigned char c)
{
    return c > 0x20 && c != 0x7F && c != '<' && c != '>' && c != '(' && c != ')' && c != ',' && c != ';' &&
           c != '"' && c != '\\' && c != '[' && c != ']';
}

bool isValidDomain(std::string_view domain)
{
    if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.' || domain.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(domain.begin(), domain.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c >= 0x80;
    });
}

} // namespace

std::optional<std::string> normalizeEmail(std::string_view address)
{
    while (!address.empty() && std::isspace(static_cast<unsigned char>(address.front()))) {
        address.remove_prefix(1);
    }
    while (!address.empty() && std::isspace(static_cast<unsigned char>(address.back()))) {
        address.remove_suffix(1);
    }
    if (address.empty() || address.size() > kMaxAddressLength) {
        return std::nullopt;
    }

    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view local = address.substr(0, at);
    const std::string_view domain = address.substr(at + 1);
    if (local.empty() || local.size() > kMaxLocalPartLength || !isValidDomain(domain)) {
        return std::nullopt;
    }
    if (!std::all_of(address.begin(), address.end(), [](unsigned char c) { return isAllowedCharacter(c); })) {
        return std::nullopt;
    }

    std::string normalized(address);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return normalized;
}

} // namespace ileadx
