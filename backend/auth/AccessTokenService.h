#pragma once

#include "common/Clock.h"
#include "shared/Role.h"

#include <Poco/JWT/Signer.h>

#include <chrono>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>

namespace ileadx {

/// The claims of a verified access token.
struct AccessClaims
{
    std::string userId;    ///< `sub`
    std::string sessionId; ///< `sid`
    std::string tokenId;   ///< `jti`
    Role role = Role::User;
    EpochMillis issuedAt = 0;
    EpochMillis expiresAt = 0;
    /// Set from the session, not the token: the session may only set up two-factor sign-in.
    bool enrollmentOnly = false;
};

/// Issues and verifies access tokens: JWTs signed with HS256 and nothing else. Verification
/// checks the signature, `alg`, `iss`, `aud` and `exp` (with a small clock skew) and that every
/// claim the server relies on is present. It does not check whether the session is still active;
/// SessionGuard does.
class AccessTokenService final
{
public:
    struct Settings
    {
        std::string issuer = "ileadx";
        std::string audience = "ileadx-api";
        std::chrono::seconds lifetime{8 * 3600};
        std::chrono::seconds clockSkew{60};
    };

    /// `signingKey` must hold at least 32 bytes; throws Poco::InvalidArgumentException otherwise.
    AccessTokenService(const std::string& signingKey, Settings settings);

    std::string issue(const std::string& userId, const std::string& sessionId, Role role, EpochMillis at) const;

    /// Returns the claims of a valid token, or nothing for any token that fails a check.
    std::optional<AccessClaims> tryVerify(const std::string& jwt, EpochMillis at) const;

    std::chrono::seconds lifetime() const { return m_settings.lifetime; }

private:
    std::optional<AccessClaims> verifySignedToken(const std::string& jwt) const;

    // Past this many entries the cache is cleared rather than grown, which bounds its memory.
    static constexpr std::size_t kMaxCachedTokens = 20000;

    Poco::JWT::Signer m_signer;
    Settings m_settings;

    // Tokens whose signature and fixed claims already checked out. Poco builds its algorithm
    // factory on every verification, which costs more than the HMAC itself; time-dependent checks
    // still run on every call.
    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::string, AccessClaims> m_verified;
};

} // namespace ileadx
