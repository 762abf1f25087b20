#include "support/HttpsClient.h"
#include "support/TestServer.h"

#include "http/RequestHandlerFactory.h"
#include "http/Router.h"
#include "shared/Permission.h"
#include "shared/Role.h"

#include <QtTest>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestServer;

namespace {

// Path parameters become an id that names no row: a caller holding the permission then gets
// 404 or 400 from the handler, never a 401 or 403 from the permission check.
constexpr const char* kUnknownId = "00000000-0000-4000-8000-000000000000";

struct DocumentedRoute
{
    std::string method;
    std::string path;
    std::string permission; ///< empty when the document names none
};

std::vector<DocumentedRoute> documentedRoutes()
{
    const YAML::Node document = YAML::LoadFile(ILEADX_OPENAPI_PATH);
    std::vector<DocumentedRoute> routes;
    for (const auto& path : document["paths"]) {
        for (const auto& operation : path.second) {
            std::string method = operation.first.as<std::string>();
            std::transform(method.begin(), method.end(), method.begin(), ::toupper);
            const YAML::Node permission = operation.second["x-permission"];
            routes.push_back({method, path.first.as<std::string>(), permission ? permission.as<std::string>() : ""});
        }
    }
    return routes;
}

std::string withParametersFilled(const std::string& path)
{
    std::string filled;
    std::size_t position = 0;
    while (position < path.size()) {
        const std::size_t open = path.find('{', position);
        if (open == std::string::npos) {
            filled += path.substr(position);
            break;
        }
        const std::size_t close = path.find('}', open);
        filled += path.substr(position, open - position) + kUnknownId;
        position = close == std::string::npos ? path.size() : close + 1;
    }
    return filled;
}

struct Caller
{
    std::optional<Role> role; ///< nothing for a request without a token
    std::string email;
};

const std::vector<Caller>& callers()
{
    static const std::vector<Caller> list = {
        {std::nullopt, ""},
        {Role::User, "user@example.com"},
        {Role::Admin, "admin@example.com"},
        {Role::SuperAdmin, "owner@example.com"},
    };
    return list;
}

std::string callerName(const Caller& caller)
{
    return caller.role ? std::string(roleName(*caller.role)) : std::string("anonymous");
}

} // namespace

class TestRoleMatrix final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void testEveryRouteNamesPermission();
    void testEveryServedRouteWalked();
    void testRouteAnswersMatchMatrix_data();
    void testRouteAnswersMatchMatrix();

private:
    // Signs in afresh for every request, because some routes sign the caller out.
    std::string freshToken(const Caller& caller);

    std::unique_ptr<TestServer> m_server;
    // A new connection for each request, so each check starts from a clean connection. Keep-alive
    // reuse after a rejected body is covered by TestHttpsApi.
    std::unique_ptr<HttpsClient> newClient() const
    {
        return std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    }
    std::map<std::string, std::string> m_passwords;
};

void TestRoleMatrix::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    for (const Caller& caller : callers()) {
        if (caller.role) {
            m_passwords[caller.email] = m_server->createAccount(caller.email, *caller.role);
        }
    }
}

void TestRoleMatrix::cleanupTestCase()
{
    m_server.reset();
}

std::string TestRoleMatrix::freshToken(const Caller& caller)
{
    if (!caller.role) {
        return {};
    }
    const HttpReply reply =
        newClient()->postJson("/api/v1/auth/login", test::credentialsJson(caller.email, m_passwords.at(caller.email)));
    if (reply.status != 200 || !reply.json()) {
        return {};
    }
    return reply.json()->getValue<std::string>("access_token");
}

void TestRoleMatrix::testEveryRouteNamesPermission()
{
    for (const DocumentedRoute& route : documentedRoutes()) {
        const QString name = QString::fromStdString(route.method + " " + route.path);
        QVERIFY2(!route.permission.empty(), qPrintable(name + " has no x-permission"));
        QVERIFY2(parsePermission(route.permission).has_value(),
                 qPrintable(name + " names the unknown permission " + QString::fromStdString(route.permission)));
    }
}

void TestRoleMatrix::testEveryServedRouteWalked()
{
    std::set<std::string> documented;
    for (const DocumentedRoute& route : documentedRoutes()) {
        documented.insert(route.method + " " + route.path);
    }
    for (const Route& route : m_server->runtime().router().routes()) {
        const std::string name = route.method + " " + route.path;
        QVERIFY2(documented.contains(name), qPrintable(QString::fromStdString(name) + " is served but not walked"));
    }
    for (const DirectRoute& route : directRoutes()) {
        const std::string name = std::string(route.method) + " " + std::string(route.path);
        QVERIFY2(documented.contains(name), qPrintable(QString::fromStdString(name) + " is served but not walked"));
    }
}

void TestRoleMatrix::testRouteAnswersMatchMatrix_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("permission");
    QTest::addColumn<int>("caller");

    for (const DocumentedRoute& route : documentedRoutes()) {
        for (std::size_t index = 0; index < callers().size(); ++index) {
            const std::string row = route.method + " " + route.path + " as " + callerName(callers()[index]);
            QTest::newRow(row.c_str()) << QString::fromStdString(route.method) << QString::fromStdString(route.path)
                                       << QString::fromStdString(route.permission) << static_cast<int>(index);
        }
    }
}

void TestRoleMatrix::testRouteAnswersMatchMatrix()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, permission);
    QFETCH(int, caller);

    const std::optional<Permission> required = parsePermission(permission.toStdString());
    QVERIFY2(required.has_value(), "the route names no known permission");
    const Caller& who = callers()[static_cast<std::size_t>(caller)];

    const std::string token = freshToken(who);
    QVERIFY2(!who.role || !token.empty(), "sign-in for the caller failed");

    const bool sendsBody = method == "POST" || method == "PUT" || method == "PATCH";
    const HttpReply reply = newClient()->send(method.toStdString(), withParametersFilled(path.toStdString()),
                                           sendsBody ? "{}" : "", sendsBody ? "application/json" : "", token);
    const QString answer = QStringLiteral("status %1, body %2").arg(reply.status).arg(QString::fromStdString(reply.body));

    if (*required == Permission::Public) {
        // Public routes may still reject a missing or wrong credential in the body with 401
        // (sign-in, refresh), but never answer 403.
        QVERIFY2(reply.status != 403, qPrintable(answer));
        return;
    }
    if (!who.role) {
        QVERIFY2(reply.status == 401, qPrintable(answer));
        return;
    }
    if (!roleHasPermission(*who.role, *required)) {
        QVERIFY2(reply.status == 403, qPrintable(answer));
        return;
    }
    QVERIFY2(reply.status != 401 && reply.status != 403, qPrintable(answer));
}

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "TestRoleMatrix.moc"
