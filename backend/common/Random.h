#pragma once

#include <cstddef>
#include <string>

namespace ileadx {

/// Returns `count` bytes from libsodium's cryptographically secure generator.
std::string randomBytes(std::size_t count);

/// Returns `byteCount` random bytes as unpadded base64url text, for tokens and passwords.
std::string randomToken(std::size_t byteCount);

/// Returns a new random identifier: 128 bits as 32 lowercase hex digits.
std::string newId();

/// Returns a unique request identifier of 32 hex digits: a random prefix chosen at start-up and
/// a counter. Cheaper than newId() because it makes no system call; not for secrets.
std::string newRequestId();

/// Encodes bytes as lowercase hex.
std::string toHex(const std::string& bytes);

/// Returns the SHA-256 digest of `data` as lowercase hex.
std::string sha256Hex(const std::string& data);

} // namespace ileadx
