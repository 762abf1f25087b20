#include "shared/IpMask.h"

#include <arpa/inet.h>

#include <array>
#include <cstdio>

namespace ileadx {

namespace {

constexpr std::string_view kMasked = "***";

std::string maskIpv4(const unsigned char* octets)
{
    return std::to_string(octets[0]) + '.' + std::to_string(octets[1]) + '.' + std::to_string(octets[2]) + ".***";
}

std::string maskIpv6(const std::array<unsigned char, 16>& bytes)
{
    std::string masked;
    for (int group = 0; group < 3; ++group) {
        const unsigned value = (static_cast<unsigned>(bytes[group * 2]) << 8) | bytes[group * 2 + 1];
        std::array<char, 8> text{};
        std::snprintf(text.data(), text.size(), "%x", value);
        masked += text.data();
        masked += ':';
    }
    masked += kMasked;
    return masked;
}

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

std::string maskIpAddress(std::string_view address)
{
    // inet_pton needs a terminated string; a zone suffix such as "%eth0" is not part of the address.
    std::string text(address.substr(0, address.find('%')));

    std::array<unsigned char, 4> ipv4{};
    if (inet_pton(AF_INET, text.c_str(), ipv4.data()) == 1) {
        return maskIpv4(ipv4.data());
    }

    std::array<unsigned char, 16> ipv6{};
    if (inet_pton(AF_INET6, text.c_str(), ipv6.data()) == 1) {
        if (isIpv4Mapped(ipv6)) {
            return maskIpv4(ipv6.data() + 12);
        }
        return maskIpv6(ipv6);
    }

    return std::string(kMasked);
}

} // namespace ileadx
