#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include "users/UsersModel.h"

namespace {

UserAccount makeAccount(int number, ileadx::Role role = ileadx::Role::User)
{
    UserAccount account;
    account.id = QString::number(number);
    account.email = QStringLiteral("customer%1@example.com").arg(number);
    account.role = role;
    account.roleName = QString::fromLatin1(ileadx::roleName(role).data());
    account.createdAt = QDateTime(QDate(2026, 12, 4), QTime(19, 30), Qt::UTC);
    return account;
}

UserPage makePage(int first, int count, const QString& nextCursor)
{
    UserPage page;
    for (int number = first; number < first + count; ++number) {
        page.items.append(makeAccount(number));
    }
    page.nextCursor = nextCursor;
    return page;
}

} // namespace

class TestUsersModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void testModelTester();
    void testPagingByCursor();
    void testPageSizeSentWithRequest_data();
    void testPageSizeSentWithRequest();
    void testFailedPageStopsFetching();
    void testUnrequestedPageIgnored();
    void testEmptyPageEndsList();
    void testRepeatedCursorEndsList();
    void testReloadStartsOver();
    void testDisplayText_data();
    void testDisplayText();
    void testDatesInLocalTime();
    void testHeaders();
    void testRowAt();
};

void TestUsersModel::initTestCase()
{
    // A fixed locale and a zone away from UTC make the expected texts independent of the machine.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qputenv("TZ", "Europe/Berlin");
}

void TestUsersModel::testModelTester()
{
    UsersModel model(nullptr, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.fetchMore({});
    model.appendPage(makePage(1, 3, QStringLiteral("cursor-1")));
    model.fetchMore({});
    model.appendPage(makePage(4, 2, QString()));
    model.reload();
    model.appendPage(makePage(10, 1, QString()));

    QCOMPARE(model.rowCount(), 1);
}

void TestUsersModel::testPagingByCursor()
{
    UsersModel model(nullptr, 3);
    QSignalSpy requested(&model, &UsersModel::pageRequested);
    QSignalSpy loaded(&model, &UsersModel::pageLoaded);

    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QString());
    QVERIFY2(!model.canFetchMore({}), "no second request while one is running");

    model.appendPage(makePage(1, 3, QStringLiteral("cursor-1")));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toInt(), 3);
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), QStringLiteral("cursor-1"));

    model.appendPage(makePage(4, 2, QString()));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY2(!model.canFetchMore({}), "a null cursor marks the last page");
    QVERIFY(!model.hasMorePages());

    model.fetchMore({});
    QCOMPARE(requested.size(), 2);
}

void TestUsersModel::testPageSizeSentWithRequest_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("expectedLimit");

    QTest::newRow("default page size is fifty") << 0 << 50;
    QTest::newRow("page size of twenty is sent") << 20 << 20;
}

void TestUsersModel::testPageSizeSentWithRequest()
{
    QFETCH(int, pageSize);
    QFETCH(int, expectedLimit);

    std::unique_ptr<UsersModel> model;
    if (pageSize == 0) {
        model = std::make_unique<UsersModel>(nullptr);
    } else {
        model = std::make_unique<UsersModel>(nullptr, pageSize);
    }
    QSignalSpy requested(model.get(), &UsersModel::pageRequested);

    model->fetchMore({});

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(1).toInt(), expectedLimit);
    QCOMPARE(model->pageSize(), expectedLimit);
}

void TestUsersModel::testFailedPageStopsFetching()
{
    UsersModel model(nullptr, 3);
    QSignalSpy failed(&model, &UsersModel::pageFailed);
    model.fetchMore({});

    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.message = QStringLiteral("timed out");
    model.failPage(error);

    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().message, QStringLiteral("timed out"));
    QVERIFY2(!model.canFetchMore({}), "a failed page must not be requested again in a loop");
    QVERIFY(!model.isLoading());
}

void TestUsersModel::testUnrequestedPageIgnored()
{
    UsersModel model(nullptr, 3);
    QSignalSpy loaded(&model, &UsersModel::pageLoaded);

    model.appendPage(makePage(1, 3, QStringLiteral("cursor-1")));

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(loaded.size(), 0);
}

void TestUsersModel::testEmptyPageEndsList()
{
    UsersModel model(nullptr, 3);
    model.fetchMore({});

    model.appendPage(makePage(1, 0, QStringLiteral("cursor-1")));

    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestUsersModel::testRepeatedCursorEndsList()
{
    UsersModel model(nullptr, 2);
    model.fetchMore({});
    model.appendPage(makePage(1, 2, QStringLiteral("same")));
    model.fetchMore({});

    model.appendPage(makePage(3, 2, QStringLiteral("same")));

    QCOMPARE(model.rowCount(), 4);
    QVERIFY(!model.canFetchMore({}));
}

void TestUsersModel::testReloadStartsOver()
{
    UsersModel model(nullptr, 2);
    QSignalSpy requested(&model, &UsersModel::pageRequested);
    model.fetchMore({});
    ApiError error;
    error.kind = ApiError::Kind::Network;
    model.failPage(error);

    model.reload();

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), QString());
    QVERIFY(model.isLoading());
    model.appendPage(makePage(1, 2, QString()));
    QCOMPARE(model.rowCount(), 2);
}

void TestUsersModel::testDisplayText_data()
{
    QTest::addColumn<UserAccount>("account");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    UserAccount customer = makeAccount(1);
    QTest::newRow("email shown as sent") << customer << int(UsersModel::Email)
                                         << QStringLiteral("customer1@example.com");
    QTest::newRow("user role shown as customer") << customer << int(UsersModel::Role) << QStringLiteral("Customer");
    QTest::newRow("admin role label") << makeAccount(2, ileadx::Role::Admin) << int(UsersModel::Role)
                                      << QStringLiteral("Admin");
    QTest::newRow("super admin role label") << makeAccount(3, ileadx::Role::SuperAdmin) << int(UsersModel::Role)
                                            << QStringLiteral("Super admin");
    QTest::newRow("null last sign-in shown as never") << customer << int(UsersModel::LastSignIn)
                                                      << QStringLiteral("never");

    UserAccount unknownRole = makeAccount(4);
    unknownRole.role.reset();
    unknownRole.roleName = QStringLiteral("auditor");
    QTest::newRow("unknown role shown by wire name") << unknownRole << int(UsersModel::Role)
                                                     << QStringLiteral("auditor");
}

void TestUsersModel::testDisplayText()
{
    QFETCH(UserAccount, account);
    QFETCH(int, column);
    QFETCH(QString, expected);

    UsersModel model(nullptr, 10);
    model.fetchMore({});
    UserPage page;
    page.items.append(account);
    model.appendPage(page);

    QCOMPARE(model.data(model.index(0, column)).toString(), expected);
}

void TestUsersModel::testDatesInLocalTime()
{
    UserAccount account = makeAccount(1);
    account.createdAt = UserAccount::parseTime(QStringLiteral("2026-12-04T19:30:00.123Z"));
    account.lastLoginAt = UserAccount::parseTime(QStringLiteral("2026-07-01T06:05:00.000Z"));
    UsersModel model(nullptr, 10);
    model.fetchMore({});
    UserPage page;
    page.items.append(account);
    model.appendPage(page);

    const QString created = model.data(model.index(0, UsersModel::Created)).toString();
    const QString lastSignIn = model.data(model.index(0, UsersModel::LastSignIn)).toString();

    // Berlin is UTC+1 in December and UTC+2 in July.
    QVERIFY2(created.contains(QStringLiteral("8:30")), qPrintable(created));
    QVERIFY2(created.contains(QStringLiteral("12/4/26")), qPrintable(created));
    QVERIFY2(lastSignIn.contains(QStringLiteral("8:05")), qPrintable(lastSignIn));
    QVERIFY(!model.data(model.index(0, UsersModel::Created), Qt::ToolTipRole).toString().isEmpty());
}

void TestUsersModel::testHeaders()
{
    UsersModel model(nullptr);

    QCOMPARE(model.columnCount(), int(UsersModel::Count));
    for (int column = 0; column < UsersModel::Count; ++column) {
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }
    QCOMPARE(model.headerData(UsersModel::LastSignIn, Qt::Horizontal).toString(), QStringLiteral("Last sign-in"));
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!model.headerData(UsersModel::Count, Qt::Horizontal).isValid());
}

void TestUsersModel::testRowAt()
{
    UsersModel model(nullptr, 10);
    UsersModel otherModel(nullptr, 10);
    model.fetchMore({});
    model.appendPage(makePage(1, 2, QString()));
    otherModel.fetchMore({});
    otherModel.appendPage(makePage(5, 2, QString()));

    const UserAccount* second = model.rowAt(model.index(1, UsersModel::Role));
    QVERIFY(second);
    QCOMPARE(second->email, QStringLiteral("customer2@example.com"));
    QVERIFY(!model.rowAt(QModelIndex()));
    QVERIFY(!model.rowAt(model.index(2, 0)));
    QVERIFY2(!model.rowAt(otherModel.index(0, 0)), "an index of another model is rejected");
}

QTEST_GUILESS_MAIN(TestUsersModel)
#include "TestUsersModel.moc"
