#include "shared/Permission.h"

#include <QtTest>

using ileadx::Permission;
using ileadx::Role;

Q_DECLARE_METATYPE(ileadx::Permission)
Q_DECLARE_METATYPE(ileadx::Role)

class TestPermission final : public QObject
{
    Q_OBJECT

private slots:
    void testMatrix_data();
    void testMatrix();
    void testNamesRoundTrip();
    void testUnknownNamesRejected();
    void testRoleNames();
};

void TestPermission::testMatrix_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("user reads own profile") << Role::User << Permission::ProfileReadOwn << true;
    QTest::newRow("user ends own session") << Role::User << Permission::SessionOwn << true;
    QTest::newRow("user cannot list users") << Role::User << Permission::UsersRead << false;
    QTest::newRow("user cannot manage users") << Role::User << Permission::UsersManage << false;
    QTest::newRow("user cannot manage admins") << Role::User << Permission::AdminsManage << false;
    QTest::newRow("admin lists users") << Role::Admin << Permission::UsersRead << true;
    QTest::newRow("admin manages users") << Role::Admin << Permission::UsersManage << true;
    QTest::newRow("admin cannot manage admins") << Role::Admin << Permission::AdminsManage << false;
    QTest::newRow("admin cannot change settings") << Role::Admin << Permission::SettingsManage << false;
    QTest::newRow("super admin manages admins") << Role::SuperAdmin << Permission::AdminsManage << true;
    QTest::newRow("super admin changes settings") << Role::SuperAdmin << Permission::SettingsManage << true;
    QTest::newRow("user cannot read audit trail") << Role::User << Permission::AuditRead << false;
    QTest::newRow("admin reads audit trail") << Role::Admin << Permission::AuditRead << true;
    QTest::newRow("super admin reads audit trail") << Role::SuperAdmin << Permission::AuditRead << true;
    QTest::newRow("user cannot read system health") << Role::User << Permission::HealthRead << false;
    QTest::newRow("admin reads system health") << Role::Admin << Permission::HealthRead << true;
    QTest::newRow("super admin reads system health") << Role::SuperAdmin << Permission::HealthRead << true;
    QTest::newRow("sentinel permission denied to all") << Role::SuperAdmin << Permission::Count << false;
}

void TestPermission::testMatrix()
{
    QFETCH(Role, role);
    QFETCH(Permission, permission);
    QFETCH(bool, allowed);

    QCOMPARE(ileadx::roleHasPermission(role, permission), allowed);
}

void TestPermission::testNamesRoundTrip()
{
    for (int i = 0; i < static_cast<int>(Permission::Count); ++i) {
        const auto permission = static_cast<Permission>(i);
        const std::string_view name = ileadx::permissionName(permission);
        QVERIFY2(!name.empty(), "every permission has a wire name");
        QCOMPARE(ileadx::parsePermission(name), std::optional<Permission>(permission));
    }
}

void TestPermission::testUnknownNamesRejected()
{
    QVERIFY(!ileadx::parsePermission("users.delete_everything").has_value());
    QVERIFY(!ileadx::parsePermission("").has_value());
    QVERIFY(!ileadx::parseRole("root").has_value());
    QVERIFY(!ileadx::parseRole("Admin").has_value());
}

void TestPermission::testRoleNames()
{
    for (Role role : {Role::User, Role::Admin, Role::SuperAdmin}) {
        QCOMPARE(ileadx::parseRole(ileadx::roleName(role)), std::optional<Role>(role));
    }
    QCOMPARE(ileadx::roleName(Role::SuperAdmin), std::string_view("super_admin"));
}

QTEST_GUILESS_MAIN(TestPermission)
#include "TestPermission.moc"
