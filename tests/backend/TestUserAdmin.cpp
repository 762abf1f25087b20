#include "support/HttpsClient.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"
#include "users/UserAdminRepository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <QtTest>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestDatabase;
using ileadx::test::TestServer;

namespace {

struct SignedIn
{
    std::string accessToken;
    std::string userId;
};

std::string problemType(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("type", "") : std::string();
}

std::vector<std::string> emailsOf(const HttpReply& reply)
{
    std::vector<std::string> emails;
    const Poco::JSON::Object::Ptr json = reply.json();
    if (!json) {
        return emails;
    }
    const Poco::JSON::Array::Ptr items = json->getArray("items");
    for (std::size_t index = 0; items && index < items->size(); ++index) {
        emails.push_back(items->getObject(static_cast<unsigned int>(index))->getValue<std::string>("email"));
    }
    std::sort(emails.begin(), emails.end());
    return emails;
}

std::string jsonMember(const std::string& text, const std::string& name)
{
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>(name);
}

/// Opens a new connection for each request, so one test's rejected request cannot affect the next.
/// Keep-alive reuse after an unread body is covered by TestHttpsApi.
struct FreshClient
{
    std::unique_ptr<HttpsClient> operator->() const { return std::make_unique<HttpsClient>(port, certificatePath); }

    int port = 0;
    std::string certificatePath;
};

/// A server with one account of each role, on the database of one dialect.
struct Fixture
{
    explicit Fixture(const QString& dialect, std::map<std::string, std::string> overrides = {})
        : database(dialect)
    {
        overrides["database.url"] = database.url();
        server = std::make_unique<TestServer>(overrides);
        client = FreshClient{server->port(), server->certificatePath()};
        passwords["customer@example.com"] = server->createAccount("customer@example.com", Role::User);
        passwords["admin@example.com"] = server->createAccount("admin@example.com", Role::Admin);
        passwords["owner@example.com"] = server->createAccount("owner@example.com", Role::SuperAdmin);
    }

    ~Fixture() { server.reset(); }

    std::string create(const std::string& email, Role role)
    {
        passwords[email] = server->createAccount(email, role);
        return UserRepository(server->runtime().database()).findByEmail(email)->id;
    }

    SignedIn signIn(const std::string& email)
    {
        const HttpReply reply = client->postJson("/api/v1/auth/login", test::credentialsJson(email, passwords.at(email)));
        if (reply.status != 200) {
            return {};
        }
        const Poco::JSON::Object::Ptr json = reply.json();
        return SignedIn{json->getValue<std::string>("access_token"),
                        json->getObject("user")->getValue<std::string>("id")};
    }

    HttpReply put(const std::string& path, const std::string& body, const std::string& token)
    {
        return client->send("PUT", path, body, "application/json", token);
    }

    HttpReply remove(const std::string& path, const std::string& token)
    {
        return client->send("DELETE", path, {}, {}, token);
    }

    std::vector<AuditEntry> auditEntries(std::string_view action)
    {
        AuditFilter filter;
        filter.action = std::string(action);
        return AuditLog(server->runtime().database()).list(filter, 100, std::nullopt);
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    FreshClient client;
    std::map<std::string, std::string> passwords;
};

} // namespace

class TestUserAdmin final : public QObject
{
    Q_OBJECT

private slots:
    void testListFilters_data() { addDialectRows(); }
    void testListFilters();
    void testListRejectsBadFilters();
    void testReadOneUser();
    void testRoleChangeRevokesSessions_data() { addDialectRows(); }
    void testRoleChangeRevokesSessions();
    void testRoleChangeRules();
    void testLastSuperAdminKept();
    void testPlanChange_data() { addDialectRows(); }
    void testPlanChange();
    void testUsageReset();
    void testDeleteUser_data() { addDialectRows(); }
    void testDeleteUser();
    void testDeleteRules();
    void testStepUpRequired();
    void testLikeWildcardsEscaped();
};

void TestUserAdmin::testListFilters()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Fixture fixture(dialect);
    const SignedIn admin = fixture.signIn("admin@example.com");
    const std::string paying = fixture.create("paying.customer@example.com", Role::User);
    QCOMPARE(fixture.put("/api/v1/admin/users/" + paying + "/plan", R"({"plan":"pro"})", admin.accessToken).status, 200);

    const std::vector<std::string> byText = emailsOf(fixture.client->get("/api/v1/admin/users?q=CUSTOMER", admin.accessToken));
    QCOMPARE(byText, (std::vector<std::string>{"customer@example.com", "paying.customer@example.com"}));

    const std::vector<std::string> byRole = emailsOf(fixture.client->get("/api/v1/admin/users?role=admin", admin.accessToken));
    QCOMPARE(byRole, (std::vector<std::string>{"admin@example.com"}));

    const std::vector<std::string> byPlan = emailsOf(fixture.client->get("/api/v1/admin/users?plan=pro", admin.accessToken));
    QCOMPARE(byPlan, (std::vector<std::string>{"paying.customer@example.com"}));

    // The owner's confirmed enrollment counts; the customer's unconfirmed one does not.
    {
        Poco::Data::Session session = fixture.server->runtime().database().session();
        const std::string sql = fixture.server->runtime().database().sql(
            "INSERT INTO two_factor (user_id, secret_box, created_at, enabled_at) VALUES (?, 'sealed', 1, ?)");
        std::string ownerId = UserRepository(fixture.server->runtime().database()).findByEmail("owner@example.com")->id;
        std::string customerId =
            UserRepository(fixture.server->runtime().database()).findByEmail("customer@example.com")->id;
        Poco::Nullable<Poco::Int64> confirmed(Poco::Int64(2));
        Poco::Nullable<Poco::Int64> pending;
        session << sql, Poco::Data::Keywords::use(ownerId), Poco::Data::Keywords::use(confirmed), Poco::Data::Keywords::now;
        session << sql, Poco::Data::Keywords::use(customerId), Poco::Data::Keywords::use(pending), Poco::Data::Keywords::now;
    }
    const std::vector<std::string> withTwoFactor =
        emailsOf(fixture.client->get("/api/v1/admin/users?two_factor=true", admin.accessToken));
    QCOMPARE(withTwoFactor, (std::vector<std::string>{"owner@example.com"}));
    const std::vector<std::string> withoutTwoFactor =
        emailsOf(fixture.client->get("/api/v1/admin/users?two_factor=false&q=customer", admin.accessToken));
    QCOMPARE(withoutTwoFactor, (std::vector<std::string>{"customer@example.com", "paying.customer@example.com"}));
    QCOMPARE(fixture.client->get("/api/v1/admin/users?two_factor=yes", admin.accessToken).status, 400);

    const std::vector<std::string> combined =
        emailsOf(fixture.client->get("/api/v1/admin/users?q=customer&plan=free&role=user", admin.accessToken));
    QCOMPARE(combined, (std::vector<std::string>{"customer@example.com"}));

    // A filtered list still pages with the cursor.
    const HttpReply first = fixture.client->get("/api/v1/admin/users?q=customer&limit=1", admin.accessToken);
    QCOMPARE(first.status, 200);
    QCOMPARE(emailsOf(first).size(), std::size_t(1));
    const std::string cursor = first.json()->getValue<std::string>("next_cursor");
    const HttpReply second =
        fixture.client->get("/api/v1/admin/users?q=customer&limit=1&cursor=" + cursor, admin.accessToken);
    QCOMPARE(second.status, 200);
    QCOMPARE(emailsOf(second).size(), std::size_t(1));
    QVERIFY(emailsOf(first) != emailsOf(second));
    QVERIFY(second.json()->isNull("next_cursor"));
}

void TestUserAdmin::testListRejectsBadFilters()
{
    Fixture fixture("sqlite");
    const SignedIn admin = fixture.signIn("admin@example.com");
    QCOMPARE(fixture.client->get("/api/v1/admin/users?role=owner", admin.accessToken).status, 400);
    QCOMPARE(fixture.client->get("/api/v1/admin/users?plan=gold", admin.accessToken).status, 400);
    QCOMPARE(fixture.client->get("/api/v1/admin/users?q=" + std::string(300, 'a'), admin.accessToken).status, 400);
}

void TestUserAdmin::testLikeWildcardsEscaped()
{
    Fixture fixture("sqlite");
    const SignedIn admin = fixture.signIn("admin@example.com");
    fixture.create("under_score@example.com", Role::User);
    fixture.create("underxscore@example.com", Role::User);

    // `%` and `_` are matched as themselves, so neither matches every address.
    QCOMPARE(emailsOf(fixture.client->get("/api/v1/admin/users?q=%25", admin.accessToken)).size(), std::size_t(0));
    QCOMPARE(emailsOf(fixture.client->get("/api/v1/admin/users?q=under_", admin.accessToken)),
             (std::vector<std::string>{"under_score@example.com"}));
    QCOMPARE(escapeLikePattern(R"(a%b_c\d)"), std::string(R"(a\%b\_c\\d)"));
}

void TestUserAdmin::testReadOneUser()
{
    Fixture fixture("sqlite");
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply reply = fixture.client->get("/api/v1/admin/users/" + customer.userId, admin.accessToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()->getValue<std::string>("email"), std::string("customer@example.com"));
    QCOMPARE(reply.json()->getValue<std::string>("plan"), std::string("free"));
    QVERIFY(reply.json()->isNull("usage_reset_at"));
    QVERIFY(!reply.json()->has("password_hash"));

    QCOMPARE(fixture.client->get("/api/v1/admin/users/no-such-user", admin.accessToken).status, 404);
    QCOMPARE(fixture.client->get("/api/v1/admin/users/" + admin.userId, customer.accessToken).status, 403);
}

void TestUserAdmin::testRoleChangeRevokesSessions()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Fixture fixture(dialect);
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply reply = fixture.put("/api/v1/admin/users/" + customer.userId + "/role", R"({"role":"admin"})",
                                        owner.accessToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()->getValue<std::string>("role"), std::string("admin"));

    // The old token carries the old role, so its session is gone; a new sign-in carries the new one.
    QCOMPARE(fixture.client->get("/api/v1/me", customer.accessToken).status, 401);
    const SignedIn promoted = fixture.signIn("customer@example.com");
    const HttpReply me = fixture.client->get("/api/v1/me", promoted.accessToken);
    QCOMPARE(me.status, 200);
    QVERIFY2(me.body.find("\"admin\"") != std::string::npos, me.body.c_str());
    QCOMPARE(fixture.client->get("/api/v1/admin/users", promoted.accessToken).status, 200);

    const std::vector<AuditEntry> entries = fixture.auditEntries(audit::action::kUserRoleChanged);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.front().actorId, owner.userId);
    QCOMPARE(entries.front().actorEmail, std::string("owner@example.com"));
    QCOMPARE(entries.front().targetId, customer.userId);
    QCOMPARE(jsonMember(entries.front().oldValue.value_or("{}"), "role"), std::string("user"));
    QCOMPARE(jsonMember(entries.front().newValue.value_or("{}"), "role"), std::string("admin"));
}

void TestUserAdmin::testRoleChangeRules()
{
    Fixture fixture("sqlite");
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply own = fixture.put("/api/v1/admin/users/" + owner.userId + "/role", R"({"role":"admin"})",
                                      owner.accessToken);
    QCOMPARE(own.status, 403);
    QCOMPARE(problemType(own), std::string(problem::kForbidden));

    QCOMPARE(fixture.put("/api/v1/admin/users/" + customer.userId + "/role", R"({"role":"admin"})", admin.accessToken)
                 .status,
             403);
    QCOMPARE(fixture.put("/api/v1/admin/users/" + customer.userId + "/role", R"({"role":"owner"})", owner.accessToken)
                 .status,
             400);
    QCOMPARE(fixture.put("/api/v1/admin/users/no-such-user/role", R"({"role":"admin"})", owner.accessToken).status, 404);
    QVERIFY(fixture.auditEntries(audit::action::kUserRoleChanged).empty());
}

void TestUserAdmin::testLastSuperAdminKept()
{
    Fixture fixture("sqlite");
    const std::string second = fixture.create("second.owner@example.com", Role::SuperAdmin);
    const SignedIn owner = fixture.signIn("owner@example.com");

    // Demote the caller's own row behind the server's back: its token still claims super_admin, so
    // the request passes the permission check and only the last-super-admin rule can stop it.
    {
        Transaction transaction(fixture.server->runtime().database());
        UserAdminRepository(fixture.server->runtime().database())
            .updateRole(transaction.session(), owner.userId, Role::Admin);
        transaction.commit();
    }

    const HttpReply demote =
        fixture.put("/api/v1/admin/users/" + second + "/role", R"({"role":"admin"})", owner.accessToken);
    QCOMPARE(demote.status, 403);
    QVERIFY2(demote.body.find("last super admin") != std::string::npos, demote.body.c_str());

    const HttpReply remove = fixture.remove("/api/v1/admin/users/" + second, owner.accessToken);
    QCOMPARE(remove.status, 403);
    QVERIFY2(remove.body.find("last super admin") != std::string::npos, remove.body.c_str());
}

void TestUserAdmin::testPlanChange()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Fixture fixture(dialect);
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply reply =
        fixture.put("/api/v1/admin/users/" + customer.userId + "/plan", R"({"plan":"starter"})", admin.accessToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()->getValue<std::string>("plan"), std::string("starter"));
    QCOMPARE(fixture.client->get("/api/v1/admin/users/" + customer.userId, admin.accessToken)
                 .json()
                 ->getValue<std::string>("plan"),
             std::string("starter"));
    // A plan change leaves the customer signed in.
    QCOMPARE(fixture.client->get("/api/v1/me", customer.accessToken).status, 200);

    const HttpReply onAdmin =
        fixture.put("/api/v1/admin/users/" + owner.userId + "/plan", R"({"plan":"pro"})", admin.accessToken);
    QCOMPARE(onAdmin.status, 403);
    QCOMPARE(fixture.put("/api/v1/admin/users/" + admin.userId + "/plan", R"({"plan":"pro"})", owner.accessToken).status,
             200);
    QCOMPARE(fixture.put("/api/v1/admin/users/" + customer.userId + "/plan", R"({"plan":"gold"})", admin.accessToken)
                 .status,
             400);
    QCOMPARE(fixture.put("/api/v1/admin/users/" + customer.userId + "/plan", R"({"plan":"pro"})", customer.accessToken)
                 .status,
             403);

    const std::vector<AuditEntry> entries = fixture.auditEntries(audit::action::kUserPlanChanged);
    QCOMPARE(entries.size(), std::size_t(2));
    const AuditEntry& first = entries.back();
    QCOMPARE(first.actorId, admin.userId);
    QCOMPARE(first.targetId, customer.userId);
    QCOMPARE(jsonMember(first.oldValue.value_or("{}"), "plan"), std::string("free"));
    QCOMPARE(jsonMember(first.newValue.value_or("{}"), "plan"), std::string("starter"));
}

void TestUserAdmin::testUsageReset()
{
    Fixture fixture("sqlite");
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply reply =
        fixture.client->postJson("/api/v1/admin/users/" + customer.userId + "/usage/reset", "{}", admin.accessToken);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json()->isNull("usage_reset_at"));
    QCOMPARE(fixture.client->postJson("/api/v1/admin/users/" + owner.userId + "/usage/reset", "{}", admin.accessToken)
                 .status,
             403);
    QCOMPARE(
        fixture.client->postJson("/api/v1/admin/users/" + customer.userId + "/usage/reset", "{}", customer.accessToken)
            .status,
        403);

    const std::vector<AuditEntry> entries = fixture.auditEntries(audit::action::kUsageReset);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.front().targetId, customer.userId);
    QCOMPARE(jsonMember(entries.front().newValue.value_or("{}"), "usage_reset_at"),
             reply.json()->getValue<std::string>("usage_reset_at"));
}

void TestUserAdmin::testDeleteUser()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Fixture fixture(dialect);
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    QCOMPARE(fixture.remove("/api/v1/admin/users/" + customer.userId, admin.accessToken).status, 204);
    QCOMPARE(fixture.client->get("/api/v1/me", customer.accessToken).status, 401);
    QCOMPARE(fixture.client->get("/api/v1/admin/users/" + customer.userId, admin.accessToken).status, 404);
    QCOMPARE(fixture.remove("/api/v1/admin/users/" + customer.userId, admin.accessToken).status, 404);
    QCOMPARE(fixture.client->postJson("/api/v1/auth/login",
                                      test::credentialsJson("customer@example.com", fixture.passwords.at("customer@example.com")))
                 .status,
             401);

    const std::vector<AuditEntry> entries = fixture.auditEntries(audit::action::kUserDeleted);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.front().actorEmail, std::string("admin@example.com"));
    QCOMPARE(entries.front().targetId, customer.userId);
    QVERIFY(entries.front().oldValue.value_or("").find("customer@example.com") == std::string::npos);

    // The deleted user's own entries (such as their sign-in) stay and the chain still verifies.
    QVERIFY(!fixture.auditEntries(audit::action::kSignInSucceeded).empty());
    QVERIFY(AuditLog(fixture.server->runtime().database()).verify().ok);
    const HttpReply verify = fixture.client->get("/api/v1/admin/audit/verify", admin.accessToken);
    QCOMPARE(verify.status, 200);
    QCOMPARE(verify.json()->getValue<bool>("ok"), true);
}

void TestUserAdmin::testDeleteRules()
{
    Fixture fixture("sqlite");
    const std::string otherAdmin = fixture.create("other.admin@example.com", Role::Admin);
    const SignedIn admin = fixture.signIn("admin@example.com");
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");

    const HttpReply adminOnAdmin = fixture.remove("/api/v1/admin/users/" + otherAdmin, admin.accessToken);
    QCOMPARE(adminOnAdmin.status, 403);
    QCOMPARE(fixture.remove("/api/v1/admin/users/" + owner.userId, admin.accessToken).status, 403);
    QCOMPARE(fixture.remove("/api/v1/admin/users/" + admin.userId, admin.accessToken).status, 403);
    QCOMPARE(fixture.remove("/api/v1/admin/users/" + owner.userId, owner.accessToken).status, 403);
    QCOMPARE(fixture.remove("/api/v1/admin/users/" + admin.userId, customer.accessToken).status, 403);
    QVERIFY(fixture.auditEntries(audit::action::kUserDeleted).empty());

    QCOMPARE(fixture.remove("/api/v1/admin/users/" + otherAdmin, owner.accessToken).status, 204);
    QCOMPARE(fixture.auditEntries(audit::action::kUserDeleted).size(), std::size_t(1));
}

void TestUserAdmin::testStepUpRequired()
{
    // A window of 0 minutes makes every session too old, which is how this test expires the window.
    Fixture fixture("sqlite", {{"auth.stepUpMinutes", "0"}});
    const SignedIn owner = fixture.signIn("owner@example.com");
    const SignedIn customer = fixture.signIn("customer@example.com");
    QTest::qWait(5);

    const HttpReply role =
        fixture.put("/api/v1/admin/users/" + customer.userId + "/role", R"({"role":"admin"})", owner.accessToken);
    QCOMPARE(role.status, 403);
    QCOMPARE(problemType(role), std::string(problem::kStepUpRequired));
    const HttpReply remove = fixture.remove("/api/v1/admin/users/" + customer.userId, owner.accessToken);
    QCOMPARE(remove.status, 403);
    QCOMPARE(problemType(remove), std::string(problem::kStepUpRequired));

    // Plan changes and usage resets need no recent sign-in.
    QCOMPARE(fixture.put("/api/v1/admin/users/" + customer.userId + "/plan", R"({"plan":"pro"})", owner.accessToken)
                 .status,
             200);
    QVERIFY(fixture.auditEntries(audit::action::kUserRoleChanged).empty());
    QVERIFY(fixture.auditEntries(audit::action::kUserDeleted).empty());
}

QTEST_GUILESS_MAIN(TestUserAdmin)
#include "TestUserAdmin.moc"
