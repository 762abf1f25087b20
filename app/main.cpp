#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include "main/ConsoleController.h"
#include "storage/LocalCache.h"

namespace {

// Installs the console's own translation, embedded by qt_add_translations() under :/i18n, and Qt's
// translation of its standard buttons when the system has one.
void installTranslations(QApplication& application)
{
    auto* consoleTranslator = new QTranslator(&application);
    if (consoleTranslator->load(QLocale(), QStringLiteral("ileadx"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(consoleTranslator);
    }

    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qtTranslator);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("iLeadX"));
    QApplication::setApplicationName(QStringLiteral("ileadx-console"));
    QApplication::setApplicationVersion(QStringLiteral(ILEADX_VERSION));
    installTranslations(application);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "iLeadX Console"));

    // The controller decides when the console ends, because the sign-in dialog closes before the main
    // window opens and the main window signs out before it quits.
    QApplication::setQuitOnLastWindowClosed(false);

    LocalCache cache(LocalCache::defaultDirectory());
    if (!cache.open()) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "iLeadX Console"), cache.errorString());
        return 1;
    }

    ConsoleController controller(&cache);
    QObject::connect(&controller, &ConsoleController::quitRequested, &application, &QApplication::quit);
    controller.start();
    return QApplication::exec();
}
