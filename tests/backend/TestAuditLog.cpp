#include "support/HttpsClient.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "audit/AuditAction.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "auth/AccessTokenService.h"
#include "auth/AuthService.h"
#include "auth/CommonPasswordList.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionGuard.h"
#include "common/Random.h"
#include "http/ApiException.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <QProcess>
#include <QtTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace ileadx;
using ileadx::test::HttpReply;
using ileadx::test::HttpsClient;
using ileadx::test::TestDatabase;
using ileadx::test::TestServer;
using namespace Poco::Data::Keywords;

namespace {

constexpr const char* kPassword = "violet-harbour-engine-42";
constexpr const char* kClientIp = "198.51.100.7";
constexpr const char* kMaskedClientIp = "198.51.100.***";

/// A migrated database of one dialect and the audit log over it.
struct AuditFixture
{
    explicit AuditFixture(const QString& dialect)
        : testDatabase(dialect)
        , database(Database::open(testDatabase.url(), 16))
        , audit(*database)
    {
        runMigrations(*database);
    }

    /// Appends `entry` in a transaction of its own and returns it as stored.
    AuditEntry append(const AuditEntry& entry)
    {
        Transaction transaction(*database);
        AuditEntry stored = audit.append(transaction.session(), entry);
        transaction.commit();
        return stored;
    }

    /// Changes the table behind the service's back, as anyone with database access could.
    void execute(const std::string& statement)
    {
        Poco::Data::Session session = database->session();
        session << statement, now;
    }

    /// Returns every stored entry, lowest seq first.
    std::vector<AuditEntry> allEntries()
    {
        std::vector<AuditEntry> entries = audit.list({}, 10000, std::nullopt);
        std::reverse(entries.begin(), entries.end());
        return entries;
    }

    TestDatabase testDatabase;
    std::unique_ptr<Database> database;
    AuditLog audit;
};

AuditEntry sampleEntry(int number)
{
    AuditEntry entry;
    entry.actorId = "admin-" + std::to_string(number % 2);
    entry.actorEmail = "admin" + std::to_string(number % 2) + "@example.com";
    entry.actorRole = "admin";
    entry.action = std::string(audit::action::kUserRoleChanged);
    entry.targetType = std::string(audit::target::kUser);
    entry.targetId = "user-" + std::to_string(number);
    entry.oldValue = R"({"role":"user"})";
    entry.newValue = R"({"role":"admin"})";
    entry.ipMasked = "203.0.113.***";
    entry.requestId = "request-" + std::to_string(number);
    return entry;
}

/// Appends entries 1 to `count` made by sampleEntry().
void appendSamples(AuditFixture& fixture, int count)
{
    for (int i = 1; i <= count; ++i) {
        fixture.append(sampleEntry(i));
    }
}

std::vector<std::int64_t> seqsOf(const std::vector<AuditEntry>& entries)
{
    std::vector<std::int64_t> seqs;
    for (const AuditEntry& entry : entries) {
        seqs.push_back(entry.seq);
    }
    return seqs;
}

/// The auth services over a fixture's database, with a short refresh grace window.
struct AuthServices
{
    explicit AuthServices(Database& database)
        : hasher(HashCost::interactive(), 2, std::chrono::seconds(30))
        , tokens(std::string(32, 's'), {})
        , guard(database, std::chrono::seconds(5))
        , commonPasswords(CommonPasswordList::load(std::string(ILEADX_SOURCE_RESOURCE_DIR) + "/common-passwords.txt"))
    {
        AuthService::Settings settings;
        settings.reuseGrace = std::chrono::milliseconds(200);
        auth = std::make_unique<AuthService>(database, hasher, tokens, guard, commonPasswords, settings);
    }

    PasswordHasher hasher;
    AccessTokenService tokens;
    SessionGuard guard;
    CommonPasswordList commonPasswords;
    std::unique_ptr<AuthService> auth;
};

ClientInfo clientWithRequest(const std::string& requestId)
{
    ClientInfo client;
    client.ipAddress = kClientIp;
    client.userAgent = "TestAuditLog/1.0";
    client.deviceId = "device-1";
    client.requestId = requestId;
    return client;
}

std::int64_t countRows(Database& database, const std::string& table)
{
    Poco::Data::Session session = database.session();
    Poco::Int64 count = 0;
    session << "SELECT COUNT(*) FROM " + table, into(count), now;
    return count;
}

/// Runs the ileadx-server binary to its end and returns its merged output.
QByteArray runServerCommand(const QStringList& arguments, int* exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ILEADX_SERVER_BINARY, arguments);
    process.waitForFinished(60000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

std::string accessTokenOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("access_token", "") : std::string();
}

Poco::JSON::Array::Ptr itemsOf(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->getArray("items") : Poco::JSON::Array::Ptr();
}

} // namespace

class TestAuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void testCanonicalTextFormat();
    void testAppendReadsBack_data() { addDialectRows(); }
    void testAppendReadsBack();
    void testRolledBackAppendLeavesNoEntry_data() { addDialectRows(); }
    void testRolledBackAppendLeavesNoEntry();
    void testChainVerifies_data() { addDialectRows(); }
    void testChainVerifies();
    void testTamperingDetected_data();
    void testTamperingDetected();
    void testRehashedEditDetected_data() { addDialectRows(); }
    void testRehashedEditDetected();
    void testTruncationDetectedByWitness_data() { addDialectRows(); }
    void testTruncationDetectedByWitness();
    void testConcurrentAppendsKeepChain_data() { addDialectRows(); }
    void testConcurrentAppendsKeepChain();
    void testFiltersAndPagination_data() { addDialectRows(); }
    void testFiltersAndPagination();

    void testSignInEventsAudited_data() { addDialectRows(); }
    void testSignInEventsAudited();
    void testRefreshReuseAudited_data() { addDialectRows(); }
    void testRefreshReuseAudited();
    void testSignInRollsBackWithoutAudit_data() { addDialectRows(); }
    void testSignInRollsBackWithoutAudit();

    void testRoutesCheckPermission_data();
    void testRoutesCheckPermission();
    void testHttpsSignInAudited();
    void testRoutePagesAndFilters();
    void testRouteRejectsBadParameters_data();
    void testRouteRejectsBadParameters();
    void testNoRouteChangesEntries_data();
    void testNoRouteChangesEntries();
    void testVerifyRouteReportsTampering();

    void testVerifyCommand_data() { addDialectRows(); }
    void testVerifyCommand();
    void testHelpNamesVerifyCommand();

private:
    std::string signIn(const std::string& email, const std::string& password, const std::string& requestId = {});

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpsClient> m_client;
    std::string m_userPassword;
    std::string m_adminPassword;
    std::string m_superAdminPassword;
};

void TestAuditLog::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_client = std::make_unique<HttpsClient>(m_server->port(), m_server->certificatePath());
    m_userPassword = m_server->createAccount("user@example.com", Role::User);
    m_adminPassword = m_server->createAccount("admin@example.com", Role::Admin);
    m_superAdminPassword = m_server->createAccount("owner@example.com", Role::SuperAdmin);
}

void TestAuditLog::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

std::string TestAuditLog::signIn(const std::string& email, const std::string& password, const std::string& requestId)
{
    Poco::Net::NameValueCollection headers;
    if (!requestId.empty()) {
        headers.set("X-Request-Id", requestId);
    }
    const HttpReply reply = m_client->send("POST", "/api/v1/auth/login", test::credentialsJson(email, password),
                                           "application/json", {}, headers);
    return accessTokenOf(reply);
}

void TestAuditLog::testCanonicalTextFormat()
{
    AuditEntry entry;
    entry.seq = 1;
    entry.occurredAt = 1700000000000;
    entry.action = "auth.sign_in_failed";
    entry.targetType = "account";
    entry.newValue = "";
    entry.ipMasked = "198.51.100.***";
    entry.requestId = "r1";
    entry.prevHash = std::string(kAuditGenesisHash);

    // AuditEntry.cpp documents the format, and stored hashes depend on it byte for byte.
    const std::string expected = "15:ileadx-audit-v1,1:1,13:1700000000000,0:,0:,0:,19:auth.sign_in_failed,7:account,0:,"
                                 "-,0:,14:198.51.100.***,2:r1,64:" +
                                 std::string(kAuditGenesisHash) + ",";
    QCOMPARE(canonicalAuditText(entry), expected);
    QCOMPARE(auditEntryHash(entry), sha256Hex(expected));

    // NULL and the empty text are different values and must hash differently.
    AuditEntry nullValue = entry;
    nullValue.newValue.reset();
    QVERIFY(auditEntryHash(nullValue) != auditEntryHash(entry));

    // Moving text between neighbouring fields changes the hash too.
    AuditEntry shifted = entry;
    shifted.targetType = "accoun";
    shifted.targetId = "t";
    QVERIFY(auditEntryHash(shifted) != auditEntryHash(entry));
}

void TestAuditLog::testAppendReadsBack()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);

    AuditEntry failed;
    failed.action = std::string(audit::action::kSignInFailed);
    failed.targetType = std::string(audit::target::kAccount);
    failed.ipMasked = "203.0.113.9"; // unmasked on purpose: append() must mask it
    failed.requestId = "req-1";
    const EpochMillis before = nowMillis();
    const AuditEntry first = fixture.append(failed);
    const AuditEntry second = fixture.append(sampleEntry(2));

    QCOMPARE(first.seq, std::int64_t(1));
    QCOMPARE(second.seq, std::int64_t(2));
    QCOMPARE(first.prevHash, std::string(kAuditGenesisHash));
    QCOMPARE(second.prevHash, first.entryHash);
    QVERIFY(first.occurredAt >= before);
    QVERIFY(first.occurredAt <= nowMillis());

    const std::vector<AuditEntry> stored = fixture.allEntries();
    QCOMPARE(stored.size(), std::size_t(2));
    const AuditEntry& readFirst = stored[0];
    QCOMPARE(readFirst.seq, first.seq);
    QCOMPARE(readFirst.occurredAt, first.occurredAt);
    QCOMPARE(readFirst.actorId, std::string());
    QCOMPARE(readFirst.action, std::string("auth.sign_in_failed"));
    QCOMPARE(readFirst.targetType, std::string("account"));
    QCOMPARE(readFirst.targetId, std::string());
    QVERIFY(!readFirst.oldValue.has_value());
    QVERIFY(!readFirst.newValue.has_value());
    QCOMPARE(readFirst.ipMasked, std::string("203.0.113.***"));
    QCOMPARE(readFirst.requestId, std::string("req-1"));
    QCOMPARE(readFirst.entryHash, first.entryHash);
    QCOMPARE(auditEntryHash(readFirst), readFirst.entryHash);

    const AuditEntry& readSecond = stored[1];
    const AuditEntry expected = sampleEntry(2);
    QCOMPARE(readSecond.actorId, expected.actorId);
    QCOMPARE(readSecond.actorEmail, expected.actorEmail);
    QCOMPARE(readSecond.actorRole, expected.actorRole);
    QCOMPARE(readSecond.action, expected.action);
    QCOMPARE(readSecond.targetType, expected.targetType);
    QCOMPARE(readSecond.targetId, expected.targetId);
    QCOMPARE(readSecond.oldValue, expected.oldValue);
    QCOMPARE(readSecond.newValue, expected.newValue);
    QCOMPARE(readSecond.ipMasked, expected.ipMasked);
    QCOMPARE(readSecond.requestId, expected.requestId);
    QCOMPARE(readSecond.prevHash, first.entryHash);
    QCOMPARE(auditEntryHash(readSecond), readSecond.entryHash);
}

void TestAuditLog::testRolledBackAppendLeavesNoEntry()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    fixture.append(sampleEntry(1));

    {
        Transaction transaction(*fixture.database);
        fixture.audit.append(transaction.session(), sampleEntry(2));
        // No commit: the change and its audit entry are undone together.
    }

    const AuditEntry next = fixture.append(sampleEntry(3));
    QCOMPARE(next.seq, std::int64_t(2));
    QCOMPARE(countRows(*fixture.database, "audit_log"), std::int64_t(2));
    QVERIFY(fixture.audit.verify().ok);
}

void TestAuditLog::testChainVerifies()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);

    const AuditVerification empty = fixture.audit.verify();
    QVERIFY(empty.ok);
    QCOMPARE(empty.entries, std::int64_t(0));
    QVERIFY(!empty.firstBroken.has_value());

    appendSamples(fixture, 5);
    const AuditVerification intact = fixture.audit.verify();
    QVERIFY(intact.ok);
    QCOMPARE(intact.entries, std::int64_t(5));
    QVERIFY(!intact.firstBroken.has_value());
}

void TestAuditLog::testTamperingDetected_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("statement");
    QTest::addColumn<qint64>("brokenSeq");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("entriesLeft");

    struct Case
    {
        const char* name;
        const char* statement;
        qint64 brokenSeq;
        const char* reason;
        qint64 entriesLeft;
    };
    const Case cases[] = {
        {"edited new value", R"(UPDATE audit_log SET new_value = '{"role":"super_admin"}' WHERE seq = 3)", 3,
         "hash_mismatch", 5},
        {"edited actor email", "UPDATE audit_log SET actor_email = 'someone@example.com' WHERE seq = 2", 2,
         "hash_mismatch", 5},
        {"old value set to null", "UPDATE audit_log SET old_value = NULL WHERE seq = 3", 3, "hash_mismatch", 5},
        {"edited time", "UPDATE audit_log SET occurred_at = occurred_at + 1 WHERE seq = 4", 4, "hash_mismatch", 5},
        {"edited prev hash", "UPDATE audit_log SET prev_hash = entry_hash WHERE seq = 3", 3, "hash_mismatch", 5},
        {"edited entry hash", "UPDATE audit_log SET entry_hash = prev_hash WHERE seq = 5", 5, "hash_mismatch", 5},
        {"deleted middle entry", "DELETE FROM audit_log WHERE seq = 3", 3, "seq_gap", 4},
        {"deleted first entry", "DELETE FROM audit_log WHERE seq = 1", 1, "seq_gap", 4},
        {"renumbered last entry", "UPDATE audit_log SET seq = 6 WHERE seq = 5", 5, "seq_gap", 5},
    };
    for (const char* dialect : {"sqlite", "postgresql"}) {
        for (const Case& tamper : cases) {
            QTest::addRow("%s on %s", tamper.name, dialect)
                << QString::fromLatin1(dialect) << QString::fromUtf8(tamper.statement) << tamper.brokenSeq
                << QString::fromLatin1(tamper.reason) << tamper.entriesLeft;
        }
    }
}

void TestAuditLog::testTamperingDetected()
{
    QFETCH(QString, dialect);
    QFETCH(QString, statement);
    QFETCH(qint64, brokenSeq);
    QFETCH(QString, reason);
    QFETCH(qint64, entriesLeft);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    appendSamples(fixture, 5);
    QVERIFY(fixture.audit.verify().ok);

    fixture.execute(statement.toStdString());

    const AuditVerification result = fixture.audit.verify();
    QVERIFY(!result.ok);
    QCOMPARE(result.entries, entriesLeft);
    QVERIFY(result.firstBroken.has_value());
    QCOMPARE(result.firstBroken->seq, brokenSeq);
    QCOMPARE(QString::fromLatin1(auditBreakReasonName(result.firstBroken->reason).data()), reason);
    QVERIFY(describeAuditBreak(*result.firstBroken).starts_with("entry " + std::to_string(brokenSeq) + " "));
}

void TestAuditLog::testRehashedEditDetected()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    appendSamples(fixture, 5);

    // An attacker who knows the format edits entry 3 and stores a matching hash for it. Entry 3 then
    // checks out, but entry 4 still links to the old hash.
    AuditEntry forged = fixture.allEntries()[2];
    forged.newValue = R"({"role":"super_admin"})";
    forged.entryHash = auditEntryHash(forged);
    fixture.execute("UPDATE audit_log SET new_value = '" + *forged.newValue + "', entry_hash = '" + forged.entryHash +
                    "' WHERE seq = 3");

    const AuditVerification result = fixture.audit.verify();
    QVERIFY(!result.ok);
    QVERIFY(result.firstBroken.has_value());
    QCOMPARE(result.firstBroken->seq, std::int64_t(4));
    QCOMPARE(result.firstBroken->reason, AuditBreakReason::PrevHashMismatch);
}

void TestAuditLog::testTruncationDetectedByWitness()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    appendSamples(fixture, 5);

    QTemporaryDir folder;
    const AuditWitness witness(folder.filePath("audit-head.json").toStdString());
    AuditWitnessRecorder recorder(fixture.audit, witness, std::chrono::hours(1));
    QVERIFY(recorder.recordNow());
    QCOMPARE(witness.read()->seq, std::int64_t(5));
    QVERIFY(fixture.audit.verify(witness.read()).ok);

    // Deleting the two newest entries leaves a chain that is consistent in itself.
    fixture.execute("DELETE FROM audit_log WHERE seq >= 4");
    QVERIFY(fixture.audit.verify().ok);

    const AuditVerification result = fixture.audit.verify(witness.read());
    QVERIFY(!result.ok);
    QVERIFY(result.firstBroken.has_value());
    QCOMPARE(result.firstBroken->seq, std::int64_t(5));
    QCOMPARE(result.firstBroken->reason, AuditBreakReason::Truncated);

    // The recorder reports the shorter trail and keeps the recorded head.
    QVERIFY(!recorder.recordNow());
    QCOMPARE(witness.read()->seq, std::int64_t(5));
}

void TestAuditLog::testConcurrentAppendsKeepChain()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);

    constexpr int kThreads = 8;
    constexpr int kAppendsPerThread = 20;
    std::vector<std::string> errors(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                for (int i = 0; i < kAppendsPerThread; ++i) {
                    fixture.append(sampleEntry(t * 100 + i));
                }
            } catch (const Poco::Exception& error) {
                errors[t] = error.displayText();
            } catch (const std::exception& error) {
                errors[t] = error.what();
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::string& error : errors) {
        QVERIFY2(error.empty(), error.c_str());
    }

    const std::vector<AuditEntry> entries = fixture.allEntries();
    QCOMPARE(entries.size(), std::size_t(kThreads * kAppendsPerThread));
    const std::vector<std::int64_t> seqs = seqsOf(entries);
    QCOMPARE(std::set<std::int64_t>(seqs.begin(), seqs.end()).size(), seqs.size());
    QCOMPARE(seqs.front(), std::int64_t(1));
    QCOMPARE(seqs.back(), std::int64_t(kThreads * kAppendsPerThread));

    const AuditVerification result = fixture.audit.verify();
    QVERIFY2(result.ok, result.firstBroken ? describeAuditBreak(*result.firstBroken).c_str() : "");
    QCOMPARE(result.entries, std::int64_t(kThreads * kAppendsPerThread));
}

void TestAuditLog::testFiltersAndPagination()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);

    // Entries 1 to 3 are failed sign-ins of unknown accounts, 4 to 7 sign-ins of user A, and 8 and 9
    // sign-outs of user B.
    for (int i = 0; i < 3; ++i) {
        AuditEntry entry;
        entry.action = std::string(audit::action::kSignInFailed);
        entry.targetType = std::string(audit::target::kAccount);
        fixture.append(entry);
    }
    for (const auto& [action, user, count] : {std::tuple{audit::action::kSignInSucceeded, "user-a", 4},
                                              std::tuple{audit::action::kSignedOut, "user-b", 2}}) {
        for (int i = 0; i < count; ++i) {
            AuditEntry entry;
            entry.actorId = user;
            entry.action = std::string(action);
            entry.targetType = std::string(audit::target::kUser);
            entry.targetId = user;
            fixture.append(entry);
        }
    }
    // Fixed times make the time filter exact. The broken chain does not matter to this test.
    fixture.execute("UPDATE audit_log SET occurred_at = 1000 * seq");

    AuditFilter byAction;
    byAction.action = std::string(audit::action::kSignInSucceeded);
    QCOMPARE(seqsOf(fixture.audit.list(byAction, 50, std::nullopt)), (std::vector<std::int64_t>{7, 6, 5, 4}));

    AuditFilter byActor;
    byActor.actorId = "user-b";
    QCOMPARE(seqsOf(fixture.audit.list(byActor, 50, std::nullopt)), (std::vector<std::int64_t>{9, 8}));

    AuditFilter byTarget;
    byTarget.targetType = std::string(audit::target::kUser);
    byTarget.targetId = "user-a";
    QCOMPARE(seqsOf(fixture.audit.list(byTarget, 50, std::nullopt)), (std::vector<std::int64_t>{7, 6, 5, 4}));

    AuditFilter byTargetType;
    byTargetType.targetType = std::string(audit::target::kAccount);
    QCOMPARE(seqsOf(fixture.audit.list(byTargetType, 50, std::nullopt)), (std::vector<std::int64_t>{3, 2, 1}));

    AuditFilter byTime;
    byTime.from = 3000;
    byTime.to = 6000;
    QCOMPARE(seqsOf(fixture.audit.list(byTime, 50, std::nullopt)), (std::vector<std::int64_t>{5, 4, 3}));

    AuditFilter combined;
    combined.action = std::string(audit::action::kSignInSucceeded);
    combined.from = 6000;
    QCOMPARE(seqsOf(fixture.audit.list(combined, 50, std::nullopt)), (std::vector<std::int64_t>{7, 6}));

    AuditFilter nothing;
    nothing.actorId = "nobody";
    QVERIFY(fixture.audit.list(nothing, 50, std::nullopt).empty());

    // Pages of 4 walk the whole log newest first, without repeats or gaps.
    std::vector<std::int64_t> walked;
    std::optional<std::int64_t> beforeSeq;
    for (int page = 0; page < 5; ++page) {
        const std::vector<AuditEntry> entries = fixture.audit.list({}, 4, beforeSeq);
        if (entries.empty()) {
            break;
        }
        for (const AuditEntry& entry : entries) {
            walked.push_back(entry.seq);
        }
        beforeSeq = entries.back().seq;
    }
    QCOMPARE(walked, (std::vector<std::int64_t>{9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(seqsOf(fixture.audit.list(byAction, 2, std::int64_t(6))), (std::vector<std::int64_t>{5, 4}));
}

void TestAuditLog::testSignInEventsAudited()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    AuthServices services(*fixture.database);
    const UserRecord user = services.auth->createAccount("known@example.com", kPassword, Role::Admin);

    QVERIFY_THROWS_EXCEPTION(ApiException, services.auth->login("known@example.com", "wrong-password-123", false,
                                                                  clientWithRequest("req-wrong")));
    QVERIFY_THROWS_EXCEPTION(ApiException, services.auth->login("stranger@example.com", "wrong-password-123", false,
                                                                  clientWithRequest("req-unknown")));
    const TokenPair pair = services.auth->login("known@example.com", kPassword, false, clientWithRequest("req-ok")).tokens.value();
    services.auth->logout(pair.sessionId, "logout", clientWithRequest("req-out"));
    // A second sign-out of the same session changes nothing and records nothing.
    services.auth->logout(pair.sessionId, "logout", clientWithRequest("req-again"));

    const std::vector<AuditEntry> entries = fixture.allEntries();
    QCOMPARE(entries.size(), std::size_t(4));

    const AuditEntry& wrongPassword = entries[0];
    QCOMPARE(wrongPassword.action, std::string(audit::action::kSignInFailed));
    QCOMPARE(wrongPassword.actorId, std::string());
    QCOMPARE(wrongPassword.actorEmail, std::string());
    QCOMPARE(wrongPassword.targetType, std::string("user"));
    QCOMPARE(wrongPassword.targetId, user.id);
    QCOMPARE(wrongPassword.requestId, std::string("req-wrong"));

    const AuditEntry& unknownAddress = entries[1];
    QCOMPARE(unknownAddress.action, std::string(audit::action::kSignInFailed));
    QCOMPARE(unknownAddress.actorId, std::string());
    QCOMPARE(unknownAddress.targetType, std::string("account"));
    QCOMPARE(unknownAddress.targetId, std::string());
    QCOMPARE(unknownAddress.requestId, std::string("req-unknown"));

    const AuditEntry& signedIn = entries[2];
    QCOMPARE(signedIn.action, std::string(audit::action::kSignInSucceeded));
    QCOMPARE(signedIn.actorId, user.id);
    QCOMPARE(signedIn.actorEmail, std::string("known@example.com"));
    QCOMPARE(signedIn.actorRole, std::string("admin"));
    QCOMPARE(signedIn.targetId, user.id);
    QVERIFY(signedIn.newValue.has_value());
    QVERIFY(signedIn.newValue->find(pair.sessionId) != std::string::npos);
    QCOMPARE(signedIn.requestId, std::string("req-ok"));

    const AuditEntry& signedOut = entries[3];
    QCOMPARE(signedOut.action, std::string(audit::action::kSignedOut));
    QCOMPARE(signedOut.actorId, user.id);
    QCOMPARE(signedOut.targetId, user.id);
    QVERIFY(signedOut.newValue->find(pair.sessionId) != std::string::npos);
    QCOMPARE(signedOut.requestId, std::string("req-out"));

    for (const AuditEntry& entry : entries) {
        QCOMPARE(entry.ipMasked, std::string(kMaskedClientIp));
        // Neither a password, nor the unmasked address, nor the address of a non-user is stored.
        const std::string text = canonicalAuditText(entry);
        QVERIFY2(text.find(kPassword) == std::string::npos, text.c_str());
        QVERIFY2(text.find("wrong-password-123") == std::string::npos, text.c_str());
        QVERIFY2(text.find(kClientIp) == std::string::npos, text.c_str());
        QVERIFY2(text.find("stranger") == std::string::npos, text.c_str());
    }
    QVERIFY(fixture.audit.verify().ok);
}

void TestAuditLog::testRefreshReuseAudited()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    AuthServices services(*fixture.database);
    const UserRecord user = services.auth->createAccount("reuse@example.com", kPassword, Role::User);
    const TokenPair first = services.auth->login("reuse@example.com", kPassword, false, clientWithRequest("req-in")).tokens.value();
    const TokenPair second = services.auth->refresh(first.refreshToken, clientWithRequest("req-refresh"));

    QTest::qSleep(400); // past the 200 ms grace window
    QVERIFY_THROWS_EXCEPTION(ApiException, services.auth->refresh(first.refreshToken, clientWithRequest("req-reuse")));

    const std::vector<AuditEntry> entries = fixture.allEntries();
    QCOMPARE(entries.size(), std::size_t(2)); // the sign-in and the reuse, because a normal refresh is not audited
    const AuditEntry& reuse = entries.back();
    QCOMPARE(reuse.action, std::string(audit::action::kRefreshTokenReused));
    QCOMPARE(reuse.actorId, std::string());
    QCOMPARE(reuse.targetType, std::string("user"));
    QCOMPARE(reuse.targetId, user.id);
    QVERIFY(reuse.newValue->find(first.sessionId) != std::string::npos);
    QCOMPARE(reuse.ipMasked, std::string(kMaskedClientIp));
    QCOMPARE(reuse.requestId, std::string("req-reuse"));

    // The revocation committed together with the entry.
    QVERIFY_THROWS_EXCEPTION(ApiException, services.auth->authenticate(second.accessToken));
    QVERIFY(fixture.audit.verify().ok);
}

void TestAuditLog::testSignInRollsBackWithoutAudit()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    AuditFixture fixture(dialect);
    AuthServices services(*fixture.database);
    services.auth->createAccount("atomic@example.com", kPassword, Role::User);

    // When the audit entry cannot be written, the session it would record is not created either.
    fixture.execute("DROP TABLE audit_log");
    QVERIFY_THROWS_EXCEPTION(Poco::Exception,
                             services.auth->login("atomic@example.com", kPassword, false, clientWithRequest("req")));
    QCOMPARE(countRows(*fixture.database, "sessions"), std::int64_t(0));
    QCOMPARE(countRows(*fixture.database, "refresh_tokens"), std::int64_t(0));
}

void TestAuditLog::testRoutesCheckPermission_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("account");
    QTest::addColumn<int>("status");

    for (const char* path : {"/api/v1/admin/audit", "/api/v1/admin/audit/verify"}) {
        QTest::addRow("%s without token", path) << path << "" << 401;
        QTest::addRow("%s as user", path) << path << "user@example.com" << 403;
        QTest::addRow("%s as admin", path) << path << "admin@example.com" << 200;
        QTest::addRow("%s as super admin", path) << path << "owner@example.com" << 200;
    }
}

void TestAuditLog::testRoutesCheckPermission()
{
    QFETCH(QString, path);
    QFETCH(QString, account);
    QFETCH(int, status);

    std::string token;
    if (account == "user@example.com") {
        token = signIn(account.toStdString(), m_userPassword);
    } else if (account == "admin@example.com") {
        token = signIn(account.toStdString(), m_adminPassword);
    } else if (account == "owner@example.com") {
        token = signIn(account.toStdString(), m_superAdminPassword);
    }
    QVERIFY(account.isEmpty() || !token.empty());

    const HttpReply reply = m_client->get(path.toStdString(), token);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        QCOMPARE(reply.contentType, std::string("application/json"));
    } else {
        QCOMPARE(reply.contentType, std::string("application/problem+json"));
        QCOMPARE(reply.body.find("entry_hash"), std::string::npos);
    }
}

void TestAuditLog::testHttpsSignInAudited()
{
    const std::string adminToken = signIn("admin@example.com", m_adminPassword);
    QVERIFY(!signIn("user@example.com", m_userPassword, "audit-ok-0001").empty());
    QVERIFY(signIn("user@example.com", "not-the-password-9", "audit-bad-0001").empty());
    QVERIFY(signIn("nobody@example.com", "not-the-password-9", "audit-unknown-0001").empty());

    const HttpReply reply = m_client->get("/api/v1/admin/audit?limit=200", adminToken);
    QCOMPARE(reply.status, 200);
    const Poco::JSON::Array::Ptr items = itemsOf(reply);
    QVERIFY2(items, reply.body.c_str());

    std::map<std::string, Poco::JSON::Object::Ptr> byRequest;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
        byRequest[item->getValue<std::string>("request_id")] = item;
    }
    QVERIFY(byRequest.contains("audit-ok-0001"));
    QVERIFY(byRequest.contains("audit-bad-0001"));
    QVERIFY(byRequest.contains("audit-unknown-0001"));

    const Poco::JSON::Object::Ptr success = byRequest["audit-ok-0001"];
    QCOMPARE(success->getValue<std::string>("action"), std::string("auth.sign_in_succeeded"));
    QCOMPARE(success->getValue<std::string>("actor_email"), std::string("user@example.com"));
    QCOMPARE(success->getValue<std::string>("actor_role"), std::string("user"));
    QCOMPARE(success->getValue<std::string>("ip_masked"), std::string("127.0.0.***"));
    QVERIFY(success->getValue<std::string>("occurred_at").ends_with("Z"));
    QCOMPARE(success->getValue<std::string>("entry_hash").size(), std::size_t(64));
    QVERIFY(success->isNull("old_value"));
    QVERIFY(!success->isNull("new_value"));

    const Poco::JSON::Object::Ptr wrongPassword = byRequest["audit-bad-0001"];
    QCOMPARE(wrongPassword->getValue<std::string>("action"), std::string("auth.sign_in_failed"));
    QCOMPARE(wrongPassword->getValue<std::string>("actor_id"), std::string());
    QCOMPARE(wrongPassword->getValue<std::string>("target_type"), std::string("user"));
    QCOMPARE(wrongPassword->getValue<std::string>("target_id"), success->getValue<std::string>("actor_id"));

    const Poco::JSON::Object::Ptr unknown = byRequest["audit-unknown-0001"];
    QCOMPARE(unknown->getValue<std::string>("target_type"), std::string("account"));
    QCOMPARE(unknown->getValue<std::string>("target_id"), std::string());

    QCOMPARE(reply.body.find("nobody@example.com"), std::string::npos);
    QCOMPARE(reply.body.find("not-the-password-9"), std::string::npos);
    QCOMPARE(reply.body.find(m_userPassword), std::string::npos);
    QCOMPARE(reply.body.find("127.0.0.1"), std::string::npos);

    // Signing out over HTTPS records the request id the client sent.
    const std::string userToken = signIn("user@example.com", m_userPassword);
    Poco::Net::NameValueCollection headers;
    headers.set("X-Request-Id", "audit-out-0001");
    QCOMPARE(m_client->send("POST", "/api/v1/auth/logout", {}, {}, userToken, headers).status, 204);
    const HttpReply signedOut = m_client->get("/api/v1/admin/audit?action=auth.signed_out&limit=1", adminToken);
    QCOMPARE(signedOut.status, 200);
    QCOMPARE(itemsOf(signedOut)->getObject(0)->getValue<std::string>("request_id"), std::string("audit-out-0001"));
}

void TestAuditLog::testRoutePagesAndFilters()
{
    const std::string adminToken = signIn("admin@example.com", m_adminPassword);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!signIn("user@example.com", m_userPassword).empty());
    }

    // Every page contains entries older than the page before it, and the walk ends with no cursor.
    std::vector<std::int64_t> walked;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
        std::string path = "/api/v1/admin/audit?action=auth.sign_in_succeeded&limit=2";
        if (!cursor.empty()) {
            path += "&cursor=" + cursor;
        }
        const HttpReply reply = m_client->get(path, adminToken);
        QCOMPARE(reply.status, 200);
        const Poco::JSON::Array::Ptr items = itemsOf(reply);
        QVERIFY(items->size() <= 2);
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
            QCOMPARE(item->getValue<std::string>("action"), std::string("auth.sign_in_succeeded"));
            walked.push_back(item->getValue<std::int64_t>("seq"));
        }
        const Poco::JSON::Object::Ptr body = reply.json();
        if (body->isNull("next_cursor")) {
            break;
        }
        cursor = body->getValue<std::string>("next_cursor");
    }
    QVERIFY(walked.size() >= 4);
    QVERIFY(std::is_sorted(walked.rbegin(), walked.rend()));
    QCOMPARE(std::set<std::int64_t>(walked.begin(), walked.end()).size(), walked.size());

    // The time filter takes ISO 8601 with an offset, and a range in the future is empty.
    const HttpReply future = m_client->get("/api/v1/admin/audit?from=2999-01-01T00:00:00%2B01:00", adminToken);
    QCOMPARE(future.status, 200);
    QCOMPARE(itemsOf(future)->size(), std::size_t(0));
    const HttpReply past = m_client->get("/api/v1/admin/audit?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00.5Z",
                                         adminToken);
    QCOMPARE(past.status, 200);
    QVERIFY(itemsOf(past)->size() > 0);

    const HttpReply byTarget = m_client->get("/api/v1/admin/audit?target_type=account&target_id=", adminToken);
    QCOMPARE(byTarget.status, 200);
}

void TestAuditLog::testRouteRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");

    QTest::newRow("unknown action") << "action=user.exploded";
    QTest::newRow("time without zone") << "from=2026-03-01T08:00:00";
    QTest::newRow("date only") << "to=2026-03-01";
    QTest::newRow("time that is not a date") << "from=yesterday";
    QTest::newRow("impossible date") << "from=2026-02-30T00:00:00Z";
    QTest::newRow("from after to") << "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z";
    QTest::newRow("limit zero") << "limit=0";
    QTest::newRow("limit too large") << "limit=201";
    QTest::newRow("cursor not issued") << "cursor=not-a-cursor";
    QTest::newRow("actor too long") << "actor=" + QString(129, 'a');
}

void TestAuditLog::testRouteRejectsBadParameters()
{
    QFETCH(QString, query);

    const std::string adminToken = signIn("admin@example.com", m_adminPassword);
    const HttpReply reply = m_client->get("/api/v1/admin/audit?" + query.toStdString(), adminToken);
    QCOMPARE(reply.status, 400);
    const Poco::JSON::Object::Ptr problem = reply.json();
    QVERIFY2(problem, reply.body.c_str());
    QCOMPARE(problem->getValue<std::string>("type"), std::string(problem::kInvalidRequest));
}

void TestAuditLog::testNoRouteChangesEntries_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");

    for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
        QTest::addRow("%s on the list", method) << method << "/api/v1/admin/audit";
        QTest::addRow("%s on verify", method) << method << "/api/v1/admin/audit/verify";
    }
}

void TestAuditLog::testNoRouteChangesEntries()
{
    QFETCH(QString, method);
    QFETCH(QString, path);

    const std::string superAdminToken = signIn("owner@example.com", m_superAdminPassword);
    HttpsClient client(m_server->port(), m_server->certificatePath());
    const HttpReply reply = client.send(method.toStdString(), path.toStdString(), "{}", "application/json", superAdminToken);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), std::string("GET"));
}

void TestAuditLog::testVerifyRouteReportsTampering()
{
    TestServer server;
    HttpsClient client(server.port(), server.certificatePath());
    const std::string password = server.createAccount("auditor@example.com", Role::Admin);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client.postJson("/api/v1/auth/login", test::credentialsJson("auditor@example.com", password)).status,
                 200);
    }
    const std::string token = accessTokenOf(
        client.postJson("/api/v1/auth/login", test::credentialsJson("auditor@example.com", password)));

    const HttpReply intact = client.get("/api/v1/admin/audit/verify", token);
    QCOMPARE(intact.status, 200);
    QVERIFY(intact.json()->getValue<bool>("ok"));
    QCOMPARE(intact.json()->getValue<std::int64_t>("entries"), std::int64_t(4));
    QVERIFY(intact.json()->isNull("first_broken"));

    {
        Poco::Data::Session session = server.runtime().database().session();
        session << "UPDATE audit_log SET actor_role = 'super_admin' WHERE seq = 2", now;
    }

    const HttpReply broken = client.get("/api/v1/admin/audit/verify", token);
    QCOMPARE(broken.status, 200);
    QVERIFY(!broken.json()->getValue<bool>("ok"));
    QCOMPARE(broken.json()->getValue<std::int64_t>("entries"), std::int64_t(4));
    const Poco::JSON::Object::Ptr first = broken.json()->getObject("first_broken");
    QVERIFY2(first, broken.body.c_str());
    QCOMPARE(first->getValue<std::int64_t>("seq"), std::int64_t(2));
    QCOMPARE(first->getValue<std::string>("reason"), std::string("hash_mismatch"));
}

void TestAuditLog::testVerifyCommand()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    QTemporaryDir dataDirectory;
    TestDatabase testDatabase(dialect);
    const QStringList arguments{"verify-audit", "--data-dir=" + dataDirectory.path(),
                                "--database-url=" + QString::fromStdString(testDatabase.url())};
    {
        const std::unique_ptr<Database> database = Database::open(testDatabase.url(), 2);
        runMigrations(*database);
        AuditLog audit(*database);
        for (int i = 1; i <= 3; ++i) {
            Transaction transaction(*database);
            audit.append(transaction.session(), sampleEntry(i));
            transaction.commit();
        }
    }

    int exitCode = -1;
    const QString intact = QString::fromUtf8(runServerCommand(arguments, &exitCode));
    QVERIFY2(exitCode == 0, qPrintable(intact));
    QVERIFY2(intact.contains("audit trail intact: 3 entries verified"), qPrintable(intact));

    {
        const std::unique_ptr<Database> database = Database::open(testDatabase.url(), 1);
        Poco::Data::Session session = database->session();
        session << "UPDATE audit_log SET target_id = 'user-99' WHERE seq = 2", now;
    }
    const QString edited = QString::fromUtf8(runServerCommand(arguments, &exitCode));
    QVERIFY2(exitCode == 65, qPrintable(edited));
    QVERIFY2(edited.contains("entry 2 was edited"), qPrintable(edited));
    QVERIFY2(edited.contains("hash_mismatch"), qPrintable(edited));

    {
        const std::unique_ptr<Database> database = Database::open(testDatabase.url(), 1);
        Poco::Data::Session session = database->session();
        session << "DELETE FROM audit_log WHERE seq IN (1, 2)", now;
    }
    const QString deleted = QString::fromUtf8(runServerCommand(arguments, &exitCode));
    QVERIFY2(exitCode == 65, qPrintable(deleted));
    QVERIFY2(deleted.contains("entry 1 is missing"), qPrintable(deleted));
    QVERIFY2(deleted.contains("seq_gap"), qPrintable(deleted));
}

void TestAuditLog::testHelpNamesVerifyCommand()
{
    int exitCode = -1;
    const QString help = QString::fromUtf8(runServerCommand({"--help"}, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY2(help.contains("verify-audit"), qPrintable(help));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
