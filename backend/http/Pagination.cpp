#include "http/Pagination.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "shared/WireNames.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>

#include <iterator>
#include <sstream>

namespace ileadx::pagination {

int pageSize(const ApiRequest& request)
{
    const std::optional<std::string> text = request.queryParameter(std::string(wire::kLimit));
    if (!text) {
        return kDefaultPageSize;
    }
    int limit = 0;
    if (!Poco::NumberParser::tryParse(*text, limit) || limit < 1 || limit > kMaxPageSize) {
        throw invalidRequest("'limit' must be a whole number from 1 to " + std::to_string(kMaxPageSize) + ".");
    }
    return limit;
}

std::string encodeCursor(const std::string& plain)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << plain;
    encoder.close();
    return out.str();
}

std::string cursorText(const ApiRequest& request)
{
    const std::optional<std::string> text = request.queryParameter(std::string(wire::kCursor));
    if (!text) {
        return {};
    }
    std::string plain;
    try {
        std::istringstream in(*text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        plain.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        throwInvalidCursor();
    }
    if (plain.empty()) {
        throwInvalidCursor();
    }
    return plain;
}

void throwInvalidCursor()
{
    throw invalidRequest("'cursor' is not a cursor this server returned.");
}

} // namespace ileadx::pagination
