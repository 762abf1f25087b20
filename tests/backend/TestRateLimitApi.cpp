#include "support/HttpsClient.h"
#include "support/TestServer.h"

#include "ratelimit/RateLimitKeys.h"
#include "ratelimit/RateLimiter.h"
#include "shared/ProblemTypes.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

const std::string kLoginPath = "/api/v1/auth/login";

/// Signs in and returns the reply's JSON, or null when the sign-in failed.
Poco::JSON::Object::Ptr signIn(HttpsClient& client, const std::string& email, const std::string& password)
{
    const HttpReply reply = client.postJson(kLoginPath, test::credentialsJson(email, password));
    return reply.status == 200 ? reply.json() : nullptr;
}

std::string problemTypeOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("type", "") : std::string();
}

/// Returns the problem body without its request id, which differs on every response.
std::string problemWithoutRequestId(const HttpReply& reply)
{
    Poco::JSON::Object::Ptr json = reply.json();
    if (!json) {
        return reply.body;
    }
    json->remove("request_id");
    std::ostringstream text;
    json->stringify(text);
    return text.str();
}

int headerNumber(const HttpReply& reply, const std::string& name)
{
    const std::string value = reply.header(name);
    return value.empty() ? -1 : std::stoi(value);
}

} // namespace

class TestRateLimitApi final : public QObject
{
    Q_OBJECT

private slots:
    void testConcurrentClientsGetExactlyTheLimit();
    void testHeadersOnSuccessfulAnswers();
    void testAuthRoutesHaveTheirOwnLimit();
    void testAccountLimitSeparateFromAddress();
    void testSignInDelayGrowsAndCaps();
};

void TestRateLimitApi::testConcurrentClientsGetExactlyTheLimit()
{
    constexpr int kLimit = 40;
    constexpr int kRequests = kLimit + 20;
    constexpr int kClients = 50;

    // One token a minute: the bucket cannot refill a whole token unless the test runs a minute.
    // Each keep-alive connection occupies a server thread, so the server gets one per client.
    TestServer server({{"ratelimit.authPerMinute", "1"},
                       {"ratelimit.authBurst", std::to_string(kLimit)},
                       {"server.threads", std::to_string(kClients + 4)}});

    // A password this short is rejected with 422 before any hashing or database work, so the
    // requests reach the limiter almost at once.
    const std::string weakRegistration = test::credentialsJson("crowd@example.com", "short");
    std::atomic<int> nextTicket{0};
    std::mutex repliesMutex;
    std::vector<HttpReply> replies;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&] {
            HttpsClient client(server.port(), server.certificatePath());
            while (nextTicket.fetch_add(1) < kRequests) {
                try {
                    HttpReply reply = client.postJson("/api/v1/auth/register", weakRegistration);
                    const std::lock_guard<std::mutex> lock(repliesMutex);
                    replies.push_back(std::move(reply));
                } catch (const std::exception& error) {
                    const std::lock_guard<std::mutex> lock(repliesMutex);
                    errors.emplace_back(error.what());
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;

    QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
    QCOMPARE(static_cast<int>(replies.size()), kRequests);
    int accepted = 0;
    int limited = 0;
    for (const HttpReply& reply : replies) {
        QCOMPARE(headerNumber(reply, "RateLimit-Limit"), kLimit);
        if (reply.status == 422) {
            ++accepted;
            continue;
        }
        QCOMPARE(reply.status, 429);
        ++limited;
        QCOMPARE(reply.contentType, std::string("application/problem+json"));
        QCOMPARE(problemTypeOf(reply), std::string(problem::kRateLimited));
        QCOMPARE(headerNumber(reply, "RateLimit-Remaining"), 0);

        // The next token is due a minute after the first request, less the time the test took.
        const int retryAfter = headerNumber(reply, "Retry-After");
        const int elapsedSeconds = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(elapsed).count());
        QVERIFY2(retryAfter <= 60, reply.header("Retry-After").c_str());
        QVERIFY2(retryAfter >= 60 - elapsedSeconds, reply.header("Retry-After").c_str());
    }
    QCOMPARE(accepted, kLimit);
    QCOMPARE(limited, kRequests - kLimit);
}

void TestRateLimitApi::testHeadersOnSuccessfulAnswers()
{
    TestServer server({{"ratelimit.defaultPerMinute", "60"},
                       {"ratelimit.defaultBurst", "5"},
                       {"ratelimit.authPerMinute", "60"},
                       {"ratelimit.authBurst", "7"}});
    const std::string password = server.createAccount("headers@example.com", Role::User);
    HttpsClient client(server.port(), server.certificatePath());

    // Each response of the auth class counts down, whatever its status.
    const HttpReply login = client.postJson(kLoginPath, test::credentialsJson("headers@example.com", password));
    QCOMPARE(login.status, 200);
    QCOMPARE(headerNumber(login, "RateLimit-Limit"), 7);
    QCOMPARE(headerNumber(login, "RateLimit-Remaining"), 6);
    QCOMPARE(headerNumber(login, "RateLimit-Reset"), 1);
    QCOMPARE(login.header("Retry-After"), std::string());
    const HttpReply refused = client.postJson("/api/v1/auth/refresh", R"({"refresh_token":"forged"})");
    QCOMPARE(refused.status, 401);
    QCOMPARE(headerNumber(refused, "RateLimit-Remaining"), 5);
    QCOMPARE(headerNumber(refused, "RateLimit-Reset"), 2);
    const std::string token = login.json()->getValue<std::string>("access_token");

    // The default class has its own bucket. The header shows the tighter of the address and
    // account buckets, which here are drained equally.
    const HttpReply first = client.get("/api/v1/me", token);
    QCOMPARE(first.status, 200);
    QCOMPARE(headerNumber(first, "RateLimit-Limit"), 5);
    QCOMPARE(headerNumber(first, "RateLimit-Remaining"), 4);
    QCOMPARE(headerNumber(first, "RateLimit-Reset"), 1);
    QCOMPARE(first.header("Retry-After"), std::string());

    const HttpReply second = client.get("/api/v1/me", token);
    QCOMPARE(headerNumber(second, "RateLimit-Remaining"), 3);

    // Unknown paths count against the default class of the address too.
    const HttpReply missing = client.get("/api/v1/nothing-here", token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(headerNumber(missing, "RateLimit-Limit"), 5);
    QCOMPARE(headerNumber(missing, "RateLimit-Remaining"), 2);
}

void TestRateLimitApi::testAuthRoutesHaveTheirOwnLimit()
{
    TestServer server({{"ratelimit.authPerMinute", "1"}, {"ratelimit.authBurst", "3"}});
    const std::string password = server.createAccount("strict@example.com", Role::User);
    HttpsClient client(server.port(), server.certificatePath());
    const Poco::JSON::Object::Ptr session = signIn(client, "strict@example.com", password);
    QVERIFY(session);
    const std::string token = session->getValue<std::string>("access_token");

    QCOMPARE(client.postJson(kLoginPath, test::credentialsJson("strict@example.com", "wrong-password-1")).status, 401);
    QCOMPARE(client.postJson(kLoginPath, test::credentialsJson("strict@example.com", "wrong-password-2")).status, 401);

    const HttpReply limited = client.postJson(kLoginPath, test::credentialsJson("strict@example.com", password));
    QCOMPARE(limited.status, 429);
    QCOMPARE(problemTypeOf(limited), std::string(problem::kRateLimited));
    QVERIFY(headerNumber(limited, "Retry-After") > 50);
    QCOMPARE(headerNumber(limited, "RateLimit-Limit"), 3);
    // The unread request body would corrupt the next request, so the server closes the connection.
    QCOMPARE(QString::fromStdString(limited.header("Connection")).toLower(), QString("close"));

    // Registration shares the auth limit; other routes keep their own.
    const HttpReply registration =
        client.postJson("/api/v1/auth/register", test::credentialsJson("new@example.com", "a-long-enough-password"));
    QCOMPARE(registration.status, 429);
    QCOMPARE(client.get("/api/v1/me", token).status, 200);
}

void TestRateLimitApi::testAccountLimitSeparateFromAddress()
{
    constexpr int kBurst = 10;
    TestServer server({{"ratelimit.defaultPerMinute", "1"}, {"ratelimit.defaultBurst", std::to_string(kBurst)}});
    const std::string drainedPassword = server.createAccount("drained@example.com", Role::User);
    const std::string otherPassword = server.createAccount("other@example.com", Role::User);
    HttpsClient client(server.port(), server.certificatePath());
    const Poco::JSON::Object::Ptr drained = signIn(client, "drained@example.com", drainedPassword);
    const Poco::JSON::Object::Ptr other = signIn(client, "other@example.com", otherPassword);
    QVERIFY(drained);
    QVERIFY(other);

    // Every test client shares 127.0.0.1, so the account's bucket is drained directly, as requests
    // of that account from other addresses would drain it.
    const std::string drainedId = drained->getObject("user")->getValue<std::string>("id");
    for (int i = 0; i < kBurst; ++i) {
        QVERIFY(server.runtime().rateLimiter().consume("default", accountKey(drainedId)).allowed);
    }

    const HttpReply refused = client.get("/api/v1/me", drained->getValue<std::string>("access_token"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(problemTypeOf(refused), std::string(problem::kRateLimited));
    QVERIFY(headerNumber(refused, "Retry-After") > 50);
    QCOMPARE(headerNumber(refused, "RateLimit-Remaining"), 0);

    const HttpReply served = client.get("/api/v1/me", other->getValue<std::string>("access_token"));
    QCOMPARE(served.status, 200);
    // The address bucket took both requests, the other account's bucket only one, and the header
    // shows the tighter of the two.
    QCOMPARE(headerNumber(served, "RateLimit-Remaining"), kBurst - 2);
}

void TestRateLimitApi::testSignInDelayGrowsAndCaps()
{
    TestServer server({{"auth.signInFreeFailures", "1"},
                       {"auth.signInDelaySeconds", "1"},
                       {"auth.signInMaxDelaySeconds", "2"}});
    const std::string password = server.createAccount("victim@example.com", Role::User);
    HttpsClient client(server.port(), server.certificatePath());
    const auto attempt = [&](const std::string& email, const std::string& secret) {
        return client.postJson(kLoginPath, test::credentialsJson(email, secret));
    };

    // A registered and an unknown address go through the same steps with the same responses. Each
    // round fails once, gets a 429 with the wait, and waits. The rejection follows the failure at
    // once, so the Retry-After value is the full delay rounded up.
    for (const int expectedWait : {1, 2, 2}) {
        QCOMPARE(attempt("victim@example.com", "wrong-password-1").status, 401);
        const HttpReply known = attempt("victim@example.com", password);
        QCOMPARE(attempt("nobody@example.com", "wrong-password-1").status, 401);
        const HttpReply unknown = attempt("nobody@example.com", "wrong-password-2");

        QCOMPARE(known.status, 429);
        QCOMPARE(problemTypeOf(known), std::string(problem::kRateLimited));
        QCOMPARE(headerNumber(known, "Retry-After"), expectedWait);
        QCOMPARE(unknown.status, 429);
        QCOMPARE(headerNumber(unknown, "Retry-After"), expectedWait);
        QCOMPARE(problemWithoutRequestId(unknown), problemWithoutRequestId(known));

        std::this_thread::sleep_for(std::chrono::seconds(expectedWait));
    }

    // After the wait the right password works, and it clears the address's failures.
    QCOMPARE(attempt("victim@example.com", password).status, 200);
    QCOMPARE(attempt("victim@example.com", "wrong-password-3").status, 401);
    const HttpReply restarted = attempt("victim@example.com", "wrong-password-4");
    QCOMPARE(restarted.status, 429);
    QCOMPARE(headerNumber(restarted, "Retry-After"), 1);
}

QTEST_GUILESS_MAIN(TestRateLimitApi)
#include "TestRateLimitApi.moc"
