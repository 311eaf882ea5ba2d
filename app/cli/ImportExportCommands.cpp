#include "ImportExportCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "io/ProspectImport.h"
#include "io/TouchImport.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/UserRepository.h"

#include <QDir>
#include <QTextStream>

#include <algorithm>

namespace Touchline::Cli {

namespace {

QString presetKeys()
{
    QStringList keys;
    for (ImportPreset preset : allPresets())
        keys.append(presetKey(preset));
    return keys.join(QLatin1String(", "));
}

QString duplicateActionKeys()
{
    QStringList keys;
    for (DuplicateAction action :
        {DuplicateAction::Skip, DuplicateAction::UpdateEmpty, DuplicateAction::Overwrite})
        keys.append(duplicateActionKey(action));
    return keys.join(QLatin1String(", "));
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

ImportExportCommands::ImportExportCommands(CommandContext &context)
    : m_context(context)
{
}

int ImportExportCommands::runImport(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("import"),
        {
            {"prospects", &runMember<ImportExportCommands, &ImportExportCommands::importProspects>},
            {"touches", &runMember<ImportExportCommands, &ImportExportCommands::importTouches>},
        },
        arguments);
}

int ImportExportCommands::runExport(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("export"),
        {
            {"prospects", &runMember<ImportExportCommands, &ImportExportCommands::exportProspects>},
            {"touches", &runMember<ImportExportCommands, &ImportExportCommands::exportTouches>},
            {"ics", &runMember<ImportExportCommands, &ImportExportCommands::exportCalendar>},
            {"vcard", &runMember<ImportExportCommands, &ImportExportCommands::exportVCards>},
        },
        arguments);
}

int ImportExportCommands::importProspects(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("import prospects"));
    parser.setDescription(
        tr("Import prospects from a CSV file (LinkedIn, Google, Outlook, HubSpot, Salesforce, "
           "Touchline or any spreadsheet) or a vCard file, in one transaction. Rows that cannot "
           "be imported are listed with their line; the others are imported."));
    parser.setPositional(QStringLiteral("FILE"), tr("FILE is the file to import."), 1, 1);
    parser.addOption({QStringLiteral("preset"),
        tr("Whose export the file is: %1 (default: auto, from its header).").arg(presetKeys()),
        QStringLiteral("PRESET"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("on-duplicate"),
        tr("What to do with a prospect already in the file (same email, or same LinkedIn "
           "profile): skip it, update its empty fields, or overwrite them (default: skip)."),
        QStringLiteral("ACTION"), QStringLiteral("skip")});
    parser.addOption({QStringLiteral("owner"),
        tr("The owner of the rows that name none; added as a user if new."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("author"),
        tr("The user who imports: the author of the notes the import adds; added as a user if "
           "new."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("dry-run"), tr("Count what would happen; write nothing.")});
    if (const auto done = parser.parse(arguments))
        return *done;

    ImportPreset preset = ImportPreset::Auto;
    const QString presetText = parser.value(QStringLiteral("preset"));
    if (!presetFromKey(presetText, &preset))
        return parser.usageError(
            tr("Unknown preset \"%1\"; use one of: %2.").arg(presetText, presetKeys()));
    ImportOptions options;
    const QString actionText = parser.value(QStringLiteral("on-duplicate"));
    if (!duplicateActionFromKey(actionText, &options.onDuplicate))
        return parser.usageError(
            tr("Unknown action \"%1\"; use one of: %2.").arg(actionText, duplicateActionKeys()));
    if (parser.isSet(QStringLiteral("owner"))
        && parser.value(QStringLiteral("owner")).trimmed().isEmpty())
        return parser.usageError(tr("--owner needs a name."));
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));

    const QString path = parser.positional().constFirst();
    ImportTable table;
    Error error;
    if (!ProspectFileReader::readFile(path, preset, &table, &error))
        return m_context.fail(error.message);

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    ProspectImporter importer(db);
    ImportPlan plan;
    if (!importer.plan(table, &plan, &error))
        return m_context.fail(error.message);
    if (parser.isSet(QStringLiteral("owner"))) {
        const QString owner = parser.value(QStringLiteral("owner")).trimmed();
        // New prospects only: overwriting a duplicate must not reassign it.
        for (ImportPlanRow &row : plan.rows) {
            if (!row.existing && row.candidate.ownerName.isEmpty())
                row.candidate.ownerName = owner;
        }
    }
    ImportSummary summary;
    const bool imported = importAs(parser, db, options.dryRun, [&](qint64 authorId, Error *e) {
        options.authorId = authorId;
        return importer.apply(plan, options, {}, &summary, e);
    });
    return imported ? printSummary(path, summary, {}, options.dryRun) : int(ExitCode::Failure);
}

int ImportExportCommands::importTouches(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("import touches"));
    parser.setDescription(
        tr("Import past touches from a CSV file with a header naming its columns: "
           "prospect_email (or prospect_linkedin_url), channel, direction, outcome, "
           "occurred_at, and optionally notes and author (the columns \"export touches\" "
           "writes). Each row is matched to its prospect by email, or by LinkedIn profile "
           "when it has none; touches already in the file are skipped. The touches are "
           "numbered and the prospects' status follows, as when they are logged. One "
           "transaction."));
    parser.setPositional(QStringLiteral("FILE"), tr("FILE is the file to import."), 1, 1);
    parser.addOption({QStringLiteral("author"),
        tr("The author of the rows without an author column value; added as a user if new."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("dry-run"), tr("Count what would happen; write nothing.")});
    if (const auto done = parser.parse(arguments))
        return *done;
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    QList<TouchImportRow> rows;
    QList<RowProblem> readProblems;
    Error error;
    const QString path = parser.positional().constFirst();
    if (!TouchFileReader::readFile(path, &rows, &readProblems, &error))
        return m_context.fail(error.message);

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    ImportSummary summary;
    const bool imported = importAs(parser, db, dryRun, [&](qint64 authorId, Error *e) {
        return TouchImporter(db).apply(rows, authorId, dryRun, {}, &summary, e);
    });
    return imported ? printSummary(path, summary, readProblems, dryRun) : int(ExitCode::Failure);
}

bool ImportExportCommands::importAs(const CommandParser &parser, Database &db, bool dryRun,
    const std::function<ImportResult(qint64 authorId, Error *)> &import)
{
    qint64 authorId = 0;
    if (dryRun) {
        // A dry run writes nothing, not even a transaction of its own: a new
        // name stays unknown, which changes no count.
        Error error;
        if (parser.isSet(QStringLiteral("author")))
            authorId = UserRepository(db).find(parser.value(QStringLiteral("author")), &error);
        if (!error.isError() && import(authorId, &error) == ImportResult::Finished)
            return true;
        m_context.fail(error.message);
        return false;
    }
    return m_context.writeInOneTransaction(db, [&](Error *importError) {
        return parser.user(db, QStringLiteral("author"), CommandParser::NewUser::Add, &authorId)
            && import(authorId, importError) == ImportResult::Finished;
    });
}

int ImportExportCommands::printSummary(
    const QString &path, ImportSummary summary, const QList<RowProblem> &readProblems, bool dryRun)
{
    mergeProblems(&summary.failed, readProblems);
    QString line = ImportText::summaryLine(summary);
    if (dryRun)
        line += QLatin1Char(' ') + tr("(dry run: nothing was written)");
    m_context.out() << line << Qt::endl;
    // As "enroll" lists the prospects it left out: on stderr, so that the summary
    // stays the one line a script reads; and as compilers print their errors, so
    // that editors and terminals can jump to the row.
    for (const RowProblem &problem : std::as_const(summary.failed)) {
        m_context.err() << (problem.line > 0
                //: FILE:LINE: reason, as compilers print errors
                ? tr("%1:%2: %3").arg(shown(path)).arg(problem.line).arg(problem.reason)
                : tr("%1: %2").arg(shown(path), problem.reason))
                        << Qt::endl;
    }
    return ExitCode::Success;
}

int ImportExportCommands::exportProspects(const QStringList &arguments)
{
    return exportProspectFile(QStringLiteral("export prospects"),
        tr("Write the prospects to a CSV file (UTF-8, with a header of keys), oldest first, in "
           "the columns \"import prospects\" reads back: first_name, last_name, company, "
           "title, email, phone, linkedin_url, owner, status, time_zone, created_at, "
           "last_touch_at, next_due_at, touch_count. Cells a spreadsheet would run as a formula "
           "start with an apostrophe."),
        ofProspects(&Exporter::prospectsCsv), QT_TR_N_NOOP("Exported %n prospect(s) to %1."),
        arguments);
}

int ImportExportCommands::exportTouches(const QStringList &arguments)
{
    return exportProspectFile(
        QStringLiteral("export touches"),
        tr("Write the touches to a CSV file in time order, in the columns \"import touches\" "
           "reads back: prospect_email, prospect_linkedin_url, prospect_name, channel, "
           "direction, outcome, occurred_at, touch_number, notes, author."),
        [](Exporter &exporter, const QString &path, const QList<qint64> &ids, int *count,
            Error *error) { return exporter.touchesCsv(path, ids, error, count); },
        QT_TR_N_NOOP("Exported %n touch(es) to %1."), arguments);
}

int ImportExportCommands::exportVCards(const QStringList &arguments)
{
    return exportProspectFile(QStringLiteral("export vcard"),
        tr("Write the prospects as vCards (version 3.0), for address books and phones."),
        ofProspects(&Exporter::vCards), QT_TR_N_NOOP("Exported %n prospect(s) as vCards to %1."),
        arguments);
}

ImportExportCommands::ProspectExport ImportExportCommands::ofProspects(
    bool (Exporter::*write)(const QString &, const QList<qint64> &, Error *))
{
    return [write](Exporter &exporter, const QString &path, const QList<qint64> &ids, int *,
               Error *error) { return (exporter.*write)(path, ids, error); };
}

int ImportExportCommands::exportProspectFile(const QString &command, const QString &description,
    const ProspectExport &write, const char *done, const QStringList &arguments)
{
    CommandParser parser(m_context, command);
    parser.setDescription(description);
    parser.setPositional(QStringLiteral("FILE"),
        tr("FILE is the file to write; an existing one is replaced only once the export is "
           "complete."),
        1, 1);
    parser.addOption({QStringLiteral("search"),
        tr("Only prospects whose name, company or email contain every word."),
        QStringLiteral("TEXT")});
    if (const auto parsed = parser.parse(arguments))
        return *parsed;
    const bool searching = parser.isSet(QStringLiteral("search"));
    // A search without words would be every prospect: most likely an empty shell variable.
    if (searching && parser.value(QStringLiteral("search")).trimmed().isEmpty())
        return parser.usageError(tr("--search needs at least one word to look for."));

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    const ProspectRepository repository(db);
    Error error;
    // No ids: every prospect, which the exporter reads itself.
    QList<qint64> ids;
    int count = 0;
    if (searching) {
        ProspectQuery query;
        query.search = parser.value(QStringLiteral("search"));
        query.sortOrder = Qt::AscendingOrder;
        if (!repository.ids(query, &ids, &error))
            return m_context.fail(error.message);
        if (ids.isEmpty())
            return m_context.fail(
                tr("No prospect matches \"%1\"; nothing was exported.").arg(query.search));
        count = int(ids.size());
    } else if ((count = repository.count(&error)) < 0) {
        return m_context.fail(error.message);
    }
    const QString path = parser.positional().constFirst();
    Exporter exporter(db);
    if (!write(exporter, path, ids, &count, &error))
        return m_context.fail(error.message);
    m_context.out() << tr(done, nullptr, count).arg(shown(path)) << Qt::endl;
    return ExitCode::Success;
}

int ImportExportCommands::exportCalendar(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("export ics"));
    parser.setDescription(
        tr("Write the cadence steps due up to a day, overdue ones included, as an iCalendar "
           "file of 15-minute events that calendar apps import. Importing a newer export "
           "updates the events instead of doubling them."));
    parser.setPositional(QStringLiteral("FILE"),
        tr("FILE is the file to write; an existing one is replaced only once the export is "
           "complete."),
        1, 1);
    parser.addOption(
        {QStringLiteral("owner"), tr("Only the prospects of this user."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("until"),
        tr("The last day, as YYYY-MM-DD in this computer's time zone (default: the last of "
           "the %1 days from today, today included).")
            .arg(EnrollmentRepository::calendarExportDays),
        QStringLiteral("DATE")});
    if (const auto done = parser.parse(arguments))
        return *done;
    QDate until = EnrollmentRepository::calendarExportLastDay();
    if (parser.isSet(QStringLiteral("until"))) {
        const QString text = parser.value(QStringLiteral("until"));
        until = QDate::fromString(text, Qt::ISODate);
        if (!until.isValid())
            return parser.usageError(
                tr("--until needs a day as YYYY-MM-DD, such as 2025-01-31, not \"%1\".").arg(text));
    }
    DueFilter filter;
    filter.until = EnrollmentRepository::dueUntilEndOf(until);

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    if (!parser.user(db, QStringLiteral("owner"), CommandParser::NewUser::Refuse, &filter.ownerId))
        return ExitCode::Failure;
    const QString path = parser.positional().constFirst();
    Error error;
    if (!Exporter(db).dueCalendar(path, filter, &error))
        return m_context.fail(error.message);
    m_context.out() << tr("Exported the steps due up to %1 to %2.")
                           .arg(until.toString(Qt::ISODate), shown(path))
                    << Qt::endl;
    return ExitCode::Success;
}

} // namespace Touchline::Cli
