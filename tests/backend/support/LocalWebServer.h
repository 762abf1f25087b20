#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ileadx::test {

/// A local web server on a free loopback port, HTTP or HTTPS with a throwaway self-signed
/// certificate, that responds through a handler the test supplies. Tests use it in place of the sites
/// the crawler visits and the provider APIs (Google Places, Overpass) the server calls.
class LocalWebServer final
{
public:
    /// One request as it arrived, with its whole body already read.
    struct RecordedRequest
    {
        std::string method;
        std::string uri;
        std::string host;
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;

        /// Returns the first header of that name (compared without case), or an empty string.
        std::string header(const std::string& name) const;
    };

    using Handler = std::function<void(const RecordedRequest&, Poco::Net::HTTPServerResponse&)>;

    enum class Scheme
    {
        Http,
        Https,
    };

    /// Starts listening on 127.0.0.1 at once. The handler runs on the server's threads; it may be
    /// called for several requests at the same time.
    explicit LocalWebServer(Handler handler, Scheme scheme = Scheme::Http, int maxThreads = 16);
    ~LocalWebServer();

    LocalWebServer(const LocalWebServer&) = delete;
    LocalWebServer& operator=(const LocalWebServer&) = delete;

    int port() const;
    /// "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT", without a trailing slash.
    std::string baseUrl() const;
    /// The PEM certificate an HTTPS server presents, for a client that must trust it.
    std::string certificatePath() const;

    /// Every request received so far, in arrival order.
    std::vector<RecordedRequest> requests() const;

private:
    class Factory;

    void record(RecordedRequest request);

    Scheme m_scheme;
    QTemporaryDir m_folder;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    mutable std::mutex m_mutex;
    std::vector<RecordedRequest> m_requests;
};

} // namespace ileadx::test
