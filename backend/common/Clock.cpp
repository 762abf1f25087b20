#include "common/Clock.h"

#include <Poco/Timestamp.h>

#include <cstdio>
#include <ctime>

namespace ileadx {

EpochMillis nowMillis()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

std::string formatIso8601(EpochMillis millis)
{
    // gmtime_r and snprintf in place of Poco::DateTimeFormatter, which parses its format string on
    // every call; exports format one time per row. The output is the same, such as
    // "2026-03-01T08:00:00.250Z".
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000 - (millis % 1000 < 0 ? 1 : 0));
    const int fraction = static_cast<int>(((millis % 1000) + 1000) % 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[96]; // room for any int in each field, which -Wformat-truncation checks
    std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, fraction);
    return text;
}

} // namespace ileadx
