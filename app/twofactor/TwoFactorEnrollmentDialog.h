#pragma once

#include <QDialog>
#include <QImage>
#include <QString>
#include <QStringList>

#include "net/ApiError.h"

class ApiClient;
class QLabel;
class QLineEdit;
class QPushButton;
class TwoFactorApi;

/// Sets up two-factor sign-in for the signed-in account, which the server requires of admins before
/// it opens anything else. The dialog requests a new secret, shows it as a QR code and as text,
/// and confirms it with the first code from the authenticator app. After confirmation it emits
/// enrolled() with the recovery codes and closes with accept().
class TwoFactorEnrollmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoFactorEnrollmentDialog)

public:
    /// Size in pixels of one QR module on screen.
    static constexpr int kPixelsPerModule = 4;

    explicit TwoFactorEnrollmentDialog(ApiClient* client, QWidget* parent = nullptr);
    ~TwoFactorEnrollmentDialog() override;

    QString otpauthUri() const { return m_otpauthUri; }

    /// Returns the QR code as drawn, null until the server sent the secret.
    QImage qrImage() const { return m_qrImage; }

    /// Returns the secret as shown, in groups of four characters.
    QString secretText() const;

    /// Returns the message under the form: progress, or what failed and what to do next.
    QString statusMessage() const;

    /// Splits base32 text into groups of four characters, the way authenticator apps show keys.
    static QString groupInFours(const QString& secret);

public slots:
    /// Requests a new secret from the server; also the retry after a failure.
    void startEnrollment();

    /// Sends the code in the code field; does nothing while a request runs or before the secret arrived.
    void confirm();

signals:
    void enrolled(const QStringList& recoveryCodes);

private:
    void buildForm();
    void showEnrollment(const QString& secret, const QString& otpauthUri);
    void handleEnrollmentFailed(const ApiError& error);
    void handleConfirmed(const QStringList& recoveryCodes);
    void handleConfirmationFailed(const ApiError& error);
    void updateConfirmButton();
    void showStatus(const QString& message);
    void showError(const QString& message);

    TwoFactorApi* m_api = nullptr;
    QLabel* m_qrLabel = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_codeEdit = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QPushButton* m_retryButton = nullptr;

    bool m_busy = false;
    QString m_otpauthUri;
    QImage m_qrImage;
};
