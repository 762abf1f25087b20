#include "auth/AccessTokenService.h"

#include "common/Random.h"

#include <Poco/Exception.h>
#include <Poco/JWT/Token.h>

namespace ileadx {

namespace {

constexpr std::size_t kMinimumKeyBytes = 32;
constexpr const char* kSessionClaim = "sid";
constexpr const char* kRoleClaim = "role";

Poco::Timestamp toTimestamp(EpochMillis millis)
{
    return Poco::Timestamp(static_cast<Poco::Timestamp::TimeVal>(millis) * 1000);
}

EpochMillis toMillis(const Poco::Timestamp& timestamp)
{
    return timestamp.epochMicroseconds() / 1000;
}

} // namespace

AccessTokenService::AccessTokenService(const std::string& signingKey, Settings settings)
    : m_signer(signingKey)
    , m_settings(std::move(settings))
{
    if (signingKey.size() < kMinimumKeyBytes) {
        throw Poco::InvalidArgumentException("the JWT signing key must hold at least 32 bytes");
    }
    // Only HS256 is accepted: a token whose header names "none", HS512 or RS256 fails verification.
    m_signer.setAlgorithms({Poco::JWT::Signer::ALGO_HS256});
}

std::string AccessTokenService::issue(const std::string& userId, const std::string& sessionId, Role role,
                                      EpochMillis at) const
{
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer(m_settings.issuer);
    token.setAudience(m_settings.audience);
    token.setSubject(userId);
    token.setId(newId());
    // NumericDate claims are whole seconds; Poco would otherwise write a fraction.
    const EpochMillis issuedAt = at - at % 1000;
    token.setIssuedAt(toTimestamp(issuedAt));
    token.setExpiration(toTimestamp(issuedAt + std::chrono::milliseconds(m_settings.lifetime).count()));
    token.payload().set(kSessionClaim, sessionId);
    token.payload().set(kRoleClaim, std::string(roleName(role)));
    return m_signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

std::optional<AccessClaims> AccessTokenService::tryVerify(const std::string& jwt, EpochMillis at) const
{
    std::optional<AccessClaims> claims;
    {
        std::lock_guard lock(m_cacheMutex);
        const auto found = m_verified.find(jwt);
        if (found != m_verified.end()) {
            claims = found->second;
        }
    }
    if (!claims) {
        claims = verifySignedToken(jwt);
        if (!claims) {
            return std::nullopt;
        }
        std::lock_guard lock(m_cacheMutex);
        if (m_verified.size() >= kMaxCachedTokens) {
            m_verified.clear();
        }
        m_verified.emplace(jwt, *claims);
    }

    const EpochMillis skew = std::chrono::milliseconds(m_settings.clockSkew).count();
    if (claims->expiresAt + skew <= at || claims->issuedAt - skew > at) {
        return std::nullopt;
    }
    return claims;
}

std::optional<AccessClaims> AccessTokenService::verifySignedToken(const std::string& jwt) const
{
    Poco::JWT::Token token;
    try {
        if (!m_signer.tryVerify(jwt, token)) {
            return std::nullopt;
        }
    } catch (const Poco::Exception&) {
        // A token that is not even well-formed JSON is as invalid as one with a bad signature.
        return std::nullopt;
    }

    if (token.getAlgorithm() != Poco::JWT::Signer::ALGO_HS256 || token.getIssuer() != m_settings.issuer) {
        return std::nullopt;
    }
    const std::vector<std::string> audiences = token.getAudience();
    if (audiences.size() != 1 || audiences.front() != m_settings.audience) {
        return std::nullopt;
    }

    const auto& payload = token.payload();
    if (!payload.has("exp") || !payload.has("iat") || !payload.has("sub") || !payload.has("jti") ||
        !payload.has(kSessionClaim) || !payload.has(kRoleClaim)) {
        return std::nullopt;
    }

    AccessClaims claims;
    try {
        claims.expiresAt = toMillis(token.getExpiration());
        claims.issuedAt = toMillis(token.getIssuedAt());
        claims.userId = token.getSubject();
        claims.tokenId = token.getId();
        claims.sessionId = payload.getValue<std::string>(kSessionClaim);
        const std::optional<Role> role = parseRole(payload.getValue<std::string>(kRoleClaim));
        if (!role) {
            return std::nullopt;
        }
        claims.role = *role;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }

    if (claims.userId.empty() || claims.sessionId.empty()) {
        return std::nullopt;
    }
    return claims;
}

} // namespace ileadx
