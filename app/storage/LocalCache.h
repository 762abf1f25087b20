#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include "storage/ServerProfile.h"

class QSqlDatabase;
class QSqlQuery;

/// The console's own SQLite database: server profiles, pinned certificate fingerprints and the
/// device id sent at sign-in. It stores no tokens and no passwords.
class LocalCache final
{
    Q_DECLARE_TR_FUNCTIONS(LocalCache)
    Q_DISABLE_COPY_MOVE(LocalCache)

public:
    /// Maximum number of server profiles kept; the least recently used ones are removed first.
    static constexpr int kMaxServerProfiles = 20;

    /// Uses `directory`, which open() creates when it is missing.
    explicit LocalCache(const QString& directory);
    ~LocalCache();

    /// Returns the folder in the environment variable ILEADX_CONSOLE_DATA_DIR when it is set, so that
    /// tests and portable installs can keep their data apart, otherwise the platform's application
    /// data folder.
    static QString defaultDirectory();

    /// Opens or creates the database and brings its schema up to date. Returns false and sets
    /// errorString() when the folder or the database cannot be used.
    bool open();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_errorString; }
    QString databasePath() const;

    /// Returns the remembered servers, the most recently used first.
    QList<ServerProfile> serverProfiles() const;

    /// Remembers `url` with the email address that signed in to it and marks it as used now.
    bool saveServerProfile(const QUrl& url, const QString& email);

    /// Returns the pinned SHA-256 fingerprint for "host:port", or an empty array when none is pinned.
    QByteArray pinnedFingerprint(const QString& serverKey) const;
    bool pinFingerprint(const QString& serverKey, const QByteArray& fingerprint);
    bool removePin(const QString& serverKey);

    /// Returns the random id that identifies this installation to the server's session list, and
    /// creates it on first use.
    QString deviceId();

private:
    QSqlDatabase database() const;
    bool migrate();
    bool execute(QSqlQuery& query, const char* action) const;

    QString m_directory;
    QString m_connectionName;
    mutable QString m_errorString;
    bool m_open = false;
};
