#include "twofactor/Totp.h"

#include "common/Random.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <liboath/oath.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace ileadx::totp {

namespace {

void initializeOath()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const int result = oath_init();
        if (result != OATH_OK) {
            throw Poco::RuntimeException("liboath initialisation failed", oath_strerror(result));
        }
    });
}

// liboath returns buffers from malloc() that the caller frees.
struct FreeDeleter
{
    void operator()(char* buffer) const { std::free(buffer); }
};

std::string percentEncoded(const std::string& text)
{
    // Everything outside the RFC 3986 unreserved set is encoded, including ':', '@' and '/'.
    std::string encoded;
    Poco::URI::encode(text, ":/?#[]@!$&'()*+,;=% ", encoded);
    return encoded;
}

} // namespace

std::string generateSecret()
{
    return randomBytes(kSecretBytes);
}

std::string toBase32(const std::string& secret)
{
    initializeOath();
    char* output = nullptr;
    std::size_t length = 0;
    const int result = oath_base32_encode(secret.data(), secret.size(), &output, &length);
    const std::unique_ptr<char, FreeDeleter> owned(output);
    if (result != OATH_OK) {
        throw Poco::RuntimeException("base32 encoding failed", oath_strerror(result));
    }
    std::string text(output, length);
    text.erase(std::remove(text.begin(), text.end(), '='), text.end());
    return text;
}

std::optional<std::string> fromBase32(const std::string& text)
{
    initializeOath();
    std::string normalized;
    for (const char c : text) {
        if (c != ' ' && c != '-') {
            normalized += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    // Secrets are often written without padding, so it is added before liboath decodes them.
    while (normalized.size() % 8 != 0) {
        normalized += '=';
    }
    char* output = nullptr;
    std::size_t length = 0;
    const int result = oath_base32_decode(normalized.data(), normalized.size(), &output, &length);
    const std::unique_ptr<char, FreeDeleter> owned(output);
    if (result != OATH_OK || output == nullptr) {
        return std::nullopt;
    }
    return std::string(output, length);
}

std::int64_t timeStep(std::int64_t unixSeconds)
{
    return unixSeconds / static_cast<std::int64_t>(kPeriodSeconds);
}

std::string code(const std::string& secret, std::int64_t unixSeconds, unsigned digits)
{
    initializeOath();
    std::string output(digits + 1, '\0');
    // Flags 0 select HMAC-SHA-1, the algorithm that provisioningUri() announces.
    const int flags = 0;
    const int result = oath_totp_generate2(secret.data(), secret.size(), static_cast<time_t>(unixSeconds),
                                           kPeriodSeconds, 0, digits, flags, output.data());
    if (result != OATH_OK) {
        throw Poco::RuntimeException("TOTP generation failed", oath_strerror(result));
    }
    output.resize(digits);
    return output;
}

std::optional<std::int64_t> verify(const std::string& secret, const std::string& candidate, std::int64_t unixSeconds,
                                   std::optional<std::int64_t> lastAcceptedStep)
{
    if (candidate.size() != kDigits ||
        !std::all_of(candidate.begin(), candidate.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }

    // Every step in the window is computed and compared in constant time, so the time taken does
    // not tell which step, if any, matched.
    const std::int64_t current = timeStep(unixSeconds);
    std::optional<std::int64_t> matched;
    for (std::int64_t step = current - kAllowedDriftSteps; step <= current + kAllowedDriftSteps; ++step) {
        const std::string expected = code(secret, step * static_cast<std::int64_t>(kPeriodSeconds));
        const bool equal = sodium_memcmp(expected.data(), candidate.data(), kDigits) == 0;
        const bool fresh = !lastAcceptedStep || step > *lastAcceptedStep;
        if (equal && fresh && !matched) {
            matched = step;
        }
    }
    return matched;
}

std::string provisioningUri(const std::string& issuer, const std::string& account, const std::string& base32Secret)
{
    const std::string encodedIssuer = percentEncoded(issuer);
    return "otpauth://totp/" + encodedIssuer + ":" + percentEncoded(account) + "?secret=" + base32Secret +
           "&issuer=" + encodedIssuer + "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
           "&period=" + std::to_string(kPeriodSeconds);
}

} // namespace ileadx::totp
