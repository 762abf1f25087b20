#include "leads/crawl/HtmlTags.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>

namespace ileadx::leads {

namespace {

// A link's text is read at most this far past its start tag, in case </a> is missing.
constexpr std::size_t kMaxLinkTextScan = 2048;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Returns the position of NEEDLE (lower case) in TEXT at or after FROM, compared without case.
std::size_t findNoCase(std::string_view text, std::string_view needle, std::size_t from)
{
    const auto found = std::search(text.begin() + static_cast<std::ptrdiff_t>(std::min(from, text.size())), text.end(),
                                   needle.begin(), needle.end(), [](char a, char b) { return Poco::Ascii::toLower(a) == b; });
    return found == text.end() ? std::string_view::npos : static_cast<std::size_t>(found - text.begin());
}

std::string decodeAmpersands(std::string value)
{
    for (std::size_t at = value.find("&amp;"); at != std::string::npos; at = value.find("&amp;", at + 1)) {
        value.erase(at + 1, 4);
    }
    return value;
}

std::size_t skipSpaces(std::string_view html, std::size_t at)
{
    while (at < html.size() && isSpace(html[at])) {
        ++at;
    }
    return at;
}

std::string readAttributeValue(std::string_view html, std::size_t& at)
{
    if (at < html.size() && (html[at] == '"' || html[at] == '\'')) {
        const char quote = html[at++];
        const std::size_t end = std::min(html.find(quote, at), html.size());
        std::string value(html.substr(at, end - at));
        at = end + 1;
        return value;
    }
    const std::size_t start = at;
    while (at < html.size() && !isSpace(html[at]) && html[at] != '>') {
        ++at;
    }
    return std::string(html.substr(start, at - start));
}

// Reads the attributes of a tag from AT (just after the tag name) to its closing ">" and returns
// the position after it.
std::size_t readAttributes(std::string_view html, std::size_t at, TagAttributes& attributes)
{
    while (at < html.size()) {
        while (at < html.size() && (isSpace(html[at]) || html[at] == '/')) {
            ++at;
        }
        if (at >= html.size() || html[at] == '>') {
            return at + 1;
        }
        const std::size_t nameStart = at;
        while (at < html.size() && !isSpace(html[at]) && html[at] != '=' && html[at] != '>' && html[at] != '/') {
            ++at;
        }
        std::string name = Poco::toLower(std::string(html.substr(nameStart, at - nameStart)));
        at = skipSpaces(html, at);
        std::string value;
        if (at < html.size() && html[at] == '=') {
            at = skipSpaces(html, at + 1);
            value = readAttributeValue(html, at);
        }
        if (!name.empty()) {
            attributes.emplace_back(std::move(name), decodeAmpersands(std::move(value)));
        }
    }
    return at;
}

// Returns the text from AT to the next </a>, without tags and with whitespace collapsed.
std::string readLinkText(std::string_view html, std::size_t at)
{
    const std::string_view rest = html.substr(std::min(at, html.size()), kMaxLinkTextScan);
    const std::string_view content = rest.substr(0, findNoCase(rest, "</a", 0));
    std::string text;
    bool inTag = false, pendingSpace = false;
    for (const char c : content) {
        if (inTag || c == '<') {
            inTag = c != '>';
            pendingSpace = pendingSpace || !text.empty();
        } else if (isSpace(c)) {
            pendingSpace = !text.empty();
        } else {
            if (pendingSpace) {
                text += ' ';
            }
            text += c;
            pendingSpace = false;
        }
    }
    return decodeAmpersands(std::move(text));
}

} // namespace

std::vector<HtmlTag> findTags(std::string_view html, const std::vector<std::string_view>& names, std::size_t limit)
{
    html = html.substr(0, limit);
    std::vector<HtmlTag> tags;
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
        if (html.compare(at, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", at + 4);
            at = end == std::string_view::npos ? end : end + 3;
            continue;
        }
        std::size_t nameEnd = at + 1;
        while (nameEnd < html.size() && (isLetter(html[nameEnd]) || (nameEnd > at + 1 && std::isdigit(static_cast<unsigned char>(html[nameEnd]))))) {
            ++nameEnd;
        }
        if (nameEnd == at + 1) {
            ++at; // an end tag, a declaration or a stray "<"
            continue;
        }
        const std::string name = Poco::toLower(std::string(html.substr(at + 1, nameEnd - at - 1)));
        if (name == "script" || name == "style") {
            at = findNoCase(html, "</" + name, nameEnd);
            continue;
        }
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            at = nameEnd;
            continue;
        }
        HtmlTag tag{name, {}, {}};
        at = readAttributes(html, nameEnd, tag.attributes);
        if (name == "a") {
            tag.text = readLinkText(html, at);
        }
        tags.push_back(std::move(tag));
    }
    return tags;
}

std::string attributeValue(const TagAttributes& tag, std::string_view name)
{
    for (const auto& [key, value] : tag) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

} // namespace ileadx::leads
