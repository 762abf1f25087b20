#include "support/TestDatabase.h"

#include "common/Clock.h"
#include "common/Random.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/RefreshTokenRepository.h"
#include "storage/SessionRepository.h"
#include "storage/UserRepository.h"

#include <Poco/Data/Session.h>
#include <QtTest>

using namespace ileadx;
using ileadx::test::TestDatabase;
using namespace Poco::Data::Keywords;

namespace {

UserRecord makeUser(const std::string& email, EpochMillis createdAt)
{
    UserRecord user;
    user.id = newId();
    user.email = email;
    user.passwordHash = "$argon2id$placeholder";
    user.role = Role::User;
    user.createdAt = createdAt;
    return user;
}

SessionRecord makeSession(const std::string& userId, EpochMillis at)
{
    SessionRecord session;
    session.id = newId();
    session.userId = userId;
    session.deviceLabel = "TestStorage/1.0";
    session.deviceFingerprint = sha256Hex("device");
    session.ipAddress = "192.0.2.10";
    session.createdAt = at;
    session.lastSeenAt = at;
    session.expiresAt = at + 60000;
    return session;
}

std::unique_ptr<Database> openMigrated(const TestDatabase& database)
{
    std::unique_ptr<Database> opened = Database::open(database.url(), 4);
    runMigrations(*opened);
    return opened;
}

} // namespace

class TestStorage final : public QObject
{
    Q_OBJECT

private slots:
    void testMigrationsIdempotent_data() { addDialectRows(); }
    void testMigrationsIdempotent();
    void testSqlitePragmas();
    void testUserInsertAndFind_data() { addDialectRows(); }
    void testUserInsertAndFind();
    void testDuplicateEmailNotInserted_data() { addDialectRows(); }
    void testDuplicateEmailNotInserted();
    void testUserPagination_data() { addDialectRows(); }
    void testUserPagination();
    void testSessionRevocation_data() { addDialectRows(); }
    void testSessionRevocation();
    void testForeignKeysEnforced_data() { addDialectRows(); }
    void testForeignKeysEnforced();
    void testRefreshTokenRoundTrip_data() { addDialectRows(); }
    void testRefreshTokenRoundTrip();
    void testRollbackWithoutCommit_data() { addDialectRows(); }
    void testRollbackWithoutCommit();
};

void TestStorage::testMigrationsIdempotent()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);

    std::unique_ptr<Database> opened = Database::open(database.url(), 2);
    QCOMPARE(runMigrations(*opened), latestSchemaVersion());
    QCOMPARE(runMigrations(*opened), latestSchemaVersion());

    Poco::Data::Session session = opened->session();
    Poco::Int64 applied = 0;
    session << "SELECT COUNT(*) FROM schema_migrations", into(applied), now;
    QCOMPARE(applied, Poco::Int64(latestSchemaVersion()));
}

void TestStorage::testSqlitePragmas()
{
    TestDatabase database("sqlite");
    std::unique_ptr<Database> opened = openMigrated(database);
    Poco::Data::Session session = opened->session();

    std::string journalMode;
    session << "PRAGMA journal_mode", into(journalMode), now;
    QCOMPARE(journalMode, std::string("wal"));
    int foreignKeys = 0;
    session << "PRAGMA foreign_keys", into(foreignKeys), now;
    QCOMPARE(foreignKeys, 1);
}

void TestStorage::testUserInsertAndFind()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    UserRepository users(*opened);

    UserRecord user = makeUser("ada@example.com", 1'700'000'000'123);
    user.role = Role::Admin;
    QVERIFY(users.insert(user));

    const std::optional<UserRecord> byEmail = users.findByEmail("ada@example.com");
    QVERIFY(byEmail.has_value());
    QCOMPARE(byEmail->id, user.id);
    QCOMPARE(byEmail->role, Role::Admin);
    QCOMPARE(byEmail->createdAt, user.createdAt);
    QVERIFY(!byEmail->lastLoginAt.has_value());

    users.updateLastLogin(user.id, 1'700'000'000'999);
    users.updatePasswordHash(user.id, "$argon2id$new");
    const std::optional<UserRecord> byId = users.findById(user.id);
    QVERIFY(byId.has_value());
    QCOMPARE(byId->lastLoginAt, std::optional<EpochMillis>(1'700'000'000'999));
    QCOMPARE(byId->passwordHash, std::string("$argon2id$new"));

    QVERIFY(!users.findByEmail("nobody@example.com").has_value());
    QVERIFY(!users.findById("no-such-id").has_value());
    QCOMPARE(users.count(), std::int64_t(1));
}

void TestStorage::testDuplicateEmailNotInserted()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    UserRepository users(*opened);

    const UserRecord first = makeUser("grace@example.com", 1000);
    QVERIFY(users.insert(first));
    QVERIFY(!users.insert(makeUser("grace@example.com", 2000)));
    QCOMPARE(users.findByEmail("grace@example.com")->id, first.id);
    QCOMPARE(users.count(), std::int64_t(1));
}

void TestStorage::testUserPagination()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    UserRepository users(*opened);

    // Seven users, three of them created in the same millisecond, so the id breaks the tie.
    for (int i = 0; i < 7; ++i) {
        QVERIFY(users.insert(makeUser("user" + std::to_string(i) + "@example.com", 1000 + std::min(i, 4))));
    }

    std::vector<std::string> seen;
    std::optional<UserCursor> cursor;
    int pages = 0;
    while (true) {
        const std::vector<UserRecord> page = users.listNewestFirst(3, cursor);
        ++pages;
        for (const UserRecord& user : page) {
            seen.push_back(user.id);
        }
        if (page.size() < 3) {
            break;
        }
        cursor = UserCursor{page.back().createdAt, page.back().id};
    }

    QCOMPARE(seen.size(), std::size_t(7));
    QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), std::size_t(7));
    QCOMPARE(pages, 3);
    const std::vector<UserRecord> all = users.listNewestFirst(10, std::nullopt);
    for (std::size_t i = 1; i < all.size(); ++i) {
        QVERIFY(all[i - 1].createdAt > all[i].createdAt ||
                (all[i - 1].createdAt == all[i].createdAt && all[i - 1].id > all[i].id));
    }
}

void TestStorage::testSessionRevocation()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    const UserRecord user = makeUser("sid@example.com", 1000);
    UserRepository(*opened).insert(user);
    SessionRepository sessions(*opened);
    Poco::Data::Session session = opened->session();

    const SessionRecord record = makeSession(user.id, 5000);
    sessions.insert(session, record);
    std::optional<SessionRecord> found = sessions.find(session, record.id);
    QVERIFY(found.has_value());
    QVERIFY(found->isActiveAt(5001));
    QVERIFY(!found->isActiveAt(record.expiresAt));
    QCOMPARE(found->ipAddress, std::string("192.0.2.10"));

    sessions.revoke(session, record.id, "logout", 6000);
    sessions.revoke(session, record.id, "second revoke keeps the first time", 7000);
    found = sessions.find(session, record.id);
    QCOMPARE(found->revokedAt, std::optional<EpochMillis>(6000));
    QVERIFY(!found->isActiveAt(6001));
}

void TestStorage::testForeignKeysEnforced()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    Poco::Data::Session session = opened->session();

    QVERIFY_THROWS_EXCEPTION(Poco::Exception,
                             SessionRepository(*opened).insert(session, makeSession("missing-user", 1000)));
}

void TestStorage::testRefreshTokenRoundTrip()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    const UserRecord user = makeUser("rt@example.com", 1000);
    UserRepository(*opened).insert(user);
    const SessionRecord session = makeSession(user.id, 1000);
    RefreshTokenRepository tokens(*opened);

    Transaction transaction(*opened);
    SessionRepository(*opened).insert(transaction.session(), session);
    tokens.insert(transaction.session(), RefreshTokenRecord{"hash-1", session.id, 1000, 9000, {}, {}, {}});
    std::optional<RefreshTokenRecord> token = tokens.findForUpdate(transaction.session(), "hash-1");
    QVERIFY(token.has_value());
    QVERIFY(!token->usedAt.has_value());
    QVERIFY(token->successorHash.empty());
    tokens.markUsed(transaction.session(), "hash-1", 2000, "hash-2", "sealed-box");
    transaction.commit();

    Poco::Data::Session reader = opened->session();
    token = tokens.findForUpdate(reader, "hash-1");
    QCOMPARE(token->usedAt, std::optional<EpochMillis>(2000));
    QCOMPARE(token->successorHash, std::string("hash-2"));
    QCOMPARE(token->successorBox, std::string("sealed-box"));
    QVERIFY(!tokens.findForUpdate(reader, "hash-unknown").has_value());
}

void TestStorage::testRollbackWithoutCommit()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    TestDatabase database(dialect);
    std::unique_ptr<Database> opened = openMigrated(database);
    const UserRecord user = makeUser("tx@example.com", 1000);
    UserRepository(*opened).insert(user);
    const SessionRecord session = makeSession(user.id, 1000);

    {
        Transaction transaction(*opened);
        SessionRepository(*opened).insert(transaction.session(), session);
    }

    Poco::Data::Session reader = opened->session();
    QVERIFY(!SessionRepository(*opened).find(reader, session.id).has_value());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "TestStorage.moc"
