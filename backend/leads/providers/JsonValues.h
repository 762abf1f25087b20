#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace ileadx::leads {

/// Parses a provider's JSON reply. Throws ProviderError (MalformedResponse) naming `source`
/// when the text is not JSON.
Poco::Dynamic::Var parseProviderJson(const std::string& text, const std::string& source);

/// Returns the member when it is a JSON string, else an empty string.
std::string jsonString(const Poco::JSON::Object& object, const std::string& key);
/// Returns the member when it is a JSON number, else nothing.
std::optional<double> jsonNumber(const Poco::JSON::Object& object, const std::string& key);
/// Returns the member when it is a JSON object, else null.
Poco::JSON::Object::Ptr jsonObject(const Poco::JSON::Object& object, const std::string& key);
/// Returns the member when it is a JSON array, else null.
Poco::JSON::Array::Ptr jsonArray(const Poco::JSON::Object& object, const std::string& key);

} // namespace ileadx::leads
