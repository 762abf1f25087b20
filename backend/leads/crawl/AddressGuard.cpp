#include "leads/crawl/AddressGuard.h"

#include <Poco/Net/DNS.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace ileadx::leads {

namespace {

std::string ipv4Reason(const std::array<std::uint8_t, 4>& b)
{
    if (b[0] == 127) {
        return "loopback address";
    }
    if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)) {
        return "private address";
    }
    if (b[0] == 100 && (b[1] & 0xC0) == 64) {
        return "shared address space";
    }
    if (b[0] == 169 && b[1] == 254) {
        return "link-local address";
    }
    if ((b[0] & 0xF0) == 224) {
        return "multicast address";
    }
    if (b[0] == 0) {
        return "unspecified address";
    }
    if (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255) {
        return "broadcast address";
    }
    return {};
}

std::string ipv6Reason(const std::array<std::uint8_t, 16>& b)
{
    bool firstTenZero = true;
    for (int i = 0; i < 10; ++i) {
        firstTenZero = firstTenZero && b[i] == 0;
    }
    const bool mapped = firstTenZero && b[10] == 0xFF && b[11] == 0xFF;
    const bool compatible = firstTenZero && b[10] == 0 && b[11] == 0;
    if (compatible && b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1) {
        return b[15] == 1 ? "loopback address" : "unspecified address";
    }
    if (mapped || compatible) {
        return ipv4Reason({b[12], b[13], b[14], b[15]});
    }
    if (b[0] == 0xFF) {
        return "multicast address";
    }
    if ((b[0] & 0xFE) == 0xFC) {
        return "unique-local address";
    }
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) {
        return "link-local address";
    }
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) {
        return "site-local address";
    }
    return {};
}

std::vector<Poco::Net::SocketAddress> lookUp(const std::string& host, std::uint16_t port,
                                             const std::map<std::string, std::string>& resolve)
{
    const auto mapped = resolve.find(Poco::toLower(host) + ":" + std::to_string(port));
    if (mapped != resolve.end()) {
        return {Poco::Net::SocketAddress(mapped->second)};
    }
    Poco::Net::IPAddress literal;
    if (Poco::Net::IPAddress::tryParse(host, literal)) {
        return {Poco::Net::SocketAddress(literal, port)};
    }
    std::vector<Poco::Net::SocketAddress> addresses;
    const Poco::Net::HostEntry entry = Poco::Net::DNS::hostByName(host);
    for (const Poco::Net::IPAddress& address : entry.addresses()) {
        addresses.emplace_back(address, port);
    }
    return addresses;
}

} // namespace

ResolvedHost resolveHost(const std::string& host, std::uint16_t port,
                         const std::map<std::string, std::string>& resolve, bool allowPrivate)
{
    ResolvedHost result;
    std::vector<Poco::Net::SocketAddress> found;
    try {
        found = lookUp(host, port, resolve);
    } catch (const Poco::Net::HostNotFoundException&) {
        result.error = "host not found";
        return result;
    } catch (const Poco::Exception& error) {
        result.error = "host lookup failed: " + error.message();
        return result;
    }

    std::string rejection;
    for (const Poco::Net::SocketAddress& address : found) {
        const std::string reason = allowPrivate ? std::string() : nonPublicAddressReason(address.host());
        if (reason.empty()) {
            result.addresses.push_back(address);
        } else {
            rejection = reason;
        }
    }
    if (result.addresses.empty()) {
        result.error = rejection.empty() ? "host has no address" : "connection to a " + rejection + " rejected";
    }
    return result;
}

std::string nonPublicAddressReason(const Poco::Net::IPAddress& address)
{
    if (address.family() == Poco::Net::IPAddress::IPv4) {
        std::array<std::uint8_t, 4> bytes{};
        std::memcpy(bytes.data(), address.addr(), bytes.size());
        return ipv4Reason(bytes);
    }
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), address.addr(), bytes.size());
    return ipv6Reason(bytes);
}

} // namespace ileadx::leads
