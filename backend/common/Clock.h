#pragma once

#include <cstdint>
#include <string>

namespace ileadx {

/// Milliseconds since the Unix epoch, the unit of every stored time.
using EpochMillis = std::int64_t;

/// Returns the current UTC time in milliseconds since the Unix epoch.
EpochMillis nowMillis();

/// Formats a time as ISO 8601 UTC with milliseconds, such as "2026-12-04T19:30:00.123Z".
std::string formatIso8601(EpochMillis millis);

} // namespace ileadx
