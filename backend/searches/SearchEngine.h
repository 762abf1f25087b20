#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ileadx {

class Database;
class SearchRepository;
class SearchRunner;
class UsageCounter;
struct ServerConfig;

/// The lead engine the search jobs use, built from the server configuration: the listing
/// providers' settings, the shared site crawler (and a second one for the demo websites), the
/// extractor and the pipeline that ties them together.
class SearchEngine final
{
public:
    /// `demoResolve` and `demoHosts` come from DemoSites and are empty unless the demo is on.
    SearchEngine(const ServerConfig& config, Database& database, SearchRepository& searches, UsageCounter& usage,
                 const std::map<std::string, std::string>& demoResolve, const std::set<std::string>& demoHosts);
    ~SearchEngine();
    SearchEngine(const SearchEngine&) = delete;
    SearchEngine& operator=(const SearchEngine&) = delete;

    SearchRunner& runner();

    /// Names of the listing providers that are configured, the ones a search may use.
    const std::vector<std::string>& configuredProviders() const { return m_configuredProviders; }

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
    std::vector<std::string> m_configuredProviders;
};

} // namespace ileadx
