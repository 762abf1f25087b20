#pragma once

#include <QLatin1StringView>

#include <string_view>

/// Converts a JSON field name from shared/WireNames.h into the key type that QJsonObject accepts.
inline QLatin1StringView wireKey(std::string_view name)
{
    return QLatin1StringView(name.data(), static_cast<qsizetype>(name.size()));
}
