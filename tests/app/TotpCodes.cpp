#include "TotpCodes.h"

#include <QDateTime>
#include <QTest>

#include <liboath/oath.h>

#include <cstdlib>

TotpCodes::TotpCodes(const QString& base32Secret)
    : m_secret(base32Secret)
{
    static const bool initialized = oath_init() == OATH_OK;
    Q_UNUSED(initialized);
}

qint64 TotpCodes::currentStep()
{
    return QDateTime::currentSecsSinceEpoch() / kStepSeconds;
}

QString TotpCodes::codeForStep(qint64 step) const
{
    const QByteArray base32 = m_secret.toLatin1();
    char* secret = nullptr;
    size_t secretLength = 0;
    if (oath_base32_decode(base32.constData(), static_cast<size_t>(base32.size()), &secret, &secretLength) != OATH_OK) {
        return {};
    }
    char code[16] = {};
    const int result = oath_totp_generate(secret, secretLength, static_cast<time_t>(step * kStepSeconds),
                                          static_cast<unsigned>(kStepSeconds), 0, 6, code);
    std::free(secret);
    return result == OATH_OK ? QString::fromLatin1(code) : QString();
}

QString TotpCodes::nextCode()
{
    qint64 step = qMax(currentStep(), m_lastUsedStep + 1);
    // The server accepts at most one step ahead of its clock, so wait until `step` is that close.
    while (step > currentStep() + 1) {
        QTest::qWait(500);
    }
    m_lastUsedStep = step;
    return codeForStep(step);
}

QString TotpCodes::wrongCode() const
{
    const qint64 now = currentStep();
    QStringList nearby;
    for (qint64 step = now - 3; step <= now + 3; ++step) {
        nearby.append(codeForStep(step));
    }
    for (int candidate = 0;; ++candidate) {
        const QString code = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));
        if (!nearby.contains(code)) {
            return code;
        }
    }
}
