#include "ICalendar.h"

#include "ContentLine.h"

#include <QStringList>

namespace Touchline {

namespace {

constexpr int eventMinutes = 15;

QString utcTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

// "Email Jane Doe (Acme)": what to do, with whom.
QString summary(const DueItem &item)
{
    const QString name = item.prospectName();
    const QString who = name.isEmpty() ? item.company
        : item.company.isEmpty()       ? name
                                       : ICalendar::tr("%1 (%2)").arg(name, item.company);
    switch (item.step.channel) {
    case TouchChannel::Email:
        return ICalendar::tr("Email %1").arg(who);
    case TouchChannel::Phone:
        return ICalendar::tr("Call %1").arg(who);
    case TouchChannel::LinkedIn:
        return ICalendar::tr("LinkedIn message to %1").arg(who);
    case TouchChannel::Sms:
        return ICalendar::tr("Text %1").arg(who);
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    // Not step channels, so not due; named all the same rather than dropped.
    return ICalendar::tr("%1: %2").arg(channelDisplayName(item.step.channel), who);
}

// The step, the cadence and the ways to reach the prospect, one a line.
QString description(const DueItem &item)
{
    const QString position = QString::number(item.step.position);
    const QString count = QString::number(item.stepCount);
    QStringList lines {item.step.purpose.isEmpty()
            ? ICalendar::tr("Step %1 of %2").arg(position, count)
            : ICalendar::tr("Step %1 of %2: %3").arg(position, count, item.step.purpose)};
    if (!item.cadenceName.isEmpty())
        lines.append(ICalendar::tr("Cadence: %1").arg(item.cadenceName));
    if (!item.email.isEmpty())
        lines.append(ICalendar::tr("Email: %1").arg(item.email));
    if (!item.phone.isEmpty())
        lines.append(ICalendar::tr("Phone: %1").arg(item.phone));
    if (!item.linkedInUrl.isEmpty())
        lines.append(ICalendar::tr("LinkedIn: %1").arg(item.linkedInUrl));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString ICalendar::write(const QList<DueItem> &items, const QDateTime &stamp)
{
    using ContentLine::escapedText;
    QString text;
    const auto add = [&text](const QString &line) { text += ContentLine::folded(line); };
    add(QStringLiteral("BEGIN:VCALENDAR"));
    add(QStringLiteral("VERSION:2.0"));
    add(QStringLiteral("PRODID:-//Touchline//Touchline//EN"));
    add(QStringLiteral("CALSCALE:GREGORIAN"));
    add(QStringLiteral("METHOD:PUBLISH"));
    for (const DueItem &item : items) {
        if (!item.dueAt.isValid())
            continue;
        add(QStringLiteral("BEGIN:VEVENT"));
        // The same step of the same enrollment keeps its UID, so that a calendar
        // importing a newer export moves the event instead of adding another.
        add(QStringLiteral("UID:touchline-due-%1-%2@touchline")
                .arg(item.enrollmentId)
                .arg(item.step.id));
        add(QLatin1String("DTSTAMP:") + utcTime(stamp));
        add(QLatin1String("DTSTART:") + utcTime(item.dueAt));
        add(QLatin1String("DTEND:") + utcTime(item.dueAt.addSecs(eventMinutes * 60)));
        add(QLatin1String("SUMMARY:") + escapedText(summary(item)));
        add(QLatin1String("DESCRIPTION:") + escapedText(description(item)));
        add(QStringLiteral("END:VEVENT"));
    }
    add(QStringLiteral("END:VCALENDAR"));
    return text;
}

} // namespace Touchline
