#include "shared/IpMask.h"

#include <arpa/inet.h>

#include <array>
#include <regex>
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

std::string maskIpAddressesIn(std::string_view text)
{
    static const std::regex address(R"((^|[^\w.:])((\d{1,3}\.){3}\d{1,3}|([0-9A-Fa-f]{0,4}:){3,7}[0-9A-Fa-f]{0,4})(?![\w.:]))");
    std::string input(text);
    if (input.find_first_of(".:") == std::string::npos) {
        return input;
    }

    std::string masked;
    std::size_t copied = 0;
    for (auto match = std::sregex_iterator(input.begin(), input.end(), address); match != std::sregex_iterator();
         ++match) {
        const std::string candidate = (*match)[2].str();
        const std::string replacement = maskIpAddress(candidate);
        const std::size_t start = static_cast<std::size_t>(match->position(2));
        masked += input.substr(copied, start - copied);
        // Text that only looks like an address (a version such as 1.2.3.4 is one) is masked too.
        masked += replacement;
        copied = start + candidate.size();
    }
    masked += input.substr(copied);
    return masked;
}

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
