#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "common/Random.h"
#include "searches/SearchRepository.h"
#include "searches/SearchRunner.h"
#include "searches/SearchWorkerPool.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/UserRepository.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace ileadx;
using ileadx::test::TestDatabase;

namespace {

// Runs until cancelled, like a search whose sites are slow; counts the runs it started.
class BlockingRunner final : public SearchRunner
{
public:
    SearchRunResult run(const SearchRecord&, const std::function<bool()>& cancelled) override
    {
        ++started;
        while (!cancelled()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return SearchRunResult{SearchStatus::Cancelled, "stopped", {}};
    }

    std::atomic<int> started{0};
};

class CompletingRunner final : public SearchRunner
{
public:
    SearchRunResult run(const SearchRecord&, const std::function<bool()>&) override
    {
        ++started;
        return SearchRunResult{SearchStatus::Completed, {}, R"({"total_ms":1})"};
    }

    std::atomic<int> started{0};
};

SearchWorkerPool::Settings poolSettings(int maxAttempts)
{
    SearchWorkerPool::Settings settings;
    settings.workers = 2;
    settings.maxAttempts = maxAttempts;
    settings.pollInterval = std::chrono::milliseconds(20);
    return settings;
}

std::string insertSearch(Database& database, SearchRepository& searches, const std::string& userId)
{
    SearchRecord search;
    search.id = newId();
    search.userId = userId;
    search.query = "bakery";
    search.countryCode = "US";
    search.maxResults = 5;
    search.providers = {"listings_file"};
    search.createdAt = nowMillis();
    Poco::Data::Session session = database.session();
    searches.insert(session, search);
    return search.id;
}

bool waitFor(const std::function<bool()>& condition)
{
    for (int attempt = 0; attempt < 500; ++attempt) {
        if (condition()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return condition();
}

struct Store
{
    explicit Store(const QString& dialect)
        : testDatabase(dialect)
        , database(Database::open(testDatabase.url(), 8))
        , searches(*database)
    {
        runMigrations(*database);
        UserRecord user{newId(), "restart@example.com", "hash", Role::User, nowMillis(), std::nullopt};
        UserRepository(*database).insert(user);
        userId = user.id;
    }

    TestDatabase testDatabase;
    std::unique_ptr<Database> database;
    SearchRepository searches;
    std::string userId;
};

} // namespace

class TestSearchRestart final : public QObject
{
    Q_OBJECT

private slots:
    void testRunningSearchResumes_data() { addDialectRows(); }
    void testRunningSearchResumes();
    void testRetriedSearchFailsWithReason_data() { addDialectRows(); }
    void testRetriedSearchFailsWithReason();
    void testQueuedSearchRunsAfterRestart_data() { addDialectRows(); }
    void testQueuedSearchRunsAfterRestart();
    void testServerRestartKeepsSearch();
};

void TestSearchRestart::testRunningSearchResumes()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Store store(dialect);
    const std::string id = insertSearch(*store.database, store.searches, store.userId);

    BlockingRunner blocking;
    {
        SearchWorkerPool first(store.searches, blocking, poolSettings(2));
        first.start();
        QVERIFY(waitFor([&] { return blocking.started == 1; }));
        first.stop();
    }
    QCOMPARE(store.searches.status(id), std::optional(SearchStatus::Running));

    CompletingRunner completing;
    SearchWorkerPool second(store.searches, completing, poolSettings(2));
    second.start();
    QVERIFY(waitFor([&] { return store.searches.status(id) == SearchStatus::Completed; }));
    QCOMPARE(completing.started.load(), 1);
    QCOMPARE(store.searches.find(id)->attempts, 2);
    QCOMPARE(store.searches.diagnostics(id), std::optional<std::string>(R"({"total_ms":1})"));
}

void TestSearchRestart::testRetriedSearchFailsWithReason()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Store store(dialect);
    const std::string id = insertSearch(*store.database, store.searches, store.userId);

    BlockingRunner blocking;
    for (int run = 1; run <= 2; ++run) {
        SearchWorkerPool pool(store.searches, blocking, poolSettings(2));
        pool.start();
        QVERIFY(waitFor([&] { return blocking.started == run; }));
        pool.stop();
    }

    CompletingRunner completing;
    SearchWorkerPool last(store.searches, completing, poolSettings(2));
    last.start();
    const std::optional<SearchRecord> search = store.searches.find(id);
    QCOMPARE(search->status, SearchStatus::Failed);
    QVERIFY2(search->statusReason.find("interrupted") != std::string::npos, search->statusReason.c_str());
    QVERIFY(search->finishedAt.has_value());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    QCOMPARE(completing.started.load(), 0);
}

void TestSearchRestart::testQueuedSearchRunsAfterRestart()
{
    QFETCH(QString, dialect);
    ILEADX_REQUIRE_DIALECT(dialect);
    Store store(dialect);
    const std::string id = insertSearch(*store.database, store.searches, store.userId);
    QCOMPARE(store.searches.status(id), std::optional(SearchStatus::Queued));

    CompletingRunner completing;
    SearchWorkerPool pool(store.searches, completing, poolSettings(2));
    pool.start();
    QVERIFY(waitFor([&] { return store.searches.status(id) == SearchStatus::Completed; }));
    QCOMPARE(store.searches.find(id)->attempts, 1);
}

// A whole server stopped with a search left running and started again on the same database ends
// the search with a final status; it never vanishes or stays running.
void TestSearchRestart::testServerRestartKeepsSearch()
{
    QTemporaryDir folder;
    const std::string dataDirectory = folder.path().toStdString();
    std::string id;
    {
        ServerRuntime runtime(test::TestServer::configFor(dataDirectory, {}));
        Database& database = runtime.database();
        UserRecord user{newId(), "owner@example.com", "hash", Role::User, nowMillis(), std::nullopt};
        UserRepository(database).insert(user);
        id = insertSearch(database, runtime.searches(), user.id);
        Poco::Data::Session session = database.session();
        session << "UPDATE searches SET status = 'running', attempts = 1", Poco::Data::Keywords::now;
    }
    ServerRuntime runtime(test::TestServer::configFor(dataDirectory, {}));
    runtime.start();
    QVERIFY(waitFor([&] {
        const std::optional<SearchStatus> status = runtime.searches().status(id);
        return status && isFinished(*status);
    }));
    const std::optional<SearchRecord> search = runtime.searches().find(id);
    QVERIFY(search->status == SearchStatus::Completed || !search->statusReason.empty());
    QCOMPARE(search->attempts, 2);
    runtime.stop();
}

QTEST_GUILESS_MAIN(TestSearchRestart)
#include "TestSearchRestart.moc"
