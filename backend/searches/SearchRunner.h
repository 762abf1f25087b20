#pragma once

#include "searches/SearchRecord.h"

#include <functional>
#include <string>

namespace ileadx {

/// How one run of a search ended.
struct SearchRunResult
{
    /// Completed, Failed, or Cancelled when `cancelled` turned true before the work was done.
    SearchStatus status = SearchStatus::Completed;
    std::string reason;          ///< why it failed or stopped early; empty otherwise
    std::string diagnosticsJson; ///< timing breakdown per stage, stored for admins
};

/// Runs one search job from its listings to its stored leads. SearchWorkerPool calls it on its
/// threads; SearchPipeline is the real implementation, and tests may supply their own.
class SearchRunner
{
public:
    virtual ~SearchRunner() = default;

    /// Runs `search`, writing progress and leads as it goes. `cancelled` turns true when the user
    /// cancels or the server stops; the run should then return soon with status Cancelled.
    /// May throw; the pool then fails the search.
    virtual SearchRunResult run(const SearchRecord& search, const std::function<bool()>& cancelled) = 0;
};

} // namespace ileadx
