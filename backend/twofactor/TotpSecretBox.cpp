#include "twofactor/TotpSecretBox.h"

#include "common/Random.h"
#include "common/SecretFile.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>

#include <sodium.h>

namespace ileadx {

TotpSecretBox::TotpSecretBox(std::string key)
    : m_key(std::move(key))
{
    if (m_key.size() != crypto_secretbox_KEYBYTES) {
        throw Poco::InvalidArgumentException("the TOTP secret key must have " +
                                             std::to_string(crypto_secretbox_KEYBYTES) + " bytes");
    }
}

TotpSecretBox TotpSecretBox::fromDataDirectory(const std::string& dataDirectory)
{
    const std::string path = Poco::Path(dataDirectory).append(kKeyFileName).toString();
    return TotpSecretBox(loadOrCreateSecret(path, crypto_secretbox_KEYBYTES));
}

std::string TotpSecretBox::seal(const std::string& secret) const
{
    std::string box = randomBytes(crypto_secretbox_NONCEBYTES);
    box.resize(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + secret.size());
    auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    auto* cipher = reinterpret_cast<unsigned char*>(box.data()) + crypto_secretbox_NONCEBYTES;
    crypto_secretbox_easy(cipher, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nonce,
                          reinterpret_cast<const unsigned char*>(m_key.data()));

    std::string text(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.size() - 1); // drops the terminating NUL that sodium counts in
    return text;
}

std::optional<std::string> TotpSecretBox::open(const std::string& sealed) const
{
    std::string box(sealed.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(), sealed.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
        return std::nullopt;
    }
    if (length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        return std::nullopt;
    }

    std::string secret(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    const auto* cipher = nonce + crypto_secretbox_NONCEBYTES;
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(secret.data()), cipher,
                                   length - crypto_secretbox_NONCEBYTES, nonce,
                                   reinterpret_cast<const unsigned char*>(m_key.data())) != 0) {
        return std::nullopt;
    }
    return secret;
}

} // namespace ileadx
