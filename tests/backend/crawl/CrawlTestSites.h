#pragma once

#include "leads/crawl/CrawlTypes.h"
#include "support/LocalWebServer.h"

#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace ileadx::test {

/// What a SiteServer sends for one host and path.
struct CannedReply
{
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    int delayMs = 0; // delay before the reply is sent
};

/// Returns the Host header without its port.
inline std::string hostWithoutPort(const std::string& host)
{
    return host.substr(0, host.rfind(':'));
}

/// Crawler options for tests: loopback allowed, no politeness delay, short timeouts.
inline leads::CrawlerOptions testCrawlerOptions()
{
    leads::CrawlerOptions options;
    options.allowPrivateAddresses = true;
    options.perHostDelayMs = 0;
    options.connectTimeoutMs = 2000;
    options.totalTimeoutMs = 5000;
    return options;
}

/// A LocalWebServer that plays several websites at once. It replies by Host header and path with
/// canned replies, and 404 for anything else. The crawler reaches it through CrawlerOptions::resolve,
/// so the URLs carry real host names such as www.bakery.test.
class SiteServer
{
public:
    explicit SiteServer(LocalWebServer::Scheme scheme = LocalWebServer::Scheme::Http)
        : m_scheme(scheme)
        , m_server([this](const LocalWebServer::RecordedRequest& request,
                          Poco::Net::HTTPServerResponse& response) { answer(request, response); },
                   scheme)
    {
    }

    void serve(const std::string& host, const std::string& path, CannedReply reply)
    {
        std::lock_guard lock(m_mutex);
        m_replies[{host, path}] = std::move(reply);
    }

    /// Maps HOST at this server's port to 127.0.0.1 in OPTIONS.
    void mapHost(leads::CrawlerOptions& options, const std::string& host) const
    {
        options.resolve[host + ":" + std::to_string(port())] = "127.0.0.1:" + std::to_string(port());
    }

    std::string url(const std::string& host, const std::string& path = "/") const
    {
        const std::string scheme = m_scheme == LocalWebServer::Scheme::Https ? "https" : "http";
        return scheme + "://" + host + ":" + std::to_string(port()) + path;
    }

    int port() const { return m_server.port(); }
    LocalWebServer& server() { return m_server; }

    /// Returns the paths requested on HOST, in arrival order.
    std::vector<std::string> pathsRequested(const std::string& host) const
    {
        std::vector<std::string> paths;
        for (const auto& request : m_server.requests()) {
            if (hostWithoutPort(request.host) == host) {
                paths.push_back(request.uri);
            }
        }
        return paths;
    }

private:
    void answer(const LocalWebServer::RecordedRequest& request, Poco::Net::HTTPServerResponse& response)
    {
        CannedReply reply{404, "text/plain", "not found", {}, 0};
        {
            std::lock_guard lock(m_mutex);
            const auto found = m_replies.find({hostWithoutPort(request.host), request.uri});
            if (found != m_replies.end()) {
                reply = found->second;
            }
        }
        if (reply.delayMs > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(reply.delayMs));
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
        if (!reply.contentType.empty()) {
            response.setContentType(reply.contentType);
        }
        for (const auto& [name, value] : reply.headers) {
            response.set(name, value);
        }
        response.sendBuffer(reply.body.data(), reply.body.size());
    }

    LocalWebServer::Scheme m_scheme;
    std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, CannedReply> m_replies;
    LocalWebServer m_server; // last, so it starts after the members its handler uses
};

} // namespace ileadx::test
