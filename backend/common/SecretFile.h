#pragma once

#include <cstddef>
#include <string>

namespace ileadx {

/// Reads the secret stored in `path`, or creates the file with `byteCount` fresh random bytes and
/// owner-only permissions (0600) when it does not exist yet. Throws Poco::Exception when the file
/// cannot be read or written, or holds fewer than `byteCount` bytes.
std::string loadOrCreateSecret(const std::string& path, std::size_t byteCount);

} // namespace ileadx
