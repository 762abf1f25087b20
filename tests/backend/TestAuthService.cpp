#include "support/TestDatabase.h"

#include "auth/AccessTokenService.h"
#include "auth/AuthService.h"
#include "auth/CommonPasswordList.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionGuard.h"
#include "http/ApiException.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Data/Session.h>
#include <QtTest>

#include <set>
#include <thread>

using namespace ileadx;
using ileadx::test::TestDatabase;
using namespace Poco::Data::Keywords;

namespace {

constexpr const char* kPassword = "violet-harbour-engine-42";

/// The services of one test, over a fresh database, with a short refresh grace window so the
/// test can step past it.
struct AuthFixture
{
    explicit AuthFixture(const QString& dialect, HashCost cost = HashCost::interactive())
        : testDatabase(dialect)
        , database(Database::open(testDatabase.url(), 8))
        , hasher(cost, 2, std::chrono::seconds(30))
        , tokens(std::string(32, 's'), {})
        , guard(*database, std::chrono::seconds(5))
        , commonPasswords(CommonPasswordList::load(std::string(ILEADX_SOURCE_RESOURCE_DIR) + "/common-passwords.txt"))
    {
        runMigrations(*database);
        AuthService::Settings settings;
        settings.reuseGrace = std::chrono::milliseconds(1500);
        auth = std::make_unique<AuthService>(*database, hasher, tokens, guard, commonPasswords, settings);
    }

    std::int64_t liveRefreshTokens(const std::string& sessionId)
    {
        Poco::Data::Session session = database->session();
        Poco::Int64 count = 0;
        std::string id = sessionId;
        session << database->sql("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ? AND used_at IS NULL"),
            use(id), into(count), now;
        return count;
    }

    TestDatabase testDatabase;
    std::unique_ptr<Database> database;
    PasswordHasher hasher;
    AccessTokenService tokens;
    SessionGuard guard;
    CommonPasswordList commonPasswords;
    std::unique_ptr<AuthService> auth;
};

const ClientInfo kClient{"198.51.100.7", "TestAuthService/1.0", "device-1"};

ApiException captureError(const std::function<void()>& action)
{
    try {
        action();
    } catch (const ApiException& error) {
        return error;
    }
    return ApiException(0, "none", "no exception");
}

} // namespace

class TestAuthService final : public QObject
{
    Q_OBJECT

private slots:
    void testLoginIssuesWorkingPair_data() { addDialectRows(); }
    void testLoginIssuesWorkingPair();
    void testFailedSignInsIdentical_data() { addDialectRows(); }
    void testFailedSignInsIdentical();
    void testRegisterHidesExistingAddress_data() { addDialectRows(); }
    void testRegisterHidesExistingAddress();
    void testWeakPasswordsRejected();
    void testRefreshRotates_data() { addDialectRows(); }
    void testRefreshRotates();
    void testRetryWithinGraceGetsSameSuccessor_data() { addDialectRows(); }
    void testRetryWithinGraceGetsSameSuccessor();
    void testReuseAfterGraceRevokesSession_data() { addDialectRows(); }
    void testReuseAfterGraceRevokesSession();
    void testReuseOfOlderTokenRevokesSession_data() { addDialectRows(); }
    void testReuseOfOlderTokenRevokesSession();
    void testConcurrentRefreshesKeepOneLiveToken_data() { addDialectRows(); }
    void testConcurrentRefreshesKeepOneLiveToken();
    void testLogoutRevokesAccessAndRefresh_data() { addDialectRows(); }
    void testLogoutRevokesAccessAndRefresh();
    void testRehashOnSignInWhenCostRises();
};

void TestAuthService::testLoginIssuesWorkingPair()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("Lin@Example.com", kPassword, Role::Admin);

    const TokenPair pair = fixture.auth->login("lin@example.COM", kPassword, false, kClient).tokens.value();
    QCOMPARE(pair.user.email, std::string("lin@example.com"));
    QCOMPARE(pair.accessExpiresInSeconds, std::int64_t(8 * 3600));
    QCOMPARE(pair.refreshExpiresInSeconds, std::int64_t(7 * 24 * 3600));
    QVERIFY(pair.user.lastLoginAt.has_value());

    const AccessClaims claims = fixture.auth->authenticate(pair.accessToken);
    QCOMPARE(claims.sessionId, pair.sessionId);
    QCOMPARE(claims.role, Role::Admin);

    const TokenPair remembered = fixture.auth->login("lin@example.com", kPassword, true, kClient).tokens.value();
    QCOMPARE(remembered.refreshExpiresInSeconds, std::int64_t(30 * 24 * 3600));
    QVERIFY(remembered.sessionId != pair.sessionId);
}

void TestAuthService::testFailedSignInsIdentical()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("known@example.com", kPassword, Role::User);

    const ApiException wrongPassword =
        captureError([&] { fixture.auth->login("known@example.com", "not-the-password-1", false, kClient); });
    const ApiException unknownEmail =
        captureError([&] { fixture.auth->login("unknown@example.com", "not-the-password-1", false, kClient); });
    const ApiException malformedEmail =
        captureError([&] { fixture.auth->login("not an address", "not-the-password-1", false, kClient); });

    QCOMPARE(wrongPassword.status(), 401);
    QCOMPARE(wrongPassword.type(), std::string(problem::kInvalidCredentials));
    for (const ApiException& other : {unknownEmail, malformedEmail}) {
        QCOMPARE(other.status(), wrongPassword.status());
        QCOMPARE(other.type(), wrongPassword.type());
        QCOMPARE(other.title(), wrongPassword.title());
        QCOMPARE(other.detail(), wrongPassword.detail());
    }
}

void TestAuthService::testRegisterHidesExistingAddress()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);

    fixture.auth->registerUser("new@example.com", kPassword);
    fixture.auth->registerUser("NEW@example.com", "another-strong-passphrase");

    // The second registration changed nothing: the first password still signs in.
    QVERIFY(!fixture.auth->login("new@example.com", kPassword, false, kClient).tokens.value().accessToken.empty());
    const ApiException second =
        captureError([&] { fixture.auth->login("new@example.com", "another-strong-passphrase", false, kClient); });
    QCOMPARE(second.status(), 401);
}

void TestAuthService::testWeakPasswordsRejected()
{
    AuthFixture fixture("sqlite");
    for (const std::string password : {"short", "password1234", "Password1234", "qwertyuiop123", "aaaaaaaaaaaaaa",
                                       "weak@example.com-pw"}) {
        const ApiException error = captureError([&] { fixture.auth->registerUser("weak@example.com", password); });
        QVERIFY2(error.status() == 422, password.c_str());
        QCOMPARE(error.type(), std::string(problem::kWeakPassword));
    }
    const ApiException badEmail = captureError([&] { fixture.auth->registerUser("nobody", kPassword); });
    QCOMPARE(badEmail.status(), 400);
}

void TestAuthService::testRefreshRotates()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("rot@example.com", kPassword, Role::User);
    const TokenPair first = fixture.auth->login("rot@example.com", kPassword, false, kClient).tokens.value();

    const TokenPair second = fixture.auth->refresh(first.refreshToken, kClient);
    QVERIFY(second.refreshToken != first.refreshToken);
    QCOMPARE(second.sessionId, first.sessionId);
    QCOMPARE(fixture.auth->authenticate(second.accessToken).sessionId, first.sessionId);

    const TokenPair third = fixture.auth->refresh(second.refreshToken, kClient);
    QVERIFY(third.refreshToken != second.refreshToken);
    QCOMPARE(fixture.liveRefreshTokens(first.sessionId), std::int64_t(1));

    const ApiException unknown = captureError([&] { fixture.auth->refresh("never-issued", kClient); });
    QCOMPARE(unknown.type(), std::string(problem::kInvalidRefreshToken));
}

void TestAuthService::testRetryWithinGraceGetsSameSuccessor()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("retry@example.com", kPassword, Role::User);
    const TokenPair first = fixture.auth->login("retry@example.com", kPassword, false, kClient).tokens.value();

    const TokenPair answer = fixture.auth->refresh(first.refreshToken, kClient);
    const TokenPair retry = fixture.auth->refresh(first.refreshToken, kClient);

    QCOMPARE(retry.refreshToken, answer.refreshToken);
    QCOMPARE(fixture.liveRefreshTokens(first.sessionId), std::int64_t(1));
    QCOMPARE(fixture.auth->authenticate(retry.accessToken).sessionId, first.sessionId);
    QVERIFY(!fixture.auth->refresh(retry.refreshToken, kClient).refreshToken.empty());
}

void TestAuthService::testReuseAfterGraceRevokesSession()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("late@example.com", kPassword, Role::User);
    const TokenPair first = fixture.auth->login("late@example.com", kPassword, false, kClient).tokens.value();
    const TokenPair second = fixture.auth->refresh(first.refreshToken, kClient);

    QTest::qSleep(1700); // past the fixture's 1.5 s grace window
    const ApiException reuse = captureError([&] { fixture.auth->refresh(first.refreshToken, kClient); });
    QCOMPARE(reuse.type(), std::string(problem::kInvalidRefreshToken));

    // The whole session is gone: its newest refresh token and its access token stop working.
    const ApiException successor = captureError([&] { fixture.auth->refresh(second.refreshToken, kClient); });
    QCOMPARE(successor.type(), std::string(problem::kInvalidRefreshToken));
    const ApiException access = captureError([&] { fixture.auth->authenticate(second.accessToken); });
    QCOMPARE(access.status(), 401);
}

void TestAuthService::testReuseOfOlderTokenRevokesSession()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("old@example.com", kPassword, Role::User);
    const TokenPair first = fixture.auth->login("old@example.com", kPassword, false, kClient).tokens.value();
    const TokenPair second = fixture.auth->refresh(first.refreshToken, kClient);
    const TokenPair third = fixture.auth->refresh(second.refreshToken, kClient);

    // Within the grace window, but the successor was already used: not a retry, a stolen copy.
    const ApiException reuse = captureError([&] { fixture.auth->refresh(first.refreshToken, kClient); });
    QCOMPARE(reuse.type(), std::string(problem::kInvalidRefreshToken));
    const ApiException newest = captureError([&] { fixture.auth->refresh(third.refreshToken, kClient); });
    QCOMPARE(newest.type(), std::string(problem::kInvalidRefreshToken));
}

void TestAuthService::testConcurrentRefreshesKeepOneLiveToken()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("race@example.com", kPassword, Role::User);
    const TokenPair first = fixture.auth->login("race@example.com", kPassword, false, kClient).tokens.value();

    constexpr int kClients = 8;
    std::vector<std::string> successors(kClients);
    std::vector<std::string> errors(kClients);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&, i] {
            try {
                successors[i] = fixture.auth->refresh(first.refreshToken, kClient).refreshToken;
            } catch (const std::exception& error) {
                errors[i] = error.what();
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }

    for (int i = 0; i < kClients; ++i) {
        QVERIFY2(errors[i].empty(), errors[i].c_str());
    }
    QCOMPARE(std::set<std::string>(successors.begin(), successors.end()).size(), std::size_t(1));
    QCOMPARE(fixture.liveRefreshTokens(first.sessionId), std::int64_t(1));
}

void TestAuthService::testLogoutRevokesAccessAndRefresh()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuthFixture fixture(dialect);
    fixture.auth->createAccount("bye@example.com", kPassword, Role::User);
    const TokenPair pair = fixture.auth->login("bye@example.com", kPassword, false, kClient).tokens.value();
    const TokenPair other = fixture.auth->login("bye@example.com", kPassword, false, kClient).tokens.value();
    QVERIFY(!fixture.auth->authenticate(pair.accessToken).userId.empty());

    fixture.auth->logout(pair.sessionId, "logout");

    QCOMPARE(captureError([&] { fixture.auth->authenticate(pair.accessToken); }).status(), 401);
    QCOMPARE(captureError([&] { fixture.auth->refresh(pair.refreshToken, kClient); }).type(),
             std::string(problem::kInvalidRefreshToken));
    QCOMPARE(fixture.auth->authenticate(other.accessToken).sessionId, other.sessionId);
}

void TestAuthService::testRehashOnSignInWhenCostRises()
{
    AuthFixture fixture("sqlite");
    fixture.auth->createAccount("up@example.com", kPassword, Role::User);
    const UserRecord user = fixture.auth->login("up@example.com", kPassword, false, kClient).tokens.value().user;
    const std::string before = user.passwordHash;
    QVERIFY(before.starts_with("$argon2id$v=19$m=65536,t=2,"));

    HashCost stronger = HashCost::interactive();
    stronger.opsLimit = 3;
    PasswordHasher strongerHasher(stronger, 1, std::chrono::seconds(30));
    AuthService upgraded(*fixture.database, strongerHasher, fixture.tokens, fixture.guard, fixture.commonPasswords, {});
    QVERIFY(!upgraded.login("up@example.com", kPassword, false, kClient).tokens.value().accessToken.empty());

    UserRepository users(*fixture.database);
    const std::string after = users.findById(user.id)->passwordHash;
    QVERIFY2(after.starts_with("$argon2id$v=19$m=65536,t=3,"), after.c_str());
    QVERIFY(fixture.hasher.verify(after, kPassword));

    // A server still configured with the old cost keeps the stronger hash instead of downgrading it.
    QVERIFY(!fixture.auth->login("up@example.com", kPassword, false, kClient).tokens.value().accessToken.empty());
    QCOMPARE(users.findById(user.id)->passwordHash, after);
}

QTEST_GUILESS_MAIN(TestAuthService)
#include "TestAuthService.moc"
