#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leads {

struct PageLink
{
    std::string url;  // absolute, without fragment
    std::string text; // the link's text content, whitespace collapsed
};

/// Returns the http(s) links of an HTML page in document order, resolved against PAGE_URL (or
/// its <base href>), without fragments and without duplicates.
std::vector<PageLink> findLinks(std::string_view html, const std::string& pageUrl);

/// Returns how likely a link leads to contact details, from keywords in its path and text. Scores
/// are 100 for contact pages, 90 for a legal notice (Impressum, imprint, mentions légales), 60 for
/// about-us, 50 for team, 40 for other legal pages and 0 for none of these. Matching both path and
/// text adds 5.
int contactPageScore(const std::string& url, const std::string& text);

/// Returns the links of the page at PAGE_URL that most likely list contacts, best first: on the
/// same site (registrable domain) as SITE_HOST, not the page itself, not documents or images.
/// Links of equal score keep document order. The caller takes as many as it may fetch.
std::vector<std::string> rankContactPages(std::string_view html, const std::string& pageUrl,
                                          const std::string& siteHost);

} // namespace ileadx::leads
