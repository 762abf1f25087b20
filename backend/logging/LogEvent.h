#pragma once

#include <Poco/Message.h>

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace Poco {
class Logger;
}

namespace ileadx {

/// Message parameters that carry a LogEvent's structured form to JsonLogFormatter.
inline constexpr std::string_view kLogMessageParameter = "ileadx.message";
inline constexpr std::string_view kLogFieldsParameter = "ileadx.fields";

/// One log event with named fields. The plain format shows it as "message name=value ...", the
/// json format as a "message" string and a "fields" object whose numbers stay JSON numbers.
class LogEvent final
{
public:
    explicit LogEvent(std::string message);

    LogEvent& add(std::string_view name, std::string_view value);

    /// Adds a text field that is "-" in the plain format and null in JSON when absent.
    LogEvent& addOptional(std::string_view name, const std::optional<std::string>& value);

    LogEvent& add(std::string_view name, long long value);

    /// Adds a number written with `decimals` digits after the point.
    LogEvent& add(std::string_view name, double value, int decimals);

    /// Sends the event to `logger` when `priority` is enabled there.
    void log(Poco::Logger& logger, Poco::Message::Priority priority) const;

private:
    void addRaw(std::string_view name, const std::string& plainValue, const std::string& jsonValue);

    std::string m_message;
    std::string m_plainFields;
    std::string m_jsonFields;
};

/// Returns `text` as a quoted JSON string, with characters outside ASCII written as \u escapes
/// (a byte that is not valid UTF-8 as its Latin-1 character), so every log line is plain ASCII.
std::string toJsonString(std::string_view text);

/// Returns the text to log for a caught exception: Poco's display text, which holds the message
/// that what() leaves out, or what() of any other exception.
std::string errorText(const std::exception& error);

} // namespace ileadx
