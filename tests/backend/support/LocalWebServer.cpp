#include "LocalWebServer.h"

#include "tls/SelfSignedCertificate.h"
#include "tls/TlsContextFactory.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Thread.h>

#include <stdexcept>

namespace ileadx::test {

namespace {

class RecordingHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    using Record = std::function<void(LocalWebServer::RecordedRequest)>;

    RecordingHandler(const LocalWebServer::Handler& handler, Record record)
        : m_handler(handler), m_record(std::move(record))
    {
    }

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        LocalWebServer::RecordedRequest recorded{request.getMethod(), request.getURI(), request.getHost(), {}, {}};
        for (const auto& [name, value] : request) {
            recorded.headers.emplace_back(name, value);
        }
        Poco::StreamCopier::copyToString(request.stream(), recorded.body);
        m_record(recorded);
        m_handler(recorded, response);
    }

private:
    const LocalWebServer::Handler& m_handler;
    Record m_record;
};

} // namespace

std::string LocalWebServer::RecordedRequest::header(const std::string& name) const
{
    for (const auto& [key, value] : headers) {
        if (Poco::icompare(key, name) == 0) {
            return value;
        }
    }
    return {};
}

class LocalWebServer::Factory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    Factory(Handler handler, LocalWebServer& owner) : m_handler(std::move(handler)), m_owner(owner) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new RecordingHandler(m_handler, [this](RecordedRequest request) { m_owner.record(std::move(request)); });
    }

private:
    Handler m_handler;
    LocalWebServer& m_owner;
};

LocalWebServer::LocalWebServer(Handler handler, Scheme scheme, int maxThreads) : m_scheme(scheme)
{
    if (!m_folder.isValid()) {
        throw std::runtime_error("LocalWebServer: cannot create a temporary folder");
    }
    const Poco::Net::SocketAddress loopback("127.0.0.1", 0);
    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (scheme == Scheme::Https) {
        const CertificateFiles files = ensureSelfSignedCertificate(m_folder.path().toStdString(), "localhost");
        socket = std::make_unique<Poco::Net::SecureServerSocket>(
            loopback, 64, createServerContext(TlsSettings{files.certificatePath, files.privateKeyPath, "1.2"}));
    } else {
        socket = std::make_unique<Poco::Net::ServerSocket>(loopback, 64);
    }

    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(maxThreads);
    params->setMaxQueued(256);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(handler), *this), *socket, params);
    m_server->start();
}

LocalWebServer::~LocalWebServer()
{
    m_server->stopAll(true);
    // stopAll() returns while handlers may still run, and they reference this object, so wait
    // (up to 10 s) until the last one has finished.
    for (int waited = 0; m_server->currentConnections() > 0 && waited < 1000; ++waited) {
        Poco::Thread::sleep(10);
    }
}

int LocalWebServer::port() const
{
    return m_server->port();
}

std::string LocalWebServer::baseUrl() const
{
    return std::string(m_scheme == Scheme::Https ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
}

std::string LocalWebServer::certificatePath() const
{
    return m_folder.filePath("server-certificate.pem").toStdString();
}

std::vector<LocalWebServer::RecordedRequest> LocalWebServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void LocalWebServer::record(RecordedRequest request)
{
    std::lock_guard lock(m_mutex);
    m_requests.push_back(std::move(request));
}

} // namespace ileadx::test
