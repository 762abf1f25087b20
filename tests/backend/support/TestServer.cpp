#include "TestServer.h"

#include "LogCapture.h"

#include "auth/AuthService.h"
#include "common/Random.h"
#include "ratelimit/RouteClass.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

namespace ileadx::test {

ServerConfig TestServer::configFor(const std::string& dataDirectory, const std::map<std::string, std::string>& overrides)
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
    config->setString("data.dir", dataDirectory);
    config->setString("server.port", "0");
    config->setString("server.threads", "16");
    config->setString("server.drainSeconds", "2");
    config->setString("log.level", "warning");
    // Tests sign in and send requests far faster than people do; the strict production limits
    // are tested with explicit overrides.
    for (const std::string_view routeClass : routeclass::kAll) {
        config->setString("ratelimit." + std::string(routeClass) + "PerMinute", "1000000");
        config->setString("ratelimit." + std::string(routeClass) + "Burst", "1000000");
    }
    config->setString("auth.signInFreeFailures", "1000");
    // Most suites sign admins in with a password alone; TestTwoFactor turns the policy back on.
    config->setString("auth.requireTwoFactorForAdmins", "false");
    for (const auto& [key, value] : overrides) {
        config->setString(key, value);
    }
    return ServerConfig::from(*config);
}

TestServer::TestServer(const std::map<std::string, std::string>& overrides)
{
    captureServerLogs();
    m_runtime = std::make_unique<ServerRuntime>(configFor(m_folder.path().toStdString(), overrides));
    m_runtime->start();
}

TestServer::~TestServer()
{
    m_runtime->stop();
}

std::string TestServer::certificatePath() const
{
    return m_folder.filePath("server-certificate.pem").toStdString();
}

std::string TestServer::createAccount(const std::string& email, Role role)
{
    const std::string password = "pw-" + randomToken(12);
    m_runtime->auth().createAccount(email, password, role);
    recordSecret(password);
    return password;
}

} // namespace ileadx::test
