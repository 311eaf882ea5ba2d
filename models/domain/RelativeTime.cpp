#include "RelativeTime.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace Touchline {

qint64 daysBetween(const QDateTime &then, const QDateTime &now)
{
    return then.toTimeZone(now.timeZone()).date().daysTo(now.date());
}

QString relativeTimeText(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = then.secsTo(now);
    const qint64 days = daysBetween(then, now);
    if (seconds < 0 || days > 28)
        return QLocale().toString(then.toTimeZone(now.timeZone()).date(), QLocale::ShortFormat);
    if (seconds < 60)
        return QCoreApplication::translate("Touchline::RelativeTime", "just now");
    const int minutes = int(seconds) / 60;
    if (minutes < 60)
        return QCoreApplication::translate(
            "Touchline::RelativeTime", "%n minute(s) ago", nullptr, minutes);
    const int hours = minutes / 60;
    if (days == 0)
        return QCoreApplication::translate(
            "Touchline::RelativeTime", "%n hour(s) ago", nullptr, hours);
    if (days == 1)
        return QCoreApplication::translate("Touchline::RelativeTime", "yesterday");
    return QCoreApplication::translate(
        "Touchline::RelativeTime", "%n day(s) ago", nullptr, int(days));
}

} // namespace Touchline
