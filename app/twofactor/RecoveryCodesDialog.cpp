#include "twofactor/RecoveryCodesDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {

constexpr int kCodeColumns = 2;

} // namespace

RecoveryCodesDialog::RecoveryCodesDialog(const QStringList& codes, const QString& accountLabel, QWidget* parent)
    : QDialog(parent)
    , m_codes(codes)
    , m_accountLabel(accountLabel)
{
    setWindowTitle(tr("Recovery codes"));
    buildForm();
}

RecoveryCodesDialog::~RecoveryCodesDialog() = default;

QString RecoveryCodesDialog::statusMessage() const
{
    return m_statusLabel->text();
}

QString RecoveryCodesDialog::codesAsText() const
{
    QString text = tr("iLeadX recovery codes for %1. Each code signs you in once.").arg(m_accountLabel);
    text += QLatin1Char('\n');
    for (const QString& code : m_codes) {
        text += code + QLatin1Char('\n');
    }
    return text;
}

bool RecoveryCodesDialog::saveToFile(const QString& path)
{
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Text) &&
                         file.write(codesAsText().toUtf8()) >= 0 &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && file.commit();
    if (!written) {
        showStatus(tr("The codes could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                   true);
        return false;
    }
    showStatus(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void RecoveryCodesDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(codesAsText());
    showStatus(tr("The codes are on the clipboard. Paste them into your password manager."), false);
}

void RecoveryCodesDialog::chooseFileAndSave()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto* dialog = new QFileDialog(this, tr("Save recovery codes"),
                                   QDir(folder).filePath(QStringLiteral("ileadx-recovery-codes.txt")),
                                   tr("Text files (*.txt)"));
    dialog->setObjectName(QStringLiteral("saveCodesDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &RecoveryCodesDialog::saveToFile);
    dialog->open();
}

void RecoveryCodesDialog::reject()
{
    if (m_storedCheck->isChecked()) {
        accept();
    }
}

void RecoveryCodesDialog::buildForm()
{
    auto* intro = new QLabel(tr("Store these recovery codes in a safe place, such as a password manager. If you "
                                "lose your phone, each code signs you in once instead of a code from the app. "
                                "The console shows them only now."),
                             this);
    intro->setWordWrap(true);

    auto* grid = new QGridLayout;
    const QFont fixedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int i = 0; i < m_codes.size(); ++i) {
        auto* label = new QLabel(m_codes.at(i), this);
        label->setFont(fixedFont);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setAlignment(Qt::AlignCenter);
        grid->addWidget(label, i / kCodeColumns, i % kCodeColumns);
    }

    auto* copyButton = new QPushButton(tr("&Copy"), this);
    copyButton->setObjectName(QStringLiteral("copyButton"));
    connect(copyButton, &QPushButton::clicked, this, &RecoveryCodesDialog::copyToClipboard);
    auto* saveButton = new QPushButton(tr("&Save…"), this);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(saveButton, &QPushButton::clicked, this, &RecoveryCodesDialog::chooseFileAndSave);
    auto* fileButtons = new QHBoxLayout;
    fileButtons->addStretch();
    fileButtons->addWidget(copyButton);
    fileButtons->addWidget(saveButton);
    fileButtons->addStretch();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 2);

    m_storedCheck = new QCheckBox(tr("&I have stored these codes"), this);
    m_storedCheck->setObjectName(QStringLiteral("storedCheck"));

    auto* buttons = new QDialogButtonBox(this);
    m_continueButton = buttons->addButton(tr("C&ontinue"), QDialogButtonBox::AcceptRole);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setEnabled(false);
    connect(m_storedCheck, &QCheckBox::toggled, m_continueButton, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecoveryCodesDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addLayout(fileButtons);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_storedCheck);
    layout->addWidget(buttons);

    setMinimumWidth(440);
}

void RecoveryCodesDialog::showStatus(const QString& message, bool isError)
{
    m_statusLabel->setStyleSheet(isError ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    m_statusLabel->setText(message);
}
