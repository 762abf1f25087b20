#pragma once

#include "leads/crawl/CrawlTypes.h"

#include <Poco/Net/Context.h>
#include <Poco/URI.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ileadx::leads {

class DeadlineWatchdog;

struct ExchangeSettings
{
    std::string userAgent;
    std::string accept;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds totalTimeout{15000}; // from the start of the connect to the last body byte
    std::size_t maxBodyBytes = 0;                  // raw bytes as sent, before decompression
    bool allowPrivateAddresses = false;
    const std::map<std::string, std::string>* resolve = nullptr;
    Poco::Net::Context::Ptr tlsContext;
    DeadlineWatchdog* watchdog = nullptr;
};

/// One HTTP response as received, before any decoding.
struct RawResponse
{
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string contentType;
    std::string contentEncoding;
    std::string location;
    std::string body;
    bool truncated = false; // the body reached maxBodyBytes and the rest was not read
    FetchTimings timings;
    std::string error; // empty on success
};

/// Sends one GET request for URL over a new connection (HTTP/1.1, "Connection: close") and reads
/// the response. The Host header and the TLS server name carry the URL's host even when RESOLVE
/// maps it to another address. Certificates are verified against the settings' TLS context,
/// including the host name. Failures are reported in RawResponse::error, not thrown.
RawResponse exchange(const Poco::URI& url, const ExchangeSettings& settings);

} // namespace ileadx::leads
