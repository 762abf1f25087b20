#include "support/HttpsClient.h"
#include "support/TestServer.h"

#include "shared/ProblemTypes.h"
#include "storage/Database.h"

#include <Poco/JSON/Array.h>
#include <QtTest>

using namespace ileadx;
using namespace Poco::Data::Keywords;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

struct SignedIn
{
    std::string accessToken;
    std::string refreshToken;
    std::string sessionId;
    std::string userId;
};

SignedIn signIn(HttpsClient& client, const std::string& email, const std::string& password,
                const std::string& userAgent = "TestSessionRoutes/1.0")
{
    Poco::Net::NameValueCollection headers;
    headers.set("User-Agent", userAgent);
    const HttpReply reply = client.send("POST", "/api/v1/auth/login", test::credentialsJson(email, password),
                                        "application/json", {}, headers);
    if (reply.status != 200) {
        return {};
    }
    const Poco::JSON::Object::Ptr json = reply.json();
    return SignedIn{json->getValue<std::string>("access_token"), json->getValue<std::string>("refresh_token"),
                    json->getValue<std::string>("session_id"),
                    json->getObject("user")->getValue<std::string>("id")};
}

Poco::JSON::Array::Ptr itemsOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->getArray("items") : nullptr;
}

std::string refreshBody(const std::string& token)
{
    return R"({"refresh_token":")" + token + "\"}";
}

} // namespace

class TestSessionRoutes final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void testOwnSessionsListed();
    void testRevokeOwnSessionBlocksNextRequest();
    void testCannotRevokeAnotherUsersSession();
    void testRevokeOthersKeepsCurrent();
    void testAdminRevokesCustomerSessions();
    void testAdminCannotTouchAdminSessions();
    void testSuperAdminManagesAdminSessions();
    void testUserRefusedAdminSessionRoutes();
    void testUnknownUserAndSession();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
    std::string m_customerPassword;
    std::string m_otherPassword;
    std::string m_adminPassword;
    std::string m_ownerPassword;
};

void TestSessionRoutes::init()
{
    m_server = std::make_unique<TestServer>();
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    m_customerPassword = m_server->createAccount("customer@example.com", Role::User);
    m_otherPassword = m_server->createAccount("other@example.com", Role::User);
    m_adminPassword = m_server->createAccount("admin@example.com", Role::Admin);
    m_ownerPassword = m_server->createAccount("owner@example.com", Role::SuperAdmin);
}

void TestSessionRoutes::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSessionRoutes::testOwnSessionsListed()
{
    const SignedIn phone = signIn(*m_client, "customer@example.com", m_customerPassword,
                                  "Mozilla/5.0 (Linux; Android 14) Chrome/120.0.0.0 Mobile Safari/537.36");
    const SignedIn laptop = signIn(*m_client, "customer@example.com", m_customerPassword,
                                   "Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0");

    const HttpReply reply = m_client->get("/api/v1/me/sessions", laptop.accessToken);
    QCOMPARE(reply.status, 200);
    const Poco::JSON::Array::Ptr items = itemsOf(reply);
    QCOMPARE(items->size(), std::size_t(2));

    const Poco::JSON::Object::Ptr newest = items->getObject(0);
    QCOMPARE(newest->getValue<std::string>("id"), laptop.sessionId);
    QCOMPARE(newest->getValue<bool>("current"), true);
    QCOMPARE(newest->getValue<std::string>("device_label"), std::string("Firefox 121 on Windows"));
    QCOMPARE(newest->getValue<std::string>("ip_address"), std::string("127.0.0.***"));
    QCOMPARE(items->getObject(1)->getValue<bool>("current"), false);
    QCOMPARE(items->getObject(1)->getValue<std::string>("device_label"), std::string("Chrome 120 on Android"));
    QCOMPARE(reply.body.find("127.0.0.1"), std::string::npos);
}

void TestSessionRoutes::testRevokeOwnSessionBlocksNextRequest()
{
    const SignedIn first = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn second = signIn(*m_client, "customer@example.com", m_customerPassword);
    QCOMPARE(m_client->get("/api/v1/me", first.accessToken).status, 200);

    const HttpReply revoke = m_client->send("DELETE", "/api/v1/me/sessions/" + first.sessionId, {}, {}, second.accessToken);
    QCOMPARE(revoke.status, 204);

    QCOMPARE(m_client->get("/api/v1/me", first.accessToken).status, 401);
    const HttpReply refresh = m_client->postJson("/api/v1/auth/refresh", refreshBody(first.refreshToken));
    QCOMPARE(refresh.status, 401);
    QCOMPARE(refresh.json()->getValue<std::string>("type"), std::string(problem::kInvalidRefreshToken));
    QCOMPARE(m_client->get("/api/v1/me", second.accessToken).status, 200);

    // The revocation is in the audit trail, naming the session and its owner.
    Database& database = m_server->runtime().database();
    Poco::Data::Session session = database.session();
    std::vector<std::string> targets;
    std::vector<std::string> actors;
    session << "SELECT target_id, actor_id FROM audit_log WHERE action = 'session.revoked'", into(targets),
        into(actors), now;
    QCOMPARE(targets.size(), std::size_t(1));
    QCOMPARE(targets.front(), first.sessionId);
    QCOMPARE(actors.front(), second.userId);
}

void TestSessionRoutes::testCannotRevokeAnotherUsersSession()
{
    const SignedIn victim = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn other = signIn(*m_client, "other@example.com", m_otherPassword);

    const HttpReply reply = m_client->send("DELETE", "/api/v1/me/sessions/" + victim.sessionId, {}, {}, other.accessToken);
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_client->get("/api/v1/me", victim.accessToken).status, 200);
}

void TestSessionRoutes::testRevokeOthersKeepsCurrent()
{
    const SignedIn a = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn b = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn current = signIn(*m_client, "customer@example.com", m_customerPassword);

    const HttpReply reply = m_client->send("POST", "/api/v1/me/sessions/revoke-others", {}, {}, current.accessToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()->getValue<int>("revoked"), 2);

    QCOMPARE(m_client->get("/api/v1/me", a.accessToken).status, 401);
    QCOMPARE(m_client->get("/api/v1/me", b.accessToken).status, 401);
    QCOMPARE(m_client->get("/api/v1/me", current.accessToken).status, 200);
    QCOMPARE(itemsOf(m_client->get("/api/v1/me/sessions", current.accessToken))->size(), std::size_t(1));
}

void TestSessionRoutes::testAdminRevokesCustomerSessions()
{
    const SignedIn customer = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn admin = signIn(*m_client, "admin@example.com", m_adminPassword);
    const std::string base = "/api/v1/admin/users/" + customer.userId + "/sessions";

    const HttpReply list = m_client->get(base, admin.accessToken);
    QCOMPARE(list.status, 200);
    QCOMPARE(itemsOf(list)->size(), std::size_t(1));
    QCOMPARE(itemsOf(list)->getObject(0)->getValue<std::string>("ip_address"), std::string("127.0.0.***"));
    QCOMPARE(itemsOf(list)->getObject(0)->getValue<bool>("current"), false);

    QCOMPARE(m_client->send("DELETE", base + "/" + customer.sessionId, {}, {}, admin.accessToken).status, 204);
    QCOMPARE(m_client->get("/api/v1/me", customer.accessToken).status, 401);

    const SignedIn again = signIn(*m_client, "customer@example.com", m_customerPassword);
    const HttpReply all = m_client->send("POST", base + "/revoke-all", {}, {}, admin.accessToken);
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json()->getValue<int>("revoked"), 1);
    QCOMPARE(m_client->get("/api/v1/me", again.accessToken).status, 401);
}

void TestSessionRoutes::testAdminCannotTouchAdminSessions()
{
    const SignedIn owner = signIn(*m_client, "owner@example.com", m_ownerPassword);
    const SignedIn admin = signIn(*m_client, "admin@example.com", m_adminPassword);
    const std::string base = "/api/v1/admin/users/" + owner.userId + "/sessions";

    QCOMPARE(m_client->get(base, admin.accessToken).status, 403);
    QCOMPARE(m_client->send("POST", base + "/revoke-all", {}, {}, admin.accessToken).status, 403);
    QCOMPARE(m_client->send("DELETE", base + "/" + owner.sessionId, {}, {}, admin.accessToken).status, 403);
    QCOMPARE(m_client->get("/api/v1/me", owner.accessToken).status, 200);
}

void TestSessionRoutes::testSuperAdminManagesAdminSessions()
{
    const SignedIn admin = signIn(*m_client, "admin@example.com", m_adminPassword);
    const SignedIn owner = signIn(*m_client, "owner@example.com", m_ownerPassword);
    const std::string base = "/api/v1/admin/users/" + admin.userId + "/sessions";

    QCOMPARE(m_client->get(base, owner.accessToken).status, 200);
    QCOMPARE(m_client->send("POST", base + "/revoke-all", {}, {}, owner.accessToken).status, 200);
    QCOMPARE(m_client->get("/api/v1/me", admin.accessToken).status, 401);
}

void TestSessionRoutes::testUserRefusedAdminSessionRoutes()
{
    const SignedIn customer = signIn(*m_client, "customer@example.com", m_customerPassword);
    const SignedIn other = signIn(*m_client, "other@example.com", m_otherPassword);
    const std::string base = "/api/v1/admin/users/" + other.userId + "/sessions";

    QCOMPARE(m_client->get(base, customer.accessToken).status, 403);
    QCOMPARE(m_client->send("POST", base + "/revoke-all", {}, {}, customer.accessToken).status, 403);
    QCOMPARE(m_client->get("/api/v1/me", other.accessToken).status, 200);
}

void TestSessionRoutes::testUnknownUserAndSession()
{
    const SignedIn admin = signIn(*m_client, "admin@example.com", m_adminPassword);
    QCOMPARE(m_client->get("/api/v1/admin/users/no-such-user/sessions", admin.accessToken).status, 404);
    QCOMPARE(m_client->send("DELETE", "/api/v1/me/sessions/no-such-session", {}, {}, admin.accessToken).status, 404);
    QCOMPARE(m_client->send("DELETE", "/api/v1/me/sessions/", {}, {}, admin.accessToken).status, 404);
}

QTEST_GUILESS_MAIN(TestSessionRoutes)
#include "TestSessionRoutes.moc"
