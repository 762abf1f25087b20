#include "shared/PasswordPolicy.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ileadx {

namespace {

std::string toLower(std::string_view text)
{
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lowered;
}

// Returns the byte count of the UTF-8 sequence that starts with `lead`, or 0 for an invalid lead.
std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

} // namespace

std::size_t PasswordPolicy::codePointCount(std::string_view utf8)
{
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t length = sequenceLength(static_cast<unsigned char>(utf8[i]));
        if (length == 0 || i + length > utf8.size()) {
            return npos;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(utf8[i + k]) & 0xC0) != 0x80) {
                return npos;
            }
        }
        i += length;
        ++count;
    }
    return count;
}

PasswordPolicy::Verdict PasswordPolicy::check(std::string_view password, std::string_view email)
{
    const std::size_t length = codePointCount(password);
    if (length == npos) {
        return Verdict::InvalidEncoding;
    }
    if (length < kMinimumLength) {
        return Verdict::TooShort;
    }
    if (length > kMaximumLength) {
        return Verdict::TooLong;
    }

    // A password built from the account's own address is the first guess of any attacker.
    const std::string lowered = toLower(password);
    const std::string_view localPart = email.substr(0, email.find('@'));
    if (!email.empty() && lowered.find(toLower(email)) != std::string::npos) {
        return Verdict::ContainsEmail;
    }
    if (localPart.size() >= 4 && lowered.find(toLower(localPart)) != std::string::npos) {
        return Verdict::ContainsEmail;
    }
    return Verdict::Accepted;
}

} // namespace ileadx
