#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ileadx {

/// Returns the address trimmed and lowercased when it has the shape of a deliverable address
/// (one '@', a local part of 1 to 64 characters, a dotted domain, 254 characters at most, no spaces
/// or control characters); returns nothing otherwise. It does not check that the domain exists.
std::optional<std::string> normalizeEmail(std::string_view address);

} // namespace ileadx
