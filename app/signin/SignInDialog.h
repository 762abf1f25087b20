#pragma once

#include <QByteArray>
#include <QDialog>
#include <QPointer>
#include <QString>
#include <QUrl>

#include "net/ApiError.h"
#include "net/UserAccount.h"

class ApiClient;
class LocalCache;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QStackedWidget;
class TwoFactorCodePage;

/// Collects the server address and the credentials, signs in through ApiClient and shows every
/// failure in plain words. On first contact with a server whose certificate does not validate, the
/// dialog shows the certificate's fingerprint and requests the user's confirmation to trust it. The question is asked
/// without blocking: fingerprintConfirmationRequested() announces it and
/// answerFingerprintConfirmation() takes the answer, from the message box or from a test. For an
/// account with two-factor sign-in, a second page asks for the code after the password.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(ApiClient* client, LocalCache* cache, QWidget* parent = nullptr);
    ~SignInDialog() override;

    /// Returns the message shown under the form: progress, or what failed and what to do next.
    QString statusMessage() const;

    bool isBusy() const { return m_busy; }

    /// Returns true while the dialog shows the page for the second factor.
    bool isAskingForCode() const;

    /// Normalises what the user typed into an https URL; returns an invalid URL when the text cannot
    /// be one. Text without a scheme gets "https://"; any other scheme than https is rejected.
    static QUrl normalizeServerUrl(const QString& text);

public slots:
    /// Validates the form and starts signing in; does nothing while a sign-in is running.
    void signIn();

    /// Sends the code from the second page; does nothing while a request runs or on the first page.
    void submitCode();

    /// Leaves the code page for the password page, which starts a new sign-in.
    void returnToPassword();

    /// Takes the user's answer to the pending fingerprint question. Trusting the certificate pins
    /// it in the local cache and repeats the sign-in.
    void answerFingerprintConfirmation(bool trusted);

    /// Shows `message` under the form, for example why the previous session ended.
    void showStatus(const QString& message);

signals:
    /// Emitted when the user has to decide whether to trust the certificate of `serverKey`. The
    /// fingerprint is colon-separated hex, as the server prints it at start-up.
    void fingerprintConfirmationRequested(const QString& serverKey, const QString& fingerprint);

    void signedIn(const UserAccount& user);

private:
    void buildForm();
    void loadProfiles();
    void fillEmailForServer(const QString& urlText);
    void submit();
    void showCodePage();
    void handleSignedIn(const UserAccount& user);
    void handleSignInFailed(const ApiError& error);
    void handleCodeRejected(const ApiError& error);
    void askToTrustCertificate(const QString& serverKey, const QByteArray& fingerprint);
    void showError(const QString& message);
    void setBusy(bool busy);

    ApiClient* m_client = nullptr;
    LocalCache* m_cache = nullptr;

    QComboBox* m_serverCombo = nullptr;
    QLineEdit* m_emailEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QCheckBox* m_rememberCheck = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_passwordPage = nullptr;
    TwoFactorCodePage* m_codePage = nullptr;
    QPushButton* m_backButton = nullptr;
    QLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_signInButton = nullptr;
    QPointer<QMessageBox> m_fingerprintBox;

    bool m_busy = false;
    QUrl m_serverUrl;
    QString m_pendingServerKey;
    QByteArray m_pendingFingerprint;
};
