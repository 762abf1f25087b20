#pragma once

#include <optional>
#include <string>

namespace ileadx {

/// Encrypts TOTP secrets for storage with libsodium's secretbox (XSalsa20-Poly1305) under a key
/// kept in a file in the data folder, outside the database.
///
/// What this protects against: a copy of the database alone (a dump, a backup, a replica) does not
/// reveal the secrets, so it cannot be used to produce valid codes. An attacker who also has the
/// data folder, or controls the running server, can still decrypt them.
class TotpSecretBox final
{
public:
    /// Name of the key file inside the data folder.
    static constexpr const char* kKeyFileName = "totp-secret.key";

    /// Takes a key of crypto_secretbox_KEYBYTES bytes; throws Poco::InvalidArgumentException otherwise.
    explicit TotpSecretBox(std::string key);

    /// Loads the key from `dataDirectory`, creating the key file with owner-only permissions on
    /// first use, as the JWT signing key is created.
    static TotpSecretBox fromDataDirectory(const std::string& dataDirectory);

    /// Returns a random nonce followed by the ciphertext, as unpadded base64url text for a TEXT column.
    std::string seal(const std::string& secret) const;

    /// Returns the secret, or nothing when `sealed` was not made with this key or was altered.
    std::optional<std::string> open(const std::string& sealed) const;

private:
    std::string m_key;
};

} // namespace ileadx
