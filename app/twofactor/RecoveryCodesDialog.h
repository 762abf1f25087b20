#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QPushButton;

/// Shows the recovery codes once, right after two-factor sign-in was turned on, because the server
/// never shows them again. The user can copy them to the clipboard or save them to a text file, and
/// Continue stays disabled until the user ticks that the codes are stored.
class RecoveryCodesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryCodesDialog)

public:
    /// `accountLabel` names the account and server in the saved file, such as "admin@example.com on
    /// leads.example.com:8443".
    RecoveryCodesDialog(const QStringList& codes, const QString& accountLabel, QWidget* parent = nullptr);
    ~RecoveryCodesDialog() override;

    QStringList codes() const { return m_codes; }

    /// Returns the message under the codes, such as where they were saved or why saving failed.
    QString statusMessage() const;

    /// Returns the text that Copy and Save write: a heading line, then one code per line.
    QString codesAsText() const;

    /// Writes codesAsText() to `path` atomically, readable only by the owner where the file system
    /// supports it. Returns false and shows the reason when the file cannot be written.
    bool saveToFile(const QString& path);

public slots:
    /// Copies codesAsText() to the clipboard.
    void copyToClipboard();

    /// Opens a file dialog and saves the codes to the chosen file.
    void chooseFileAndSave();

    /// Closing the window counts as Continue once the codes are marked as stored, and does nothing
    /// before, so the codes cannot be dismissed by accident.
    void reject() override;

private:
    void buildForm();
    void showStatus(const QString& message, bool isError);

    QStringList m_codes;
    QString m_accountLabel;
    QLabel* m_statusLabel = nullptr;
    QCheckBox* m_storedCheck = nullptr;
    QPushButton* m_continueButton = nullptr;
};
