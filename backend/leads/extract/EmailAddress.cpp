#include "leads/extract/EmailAddress.h"

#include <Poco/String.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace ileadx::leads {

namespace {

// Extensions seen after an "@" in image and asset names (retina suffixes such as @2x).
constexpr std::array<std::string_view, 22> kFileExtensions = {
    "png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "css",
    "js", "mjs", "json", "xml", "pdf", "mp4", "webm", "woff", "woff2", "ttf"};

constexpr std::array<std::string_view, 5> kReservedTopLevelNames = {"example", "invalid", "test", "localhost", "local"};

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool isValidLocalPart(std::string_view local)
{
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.'
        || local.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(local.begin(), local.end(), [](char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    });
}

bool isValidLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

std::vector<std::string_view> splitLabels(std::string_view domain)
{
    std::vector<std::string_view> labels;
    std::size_t begin = 0;
    for (std::size_t dot = domain.find('.'); dot != std::string_view::npos; dot = domain.find('.', begin)) {
        labels.push_back(domain.substr(begin, dot - begin));
        begin = dot + 1;
    }
    labels.push_back(domain.substr(begin));
    return labels;
}

bool isValidTopLevelLabel(std::string_view label)
{
    if (label.starts_with("xn--")) {
        return true;
    }
    const bool letters = std::all_of(label.begin(), label.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    return letters && label.size() >= 2 && label.size() <= 24;
}

bool isValidDomain(std::string_view domain)
{
    if (domain.size() > 253) {
        return false;
    }
    const std::vector<std::string_view> labels = splitLabels(domain);
    return labels.size() >= 2 && std::all_of(labels.begin(), labels.end(), isValidLabel)
        && isValidTopLevelLabel(labels.back());
}

bool isDomainOrSubdomain(std::string_view domain, std::string_view parent)
{
    return domain == parent
        || (domain.size() > parent.size() && domain.ends_with(parent) && domain[domain.size() - parent.size() - 1] == '.');
}

bool isIgnoredDomain(std::string_view domain)
{
    const std::string_view topLevel = domain.substr(domain.rfind('.') + 1);
    if (std::find(kFileExtensions.begin(), kFileExtensions.end(), topLevel) != kFileExtensions.end()
        || std::find(kReservedTopLevelNames.begin(), kReservedTopLevelNames.end(), topLevel) != kReservedTopLevelNames.end()) {
        return true;
    }
    return std::any_of(std::begin(kIgnoredEmailDomains), std::end(kIgnoredEmailDomains),
                       [domain](std::string_view ignored) { return isDomainOrSubdomain(domain, ignored); });
}

bool isHexKey(std::string_view local)
{
    return local.size() >= 32 && std::all_of(local.begin(), local.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

std::optional<std::string> normalizeEmail(std::string_view candidate)
{
    const std::size_t at = candidate.find('@');
    if (at == std::string_view::npos || candidate.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view local = candidate.substr(0, at);
    const std::string domain = Poco::toLower(std::string(candidate.substr(at + 1)));
    if (!isValidLocalPart(local) || !isValidDomain(domain) || isIgnoredDomain(domain) || isHexKey(local)) {
        return std::nullopt;
    }
    return std::string(local) + "@" + domain;
}

} // namespace ileadx::leads
