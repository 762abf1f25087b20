#include "leads/crawl/HtmlMeta.h"

#include <Poco/String.h>

namespace ileadx::leads {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view prefix)
{
    if (text.size() - at < prefix.size()) {
        return false;
    }
    return Poco::icompare(std::string(text.substr(at, prefix.size())), std::string(prefix)) == 0;
}

} // namespace

std::vector<TagAttributes> findMetaTags(std::string_view html, std::size_t limit)
{
    std::vector<TagAttributes> metaTags;
    for (HtmlTag& tag : findTags(html, {"meta"}, limit)) {
        metaTags.push_back(std::move(tag.attributes));
    }
    return metaTags;
}

std::string charsetParameter(std::string_view contentType)
{
    const std::string lower = Poco::toLower(std::string(contentType));
    std::size_t at = lower.find("charset");
    while (at != std::string::npos) {
        std::size_t valueAt = at + 7;
        while (valueAt < lower.size() && isSpace(lower[valueAt])) {
            ++valueAt;
        }
        if (valueAt < lower.size() && lower[valueAt] == '=') {
            ++valueAt;
            while (valueAt < lower.size() && (isSpace(lower[valueAt]) || lower[valueAt] == '"' || lower[valueAt] == '\'')) {
                ++valueAt;
            }
            const std::size_t end = lower.find_first_of(" \t;,\"'", valueAt);
            return lower.substr(valueAt, end == std::string::npos ? std::string::npos : end - valueAt);
        }
        at = lower.find("charset", at + 7);
    }
    return {};
}

std::string charsetFromMetaTags(const std::vector<TagAttributes>& tags)
{
    for (const TagAttributes& tag : tags) {
        const std::string charset = Poco::toLower(Poco::trim(attributeValue(tag, "charset")));
        if (!charset.empty()) {
            return charset;
        }
        const std::string equiv = Poco::toLower(Poco::trim(attributeValue(tag, "http-equiv")));
        const std::string content = attributeValue(tag, "content");
        const bool bareForm = Poco::toLower(Poco::trimLeft(content)).rfind("charset", 0) == 0;
        if (equiv == "content-type" || bareForm) {
            std::string declared = charsetParameter(content);
            if (!declared.empty()) {
                return declared;
            }
        }
    }
    return {};
}

std::optional<std::string> metaRefreshUrl(const std::vector<TagAttributes>& tags)
{
    for (const TagAttributes& tag : tags) {
        if (Poco::icompare(Poco::trim(attributeValue(tag, "http-equiv")), "refresh") != 0) {
            continue;
        }
        const std::string content = attributeValue(tag, "content");
        std::size_t at = content.find_first_not_of(" \t\n\r\f");
        const std::size_t delayEnd = content.find_first_not_of("0123456789.", at);
        if (at == std::string::npos || delayEnd == at) {
            continue; // no delay: not a valid refresh
        }
        at = content.find_first_not_of(" \t\n\r\f;,", delayEnd);
        if (at == std::string::npos) {
            continue; // only reloads the page
        }
        if (startsWithNoCase(content, at, "url")) {
            const std::size_t equals = content.find_first_not_of(" \t\n\r\f", at + 3);
            if (equals != std::string::npos && content[equals] == '=') {
                at = content.find_first_not_of(" \t\n\r\f", equals + 1);
            }
        }
        if (at == std::string::npos) {
            continue;
        }
        std::string url = content.substr(at);
        if (!url.empty() && (url.front() == '\'' || url.front() == '"')) {
            url = url.substr(1, url.find(url.front(), 1) - 1);
        }
        url = Poco::trim(url);
        if (!url.empty()) {
            return url;
        }
    }
    return std::nullopt;
}

} // namespace ileadx::leads
