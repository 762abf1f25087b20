#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ileadx::leads {

/// Returns the address with its domain lower-cased, or nullopt when it should not be offered as
/// a lead's contact:
/// - the shape is invalid (local part of 1 to 64 characters from [A-Za-z0-9._%+-] without
///   leading, trailing or double dots; a domain of at least two LDH labels ending in an
///   alphabetic or xn-- top-level label);
/// - the "domain" ends in a file extension, as in logo@2x.png or image@3x.webp;
/// - the domain is, or is a subdomain of, a placeholder or error-tracking domain
///   (kIgnoredEmailDomains) or uses a reserved top-level name (example, invalid, test, localhost);
/// - the local part is a hex key of 32 or more digits, as in error-tracking DSNs.
std::optional<std::string> normalizeEmail(std::string_view candidate);

/// Placeholder domains from templates and documentation, and error-tracking services whose
/// client keys look like addresses in page sources.
inline constexpr std::string_view kIgnoredEmailDomains[] = {
    "example.com", "example.org", "example.net", "domain.com", "email.com", "yourdomain.com",
    "yoursite.com", "yourcompany.com", "company.com", "test.com", "sentry.io", "wixpress.com",
    "sentry-next.wixpress.com", "bugsnag.com", "rollbar.com"};

} // namespace ileadx::leads
