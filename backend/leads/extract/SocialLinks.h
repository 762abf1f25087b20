#pragma once

#include "leads/extract/Extraction.h"

#include <optional>
#include <string>
#include <vector>

namespace ileadx::leads {

/// Returns the profile that `url` points to, or nullopt when it is not a profile on a known
/// network: another host, a share, sharer or intent link (except the X follow intent, which
/// names the profile), or a single post, video, pin or status. The host must be the network's
/// domain or a real subdomain of it (www., m., de.). The result uses https, the network's main
/// host (twitter.com becomes x.com), no query, fragment or trailing slash, and only the path
/// segments that name the profile (e.g. /company/acme of /company/acme/about).
std::optional<SocialProfile> socialProfileFromUrl(const std::string& url);

/// Collects the distinct profiles among `urls`, in first-seen order.
std::vector<SocialProfile> extractSocialProfiles(const std::vector<std::string>& urls);

} // namespace ileadx::leads
