#include "app/ServerConfig.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <thread>

namespace ileadx {

const std::vector<ConfigOption>& configOptions()
{
    static const std::vector<ConfigOption> options = {
        {"server.host", "127.0.0.1", "address", "address to listen on; 0.0.0.0 or :: for every interface"},
        {"server.port", "8443", "port", "HTTPS port; 0 picks a free port and prints it"},
        {"server.threads", "64", "threads", "worker threads, which is also the number of connections served at once"},
        {"server.queueLength", "256", "connections", "accepted connections that may wait for a worker"},
        {"server.keepAliveSeconds", "15", "seconds", "how long an idle keep-alive connection stays open"},
        {"server.maxBodyBytes", "65536", "bytes", "largest request body accepted"},
        {"server.drainSeconds", "10", "seconds", "how long a stop waits for requests in flight"},
        {"tls.minimumVersion", "1.3", "1.2|1.3", "oldest TLS version accepted; 1.2 allows only ECDHE with AEAD ciphers"},
        {"tls.certificateFile", "", "path", "PEM certificate chain; empty creates a self-signed one in the data folder"},
        {"tls.privateKeyFile", "", "path", "PEM private key for tls.certificateFile"},
        {"data.dir", "data", "path", "folder for the database, secrets and the self-signed certificate"},
        {"database.url", "", "URL", "'sqlite:PATH' or 'postgresql:host=... dbname=...'; empty uses SQLite in the data folder"},
        {"database.poolSize", "16", "connections", "largest number of open database connections"},
        {"resources.dir", "", "path", "folder with run-time resources; empty finds the installed or source folder"},
        {"auth.issuer", "ileadx", "text", "'iss' claim of access tokens"},
        {"auth.audience", "ileadx-api", "text", "'aud' claim of access tokens"},
        {"auth.accessTokenMinutes", "480", "minutes", "lifetime of an access token"},
        {"auth.refreshTokenDays", "7", "days", "lifetime of a session and its refresh token"},
        {"auth.rememberMeDays", "30", "days", "lifetime of a session signed in with 'remember me'"},
        {"auth.sessionCacheSeconds", "5", "seconds", "how long a session found active is trusted without a database read"},
        {"auth.hashPasses", "2", "passes", "Argon2id passes (opslimit); at least 2"},
        {"auth.hashMemoryMiB", "64", "MiB", "Argon2id memory per hash; at least 64"},
        {"auth.hashConcurrency", "0", "hashes", "password hashes computed at once; 0 means one per CPU core"},
        {"auth.hashWaitSeconds", "30", "seconds", "how long a sign-in waits for a hashing slot before a 503 answer"},
        {"bootstrap.adminEmail", "admin@ileadx.local", "email", "super admin created at first start on an empty database"},
        {"log.level", "information", "level", "lowest level logged: fatal, error, warning, notice, information, debug"},
    };
    return options;
}

std::string environmentVariableFor(std::string_view key)
{
    std::string name = "ILEADX_";
    for (char c : key) {
        if (c == '.') {
            name += '_';
        } else if (std::isupper(static_cast<unsigned char>(c))) {
            name += '_';
            name += c;
        } else {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return name;
}

void applyEnvironmentOverrides(Poco::Util::AbstractConfiguration& config)
{
    for (const ConfigOption& option : configOptions()) {
        const std::string variable = environmentVariableFor(option.key);
        if (Poco::Environment::has(variable)) {
            config.setString(std::string(option.key), Poco::Environment::get(variable));
        }
    }
}

namespace {

std::string defaultOf(std::string_view key)
{
    for (const ConfigOption& option : configOptions()) {
        if (option.key == key) {
            return std::string(option.defaultValue);
        }
    }
    throw Poco::NotFoundException("no such configuration key", std::string(key));
}

std::string readString(const Poco::Util::AbstractConfiguration& config, std::string_view key)
{
    return config.getString(std::string(key), defaultOf(key));
}

int readInt(const Poco::Util::AbstractConfiguration& config, std::string_view key, int minimum, int maximum)
{
    int value = 0;
    try {
        value = config.getInt(std::string(key), std::stoi(defaultOf(key)));
    } catch (const Poco::SyntaxException&) {
        throw Poco::InvalidArgumentException(std::string(key) + " must be a whole number");
    }
    if (value < minimum || value > maximum) {
        throw Poco::InvalidArgumentException(std::string(key) + " must be between " + std::to_string(minimum) +
                                             " and " + std::to_string(maximum));
    }
    return value;
}

std::string findResourceDirectory(const std::string& configured)
{
    if (!configured.empty()) {
        return configured;
    }
    for (const char* candidate : {ILEADX_INSTALLED_RESOURCE_DIR, ILEADX_SOURCE_RESOURCE_DIR}) {
        if (Poco::File(Poco::Path(candidate, "common-passwords.txt")).exists()) {
            return candidate;
        }
    }
    return ILEADX_SOURCE_RESOURCE_DIR;
}

} // namespace

ServerConfig ServerConfig::from(const Poco::Util::AbstractConfiguration& config)
{
    ServerConfig settings;
    settings.host = readString(config, "server.host");
    settings.port = readInt(config, "server.port", 0, 65535);
    settings.threads = readInt(config, "server.threads", 2, 4096);
    settings.queueLength = readInt(config, "server.queueLength", 1, 65536);
    settings.keepAliveSeconds = readInt(config, "server.keepAliveSeconds", 1, 3600);
    settings.maxBodyBytes = readInt(config, "server.maxBodyBytes", 1024, 64 * 1024 * 1024);
    settings.drainSeconds = readInt(config, "server.drainSeconds", 0, 600);

    settings.tlsMinimumVersion = readString(config, "tls.minimumVersion");
    settings.tlsCertificateFile = readString(config, "tls.certificateFile");
    settings.tlsPrivateKeyFile = readString(config, "tls.privateKeyFile");

    settings.dataDirectory = Poco::Path(readString(config, "data.dir")).absolute().toString();
    settings.databaseUrl = readString(config, "database.url");
    if (settings.databaseUrl.empty()) {
        settings.databaseUrl = "sqlite:" + Poco::Path(settings.dataDirectory, "ileadx.db").toString();
    }
    settings.databasePoolSize = readInt(config, "database.poolSize", 1, 1024);
    settings.resourceDirectory = findResourceDirectory(readString(config, "resources.dir"));

    settings.tokenIssuer = readString(config, "auth.issuer");
    settings.tokenAudience = readString(config, "auth.audience");
    settings.accessTokenMinutes = readInt(config, "auth.accessTokenMinutes", 1, 24 * 60);
    settings.refreshTokenDays = readInt(config, "auth.refreshTokenDays", 1, 365);
    settings.rememberMeDays = readInt(config, "auth.rememberMeDays", 1, 365);
    settings.sessionCacheSeconds = readInt(config, "auth.sessionCacheSeconds", 0, 300);

    settings.hashPasses = readInt(config, "auth.hashPasses", 2, 64);
    settings.hashMemoryMiB = readInt(config, "auth.hashMemoryMiB", 64, 4096);
    settings.hashConcurrency = readInt(config, "auth.hashConcurrency", 0, 256);
    if (settings.hashConcurrency == 0) {
        settings.hashConcurrency = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }
    settings.hashWaitSeconds = readInt(config, "auth.hashWaitSeconds", 1, 600);

    settings.bootstrapAdminEmail = readString(config, "bootstrap.adminEmail");
    settings.logLevel = readString(config, "log.level");
    return settings;
}

} // namespace ileadx
