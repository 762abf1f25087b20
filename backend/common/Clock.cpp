#include "common/Clock.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace ileadx {

EpochMillis nowMillis()
{
    return Poco::Timestamp().epochMicroseconds() / 1000;
}

std::string formatIso8601(EpochMillis millis)
{
    const Poco::Timestamp timestamp(static_cast<Poco::Timestamp::TimeVal>(millis) * 1000);
    return Poco::DateTimeFormatter::format(timestamp, "%Y-%m-%dT%H:%M:%S.%iZ");
}

} // namespace ileadx
