#pragma once

#include <string>
#include <vector>

namespace ileadx::recovery {

/// Single-use recovery codes for accounts with two-factor authentication, shown once at enrollment.

inline constexpr int kCodeCount = 10;

/// Returns `count` new codes like `k7m2-9xqp-4hwd`: 12 characters from an alphabet without look-alikes
/// (no 0/o, 1/l/i), about 59 bits of randomness each.
std::vector<std::string> generate(int count = kCodeCount);

/// Returns the form a code is compared in: lowercase, without dashes and spaces.
std::string normalize(const std::string& code);

/// Returns the SHA-256 hash stored for a code. Passwords need a slow hash because people choose
/// them, but each code carries about 59 random bits, so guessing one from a leaked hash is out of
/// reach even with a fast hash.
std::string hash(const std::string& code);

} // namespace ileadx::recovery
