#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

/// Runs ileadx-server for a test: starts it on a loopback port, reads the port, the certificate
/// fingerprint and the generated super admin password from its output, and stops it with SIGTERM.
class ServerProcess final
{
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    /// Maximum time in ms to wait for the server to print its address and fingerprint.
    static constexpr int kStartTimeoutMs = 60000;

    explicit ServerProcess(const QString& binary);
    ~ServerProcess();

    /// Adds `--set=KEY=VALUE` options for the next start(), after the defaults, so they override them.
    /// By default the server runs without the two-factor requirement for admins; tests of that policy
    /// pass "auth.requireTwoFactorForAdmins=true".
    void setSettings(const QStringList& keyValues) { m_settings = keyValues; }

    /// Starts `ileadx-server --data-dir=DIR --port=PORT` and waits until it listens. Port 0 lets the
    /// server choose. Returns false and sets errorString() when it exits or stays silent.
    bool start(const QString& dataDirectory, int port = 0);

    /// Sends SIGTERM and waits for the exit; kills the process if it does not end in time.
    void stop();

    /// Runs `ileadx-server create-super-admin` on `dataDirectory` and stores the printed password.
    bool createSuperAdmin(const QString& dataDirectory, const QString& email);

    int port() const { return m_port; }
    QUrl url() const;
    QByteArray fingerprint() const { return m_fingerprint; }
    QString superAdminEmail() const { return m_superAdminEmail; }
    QString superAdminPassword() const { return m_superAdminPassword; }
    QString errorString() const { return m_errorString; }

    /// Returns everything the server printed so far, for failure messages.
    QString output() const { return QString::fromUtf8(m_output); }

private:
    void readOutput();
    void parseLine(const QString& line);

    QString m_binary;
    QStringList m_settings;
    QProcess m_process;
    QByteArray m_output;
    QByteArray m_pendingLine;
    QString m_previousLine;
    int m_port = 0;
    QByteArray m_fingerprint;
    bool m_superAdminAnnounced = false;
    QString m_superAdminEmail;
    QString m_superAdminPassword;
    QString m_errorString;
};
