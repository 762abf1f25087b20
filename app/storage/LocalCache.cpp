#include "storage/LocalCache.h"

#include <QAtomicInteger>
#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include "net/CertificateFingerprint.h"

Q_LOGGING_CATEGORY(lcCache, "ileadx.console.cache")

namespace {

constexpr int kSchemaVersion = 1;
constexpr QLatin1StringView kDeviceIdSetting("device_id");

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("ileadx-local-cache-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

LocalCache::LocalCache(const QString& directory)
    : m_directory(directory)
    , m_connectionName(nextConnectionName())
{
}

LocalCache::~LocalCache()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = database();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString LocalCache::defaultDirectory()
{
    const QString overridden = qEnvironmentVariable("ILEADX_CONSOLE_DATA_DIR");
    if (!overridden.isEmpty()) {
        return overridden;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString LocalCache::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("console-cache.sqlite"));
}

bool LocalCache::open()
{
    if (m_open) {
        return true;
    }
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory)) {
        m_errorString = tr("The folder for the console's data could not be created: %1").arg(m_directory);
        qCWarning(lcCache) << "cannot create data folder" << m_directory;
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(databasePath());
    if (!db.open()) {
        m_errorString = tr("The console's local database %1 could not be opened: %2")
                            .arg(databasePath(), db.lastError().text());
        qCWarning(lcCache) << "cannot open" << databasePath() << db.lastError().text();
        return false;
    }

    if (!migrate()) {
        db.close();
        return false;
    }
    m_open = true;
    return true;
}

QList<ServerProfile> LocalCache::serverProfiles() const
{
    QList<ServerProfile> profiles;
    if (!m_open) {
        return profiles;
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT url, last_email, last_used_at FROM server_profiles "
                                 "ORDER BY last_used_at DESC, url"));
    if (!execute(query, "read server profiles")) {
        return profiles;
    }
    while (query.next()) {
        ServerProfile profile;
        profile.url = QUrl(query.value(0).toString());
        profile.lastEmail = query.value(1).toString();
        profile.lastUsedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        profiles.append(profile);
    }
    return profiles;
}

bool LocalCache::saveServerProfile(const QUrl& url, const QString& email)
{
    if (!m_open) {
        return false;
    }

    // User names and passwords in a URL are credentials, which the cache never stores. A lone "/" path is
    // dropped so that "https://host:8443/" and "https://host:8443" are one profile.
    QUrl stored = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (stored.path() == QLatin1StringView("/")) {
        stored.setPath(QString());
    }
    const QString urlText = stored.toString();

    QSqlQuery upsert(database());
    upsert.prepare(QStringLiteral("INSERT INTO server_profiles (url, last_email, last_used_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (url) DO UPDATE SET last_email = excluded.last_email, "
                                  "last_used_at = excluded.last_used_at"));
    upsert.addBindValue(urlText);
    upsert.addBindValue(email);
    upsert.addBindValue(utcNow());
    if (!execute(upsert, "save server profile")) {
        return false;
    }

    QSqlQuery prune(database());
    prune.prepare(QStringLiteral("DELETE FROM server_profiles WHERE url NOT IN "
                                 "(SELECT url FROM server_profiles ORDER BY last_used_at DESC LIMIT ?)"));
    prune.addBindValue(kMaxServerProfiles);
    return execute(prune, "prune server profiles");
}

QByteArray LocalCache::pinnedFingerprint(const QString& serverKey) const
{
    if (!m_open) {
        return {};
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT sha256 FROM pinned_certificates WHERE server_key = ?"));
    query.addBindValue(serverKey);
    if (!execute(query, "read pinned certificate") || !query.next()) {
        return {};
    }
    return CertificateFingerprint::fromHex(query.value(0).toString());
}

bool LocalCache::pinFingerprint(const QString& serverKey, const QByteArray& fingerprint)
{
    if (!m_open || fingerprint.size() != CertificateFingerprint::kSize) {
        return false;
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO pinned_certificates (server_key, sha256, pinned_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (server_key) DO UPDATE SET sha256 = excluded.sha256, "
                                 "pinned_at = excluded.pinned_at"));
    query.addBindValue(serverKey);
    query.addBindValue(CertificateFingerprint::toColonHex(fingerprint));
    query.addBindValue(utcNow());
    if (!execute(query, "pin certificate")) {
        return false;
    }
    qCInfo(lcCache) << "pinned certificate" << CertificateFingerprint::toColonHex(fingerprint) << "for" << serverKey;
    return true;
}

bool LocalCache::removePin(const QString& serverKey)
{
    if (!m_open) {
        return false;
    }

    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM pinned_certificates WHERE server_key = ?"));
    query.addBindValue(serverKey);
    return execute(query, "remove pinned certificate");
}

QString LocalCache::deviceId()
{
    if (!m_open) {
        return {};
    }

    QSqlQuery select(database());
    select.prepare(QStringLiteral("SELECT value FROM settings WHERE name = ?"));
    select.addBindValue(QString(kDeviceIdSetting));
    if (execute(select, "read device id") && select.next()) {
        return select.value(0).toString();
    }

    const QString created = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"));
    insert.addBindValue(QString(kDeviceIdSetting));
    insert.addBindValue(created);
    if (!execute(insert, "store device id")) {
        return {};
    }
    return created;
}

QSqlDatabase LocalCache::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalCache::migrate()
{
    QSqlDatabase db = database();

    QSqlQuery versionQuery(db);
    versionQuery.prepare(QStringLiteral("PRAGMA user_version"));
    if (!execute(versionQuery, "read schema version") || !versionQuery.next()) {
        return false;
    }
    const int version = versionQuery.value(0).toInt();
    if (version == kSchemaVersion) {
        return true;
    }
    if (version > kSchemaVersion) {
        m_errorString = tr("The console's local database %1 was written by a newer version of the console. "
                           "Update the console or remove the file.")
                            .arg(databasePath());
        return false;
    }

    // Version 0 is a new, empty file. The statements run in one transaction, so a failure leaves it empty.
    const QStringList statements = {
        QStringLiteral("CREATE TABLE server_profiles (url TEXT PRIMARY KEY NOT NULL, "
                       "last_email TEXT NOT NULL DEFAULT '', last_used_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE pinned_certificates (server_key TEXT PRIMARY KEY NOT NULL, "
                       "sha256 TEXT NOT NULL, pinned_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE settings (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
        QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion),
    };

    db.transaction();
    for (const QString& statement : statements) {
        QSqlQuery query(db);
        query.prepare(statement);
        if (!execute(query, "create schema")) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_errorString = tr("The console's local database could not be set up: %1").arg(db.lastError().text());
        return false;
    }
    qCInfo(lcCache) << "created schema version" << kSchemaVersion << "in" << databasePath();
    return true;
}

bool LocalCache::execute(QSqlQuery& query, const char* action) const
{
    if (query.exec()) {
        return true;
    }
    m_errorString = tr("The console's local database failed: %1").arg(query.lastError().text());
    qCWarning(lcCache) << "failed to" << action << "in" << databasePath() << query.lastError().text();
    return false;
}
