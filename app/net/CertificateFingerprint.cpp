#include "net/CertificateFingerprint.h"

#include <QCryptographicHash>
#include <QSslCertificate>

QByteArray CertificateFingerprint::sha256(const QSslCertificate& certificate)
{
    if (certificate.isNull()) {
        return {};
    }
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

QString CertificateFingerprint::toColonHex(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray CertificateFingerprint::fromHex(const QString& text)
{
    QString compact = text.trimmed();
    compact.remove(QLatin1Char(':'));

    if (compact.size() != kSize * 2) {
        return {};
    }

    // QByteArray::fromHex() skips characters that are not hex digits, so reject them first.
    for (const QChar character : compact) {
        const bool isDigit = character >= QLatin1Char('0') && character <= QLatin1Char('9');
        const QChar lower = character.toLower();
        const bool isLetter = lower >= QLatin1Char('a') && lower <= QLatin1Char('f');
        if (!isDigit && !isLetter) {
            return {};
        }
    }
    return QByteArray::fromHex(compact.toLatin1());
}
