#pragma once

#include "leads/crawl/HtmlTags.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ileadx::leads {

/// Returns the attributes of the <meta> tags among the first LIMIT bytes of HTML (see findTags()).
std::vector<TagAttributes> findMetaTags(std::string_view html, std::size_t limit);

/// Returns the charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1" or the
/// bare "charset=ISO-8859-1"), in lower case without quotes, or an empty string.
std::string charsetParameter(std::string_view contentType);

/// Returns the character set a <meta charset> or <meta http-equiv="Content-Type" content=...> tag
/// declares, in lower case, or an empty string.
std::string charsetFromMetaTags(const std::vector<TagAttributes>& tags);

/// Returns the URL of a <meta http-equiv="refresh" content="N; url=..."> tag, unresolved, or
/// nothing when there is none or it only reloads the page.
std::optional<std::string> metaRefreshUrl(const std::vector<TagAttributes>& tags);

} // namespace ileadx::leads
