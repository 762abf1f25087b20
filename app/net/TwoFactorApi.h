#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include "net/ApiError.h"

class ApiClient;

/// The signed-in account's own two-factor sign-in: POST /api/v1/me/two-factor/enroll and /confirm.
/// Every call ends in exactly one success or failure signal.
class TwoFactorApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoFactorApi)

public:
    explicit TwoFactorApi(ApiClient* client, QObject* parent = nullptr);

    /// Creates a new TOTP secret on the server, replacing an unconfirmed one; ends in
    /// enrollmentStarted() or enrollmentFailed().
    void startEnrollment();

    /// Turns two-factor sign-in on with the first code from the app; ends in enrollmentConfirmed()
    /// or confirmationFailed(). On success the session gets full scope.
    void confirmEnrollment(const QString& code);

signals:
    /// `secret` is the base32 key, `otpauthUri` the otpauth://totp URI that the QR code carries.
    void enrollmentStarted(const QString& secret, const QString& otpauthUri);
    void enrollmentFailed(const ApiError& error);

    /// `recoveryCodes` are the single-use codes, which the server never shows again.
    void enrollmentConfirmed(const QStringList& recoveryCodes);
    void confirmationFailed(const ApiError& error);

private:
    ApiClient* m_client = nullptr;
};
