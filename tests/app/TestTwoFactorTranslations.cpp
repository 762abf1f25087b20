#include <QAbstractButton>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

#include "main/MainWindow.h"
#include "net/ApiClient.h"
#include "sessions/SessionsDialog.h"
#include "signin/TwoFactorCodePage.h"
#include "twofactor/RecoveryCodesDialog.h"
#include "twofactor/TwoFactorEnrollmentDialog.h"

namespace {

using WidgetFactory = std::function<std::unique_ptr<QWidget>(ApiClient*)>;

/// Collects the texts a user reads in `widget`: its window title, labels, buttons, check boxes,
/// menu actions and table headers, in creation order.
QStringList visibleTexts(const QWidget& widget)
{
    QStringList texts{widget.windowTitle()};
    for (const QLabel* label : widget.findChildren<QLabel*>()) {
        texts.append(label->text());
    }
    for (const QAbstractButton* button : widget.findChildren<QAbstractButton*>()) {
        texts.append(button->text());
    }
    for (const QAction* action : widget.findChildren<QAction*>()) {
        texts.append(action->text());
        texts.append(action->statusTip());
    }
    for (const QTableWidget* table : widget.findChildren<QTableWidget*>()) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem* header = table->horizontalHeaderItem(column);
            texts.append(header ? header->text() : QString());
        }
    }
    return texts;
}

} // namespace

/// Checks that the two-factor and session windows show German text with the German translation,
/// the way TestProblemMessages checks the problem messages.
class TestTwoFactorTranslations : public QObject
{
    Q_OBJECT

private slots:
    void testWindowsTranslatedToGerman_data();
    void testWindowsTranslatedToGerman();
    void testGroupInFours();
};

void TestTwoFactorTranslations::testWindowsTranslatedToGerman_data()
{
    QTest::addColumn<WidgetFactory>("factory");

    QTest::newRow("enrollment dialog") << WidgetFactory([](ApiClient* client) -> std::unique_ptr<QWidget> {
        return std::make_unique<TwoFactorEnrollmentDialog>(client);
    });
    QTest::newRow("recovery codes dialog") << WidgetFactory([](ApiClient*) -> std::unique_ptr<QWidget> {
        return std::make_unique<RecoveryCodesDialog>(QStringList{QStringLiteral("abcd-efgh-jkmn")},
                                                     QStringLiteral("admin@example.com on 127.0.0.1:8443"));
    });
    QTest::newRow("sessions dialog") << WidgetFactory([](ApiClient* client) -> std::unique_ptr<QWidget> {
        return std::make_unique<SessionsDialog>(client);
    });
    QTest::newRow("code page") << WidgetFactory([](ApiClient*) -> std::unique_ptr<QWidget> {
        return std::make_unique<TwoFactorCodePage>();
    });
    QTest::newRow("main window") << WidgetFactory([](ApiClient* client) -> std::unique_ptr<QWidget> {
        return std::make_unique<MainWindow>(client);
    });
}

void TestTwoFactorTranslations::testWindowsTranslatedToGerman()
{
    QFETCH(WidgetFactory, factory);
    ApiClient client;

    const QStringList english = visibleTexts(*factory(&client));

    QTranslator german;
    QVERIFY2(german.load(QStringLiteral("ileadx_de"), QStringLiteral(ILEADX_TRANSLATIONS_DIR)),
             "ileadx_de.qm is missing from the build's translations folder");
    QCoreApplication::installTranslator(&german);
    const QStringList translated = visibleTexts(*factory(&client));
    QCoreApplication::removeTranslator(&german);

    QCOMPARE(translated.size(), english.size());
    for (qsizetype i = 0; i < english.size(); ++i) {
        // Empty texts, the sample code and standard buttons translated by Qt itself are left out.
        if (english.at(i).isEmpty() || english.at(i).contains(QStringLiteral("abcd-")) ||
            english.at(i) == QStringLiteral("Close")) {
            continue;
        }
        QVERIFY2(translated.at(i) != english.at(i), qPrintable(QStringLiteral("untranslated: ") + english.at(i)));
    }
}

void TestTwoFactorTranslations::testGroupInFours()
{
    QCOMPARE(TwoFactorEnrollmentDialog::groupInFours(QStringLiteral("ABCDEFGHIJ")), QStringLiteral("ABCD EFGH IJ"));
    QCOMPARE(TwoFactorEnrollmentDialog::groupInFours(QStringLiteral("ABCDEFGH")), QStringLiteral("ABCD EFGH"));
    QCOMPARE(TwoFactorEnrollmentDialog::groupInFours(QString()), QString());
}

QTEST_MAIN(TestTwoFactorTranslations)
#include "TestTwoFactorTranslations.moc"
