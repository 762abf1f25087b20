// Refresh-token rotation
//
// Every refresh token is single-use. Exchanging one, inside one write transaction, marks it used,
// stores its successor's hash and seals the successor under a key derived from the old token.
// A second use of a token is then judged by two facts:
//   - within `reuseGrace` of the first use, and while the successor is still unused, it is a retry
//     (a lost response, two tabs) and receives the same successor, so the session never forks;
//   - otherwise somebody holds a copy of a token they should not have, so the whole session is
//     revoked and the event is logged as a security event.
// The transaction takes a row lock on PostgreSQL and the write lock on SQLite, so two concurrent
// exchanges of one token are serialised and the later one takes the retry path.

#include "auth/AuthService.h"

#include "audit/AuditAction.h"
#include "auth/CommonPasswordList.h"
#include "auth/PasswordHasher.h"
#include "auth/RefreshTokenCodec.h"
#include "auth/SessionGuard.h"
#include "common/Random.h"
#include "http/ApiException.h"
#include "ratelimit/RateLimitResponse.h"
#include "sessions/DeviceLabel.h"
#include "shared/EmailAddress.h"
#include "shared/IpMask.h"
#include "shared/PasswordPolicy.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/RefreshTokenRepository.h"
#include "storage/SessionRepository.h"
#include "twofactor/TwoFactorRepository.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <algorithm>

namespace ileadx {

namespace {

Poco::Logger& authLog()
{
    return Poco::Logger::get("ileadx.auth");
}

ApiException invalidCredentials()
{
    return ApiException(401, problem::kInvalidCredentials, "Invalid credentials",
                        "The email address or the password is wrong.");
}

ApiException invalidRefreshToken()
{
    return ApiException(401, problem::kInvalidRefreshToken, "Invalid refresh token",
                        "The refresh token is unknown, expired or already used; sign in again.");
}

// Starts the audit entry of an event in the request `client` sent. Every auth.* entry targets the
// account concerned, and the actor is set only when the caller proved who they are.
AuditEntry securityEvent(std::string_view action, const ClientInfo& client, const std::string& userId)
{
    AuditEntry entry;
    entry.action = action;
    entry.targetType = userId.empty() ? audit::target::kAccount : audit::target::kUser;
    entry.targetId = userId;
    entry.ipMasked = maskIpAddress(client.ipAddress);
    entry.requestId = client.requestId;
    return entry;
}

void setActor(AuditEntry& entry, const UserRecord& user)
{
    entry.actorId = user.id;
    entry.actorEmail = user.email;
    entry.actorRole = roleName(user.role);
}

std::string sessionValue(const std::string& sessionId)
{
    Poco::JSON::Object::Ptr value = new Poco::JSON::Object;
    value->set("session_id", sessionId);
    return auditValueText(value);
}

} // namespace

AuthService::AuthService(Database& database, PasswordHasher& hasher, AccessTokenService& tokens,
                         SessionGuard& sessions, const CommonPasswordList& commonPasswords, Settings settings)
    : m_database(database)
    , m_hasher(hasher)
    , m_tokens(tokens)
    , m_sessions(sessions)
    , m_commonPasswords(commonPasswords)
    , m_settings(settings)
    , m_users(database)
    , m_userCache(m_users, std::chrono::seconds(2))
    , m_audit(database)
    , m_dummyHash(hasher.hash(randomToken(24)))
    , m_signInThrottle(settings.signInThrottle)
    , m_requireTwoFactorForAdmins(settings.requireTwoFactorForAdmins)
    , m_maxSessionsPerUser(settings.maxSessionsPerUser)
{
}

void AuthService::checkPassword(const std::string& password, const std::string& email) const
{
    std::string reason;
    switch (PasswordPolicy::check(password, email)) {
    case PasswordPolicy::Verdict::Accepted:
        break;
    case PasswordPolicy::Verdict::TooShort:
        reason = "The password must have at least " + std::to_string(PasswordPolicy::kMinimumLength) + " characters.";
        break;
    case PasswordPolicy::Verdict::TooLong:
        reason = "The password must have at most " + std::to_string(PasswordPolicy::kMaximumLength) + " characters.";
        break;
    case PasswordPolicy::Verdict::InvalidEncoding:
        reason = "The password must be valid UTF-8 text.";
        break;
    case PasswordPolicy::Verdict::ContainsEmail:
        reason = "The password must not contain the email address.";
        break;
    }
    if (reason.empty() && m_commonPasswords.contains(password)) {
        reason = "The password is on a list of commonly used passwords; choose another.";
    }
    if (!reason.empty()) {
        throw ApiException(422, problem::kWeakPassword, "Password rejected", reason);
    }
}

void AuthService::registerUser(const std::string& email, const std::string& password)
{
    try {
        createAccount(email, password, Role::User);
    } catch (const Poco::ExistsException&) {
        // The caller gets the same response as for a new address. The hashing in createAccount()
        // already ran, so the timing matches too.
        // TODO: tell the address's owner by email that somebody tried to register it, once
        // the server can send email.
        authLog().information("registration for an existing address ignored");
    }
}

UserRecord AuthService::createAccount(const std::string& email, const std::string& password, Role role)
{
    const std::optional<std::string> normalized = normalizeEmail(email);
    if (!normalized) {
        throw invalidRequest("'email' is not a valid email address.");
    }
    checkPassword(password, *normalized);

    UserRecord user;
    user.id = newId();
    user.email = *normalized;
    user.passwordHash = m_hasher.hash(password);
    user.role = role;
    user.createdAt = nowMillis();
    if (!m_users.insert(user)) {
        throw Poco::ExistsException("an account with this email address exists");
    }
    authLog().information("account %s created with role %s", user.id, std::string(roleName(role)));
    return user;
}

SignInResult AuthService::login(const std::string& email, const std::string& password, bool rememberMe,
                                const ClientInfo& client)
{
    const std::optional<std::string> normalized = normalizeEmail(email);

    // The throttle runs before the account lookup, so it rejects unknown addresses the same way.
    const std::string throttleKey = normalized.value_or(email);
    admitSignInAttempt(throttleKey);
    const std::optional<UserRecord> user = normalized ? m_users.findByEmail(*normalized) : std::nullopt;

    // Unknown addresses are checked against a dummy hash so both failures cost one Argon2id verify.
    const bool matches = m_hasher.verify(user ? user->passwordHash : m_dummyHash, password);
    if (!user || !matches) {
        auditFailedSignIn(user, client);
        throw invalidCredentials();
    }

    if (m_hasher.needsRehash(user->passwordHash)) {
        m_users.updatePasswordHash(user->id, m_hasher.hash(password));
        m_userCache.invalidate(user->id);
        authLog().information("password hash of %s upgraded to the configured cost", user->id);
    }

    bool twoFactorEnabled = false;
    {
        Poco::Data::Session session = m_database.session();
        twoFactorEnabled = TwoFactorRepository(m_database).isEnabled(session, user->id);
    }
    SignInResult result;
    if (twoFactorEnabled) {
        // The throttle count stays until the code step succeeds, so guessing codes is throttled too.
        result.challenge = openChallenge(*user, rememberMe);
        result.challengeExpiresInSeconds = m_settings.challengeLifetime.count();
        return result;
    }
    recordSignInSuccess(throttleKey);
    result.tokens = openSession(*user, rememberMe, client);
    return result;
}

void AuthService::admitSignInAttempt(const std::string& email)
{
    if (const std::optional<int> waitSeconds = m_signInThrottle.admitAttempt(email)) {
        throw rateLimited(*waitSeconds, "Too many failed sign-ins for this email address; retry after " +
                                            std::to_string(*waitSeconds) + " seconds.");
    }
}

void AuthService::recordSignInSuccess(const std::string& email)
{
    m_signInThrottle.recordSuccess(email);
}

std::string AuthService::openChallenge(const UserRecord& user, bool rememberMe)
{
    const EpochMillis at = nowMillis();
    const std::string challenge = randomToken(32);
    ChallengeRecord record;
    record.challengeHash = sha256Hex(challenge);
    record.userId = user.id;
    record.rememberMe = rememberMe;
    record.expiresAt = at + std::chrono::milliseconds(m_settings.challengeLifetime).count();

    Transaction transaction(m_database);
    TwoFactorRepository challenges(m_database);
    challenges.deleteExpiredChallenges(transaction.session(), at);
    challenges.insertChallenge(transaction.session(), record, at);
    transaction.commit();
    authLog().information("user %s passed the password step; a two-factor code is due", user.id);
    return challenge;
}

void AuthService::changePassword(const AccessClaims& caller, const std::string& currentPassword,
                                 const std::string& newPassword, const ClientInfo& client)
{
    const std::optional<UserRecord> user = m_users.findById(caller.userId);
    if (!user) {
        throw unauthorized();
    }
    admitSignInAttempt(user->email);
    if (!m_hasher.verify(user->passwordHash, currentPassword)) {
        auditFailedSignIn(user, client);
        throw ApiException(401, problem::kInvalidCredentials, "Invalid credentials", "The current password is wrong.");
    }
    recordSignInSuccess(user->email);
    checkPassword(newPassword, user->email);

    const std::string newHash = m_hasher.hash(newPassword);
    AuditEntry changedEvent = securityEvent(audit::action::kPasswordChanged, client, user->id);
    setActor(changedEvent, *user);
    changedEvent.newValue = sessionValue(caller.sessionId);

    Transaction transaction(m_database);
    m_users.updatePasswordHash(transaction.session(), user->id, newHash);
    const std::vector<std::string> revoked = SessionRepository(m_database).revokeAllExcept(
        transaction.session(), user->id, caller.sessionId, "password-changed", nowMillis());
    m_audit.append(transaction.session(), changedEvent);
    transaction.commit();

    m_userCache.invalidate(user->id);
    for (const std::string& sessionId : revoked) {
        m_sessions.forget(sessionId);
    }
    authLog().information("user %s changed their password; %z other sessions revoked", user->id, revoked.size());
}

std::chrono::seconds AuthService::refreshLifetime(bool rememberMe) const
{
    return rememberMe ? m_settings.rememberMeLifetime : m_settings.refreshLifetime;
}

void AuthService::auditFailedSignIn(const std::optional<UserRecord>& user, const ClientInfo& client)
{
    // Nobody proved who they are, so the actor stays empty. An unknown address is not stored
    // either, because it may be personal data of somebody without an account.
    const AuditEntry entry = securityEvent(audit::action::kSignInFailed, client, user ? user->id : std::string());
    Transaction transaction(m_database);
    m_audit.append(transaction.session(), entry);
    transaction.commit();
}

std::vector<std::string> AuthService::revokeSessionsOverLimit(Poco::Data::Session& session, const std::string& userId,
                                                              EpochMillis at)
{
    // listActive() returns newest first, so everything past the limit is the oldest.
    SessionRepository sessions(m_database);
    const std::vector<SessionRecord> active = sessions.listActive(session, userId, at);
    std::vector<std::string> evicted;
    for (std::size_t i = static_cast<std::size_t>(m_maxSessionsPerUser.load()); i < active.size(); ++i) {
        sessions.revoke(session, active[i].id, "session-limit", at);
        evicted.push_back(active[i].id);
    }
    return evicted;
}

TokenPair AuthService::openSession(const UserRecord& user, bool rememberMe, const ClientInfo& client)
{
    const EpochMillis at = nowMillis();
    const EpochMillis expiresAt = at + std::chrono::milliseconds(refreshLifetime(rememberMe)).count();

    SessionRecord session;
    session.id = newId();
    session.userId = user.id;
    if (user.role != Role::User && m_requireTwoFactorForAdmins) {
        Poco::Data::Session lookup = m_database.session();
        if (!TwoFactorRepository(m_database).isEnabled(lookup, user.id)) {
            session.scope = SessionRecord::kEnrollmentScope;
        }
    }
    session.deviceLabel = deviceLabelFromUserAgent(client.userAgent);
    session.deviceFingerprint = sha256Hex(client.userAgent + '\x1f' + client.deviceId);
    session.ipAddress = client.ipAddress;
    session.rememberMe = rememberMe;
    session.createdAt = at;
    session.lastSeenAt = at;
    session.expiresAt = expiresAt;

    const std::string refreshToken = RefreshTokenCodec::generate();
    RefreshTokenRecord token;
    token.tokenHash = RefreshTokenCodec::hash(refreshToken);
    token.sessionId = session.id;
    token.createdAt = at;
    token.expiresAt = expiresAt;

    AuditEntry signedInEvent = securityEvent(audit::action::kSignInSucceeded, client, user.id);
    setActor(signedInEvent, user);
    signedInEvent.newValue = sessionValue(session.id);

    Transaction transaction(m_database);
    SessionRepository(m_database).insert(transaction.session(), session);
    RefreshTokenRepository(m_database).insert(transaction.session(), token);
    const std::vector<std::string> evicted = revokeSessionsOverLimit(transaction.session(), user.id, at);
    // The audit append comes last: on PostgreSQL it takes the audit table lock, and taking that
    // lock before row locks, as the revocations above take, could deadlock with a sign-out.
    m_audit.append(transaction.session(), signedInEvent);
    transaction.commit();
    for (const std::string& sessionId : evicted) {
        m_sessions.forget(sessionId);
        authLog().information("session %s of user %s revoked: over the session limit", sessionId, user.id);
    }

    m_users.updateLastLogin(user.id, at);
    m_userCache.invalidate(user.id);
    UserRecord signedIn = user;
    signedIn.lastLoginAt = at;
    authLog().information("user %s signed in, session %s", user.id, session.id);
    TokenPair pair = makePair(signedIn, session.id, refreshToken, expiresAt, at);
    pair.scope = session.scope;
    return pair;
}

TokenPair AuthService::refresh(const std::string& refreshToken, const ClientInfo& client)
{
    // TODO: compare the client with the session's device once sessions record devices in full.
    const EpochMillis at = nowMillis();
    const std::string tokenHash = RefreshTokenCodec::hash(refreshToken);
    RefreshTokenRepository tokens(m_database);
    SessionRepository sessions(m_database);

    Transaction transaction(m_database);
    const std::optional<RefreshTokenRecord> token = tokens.findForUpdate(transaction.session(), tokenHash);
    if (!token) {
        throw invalidRefreshToken();
    }
    const std::optional<SessionRecord> session = sessions.findForUpdate(transaction.session(), token->sessionId);
    if (!session || !session->isActiveAt(at) || token->expiresAt <= at) {
        throw invalidRefreshToken();
    }
    const std::optional<UserRecord> user = m_users.findById(transaction.session(), session->userId);
    if (!user) {
        throw invalidRefreshToken();
    }

    if (!token->usedAt) {
        const std::string successor = RefreshTokenCodec::generate();
        // The session slides forward with each refresh, but never past its absolute lifetime.
        const EpochMillis expiresAt =
            std::min(at + std::chrono::milliseconds(refreshLifetime(session->rememberMe)).count(),
                     session->createdAt + std::chrono::milliseconds(m_settings.absoluteLifetime).count());
        RefreshTokenRecord next;
        next.tokenHash = RefreshTokenCodec::hash(successor);
        next.sessionId = session->id;
        next.createdAt = at;
        next.expiresAt = expiresAt;
        tokens.insert(transaction.session(), next);
        tokens.markUsed(transaction.session(), tokenHash, at, next.tokenHash,
                        RefreshTokenCodec::sealSuccessor(refreshToken, successor));
        sessions.extend(transaction.session(), session->id, at, expiresAt);
        transaction.commit();
        TokenPair pair = makePair(*user, session->id, successor, expiresAt, at);
        pair.scope = session->scope;
        return pair;
    }

    // The token was used before: a retry inside the grace window, or a stolen copy.
    const std::optional<RefreshTokenRecord> successor = tokens.findForUpdate(transaction.session(), token->successorHash);
    const bool withinGrace = at - *token->usedAt <= m_settings.reuseGrace.count();
    if (withinGrace && successor && !successor->usedAt) {
        const std::optional<std::string> sealed = RefreshTokenCodec::openSuccessor(refreshToken, token->successorBox);
        if (sealed) {
            transaction.commit();
            authLog().information("refresh retry for session %s answered with the same successor", session->id);
            TokenPair pair = makePair(*user, session->id, *sealed, successor->expiresAt, at);
            pair.scope = session->scope;
            return pair;
        }
    }

    // Whoever sent the token may not be the session's owner, so the entry names no actor.
    AuditEntry reuseEvent = securityEvent(audit::action::kRefreshTokenReused, client, session->userId);
    reuseEvent.newValue = sessionValue(session->id);
    sessions.revoke(transaction.session(), session->id, "refresh-token-reuse", at);
    m_audit.append(transaction.session(), reuseEvent);
    transaction.commit();
    m_sessions.forget(session->id);
    authLog().warning("security: reuse of a rotated refresh token, session %s of user %s revoked", session->id,
                      session->userId);
    throw invalidRefreshToken();
}

void AuthService::logout(const std::string& sessionId, const std::string& reason, const ClientInfo& client)
{
    SessionRepository sessions(m_database);
    Transaction transaction(m_database);
    const std::optional<SessionRecord> session = sessions.findForUpdate(transaction.session(), sessionId);
    if (!session || session->revokedAt) {
        // Nothing changes, so nothing is recorded and the transaction rolls back.
        m_sessions.forget(sessionId);
        return;
    }

    AuditEntry signedOutEvent = securityEvent(audit::action::kSignedOut, client, session->userId);
    if (const std::optional<UserRecord> user = m_users.findById(transaction.session(), session->userId)) {
        setActor(signedOutEvent, *user);
    }
    signedOutEvent.newValue = sessionValue(sessionId);
    sessions.revoke(transaction.session(), sessionId, reason, nowMillis());
    m_audit.append(transaction.session(), signedOutEvent);
    transaction.commit();

    m_sessions.forget(sessionId);
    authLog().information("session %s revoked (%s)", sessionId, reason);
}

AccessClaims AuthService::authenticate(const std::string& accessToken)
{
    const EpochMillis at = nowMillis();
    std::optional<AccessClaims> claims = m_tokens.tryVerify(accessToken, at);
    if (!claims) {
        throw unauthorized();
    }
    const std::optional<std::string> scope = m_sessions.activeScope(claims->sessionId, claims->userId, at);
    if (!scope) {
        throw unauthorized();
    }
    claims->enrollmentOnly = *scope != SessionRecord::kFullScope;
    return *claims;
}

TokenPair AuthService::makePair(const UserRecord& user, const std::string& sessionId, const std::string& refreshToken,
                                EpochMillis refreshExpiresAt, EpochMillis at) const
{
    TokenPair pair;
    pair.accessToken = m_tokens.issue(user.id, sessionId, user.role, at);
    pair.accessExpiresInSeconds = m_tokens.lifetime().count();
    pair.refreshToken = refreshToken;
    pair.refreshExpiresInSeconds = (refreshExpiresAt - at) / 1000;
    pair.sessionId = sessionId;
    pair.user = user;
    return pair;
}

} // namespace ileadx
