#include "CadenceCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "OutputWriter.h"
#include "storage/CadenceRepository.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"

#include <QTextStream>

namespace Touchline::Cli {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// "3 business days", "7 days" or "now" for a step's wait.
QString waitText(const CadenceStep &step)
{
    if (step.waitDays == 0)
        return CadenceCommands::tr("at once");
    return step.businessDays ? CadenceCommands::tr("%n business day(s)", nullptr, step.waitDays)
                             : CadenceCommands::tr("%n day(s)", nullptr, step.waitDays);
}

} // namespace

CadenceCommands::CadenceCommands(CommandContext &context)
    : m_context(context)
{
}

int CadenceCommands::runCadences(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("cadences"),
        {
            {"list", &runMember<CadenceCommands, &CadenceCommands::list>},
            {"show", &runMember<CadenceCommands, &CadenceCommands::show>},
        },
        arguments);
}

int CadenceCommands::list(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("cadences list"));
    parser.addOption({QStringLiteral("archived"), tr("Include archived cadences.")});
    parser.addFormatOption();
    Database db;
    if (const auto done = parser.parseAndOpen(
            arguments, db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return *done;
    const CadenceRepository repository(db);
    QList<Cadence> cadences;
    QHash<qint64, int> running;
    Error error;
    if (!repository.list(&cadences, &error) || !repository.runningCounts(&running, &error))
        return m_context.fail(error.message);
    const QList<Column> columns = {
        {QStringLiteral("id"), tr("ID"), true},
        {QStringLiteral("name"), tr("Name"), false},
        {QStringLiteral("steps"), tr("Steps"), true},
        {QStringLiteral("running"), tr("Running"), true},
        {QStringLiteral("archived"), tr("Archived"), false},
    };
    QList<QVariantList> rows;
    for (const Cadence &cadence : std::as_const(cadences)) {
        if (cadence.archived && !parser.isSet(QStringLiteral("archived")))
            continue;
        rows.append({cadence.id, cadence.name, int(cadence.steps.size()), running.value(cadence.id),
            cadence.archived});
    }
    return m_context.printList(parser.format(), columns, rows);
}

int CadenceCommands::show(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("cadences show"));
    parser.setPositional(
        QStringLiteral("CADENCE"), tr("CADENCE is a cadence's id or its name."), 1, 1);
    parser.addFormatOption();
    Database db;
    if (const auto done = parser.parseAndOpen(
            arguments, db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return *done;
    Error error;
    const std::optional<Cadence> cadence
        = CadenceRepository(db).find(parser.positional().constFirst(), &error);
    if (!cadence)
        return m_context.fail(error.message);
    if (parser.format() == OutputFormat::Table)
        m_context.out() << cadence->name << Qt::endl
                        << cadence->description << Qt::endl
                        << Qt::endl;
    const QList<Column> columns = {
        {QStringLiteral("position"), tr("Step"), true},
        {QStringLiteral("channel"), tr("Channel"), false},
        {QStringLiteral("wait_days"), tr("Wait"), parser.format() != OutputFormat::Table},
        {QStringLiteral("business_days"), tr("Business days"), false},
        {QStringLiteral("window"), tr("Send window"), false},
        {QStringLiteral("purpose"), tr("Purpose"), false},
        {QStringLiteral("subject"), tr("Subject"), false},
        {QStringLiteral("body"), tr("Message"), false},
    };
    QList<QVariantList> rows;
    for (const CadenceStep &step : cadence->steps) {
        const bool table = parser.format() == OutputFormat::Table;
        rows.append({step.position, channelKey(step.channel),
            table ? QVariant(waitText(step)) : QVariant(step.waitDays), step.businessDays,
            textOrNull(formatSendWindow(step.windowStartMinute, step.windowEndMinute)),
            step.purpose, textOrNull(step.subject),
            table ? QVariant(step.body.simplified()) : QVariant(step.body)});
    }
    return m_context.printList(parser.format(), columns, rows);
}

int CadenceCommands::enroll(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("enroll"));
    parser.setDescription(
        tr("Enroll prospects in a cadence. Prospects already in a running cadence, and "
           "prospects marked do not contact, are left out and listed."));
    parser.addOption({QStringLiteral("cadence"), tr("The cadence's id or name (required)."),
        QStringLiteral("CADENCE")});
    parser.addOption({QStringLiteral("prospect"),
        tr("A prospect's id; repeat it, or separate ids with commas."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("search"),
        tr("Also every prospect whose name, company or email contain every word."),
        QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("author"),
        tr("The user who enrolls them; added as a user if new."), QStringLiteral("NAME")});
    if (const auto done = parser.parse(arguments))
        return *done;
    if (!parser.isSet(QStringLiteral("cadence")))
        return parser.usageError(tr("--cadence is required."));
    if (!parser.isSet(QStringLiteral("prospect")) && !parser.isSet(QStringLiteral("search")))
        return parser.usageError(tr("Name the prospects with --prospect or --search."));
    // A search without words matches every prospect: an empty shell variable
    // would enroll the whole file.
    if (parser.isSet(QStringLiteral("search"))
        && parser.value(QStringLiteral("search")).trimmed().isEmpty())
        return parser.usageError(tr("--search needs at least one word to look for."));
    QList<qint64> prospectIds;
    if (!parser.ids(parser.values(QStringLiteral("prospect")), tr("\"%1\" is not a prospect id."),
            &prospectIds))
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    Error error;
    const std::optional<Cadence> cadence
        = CadenceRepository(db).find(parser.value(QStringLiteral("cadence")), &error);
    if (!cadence)
        return m_context.fail(error.message);
    if (parser.isSet(QStringLiteral("search"))) {
        ProspectQuery query;
        query.search = parser.value(QStringLiteral("search"));
        QList<qint64> found;
        if (!ProspectRepository(db).ids(query, &found, &error))
            return m_context.fail(error.message);
        for (qint64 id : std::as_const(found)) {
            if (!prospectIds.contains(id))
                prospectIds.append(id);
        }
    }
    qint64 authorId = 0;
    if (!parser.user(db, QStringLiteral("author"), CommandParser::NewUser::Add, &authorId))
        return ExitCode::Failure;
    EnrollResult result;
    if (!EnrollmentRepository(db).enroll(cadence->id, prospectIds, authorId, &result, &error))
        return m_context.fail(error.message);
    m_context.out() << tr("Enrolled %n prospect(s) in %1.", nullptr, int(result.enrolled.size()))
                           .arg(cadence->name)
                    << Qt::endl;
    const auto report = [this](const QList<qint64> &ids, const QString &message) {
        if (ids.isEmpty())
            return;
        QStringList texts;
        for (qint64 id : ids)
            texts.append(QString::number(id));
        m_context.err() << programName() << ": " << message.arg(texts.join(QLatin1String(", ")))
                        << Qt::endl;
    };
    report(result.alreadyRunning, tr("Left out, already in a running cadence: %1"));
    report(result.doNotContact, tr("Left out, marked do not contact: %1"));
    report(result.notFound, tr("Left out, no such prospect: %1"));
    return result.notFound.isEmpty() ? ExitCode::Success : ExitCode::Failure;
}

int CadenceCommands::unenroll(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("unenroll"));
    parser.setPositional(QStringLiteral("ID..."),
        tr("ID... are prospect ids. Their running cadence stops; its history stays in their "
           "timeline."),
        1, std::numeric_limits<int>::max());
    parser.addOption({QStringLiteral("author"),
        tr("The user who takes them out; added as a user if new."), QStringLiteral("NAME")});
    if (const auto done = parser.parse(arguments))
        return *done;
    QList<qint64> prospectIds;
    if (!parser.ids(parser.positional(), tr("\"%1\" is not a prospect id."), &prospectIds))
        return ExitCode::UsageError;
    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    int stopped = 0;
    // The --author user too is added only if the prospects are taken out.
    if (!m_context.changeProspects(db, prospectIds,
            tr("There is no prospect with id %1; nothing was changed."), [&](Error *error) {
                qint64 authorId = 0;
                return parser.user(
                           db, QStringLiteral("author"), CommandParser::NewUser::Add, &authorId)
                    && EnrollmentRepository(db).unenroll(prospectIds, authorId, &stopped, error);
            }))
        return ExitCode::Failure;
    m_context.out() << tr("Took %n prospect(s) out of their cadence.", nullptr, stopped)
                    << Qt::endl;
    return ExitCode::Success;
}

int CadenceCommands::due(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("due"));
    parser.setDescription(tr("List the cadence steps due on a day (default: today, in this "
                             "computer's time zone) and the overdue ones, by due time."));
    parser.addOption(
        {QStringLiteral("date"), tr("The day, as YYYY-MM-DD."), QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("owner"), tr("Only the prospects of this user."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("channel"),
        tr("Only steps on this channel: email, phone, linkedin or sms."),
        QStringLiteral("CHANNEL")});
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;
    QDate day = QDate::currentDate();
    if (parser.isSet(QStringLiteral("date"))) {
        const QString text = parser.value(QStringLiteral("date"));
        day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return parser.usageError(
                tr("--date needs a day as YYYY-MM-DD, such as 2025-01-31, not \"%1\".").arg(text));
    }
    DueFilter filter;
    const QTimeZone zone = EnrollmentRepository::userZone();
    filter.until = day.addDays(1).startOfDay(zone);
    if (parser.isSet(QStringLiteral("channel"))) {
        filter.channelKey = parser.value(QStringLiteral("channel"));
        TouchChannel channel;
        if (!channelFromKey(filter.channelKey, &channel) || !isStepChannel(channel))
            return parser.usageError(
                tr("Unknown channel \"%1\"; use email, phone, linkedin or sms.")
                    .arg(filter.channelKey));
    }

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    Error error;
    if (!parser.user(db, QStringLiteral("owner"), CommandParser::NewUser::Refuse, &filter.ownerId))
        return ExitCode::Failure;
    QList<DueItem> items;
    if (!EnrollmentRepository(db).due(filter, &items, &error))
        return m_context.fail(error.message);

    const QList<Column> columns = {
        {QStringLiteral("due_at"), tr("Due"), false},
        {QStringLiteral("overdue"), tr("Overdue"), false},
        {QStringLiteral("prospect_id"), tr("Prospect"), true},
        {QStringLiteral("name"), tr("Name"), false},
        {QStringLiteral("company"), tr("Company"), false},
        {QStringLiteral("channel"), tr("Channel"), false},
        {QStringLiteral("step"), tr("Step"), false},
        {QStringLiteral("purpose"), tr("Purpose"), false},
        {QStringLiteral("cadence"), tr("Cadence"), false},
        {QStringLiteral("owner"), tr("Owner"), false},
        {QStringLiteral("enrollment_id"), tr("Enrollment"), true},
    };
    const QDateTime startOfDay = day.startOfDay(zone);
    QList<QVariantList> rows;
    rows.reserve(items.size());
    for (const DueItem &item : std::as_const(items))
        rows.append({item.dueAt, item.dueAt < startOfDay, item.prospectId, item.prospectName(),
            item.company, channelKey(item.step.channel),
            tr("%1 of %2").arg(item.step.position).arg(item.stepCount), item.step.purpose,
            item.cadenceName, textOrNull(item.ownerName), item.enrollmentId});
    return m_context.printList(parser.format(), columns, rows);
}

} // namespace Touchline::Cli
