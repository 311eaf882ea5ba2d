#include "ReportCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "domain/Cadence.h"
#include "storage/CadenceRepository.h"
#include "storage/StatsRepository.h"

#include <QTextStream>
#include <QTimeZone>

namespace Touchline::Cli {

namespace {

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
            {"steps", &runMember<ReportCommands, &ReportCommands::steps>},
            {"give-up", &runMember<ReportCommands, &ReportCommands::giveUp>},
            {"speed", &runMember<ReportCommands, &ReportCommands::speed>},
            {"heatmap", &runMember<ReportCommands, &ReportCommands::heatmap>},
        },
        arguments);
}

int ReportCommands::replyRate(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::ReplyRate,
        tr("Reply rate by touch number: of the prospects whose touch N is settled (answered, "
           "followed by another touch, their cadence stopped, or old enough), the share who "
           "first replied to it, with its 95% interval; open touches are not settled yet."),
        arguments);
}

int ReportCommands::cumulative(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Cumulative,
        tr("First replies credited to touches up to each touch number, and their share of all "
           "first replies."),
        arguments);
}

int ReportCommands::channels(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Channels,
        tr("Reply rate by channel of the touch: settled touches, first replies to them, and the "
           "rate with its 95% interval."),
        arguments);
}

int ReportCommands::owners(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Owners,
        tr("Reply rate by owner of the prospect: settled touches, first replies to them, and the "
           "rate with its 95% interval."),
        arguments);
}

int ReportCommands::steps(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Steps,
        tr("Reply rate by cadence step of the touch: settled touches, first replies to them, and "
           "the rate with its 95% interval; touches outside any cadence come last, unnamed."),
        arguments);
}

int ReportCommands::giveUp(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::GiveUp,
        tr("Where prospects who never replied stopped being touched, with the reply rate at "
           "that touch number."),
        arguments);
}

int ReportCommands::speed(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Speed,
        tr("Time from adding a prospect to its first touch, and the reply rate of each group; "
           "--from and --to select when the prospects were added."),
        arguments);
}

int ReportCommands::heatmap(const QStringList &arguments)
{
    return runReport(ReportTables::Kind::Heatmap,
        tr("Touches and first replies by weekday (1 = Monday) and hour of the touch, in this "
           "computer's time zone; only hours with touches are listed."),
        arguments);
}

int ReportCommands::runReport(
    ReportTables::Kind kind, const QString &description, const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("report ") + ReportTables::kindKey(kind));
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
    return print(db, kind, ReplyStats::compute(prospects, options, filter), parser.format());
}

int ReportCommands::print(
    Database &db, ReportTables::Kind kind, const ReplyStats::Report &report, OutputFormat format)
{
    ReportTables::Labels labels;
    Error error;
    if (!StatsRepository(db).loadLabels(&labels, &error))
        return m_context.fail(error.message);
    const ReportTables::Table table = ReportTables::table(kind, report, labels);
    QList<Column> columns;
    for (const ReportTables::Column &column : table.columns)
        columns.append({column.key, column.title, column.numeric, column.share});
    const int status = m_context.printList(format, columns, table.rows);
    // Scripts read the rows alone; the summary is for people.
    if (kind == ReportTables::Kind::Speed && format == OutputFormat::Table) {
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

} // namespace Touchline::Cli
