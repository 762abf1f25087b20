#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leads {

/// Pages larger than this are cut before parsing. Contact details sit in the first few hundred
/// kilobytes of real pages, and the cap bounds the time and memory of one extraction.
constexpr std::size_t kMaxHtmlBytes = 2 * 1024 * 1024;

/// Gumbo 0.10 takes time quadratic in the number of open elements (measured: 20,000 unclosed
/// <div> tags take about 18 s), so parsing stops where the estimated nesting exceeds this.
constexpr std::size_t kMaxOpenElements = 512;

/// An <a> or <area> target and the range of its text inside HtmlDocument::visibleText.
struct HtmlLink {
    std::string href;
    std::size_t textBegin = 0;
    std::size_t textEnd = 0;
};

/// The parts of a parsed page that the extractors read.
struct HtmlDocument {
    /// Text nodes outside <script>, <style>, <noscript> and <template>, entities decoded. Block
    /// elements and <br> start a new line.
    std::string visibleText;
    std::vector<HtmlLink> links;
    /// <script src> and <link href> values, as written in the page.
    std::vector<std::string> assetUrls;
    /// Content of <meta name="generator"> elements.
    std::vector<std::string> generators;
    /// Bodies of <script type="application/ld+json"> elements.
    std::vector<std::string> jsonLdBlocks;
    /// data-cfemail attribute values (Cloudflare email address obfuscation).
    std::vector<std::string> cloudflareEmailHex;
    /// Start tags with their attributes, comments, inline script and style bodies and the text of
    /// <noscript> and <template>, without
    /// visible text and without <a>/<area> targets, so that technology rules cannot match a
    /// sentence or a link to another site.
    std::string markup;
};

/// Parses UTF-8 HTML with gumbo (invalid byte sequences become U+FFFD). Reads at most
/// kMaxHtmlBytes and stops where the nesting limit is reached.
HtmlDocument parseHtml(std::string_view html);

/// Returns the length of the prefix of `html` whose estimated element nesting stays within
/// `maxOpenElements`. The estimate counts start and end tags, skipping void elements, elements
/// whose end tag is optional, comments and raw-text bodies, so it is a heuristic and not the
/// HTML5 tree construction.
std::size_t lengthWithinNestingLimit(std::string_view html, std::size_t maxOpenElements);

} // namespace ileadx::leads
