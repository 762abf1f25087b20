#pragma once

#include <Poco/Formatter.h>

namespace ileadx {

/// Formats each log message as one JSON object on one line, for log collectors:
/// {"time":"2026-01-02T03:04:05.678Z","level":"information","logger":"ileadx.http","message":"...","fields":{...}}.
/// `time` is UTC with milliseconds. `fields` holds a LogEvent's named fields and is empty for a
/// message logged as plain text. Characters outside ASCII are written as \u escapes.
class JsonLogFormatter final : public Poco::Formatter
{
public:
    void format(const Poco::Message& message, std::string& text) override;
};

} // namespace ileadx
