#include "twofactor/QrCodeImage.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

Q_LOGGING_CATEGORY(lcQrCode, "ileadx.console.qrcode")

namespace {

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

QImage QrCodeImage::render(const QString& text, int pixelsPerModule)
{
    if (text.isEmpty() || pixelsPerModule < 1) {
        return {};
    }

    // Version 0 lets libqrencode pick the smallest version; the last argument keeps letter case.
    const QByteArray data = text.toUtf8();
    const std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeString(data.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        qCWarning(lcQrCode) << "libqrencode failed for a text of" << data.size() << "bytes:" << std::strerror(errno);
        return {};
    }

    const int modules = code->width;
    const int side = modules + 2 * kQuietZoneModules;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < modules; ++y) {
        uchar* line = image.scanLine(y + kQuietZoneModules);
        for (int x = 0; x < modules; ++x) {
            // Bit 0 of each byte is set for a dark module. The other bits describe the module's role.
            if ((code->data[y * modules + x] & 0x01) != 0) {
                line[x + kQuietZoneModules] = 0;
            }
        }
    }
    return image.scaled(side * pixelsPerModule, side * pixelsPerModule, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}
