#include "ratelimit/RateLimitKeys.h"

#include <arpa/inet.h>

#include <array>
#include <cstdio>

namespace ileadx {

namespace {

constexpr std::size_t kIpv6PrefixGroups = 4;

bool isIpv4Mapped(const std::array<unsigned char, 16>& bytes)
{
    for (int i = 0; i < 10; ++i) {
        if (bytes[i] != 0) {
            return false;
        }
    }
    return bytes[10] == 0xff && bytes[11] == 0xff;
}

} // namespace

std::string clientAddressKey(std::string_view address)
{
    // inet_pton needs a terminated string; a zone suffix such as "%eth0" is not part of the address.
    const std::string text(address.substr(0, address.find('%')));

    std::array<unsigned char, 4> ipv4{};
    if (inet_pton(AF_INET, text.c_str(), ipv4.data()) == 1) {
        return "ip:" + text;
    }

    std::array<unsigned char, 16> ipv6{};
    if (inet_pton(AF_INET6, text.c_str(), ipv6.data()) != 1) {
        return "ip:" + std::string(address);
    }
    if (isIpv4Mapped(ipv6)) {
        std::array<char, INET_ADDRSTRLEN> mapped{};
        inet_ntop(AF_INET, ipv6.data() + 12, mapped.data(), mapped.size());
        return "ip:" + std::string(mapped.data());
    }

    std::string key = "ip:";
    for (std::size_t group = 0; group < kIpv6PrefixGroups; ++group) {
        const unsigned value = (static_cast<unsigned>(ipv6[group * 2]) << 8) | ipv6[group * 2 + 1];
        std::array<char, 8> digits{};
        std::snprintf(digits.data(), digits.size(), "%x", value);
        key += digits.data();
        key += ':';
    }
    key += ":/64";
    return key;
}

std::string accountKey(std::string_view userId)
{
    return "account:" + std::string(userId);
}

} // namespace ileadx
