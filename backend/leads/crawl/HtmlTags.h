#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// Attributes of one tag: names in lower case, values as written (only "&amp;" decoded).
using TagAttributes = std::vector<std::pair<std::string, std::string>>;

struct HtmlTag
{
    std::string name; // lower case
    TagAttributes attributes;
    std::string text; // for <a> only: the text up to </a>, tags removed, whitespace collapsed
};

/// Finds the start tags named in NAMES (lower case) among the first LIMIT bytes of HTML, in
/// document order, skipping comments and the content of <script> and <style>. It builds no DOM,
/// because a gumbo parse took half the crawler's CPU time in bench/crawl-throughput.sh. It also
/// works on bytes not yet converted to UTF-8, as the HTML encoding prescan does.
// NOTE: character references other than "&amp;" stay as written in attribute values and text.
std::vector<HtmlTag> findTags(std::string_view html, const std::vector<std::string_view>& names, std::size_t limit);

/// Returns the value of attribute NAME (lower case), or an empty string.
std::string attributeValue(const TagAttributes& tag, std::string_view name);

} // namespace ileadx::leads
