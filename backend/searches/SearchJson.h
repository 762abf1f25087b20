#pragma once

#include "searches/SearchRecord.h"

#include <Poco/JSON/Object.h>

namespace ileadx {

/// Returns the API form of a search with its progress per stage. `withOwner` adds `user_id`,
/// for the admin routes.
Poco::JSON::Object::Ptr searchToJson(const SearchRecord& search, bool withOwner = false);

/// Returns the API form of a lead.
Poco::JSON::Object::Ptr leadToJson(const LeadRecord& lead);

} // namespace ileadx
