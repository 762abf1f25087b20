#pragma once

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SocketAddress.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ileadx::leads {

/// Returns why the crawler must not connect to ADDRESS when private addresses are not allowed, or
/// an empty string for a public address. Rejected: loopback, private (RFC 1918), shared address
/// space (100.64.0.0/10), link-local, unique-local IPv6 (fc00::/7), site-local IPv6, multicast,
/// broadcast, unspecified and 0.0.0.0/8, also inside IPv4-mapped and IPv4-compatible IPv6.
std::string nonPublicAddressReason(const Poco::Net::IPAddress& address);

struct ResolvedHost
{
    std::vector<Poco::Net::SocketAddress> addresses; // in the order to try
    std::string error;                               // set when there is nothing to connect to
};

/// Finds the addresses to connect to for HOST:PORT: from RESOLVE ("host:port" -> "ip:port", like
/// curl --resolve) when it has the pair, else the host itself when it is an IP literal, else DNS.
/// Unless ALLOW_PRIVATE, drops every address nonPublicAddressReason() rejects, and returns an
/// error when none remains, so no connection to such an address is ever attempted.
// TODO: DNS lookups are blocking and not bounded by the crawler's timeouts.
ResolvedHost resolveHost(const std::string& host, std::uint16_t port,
                         const std::map<std::string, std::string>& resolve, bool allowPrivate);

} // namespace ileadx::leads
