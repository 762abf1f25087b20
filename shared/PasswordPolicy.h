#pragma once

#include <cstddef>
#include <string_view>

namespace ileadx {

/// Password rules after NIST SP 800-63B section 5.1.1.2: a length window counted in Unicode code
/// points, any characters allowed, nothing truncated. The common-password check needs a list, so the
/// server adds it on top of this.
struct PasswordPolicy
{
    static constexpr std::size_t kMinimumLength = 12;
    static constexpr std::size_t kMaximumLength = 256;

    enum class Verdict
    {
        Accepted,
        TooShort,
        TooLong,
        InvalidEncoding,
        ContainsEmail,
    };

    /// Checks `password` (UTF-8) against the length rules and rejects one that contains the
    /// account's email address or its local part.
    static Verdict check(std::string_view password, std::string_view email = {});

    /// Counts code points in valid UTF-8; returns `npos` for invalid UTF-8.
    static std::size_t codePointCount(std::string_view utf8);

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

} // namespace ileadx
