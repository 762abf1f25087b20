#pragma once

#include <string>

namespace ileadx::leads {

/// Returns `raw` as an absolute http or https URL, or an empty string when it is not a website.
/// A bare host name such as "www.example.com/shop" gets "http://" in front. Other schemes
/// (mailto:, ftp:, javascript:), spaces inside the URL, and hosts without a dot (no host, or a
/// single label such as "localhost") give "".
std::string normalizeWebsite(const std::string& raw);

} // namespace ileadx::leads
