#pragma once

#include <Poco/Net/Context.h>

#include <chrono>
#include <string>

namespace ileadx {

/// The outcome of one probe request.
struct ProbeResult
{
    bool ok = false;
    std::chrono::microseconds latency{0};
    std::string detail; ///< why the probe failed; empty when it succeeded
};

/// Requests GET /healthz from this server over HTTPS on 127.0.0.1, as a load balancer would, and
/// measures the time from connecting to reading the response. It trusts only the certificate file
/// the server serves, so it needs no host name check and works with a certificate issued for a
/// public name.
class ApiProbe final
{
public:
    ApiProbe(int port, const std::string& certificatePath, std::chrono::milliseconds timeout);

    ProbeResult probe();

private:
    int m_port = 0;
    std::chrono::milliseconds m_timeout;
    Poco::Net::Context::Ptr m_context;
};

} // namespace ileadx
