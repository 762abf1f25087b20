#pragma once

#include <optional>
#include <string>

namespace ileadx {

/// Makes, hashes and seals opaque refresh tokens.
///
/// A token is 256 random bits in base64url. The database keeps only its SHA-256 hash. When a token
/// is rotated, its successor is sealed (libsodium secretbox) under a key derived from the old token
/// itself, so the server can hand the same successor to a retry of the old token but nobody who
/// reads the database, without the old token, can recover it.
namespace RefreshTokenCodec {

std::string generate();

std::string hash(const std::string& token);

/// Returns nonce and ciphertext of `successor` under a key derived from `token`, as base64.
std::string sealSuccessor(const std::string& token, const std::string& successor);

/// Opens a box made by sealSuccessor(); returns nothing when `token` is not the one that sealed it.
std::optional<std::string> openSuccessor(const std::string& token, const std::string& box);

} // namespace RefreshTokenCodec

} // namespace ileadx
