#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Touchline {

void installTranslations()
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *touchline = new QTranslator(QCoreApplication::instance());
    if (touchline->load(
            QLocale(), QStringLiteral("touchline"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || touchline->load(QStringLiteral(":/i18n/touchline_en")))
        QCoreApplication::installTranslator(touchline);
}

} // namespace Touchline
