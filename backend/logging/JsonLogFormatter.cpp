#include "logging/JsonLogFormatter.h"

#include "common/Clock.h"
#include "logging/LogEvent.h"

#include <Poco/Message.h>

namespace ileadx {

namespace {

std::string_view levelName(Poco::Message::Priority priority)
{
    switch (priority) {
    case Poco::Message::PRIO_FATAL:
        return "fatal";
    case Poco::Message::PRIO_CRITICAL:
        return "critical";
    case Poco::Message::PRIO_ERROR:
        return "error";
    case Poco::Message::PRIO_WARNING:
        return "warning";
    case Poco::Message::PRIO_NOTICE:
        return "notice";
    case Poco::Message::PRIO_INFORMATION:
        return "information";
    case Poco::Message::PRIO_DEBUG:
        return "debug";
    case Poco::Message::PRIO_TRACE:
        return "trace";
    }
    return "unknown";
}

void appendString(std::string& text, const std::string& value)
{
    text += toJsonString(value);
}

} // namespace

void JsonLogFormatter::format(const Poco::Message& message, std::string& text)
{
    const std::string messageParameter(kLogMessageParameter);
    const std::string fieldsParameter(kLogFieldsParameter);
    const bool structured = message.has(messageParameter) && message.has(fieldsParameter);

    text += "{\"time\":";
    appendString(text, formatIso8601(message.getTime().epochMicroseconds() / 1000));
    text += ",\"level\":";
    appendString(text, std::string(levelName(message.getPriority())));
    text += ",\"logger\":";
    appendString(text, message.getSource());
    text += ",\"message\":";
    appendString(text, structured ? message.get(messageParameter) : message.getText());
    text += ",\"fields\":";
    // LogEvent wrote the fields as a JSON object already.
    text += structured ? message.get(fieldsParameter) : std::string("{}");
    text += '}';
}

} // namespace ileadx
