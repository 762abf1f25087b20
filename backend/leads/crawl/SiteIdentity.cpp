#include "leads/crawl/SiteIdentity.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>

#include <libpsl.h>

namespace ileadx::leads {

namespace {

// The list the publicsuffix package installs, which is newer than the one built into libpsl.
const psl_ctx_t* publicSuffixList()
{
    static const psl_ctx_t* const list = [] {
        const psl_ctx_t* latest = psl_latest(nullptr);
        return latest ? latest : psl_builtin();
    }();
    return list;
}

} // namespace

std::string registrableDomain(const std::string& host)
{
    std::string lower = Poco::toLower(host);
    if (!lower.empty() && lower.back() == '.') {
        lower.pop_back();
    }
    Poco::Net::IPAddress address;
    if (Poco::Net::IPAddress::tryParse(lower, address)) {
        return lower;
    }
    const psl_ctx_t* list = publicSuffixList();
    const char* domain = list ? psl_registrable_domain(list, lower.c_str()) : nullptr;
    return domain ? std::string(domain) : lower;
}

bool sameSite(const std::string& hostA, const std::string& hostB)
{
    return registrableDomain(hostA) == registrableDomain(hostB);
}

} // namespace ileadx::leads
