#pragma once

#include <Poco/Net/Context.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ileadx::leads {

struct ProviderHttpReply
{
    int status = 0;
    std::string contentType;
    std::string body;
};

/// Sends one request to a provider's API over HTTP or HTTPS. HTTPS peers are verified against the
/// system's CA store plus an optional extra CA file, and the host name must match the certificate.
class ProviderHttpClient
{
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    static constexpr std::size_t defaultMaxBodyBytes = 8 * 1024 * 1024;

    /// `timeoutSeconds` bounds the connect and each wait for response bytes, not the whole exchange.
    /// An unreadable `caFile` does not throw here: every HTTPS request fails with Unavailable instead.
    ProviderHttpClient(const std::string& caFile, int timeoutSeconds, std::size_t maxBodyBytes = defaultMaxBodyBytes);

    /// Sends a POST to `url` and returns the reply whatever its status. Throws ProviderError:
    /// Timeout when the server is too slow, Unavailable when it cannot be reached or TLS fails,
    /// MalformedResponse when the body exceeds the size limit.
    ProviderHttpReply post(const std::string& url, const std::string& contentType, const std::string& body,
                           const Headers& headers) const;

private:
    Poco::Net::Context::Ptr m_context; ///< null when the CA file could not be loaded
    std::string m_contextError;
    int m_timeoutSeconds;
    std::size_t m_maxBodyBytes;
};

} // namespace ileadx::leads
