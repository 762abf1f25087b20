#include "logging/LogEvent.h"

#include <Poco/Exception.h>
#include <Poco/JSONString.h>
#include <Poco/Logger.h>
#include <Poco/NumberFormatter.h>

#include <cmath>

namespace ileadx {

std::string toJsonString(std::string_view text)
{
    std::string quoted = Poco::toJSON(std::string(text), Poco::JSON_WRAP_STRINGS | Poco::JSON_ESCAPE_UNICODE);

    // Poco writes '/' as "\/", which JSON allows but which hides paths from a plain text search.
    // Every '/' comes out as that escape, and no other escape ends in '/', so each "\/" is one.
    std::string::size_type position = 0;
    while ((position = quoted.find("\\/", position)) != std::string::npos) {
        quoted.erase(position, 1);
        ++position;
    }
    return quoted;
}

LogEvent::LogEvent(std::string message)
    : m_message(std::move(message))
{
}

LogEvent& LogEvent::add(std::string_view name, std::string_view value)
{
    addRaw(name, std::string(value), toJsonString(value));
    return *this;
}

LogEvent& LogEvent::addOptional(std::string_view name, const std::optional<std::string>& value)
{
    if (value) {
        return add(name, std::string_view(*value));
    }
    addRaw(name, "-", "null");
    return *this;
}

LogEvent& LogEvent::add(std::string_view name, long long value)
{
    const std::string text = std::to_string(value);
    addRaw(name, text, text);
    return *this;
}

LogEvent& LogEvent::add(std::string_view name, double value, int decimals)
{
    // JSON has no literal for NaN or infinity.
    if (!std::isfinite(value)) {
        addRaw(name, "-", "null");
        return *this;
    }
    const std::string text = Poco::NumberFormatter::format(value, decimals);
    addRaw(name, text, text);
    return *this;
}

void LogEvent::addRaw(std::string_view name, const std::string& plainValue, const std::string& jsonValue)
{
    m_plainFields += ' ';
    m_plainFields += name;
    m_plainFields += '=';
    m_plainFields += plainValue;

    if (!m_jsonFields.empty()) {
        m_jsonFields += ',';
    }
    m_jsonFields += toJsonString(name);
    m_jsonFields += ':';
    m_jsonFields += jsonValue;
}

void LogEvent::log(Poco::Logger& logger, Poco::Message::Priority priority) const
{
    if (!logger.is(priority)) {
        return;
    }
    Poco::Message message(logger.name(), m_message + m_plainFields, priority);
    message.set(std::string(kLogMessageParameter), m_message);
    message.set(std::string(kLogFieldsParameter), "{" + m_jsonFields + "}");
    logger.log(message);
}

std::string errorText(const std::exception& error)
{
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&error)) {
        return poco->displayText();
    }
    return error.what();
}

} // namespace ileadx
