#pragma once

#include <cstdint>
#include <functional>

namespace ileadx {

/// Activity of the search workers and their queue, as the health checks read it.
struct WorkStatus
{
    int workers = 0;            ///< worker threads started
    int busy = 0;               ///< of them, running a search now
    bool stalled = false;       ///< idle workers stopped polling the queue
    std::int64_t queued = 0;    ///< searches waiting in the queue
    int listingProviders = 0;   ///< providers configured for searches
};

/// Returns the current WorkStatus; throws when the queue cannot be read.
using WorkStatusSource = std::function<WorkStatus()>;

} // namespace ileadx
