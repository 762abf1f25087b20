#include "twofactor/TwoFactorService.h"

#include "audit/AuditAction.h"
#include "auth/SessionGuard.h"
#include "common/Random.h"
#include "http/ApiException.h"
#include "shared/IpMask.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/SessionRepository.h"
#include "twofactor/RecoveryCodes.h"
#include "twofactor/Totp.h"

#include <Poco/Logger.h>

namespace ileadx {

namespace {

Poco::Logger& twoFactorLog()
{
    return Poco::Logger::get("ileadx.twofactor");
}

ApiException invalidCode(int status)
{
    return ApiException(status, problem::kInvalidTwoFactorCode, "Invalid code",
                        "The code is wrong, expired or already used; enter the current code from your app.");
}

ApiException invalidChallenge()
{
    return ApiException(401, problem::kInvalidTwoFactorChallenge, "Invalid sign-in challenge",
                        "The sign-in challenge is unknown, expired or used up; sign in with your password again.");
}

ApiException conflict(const std::string& detail)
{
    return ApiException(409, problem::kTwoFactorConflict, "Two-factor sign-in state", detail);
}

std::int64_t unixSeconds()
{
    return nowMillis() / 1000;
}

} // namespace

TwoFactorService::TwoFactorService(Database& database, AuthService& auth, SessionGuard& guard,
                                   TotpSecretBox secretBox, std::string issuer)
    : m_database(database)
    , m_auth(auth)
    , m_guard(guard)
    , m_secretBox(std::move(secretBox))
    , m_issuer(std::move(issuer))
    , m_twoFactor(database)
    , m_audit(database)
{
}

UserRecord TwoFactorService::requireUser(const std::string& userId)
{
    std::optional<UserRecord> user = m_auth.findUser(userId);
    if (!user) {
        throw unauthorized();
    }
    return *user;
}

TwoFactorStatus TwoFactorService::status(const AccessClaims& caller)
{
    Poco::Data::Session session = m_database.session();
    const std::optional<TwoFactorRecord> record = m_twoFactor.find(session, caller.userId);
    TwoFactorStatus result;
    result.enabled = record && record->enabledAt;
    result.pending = record && !record->enabledAt;
    result.recoveryCodesLeft = result.enabled ? m_twoFactor.unusedRecoveryCodes(session, caller.userId) : 0;
    return result;
}

Enrollment TwoFactorService::enroll(const AccessClaims& caller)
{
    const UserRecord user = requireUser(caller.userId);
    const std::string secret = totp::generateSecret();

    Transaction transaction(m_database);
    const std::optional<TwoFactorRecord> existing = m_twoFactor.findForUpdate(transaction.session(), user.id);
    if (existing && existing->enabledAt) {
        throw conflict("Two-factor sign-in is already on; turn it off first to enrol a new device.");
    }
    m_twoFactor.startEnrollment(transaction.session(), user.id, m_secretBox.seal(secret), nowMillis());
    transaction.commit();

    twoFactorLog().information("user %s started two-factor enrollment", user.id);
    const std::string base32 = totp::toBase32(secret);
    return Enrollment{base32, totp::provisioningUri(m_issuer, user.email, base32)};
}

std::vector<std::string> TwoFactorService::confirm(const AccessClaims& caller, const ClientInfo& client,
                                                   const std::string& code)
{
    const UserRecord user = requireUser(caller.userId);
    const std::vector<std::string> codes = recovery::generate();
    std::vector<std::string> codeHashes;
    for (const std::string& recoveryCode : codes) {
        codeHashes.push_back(recovery::hash(recoveryCode));
    }

    Transaction transaction(m_database);
    const std::optional<TwoFactorRecord> record = m_twoFactor.findForUpdate(transaction.session(), user.id);
    if (!record || record->enabledAt) {
        throw conflict(record ? "Two-factor sign-in is already on." : "Start an enrollment before confirming it.");
    }
    const std::optional<std::string> secret = m_secretBox.open(record->secretBox);
    if (!secret) {
        twoFactorLog().error("the pending TOTP secret of user %s does not open with the current key", user.id);
    }
    const std::optional<std::int64_t> step =
        secret ? totp::verify(*secret, code, unixSeconds(), std::nullopt) : std::nullopt;
    if (!step) {
        transaction.commit();
        auditFailure(user, client);
        throw invalidCode(422);
    }

    const EpochMillis at = nowMillis();
    m_twoFactor.enable(transaction.session(), user.id, *step, at);
    m_twoFactor.replaceRecoveryCodes(transaction.session(), user.id, codeHashes, at);
    SessionRepository sessions(m_database);
    const std::vector<std::string> revoked =
        sessions.revokeAllExcept(transaction.session(), user.id, caller.sessionId, "two-factor-enabled", at);
    sessions.setScope(transaction.session(), caller.sessionId, SessionRecord::kFullScope);
    sessions.markSteppedUp(transaction.session(), caller.sessionId, at);
    auditEvent(transaction.session(), audit::action::kTwoFactorEnabled, user, client);
    transaction.commit();

    forgetSessions(revoked);
    m_guard.forget(caller.sessionId);
    twoFactorLog().information("user %s turned two-factor sign-in on; %z other sessions revoked", user.id,
                               revoked.size());
    return codes;
}

void TwoFactorService::disable(const AccessClaims& caller, const ClientInfo& client, const SecondFactor& factor)
{
    const UserRecord user = requireUser(caller.userId);

    Transaction transaction(m_database);
    const std::optional<TwoFactorRecord> record = m_twoFactor.findForUpdate(transaction.session(), user.id);
    if (!record || !record->enabledAt) {
        throw conflict("Two-factor sign-in is not on.");
    }
    if (!acceptFactor(transaction.session(), *record, factor)) {
        transaction.commit();
        auditFailure(user, client);
        throw invalidCode(422);
    }

    const EpochMillis at = nowMillis();
    m_twoFactor.remove(transaction.session(), user.id);
    SessionRepository sessions(m_database);
    const std::vector<std::string> revoked =
        sessions.revokeAllExcept(transaction.session(), user.id, caller.sessionId, "two-factor-disabled", at);
    if (user.role != Role::User && m_auth.requiresTwoFactorForAdmins()) {
        sessions.setScope(transaction.session(), caller.sessionId, SessionRecord::kEnrollmentScope);
    }
    auditEvent(transaction.session(), audit::action::kTwoFactorDisabled, user, client);
    transaction.commit();

    forgetSessions(revoked);
    m_guard.forget(caller.sessionId);
    twoFactorLog().information("user %s turned two-factor sign-in off; %z other sessions revoked", user.id,
                               revoked.size());
}

void TwoFactorService::stepUp(const AccessClaims& caller, const ClientInfo& client, const std::string& code)
{
    const UserRecord user = requireUser(caller.userId);

    Transaction transaction(m_database);
    const std::optional<TwoFactorRecord> record = m_twoFactor.findForUpdate(transaction.session(), user.id);
    if (!record || !record->enabledAt) {
        throw conflict("Two-factor sign-in is not on, so a sensitive action needs a recent sign-in instead.");
    }
    if (!acceptFactor(transaction.session(), *record, SecondFactor{code, {}})) {
        transaction.commit();
        auditFailure(user, client);
        throw invalidCode(422);
    }
    SessionRepository(m_database).markSteppedUp(transaction.session(), caller.sessionId, nowMillis());
    auditEvent(transaction.session(), audit::action::kStepUpSucceeded, user, client);
    transaction.commit();
}

TokenPair TwoFactorService::completeSignIn(const std::string& challenge, const SecondFactor& factor,
                                           const ClientInfo& client)
{
    const EpochMillis at = nowMillis();
    Transaction transaction(m_database);
    const std::optional<ChallengeRecord> pending =
        m_twoFactor.findChallengeForUpdate(transaction.session(), sha256Hex(challenge));
    if (!pending || pending->usedAt || pending->expiresAt <= at || pending->failedAttempts >= kMaxChallengeFailures) {
        throw invalidChallenge();
    }
    const UserRecord user = requireUser(pending->userId);
    // Every code attempt passes the sign-in throttle of the account's address, like a password.
    m_auth.admitSignInAttempt(user.email);

    const std::optional<TwoFactorRecord> record = m_twoFactor.findForUpdate(transaction.session(), user.id);
    if (!record || !record->enabledAt || !acceptFactor(transaction.session(), *record, factor)) {
        m_twoFactor.countChallengeFailure(transaction.session(), pending->challengeHash);
        transaction.commit();
        auditFailure(user, client);
        throw invalidCode(401);
    }
    m_twoFactor.markChallengeUsed(transaction.session(), pending->challengeHash, at);
    transaction.commit();

    m_auth.recordSignInSuccess(user.email);
    return m_auth.openSession(user, pending->rememberMe, client);
}

bool TwoFactorService::acceptFactor(Poco::Data::Session& session, const TwoFactorRecord& record,
                                    const SecondFactor& factor)
{
    if (!factor.recoveryCode.empty()) {
        const bool used = m_twoFactor.useRecoveryCode(session, record.userId,
                                                      recovery::hash(factor.recoveryCode),
                                                      nowMillis());
        if (used) {
            twoFactorLog().notice("user %s used a recovery code", record.userId);
        }
        return used;
    }
    const std::optional<std::string> secret = m_secretBox.open(record.secretBox);
    if (!secret) {
        twoFactorLog().error("the TOTP secret of user %s does not open with the current key", record.userId);
        return false;
    }
    const std::optional<std::int64_t> step = totp::verify(*secret, factor.code, unixSeconds(), record.lastStep);
    if (!step) {
        return false;
    }
    m_twoFactor.setLastStep(session, record.userId, *step);
    return true;
}

void TwoFactorService::auditEvent(Poco::Data::Session& session, std::string_view action, const UserRecord& user,
                                  const ClientInfo& client)
{
    AuditEntry entry;
    entry.action = action;
    entry.actorId = user.id;
    entry.actorEmail = user.email;
    entry.actorRole = roleName(user.role);
    entry.targetType = audit::target::kUser;
    entry.targetId = user.id;
    entry.ipMasked = maskIpAddress(client.ipAddress);
    entry.requestId = client.requestId;
    m_audit.append(session, entry);
}

void TwoFactorService::auditFailure(const UserRecord& user, const ClientInfo& client)
{
    // A wrong code proves nothing about who sent it, so the entry names the account as target only.
    AuditEntry entry;
    entry.action = audit::action::kTwoFactorFailed;
    entry.targetType = audit::target::kUser;
    entry.targetId = user.id;
    entry.ipMasked = maskIpAddress(client.ipAddress);
    entry.requestId = client.requestId;
    Transaction transaction(m_database);
    m_audit.append(transaction.session(), entry);
    transaction.commit();
    twoFactorLog().notice("request_id=%s wrong two-factor code for user %s", client.requestId, user.id);
}

void TwoFactorService::forgetSessions(const std::vector<std::string>& sessionIds)
{
    for (const std::string& sessionId : sessionIds) {
        m_guard.forget(sessionId);
    }
}

} // namespace ileadx
