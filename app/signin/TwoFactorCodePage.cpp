#include "signin/TwoFactorCodePage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace {

// A recovery code is three groups of four characters; the limit leaves room for spaces.
constexpr int kMaxRecoveryCodeLength = 32;

} // namespace

TwoFactorCodePage::TwoFactorCodePage(QWidget* parent)
    : QWidget(parent)
{
    m_instructionLabel = new QLabel(this);
    m_instructionLabel->setObjectName(QStringLiteral("codeInstructionLabel"));
    m_instructionLabel->setWordWrap(true);

    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("codeEdit"));

    m_recoveryCheck = new QCheckBox(tr("&Use a recovery code instead"), this);
    m_recoveryCheck->setObjectName(QStringLiteral("recoveryCheck"));
    connect(m_recoveryCheck, &QCheckBox::toggled, this, &TwoFactorCodePage::updateForFactor);

    auto* form = new QFormLayout;
    form->addRow(tr("C&ode:"), m_codeEdit);
    form->addRow(QString(), m_recoveryCheck);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_instructionLabel);
    layout->addLayout(form);
    layout->addStretch();

    updateForFactor();
}

QString TwoFactorCodePage::code() const
{
    return m_codeEdit->text().trimmed();
}

ApiClient::SecondFactor TwoFactorCodePage::factor() const
{
    return m_recoveryCheck->isChecked() ? ApiClient::SecondFactor::RecoveryCode : ApiClient::SecondFactor::TotpCode;
}

QString TwoFactorCodePage::validationError() const
{
    const QString entered = code();
    if (factor() == ApiClient::SecondFactor::RecoveryCode) {
        return entered.isEmpty() ? tr("Enter one of your recovery codes.") : QString();
    }
    bool digitsOnly = !entered.isEmpty();
    for (const QChar c : entered) {
        digitsOnly = digitsOnly && c.isDigit();
    }
    if (!digitsOnly || entered.size() != kTotpDigits) {
        return tr("Enter the 6-digit code that your authenticator app shows.");
    }
    return {};
}

void TwoFactorCodePage::reset()
{
    m_codeEdit->clear();
    m_recoveryCheck->setChecked(false);
    updateForFactor();
}

void TwoFactorCodePage::selectCode()
{
    m_codeEdit->selectAll();
    m_codeEdit->setFocus();
}

void TwoFactorCodePage::setInputEnabled(bool enabled)
{
    m_codeEdit->setEnabled(enabled);
    m_recoveryCheck->setEnabled(enabled);
}

void TwoFactorCodePage::updateForFactor()
{
    m_codeEdit->clear();
    if (factor() == ApiClient::SecondFactor::RecoveryCode) {
        m_instructionLabel->setText(tr("Enter one of the recovery codes you stored when you turned on two-factor "
                                       "sign-in. Each code works once."));
        m_codeEdit->setMaxLength(kMaxRecoveryCodeLength);
        m_codeEdit->setPlaceholderText(QStringLiteral("xxxx-xxxx-xxxx"));
    } else {
        m_instructionLabel->setText(tr("Your account uses two-factor sign-in. Enter the 6-digit code that your "
                                       "authenticator app shows now."));
        m_codeEdit->setMaxLength(kTotpDigits);
        m_codeEdit->setPlaceholderText(QStringLiteral("123456"));
    }
    m_codeEdit->setFocus();
}
