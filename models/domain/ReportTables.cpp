#include "ReportTables.h"

#include "Csv.h"
#include "KeyTable.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Touchline::ReportTables {

namespace {

using ReplyStats::Report;
using ReplyStats::Tally;

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::ReportTables", text);
}

const KeyTable::Key<Kind> kindKeys[] = {
    {Kind::ReplyRate, "reply-rate",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Reply rate by touch number")},
    {Kind::Cumulative, "cumulative",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Cumulative replies by touch number")},
    {Kind::Channels, "channels",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Reply rate by channel")},
    {Kind::Owners, "owners", QT_TRANSLATE_NOOP("Touchline::ReportTables", "Reply rate by owner")},
    {Kind::Steps, "steps",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Reply rate by cadence step")},
    {Kind::GiveUp, "give-up",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Where prospects stop being touched")},
    {Kind::Speed, "speed", QT_TRANSLATE_NOOP("Touchline::ReportTables", "Time to first touch")},
    {Kind::Heatmap, "heatmap",
        QT_TRANSLATE_NOOP("Touchline::ReportTables", "Touches by weekday and hour")},
};

Column textColumn(const char *key, const QString &title)
{
    return {QLatin1String(key), title, false, false};
}

Column countColumn(const char *key, const QString &title)
{
    return {QLatin1String(key), title, true, false};
}

Column shareColumn(const char *key, const QString &title)
{
    return {QLatin1String(key), title, true, true};
}

// No trials, no rate: null rather than NaN, which CSV and JSON cannot hold.
QVariant share(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

// The rate columns of a tally: rate, low, high (the 95% Wilson interval).
QList<Column> rateColumns()
{
    return {
        shareColumn("rate", tr("Rate")),
        shareColumn("low", tr("Low")),
        shareColumn("high", tr("High")),
    };
}

QVariantList rateValues(const Tally &tally)
{
    const ReplyStats::WilsonInterval interval = tally.interval();
    return {share(tally.rate()), share(interval.lower), share(interval.upper)};
}

Table replyRate(const Report &report)
{
    Table table;
    table.columns
        = QList<Column> {countColumn("touch", tr("Touch")),
              countColumn("prospects", tr("Prospects")), countColumn("replies", tr("Replies"))}
        + rateColumns() + QList<Column> {countColumn("open", tr("Open"))};
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        table.rows.append(QVariantList {row.label(), row.tally.settled, row.tally.replies}
            + rateValues(row.tally) + QVariantList {row.tally.open});
    return table;
}

Table cumulative(const Report &report)
{
    Table table;
    table.columns = {
        countColumn("touch", tr("Touch")),
        countColumn("replies_by_touch", tr("Replies by then")),
        shareColumn("share", tr("Share")),
    };
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        table.rows.append({row.label(), row.cumulativeReplies, share(row.cumulativeShare)});
    return table;
}

// A breakdown of tallies by channel or owner: its name, then its numbers.
QList<Column> breakdownColumns(const char *key, const QString &title)
{
    return QList<Column> {textColumn(key, title), countColumn("touches", tr("Touches")),
               countColumn("replies", tr("Replies"))}
    + rateColumns();
}

QVariantList breakdownRow(const QVariant &name, const Tally &tally)
{
    return QVariantList {name, tally.settled, tally.replies} + rateValues(tally);
}

Table channels(const Report &report)
{
    Table table;
    table.columns = breakdownColumns("channel", tr("Channel"));
    for (auto it = report.byChannel.cbegin(); it != report.byChannel.cend(); ++it)
        table.rows.append(breakdownRow(channelKey(it.key()), *it));
    return table;
}

Table owners(const Report &report, const QHash<qint64, QString> &names)
{
    Table table;
    table.columns = breakdownColumns("owner", tr("Owner"));
    // By name, as people look for themselves; prospects without an owner last.
    const auto named = [&names](qint64 id) { return id != 0 && names.contains(id); };
    QList<qint64> ownerIds = report.byOwner.keys();
    std::sort(ownerIds.begin(), ownerIds.end(), [&names, &named](qint64 a, qint64 b) {
        if (named(a) != named(b))
            return named(a);
        const int order = names.value(a).compare(names.value(b), Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    for (qint64 ownerId : std::as_const(ownerIds))
        table.rows.append(breakdownRow(
            named(ownerId) ? QVariant(names.value(ownerId)) : QVariant(), report.byOwner[ownerId]));
    return table;
}

Table steps(const Report &report, const QList<StepLabel> &labels)
{
    Table table;
    table.columns
        = QList<Column> {textColumn("cadence", tr("Cadence")), countColumn("step", tr("Step")),
              textColumn("channel", tr("Channel")), countColumn("touches", tr("Touches")),
              countColumn("replies", tr("Replies"))}
        + rateColumns();
    const auto row = [&report](const QVariantList &names, qint64 stepId) {
        return names + QVariantList {report.byStep[stepId].settled, report.byStep[stepId].replies}
        + rateValues(report.byStep[stepId]);
    };
    QSet<qint64> listed;
    for (const StepLabel &step : labels) {
        listed.insert(step.id);
        if (report.byStep.contains(step.id))
            table.rows.append(
                row({step.cadence, step.position, channelKey(step.channel)}, step.id));
    }
    // Last and unnamed: steps the labels do not know (deleted after the touches
    // were read), then touches outside any cadence.
    for (auto it = report.byStep.cbegin(); it != report.byStep.cend(); ++it) {
        if (it.key() != 0 && !listed.contains(it.key()))
            table.rows.append(row({QVariant(), QVariant(), QVariant()}, it.key()));
    }
    if (report.byStep.contains(0))
        table.rows.append(row({QVariant(), QVariant(), QVariant()}, 0));
    return table;
}

Table giveUp(const Report &report)
{
    Table table;
    table.columns = {
        countColumn("touches", tr("Touches")),
        countColumn("prospects_who_stopped_here", tr("Stopped here")),
        shareColumn("reply_rate_at_this_touch", tr("Reply rate here")),
    };
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        table.rows.append({row.label(), row.gaveUp, share(row.tally.rate())});
    return table;
}

Table speed(const Report &report)
{
    Table table;
    table.columns = {
        textColumn("bucket", tr("First touch")),
        countColumn("prospects", tr("Prospects")),
        countColumn("replies", tr("Replies")),
        shareColumn("rate", tr("Rate")),
    };
    for (int i = 0; i < ReplyStats::speedBucketCount; ++i) {
        const ReplyStats::SpeedRow &row = report.speed.at(std::size_t(i));
        table.rows.append({speedBucketLabel(ReplyStats::SpeedBucket(i)), row.prospects,
            row.tally.replies, share(row.tally.rate())});
    }
    return table;
}

// Only hours with touches, so that a week of 168 hours stays readable.
Table heatmap(const Report &report)
{
    Table table;
    table.columns = {
        countColumn("weekday", tr("Weekday")),
        countColumn("hour", tr("Hour")),
        countColumn("touches", tr("Touches")),
        countColumn("replies", tr("Replies")),
    };
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        for (int hour = 0; hour < 24; ++hour) {
            // Open touches were sent then too, though their answer may still come.
            const Tally &tally = report.atWeekHour(weekday, hour);
            const int touches = tally.settled + tally.open;
            if (touches > 0)
                table.rows.append({weekday, hour, touches, tally.replies});
        }
    }
    return table;
}

} // namespace

QList<Kind> allKinds()
{
    return KeyTable::valuesOf(kindKeys);
}

QString kindKey(Kind kind)
{
    return KeyTable::keyOf(kindKeys, kind);
}

QString kindTitle(Kind kind)
{
    return tr(KeyTable::entryOf(kindKeys, kind).display);
}

Table table(Kind kind, const Report &report, const Labels &labels)
{
    switch (kind) {
    case Kind::ReplyRate:
        return replyRate(report);
    case Kind::Cumulative:
        return cumulative(report);
    case Kind::Channels:
        return channels(report);
    case Kind::Owners:
        return owners(report, labels.owners);
    case Kind::Steps:
        return steps(report, labels.steps);
    case Kind::GiveUp:
        return giveUp(report);
    case Kind::Speed:
        return speed(report);
    case Kind::Heatmap:
        return heatmap(report);
    }
    Q_UNREACHABLE();
}

QString toCsv(const Table &table)
{
    QVariantList keys;
    for (const Column &column : table.columns)
        keys.append(column.key);
    QString csv = Csv::record(keys);
    for (const QVariantList &row : table.rows)
        csv += Csv::record(row);
    return csv;
}

} // namespace Touchline::ReportTables
