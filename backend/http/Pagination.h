#pragma once

#include <string>
#include <vector>

namespace ileadx {

class ApiRequest;

/// Cursor pagination shared by every list route: `limit` and `cursor` query parameters in, an
/// `items` array and a `next_cursor` out.
namespace pagination {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

/// Returns the request's `limit`, or the default; throws a 400 for anything outside 1..200.
int pageSize(const ApiRequest& request);

/// Wraps a route's own cursor text (such as "time:id") in base64url so clients treat it as opaque.
std::string encodeCursor(const std::string& plain);

/// Returns the text of the request's `cursor`, or an empty string when there is none; throws a 400
/// when the cursor is not base64url.
std::string cursorText(const ApiRequest& request);

/// The 400 a route throws when a decoded cursor does not have its shape.
[[noreturn]] void throwInvalidCursor();

/// Drops the one extra row a route fetched beyond `limit` and returns whether it was there. That row
/// shows that another page follows, without a second query.
template <typename Row>
bool trimToPage(std::vector<Row>& rows, int limit)
{
    const bool hasMore = static_cast<int>(rows.size()) > limit;
    if (hasMore) {
        rows.resize(static_cast<std::size_t>(limit));
    }
    return hasMore;
}

} // namespace pagination

} // namespace ileadx
