#pragma once

#include "leads/extract/HtmlDocument.h"
#include "leads/extract/JsonLd.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leads {

/// Collects the addresses of a page from JSON-LD, mailto: links, Cloudflare-protected
/// addresses, plain visible text and "name [at] domain [dot] com" style text, each checked with
/// normalizeEmail(). Deduplicated without regard to case, in that order of sources.
std::vector<std::string> extractEmails(const HtmlDocument& document, const JsonLdContacts& jsonLd);

/// Returns the recipients of a mailto: URL: the part before "?", percent-decoded and with
/// numeric character references (&#64; &#x40;) decoded, split at commas. Not yet normalised.
std::vector<std::string> mailtoRecipients(std::string_view href);

/// Decodes Cloudflare's email obfuscation: hex bytes, the first being the XOR key of the rest.
/// Returns nullopt for invalid hex or a decoded text that is not a valid address.
std::optional<std::string> decodeCloudflareEmail(std::string_view hex);

/// Returns the addresses written as "name [at] domain [dot] com", "name(at)domain(dot)com" or,
/// after an "email"/"mail"/"contact" label, "name at domain dot com". Not yet normalised.
std::vector<std::string> obfuscatedEmails(std::string_view text);

} // namespace ileadx::leads
