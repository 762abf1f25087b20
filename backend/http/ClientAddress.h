#pragma once

#include <set>
#include <string>

namespace ileadx {

/// Returns the address of the client behind a request. `X-Forwarded-For` counts only when the
/// connection comes from a trusted proxy: the header is then read from the right, skipping trusted
/// proxies, and the first other valid address is the client. A forged header from anyone else,
/// and an entry that is not an IP address, is ignored.
std::string resolveClientAddress(const std::string& peerAddress, const std::string& forwardedFor,
                                 const std::set<std::string>& trustedProxies);

/// Parses a comma-separated list of proxy addresses into their canonical text form. Throws
/// Poco::InvalidArgumentException naming the first entry that is not an IP address.
std::set<std::string> parseTrustedProxies(const std::string& list);

} // namespace ileadx
