#pragma once

#include "common/Clock.h"
#include "health/HealthLevel.h"

#include <optional>
#include <string>
#include <vector>

namespace ileadx {

/// The result of one health check in one sample.
struct HealthCheck
{
    std::string name;                   ///< such as "api_latency" or "crawl_queue"
    HealthLevel level = HealthLevel::NotConfigured;
    std::optional<double> value;        ///< the measured value in `unit`; empty when nothing was measured
    std::string unit;                   ///< "ms", "percent" or "MiB"
    std::optional<Threshold> threshold; ///< the limits that set `level`
    std::string detail;                 ///< a short explanation for people, such as "3 of 16 sessions in use"
};

/// One run of every health check.
struct HealthSample
{
    EpochMillis sampledAt = 0;
    HealthLevel level = HealthLevel::NotConfigured; ///< the worst measured check
    std::vector<HealthCheck> checks;
};

/// Limits of the sampler's checks; ServerConfig reads them from the health.* keys.
struct HealthThresholds
{
    Threshold apiLatencyMs{250, 1000};
    Threshold databaseLatencyMs{50, 250};
    Threshold poolUsagePercent{75, 95};
    Threshold walSizeMiB{64, 256};
    Threshold connectionsPercent{75, 90};
    Threshold crawlQueueDepth{50, 500};
};

} // namespace ileadx
