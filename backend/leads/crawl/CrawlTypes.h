#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// Durations of the last request of a fetch, in milliseconds. tlsMs stays 0 for plain HTTP.
struct FetchTimings
{
    double connectMs = 0, tlsMs = 0, firstByteMs = 0, downloadMs = 0;
};

struct FetchedPage
{
    std::string url;      // URL requested first
    std::string finalUrl; // after redirects and meta refresh
    int status = 0;
    std::string contentType;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; // decoded to UTF-8
    FetchTimings timings;
    std::string error; // empty on success; else a short reason ("timed out", "robots.txt disallows", ...)
    bool truncated = false; // body cut at CrawlerOptions::maxBodyBytes (raw or decompressed)
};

struct SiteResult
{
    std::string website;
    std::vector<FetchedPage> pages; // home page first
    bool robotsDisallowed = false;
    std::string error; // why nothing was fetched, if so
};

struct CrawlerOptions
{
    std::string userAgent = "iLeadXBot/1.0 (+https://ileadx.example/bot)";
    int maxPagesPerSite = 5;
    int maxRedirects = 5;
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 15000;
    std::size_t maxBodyBytes = 2 * 1024 * 1024;
    int perHostDelayMs = 1000;
    int perHostConcurrency = 1;
    int globalConcurrency = 16;
    std::size_t maxRobotsBytes = 512 * 1024;
    bool allowPrivateAddresses = false;         // tests and the local demo turn this on
    std::map<std::string, std::string> resolve; // "host:port" -> "127.0.0.1:port", like curl --resolve
    std::string caFile;                         // extra trusted CA (PEM) for tests; empty = system store
};

} // namespace ileadx::leads
