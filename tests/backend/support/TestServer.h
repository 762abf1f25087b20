#pragma once

#include "app/ServerRuntime.h"
#include "shared/Role.h"

#include <QTemporaryDir>

#include <map>
#include <memory>
#include <string>

namespace ileadx::test {

/// A real ileadx server in this process: HTTPS on a free loopback port, with its data folder in a
/// temporary directory and a database from TestDatabase or SQLite in that folder.
class TestServer final
{
public:
    /// `overrides` replaces configuration keys, for example {"tls.minimumVersion", "1.2"}.
    explicit TestServer(const std::map<std::string, std::string>& overrides = {});
    ~TestServer();

    ServerRuntime& runtime() { return *m_runtime; }
    int port() const { return m_runtime->port(); }
    std::string certificatePath() const;

    /// Creates an account directly through the service and returns its password.
    std::string createAccount(const std::string& email, Role role);

    /// Returns the settings a test server starts from, before `overrides`.
    static ServerConfig configFor(const std::string& dataDirectory, const std::map<std::string, std::string>& overrides);

private:
    QTemporaryDir m_folder;
    std::unique_ptr<ServerRuntime> m_runtime;
};

} // namespace ileadx::test
