#include "twofactor/TwoFactorEnrollmentDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "net/ApiClient.h"
#include "net/TwoFactorApi.h"
#include "twofactor/QrCodeImage.h"

namespace {

constexpr int kCodeDigits = 6;

} // namespace

TwoFactorEnrollmentDialog::TwoFactorEnrollmentDialog(ApiClient* client, QWidget* parent)
    : QDialog(parent)
    , m_api(new TwoFactorApi(client, this))
{
    setWindowTitle(tr("Set up two-factor sign-in"));
    buildForm();

    connect(m_api, &TwoFactorApi::enrollmentStarted, this, &TwoFactorEnrollmentDialog::showEnrollment);
    connect(m_api, &TwoFactorApi::enrollmentFailed, this, &TwoFactorEnrollmentDialog::handleEnrollmentFailed);
    connect(m_api, &TwoFactorApi::enrollmentConfirmed, this, &TwoFactorEnrollmentDialog::handleConfirmed);
    connect(m_api, &TwoFactorApi::confirmationFailed, this, &TwoFactorEnrollmentDialog::handleConfirmationFailed);
}

TwoFactorEnrollmentDialog::~TwoFactorEnrollmentDialog() = default;

QString TwoFactorEnrollmentDialog::secretText() const
{
    return m_secretLabel->text();
}

QString TwoFactorEnrollmentDialog::statusMessage() const
{
    return m_statusLabel->text();
}

QString TwoFactorEnrollmentDialog::groupInFours(const QString& secret)
{
    QStringList groups;
    for (qsizetype start = 0; start < secret.size(); start += 4) {
        groups.append(secret.mid(start, 4));
    }
    return groups.join(QLatin1Char(' '));
}

void TwoFactorEnrollmentDialog::startEnrollment()
{
    if (m_busy) {
        return;
    }
    m_busy = true;
    m_retryButton->hide();
    showStatus(tr("Requesting a new key from the server…"));
    updateConfirmButton();
    m_api->startEnrollment();
}

void TwoFactorEnrollmentDialog::confirm()
{
    const QString code = m_codeEdit->text().trimmed();
    if (m_busy || m_otpauthUri.isEmpty()) {
        return;
    }
    if (code.size() != kCodeDigits) {
        showError(tr("Enter the 6-digit code that your authenticator app shows."));
        m_codeEdit->setFocus();
        return;
    }
    m_busy = true;
    updateConfirmButton();
    showStatus(tr("Checking the code…"));
    m_api->confirmEnrollment(code);
}

void TwoFactorEnrollmentDialog::buildForm()
{
    auto* intro = new QLabel(tr("Administrator accounts need two-factor sign-in. Scan the QR code with an "
                                "authenticator app on your phone, then enter the 6-digit code that the app shows."),
                             this);
    intro->setWordWrap(true);

    m_qrLabel = new QLabel(this);
    m_qrLabel->setObjectName(QStringLiteral("qrCodeLabel"));
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrLabel->setMinimumSize(240, 240);

    auto* secretCaption = new QLabel(tr("If you cannot scan the code, enter this key in the app:"), this);
    secretCaption->setWordWrap(true);
    m_secretLabel = new QLabel(this);
    m_secretLabel->setObjectName(QStringLiteral("secretLabel"));
    m_secretLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secretLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_secretLabel->setAlignment(Qt::AlignCenter);

    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("codeEdit"));
    m_codeEdit->setMaxLength(kCodeDigits);
    m_codeEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(kCodeDigits)), this));
    m_codeEdit->setPlaceholderText(QStringLiteral("123456"));
    connect(m_codeEdit, &QLineEdit::textChanged, this, &TwoFactorEnrollmentDialog::updateConfirmButton);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 2);
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* buttons = new QDialogButtonBox(this);
    m_confirmButton = buttons->addButton(tr("&Confirm"), QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    m_confirmButton->setDefault(true);
    m_retryButton = buttons->addButton(tr("&Try again"), QDialogButtonBox::ActionRole);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->hide();
    QPushButton* cancelButton = buttons->addButton(tr("Sign &out"), QDialogButtonBox::RejectRole);
    cancelButton->setObjectName(QStringLiteral("signOutButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TwoFactorEnrollmentDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &TwoFactorEnrollmentDialog::reject);
    connect(m_retryButton, &QPushButton::clicked, this, &TwoFactorEnrollmentDialog::startEnrollment);

    auto* form = new QFormLayout;
    form->addRow(tr("&Code from the app:"), m_codeEdit);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_qrLabel);
    layout->addWidget(secretCaption);
    layout->addWidget(m_secretLabel);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    setMinimumWidth(440);
    updateConfirmButton();
}

void TwoFactorEnrollmentDialog::showEnrollment(const QString& secret, const QString& otpauthUri)
{
    m_busy = false;
    m_otpauthUri = otpauthUri;
    m_secretLabel->setText(groupInFours(secret));

    m_qrImage = QrCodeImage::render(otpauthUri, kPixelsPerModule);
    if (m_qrImage.isNull()) {
        m_qrLabel->setText(tr("The QR code could not be drawn. Enter the key below in the app instead."));
        m_qrLabel->setWordWrap(true);
    } else {
        m_qrLabel->setPixmap(QPixmap::fromImage(m_qrImage));
    }

    showStatus(QString());
    updateConfirmButton();
    m_codeEdit->setFocus();
}

void TwoFactorEnrollmentDialog::handleEnrollmentFailed(const ApiError& error)
{
    m_busy = false;
    showError(error.message);
    m_retryButton->show();
    updateConfirmButton();
}

void TwoFactorEnrollmentDialog::handleConfirmed(const QStringList& recoveryCodes)
{
    m_busy = false;
    m_codeEdit->clear();
    showStatus(tr("Two-factor sign-in is on."));
    emit enrolled(recoveryCodes);
    accept();
}

void TwoFactorEnrollmentDialog::handleConfirmationFailed(const ApiError& error)
{
    m_busy = false;
    showError(error.message);
    updateConfirmButton();
    m_codeEdit->selectAll();
    m_codeEdit->setFocus();
}

void TwoFactorEnrollmentDialog::updateConfirmButton()
{
    m_confirmButton->setEnabled(!m_busy && !m_otpauthUri.isEmpty() &&
                                m_codeEdit->text().trimmed().size() == kCodeDigits);
}

void TwoFactorEnrollmentDialog::showStatus(const QString& message)
{
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(message);
}

void TwoFactorEnrollmentDialog::showError(const QString& message)
{
    m_statusLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_statusLabel->setText(message);
}
