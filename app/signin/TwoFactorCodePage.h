#pragma once

#include <QString>
#include <QWidget>

#include "net/ApiClient.h"

class QCheckBox;
class QLabel;
class QLineEdit;

/// The second page of the sign-in dialog: the 6-digit code from the authenticator app, or a
/// recovery code after the user ticks the switch.
class TwoFactorCodePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoFactorCodePage)

public:
    static constexpr int kTotpDigits = 6;

    explicit TwoFactorCodePage(QWidget* parent = nullptr);

    /// Returns the entered code without surrounding spaces.
    QString code() const;

    ApiClient::SecondFactor factor() const;

    /// Returns an error message when the entered code cannot be valid, or an empty string.
    QString validationError() const;

    /// Clears the code and switches back to the authenticator app's code.
    void reset();

    void selectCode();
    void setInputEnabled(bool enabled);

private:
    void updateForFactor();

    QLabel* m_instructionLabel = nullptr;
    QLineEdit* m_codeEdit = nullptr;
    QCheckBox* m_recoveryCheck = nullptr;
};
