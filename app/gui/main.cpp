#include "AppSettings.h"
#include "MainWindow.h"
#include "Translations.h"
#include "UserNameDialog.h"
#include "storage/DefaultLocation.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Touchline;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Touchline"));
    QApplication::setApplicationName(QStringLiteral("Touchline"));
    QApplication::setApplicationDisplayName(QStringLiteral("Touchline"));
    QApplication::setApplicationVersion(QStringLiteral(TOUCHLINE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.touchline.Touchline"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/touchline/icons/touchline.svg")));

    installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Follow up with prospects persistently and respectfully."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
        QApplication::translate("main", "The Touchline file to open (default: %1).")
            .arg(defaultDatabasePath()),
        QStringLiteral("[file]"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
        QApplication::translate(
            "main", "Open the file for review only: nothing is written to it."));
    parser.addOption(readOnly);
    parser.process(app);
    const Database::Access access
        = parser.isSet(readOnly) ? Database::Access::ReadOnly : Database::Access::ReadWrite;

    // Asked here rather than by the window, which tests create without a dialog.
    // Cancel keeps the login name for now; the next start asks again.
    if (!AppSettings::hasUserName())
        UserNameDialog::ask();

    MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        window.openDatabaseInteractively(defaultDatabasePath(),
            access == Database::Access::ReadOnly ? Database::Creation::MustExist
                                                 : Database::Creation::CreateIfMissing,
            access);
    else
        window.openDatabaseInteractively(files.first(), Database::Creation::MustExist, access);
    return QApplication::exec();
}
