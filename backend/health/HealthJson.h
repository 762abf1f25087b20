#pragma once

#include "health/HealthSample.h"

#include <Poco/JSON/Object.h>

namespace ileadx {

/// Renders a sample as {"sampled_at", "level", "checks": [{"name", "level", "value", "unit",
/// "thresholds": {"amber", "red"}, "detail"}]}. `value` is null when nothing was measured;
/// `thresholds` is left out when `withThresholds` is false, to keep history responses short.
Poco::JSON::Object::Ptr healthSampleJson(const HealthSample& sample, bool withThresholds);

} // namespace ileadx
