#include "leads/providers/JsonValues.h"

#include "leads/providers/ListingProvider.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

namespace ileadx::leads {

Poco::Dynamic::Var parseProviderJson(const std::string& text, const std::string& source)
{
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text);
    } catch (const Poco::Exception& error) {
        throw ProviderError(ProviderErrorKind::MalformedResponse, source + " is not valid JSON: " + error.message());
    }
}

std::string jsonString(const Poco::JSON::Object& object, const std::string& key)
{
    const Poco::Dynamic::Var value = object.get(key);
    return value.isString() ? value.extract<std::string>() : std::string();
}

std::optional<double> jsonNumber(const Poco::JSON::Object& object, const std::string& key)
{
    const Poco::Dynamic::Var value = object.get(key);
    // Poco counts booleans as numeric, but JSON true is not the number 1.
    if (value.isEmpty() || value.isString() || value.isBoolean() || !value.isNumeric()) {
        return std::nullopt;
    }
    return value.convert<double>();
}

Poco::JSON::Object::Ptr jsonObject(const Poco::JSON::Object& object, const std::string& key)
{
    return object.isObject(key) ? object.getObject(key) : nullptr;
}

Poco::JSON::Array::Ptr jsonArray(const Poco::JSON::Object& object, const std::string& key)
{
    return object.isArray(key) ? object.getArray(key) : nullptr;
}

} // namespace ileadx::leads
