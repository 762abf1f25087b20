#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ileadx {

/// The state of one health check, or of the whole server, as the console shows it.
enum class HealthLevel
{
    Green,
    Amber,
    Red,
    NotConfigured, ///< nothing exists to measure yet; never counted as green
};

/// Returns the wire name: "green", "amber", "red" or "not_configured".
std::string_view healthLevelName(HealthLevel level);

/// Amber and red limits of a value for which higher is worse. A value at or above `red` is red,
/// else at or above `amber` is amber, else green.
struct Threshold
{
    double amber = 0;
    double red = 0;
};

HealthLevel levelFor(double value, const Threshold& threshold);

/// Returns the worst level among `levels`, ignoring NotConfigured; returns NotConfigured when
/// nothing was measured.
HealthLevel worstLevel(const std::vector<HealthLevel>& levels);

} // namespace ileadx
