#include "signin/SignInDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

#include "net/ApiClient.h"
#include "net/CertificateFingerprint.h"
#include "shared/ProblemTypes.h"
#include "signin/TwoFactorCodePage.h"
#include "storage/LocalCache.h"

namespace {

// Breaks a fingerprint of 32 bytes into two lines of 16, so that it is easy to compare by eye.
QString formatFingerprintForReading(const QByteArray& fingerprint)
{
    const int half = static_cast<int>(fingerprint.size() / 2);
    return CertificateFingerprint::toColonHex(fingerprint.left(half)) + QLatin1Char('\n') +
           CertificateFingerprint::toColonHex(fingerprint.mid(half));
}

} // namespace

SignInDialog::SignInDialog(ApiClient* client, LocalCache* cache, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_cache(cache)
{
    Q_ASSERT(m_client);
    Q_ASSERT(m_cache);

    setWindowTitle(tr("Sign in to iLeadX"));
    buildForm();
    loadProfiles();

    connect(m_client, &ApiClient::signedIn, this, &SignInDialog::handleSignedIn);
    connect(m_client, &ApiClient::signInFailed, this, &SignInDialog::handleSignInFailed);
    connect(m_client, &ApiClient::twoFactorRequired, this, &SignInDialog::showCodePage);
}

SignInDialog::~SignInDialog() = default;

QString SignInDialog::statusMessage() const
{
    return m_statusLabel->text();
}

bool SignInDialog::isAskingForCode() const
{
    return m_pages->currentWidget() == m_codePage;
}

QUrl SignInDialog::normalizeServerUrl(const QString& text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    if (!trimmed.contains(QLatin1StringView("://"))) {
        trimmed.prepend(QLatin1StringView("https://"));
    }

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) != 0 ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return {};
    }
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash);
    if (normalized.path() == QLatin1StringView("/")) {
        normalized.setPath(QString());
    }
    return normalized;
}

void SignInDialog::signIn()
{
    if (m_busy) {
        return;
    }

    const QUrl url = normalizeServerUrl(m_serverCombo->currentText());
    if (!url.isValid()) {
        showError(tr("Enter the server address, starting with https://, such as https://leads.example.com:8443."));
        m_serverCombo->setFocus();
        return;
    }
    const QString email = m_emailEdit->text().trimmed();
    if (email.isEmpty() || !email.contains(QLatin1Char('@'))) {
        showError(tr("Enter the email address of your iLeadX account."));
        m_emailEdit->setFocus();
        return;
    }
    if (m_passwordEdit->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_passwordEdit->setFocus();
        return;
    }

    m_serverUrl = url;
    m_client->setServerUrl(url);
    m_client->setPinnedFingerprint(m_cache->pinnedFingerprint(m_client->serverKey()));

    setBusy(true);
    showStatus(tr("Signing in to %1…").arg(m_client->serverKey()));
    m_client->signIn(email, m_passwordEdit->text(), m_rememberCheck->isChecked(), m_cache->deviceId());
}

void SignInDialog::submitCode()
{
    if (m_busy || !isAskingForCode()) {
        return;
    }
    const QString problem = m_codePage->validationError();
    if (!problem.isEmpty()) {
        showError(problem);
        m_codePage->selectCode();
        return;
    }

    setBusy(true);
    showStatus(tr("Checking the code…"));
    m_client->completeTwoFactorSignIn(m_codePage->code(), m_codePage->factor());
}

void SignInDialog::returnToPassword()
{
    if (m_busy) {
        return;
    }
    m_pages->setCurrentWidget(m_passwordPage);
    m_backButton->hide();
    m_codePage->reset();
    showStatus(QString());
    m_passwordEdit->setFocus();
}

void SignInDialog::submit()
{
    if (isAskingForCode()) {
        submitCode();
    } else {
        signIn();
    }
}

void SignInDialog::showCodePage()
{
    if (!m_busy) {
        return;
    }
    setBusy(false);

    // The password has done its part, and an expired challenge needs it typed again anyway.
    m_passwordEdit->clear();
    m_codePage->reset();
    m_pages->setCurrentWidget(m_codePage);
    m_backButton->show();
    showStatus(QString());
    m_codePage->selectCode();
}

void SignInDialog::answerFingerprintConfirmation(bool trusted)
{
    if (m_pendingFingerprint.isEmpty()) {
        return;
    }
    const QString serverKey = std::exchange(m_pendingServerKey, {});
    const QByteArray fingerprint = std::exchange(m_pendingFingerprint, {});

    if (m_fingerprintBox) {
        m_fingerprintBox->disconnect(this);
        m_fingerprintBox->close();
        m_fingerprintBox->deleteLater();
    }

    if (!trusted) {
        showError(tr("The console did not connect, because you did not trust the server's certificate."));
        return;
    }

    // Without a stored pin the same question would come back at the next start, but this session can
    // still use the certificate the user accepted.
    if (!m_cache->pinFingerprint(serverKey, fingerprint)) {
        showError(tr("The certificate could not be saved, so the console will ask again next time. %1")
                      .arg(m_cache->errorString()));
    }
    if (serverKey == m_client->serverKey()) {
        m_client->setPinnedFingerprint(fingerprint);
    }
    signIn();
}

void SignInDialog::showStatus(const QString& message)
{
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(message);
}

void SignInDialog::buildForm()
{
    m_serverCombo = new QComboBox(this);
    m_serverCombo->setObjectName(QStringLiteral("serverCombo"));
    m_serverCombo->setEditable(true);
    m_serverCombo->setInsertPolicy(QComboBox::NoInsert);
    m_serverCombo->lineEdit()->setPlaceholderText(QStringLiteral("https://leads.example.com:8443"));
    connect(m_serverCombo, &QComboBox::textActivated, this, &SignInDialog::fillEmailForServer);

    m_emailEdit = new QLineEdit(this);
    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_emailEdit->setPlaceholderText(tr("name@company.com"));

    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    m_rememberCheck = new QCheckBox(tr("&Remember me: keep the session open for longer"), this);
    m_rememberCheck->setObjectName(QStringLiteral("rememberCheck"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 3);
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_buttons = new QDialogButtonBox(this);
    m_signInButton = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    m_backButton = m_buttons->addButton(tr("&Back"), QDialogButtonBox::ResetRole);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->hide();
    connect(m_backButton, &QPushButton::clicked, this, &SignInDialog::returnToPassword);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    m_passwordPage = new QWidget(this);
    auto* form = new QFormLayout(m_passwordPage);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Se&rver:"), m_serverCombo);
    form->addRow(tr("&Email:"), m_emailEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);
    form->addRow(QString(), m_rememberCheck);

    m_codePage = new TwoFactorCodePage(this);
    m_codePage->setObjectName(QStringLiteral("codePage"));

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_passwordPage);
    m_pages->addWidget(m_codePage);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);

    setMinimumWidth(480);
}

void SignInDialog::loadProfiles()
{
    const QList<ServerProfile> profiles = m_cache->serverProfiles();
    for (const ServerProfile& profile : profiles) {
        m_serverCombo->addItem(profile.url.toString(), profile.lastEmail);
    }
    if (!profiles.isEmpty()) {
        m_serverCombo->setCurrentIndex(0);
        m_emailEdit->setText(profiles.first().lastEmail);
    }
}

void SignInDialog::fillEmailForServer(const QString& urlText)
{
    const int index = m_serverCombo->findText(urlText);
    if (index >= 0) {
        m_emailEdit->setText(m_serverCombo->itemData(index).toString());
        m_passwordEdit->setFocus();
    }
}

void SignInDialog::handleSignedIn(const UserAccount& user)
{
    if (!m_busy) {
        return;
    }
    setBusy(false);

    if (!m_cache->saveServerProfile(m_serverUrl, user.email)) {
        qWarning("The server profile could not be saved: %s", qUtf8Printable(m_cache->errorString()));
    }
    m_passwordEdit->clear();
    m_codePage->reset();
    m_pages->setCurrentWidget(m_passwordPage);
    m_backButton->hide();
    showStatus(QString());
    emit signedIn(user);
    accept();
}

void SignInDialog::handleSignInFailed(const ApiError& error)
{
    if (!m_busy) {
        return;
    }
    setBusy(false);

    if (error.kind == ApiError::Kind::UnknownCertificate && !error.presentedFingerprint.isEmpty()) {
        askToTrustCertificate(m_client->serverKey(), error.presentedFingerprint);
        return;
    }
    if (error.kind == ApiError::Kind::CertificateChanged) {
        // TODO: let the user remove a pin from the settings screen once it exists. Until then a
        // legitimately replaced certificate needs LocalCache::removePin(), which no UI calls yet.
        showError(tr("%1\n\nTrusted fingerprint:\n%2\n\nFingerprint the server presented:\n%3")
                      .arg(error.message, formatFingerprintForReading(m_client->pinnedFingerprint()),
                           formatFingerprintForReading(error.presentedFingerprint)));
        return;
    }

    if (isAskingForCode()) {
        handleCodeRejected(error);
        return;
    }

    showError(error.message);
    if (error.kind == ApiError::Kind::Problem) {
        m_passwordEdit->selectAll();
        m_passwordEdit->setFocus();
    }
}

void SignInDialog::handleCodeRejected(const ApiError& error)
{
    // An expired or used-up challenge cannot take another code, so the sign-in starts over.
    if (error.problemType == QLatin1StringView(ileadx::problem::kInvalidTwoFactorChallenge.data())) {
        returnToPassword();
        showError(error.message);
        return;
    }
    showError(error.message);
    m_codePage->selectCode();
}

void SignInDialog::askToTrustCertificate(const QString& serverKey, const QByteArray& fingerprint)
{
    m_pendingServerKey = serverKey;
    m_pendingFingerprint = fingerprint;
    showStatus(tr("Check the certificate fingerprint of %1 before you continue.").arg(serverKey));

    m_fingerprintBox = new QMessageBox(QMessageBox::Question, tr("Trust this server?"),
                                       tr("This is the first connection to %1 from this computer, and its "
                                          "certificate is not signed by an authority this computer trusts.")
                                           .arg(serverKey),
                                       QMessageBox::NoButton, this);
    m_fingerprintBox->setObjectName(QStringLiteral("fingerprintBox"));
    m_fingerprintBox->setInformativeText(
        tr("Certificate fingerprint (SHA-256):\n%1\n\nCompare it with the fingerprint that your administrator "
           "gave you or that the server printed when it started. Trust the certificate only if they match.")
            .arg(formatFingerprintForReading(fingerprint)));
    QPushButton* trustButton = m_fingerprintBox->addButton(tr("&Trust and sign in"), QMessageBox::AcceptRole);
    m_fingerprintBox->addButton(QMessageBox::Cancel);
    m_fingerprintBox->setDefaultButton(QMessageBox::Cancel);
    m_fingerprintBox->setWindowModality(Qt::WindowModal);

    connect(m_fingerprintBox, &QMessageBox::finished, this, [this, trustButton] {
        answerFingerprintConfirmation(m_fingerprintBox && m_fingerprintBox->clickedButton() == trustButton);
    });
    m_fingerprintBox->open();

    emit fingerprintConfirmationRequested(serverKey, CertificateFingerprint::toColonHex(fingerprint));
}

void SignInDialog::showError(const QString& message)
{
    m_statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_statusLabel->setText(message);
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signInButton->setEnabled(!busy);
    m_serverCombo->setEnabled(!busy);
    m_emailEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
    m_rememberCheck->setEnabled(!busy);
    m_codePage->setInputEnabled(!busy);
    m_backButton->setEnabled(!busy);
}
