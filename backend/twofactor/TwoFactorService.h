#pragma once

#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "twofactor/TotpSecretBox.h"
#include "twofactor/TwoFactorRepository.h"

#include <string>
#include <vector>

namespace ileadx {

class Database;
class SessionGuard;

/// A new enrollment: the secret as base32 text and as the otpauth:// URI for a QR code.
struct Enrollment
{
    std::string secretBase32;
    std::string provisioningUri;
};

/// The state of an account's two-factor sign-in.
struct TwoFactorStatus
{
    bool enabled = false;
    bool pending = false; ///< enrolled but not yet confirmed with a code
    int recoveryCodesLeft = 0;
};

/// The code a client sends: a TOTP code or, in its place, a recovery code.
struct SecondFactor
{
    std::string code;
    std::string recoveryCode;
};

/// TOTP two-factor sign-in: enrollment, the code step of a sign-in, step-up for sensitive actions
/// and turning it off. A TOTP code is accepted once at most, because the last accepted time step
/// is stored and only later steps count. A recovery code is marked used.
class TwoFactorService final
{
public:
    TwoFactorService(Database& database, AuthService& auth, SessionGuard& guard, TotpSecretBox secretBox,
                     std::string issuer);

    TwoFactorStatus status(const AccessClaims& caller);

    /// Starts (or restarts) an enrollment. Throws ApiException 409 when two-factor sign-in is on.
    Enrollment enroll(const AccessClaims& caller);

    /// Turns two-factor sign-in on with the first code and returns the recovery codes, which are
    /// shown once. Revokes the account's other sessions and lifts an enrollment-only session to
    /// full access.
    std::vector<std::string> confirm(const AccessClaims& caller, const ClientInfo& client, const std::string& code);

    /// Turns two-factor sign-in off after checking a code, and revokes the other sessions. An admin
    /// whose role requires two-factor sign-in is left with an enrollment-only session.
    void disable(const AccessClaims& caller, const ClientInfo& client, const SecondFactor& factor);

    /// Records a fresh TOTP code on the session, which sensitive actions accept like a recent sign-in.
    void stepUp(const AccessClaims& caller, const ClientInfo& client, const std::string& code);

    /// Completes a sign-in with the challenge from the password step and a code.
    TokenPair completeSignIn(const std::string& challenge, const SecondFactor& factor, const ClientInfo& client);

private:
    /// Checks a TOTP or recovery code inside `transaction` and stores that it was used; returns false
    /// for a wrong, replayed or used code.
    bool acceptFactor(Poco::Data::Session& session, const TwoFactorRecord& record, const SecondFactor& factor);
    void auditEvent(Poco::Data::Session& session, std::string_view action, const UserRecord& user,
                    const ClientInfo& client);
    void auditFailure(const UserRecord& user, const ClientInfo& client);
    UserRecord requireUser(const std::string& userId);
    void forgetSessions(const std::vector<std::string>& sessionIds);

    static constexpr int kMaxChallengeFailures = 5;

    Database& m_database;
    AuthService& m_auth;
    SessionGuard& m_guard;
    TotpSecretBox m_secretBox;
    std::string m_issuer;
    TwoFactorRepository m_twoFactor;
    AuditLog m_audit;
};

} // namespace ileadx
