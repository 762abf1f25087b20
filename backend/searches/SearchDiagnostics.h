#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace ileadx {

/// The stages of a search run whose time and errors are counted.
enum class SearchStage
{
    Provider,
    Crawl,
    Extraction,
    Scoring,
    Storage,
};

/// One website's crawl: time per phase summed over its pages, in milliseconds.
struct SiteTiming
{
    std::string website;
    int pages = 0;
    double totalMs = 0; ///< wall time of the whole site, including politeness waits
    double connectMs = 0;
    double tlsMs = 0;
    double firstByteMs = 0;
    double downloadMs = 0;
    std::string error;
};

/// Collects the timing breakdown of one search run from many crawl threads at once, and renders
/// it as the JSON that GET /api/v1/admin/searches/{id}/diagnostics serves.
class SearchDiagnostics final
{
public:
    explicit SearchDiagnostics(double queuedMs);

    /// Adds `ms` of work on `count` items to a stage.
    void addTime(SearchStage stage, double ms, int count = 1);

    /// Counts an error of a stage; the first few messages are kept as samples.
    void addError(SearchStage stage, const std::string& message);

    void addSite(SiteTiming site);

    /// Returns the JSON text; `totalMs` is the wall time of the run.
    std::string toJson(double totalMs) const;

private:
    struct StageTotals
    {
        double ms = 0;
        int count = 0;
        int errors = 0;
        std::vector<std::string> errorSamples;
    };

    mutable std::mutex m_mutex;
    double m_queuedMs = 0;
    std::array<StageTotals, 5> m_stages{};
    std::vector<SiteTiming> m_sites;
};

} // namespace ileadx
