#pragma once

#include "leads/extract/Extraction.h"

#include <QStringList>

#include <cstdio>
#include <string>
#include <vector>

namespace ileadx::leads::test {

// The rules file the tests read, from the source tree (set by CMake).
inline std::string technologyRulesPath()
{
    return ILEADX_TECHNOLOGY_RULES;
}

// Wraps `body` in a minimal HTML5 page.
inline std::string page(const std::string& body, const std::string& head = {})
{
    return "<!DOCTYPE html><html><head><title>Acme</title>" + head + "</head><body>" + body + "</body></html>";
}

inline QStringList toList(const std::vector<std::string>& values)
{
    QStringList list;
    for (const std::string& value : values) {
        list << QString::fromStdString(value);
    }
    return list;
}

inline QStringList e164List(const std::vector<PhoneNumber>& numbers)
{
    QStringList list;
    for (const PhoneNumber& number : numbers) {
        list << QString::fromStdString(number.e164);
    }
    return list;
}

// Encodes `email` the way Cloudflare's email obfuscation does: the key byte, then each byte XOR key.
inline std::string cloudflareHex(const std::string& email, unsigned char key)
{
    std::string hex;
    char byte[3];
    std::snprintf(byte, sizeof byte, "%02x", key);
    hex += byte;
    for (const char c : email) {
        std::snprintf(byte, sizeof byte, "%02x", static_cast<unsigned char>(c) ^ key);
        hex += byte;
    }
    return hex;
}

} // namespace ileadx::leads::test
