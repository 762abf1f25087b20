#include "users/UserHandlers.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "shared/WireNames.h"
#include "storage/Database.h"
#include "users/UserJson.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include <sstream>

namespace ileadx {

namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

// A cursor is the last row's creation time and id, base64url-encoded so clients treat it as opaque.
std::string encodeCursor(const UserRecord& last)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << last.createdAt << ':' << last.id;
    encoder.close();
    return out.str();
}

UserCursor decodeCursor(const std::string& text)
{
    std::string plain;
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
        plain.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
    } catch (const Poco::Exception&) {
        throw invalidRequest("'cursor' is not a cursor this server returned.");
    }

    const std::size_t colon = plain.find(':');
    Poco::Int64 createdAt = 0;
    if (colon == std::string::npos || !Poco::NumberParser::tryParse64(plain.substr(0, colon), createdAt) ||
        colon + 1 >= plain.size()) {
        throw invalidRequest("'cursor' is not a cursor this server returned.");
    }
    return UserCursor{createdAt, plain.substr(colon + 1)};
}

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

ApiResponse listUsers(ApiRequest& request, Database& database)
{
    const int limit = pageSize(request);
    std::optional<UserCursor> cursor;
    if (const std::optional<std::string> text = request.queryParameter(std::string(wire::kCursor))) {
        cursor = decodeCursor(*text);
    }

    // One extra row tells whether another page follows without a second query.
    std::vector<UserRecord> users = UserRepository(database).listNewestFirst(limit + 1, cursor);
    const bool hasMore = static_cast<int>(users.size()) > limit;
    if (hasMore) {
        users.resize(static_cast<std::size_t>(limit));
    }

    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const UserRecord& user : users) {
        items->add(userToJson(user));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(std::string(wire::kItems), items);
    if (hasMore) {
        body->set(std::string(wire::kNextCursor), encodeCursor(users.back()));
    } else {
        body->set(std::string(wire::kNextCursor), Poco::Dynamic::Var());
    }
    return ApiResponse::json(200, body);
}

} // namespace

void addUserRoutes(Router& router, Database& database)
{
    router.add({"GET", "/api/v1/admin/users", Permission::UsersRead,
                [&database](ApiRequest& request) { return listUsers(request, database); }});
}

} // namespace ileadx
