#include "sessions/DeviceLabel.h"

#include <array>
#include <cctype>

namespace ileadx {

namespace {

struct Product
{
    std::string_view token; ///< text that precedes the version, including its '/'
    std::string_view name;
};

// Order matters: Edge and Opera also send "Chrome/", and Chrome also sends "Safari/".
constexpr std::array<Product, 9> kProducts{{
    {"iLeadX-Console/", "iLeadX Console"},
    {"Edg/", "Edge"},
    {"OPR/", "Opera"},
    {"Firefox/", "Firefox"},
    {"Chrome/", "Chrome"},
    {"Version/", "Safari"},
    {"curl/", "curl"},
    {"Wget/", "Wget"},
    {"python-requests/", "Python requests"},
}};

struct Platform
{
    std::string_view token;
    std::string_view name;
};

constexpr std::array<Platform, 7> kPlatforms{{
    {"Android", "Android"},
    {"iPhone", "iOS"},
    {"iPad", "iPadOS"},
    {"Windows", "Windows"},
    {"Mac OS X", "macOS"},
    {"CrOS", "ChromeOS"},
    {"Linux", "Linux"},
}};

// Browsers report a dotted version; the first component is what people recognise, except for the
// console and command-line tools, whose full version helps support.
std::string versionAfter(std::string_view userAgent, std::size_t start, bool majorOnly)
{
    std::string version;
    for (std::size_t i = start; i < userAgent.size() && version.size() < 16; ++i) {
        const char c = userAgent[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            version += c;
        } else if (c == '.' && !majorOnly) {
            version += c;
        } else {
            break;
        }
    }
    return version;
}

} // namespace

std::string deviceLabelFromUserAgent(std::string_view userAgent)
{
    std::string label;
    for (const Product& product : kProducts) {
        const std::size_t found = userAgent.find(product.token);
        if (found == std::string_view::npos) {
            continue;
        }
        // Safari's "Version/" only counts next to "Safari/"; other browsers embed it too.
        if (product.name == "Safari" && userAgent.find("Safari/") == std::string_view::npos) {
            continue;
        }
        const bool majorOnly = product.name != "iLeadX Console" && product.name != "curl" && product.name != "Wget";
        label = std::string(product.name);
        const std::string version = versionAfter(userAgent, found + product.token.size(), majorOnly);
        if (!version.empty()) {
            label += " " + version;
        }
        break;
    }
    if (label.empty()) {
        return "Unknown device";
    }

    for (const Platform& platform : kPlatforms) {
        if (userAgent.find(platform.token) != std::string_view::npos) {
            label += " on " + std::string(platform.name);
            break;
        }
    }
    return label;
}

} // namespace ileadx
