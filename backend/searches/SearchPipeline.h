#pragma once

#include "leads/crawl/SiteCrawler.h"
#include "leads/extract/Extraction.h"
#include "leads/providers/ProviderFactory.h"
#include "searches/SearchRunner.h"

#include <functional>
#include <set>
#include <string>

namespace ileadx {

class Database;
class SearchRepository;
class UsageCounter;

/// The real search job: listing providers → listings → crawl of each website → extraction of
/// each page → merge → score → lead stored, deduplicated within the search. Progress and leads
/// are written as they come, so the leads route shows results while the job runs.
class SearchPipeline final : public SearchRunner
{
public:
    struct Parts
    {
        leads::ProviderSettings providers;
        leads::SiteCrawler& crawler;
        /// Crawler for the bundled demo websites, which may reach loopback; null unless the demo is on.
        leads::SiteCrawler* demoCrawler = nullptr;
        std::set<std::string> demoHosts; ///< lower-case host names the demo crawler serves
        const leads::Extractor& extractor;
        int siteConcurrency = 4;
    };

    SearchPipeline(Database& database, SearchRepository& searches, UsageCounter& usage, Parts parts);

    SearchRunResult run(const SearchRecord& search, const std::function<bool()>& cancelled) override;

private:
    struct RunState;

    leads::SiteCrawler& crawlerFor(const std::string& website);
    void crawlAndStore(RunState& state, const leads::Listing& listing);
    void scoreAndStore(RunState& state, const leads::Listing& listing, const leads::Extraction& extraction,
                       bool websiteReachable);

    Database& m_database;
    SearchRepository& m_searches;
    UsageCounter& m_usage;
    Parts m_parts;
};

/// Returns the key that identifies one business within a search: the website's host without
/// "www.", else the phone's digits, else the provider's id, else the name and address.
std::string dedupeKey(const leads::Listing& listing);

} // namespace ileadx
