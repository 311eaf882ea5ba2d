#include "Cli.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the GUI, so that both find the same default file.
    QCoreApplication::setOrganizationName(QStringLiteral("Touchline"));
    QCoreApplication::setApplicationName(QStringLiteral("Touchline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOUCHLINE_VERSION));
    Touchline::installTranslations();

    QTextStream out(stdout);
    QTextStream err(stderr);
    return Touchline::Cli::run(QCoreApplication::arguments(), out, err);
}
