#include "ImportValues.h"

#include "domain/Csv.h"

#include <QUrl>

namespace Touchline::ImportValues {

QString headerKey(const QString &header)
{
    QString key;
    bool space = false;
    for (const QChar c : Csv::plainText(header).normalized(QString::NormalizationForm_KD)) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber()) {
            if (space && !key.isEmpty())
                key += QLatin1Char(' ');
            key += c.toLower();
            space = false;
        } else {
            space = true;
        }
    }
    return key;
}

QString linkedInProfileKey(const QString &url)
{
    const QUrl parsed(url);
    QString host = parsed.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    QString path = parsed.path().toLower();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return host + path;
}

QDateTime timeFromText(const QString &text)
{
    // Qt's ISO 8601 reads a date alone as its start, and HH:mm without seconds.
    QString iso = text.trimmed();
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

} // namespace Touchline::ImportValues
