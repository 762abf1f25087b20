#include "searches/SearchPipeline.h"

#include "common/Random.h"
#include "leads/scoring/LeadScore.h"
#include "searches/SearchDiagnostics.h"
#include "searches/SearchRepository.h"
#include "searches/UsageCounter.h"
#include "storage/Database.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace ileadx {

namespace {

using Clock = std::chrono::steady_clock;

Poco::Logger& pipelineLog()
{
    return Poco::Logger::get("ileadx.searches");
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string hostOf(const std::string& website)
{
    try {
        return Poco::toLower(Poco::URI(website).getHost());
    } catch (const Poco::SyntaxException&) {
        return {};
    }
}

LeadRecord toLead(const SearchRecord& search, const leads::Listing& listing, const leads::Extraction& extraction,
                  bool reachable, const leads::LeadScore& score)
{
    LeadRecord lead;
    lead.id = newId();
    lead.searchId = search.id;
    lead.dedupeKey = dedupeKey(listing);
    lead.name = listing.name;
    lead.address = listing.address;
    lead.countryCode = listing.countryCode;
    lead.phone = listing.phone;
    lead.website = listing.website;
    lead.category = listing.category;
    lead.rating = listing.rating;
    lead.reviewCount = listing.reviewCount;
    lead.emails = extraction.emails;
    for (const leads::PhoneNumber& phone : extraction.phones) {
        lead.phones.push_back(phone.e164);
    }
    for (const leads::SocialProfile& profile : extraction.socialProfiles) {
        lead.socialProfiles.push_back(profile.url);
    }
    for (const leads::Technology& technology : extraction.technologies) {
        lead.technologies.push_back(technology.name);
    }
    lead.websiteReachable = reachable;
    lead.score = score.score;
    lead.scoreReasons = score.reasons;
    lead.provider = listing.provider;
    lead.providerId = listing.providerId;
    lead.createdAt = nowMillis();
    return lead;
}

} // namespace

std::string dedupeKey(const leads::Listing& listing)
{
    std::string host = hostOf(listing.website);
    if (host.starts_with("www.")) {
        host.erase(0, 4);
    }
    if (!host.empty()) {
        return "web:" + host;
    }
    std::string digits;
    for (const char c : listing.phone) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    if (digits.size() >= 6) {
        return "tel:" + digits;
    }
    if (!listing.providerId.empty()) {
        return "id:" + listing.provider + ":" + listing.providerId;
    }
    return "name:" + Poco::toLower(listing.name) + "|" + Poco::toLower(listing.address);
}

// State shared by the threads of one run.
struct SearchPipeline::RunState
{
    const SearchRecord& search;
    const std::function<bool()>& cancelled;
    SearchDiagnostics diagnostics;
    std::atomic<bool> leadLimitReached{false};

    bool shouldStop() const { return leadLimitReached.load() || cancelled(); }
};

SearchPipeline::SearchPipeline(Database& database, SearchRepository& searches, UsageCounter& usage, Parts parts)
    : m_database(database)
    , m_searches(searches)
    , m_usage(usage)
    , m_parts(std::move(parts))
{
}

namespace {

// Collects the listings of every provider, without duplicates and at most search.maxResults.
std::vector<leads::Listing> collectListings(const SearchRecord& search, const leads::ProviderSettings& settings,
                                            SearchDiagnostics& diagnostics, std::string& lastError)
{
    std::vector<leads::Listing> listings;
    std::set<std::string> seen;
    const leads::ListingQuery query{search.query, search.location, search.countryCode, search.maxResults};
    for (const std::string& name : search.providers) {
        const Clock::time_point started = Clock::now();
        try {
            const std::unique_ptr<leads::ListingProvider> provider = leads::makeProvider(name, settings);
            if (!provider) {
                throw leads::ProviderError(leads::ProviderErrorKind::InvalidKey, "provider " + name + " is not configured");
            }
            std::vector<leads::Listing> found = provider->search(query);
            diagnostics.addTime(SearchStage::Provider, millisecondsSince(started), static_cast<int>(found.size()));
            for (leads::Listing& listing : found) {
                if (static_cast<int>(listings.size()) < search.maxResults && seen.insert(dedupeKey(listing)).second) {
                    listings.push_back(std::move(listing));
                }
            }
        } catch (const leads::ProviderError& error) {
            diagnostics.addTime(SearchStage::Provider, millisecondsSince(started), 0);
            lastError = name + ": " + error.what();
            diagnostics.addError(SearchStage::Provider, lastError);
            pipelineLog().warning("search %s: provider %s failed: %s", search.id, name, std::string(error.what()));
        }
    }
    return listings;
}

} // namespace

SearchRunResult SearchPipeline::run(const SearchRecord& search, const std::function<bool()>& cancelled)
{
    const Clock::time_point runStarted = Clock::now();
    const double queuedMs = search.startedAt ? static_cast<double>(*search.startedAt - search.createdAt) : 0.0;
    RunState state{search, cancelled, SearchDiagnostics(queuedMs)};
    SearchRunResult result;

    std::string providerError;
    const std::vector<leads::Listing> listings =
        collectListings(search, m_parts.providers, state.diagnostics, providerError);
    if (listings.empty() && !providerError.empty()) {
        result.status = SearchStatus::Failed;
        result.reason = "Every listing provider failed; the last error was: " + providerError;
        result.diagnosticsJson = state.diagnostics.toJson(millisecondsSince(runStarted));
        return result;
    }

    std::vector<const leads::Listing*> withWebsite;
    std::vector<const leads::Listing*> withoutWebsite;
    for (const leads::Listing& listing : listings) {
        (listing.website.empty() ? withoutWebsite : withWebsite).push_back(&listing);
    }
    m_searches.setListingProgress(search.id, static_cast<int>(listings.size()), static_cast<int>(withWebsite.size()));

    // A listing without a website is still a lead, scored on what the provider gave.
    for (const leads::Listing* listing : withoutWebsite) {
        if (state.shouldStop()) {
            break;
        }
        scoreAndStore(state, *listing, leads::Extraction{}, false);
    }

    // Each search crawls its sites on a few threads of its own, so one slow site holds up only one
    // thread. The shared crawler's per-host and global limits protect the sites themselves.
    std::atomic<std::size_t> next{0};
    const auto crawlSites = [&] {
        while (!state.shouldStop()) {
            const std::size_t index = next.fetch_add(1);
            if (index >= withWebsite.size()) {
                return;
            }
            crawlAndStore(state, *withWebsite[index]);
        }
    };
    const std::size_t threadCount =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(1, m_parts.siteConcurrency)), withWebsite.size());
    const Clock::time_point crawlStarted = Clock::now();
    std::vector<std::thread> threads;
    for (std::size_t index = 1; index < threadCount; ++index) {
        threads.emplace_back(crawlSites);
    }
    crawlSites();
    for (std::thread& thread : threads) {
        thread.join();
    }
    state.diagnostics.addTime(SearchStage::Crawl, millisecondsSince(crawlStarted), static_cast<int>(withWebsite.size()));

    if (cancelled()) {
        result.status = SearchStatus::Cancelled;
        result.reason = "Cancelled.";
    } else if (state.leadLimitReached) {
        result.status = SearchStatus::Completed;
        result.reason = "The plan's monthly lead limit was reached; leads found after it were not stored.";
    } else {
        result.status = SearchStatus::Completed;
    }
    result.diagnosticsJson = state.diagnostics.toJson(millisecondsSince(runStarted));
    return result;
}

leads::SiteCrawler& SearchPipeline::crawlerFor(const std::string& website)
{
    if (m_parts.demoCrawler && m_parts.demoHosts.contains(hostOf(website))) {
        return *m_parts.demoCrawler;
    }
    return m_parts.crawler;
}

namespace {

SiteTiming timingOf(const leads::SiteResult& site, const std::string& website, double totalMs)
{
    SiteTiming timing;
    timing.website = website;
    timing.totalMs = totalMs;
    timing.error = site.error;
    for (const leads::FetchedPage& page : site.pages) {
        ++timing.pages;
        timing.connectMs += page.timings.connectMs;
        timing.tlsMs += page.timings.tlsMs;
        timing.firstByteMs += page.timings.firstByteMs;
        timing.downloadMs += page.timings.downloadMs;
    }
    return timing;
}

bool fetchedFine(const leads::FetchedPage& page)
{
    return page.error.empty() && page.status >= 200 && page.status < 400;
}

} // namespace

void SearchPipeline::crawlAndStore(RunState& state, const leads::Listing& listing)
{
    const Clock::time_point crawlStarted = Clock::now();
    leads::SiteResult site;
    try {
        site = crawlerFor(listing.website).crawl(listing.website, state.cancelled);
    } catch (const std::exception& error) {
        site.website = listing.website;
        site.error = error.what();
    }
    const SiteTiming timing = timingOf(site, listing.website, millisecondsSince(crawlStarted));
    if (!site.error.empty()) {
        state.diagnostics.addError(SearchStage::Crawl, listing.website + ": " + site.error);
    }
    state.diagnostics.addSite(timing);

    const Clock::time_point extractStarted = Clock::now();
    const std::string& country = listing.countryCode.empty() ? state.search.countryCode : listing.countryCode;
    leads::Extraction total;
    bool reachable = false;
    int extracted = 0;
    for (const leads::FetchedPage& page : site.pages) {
        if (!fetchedFine(page)) {
            continue;
        }
        reachable = true;
        try {
            const leads::PageInput input{page.finalUrl.empty() ? page.url : page.finalUrl, page.body, page.headers};
            leads::mergeInto(total, m_parts.extractor.extract(input, country));
            ++extracted;
        } catch (const std::exception& error) {
            state.diagnostics.addError(SearchStage::Extraction, page.url + ": " + error.what());
        }
    }
    state.diagnostics.addTime(SearchStage::Extraction, millisecondsSince(extractStarted), extracted);

    if (!state.cancelled()) {
        scoreAndStore(state, listing, total, reachable);
    }
    m_searches.countSiteCrawled(state.search.id);
}

void SearchPipeline::scoreAndStore(RunState& state, const leads::Listing& listing, const leads::Extraction& extraction,
                                   bool websiteReachable)
{
    const Clock::time_point scoreStarted = Clock::now();
    const leads::LeadScore score = leads::scoreLead(leads::ScoreInput{listing, extraction, websiteReachable});
    state.diagnostics.addTime(SearchStage::Scoring, millisecondsSince(scoreStarted));

    const LeadRecord lead = toLead(state.search, listing, extraction, websiteReachable, score);
    const Clock::time_point storeStarted = Clock::now();
    try {
        // The lead and its unit of the plan's lead limit are stored together or not at all. A
        // lead already stored (by an earlier run of a resumed search) is not counted again.
        Transaction transaction(m_database);
        if (!m_searches.insertLead(transaction.session(), lead)) {
            state.diagnostics.addTime(SearchStage::Storage, millisecondsSince(storeStarted), 0);
            return;
        }
        if (!m_usage.tryConsume(transaction.session(), state.search.userId, UsageKind::Leads, 1, nowMillis())) {
            state.leadLimitReached = true;
            return;
        }
        transaction.commit();
        state.diagnostics.addTime(SearchStage::Storage, millisecondsSince(storeStarted), 1);
    } catch (const Poco::Exception& error) {
        state.diagnostics.addError(SearchStage::Storage, error.displayText());
        pipelineLog().error("search %s: storing a lead failed: %s", state.search.id, error.displayText());
    }
}

} // namespace ileadx
