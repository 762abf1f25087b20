#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include "net/CertificateFingerprint.h"

namespace {

constexpr int kStopTimeoutMs = 15000;

const QRegularExpression& listeningPattern()
{
    static const QRegularExpression pattern(QStringLiteral("listening on https://[^\\s]*:(\\d+)"));
    return pattern;
}

const QRegularExpression& fingerprintPattern()
{
    static const QRegularExpression pattern(QStringLiteral("([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31})"));
    return pattern;
}

const QRegularExpression& passwordPattern()
{
    static const QRegularExpression pattern(QStringLiteral("Password \\(shown once\\): (\\S+)"));
    return pattern;
}

const QRegularExpression& emailPattern()
{
    static const QRegularExpression pattern(QStringLiteral("([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)"));
    return pattern;
}

} // namespace

ServerProcess::ServerProcess(const QString& binary)
    : m_binary(binary)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString& dataDirectory, int port)
{
    m_output.clear();
    m_pendingLine.clear();
    m_port = 0;
    m_fingerprint.clear();
    m_superAdminAnnounced = false;

    // The test registers and signs in more accounts per minute than the default auth limit allows.
    QStringList arguments{QStringLiteral("--data-dir=%1").arg(dataDirectory), QStringLiteral("--port=%1").arg(port),
                          QStringLiteral("--set=ratelimit.authPerMinute=100000"),
                          QStringLiteral("--set=ratelimit.authBurst=100000"),
                          QStringLiteral("--set=auth.requireTwoFactorForAdmins=false")};
    for (const QString& keyValue : std::as_const(m_settings)) {
        arguments.append(QStringLiteral("--set=") + keyValue);
    }
    m_process.start(m_binary, arguments);
    if (!m_process.waitForStarted()) {
        m_errorString = QStringLiteral("%1 did not start: %2").arg(m_binary, m_process.errorString());
        return false;
    }

    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (m_port == 0 || m_fingerprint.isEmpty()) {
        if (m_process.state() != QProcess::Running) {
            readOutput();
            m_errorString = QStringLiteral("the server exited with code %1 before it listened. Output:\n%2")
                                .arg(m_process.exitCode())
                                .arg(output());
            return false;
        }
        if (deadline.hasExpired()) {
            m_errorString = QStringLiteral("the server printed no port and fingerprint within %1 ms. Output:\n%2")
                                .arg(kStartTimeoutMs)
                                .arg(output());
            return false;
        }
        m_process.waitForReadyRead(200);
        readOutput();
    }

    // A server that announced a new super admin may print the password after the listening line.
    if (m_superAdminAnnounced && m_superAdminPassword.isEmpty()) {
        const QDeadlineTimer passwordDeadline(kStartTimeoutMs);
        while (m_superAdminPassword.isEmpty() && !passwordDeadline.hasExpired() &&
               m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            readOutput();
        }
    }
    return true;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_process.terminate();
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
    }
    readOutput();
}

bool ServerProcess::createSuperAdmin(const QString& dataDirectory, const QString& email)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(m_binary, {QStringLiteral("create-super-admin"), QStringLiteral("--email=%1").arg(email),
                          QStringLiteral("--data-dir=%1").arg(dataDirectory)});
    if (!tool.waitForFinished(kStartTimeoutMs) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
        m_errorString = QStringLiteral("create-super-admin failed with code %1: %2")
                            .arg(tool.exitCode())
                            .arg(QString::fromUtf8(tool.readAll()));
        return false;
    }

    const QRegularExpressionMatch match = passwordPattern().match(QString::fromUtf8(tool.readAll()));
    if (!match.hasMatch()) {
        m_errorString = QStringLiteral("create-super-admin printed no password");
        return false;
    }
    m_superAdminEmail = email;
    m_superAdminPassword = match.captured(1);
    return true;
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

void ServerProcess::readOutput()
{
    const QByteArray chunk = m_process.readAll();
    m_output += chunk;
    m_pendingLine += chunk;

    qsizetype newline = m_pendingLine.indexOf('\n');
    while (newline >= 0) {
        parseLine(QString::fromUtf8(m_pendingLine.left(newline)).trimmed());
        m_pendingLine.remove(0, newline + 1);
        newline = m_pendingLine.indexOf('\n');
    }
}

void ServerProcess::parseLine(const QString& line)
{
    const QRegularExpressionMatch listening = listeningPattern().match(line);
    if (listening.hasMatch()) {
        m_port = listening.captured(1).toInt();
    }

    if (line.contains(QStringLiteral("certificate SHA-256 fingerprint"), Qt::CaseInsensitive)) {
        const QRegularExpressionMatch fingerprint = fingerprintPattern().match(line);
        if (fingerprint.hasMatch()) {
            m_fingerprint = CertificateFingerprint::fromHex(fingerprint.captured(1));
        }
    }

    // The server names the new account on the line before the password.
    if (line.contains(QStringLiteral("super admin"), Qt::CaseInsensitive) && emailPattern().match(line).hasMatch()) {
        m_superAdminAnnounced = true;
    }
    const QRegularExpressionMatch password = passwordPattern().match(line);
    if (password.hasMatch()) {
        m_superAdminPassword = password.captured(1);
        const QRegularExpressionMatch email = emailPattern().match(m_previousLine);
        if (email.hasMatch()) {
            m_superAdminEmail = email.captured(1);
        }
    }
    m_previousLine = line;
}
