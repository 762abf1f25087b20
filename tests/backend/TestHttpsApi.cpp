#include "support/HttpsClient.h"
#include "support/TestServer.h"

#include "shared/ProblemTypes.h"

#include <Poco/Net/SSLException.h>
#include <QtTest>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

std::string accessTokenOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("access_token", "") : std::string();
}

} // namespace

class TestHttpsApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void testSignInAndProfileOverTls13();
    void testSecurityHeadersOnEveryAnswer_data();
    void testSecurityHeadersOnEveryAnswer();
    void testClientRequestIdEchoed();
    void testTls12ClientRefusedByDefault();
    void testTls12AcceptedWhenConfigured();
    void testBadInputAnsweredWithProblem_data();
    void testBadInputAnsweredWithProblem();
    void testFailedSignInsLookAlike();
    void testAccessChecks_data();
    void testAccessChecks();
    void testUnknownRouteAndMethod();
    void testUserListPagination();
    void testUserListRejectsBadParameters_data();
    void testUserListRejectsBadParameters();
    void testRefreshRetryOverHttps();
    void testLogoutEndsAccess();
    void testUnreadBodyKeepsConnectionUsable();
    void testPostWithoutLengthHasEmptyBody();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
    std::string m_adminPassword;
    std::string m_userPassword;
    std::string m_adminToken;
    std::string m_userToken;
};

void TestHttpsApi::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    m_adminPassword = m_server->createAccount("admin@example.com", Role::Admin);
    m_userPassword = m_server->createAccount("user@example.com", Role::User);

    m_adminToken = accessTokenOf(
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("admin@example.com", m_adminPassword)));
    m_userToken = accessTokenOf(
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("user@example.com", m_userPassword)));
    QVERIFY(!m_adminToken.empty());
    QVERIFY(!m_userToken.empty());
}

void TestHttpsApi::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void TestHttpsApi::testSignInAndProfileOverTls13()
{
    const HttpReply login =
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("user@example.com", m_userPassword));
    QCOMPARE(login.status, 200);
    QCOMPARE(login.contentType, std::string("application/json"));
    const Poco::JSON::Object::Ptr tokens = login.json();
    QVERIFY(tokens);
    QCOMPARE(tokens->getValue<std::string>("token_type"), std::string("Bearer"));
    QCOMPARE(tokens->getValue<int>("expires_in"), 8 * 3600);
    QVERIFY(!tokens->getValue<std::string>("refresh_token").empty());
    QCOMPARE(login.body.find("password"), std::string::npos);

    const HttpReply me = m_client->get("/api/v1/me", tokens->getValue<std::string>("access_token"));
    QCOMPARE(me.status, 200);
    const Poco::JSON::Object::Ptr profile = me.json();
    QCOMPARE(profile->getValue<std::string>("email"), std::string("user@example.com"));
    QCOMPARE(profile->getValue<std::string>("role"), std::string("user"));
    QVERIFY(profile->getValue<std::string>("created_at").ends_with("Z"));
    QCOMPARE(me.body.find("hash"), std::string::npos);
}

void TestHttpsApi::testSecurityHeadersOnEveryAnswer_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");

    QTest::newRow("success") << "GET" << "/api/v1/me" << 200;
    QTest::newRow("missing token") << "GET" << "/api/v1/admin/users" << 401;
    QTest::newRow("unknown route") << "GET" << "/nothing-here" << 404;
}

void TestHttpsApi::testSecurityHeadersOnEveryAnswer()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, status);

    const std::string bearer = status == 200 ? m_userToken : std::string();
    const HttpReply reply = m_client->send(method.toStdString(), path.toStdString(), {}, {}, bearer);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Strict-Transport-Security"), std::string("max-age=31536000; includeSubDomains"));
    QCOMPARE(reply.header("X-Request-Id").size(), std::size_t(32));
    QCOMPARE(reply.header("Cache-Control"), std::string("no-store"));
}

void TestHttpsApi::testClientRequestIdEchoed()
{
    Poco::Net::NameValueCollection headers;
    headers.set("X-Request-Id", "console-42.abc");
    const HttpReply echoed = m_client->send("GET", "/api/v1/me", {}, {}, m_userToken, headers);
    QCOMPARE(echoed.header("X-Request-Id"), std::string("console-42.abc"));

    // An id with characters that could forge log fields is replaced by a generated one.
    headers.set("X-Request-Id", "x status=200 user=admin");
    const HttpReply replaced = m_client->send("GET", "/api/v1/me", {}, {}, m_userToken, headers);
    QCOMPARE(replaced.header("X-Request-Id").size(), std::size_t(32));
}

void TestHttpsApi::testTls12ClientRefusedByDefault()
{
    HttpsClient tls12(m_server->port(), m_server->certificatePath(), true);
    QVERIFY_THROWS_EXCEPTION(Poco::Exception, tls12.get("/api/v1/me", m_userToken));
}

void TestHttpsApi::testTls12AcceptedWhenConfigured()
{
    TestServer lenient(std::map<std::string, std::string>{{"tls.minimumVersion", "1.2"}});
    HttpsClient tls12(lenient.port(), lenient.certificatePath(), true);
    const HttpReply reply = tls12.get("/api/v1/me");
    QCOMPARE(reply.status, 401);
}

void TestHttpsApi::testBadInputAnsweredWithProblem_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");

    const QByteArray secret = R"("password":"do-not-echo-this-secret")";
    QTest::newRow("malformed json") << "application/json" << QByteArray("{\"email\": \"a@b.co\", " + secret)
                                    << 400 << QString::fromLatin1(problem::kInvalidJson.data());
    QTest::newRow("json array instead of object")
        << "application/json" << QByteArray("[1, 2, 3]") << 400 << QString::fromLatin1(problem::kInvalidJson.data());
    QTest::newRow("deep nesting") << "application/json" << QByteArray(200, '[') << 400
                                  << QString::fromLatin1(problem::kInvalidJson.data());
    QTest::newRow("form content type") << "application/x-www-form-urlencoded"
                                       << QByteArray("email=a%40b.co&password=x") << 415
                                       << QString::fromLatin1(problem::kUnsupportedMediaType.data());
    QTest::newRow("no content type") << "" << QByteArray("{}") << 415
                                     << QString::fromLatin1(problem::kUnsupportedMediaType.data());
    QTest::newRow("oversized body") << "application/json"
                                    << QByteArray("{\"email\":\"" + QByteArray(70000, 'a') + "\"}") << 413
                                    << QString::fromLatin1(problem::kPayloadTooLarge.data());
    QTest::newRow("missing password") << "application/json" << QByteArray(R"({"email":"a@b.co"})") << 400
                                      << QString::fromLatin1(problem::kInvalidRequest.data());
    QTest::newRow("number as email") << "application/json" << QByteArray("{\"email\":42," + secret + "}") << 400
                                     << QString::fromLatin1(problem::kInvalidRequest.data());
    QTest::newRow("oversized password field")
        << "application/json" << QByteArray(R"({"email":"a@b.co","password":")" + QByteArray(2000, 'p') + "\"}")
        << 400 << QString::fromLatin1(problem::kInvalidRequest.data());
}

void TestHttpsApi::testBadInputAnsweredWithProblem()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);

    // A fresh connection per row, because the server may close one after a rejected body.
    HttpsClient client(m_server->port(), m_server->certificatePath());
    const HttpReply reply = client.send("POST", "/api/v1/auth/login", body.toStdString(), contentType.toStdString());

    QCOMPARE(reply.status, status);
    QCOMPARE(reply.contentType, std::string("application/problem+json"));
    const Poco::JSON::Object::Ptr problem = reply.json();
    QVERIFY2(problem, reply.body.c_str());
    QCOMPARE(QString::fromStdString(problem->getValue<std::string>("type")), type);
    QCOMPARE(problem->getValue<int>("status"), status);
    QVERIFY(!problem->getValue<std::string>("title").empty());
    QCOMPARE(problem->getValue<std::string>("request_id"), reply.header("X-Request-Id"));
    QVERIFY2(reply.body.find("do-not-echo-this-secret") == std::string::npos, reply.body.c_str());
}

void TestHttpsApi::testFailedSignInsLookAlike()
{
    const HttpReply wrongPassword = m_client->postJson(
        "/api/v1/auth/login", test::credentialsJson("user@example.com", "wrong-password-but-long"));
    const HttpReply unknownEmail = m_client->postJson(
        "/api/v1/auth/login", test::credentialsJson("stranger@example.com", "wrong-password-but-long"));

    QCOMPARE(wrongPassword.status, 401);
    QCOMPARE(unknownEmail.status, wrongPassword.status);
    Poco::JSON::Object::Ptr first = wrongPassword.json();
    Poco::JSON::Object::Ptr second = unknownEmail.json();
    first->remove("request_id");
    second->remove("request_id");
    std::ostringstream firstText;
    std::ostringstream secondText;
    first->stringify(firstText);
    second->stringify(secondText);
    QCOMPARE(firstText.str(), secondText.str());
    QCOMPARE(unknownEmail.header("Content-Length"), wrongPassword.header("Content-Length"));
}

void TestHttpsApi::testAccessChecks_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");

    QTest::newRow("user reads own profile") << "user" << "/api/v1/me" << 200;
    QTest::newRow("user refused the user list") << "user" << "/api/v1/admin/users" << 403;
    QTest::newRow("admin reads the user list") << "admin" << "/api/v1/admin/users" << 200;
    QTest::newRow("no token refused") << "none" << "/api/v1/me" << 401;
    QTest::newRow("tampered token refused") << "tampered" << "/api/v1/admin/users" << 401;
    QTest::newRow("basic scheme refused") << "basic" << "/api/v1/me" << 401;
}

void TestHttpsApi::testAccessChecks()
{
    QFETCH(QString, token);
    QFETCH(QString, path);
    QFETCH(int, status);

    std::string bearer;
    if (token == "user") {
        bearer = m_userToken;
    } else if (token == "admin") {
        bearer = m_adminToken;
    } else if (token == "tampered") {
        // Swap the user's payload into the admin's token: the signature no longer matches.
        const std::string user = m_userToken;
        const std::string admin = m_adminToken;
        bearer = admin.substr(0, admin.find('.')) + user.substr(user.find('.'), user.rfind('.') - user.find('.')) +
                 admin.substr(admin.rfind('.'));
    }

    Poco::Net::NameValueCollection headers;
    if (token == "basic") {
        headers.set("Authorization", "Basic YWRtaW5AZXhhbXBsZS5jb206cGFzc3dvcmQ=");
    }
    const HttpReply reply = m_client->send("GET", path.toStdString(), {}, {}, bearer, headers);
    QCOMPARE(reply.status, status);
    if (status >= 400) {
        QCOMPARE(reply.contentType, std::string("application/problem+json"));
    }
}

void TestHttpsApi::testUnknownRouteAndMethod()
{
    const HttpReply missing = m_client->get("/api/v1/nothing", m_userToken);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json()->getValue<std::string>("type"), std::string(problem::kNotFound));

    const HttpReply wrongMethod = m_client->send("DELETE", "/api/v1/me", {}, {}, m_userToken);
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.header("Allow"), std::string("GET"));
}

void TestHttpsApi::testUserListPagination()
{
    for (int i = 0; i < 5; ++i) {
        m_server->createAccount("page" + std::to_string(i) + "@example.com", Role::User);
    }

    std::set<std::string> emails;
    std::string cursor;
    int pages = 0;
    do {
        std::string path = "/api/v1/admin/users?limit=3";
        if (!cursor.empty()) {
            path += "&cursor=" + cursor;
        }
        const HttpReply reply = m_client->get(path, m_adminToken);
        QCOMPARE(reply.status, 200);
        const Poco::JSON::Object::Ptr page = reply.json();
        const Poco::JSON::Array::Ptr items = page->getArray("items");
        QVERIFY(items->size() <= 3);
        for (std::size_t i = 0; i < items->size(); ++i) {
            emails.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("email"));
        }
        cursor = page->isNull("next_cursor") ? std::string() : page->getValue<std::string>("next_cursor");
        ++pages;
    } while (!cursor.empty() && pages < 10);

    QVERIFY(emails.contains("page0@example.com"));
    QVERIFY(emails.contains("page4@example.com"));
    QVERIFY(emails.contains("admin@example.com"));
    QVERIFY(pages >= 3);
}

void TestHttpsApi::testUserListRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");

    QTest::newRow("limit zero") << "limit=0";
    QTest::newRow("limit above maximum") << "limit=201";
    QTest::newRow("limit not a number") << "limit=ten";
    QTest::newRow("cursor not base64") << "cursor=%%%";
    QTest::newRow("cursor without separator") << "cursor=bm9zZXBhcmF0b3I";
}

void TestHttpsApi::testUserListRejectsBadParameters()
{
    QFETCH(QString, query);

    const HttpReply reply = m_client->get("/api/v1/admin/users?" + query.toStdString(), m_adminToken);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.contentType, std::string("application/problem+json"));
}

void TestHttpsApi::testRefreshRetryOverHttps()
{
    const HttpReply login =
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("user@example.com", m_userPassword));
    const std::string refreshToken = login.json()->getValue<std::string>("refresh_token");
    const std::string body = R"({"refresh_token":")" + refreshToken + "\"}";

    const HttpReply first = m_client->postJson("/api/v1/auth/refresh", body);
    const HttpReply retry = m_client->postJson("/api/v1/auth/refresh", body);
    QCOMPARE(first.status, 200);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.json()->getValue<std::string>("refresh_token"), first.json()->getValue<std::string>("refresh_token"));

    const HttpReply garbage = m_client->postJson("/api/v1/auth/refresh", R"({"refresh_token":"forged"})");
    QCOMPARE(garbage.status, 401);
    QCOMPARE(garbage.json()->getValue<std::string>("type"), std::string(problem::kInvalidRefreshToken));
}

void TestHttpsApi::testLogoutEndsAccess()
{
    const std::string token = accessTokenOf(
        m_client->postJson("/api/v1/auth/login", test::credentialsJson("user@example.com", m_userPassword)));
    QCOMPARE(m_client->get("/api/v1/me", token).status, 200);

    QCOMPARE(m_client->send("POST", "/api/v1/auth/logout", {}, {}, token).status, 204);
    QCOMPARE(m_client->get("/api/v1/me", token).status, 401);
}

void TestHttpsApi::testUnreadBodyKeepsConnectionUsable()
{
    // The 401 comes before the body is parsed; the next request on the same connection must not
    // be read from the leftover body bytes.
    HttpsClient client(m_server->port(), m_server->certificatePath());
    const std::string body = R"({"refresh_token":")" + std::string(300, 'x') + "\"}";
    QCOMPARE(client.send("POST", "/api/v1/auth/logout", body, "application/json").status, 401);
    QCOMPARE(client.get("/api/v1/me", m_userToken).status, 200);
    QCOMPARE(client.send("GET", "/api/v1/nothing-here", body, "application/json").status, 404);
    QCOMPARE(client.get("/api/v1/me", m_userToken).status, 200);
}

void TestHttpsApi::testPostWithoutLengthHasEmptyBody()
{
    // A POST without Content-Length or chunked coding has an empty body, so the server must respond
    // at once rather than wait for the connection to close.
    HttpsClient client(m_server->port(), m_server->certificatePath());
    Poco::Net::NameValueCollection headers;
    headers.set("X-Test-Omit-Content-Length", "yes");
    const HttpReply reply = client.send("POST", "/api/v1/auth/logout", {}, {}, m_userToken, headers);
    QCOMPARE(reply.status, 204);
    QCOMPARE(client.get("/api/v1/me", m_userToken).status, 401);
    const HttpReply json = client.send("POST", "/api/v1/auth/login", {}, "application/json", {}, headers);
    QCOMPARE(json.status, 400);
}

QTEST_GUILESS_MAIN(TestHttpsApi)
#include "TestHttpsApi.moc"
