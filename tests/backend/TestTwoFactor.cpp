#include "support/HttpsClient.h"
#include "support/LogCapture.h"
#include "support/TestServer.h"

#include "common/Clock.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "twofactor/Totp.h"

#include <Poco/JSON/Array.h>
#include <QtTest>

#include <set>

using namespace ileadx;
using namespace Poco::Data::Keywords;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

struct SignedIn
{
    std::string accessToken;
    std::string sessionId;
    std::string scope;
};

SignedIn tokensOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    if (reply.status != 200 || !json || !json->has("access_token")) {
        return {};
    }
    return SignedIn{json->getValue<std::string>("access_token"), json->getValue<std::string>("session_id"),
                    json->getValue<std::string>("scope")};
}

std::string problemType(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json && json->has("type") ? json->getValue<std::string>("type") : std::string();
}

std::string codeBody(const std::string& code)
{
    return R"({"code":")" + code + "\"}";
}

std::int64_t nowSeconds()
{
    return nowMillis() / 1000;
}

} // namespace

/// Two-factor sign-in, enrollment-only admin sessions, step-up, password changes and run-time
/// settings, over real HTTPS against a server with the admin two-factor policy on.
class TestTwoFactor final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void testAdminWithoutTwoFactorMayOnlyEnrol();
    void testCustomerKeepsFullSession();
    void testEnrollmentUriAndWrongCode();
    void testConfirmUnlocksSessionAndRevokesOthers();
    void testSignInNeedsCodeAfterEnrollment();
    void testReplayedCodeRejected();
    void testRecoveryCodeWorksOnce();
    void testChallengeDiesAfterFailedCodes();
    void testDisableNeedsCode();
    void testStepUpRequiredAndHonoured();
    void testPasswordChangeRevokesOtherSessions();
    void testSettingsChangeAppliesAndIsAudited();
    void testSettingsRejectInvalidValues();
    void testSettingsChangeRateLimit();

private:
    SignedIn passwordSignIn(const std::string& email, const std::string& password);
    /// Enrols and confirms two-factor sign-in for a signed-in session; returns the raw secret.
    std::string enableTwoFactor(const SignedIn& session, std::vector<std::string>* recoveryCodes = nullptr);
    std::string challengeFor(const std::string& email, const std::string& password);
    void ageSession(const std::string& sessionId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
    std::string m_customerPassword;
    std::string m_adminPassword;
    std::string m_ownerPassword;
};

void TestTwoFactor::init()
{
    m_server = std::make_unique<TestServer>(std::map<std::string, std::string>{{"auth.requireTwoFactorForAdmins", "true"}});
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    m_customerPassword = m_server->createAccount("customer@example.com", Role::User);
    m_adminPassword = m_server->createAccount("admin@example.com", Role::Admin);
    m_ownerPassword = m_server->createAccount("owner@example.com", Role::SuperAdmin);
}

void TestTwoFactor::cleanup()
{
    m_client.reset();
    m_server.reset();
}

SignedIn TestTwoFactor::passwordSignIn(const std::string& email, const std::string& password)
{
    return tokensOf(m_client->postJson("/api/v1/auth/login", test::credentialsJson(email, password)));
}

std::string TestTwoFactor::enableTwoFactor(const SignedIn& session, std::vector<std::string>* recoveryCodes)
{
    const HttpReply enroll = m_client->postJson("/api/v1/me/two-factor/enroll", "{}", session.accessToken);
    if (enroll.status != 200) {
        return {};
    }
    const std::optional<std::string> secret = totp::fromBase32(enroll.json()->getValue<std::string>("secret"));
    if (!secret) {
        return {};
    }
    test::recordSecret(enroll.json()->getValue<std::string>("secret"));
    const std::string code = totp::code(*secret, nowSeconds());
    const HttpReply confirm = m_client->postJson("/api/v1/me/two-factor/confirm", codeBody(code), session.accessToken);
    if (confirm.status != 200) {
        return {};
    }
    const Poco::JSON::Array::Ptr codes = confirm.json()->getArray("recovery_codes");
    for (std::size_t i = 0; recoveryCodes && i < codes->size(); ++i) {
        recoveryCodes->push_back(codes->getElement<std::string>(static_cast<unsigned>(i)));
        test::recordSecret(recoveryCodes->back());
    }
    return *secret;
}

std::string TestTwoFactor::challengeFor(const std::string& email, const std::string& password)
{
    const HttpReply reply = m_client->postJson("/api/v1/auth/login", test::credentialsJson(email, password));
    const Poco::JSON::Object::Ptr json = reply.json();
    if (reply.status != 200 || !json->optValue<bool>("two_factor_required", false)) {
        return {};
    }
    test::recordSecret(json->getValue<std::string>("challenge"));
    return json->getValue<std::string>("challenge");
}

// Moves a session's sign-in and step-up an hour into the past, beyond the step-up window.
void TestTwoFactor::ageSession(const std::string& sessionId)
{
    Database& database = m_server->runtime().database();
    Poco::Data::Session session = database.session();
    std::string id = sessionId;
    Poco::Int64 past = nowMillis() - 3600 * 1000;
    session << database.sql("UPDATE sessions SET created_at = ?, stepped_up_at = NULL WHERE id = ?"), use(past),
        use(id), now;
    // The session guard caches nothing about step-up, so the next request reads the new times.
}

void TestTwoFactor::testAdminWithoutTwoFactorMayOnlyEnrol()
{
    const SignedIn admin = passwordSignIn("admin@example.com", m_adminPassword);
    QCOMPARE(admin.scope, std::string("two-factor-enrollment"));

    const HttpReply users = m_client->get("/api/v1/admin/users", admin.accessToken);
    QCOMPARE(users.status, 403);
    QCOMPARE(problemType(users), std::string(problem::kTwoFactorEnrollmentRequired));
    QCOMPARE(m_client->postJson("/api/v1/me/password", "{}", admin.accessToken).status, 403);

    QCOMPARE(m_client->get("/api/v1/me", admin.accessToken).status, 200);
    const HttpReply status = m_client->get("/api/v1/me/two-factor", admin.accessToken);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json()->getValue<bool>("enabled"), false);
}

void TestTwoFactor::testCustomerKeepsFullSession()
{
    const SignedIn customer = passwordSignIn("customer@example.com", m_customerPassword);
    QCOMPARE(customer.scope, std::string("full"));
    QCOMPARE(m_client->get("/api/v1/me/sessions", customer.accessToken).status, 200);
}

void TestTwoFactor::testEnrollmentUriAndWrongCode()
{
    const SignedIn admin = passwordSignIn("admin@example.com", m_adminPassword);
    const HttpReply enroll = m_client->postJson("/api/v1/me/two-factor/enroll", "{}", admin.accessToken);
    QCOMPARE(enroll.status, 200);
    const std::string secret = enroll.json()->getValue<std::string>("secret");
    test::recordSecret(secret);
    const std::string uri = enroll.json()->getValue<std::string>("otpauth_uri");
    QVERIFY(uri.starts_with("otpauth://totp/iLeadX:admin%40example.com?"));
    QVERIFY(uri.find("secret=" + secret) != std::string::npos);
    QVERIFY(uri.find("issuer=iLeadX") != std::string::npos);
    QVERIFY(uri.find("algorithm=SHA1") != std::string::npos);
    QVERIFY(uri.find("digits=6") != std::string::npos);
    QVERIFY(uri.find("period=30") != std::string::npos);
    QCOMPARE(totp::fromBase32(secret)->size(), totp::kSecretBytes);

    const std::string right = totp::code(*totp::fromBase32(secret), nowSeconds());
    const std::string wrong = right == "000000" ? "111111" : "000000";
    const HttpReply confirm = m_client->postJson("/api/v1/me/two-factor/confirm", codeBody(wrong), admin.accessToken);
    QCOMPARE(confirm.status, 422);
    QCOMPARE(problemType(confirm), std::string(problem::kInvalidTwoFactorCode));
    QCOMPARE(m_client->get("/api/v1/me/two-factor", admin.accessToken).json()->getValue<bool>("pending"), true);
}

void TestTwoFactor::testConfirmUnlocksSessionAndRevokesOthers()
{
    const SignedIn other = passwordSignIn("admin@example.com", m_adminPassword);
    const SignedIn admin = passwordSignIn("admin@example.com", m_adminPassword);
    QCOMPARE(m_client->get("/api/v1/admin/users", admin.accessToken).status, 403);

    std::vector<std::string> recoveryCodes;
    QVERIFY(!enableTwoFactor(admin, &recoveryCodes).empty());
    QCOMPARE(recoveryCodes.size(), std::size_t(10));
    QCOMPARE(std::set<std::string>(recoveryCodes.begin(), recoveryCodes.end()).size(), std::size_t(10));

    // The same access token now reaches admin routes, and the other session is gone.
    QCOMPARE(m_client->get("/api/v1/admin/users", admin.accessToken).status, 200);
    QCOMPARE(m_client->get("/api/v1/me", other.accessToken).status, 401);
    const HttpReply status = m_client->get("/api/v1/me/two-factor", admin.accessToken);
    QCOMPARE(status.json()->getValue<bool>("enabled"), true);
    QCOMPARE(status.json()->getValue<int>("recovery_codes_left"), 10);

    const HttpReply again = m_client->postJson("/api/v1/me/two-factor/enroll", "{}", admin.accessToken);
    QCOMPARE(again.status, 409);
    QCOMPARE(problemType(again), std::string(problem::kTwoFactorConflict));
}

void TestTwoFactor::testSignInNeedsCodeAfterEnrollment()
{
    const std::string secret = enableTwoFactor(passwordSignIn("admin@example.com", m_adminPassword));
    QVERIFY(!secret.empty());

    const HttpReply first = m_client->postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", m_adminPassword));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json()->getValue<bool>("two_factor_required"), true);
    QVERIFY(!first.json()->has("access_token"));
    QCOMPARE(first.json()->getValue<int>("challenge_expires_in"), 300);
    const std::string challenge = first.json()->getValue<std::string>("challenge");
    test::recordSecret(challenge);

    // The confirmation used the current step, so the next step's code (one step of drift) is fresh.
    const std::string code = totp::code(secret, nowSeconds() + totp::kPeriodSeconds);
    const HttpReply second = m_client->postJson("/api/v1/auth/login/two-factor",
                                                R"({"challenge":")" + challenge + R"(","code":")" + code + "\"}");
    QCOMPARE(second.status, 200);
    const SignedIn admin = tokensOf(second);
    QCOMPARE(admin.scope, std::string("full"));
    QCOMPARE(m_client->get("/api/v1/admin/users", admin.accessToken).status, 200);

    // A challenge is single-use.
    const HttpReply reused = m_client->postJson("/api/v1/auth/login/two-factor",
                                                R"({"challenge":")" + challenge + R"(","code":")" + code + "\"}");
    QCOMPARE(reused.status, 401);
    QCOMPARE(problemType(reused), std::string(problem::kInvalidTwoFactorChallenge));
}

void TestTwoFactor::testReplayedCodeRejected()
{
    const std::string secret = enableTwoFactor(passwordSignIn("admin@example.com", m_adminPassword));
    QVERIFY(!secret.empty());

    // The confirmation accepted the current step's code; it must not work a second time.
    const std::string used = totp::code(secret, nowSeconds());
    const std::string challenge = challengeFor("admin@example.com", m_adminPassword);
    const HttpReply replay = m_client->postJson("/api/v1/auth/login/two-factor",
                                                R"({"challenge":")" + challenge + R"(","code":")" + used + "\"}");
    QCOMPARE(replay.status, 401);
    QCOMPARE(problemType(replay), std::string(problem::kInvalidTwoFactorCode));

    // A code two steps ahead is outside the allowed drift.
    const std::string ahead = totp::code(secret, nowSeconds() + 2 * totp::kPeriodSeconds);
    const HttpReply early = m_client->postJson("/api/v1/auth/login/two-factor",
                                               R"({"challenge":")" + challenge + R"(","code":")" + ahead + "\"}");
    QCOMPARE(early.status, 401);

    // The failures are in the audit trail.
    Database& database = m_server->runtime().database();
    Poco::Data::Session session = database.session();
    int failures = 0;
    session << "SELECT COUNT(*) FROM audit_log WHERE action = 'auth.two_factor_failed'", into(failures), now;
    QCOMPARE(failures, 2);
}

void TestTwoFactor::testRecoveryCodeWorksOnce()
{
    std::vector<std::string> recoveryCodes;
    QVERIFY(!enableTwoFactor(passwordSignIn("admin@example.com", m_adminPassword), &recoveryCodes).empty());

    const std::string body = R"(","recovery_code":")" + recoveryCodes.front() + "\"}";
    const HttpReply first = m_client->postJson("/api/v1/auth/login/two-factor",
                                               R"({"challenge":")" + challengeFor("admin@example.com", m_adminPassword) + body);
    QCOMPARE(first.status, 200);

    const HttpReply second = m_client->postJson("/api/v1/auth/login/two-factor",
                                                R"({"challenge":")" + challengeFor("admin@example.com", m_adminPassword) + body);
    QCOMPARE(second.status, 401);
    QCOMPARE(problemType(second), std::string(problem::kInvalidTwoFactorCode));

    const HttpReply both = m_client->postJson("/api/v1/auth/login/two-factor",
                                              R"({"challenge":"x","code":"123456","recovery_code":"abc"})");
    QCOMPARE(both.status, 400);
}

void TestTwoFactor::testChallengeDiesAfterFailedCodes()
{
    const std::string secret = enableTwoFactor(passwordSignIn("admin@example.com", m_adminPassword));
    QVERIFY(!secret.empty());
    const std::string challenge = challengeFor("admin@example.com", m_adminPassword);
    const std::string good = totp::code(secret, nowSeconds() + totp::kPeriodSeconds);
    const std::string bad = good == "999999" ? "999998" : "999999";

    for (int attempt = 0; attempt < 5; ++attempt) {
        const HttpReply reply = m_client->postJson("/api/v1/auth/login/two-factor",
                                                   R"({"challenge":")" + challenge + R"(","code":")" + bad + "\"}");
        QCOMPARE(reply.status, 401);
    }
    const HttpReply late = m_client->postJson("/api/v1/auth/login/two-factor",
                                              R"({"challenge":")" + challenge + R"(","code":")" + good + "\"}");
    QCOMPARE(late.status, 401);
    QCOMPARE(problemType(late), std::string(problem::kInvalidTwoFactorChallenge));
}

void TestTwoFactor::testDisableNeedsCode()
{
    const SignedIn admin = passwordSignIn("admin@example.com", m_adminPassword);
    std::vector<std::string> recoveryCodes;
    QVERIFY(!enableTwoFactor(admin, &recoveryCodes).empty());

    QCOMPARE(m_client->postJson("/api/v1/me/two-factor/disable", "{}", admin.accessToken).status, 400);
    const HttpReply wrong = m_client->postJson("/api/v1/me/two-factor/disable",
                                               R"({"recovery_code":"aaaa-bbbb-cccc"})", admin.accessToken);
    QCOMPARE(wrong.status, 422);

    const HttpReply disabled = m_client->postJson("/api/v1/me/two-factor/disable",
                                                  R"({"recovery_code":")" + recoveryCodes.back() + "\"}",
                                                  admin.accessToken);
    QCOMPARE(disabled.status, 204);
    // The policy still requires two-factor sign-in for admins, so the session may only enrol again.
    const HttpReply users = m_client->get("/api/v1/admin/users", admin.accessToken);
    QCOMPARE(users.status, 403);
    QCOMPARE(problemType(users), std::string(problem::kTwoFactorEnrollmentRequired));
    QCOMPARE(m_client->postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", m_adminPassword))
                 .json()
                 ->getValue<bool>("two_factor_required"),
             false);
}

void TestTwoFactor::testStepUpRequiredAndHonoured()
{
    const SignedIn owner = passwordSignIn("owner@example.com", m_ownerPassword);
    const std::string secret = enableTwoFactor(owner);
    QVERIFY(!secret.empty());
    const SignedIn customer = passwordSignIn("customer@example.com", m_customerPassword);
    const std::string customerId =
        m_client->get("/api/v1/me", customer.accessToken).json()->getValue<std::string>("id");

    ageSession(owner.sessionId);
    const std::string rolePath = "/api/v1/admin/users/" + customerId + "/role";
    const HttpReply refused = m_client->send("PUT", rolePath, R"({"role":"admin"})", "application/json", owner.accessToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(problemType(refused), std::string(problem::kStepUpRequired));

    const std::string code = totp::code(secret, nowSeconds() + totp::kPeriodSeconds);
    QCOMPARE(m_client->postJson("/api/v1/me/step-up", codeBody(code), owner.accessToken).status, 204);
    const HttpReply allowed = m_client->send("PUT", rolePath, R"({"role":"admin"})", "application/json", owner.accessToken);
    QCOMPARE(allowed.status, 200);

    // The same code cannot step up twice.
    const HttpReply replay = m_client->postJson("/api/v1/me/step-up", codeBody(code), owner.accessToken);
    QCOMPARE(replay.status, 422);
}

void TestTwoFactor::testPasswordChangeRevokesOtherSessions()
{
    const SignedIn laptop = passwordSignIn("customer@example.com", m_customerPassword);
    const SignedIn phone = passwordSignIn("customer@example.com", m_customerPassword);
    const std::string newPassword = "a new and long passphrase 42";
    test::recordSecret(newPassword);

    const HttpReply wrong = m_client->postJson(
        "/api/v1/me/password", R"({"current_password":"not it","new_password":")" + newPassword + "\"}", laptop.accessToken);
    QCOMPARE(wrong.status, 401);
    const HttpReply weak = m_client->postJson(
        "/api/v1/me/password", R"({"current_password":")" + m_customerPassword + R"(","new_password":"short"})",
        laptop.accessToken);
    QCOMPARE(weak.status, 422);
    QCOMPARE(problemType(weak), std::string(problem::kWeakPassword));

    const HttpReply changed = m_client->postJson(
        "/api/v1/me/password", R"({"current_password":")" + m_customerPassword + R"(","new_password":")" + newPassword + "\"}",
        laptop.accessToken);
    QCOMPARE(changed.status, 204);
    QCOMPARE(m_client->get("/api/v1/me", phone.accessToken).status, 401);
    QCOMPARE(m_client->get("/api/v1/me", laptop.accessToken).status, 200);
    QVERIFY(passwordSignIn("customer@example.com", m_customerPassword).accessToken.empty());
    QVERIFY(!passwordSignIn("customer@example.com", newPassword).accessToken.empty());
}

void TestTwoFactor::testSettingsChangeAppliesAndIsAudited()
{
    const SignedIn owner = passwordSignIn("owner@example.com", m_ownerPassword);
    QVERIFY(!enableTwoFactor(owner).empty());

    const HttpReply before = m_client->get("/api/v1/admin/settings", owner.accessToken);
    QCOMPARE(before.status, 200);
    QVERIFY(before.body.find("\"sessions.max_per_user\"") != std::string::npos);
    QVERIFY(before.body.find("\"two_factor.required_for_admins\"") != std::string::npos);

    const HttpReply changed = m_client->send("PUT", "/api/v1/admin/settings",
                                             R"({"sessions.max_per_user":2,"two_factor.required_for_admins":false})",
                                             "application/json", owner.accessToken);
    QCOMPARE(changed.status, 200);

    // The limit applies at once: a third sign-in revokes the oldest session.
    const SignedIn first = passwordSignIn("customer@example.com", m_customerPassword);
    passwordSignIn("customer@example.com", m_customerPassword);
    passwordSignIn("customer@example.com", m_customerPassword);
    QCOMPARE(m_client->get("/api/v1/me", first.accessToken).status, 401);
    // And the admin policy is off, so a fresh admin sign-in gets a full session.
    QCOMPARE(passwordSignIn("admin@example.com", m_adminPassword).scope, std::string("full"));

    Database& database = m_server->runtime().database();
    Poco::Data::Session session = database.session();
    std::vector<std::string> oldValues;
    std::vector<std::string> newValues;
    session << "SELECT old_value, new_value FROM audit_log WHERE action = 'settings.changed'"
               " AND target_id = 'sessions.max_per_user'",
        into(oldValues), into(newValues), now;
    QCOMPARE(oldValues.size(), std::size_t(1));
    QCOMPARE(oldValues.front(), std::string(R"({"sessions.max_per_user":"10"})"));
    QCOMPARE(newValues.front(), std::string(R"({"sessions.max_per_user":"2"})"));
    int stored = 0;
    session << "SELECT COUNT(*) FROM settings", into(stored), now;
    QCOMPARE(stored, 2);
}

void TestTwoFactor::testSettingsRejectInvalidValues()
{
    const SignedIn owner = passwordSignIn("owner@example.com", m_ownerPassword);
    QVERIFY(!enableTwoFactor(owner).empty());
    const auto put = [&](const std::string& body) {
        return m_client->send("PUT", "/api/v1/admin/settings", body, "application/json", owner.accessToken);
    };
    QCOMPARE(put(R"({"no.such.setting":1})").status, 400);
    QCOMPARE(put(R"({"sessions.max_per_user":0})").status, 400);
    QCOMPARE(put(R"({"sessions.max_per_user":"5"})").status, 400);
    QCOMPARE(put(R"({"two_factor.required_for_admins":1})").status, 400);
    QCOMPARE(put("{}").status, 400);

    ageSession(owner.sessionId);
    const HttpReply stale = put(R"({"sessions.max_per_user":5})");
    QCOMPARE(stale.status, 403);
    QCOMPARE(problemType(stale), std::string(problem::kStepUpRequired));
}

void TestTwoFactor::testSettingsChangeRateLimit()
{
    const SignedIn owner = passwordSignIn("owner@example.com", m_ownerPassword);
    QVERIFY(!enableTwoFactor(owner).empty());
    const HttpReply changed =
        m_client->send("PUT", "/api/v1/admin/settings",
                       R"({"rate_limits.default.per_minute":1,"rate_limits.default.burst":3})", "application/json",
                       owner.accessToken);
    QCOMPARE(changed.status, 200);

    const SignedIn customer = passwordSignIn("customer@example.com", m_customerPassword);
    int allowed = 0;
    for (int i = 0; i < 6; ++i) {
        allowed += m_client->get("/api/v1/me", customer.accessToken).status == 200 ? 1 : 0;
    }
    QCOMPARE(allowed, 3);
}

QTEST_GUILESS_MAIN(TestTwoFactor)
#include "TestTwoFactor.moc"
