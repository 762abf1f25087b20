#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "storage/LocalCache.h"

class TestLocalCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void testOpenCreatesFolder();
    void testProfilesNewestFirst();
    void testProfileDropsUserInfo();
    void testPinRoundTrip();
    void testPinRejectsWrongSize();
    void testRemovePin();
    void testDeviceIdStable();
    void testNoSecretColumns();
    void testDefaultDirectoryFromEnvironment();

private:
    std::unique_ptr<QTemporaryDir> m_folder;
};

void TestLocalCache::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void TestLocalCache::cleanup()
{
    m_folder.reset();
}

void TestLocalCache::testOpenCreatesFolder()
{
    LocalCache cache(m_folder->filePath(QStringLiteral("nested/data")));

    QVERIFY2(cache.open(), qPrintable(cache.errorString()));
    QVERIFY(QFile::exists(cache.databasePath()));
}

void TestLocalCache::testProfilesNewestFirst()
{
    LocalCache cache(m_folder->path());
    QVERIFY(cache.open());

    QVERIFY(cache.saveServerProfile(QUrl(QStringLiteral("https://one.example:8443")), QStringLiteral("a@one.example")));
    QTest::qWait(5);
    QVERIFY(cache.saveServerProfile(QUrl(QStringLiteral("https://two.example:8443")), QStringLiteral("b@two.example")));
    QTest::qWait(5);
    QVERIFY(cache.saveServerProfile(QUrl(QStringLiteral("https://one.example:8443/")), QStringLiteral("c@one.example")));

    const QList<ServerProfile> profiles = cache.serverProfiles();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).url, QUrl(QStringLiteral("https://one.example:8443")));
    QCOMPARE(profiles.at(0).lastEmail, QStringLiteral("c@one.example"));
    QCOMPARE(profiles.at(1).url, QUrl(QStringLiteral("https://two.example:8443")));
}

void TestLocalCache::testProfileDropsUserInfo()
{
    LocalCache cache(m_folder->path());
    QVERIFY(cache.open());

    QVERIFY(cache.saveServerProfile(QUrl(QStringLiteral("https://admin:secret@one.example:8443")),
                                    QStringLiteral("a@one.example")));

    const QList<ServerProfile> profiles = cache.serverProfiles();
    QCOMPARE(profiles.size(), 1);
    QVERIFY(!profiles.at(0).url.toString().contains(QStringLiteral("secret")));
}

void TestLocalCache::testPinRoundTrip()
{
    const QByteArray fingerprint(32, '\x5a');
    {
        LocalCache cache(m_folder->path());
        QVERIFY(cache.open());
        QVERIFY(cache.pinnedFingerprint(QStringLiteral("127.0.0.1:8443")).isEmpty());
        QVERIFY(cache.pinFingerprint(QStringLiteral("127.0.0.1:8443"), fingerprint));
    }

    LocalCache reopened(m_folder->path());
    QVERIFY(reopened.open());
    QCOMPARE(reopened.pinnedFingerprint(QStringLiteral("127.0.0.1:8443")), fingerprint);
    QVERIFY2(reopened.pinnedFingerprint(QStringLiteral("127.0.0.1:9443")).isEmpty(), "pins are per port");
}

void TestLocalCache::testPinRejectsWrongSize()
{
    LocalCache cache(m_folder->path());
    QVERIFY(cache.open());

    QVERIFY(!cache.pinFingerprint(QStringLiteral("127.0.0.1:8443"), QByteArray(20, '\x01')));
    QVERIFY(cache.pinnedFingerprint(QStringLiteral("127.0.0.1:8443")).isEmpty());
}

void TestLocalCache::testRemovePin()
{
    LocalCache cache(m_folder->path());
    QVERIFY(cache.open());
    QVERIFY(cache.pinFingerprint(QStringLiteral("[::1]:8443"), QByteArray(32, '\x01')));

    QVERIFY(cache.removePin(QStringLiteral("[::1]:8443")));

    QVERIFY(cache.pinnedFingerprint(QStringLiteral("[::1]:8443")).isEmpty());
}

void TestLocalCache::testDeviceIdStable()
{
    QString first;
    {
        LocalCache cache(m_folder->path());
        QVERIFY(cache.open());
        first = cache.deviceId();
    }
    LocalCache reopened(m_folder->path());
    QVERIFY(reopened.open());

    QVERIFY(!first.isEmpty());
    QCOMPARE(reopened.deviceId(), first);
}

void TestLocalCache::testNoSecretColumns()
{
    QString path;
    {
        LocalCache cache(m_folder->path());
        QVERIFY(cache.open());
        path = cache.databasePath();
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table'"), db);
        int tables = 0;
        while (query.next()) {
            const QString schema = query.value(0).toString().toLower();
            QVERIFY2(!schema.contains(QStringLiteral("token")), qPrintable(schema));
            QVERIFY2(!schema.contains(QStringLiteral("password")), qPrintable(schema));
            ++tables;
        }
        QCOMPARE(tables, 3);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
}

void TestLocalCache::testDefaultDirectoryFromEnvironment()
{
    const QByteArray previous = qgetenv("ILEADX_CONSOLE_DATA_DIR");
    qputenv("ILEADX_CONSOLE_DATA_DIR", m_folder->path().toUtf8());

    QCOMPARE(LocalCache::defaultDirectory(), m_folder->path());

    if (previous.isEmpty()) {
        qunsetenv("ILEADX_CONSOLE_DATA_DIR");
    } else {
        qputenv("ILEADX_CONSOLE_DATA_DIR", previous);
    }
}

QTEST_GUILESS_MAIN(TestLocalCache)
#include "TestLocalCache.moc"
