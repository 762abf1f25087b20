#include "leads/crawl/HttpExchange.h"

#include "leads/crawl/AddressGuard.h"
#include "leads/crawl/DeadlineWatchdog.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>

#include <cstdint>
#include <optional>

namespace ileadx::leads {

namespace {

using Clock = std::chrono::steady_clock;

// An HTTP client session over a socket that is already connected (and, for HTTPS, past its
// handshake), so the crawler can time both steps itself. A TLS peer that closes without
// close_notify ends the body, as HTTPSClientSession treats it.
class ConnectedSession final : public Poco::Net::HTTPClientSession
{
public:
    explicit ConnectedSession(const Poco::Net::StreamSocket& socket) : HTTPClientSession(socket)
    {
        // Keeps sendRequest() from closing the connected socket. The request still sends
        // "Connection: close".
        setKeepAlive(true);
    }

protected:
    int read(char* buffer, std::streamsize length) override
    {
        try {
            return HTTPClientSession::read(buffer, length);
        } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException&) {
            return 0;
        }
    }
};

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Poco::Timespan timespan(std::chrono::milliseconds duration)
{
    return Poco::Timespan(std::max<std::int64_t>(1, duration.count()) * 1000);
}

std::chrono::milliseconds remainingUntil(Clock::time_point deadline)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
}

Poco::Net::StreamSocket connectToAny(const std::vector<Poco::Net::SocketAddress>& addresses,
                                     const ExchangeSettings& settings, Clock::time_point deadline)
{
    for (std::size_t i = 0;; ++i) {
        const auto timeout = std::min(settings.connectTimeout, remainingUntil(deadline));
        if (timeout.count() <= 0) {
            throw Poco::TimeoutException("connect");
        }
        try {
            Poco::Net::StreamSocket socket;
            socket.connect(addresses[i], timespan(timeout));
            return socket;
        } catch (const Poco::Exception&) {
            if (i + 1 == addresses.size()) {
                throw;
            }
        }
    }
}

// Returns the Host header value: the URL's host, in brackets for IPv6, and its port unless it is
// the scheme's default.
std::string hostHeader(const Poco::URI& url)
{
    const std::string& host = url.getHost();
    const bool ipv6 = host.find(':') != std::string::npos;
    std::string value;
    value.append(ipv6 ? "[" : "").append(host).append(ipv6 ? "]" : "");
    const std::uint16_t defaultPort = url.getScheme() == "https" ? 443 : 80;
    if (url.getPort() != defaultPort) {
        value.append(":").append(std::to_string(url.getPort()));
    }
    return value;
}

Poco::Net::HTTPRequest buildRequest(const Poco::URI& url, const ExchangeSettings& settings)
{
    const std::string target = url.getPathAndQuery().empty() ? "/" : url.getPathAndQuery();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Host", hostHeader(url));
    request.set("User-Agent", settings.userAgent);
    request.set("Accept", settings.accept);
    // Only the encodings decodeContentEncoding() can undo.
    request.set("Accept-Encoding", "gzip, deflate");
    request.setKeepAlive(false);
    return request;
}

void readBody(std::istream& in, const ExchangeSettings& settings, RawResponse& response)
{
    char chunk[16 * 1024];
    while (in) {
        in.read(chunk, sizeof chunk);
        const auto received = static_cast<std::size_t>(in.gcount());
        const std::size_t room = settings.maxBodyBytes - response.body.size();
        response.body.append(chunk, std::min(received, room));
        if (received > room || (response.body.size() == settings.maxBodyBytes && in.peek() != EOF)) {
            response.truncated = true;
            return;
        }
    }
}

void copyHeaders(const Poco::Net::HTTPResponse& received, RawResponse& response)
{
    response.status = static_cast<int>(received.getStatus());
    for (const auto& [name, value] : received) {
        response.headers.emplace_back(name, value);
    }
    response.contentType = received.get("Content-Type", "");
    response.contentEncoding = received.get("Content-Encoding", "");
    response.location = received.get("Location", "");
}

// Runs the exchange and throws on any network, TLS or protocol error. Sets WATCHDOG_FIRED when the
// deadline watchdog shut the socket down, which otherwise looks like an early end of the body.
void exchangeOrThrow(const Poco::URI& url, const std::vector<Poco::Net::SocketAddress>& addresses,
                     const ExchangeSettings& settings, Clock::time_point deadline, RawResponse& response,
                     bool& watchdogFired)
{
    auto stepStart = Clock::now();
    Poco::Net::StreamSocket socket = connectToAny(addresses, settings, deadline);
    response.timings.connectMs = millisecondsSince(stepStart);

    // Declared in this order so the watchdog registration ends before the session closes the socket.
    std::optional<Poco::Net::SecureStreamSocket> secure;
    std::optional<ConnectedSession> session;
    DeadlineWatchdog::Registration watch(*settings.watchdog, socket, deadline);
    try {
        socket.setReceiveTimeout(timespan(remainingUntil(deadline)));
        socket.setSendTimeout(timespan(remainingUntil(deadline)));
        if (url.getScheme() == "https") {
            stepStart = Clock::now();
            secure = Poco::Net::SecureStreamSocket::attach(socket, url.getHost(), settings.tlsContext);
            response.timings.tlsMs = millisecondsSince(stepStart);
            session.emplace(*secure);
        } else {
            session.emplace(socket);
        }

        stepStart = Clock::now();
        Poco::Net::HTTPRequest request = buildRequest(url, settings);
        session->sendRequest(request);
        Poco::Net::HTTPResponse received;
        std::istream& body = session->receiveResponse(received);
        response.timings.firstByteMs = millisecondsSince(stepStart);
        copyHeaders(received, response);

        stepStart = Clock::now();
        readBody(body, settings, response);
        response.timings.downloadMs = millisecondsSince(stepStart);
    } catch (...) {
        watchdogFired = watch.fired();
        throw;
    }
    watchdogFired = watch.fired();
}

std::string describe(const Poco::Exception& error)
{
    if (dynamic_cast<const Poco::TimeoutException*>(&error)) {
        return "timed out";
    }
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error)) {
        return "connection refused";
    }
    if (dynamic_cast<const Poco::Net::SSLException*>(&error)) {
        return "TLS failed: " + error.message();
    }
    return "request failed: " + error.displayText();
}

} // namespace

RawResponse exchange(const Poco::URI& url, const ExchangeSettings& settings)
{
    RawResponse response;
    const Clock::time_point deadline = Clock::now() + settings.totalTimeout;
    const ResolvedHost target = resolveHost(url.getHost(), url.getPort(), *settings.resolve,
                                            settings.allowPrivateAddresses);
    if (!target.error.empty()) {
        response.error = target.error;
        return response;
    }

    bool watchdogFired = false;
    try {
        exchangeOrThrow(url, target.addresses, settings, deadline, response, watchdogFired);
    } catch (const Poco::Exception& error) {
        response.error = describe(error);
    } catch (const std::exception& error) {
        response.error = std::string("request failed: ") + error.what();
    }
    // A watchdog shutdown looks like an early end of the body, so the deadline decides.
    if (watchdogFired || (!response.error.empty() && Clock::now() >= deadline)) {
        response.error = "timed out";
    }
    return response;
}

} // namespace ileadx::leads
