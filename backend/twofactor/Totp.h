#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ileadx::totp {

/// Time-based one-time passwords as RFC 6238 defines them and authenticator apps expect them:
/// HMAC-SHA-1, 30-second steps counted from the Unix epoch, 6 digits. liboath computes the codes.

inline constexpr unsigned kDigits = 6;
inline constexpr unsigned kPeriodSeconds = 30;
inline constexpr std::size_t kSecretBytes = 20;
/// Steps accepted on either side of the current one, for clocks that drift or a slow typist.
inline constexpr std::int64_t kAllowedDriftSteps = 1;

/// Returns a new secret of kSecretBytes random bytes from libsodium.
std::string generateSecret();

/// Encodes a secret as unpadded RFC 4648 base32, the form authenticator apps accept.
std::string toBase32(const std::string& secret);

/// Decodes base32 text (padding and lowercase accepted); returns nothing for invalid text.
std::optional<std::string> fromBase32(const std::string& text);

/// Returns the number of the time step that `unixSeconds` falls into.
std::int64_t timeStep(std::int64_t unixSeconds);

/// Returns the code of `secret` for the step that `unixSeconds` falls into, with `digits` digits
/// (6 to 8). Throws Poco::Exception when liboath fails.
std::string code(const std::string& secret, std::int64_t unixSeconds, unsigned digits = kDigits);

/// Checks a 6-digit `candidate` against the steps within kAllowedDriftSteps of `unixSeconds`, skipping
/// every step at or before `lastAcceptedStep`, so a code is never accepted twice. Returns the
/// matching step, which the caller stores as the new last accepted step, or nothing.
std::optional<std::int64_t> verify(const std::string& secret, const std::string& candidate, std::int64_t unixSeconds,
                                   std::optional<std::int64_t> lastAcceptedStep);

/// Returns the otpauth://totp URI an authenticator app reads from a QR code.
std::string provisioningUri(const std::string& issuer, const std::string& account, const std::string& base32Secret);

} // namespace ileadx::totp
