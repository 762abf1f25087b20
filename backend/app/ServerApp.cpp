#include "app/ServerApp.h"

#include "app/ServerConfig.h"
#include "logging/AddressMaskingChannel.h"
#include "app/ServerRuntime.h"
#include "app/SuperAdminCreator.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "auth/AuthService.h"
#include "http/ApiException.h"
#include "leads/extract/ExtractCommand.h"
#include "logging/JsonLogFormatter.h"
#include "storage/UserRepository.h"

#include <Poco/AsyncChannel.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iomanip>
#include <iostream>

namespace ileadx {

namespace {

constexpr std::string_view kCreateSuperAdmin = "create-super-admin";
constexpr std::string_view kVerifyAudit = "verify-audit";
constexpr std::string_view kExtract = "extract";

using Poco::Util::Option;

// Walks the audit chain and prints the result. Returns whether the chain is intact.
bool printAuditVerification(Database& database, const std::string& dataDirectory)
{
    const AuditWitness witness(Poco::Path(dataDirectory, AuditWitness::kFileName).toString());
    const AuditVerification result = AuditLog(database).verify(witness.read());
    if (result.ok) {
        std::cout << "audit trail intact: " << result.entries << " entries verified\n";
        return true;
    }
    std::cerr << "audit trail broken: " << describeAuditBreak(*result.firstBroken) << " (reason "
              << auditBreakReasonName(result.firstBroken->reason) << ", " << result.entries << " entries read)\n";
    return false;
}

} // namespace

void ServerApp::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "print this help and exit"));
    options.addOption(Option("config", "c", "read settings from FILE (key = value lines)").argument("FILE"));
    options.addOption(Option("data-dir", "", "same as data.dir").argument("DIR"));
    options.addOption(Option("host", "", "same as server.host").argument("ADDRESS"));
    options.addOption(Option("port", "p", "same as server.port").argument("PORT").validator(new Poco::Util::IntValidator(0, 65535)));
    options.addOption(Option("database-url", "", "same as database.url").argument("URL"));
    options.addOption(Option("set", "", "set any configuration key, for example --set=log.level=debug").argument("KEY=VALUE").repeatable(true));
    options.addOption(Option("email", "", "address of the account that create-super-admin creates").argument("EMAIL"));
    options.addOption(Option("country", "", "ISO 3166-1 alpha-2 country whose phone numbering extract uses").argument("CC"));
    options.addOption(Option("url", "", "address of the page that extract reads, for the output only").argument("URL"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help") {
        m_helpRequested = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        m_configFile = value;
    } else if (name == "data-dir") {
        m_overrides["data.dir"] = value;
    } else if (name == "host") {
        m_overrides["server.host"] = value;
    } else if (name == "port") {
        m_overrides["server.port"] = value;
    } else if (name == "database-url") {
        m_overrides["database.url"] = value;
    } else if (name == "email") {
        m_email = value;
    } else if (name == "country") {
        m_country = value;
    } else if (name == "url") {
        m_pageUrl = value;
    } else if (name == "set") {
        const std::size_t equals = value.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw Poco::InvalidArgumentException("--set takes KEY=VALUE", value);
        }
        m_overrides[value.substr(0, equals)] = value.substr(equals + 1);
    }
}

void ServerApp::printHelp() const
{
    Poco::Util::HelpFormatter formatter(options());
    formatter.setCommand(commandName());
    formatter.setUsage("[OPTIONS] [create-super-admin --email=EMAIL | verify-audit | extract --country CC FILE.html [--url URL]]");
    formatter.setHeader("iLeadX HTTPS API server. Without a command it serves until SIGTERM or SIGINT.\n"
                        "create-super-admin creates a super admin account and prints its generated password once.\n"
                        "verify-audit checks the audit trail's hash chain; it exits with 0 when the chain is intact\n"
                        "and with 65 (EX_DATAERR), naming the first broken entry, when it is not.\n"
                        "extract prints the emails, phone numbers, social profiles and technologies found in a\n"
                        "saved HTML page as JSON; it exits with 2 for a missing file or an invalid argument.");
    formatter.format(std::cout);

    std::cout << "\nConfiguration keys (a --config file, then ILEADX_* environment variables, then options win):\n";
    for (const ConfigOption& option : configOptions()) {
        std::cout << "  " << std::left << std::setw(26) << option.key << " " << option.description << "\n"
                  << "  " << std::setw(26) << "" << " unit: " << option.unit << ", default: "
                  << (option.defaultValue.empty() ? "(empty)" : option.defaultValue)
                  << ", environment: " << environmentVariableFor(option.key) << "\n";
    }
}

void ServerApp::configureLogging(const std::string& level, const std::string& format)
{
    // One event per line on standard error, in UTC with milliseconds; the async channel keeps
    // request threads from waiting on the terminal.
    Poco::AutoPtr<Poco::Formatter> formatter;
    if (format == "json") {
        formatter = new JsonLogFormatter;
    } else {
        formatter = new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S.%iZ %q %s %t");
        formatter->setProperty("times", "UTC");
    }
    Poco::AutoPtr<Poco::FormattingChannel> formatting = new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel);
    Poco::AutoPtr<AddressMaskingChannel> masking = new AddressMaskingChannel(formatting);
    Poco::AutoPtr<Poco::AsyncChannel> async = new Poco::AsyncChannel(masking);
    Poco::Logger::root().setChannel(async);
    Poco::Logger::root().setLevel(level);
    Poco::Logger::setChannel("", async);
    Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
}

int ServerApp::main(const std::vector<std::string>& arguments)
{
    if (m_helpRequested) {
        printHelp();
        return EXIT_OK;
    }
    const bool createCommand = !arguments.empty() && arguments.front() == kCreateSuperAdmin;
    const bool verifyCommand = !arguments.empty() && arguments.front() == kVerifyAudit;
    const bool extractCommand = !arguments.empty() && arguments.front() == kExtract;
    if (!arguments.empty() && !createCommand && !verifyCommand && !extractCommand) {
        std::cerr << "unknown command '" << arguments.front() << "'; see --help\n";
        return EXIT_USAGE;
    }

    ServerConfig settings;
    try {
        if (!m_configFile.empty()) {
            loadConfiguration(m_configFile);
        }
        applyEnvironmentOverrides(config());
        for (const auto& [key, value] : m_overrides) {
            config().setString(key, value);
        }
        settings = ServerConfig::from(config());
    } catch (const Poco::Exception& error) {
        std::cerr << "invalid configuration: " << error.displayText() << "\n";
        return EXIT_CONFIG;
    }
    configureLogging(settings.logLevel, settings.logFormat);
    if (extractCommand) {
        const leads::ExtractCommandOptions extract{m_country, m_pageUrl, {arguments.begin() + 1, arguments.end()}, settings.resourceDirectory};
        return leads::runExtractCommand(extract, std::cout, std::cerr);
    }

    try {
        ServerRuntime runtime(settings);
        if (createCommand) {
            if (m_email.empty()) {
                std::cerr << "create-super-admin needs --email=EMAIL\n";
                return EXIT_USAGE;
            }
            createSuperAdmin(runtime.auth(), m_email, std::cout);
            return EXIT_OK;
        }
        if (verifyCommand) {
            return printAuditVerification(runtime.database(), runtime.config().dataDirectory) ? EXIT_OK : EXIT_DATAERR;
        }

        if (UserRepository(runtime.database()).count() == 0) {
            std::cout << "The database has no accounts yet.\n";
            createSuperAdmin(runtime.auth(), settings.bootstrapAdminEmail, std::cout);
        }

        runtime.start();
        std::cout << "certificate SHA-256 fingerprint " << runtime.certificateFingerprint() << "\n"
                  << "listening on https://" << settings.host << ":" << runtime.port() << std::endl;
        waitForTerminationRequest();
        Poco::Logger::get("ileadx.server").information("termination requested, draining requests");
        runtime.stop();
    } catch (const ApiException& error) {
        std::cerr << error.title() << ": " << error.detail() << "\n";
        return EXIT_DATAERR;
    } catch (const Poco::ExistsException&) {
        std::cerr << "an account with that email address exists already\n";
        return EXIT_DATAERR;
    } catch (const Poco::Exception& error) {
        Poco::Logger::get("ileadx.server").fatal("start-up failed: %s", error.displayText());
        std::cerr << "start-up failed: " << error.displayText() << "\n";
        return EXIT_SOFTWARE;
    }
    return EXIT_OK;
}

} // namespace ileadx
