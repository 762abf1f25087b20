#include "searches/DemoSites.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <cctype>

namespace ileadx {

namespace {

// Host names and file names are checked against these characters before they touch the file
// system, so a request cannot leave the sites directory.
bool isSafeName(const std::string& name)
{
    return !name.empty() && name.front() != '.' && name.find("..") == std::string::npos &&
           std::all_of(name.begin(), name.end(), [](unsigned char c) {
               return std::islower(c) || std::isdigit(c) || c == '.' || c == '-' || c == '_';
           });
}

std::string contentTypeOf(const std::string& fileName)
{
    if (fileName.ends_with(".html")) {
        return "text/html; charset=utf-8";
    }
    if (fileName.ends_with(".txt")) {
        return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
}

class DemoPageHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    DemoPageHandler(const std::string& directory, const std::set<std::string>& hosts)
        : m_directory(directory)
        , m_hosts(hosts)
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        std::string host = Poco::toLower(request.getHost());
        if (const std::size_t colon = host.find(':'); colon != std::string::npos) {
            host.erase(colon);
        }
        std::string file = Poco::URI(request.getURI()).getPath();
        file.erase(0, file.find_first_not_of('/'));
        if (file.empty()) {
            file = "index.html";
        }
        const std::string path = Poco::Path(m_directory).append(Poco::Path(host + "/" + file)).toString();
        if (!m_hosts.contains(host) || !isSafeName(file) || !Poco::File(path).exists() || !Poco::File(path).isFile()) {
            response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
            response.setContentType("text/plain; charset=utf-8");
            response.send() << "not found\n";
            return;
        }
        response.setContentType(contentTypeOf(file));
        Poco::FileInputStream in(path);
        Poco::StreamCopier::copyStream(in, response.send());
    }

private:
    const std::string& m_directory;
    const std::set<std::string>& m_hosts;
};

class DemoFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    DemoFactory(const std::string& directory, const std::set<std::string>& hosts)
        : m_directory(directory)
        , m_hosts(hosts)
    {
    }

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new DemoPageHandler(m_directory, m_hosts);
    }

private:
    const std::string& m_directory;
    const std::set<std::string>& m_hosts;
};

} // namespace

DemoSites::DemoSites(std::string sitesDirectory)
    : m_directory(std::move(sitesDirectory))
{
    if (Poco::File(m_directory).exists()) {
        for (Poco::DirectoryIterator entry(m_directory), end; entry != end; ++entry) {
            if (entry->isDirectory() && isSafeName(entry.name())) {
                m_hosts.insert(entry.name());
            }
        }
    }
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = socket.address().port();
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(4);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new DemoFactory(m_directory, m_hosts), socket, params);
}

DemoSites::~DemoSites()
{
    stop();
}

void DemoSites::start()
{
    m_server->start();
    Poco::Logger::get("ileadx.demo").information("demo websites of %z hosts served on 127.0.0.1:%d", m_hosts.size(), m_port);
}

void DemoSites::stop()
{
    if (m_server) {
        m_server->stopAll(true);
    }
}

std::map<std::string, std::string> DemoSites::crawlerResolve() const
{
    std::map<std::string, std::string> entries;
    for (const std::string& host : m_hosts) {
        entries[host + ":80"] = "127.0.0.1:" + std::to_string(m_port);
    }
    return entries;
}

} // namespace ileadx
