#pragma once

#include <string>

namespace ileadx::leads {

/// Returns the registrable domain of HOST from the public suffix list ("bakery.co.uk" for
/// "www.bakery.co.uk"), in lower case. An IP address, a single label or a public suffix itself is
/// its own site, so it is returned unchanged (lower-cased).
std::string registrableDomain(const std::string& host);

/// Returns whether two host names belong to the same site, that is have the same registrable domain.
bool sameSite(const std::string& hostA, const std::string& hostB);

} // namespace ileadx::leads
