#include <QJsonDocument>
#include <QTest>

#include "net/UserPage.h"

namespace {

QByteArray userJson(const QByteArray& lastLogin, const QByteArray& role = "user")
{
    return R"({"id":"7","email":"ada@example.com","role":")" + role +
           R"(","created_at":"2026-12-04T19:30:00.123Z","last_login_at":)" + lastLogin + "}";
}

} // namespace

class TestUserPage : public QObject
{
    Q_OBJECT

private slots:
    void testUserFields();
    void testLastLogin_data();
    void testLastLogin();
    void testMalformedUserRejected_data();
    void testMalformedUserRejected();
    void testPageCursor_data();
    void testPageCursor();
    void testMalformedPageRejected_data();
    void testMalformedPageRejected();
};

void TestUserPage::testUserFields()
{
    const std::optional<UserAccount> account =
        UserAccount::fromJson(QJsonDocument::fromJson(userJson("null", "super_admin")).object());

    QVERIFY(account);
    QCOMPARE(account->id, QStringLiteral("7"));
    QCOMPARE(account->email, QStringLiteral("ada@example.com"));
    QVERIFY(account->role.has_value());
    QCOMPARE(*account->role, ileadx::Role::SuperAdmin);
    QCOMPARE(account->createdAt, QDateTime(QDate(2026, 12, 4), QTime(19, 30, 0, 123), Qt::UTC));
}

void TestUserPage::testLastLogin_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("expectValid");

    QTest::newRow("null last login means never") << userJson("null") << false;
    QTest::newRow("missing last login means never")
        << QByteArray(R"({"id":"7","email":"a@b.c","role":"user","created_at":"2026-12-04T19:30:00.123Z"})")
        << false;
    QTest::newRow("time last login is parsed") << userJson(R"("2026-12-05T08:00:00.000Z")") << true;
}

void TestUserPage::testLastLogin()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, expectValid);

    const std::optional<UserAccount> account = UserAccount::fromJson(QJsonDocument::fromJson(json).object());

    QVERIFY(account);
    QCOMPARE(account->lastLoginAt.isValid(), expectValid);
}

void TestUserPage::testMalformedUserRejected_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("missing id") << QByteArray(R"({"email":"a@b.c","role":"user","created_at":"2026-12-04T19:30:00Z"})");
    QTest::newRow("missing email") << QByteArray(R"({"id":"1","role":"user","created_at":"2026-12-04T19:30:00Z"})");
    QTest::newRow("created at not a time") << QByteArray(R"({"id":"1","email":"a@b.c","role":"user","created_at":"yesterday"})");
    QTest::newRow("last login not a time") << userJson(R"("soon")");
}

void TestUserPage::testMalformedUserRejected()
{
    QFETCH(QByteArray, json);

    QVERIFY(!UserAccount::fromJson(QJsonDocument::fromJson(json).object()));
}

void TestUserPage::testPageCursor_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<int>("items");

    QTest::newRow("null cursor marks last page") << QByteArray(R"({"items":[)" + userJson("null") + R"(],"next_cursor":null})")
                                                 << QString() << 1;
    QTest::newRow("string cursor is kept") << QByteArray(R"({"items":[],"next_cursor":"abc"})") << QStringLiteral("abc") << 0;
}

void TestUserPage::testPageCursor()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, cursor);
    QFETCH(int, items);

    const std::optional<UserPage> page = UserPage::fromJson(QJsonDocument::fromJson(json));

    QVERIFY(page);
    QCOMPARE(page->nextCursor, cursor);
    QCOMPARE(page->items.size(), items);
    QCOMPARE(page->hasNextPage(), !cursor.isEmpty());
}

void TestUserPage::testMalformedPageRejected_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("items missing") << QByteArray(R"({"next_cursor":null})");
    QTest::newRow("cursor is a number") << QByteArray(R"({"items":[],"next_cursor":5})");
    QTest::newRow("one malformed user") << QByteArray(R"({"items":[{"id":"1"}],"next_cursor":null})");
    QTest::newRow("body is an array") << QByteArray("[]");
}

void TestUserPage::testMalformedPageRejected()
{
    QFETCH(QByteArray, json);

    QVERIFY(!UserPage::fromJson(QJsonDocument::fromJson(json)));
}

QTEST_GUILESS_MAIN(TestUserPage)
#include "TestUserPage.moc"
