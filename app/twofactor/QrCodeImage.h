#pragma once

#include <QImage>
#include <QString>

/// Draws text as a QR code with libqrencode: error correction level M, byte mode, the smallest
/// version that fits. Dark modules are black and light ones white, with a quiet zone of
/// kQuietZoneModules light modules on every side, which scanners need to find the code.
class QrCodeImage final
{
public:
    static constexpr int kQuietZoneModules = 4;

    /// Returns the code as a square image in which every module is `pixelsPerModule` pixels wide,
    /// scaled without smoothing so that module edges stay sharp. Returns a null image when
    /// libqrencode fails, for example because the text is too long for any QR version.
    static QImage render(const QString& text, int pixelsPerModule);
};
