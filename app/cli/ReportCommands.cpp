#include "ReportCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "domain/Cadence.h"
#include "storage/CadenceRepository.h"
#include "storage/StatsRepository.h"
#include "storage/UserRepository.h"

#include <QHash>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Touchline::Cli {

namespace {

using ReplyStats::Tally;

// A share of 0..1 for scripts, a percentage for people; nothing without trials.
QVariant shareValue(double share, OutputFormat format)
{
    if (std::isnan(share))
        return QVariant();
    if (format != OutputFormat::Table)
        return share;
    return ReportCommands::tr("%1%").arg(share * 100, 0, 'f', 1);
}

// The rate columns of a tally: rate, low, high (the 95% Wilson interval).
QVariantList rateValues(const Tally &tally, OutputFormat format)
{
    const ReplyStats::WilsonInterval interval = tally.interval();
    return {shareValue(tally.rate(), format), shareValue(interval.lower, format),
        shareValue(interval.upper, format)};
}

QList<Column> rateColumns()
{
    return {
        {QStringLiteral("rate"), ReportCommands::tr("Rate"), true},
        {QStringLiteral("low"), ReportCommands::tr("Low"), true},
        {QStringLiteral("high"), ReportCommands::tr("High"), true},
    };
}

// "1 d 9 h", "2 h 5 min", "40 min": precise enough to compare teams.
QString durationText(qint64 ms)
{
    const qint64 minutes = ms / 60000;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = minutes / 60 % 24;
    QStringList parts;
    if (days > 0)
        parts.append(ReportCommands::tr("%1 d").arg(days));
    if (hours > 0)
        parts.append(ReportCommands::tr("%1 h").arg(hours));
    if (days == 0)
        parts.append(ReportCommands::tr("%1 min").arg(minutes % 60));
    return parts.join(QLatin1Char(' '));
}

} // namespace

ReportCommands::ReportCommands(CommandContext &context)
    : m_context(context)
{
}

int ReportCommands::run(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("report"),
        {
            {"reply-rate", &runMember<ReportCommands, &ReportCommands::replyRate>},
            {"cumulative", &runMember<ReportCommands, &ReportCommands::cumulative>},
            {"channels", &runMember<ReportCommands, &ReportCommands::channels>},
            {"owners", &runMember<ReportCommands, &ReportCommands::owners>},
            {"give-up", &runMember<ReportCommands, &ReportCommands::giveUp>},
            {"speed", &runMember<ReportCommands, &ReportCommands::speed>},
            {"heatmap", &runMember<ReportCommands, &ReportCommands::heatmap>},
        },
        arguments);
}

int ReportCommands::replyRate(const QStringList &arguments)
{
    return runReport(QStringLiteral("report reply-rate"),
        tr("Reply rate by touch number: of the prospects whose touch N is settled (answered, "
           "followed by another touch, their cadence stopped, or old enough), the share who "
           "first replied to it, with its 95% interval; open touches are not settled yet."),
        arguments, &ReportCommands::printReplyRate);
}

int ReportCommands::cumulative(const QStringList &arguments)
{
    return runReport(QStringLiteral("report cumulative"),
        tr("First replies credited to touches up to each touch number, and their share of all "
           "first replies."),
        arguments, &ReportCommands::printCumulative);
}

int ReportCommands::channels(const QStringList &arguments)
{
    return runReport(QStringLiteral("report channels"),
        tr("Reply rate by channel of the touch: settled touches, first replies to them, and the "
           "rate with its 95% interval."),
        arguments, &ReportCommands::printChannels);
}

int ReportCommands::owners(const QStringList &arguments)
{
    return runReport(QStringLiteral("report owners"),
        tr("Reply rate by owner of the prospect: settled touches, first replies to them, and the "
           "rate with its 95% interval."),
        arguments, &ReportCommands::printOwners);
}

int ReportCommands::giveUp(const QStringList &arguments)
{
    return runReport(QStringLiteral("report give-up"),
        tr("Where prospects who never replied stopped being touched, with the reply rate at "
           "that touch number."),
        arguments, &ReportCommands::printGiveUp);
}

int ReportCommands::speed(const QStringList &arguments)
{
    return runReport(QStringLiteral("report speed"),
        tr("Time from adding a prospect to its first touch, and the reply rate of each group; "
           "--from and --to select when the prospects were added."),
        arguments, &ReportCommands::printSpeed);
}

int ReportCommands::heatmap(const QStringList &arguments)
{
    return runReport(QStringLiteral("report heatmap"),
        tr("Touches and first replies by weekday (1 = Monday) and hour of the touch, in this "
           "computer's time zone; only hours with touches are listed."),
        arguments, &ReportCommands::printHeatmap);
}

int ReportCommands::runReport(
    const QString &name, const QString &description, const QStringList &arguments, Printer print)
{
    CommandParser parser(m_context, name);
    parser.setDescription(description);
    parser.addOption({QStringLiteral("from"),
        tr("Only touches from this day on, as YYYY-MM-DD in this computer's time zone."),
        QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"), tr("Only touches up to this day, included."),
        QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("owner"), tr("Only the prospects of this user."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("cadence"),
        tr("Only touches that did a step of this cadence (its id or name)."),
        QStringLiteral("CADENCE")});
    parser.addOption({QStringLiteral("channel"),
        tr("Only touches on this channel: email, phone, linkedin or sms."),
        QStringLiteral("CHANNEL")});
    parser.addOption({QStringLiteral("settle-days"),
        tr("Days after which an unanswered touch counts as not answered (default: 14)."),
        QStringLiteral("N"), QStringLiteral("14")});
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;

    ReplyStats::Options options;
    options.now = QDateTime::currentDateTimeUtc();
    qint64 settleDays = 0;
    if (!parser.intValue(QStringLiteral("settle-days"), 0, 3650, &settleDays))
        return ExitCode::UsageError;
    options.settlingDays = int(settleDays);

    ReplyStats::Filter filter;
    // --to is inclusive: the range ends where the next day starts.
    const auto day = [&parser](const QString &option, QDate *date) {
        const QString text = parser.value(option);
        *date = QDate::fromString(text, Qt::ISODate);
        if (date->isValid())
            return true;
        parser.usageError(tr("--%1 needs a day as YYYY-MM-DD, such as 2025-01-31, not \"%2\".")
                              .arg(option, text));
        return false;
    };
    QDate from;
    QDate to;
    if (parser.isSet(QStringLiteral("from"))) {
        if (!day(QStringLiteral("from"), &from))
            return ExitCode::UsageError;
        filter.from = from.startOfDay(options.zone);
    }
    if (parser.isSet(QStringLiteral("to"))) {
        if (!day(QStringLiteral("to"), &to))
            return ExitCode::UsageError;
        filter.to = to.addDays(1).startOfDay(options.zone);
    }
    if (from.isValid() && to.isValid() && from > to)
        return parser.usageError(tr("--from must not be after --to."));
    if (parser.isSet(QStringLiteral("channel"))) {
        const QString key = parser.value(QStringLiteral("channel"));
        TouchChannel channel;
        if (!channelFromKey(key, &channel) || !isStepChannel(channel))
            return parser.usageError(
                tr("Unknown channel \"%1\"; use email, phone, linkedin or sms.").arg(key));
        filter.channel = channel;
    }

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    Error error;
    qint64 ownerId = 0;
    if (!parser.user(db, QStringLiteral("owner"), CommandParser::NewUser::Refuse, &ownerId))
        return ExitCode::Failure;
    if (ownerId)
        filter.ownerId = ownerId;
    if (parser.isSet(QStringLiteral("cadence"))) {
        const std::optional<Cadence> cadence
            = CadenceRepository(db).find(parser.value(QStringLiteral("cadence")), &error);
        if (!cadence)
            return m_context.fail(error.message);
        filter.cadenceId = cadence->id;
    }
    QList<ReplyStats::ProspectHistory> prospects;
    if (!StatsRepository(db).load(&prospects, &error))
        return m_context.fail(error.message);
    return (this->*print)(db, ReplyStats::compute(prospects, options, filter), parser.format());
}

int ReportCommands::printReplyRate(
    Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = QList<Column> {
                                      {QStringLiteral("touch"), tr("Touch"), true},
                                      {QStringLiteral("prospects"), tr("Prospects"), true},
                                      {QStringLiteral("replies"), tr("Replies"), true},
                                  }
        + rateColumns() + QList<Column> {{QStringLiteral("open"), tr("Open"), true}};
    QList<QVariantList> rows;
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        rows.append(QVariantList {row.label(), row.tally.settled, row.tally.replies}
            + rateValues(row.tally, format) + QVariantList {row.tally.open});
    return m_context.printList(format, columns, rows);
}

int ReportCommands::printCumulative(
    Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = {
        {QStringLiteral("touch"), tr("Touch"), true},
        {QStringLiteral("replies_by_touch"), tr("Replies by then"), true},
        {QStringLiteral("share"), tr("Share"), true},
    };
    QList<QVariantList> rows;
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        rows.append({row.label(), row.cumulativeReplies, shareValue(row.cumulativeShare, format)});
    return m_context.printList(format, columns, rows);
}

int ReportCommands::printChannels(Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = QList<Column> {
                                      {QStringLiteral("channel"), tr("Channel"), false},
                                      {QStringLiteral("touches"), tr("Touches"), true},
                                      {QStringLiteral("replies"), tr("Replies"), true},
                                  }
        + rateColumns();
    QList<QVariantList> rows;
    for (auto it = report.byChannel.cbegin(); it != report.byChannel.cend(); ++it)
        rows.append(QVariantList {channelKey(it.key()), it->settled, it->replies}
            + rateValues(*it, format));
    return m_context.printList(format, columns, rows);
}

int ReportCommands::printOwners(Database &db, const ReplyStats::Report &report, OutputFormat format)
{
    QList<User> users;
    Error error;
    if (!UserRepository(db).list(&users, &error))
        return m_context.fail(error.message);
    QHash<qint64, QString> names;
    for (const User &user : std::as_const(users))
        names.insert(user.id, user.name);
    const QList<Column> columns = QList<Column> {
                                      {QStringLiteral("owner"), tr("Owner"), false},
                                      {QStringLiteral("touches"), tr("Touches"), true},
                                      {QStringLiteral("replies"), tr("Replies"), true},
                                  }
        + rateColumns();
    // By name, as people look for themselves; prospects without an owner last.
    QList<qint64> ownerIds = report.byOwner.keys();
    std::sort(ownerIds.begin(), ownerIds.end(), [&names](qint64 a, qint64 b) {
        if ((a == 0) != (b == 0))
            return b == 0;
        return names.value(a).compare(names.value(b), Qt::CaseInsensitive) < 0;
    });
    QList<QVariantList> rows;
    for (qint64 ownerId : std::as_const(ownerIds)) {
        const Tally &tally = report.byOwner[ownerId];
        const QVariant name = ownerId ? QVariant(names.value(ownerId)) : QVariant();
        rows.append(QVariantList {name, tally.settled, tally.replies} + rateValues(tally, format));
    }
    return m_context.printList(format, columns, rows);
}

int ReportCommands::printGiveUp(Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = {
        {QStringLiteral("touches"), tr("Touches"), true},
        {QStringLiteral("prospects_who_stopped_here"), tr("Stopped here"), true},
        {QStringLiteral("reply_rate_at_this_touch"), tr("Reply rate here"), true},
    };
    QList<QVariantList> rows;
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        rows.append({row.label(), row.gaveUp, shareValue(row.tally.rate(), format)});
    return m_context.printList(format, columns, rows);
}

int ReportCommands::printSpeed(Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = {
        {QStringLiteral("bucket"), tr("First touch"), false},
        {QStringLiteral("prospects"), tr("Prospects"), true},
        {QStringLiteral("replies"), tr("Replies"), true},
        {QStringLiteral("rate"), tr("Rate"), true},
    };
    QList<QVariantList> rows;
    for (int i = 0; i < ReplyStats::speedBucketCount; ++i) {
        const ReplyStats::SpeedRow &row = report.speed.at(std::size_t(i));
        rows.append({speedBucketLabel(ReplyStats::SpeedBucket(i)), row.prospects, row.tally.replies,
            shareValue(row.tally.rate(), format)});
    }
    const int status = m_context.printList(format, columns, rows);
    // Scripts read the rows alone; the summary is for people.
    if (format == OutputFormat::Table) {
        m_context.out() << Qt::endl
                        << (report.medianSpeedMs ? tr("Median time to first touch: %1.")
                                                       .arg(durationText(*report.medianSpeedMs))
                                                 : tr("Median time to first touch: none yet."))
                        << Qt::endl;
        if (report.speedUnmeasured > 0)
            m_context.out() << tr("%n prospect(s) touched before they were added, or added at "
                                  "an unknown time, are not counted.",
                nullptr, report.speedUnmeasured)
                            << Qt::endl;
    }
    return status;
}

int ReportCommands::printHeatmap(Database &, const ReplyStats::Report &report, OutputFormat format)
{
    const QList<Column> columns = {
        {QStringLiteral("weekday"), tr("Weekday"), true},
        {QStringLiteral("hour"), tr("Hour"), true},
        {QStringLiteral("touches"), tr("Touches"), true},
        {QStringLiteral("replies"), tr("Replies"), true},
    };
    QList<QVariantList> rows;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        for (int hour = 0; hour < 24; ++hour) {
            // Open touches were sent then too, though their answer may still come.
            const Tally &tally = report.atWeekHour(weekday, hour);
            const int touches = tally.settled + tally.open;
            if (touches > 0)
                rows.append({weekday, hour, touches, tally.replies});
        }
    }
    return m_context.printList(format, columns, rows);
}

} // namespace Touchline::Cli
