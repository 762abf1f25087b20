#pragma once

#include "audit/AuditLog.h"
#include "auth/AccessTokenService.h"
#include "auth/ClientInfo.h"
#include "common/Clock.h"
#include "ratelimit/SignInThrottle.h"
#include "storage/UserRepository.h"
#include "users/UserCache.h"

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace ileadx {

class CommonPasswordList;
class Database;
class PasswordHasher;
class SessionGuard;

/// The result of a successful sign-in or refresh.
struct TokenPair
{
    std::string accessToken;
    std::int64_t accessExpiresInSeconds = 0;
    std::string refreshToken;
    std::int64_t refreshExpiresInSeconds = 0;
    std::string sessionId;
    std::string scope; ///< SessionRecord::kFullScope or kEnrollmentScope
    UserRecord user;
};

/// The outcome of a correct password: tokens, or a challenge when the account also needs a code.
struct SignInResult
{
    std::optional<TokenPair> tokens;
    std::string challenge; ///< set when the second step is due; single-use
    std::int64_t challengeExpiresInSeconds = 0;
};

/// Accounts and tokens: registration, sign-in, refresh-token rotation, sign-out and the access
/// check every authenticated request goes through.
class AuthService final
{
public:
    struct Settings
    {
        std::chrono::seconds refreshLifetime{7 * 24 * 3600};
        std::chrono::seconds rememberMeLifetime{30 * 24 * 3600};
        /// How long a retry of the immediately previous refresh token still receives its successor.
        std::chrono::milliseconds reuseGrace{10000};
        /// Maximum lifetime of a session, however often it is refreshed.
        std::chrono::seconds absoluteLifetime{90 * 24 * 3600};
        /// Maximum number of active sessions per user. Signing in beyond it revokes the oldest.
        int maxSessionsPerUser = 10;
        /// Progressive delay of sign-ins for an address after failed ones.
        SignInThrottle::Settings signInThrottle;
        /// Whether admins and super admins without two-factor sign-in get sessions that may only enrol.
        bool requireTwoFactorForAdmins = true;
        /// How long the challenge between the password step and the code step stays valid.
        std::chrono::seconds challengeLifetime{300};
    };

    AuthService(Database& database, PasswordHasher& hasher, AccessTokenService& tokens, SessionGuard& sessions,
                const CommonPasswordList& commonPasswords, Settings settings);

    /// Creates a `user` account. It returns normally whether or not the address was already taken,
    /// so callers cannot learn which addresses are registered. It throws ApiException for an invalid
    /// address or a password that breaks the password rules.
    void registerUser(const std::string& email, const std::string& password);

    /// Creates an account with `role`, for operator commands. Throws ApiException like
    /// registerUser() and Poco::ExistsException when the address is taken.
    UserRecord createAccount(const std::string& email, const std::string& password, Role role);

    /// Checks the password and opens a session, or returns a challenge for accounts with two-factor
    /// sign-in. Unknown addresses and wrong passwords throw the same ApiException after the same
    /// amount of hashing work. After repeated failures for an address it throws ApiException 429
    /// with Retry-After, the same for known and unknown ones.
    SignInResult login(const std::string& email, const std::string& password, bool rememberMe,
                       const ClientInfo& client);

    /// Opens a session for a user who has proved who they are. An admin without two-factor sign-in
    /// gets an enrollment-only session while the policy requires it.
    TokenPair openSession(const UserRecord& user, bool rememberMe, const ClientInfo& client);

    /// Counts a sign-in attempt for `email` in the progressive delay; throws ApiException 429 when
    /// the address must wait. recordSignInSuccess() clears the count.
    void admitSignInAttempt(const std::string& email);
    void recordSignInSuccess(const std::string& email);

    /// Replaces the caller's password after checking the current one, and revokes every other
    /// session of the account. Throws ApiException 401 for a wrong current password and 422 for a
    /// new one that breaks the password rules.
    void changePassword(const AccessClaims& caller, const std::string& currentPassword,
                        const std::string& newPassword, const ClientInfo& client);

    /// Applies the run-time settings that a super admin can change.
    void setRequireTwoFactorForAdmins(bool required) { m_requireTwoFactorForAdmins = required; }
    bool requiresTwoFactorForAdmins() const { return m_requireTwoFactorForAdmins; }
    void setMaxSessionsPerUser(int limit) { m_maxSessionsPerUser = limit; }
    int maxSessionsPerUser() const { return m_maxSessionsPerUser; }

    /// Exchanges a refresh token for a new pair; see the class notes in AuthService.cpp.
    TokenPair refresh(const std::string& refreshToken, const ClientInfo& client);

    /// Revokes the session and, with it, its refresh token, and records the sign-out in the audit
    /// trail in the same transaction. `client` is the request's origin for that entry.
    void logout(const std::string& sessionId, const std::string& reason, const ClientInfo& client = {});

    /// Returns a user's row, possibly from a cache that this service keeps current.
    std::optional<UserRecord> findUser(const std::string& id) { return m_userCache.find(id); }

    /// Drops a user's cached row after a change made outside this service, such as a new role.
    void invalidateUser(const std::string& id) { m_userCache.invalidate(id); }

    /// Returns the claims of a valid access token whose session is still active; throws 401.
    AccessClaims authenticate(const std::string& accessToken);

private:
    void checkPassword(const std::string& password, const std::string& email) const;
    std::string openChallenge(const UserRecord& user, bool rememberMe);
    std::vector<std::string> revokeSessionsOverLimit(Poco::Data::Session& session, const std::string& userId,
                                                     EpochMillis at);
    TokenPair makePair(const UserRecord& user, const std::string& sessionId, const std::string& refreshToken,
                       EpochMillis refreshExpiresAt, EpochMillis at) const;
    std::chrono::seconds refreshLifetime(bool rememberMe) const;
    void auditFailedSignIn(const std::optional<UserRecord>& user, const ClientInfo& client);

    Database& m_database;
    PasswordHasher& m_hasher;
    AccessTokenService& m_tokens;
    SessionGuard& m_sessions;
    const CommonPasswordList& m_commonPasswords;
    Settings m_settings;
    UserRepository m_users;
    UserCache m_userCache;
    AuditLog m_audit;
    std::string m_dummyHash; ///< verified against for unknown addresses, to equalise timing
    SignInThrottle m_signInThrottle;
    std::atomic<bool> m_requireTwoFactorForAdmins;
    std::atomic<int> m_maxSessionsPerUser;
};

} // namespace ileadx
