#pragma once

#include <array>
#include <string_view>

/// Names of the rate-limit classes a route can belong to. Each class has its own limit, set in the
/// configuration as ratelimit.<class>PerMinute and ratelimit.<class>Burst.
namespace ileadx::routeclass {

inline constexpr std::string_view kAuth = "auth";
inline constexpr std::string_view kSearch = "search";
inline constexpr std::string_view kExport = "export";
inline constexpr std::string_view kDefault = "default";

inline constexpr std::array<std::string_view, 4> kAll = {kAuth, kSearch, kExport, kDefault};

} // namespace ileadx::routeclass
