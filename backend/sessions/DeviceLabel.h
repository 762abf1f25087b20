#pragma once

#include <string>
#include <string_view>

namespace ileadx {

/// Returns a readable label for the device behind a User-Agent header, such as "Firefox 121 on
/// Windows" or "iLeadX Console 0.1.0 on Linux". It recognises the common browsers, the console and
/// command-line clients by their product tokens; anything else becomes "Unknown device". The label
/// is for people reading a session list, not for security decisions.
std::string deviceLabelFromUserAgent(std::string_view userAgent);

} // namespace ileadx
