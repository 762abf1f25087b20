#include "searches/SearchEngine.h"

#include "app/ServerConfig.h"
#include "searches/SearchRunner.h"

#include <Poco/Logger.h>
#include <Poco/Path.h>

#ifdef ILEADX_HAS_LEAD_ENGINE
#include "searches/SearchPipeline.h"
#endif

namespace ileadx {

#ifdef ILEADX_HAS_LEAD_ENGINE

struct SearchEngine::Parts
{
    std::unique_ptr<leads::SiteCrawler> crawler;
    std::unique_ptr<leads::SiteCrawler> demoCrawler;
    std::unique_ptr<leads::Extractor> extractor;
    std::unique_ptr<SearchPipeline> pipeline;
};

namespace {

leads::CrawlerOptions crawlerOptions(const ServerConfig& config)
{
    leads::CrawlerOptions options;
    options.userAgent = config.crawlerUserAgent;
    options.maxPagesPerSite = config.crawlerMaxPagesPerSite;
    options.connectTimeoutMs = config.crawlerConnectTimeoutMs;
    options.totalTimeoutMs = config.crawlerTotalTimeoutMs;
    options.perHostDelayMs = config.crawlerPerHostDelayMs;
    options.globalConcurrency = config.crawlerGlobalConcurrency;
    options.allowPrivateAddresses = config.crawlerAllowPrivateAddresses;
    options.resolve = config.crawlerResolve;
    return options;
}

leads::ProviderSettings providerSettings(const ServerConfig& config)
{
    leads::ProviderSettings settings;
    if (!config.googlePlacesBaseUrl.empty()) {
        settings.googlePlacesBaseUrl = config.googlePlacesBaseUrl;
    }
    settings.googlePlacesApiKey = config.googlePlacesApiKey;
    // An empty overpassUrl leaves the provider unconfigured, instead of the provider's built-in address.
    settings.overpassUrl = config.overpassUrl;
    settings.listingsFile = config.listingsFile;
    if (settings.listingsFile.empty() && config.demoEnabled) {
        settings.listingsFile = Poco::Path(config.resourceDirectory).append(Poco::Path("demo/listings.csv")).toString();
    }
    settings.timeoutSeconds = config.providerTimeoutSeconds;
    return settings;
}

} // namespace

SearchEngine::SearchEngine(const ServerConfig& config, Database& database, SearchRepository& searches,
                           UsageCounter& usage, const std::map<std::string, std::string>& demoResolve,
                           const std::set<std::string>& demoHosts)
    : m_parts(std::make_unique<Parts>())
{
    m_parts->crawler = std::make_unique<leads::SiteCrawler>(crawlerOptions(config));
    if (!demoResolve.empty()) {
        // Only the demo hosts may reach loopback: they get a crawler of their own.
        leads::CrawlerOptions demoOptions = crawlerOptions(config);
        demoOptions.allowPrivateAddresses = true;
        demoOptions.resolve = demoResolve;
        demoOptions.perHostDelayMs = 0;
        m_parts->demoCrawler = std::make_unique<leads::SiteCrawler>(demoOptions);
    }
    m_parts->extractor = std::make_unique<leads::Extractor>(
        Poco::Path(config.resourceDirectory).append(Poco::Path("technologies.json")).toString());

    const leads::ProviderSettings providers = providerSettings(config);
    m_configuredProviders = leads::configuredProviders(providers);
    SearchPipeline::Parts parts{providers, *m_parts->crawler, m_parts->demoCrawler.get(), demoHosts,
                                *m_parts->extractor, config.searchSiteConcurrency};
    m_parts->pipeline = std::make_unique<SearchPipeline>(database, searches, usage, std::move(parts));
}

SearchRunner& SearchEngine::runner()
{
    return *m_parts->pipeline;
}

#else

namespace {

// Stands in while the lead engine's parts are missing from the build: every search fails with a reason.
class MissingEngineRunner final : public SearchRunner
{
public:
    SearchRunResult run(const SearchRecord&, const std::function<bool()>&) override
    {
        return SearchRunResult{SearchStatus::Failed, "This server was built without the lead engine.", {}};
    }
};

} // namespace

struct SearchEngine::Parts
{
    MissingEngineRunner runner;
};

SearchEngine::SearchEngine(const ServerConfig&, Database&, SearchRepository&, UsageCounter&,
                           const std::map<std::string, std::string>&, const std::set<std::string>&)
    : m_parts(std::make_unique<Parts>())
{
    Poco::Logger::get("ileadx.searches").warning("built without the lead engine: every search will fail");
}

SearchRunner& SearchEngine::runner()
{
    return m_parts->runner;
}

#endif

SearchEngine::~SearchEngine() = default;

} // namespace ileadx
