#include "searches/SearchDiagnostics.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ileadx {

namespace {

constexpr std::size_t kMaxErrorSamples = 10;
constexpr std::size_t kSlowestSites = 5;
constexpr std::array<const char*, 5> kStageNames{"provider", "crawl", "extraction", "scoring", "storage"};

double rounded(double ms)
{
    return std::round(ms * 100.0) / 100.0;
}

Poco::JSON::Object::Ptr sumAndAverage(double sum, int count)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("sum", rounded(sum));
    json->set("avg", count > 0 ? rounded(sum / count) : 0.0);
    return json;
}

Poco::JSON::Object::Ptr siteToJson(const SiteTiming& site)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("website", site.website);
    json->set("ms", rounded(site.totalMs));
    json->set("pages", site.pages);
    json->set("connect_ms", rounded(site.connectMs));
    json->set("tls_ms", rounded(site.tlsMs));
    json->set("first_byte_ms", rounded(site.firstByteMs));
    json->set("download_ms", rounded(site.downloadMs));
    json->set("error", site.error.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(site.error));
    return json;
}

} // namespace

SearchDiagnostics::SearchDiagnostics(double queuedMs)
    : m_queuedMs(queuedMs)
{
}

void SearchDiagnostics::addTime(SearchStage stage, double ms, int count)
{
    std::lock_guard lock(m_mutex);
    StageTotals& totals = m_stages[static_cast<std::size_t>(stage)];
    totals.ms += ms;
    totals.count += count;
}

void SearchDiagnostics::addError(SearchStage stage, const std::string& message)
{
    std::lock_guard lock(m_mutex);
    StageTotals& totals = m_stages[static_cast<std::size_t>(stage)];
    ++totals.errors;
    if (totals.errorSamples.size() < kMaxErrorSamples) {
        totals.errorSamples.push_back(message);
    }
}

void SearchDiagnostics::addSite(SiteTiming site)
{
    std::lock_guard lock(m_mutex);
    m_sites.push_back(std::move(site));
}

std::string SearchDiagnostics::toJson(double totalMs) const
{
    std::lock_guard lock(m_mutex);
    Poco::JSON::Object::Ptr stages = new Poco::JSON::Object;
    for (std::size_t index = 0; index < m_stages.size(); ++index) {
        const StageTotals& totals = m_stages[index];
        Poco::JSON::Object::Ptr stage = new Poco::JSON::Object;
        stage->set("ms", rounded(totals.ms));
        stage->set("count", totals.count);
        stage->set("errors", totals.errors);
        Poco::JSON::Array::Ptr samples = new Poco::JSON::Array;
        for (const std::string& message : totals.errorSamples) {
            samples->add(message);
        }
        stage->set("error_samples", samples);
        stages->set(kStageNames[index], stage);
    }

    // The crawl stage also splits fetch time into its phases, summed and averaged per page.
    double connect = 0;
    double tls = 0;
    double firstByte = 0;
    double download = 0;
    int pages = 0;
    for (const SiteTiming& site : m_sites) {
        connect += site.connectMs;
        tls += site.tlsMs;
        firstByte += site.firstByteMs;
        download += site.downloadMs;
        pages += site.pages;
    }
    Poco::JSON::Object::Ptr crawl = stages->getObject("crawl");
    crawl->set("sites", static_cast<int>(m_sites.size()));
    crawl->set("pages", pages);
    crawl->set("connect_ms", sumAndAverage(connect, pages));
    crawl->set("tls_ms", sumAndAverage(tls, pages));
    crawl->set("first_byte_ms", sumAndAverage(firstByte, pages));
    crawl->set("download_ms", sumAndAverage(download, pages));

    std::vector<const SiteTiming*> slowest;
    for (const SiteTiming& site : m_sites) {
        slowest.push_back(&site);
    }
    std::sort(slowest.begin(), slowest.end(),
              [](const SiteTiming* left, const SiteTiming* right) { return left->totalMs > right->totalMs; });
    Poco::JSON::Array::Ptr slowestSites = new Poco::JSON::Array;
    for (std::size_t index = 0; index < slowest.size() && index < kSlowestSites; ++index) {
        slowestSites->add(siteToJson(*slowest[index]));
    }
    crawl->set("slowest_sites", slowestSites);

    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("queued_ms", rounded(m_queuedMs));
    json->set("total_ms", rounded(totalMs));
    json->set("stages", stages);
    std::ostringstream out;
    json->stringify(out);
    return out.str();
}

} // namespace ileadx
