#include "LogCapture.h"

#include "logging/AddressMaskingChannel.h"

#include <Poco/AutoPtr.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <atomic>
#include <mutex>

namespace ileadx::test {

namespace {

QString logDirectory()
{
    return qEnvironmentVariable("ILEADX_TEST_LOG_DIR");
}

QString fileFor(const QString& kind)
{
    const QString name = QCoreApplication::applicationName().isEmpty() ? QStringLiteral("test")
                                                                        : QCoreApplication::applicationName();
    return QDir(logDirectory()).filePath(QStringLiteral("%1-%2.%3").arg(name).arg(QCoreApplication::applicationPid()).arg(kind));
}

std::mutex& secretsMutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace

void captureServerLogs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (logDirectory().isEmpty()) {
            return;
        }
        QDir().mkpath(logDirectory());
        Poco::AutoPtr<Poco::FileChannel> file = new Poco::FileChannel(fileFor("log").toStdString());
        Poco::AutoPtr<Poco::PatternFormatter> formatter = new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S.%iZ %q %s %t");
        Poco::AutoPtr<Poco::FormattingChannel> formatting = new Poco::FormattingChannel(formatter, file);
        // The same masking step as the server's own logging, so the scan checks what operators see.
        Poco::AutoPtr<AddressMaskingChannel> channel = new AddressMaskingChannel(formatting);
        Poco::Logger::root().setChannel(channel);
        Poco::Logger::setChannel("", channel);
        Poco::Logger::setLevel("", Poco::Message::PRIO_INFORMATION);
    });
}

void keepProcessLog(const QByteArray& standardError)
{
    if (logDirectory().isEmpty() || standardError.isEmpty()) {
        return;
    }
    static std::atomic<int> counter{0};
    QDir().mkpath(logDirectory());
    QFile file(fileFor(QStringLiteral("process%1.log").arg(++counter)));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(standardError);
    }
}

void recordSecret(const std::string& secret)
{
    if (logDirectory().isEmpty() || secret.size() < 8) {
        return;
    }
    std::lock_guard lock(secretsMutex());
    QDir().mkpath(logDirectory());
    QFile file(fileFor("secrets"));
    if (file.open(QIODevice::Append | QIODevice::Text)) {
        file.write(QByteArray::fromStdString(secret) + '\n');
    }
}

} // namespace ileadx::test
