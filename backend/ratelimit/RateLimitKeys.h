#pragma once

#include <string>
#include <string_view>

namespace ileadx {

/// Returns the rate-limit key of a client address. An IPv4 address is its own key. An IPv6
/// address is keyed by its /64 prefix, because one subscriber usually gets a whole /64 and could
/// otherwise pick a new address for every request. An IPv4-mapped IPv6 address counts as its IPv4
/// address, and text that is not an address is used as it is.
std::string clientAddressKey(std::string_view address);

/// Returns the rate-limit key of an account.
std::string accountKey(std::string_view userId);

} // namespace ileadx
