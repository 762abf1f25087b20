#include "auth/RefreshTokenCodec.h"

#include "common/Random.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <sodium.h>

#include <array>
#include <sstream>
#include <vector>

namespace ileadx::RefreshTokenCodec {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::string_view kSealContext = "ileadx refresh successor v1";

std::array<unsigned char, crypto_secretbox_KEYBYTES> deriveKey(const std::string& token)
{
    std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       reinterpret_cast<const unsigned char*>(kSealContext.data()), kSealContext.size());
    return key;
}

std::string toBase64(const std::string& bytes)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::string fromBase64(const std::string& text)
{
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string bytes((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return bytes;
}

} // namespace

std::string generate()
{
    return randomToken(kTokenBytes);
}

std::string hash(const std::string& token)
{
    return sha256Hex(token);
}

std::string sealSuccessor(const std::string& token, const std::string& successor)
{
    const auto key = deriveKey(token);
    std::string box = randomBytes(crypto_secretbox_NONCEBYTES);
    box.resize(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + successor.size());
    auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
    auto* cipher = reinterpret_cast<unsigned char*>(box.data() + crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(cipher, reinterpret_cast<const unsigned char*>(successor.data()), successor.size(), nonce,
                          key.data());
    return toBase64(box);
}

std::optional<std::string> openSuccessor(const std::string& token, const std::string& box)
{
    std::string bytes;
    try {
        bytes = fromBase64(box);
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
    if (bytes.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        return std::nullopt;
    }

    const auto key = deriveKey(token);
    const std::size_t cipherSize = bytes.size() - crypto_secretbox_NONCEBYTES;
    std::string successor(cipherSize - crypto_secretbox_MACBYTES, '\0');
    auto* nonce = reinterpret_cast<const unsigned char*>(bytes.data());
    auto* cipher = reinterpret_cast<const unsigned char*>(bytes.data() + crypto_secretbox_NONCEBYTES);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(successor.data()), cipher, cipherSize, nonce,
                                   key.data()) != 0) {
        return std::nullopt;
    }
    return successor;
}

} // namespace ileadx::RefreshTokenCodec
