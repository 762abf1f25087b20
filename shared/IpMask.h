#pragma once

#include <string>
#include <string_view>

namespace ileadx {

/// Masks an IP address for display: IPv4 keeps three octets ("192.168.1.***"), IPv6 keeps its first
/// three groups ("2001:db8:85a3:***"), and an IPv4-mapped IPv6 address is shown as IPv4. Text that is
/// not an address becomes "***", so an unmasked value can never slip through.
std::string maskIpAddress(std::string_view address);

/// Returns `text` with every IPv4 address, and every IPv6 address of four or more groups, replaced
/// by its masked form, for log lines that quote other software's messages.
std::string maskIpAddressesIn(std::string_view text);

} // namespace ileadx
