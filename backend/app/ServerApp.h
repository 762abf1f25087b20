#pragma once

#include <Poco/Util/ServerApplication.h>

#include <map>
#include <string>

namespace ileadx {

/// The `ileadx-server` program: parses the command line, loads the configuration (file, then
/// ILEADX_* environment variables, then command-line options) and either serves HTTPS until
/// SIGTERM or runs one operator command such as `create-super-admin`.
class ServerApp final : public Poco::Util::ServerApplication
{
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void printHelp() const;
    void configureLogging(const std::string& level, const std::string& format);

    bool m_helpRequested = false;
    std::string m_configFile;
    std::string m_email;
    std::string m_country;
    std::string m_pageUrl;
    std::map<std::string, std::string> m_overrides;
};

} // namespace ileadx
