#include "MainWindow.h"
#include "Translations.h"
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
    parser.process(app);

    MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        window.openDatabaseInteractively(
            defaultDatabasePath(), Database::Creation::CreateIfMissing);
    else
        window.openDatabaseInteractively(files.first(), Database::Creation::MustExist);
    return QApplication::exec();
}
