#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

namespace Poco::Net {
class HTTPServer;
}

namespace ileadx {

/// A plain-HTTP server on a free 127.0.0.1 port that serves the bundled demo websites, one
/// folder per host name (resources/demo/sites/www.alder-bakery.test/index.html, ...), chosen by
/// the Host header. Only for demo.enabled=true: it lets a machine without internet access run a
/// search that ends with scored leads.
class DemoSites final
{
public:
    /// Binds the port at once, so crawlerResolve() is known before start().
    explicit DemoSites(std::string sitesDirectory);
    ~DemoSites();

    void start();
    void stop();

    int port() const { return m_port; }

    /// The host names served: the names of the folders in the sites directory.
    const std::set<std::string>& hosts() const { return m_hosts; }

    /// Entries for CrawlerOptions::resolve that send each demo host's port 80 to this server.
    std::map<std::string, std::string> crawlerResolve() const;

private:
    std::string m_directory;
    std::set<std::string> m_hosts;
    int m_port = 0;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

} // namespace ileadx
