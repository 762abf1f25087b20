#include "twofactor/RecoveryCodes.h"

#include "common/Random.h"

#include <sodium.h>

#include <cctype>
#include <string_view>

namespace ileadx::recovery {

namespace {

constexpr std::string_view kAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";
constexpr int kGroups = 3;
constexpr int kGroupLength = 4;

} // namespace

std::vector<std::string> generate(int count)
{
    std::vector<std::string> codes;
    codes.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        std::string code;
        for (int group = 0; group < kGroups; ++group) {
            if (group > 0) {
                code += '-';
            }
            for (int c = 0; c < kGroupLength; ++c) {
                code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
            }
        }
        codes.push_back(code);
    }
    return codes;
}

std::string normalize(const std::string& code)
{
    std::string normalized;
    for (const char c : code) {
        if (c != '-' && c != ' ') {
            normalized += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return normalized;
}

std::string hash(const std::string& code)
{
    return sha256Hex(normalize(code));
}

} // namespace ileadx::recovery
