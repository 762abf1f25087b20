#include "support/TestServer.h"

#include "http/RequestHandlerFactory.h"
#include "http/Router.h"

#include <QtTest>
#include <yaml-cpp/yaml.h>

#include <set>

using namespace ileadx;

namespace {

// "METHOD path permission", one line per route, so a mismatch prints readably.
using RouteSet = std::set<std::string>;

RouteSet documentedRoutes()
{
    const YAML::Node document = YAML::LoadFile(ILEADX_OPENAPI_PATH);
    RouteSet routes;
    for (const auto& path : document["paths"]) {
        for (const auto& operation : path.second) {
            std::string method = operation.first.as<std::string>();
            std::transform(method.begin(), method.end(), method.begin(), ::toupper);
            const YAML::Node permission = operation.second["x-permission"];
            routes.insert(method + " " + path.first.as<std::string>() + " " +
                          (permission ? permission.as<std::string>() : std::string("(none)")));
        }
    }
    return routes;
}

RouteSet servedRoutes(const Router& router)
{
    RouteSet routes;
    for (const Route& route : router.routes()) {
        routes.insert(route.method + " " + route.path + " " + std::string(permissionName(route.permission)));
    }
    for (const DirectRoute& route : directRoutes()) {
        routes.insert(std::string(route.method) + " " + std::string(route.path) + " " +
                      std::string(permissionName(route.permission)));
    }
    return routes;
}

QString difference(const RouteSet& left, const RouteSet& right)
{
    QStringList missing;
    for (const std::string& route : left) {
        if (!right.contains(route)) {
            missing << QString::fromStdString(route);
        }
    }
    return missing.join(QStringLiteral("; "));
}

} // namespace

class TestOpenApiRoutes final : public QObject
{
    Q_OBJECT

private slots:
    void testEveryServedRouteDocumented();
    void testEveryDocumentedRouteServed();
    void testEveryRouteNamesKnownPermission();
};

void TestOpenApiRoutes::testEveryServedRouteDocumented()
{
    QTemporaryDir folder;
    ServerRuntime runtime(test::TestServer::configFor(folder.path().toStdString(), {}));
    const QString undocumented = difference(servedRoutes(runtime.router()), documentedRoutes());
    QVERIFY2(undocumented.isEmpty(), qPrintable("served but not in docs/openapi.yaml: " + undocumented));
}

void TestOpenApiRoutes::testEveryDocumentedRouteServed()
{
    QTemporaryDir folder;
    ServerRuntime runtime(test::TestServer::configFor(folder.path().toStdString(), {}));
    const QString unserved = difference(documentedRoutes(), servedRoutes(runtime.router()));
    QVERIFY2(unserved.isEmpty(), qPrintable("in docs/openapi.yaml but not served: " + unserved));
}

void TestOpenApiRoutes::testEveryRouteNamesKnownPermission()
{
    const YAML::Node document = YAML::LoadFile(ILEADX_OPENAPI_PATH);
    for (const auto& path : document["paths"]) {
        for (const auto& operation : path.second) {
            const YAML::Node permission = operation.second["x-permission"];
            QVERIFY2(permission, qPrintable(QString::fromStdString(path.first.as<std::string>()) + " has no x-permission"));
            QVERIFY2(parsePermission(permission.as<std::string>()).has_value(),
                     qPrintable(QString::fromStdString(permission.as<std::string>()) + " is not a known permission"));
        }
    }
}

QTEST_GUILESS_MAIN(TestOpenApiRoutes)
#include "TestOpenApiRoutes.moc"
