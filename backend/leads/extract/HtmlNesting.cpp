#include "leads/extract/HtmlDocument.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ileadx::leads {

namespace {

// Void elements and elements whose end tag may be left out: both add no lasting depth.
constexpr std::array<std::string_view, 33> kUncountedElements = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "body"};

// Elements whose body is not parsed as tags.
constexpr std::array<std::string_view, 9> kRawTextElements = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};

bool contains(const auto& list, std::string_view name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

bool isNameCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
}

std::string readTagName(std::string_view html, std::size_t begin)
{
    std::string name;
    for (std::size_t i = begin; i < html.size() && isNameCharacter(html[i]) && name.size() < 32; ++i) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
    }
    return name;
}

// Returns the position of "</name" (any case) at or after `from`, or npos.
std::size_t findEndTag(std::string_view html, std::string_view name, std::size_t from)
{
    for (std::size_t pos = html.find("</", from); pos != std::string_view::npos; pos = html.find("</", pos + 2)) {
        if (readTagName(html, pos + 2) == name) {
            return pos;
        }
    }
    return std::string_view::npos;
}

} // namespace

std::size_t lengthWithinNestingLimit(std::string_view html, std::size_t maxOpenElements)
{
    std::size_t depth = 0;
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string_view::npos) {
        if (html.substr(pos, 4) == "<!--") {
            const std::size_t end = html.find("-->", pos + 4);
            if (end == std::string_view::npos) {
                return html.size();
            }
            pos = end + 3;
            continue;
        }
        const bool closing = html.substr(pos, 2) == "</";
        const std::string name = readTagName(html, pos + (closing ? 2 : 1));
        const std::size_t tagEnd = html.find('>', pos);
        if (tagEnd == std::string_view::npos) {
            return html.size(); // no complete tag follows
        }
        if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) {
            ++pos;
            continue;
        }
        const bool counted = !contains(kUncountedElements, name) && html[tagEnd - 1] != '/';
        if (closing) {
            depth -= (counted && depth > 0) ? 1 : 0;
        } else if (contains(kRawTextElements, name)) {
            const std::size_t end = findEndTag(html, name, tagEnd + 1);
            const std::size_t endClose = end == std::string_view::npos ? end : html.find('>', end);
            pos = endClose == std::string_view::npos ? html.size() : endClose + 1;
            continue;
        } else if (counted && ++depth > maxOpenElements) {
            return pos;
        }
        pos = tagEnd + 1;
    }
    return html.size();
}

} // namespace ileadx::leads
