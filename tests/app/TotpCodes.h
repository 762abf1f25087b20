#pragma once

#include <QString>

/// Computes the TOTP codes an authenticator app would show for a base32 secret (RFC 6238: HMAC-SHA-1,
/// 30-second steps, 6 digits) with liboath, independently of the server's code. The server accepts a
/// code from one step before to one step after its clock. It never accepts a step at or before the
/// last one it accepted, so nextCode() hands out each step once and waits when it would run ahead.
class TotpCodes final
{
public:
    static constexpr qint64 kStepSeconds = 30;

    explicit TotpCodes(const QString& base32Secret);

    /// Returns the code for time step `step` (Unix seconds / 30), or an empty string on failure.
    QString codeForStep(qint64 step) const;

    /// Returns a code the server accepts now and that no earlier call returned. May wait up to one
    /// step (30 s), running the event loop, when the next unused step is still too far ahead.
    QString nextCode();

    /// Returns a 6-digit code that matches none of the steps around the current time.
    QString wrongCode() const;

    static qint64 currentStep();

private:
    QString m_secret;
    qint64 m_lastUsedStep = 0;
};
