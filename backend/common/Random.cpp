#include "common/Random.h"

#include <sodium.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace ileadx {

std::string randomBytes(std::size_t count)
{
    std::string bytes(count, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

std::string randomToken(std::size_t byteCount)
{
    const std::string bytes = randomBytes(byteCount);
    const std::size_t capacity =
        sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    std::vector<char> text(capacity);
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(text.data());
}

std::string newId()
{
    return toHex(randomBytes(16));
}

std::string newRequestId()
{
    static const std::string prefix = toHex(randomBytes(8));
    static std::atomic<std::uint64_t> counter{0};

    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(++counter));
    return prefix + suffix;
}

std::string toHex(const std::string& bytes)
{
    std::vector<char> text(bytes.size() * 2 + 1);
    sodium_bin2hex(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return std::string(text.data(), bytes.size() * 2);
}

std::string sha256Hex(const std::string& data)
{
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest);
}

} // namespace ileadx
