#include "http/ClientAddress.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <vector>

namespace ileadx {

namespace {

// Canonical text, so two spellings of one address (2001:db8:0:0::1 and 2001:db8::1) compare equal.
bool canonicalAddress(const std::string& text, std::string& canonical)
{
    Poco::Net::IPAddress address;
    if (!Poco::Net::IPAddress::tryParse(Poco::trim(text), address)) {
        return false;
    }
    canonical = address.toString();
    return true;
}

} // namespace

std::string resolveClientAddress(const std::string& peerAddress, const std::string& forwardedFor,
                                 const std::set<std::string>& trustedProxies)
{
    std::string peer;
    if (!canonicalAddress(peerAddress, peer)) {
        return peerAddress;
    }
    if (forwardedFor.empty() || !trustedProxies.contains(peer)) {
        return peer;
    }

    const Poco::StringTokenizer entries(forwardedFor, ",", Poco::StringTokenizer::TOK_TRIM);
    for (auto entry = entries.end(); entry != entries.begin();) {
        --entry;
        std::string address;
        if (!canonicalAddress(*entry, address)) {
            // A malformed hop means the rest of the header cannot be trusted either.
            return peer;
        }
        if (!trustedProxies.contains(address)) {
            return address;
        }
    }
    return peer;
}

std::set<std::string> parseTrustedProxies(const std::string& list)
{
    std::set<std::string> proxies;
    const Poco::StringTokenizer entries(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& entry : entries) {
        std::string address;
        if (!canonicalAddress(entry, address)) {
            throw Poco::InvalidArgumentException("server.trustedProxies entry is not an IP address", entry);
        }
        proxies.insert(address);
    }
    return proxies;
}

} // namespace ileadx
