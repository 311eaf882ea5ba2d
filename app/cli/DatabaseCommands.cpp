#include "DatabaseCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "OutputWriter.h"
#include "storage/Backup.h"
#include "storage/ConsistencyCheck.h"
#include "storage/DataGenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <limits>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace Touchline::Cli {

namespace {

// Progress is drawn only for a person watching; in a pipe or a log it would be noise.
bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr));
#else
    return isatty(fileno(stderr));
#endif
}

QString shownPath(const Database &db)
{
    return QDir::toNativeSeparators(db.path());
}

} // namespace

DatabaseCommands::DatabaseCommands(CommandContext &context)
    : m_context(context)
{
}

int DatabaseCommands::init(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("init"));
    parser.setDescription(tr("Create a new Touchline file with the default cadences. An existing "
                             "file is never overwritten."));
    Database db;
    if (const auto done = parser.parseAndOpen(
            arguments, db, Database::Creation::MustNotExist, Database::Access::ReadWrite))
        return *done;
    m_context.out() << tr("Created %1.").arg(shownPath(db)) << Qt::endl;
    return ExitCode::Success;
}

int DatabaseCommands::generate(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("generate"));
    parser.setDescription(
        tr("Add realistic demo data: prospects with their touches over the past year, shared "
           "among a few owners. The same options and seed give the same data. The file is "
           "created if it does not exist; the data is added in one transaction."));
    parser.addOption({QStringLiteral("prospects"), tr("How many prospects to add (required)."),
        QStringLiteral("N")});
    parser.addOption({QStringLiteral("touches"),
        tr("How many touches to add in all (default: 10 per prospect)."), QStringLiteral("M")});
    parser.addOption({QStringLiteral("seed"), tr("Seed of the random data (default: 1)."),
        QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("owners"),
        tr("How many users own the prospects, 1 to %1 (default: 5).").arg(DataGenerator::maxOwners),
        QStringLiteral("K"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("now"),
        tr("The moment the data ends at, in ISO 8601 such as 2025-01-31T12:00:00Z (default: "
           "the current time). Fix it to get identical files from identical seeds."),
        QStringLiteral("TIME")});
    if (const auto done = parser.parse(arguments))
        return *done;

    if (!parser.isSet(QStringLiteral("prospects")))
        return parser.usageError(tr("--prospects is required."));
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    GeneratorOptions options;
    qint64 number = 0;
    if (!parser.intValue(QStringLiteral("prospects"), 0, intMax, &number))
        return ExitCode::UsageError;
    options.prospects = int(number);
    options.touches = int(std::min(intMax, qint64(options.prospects) * 10));
    if (parser.isSet(QStringLiteral("touches"))) {
        if (!parser.intValue(QStringLiteral("touches"), 0, intMax, &number))
            return ExitCode::UsageError;
        options.touches = int(number);
    }
    if (!parser.intValue(QStringLiteral("owners"), 1, DataGenerator::maxOwners, &number))
        return ExitCode::UsageError;
    options.owners = int(number);
    bool ok = false;
    const QString seedText = parser.value(QStringLiteral("seed"));
    options.seed = seedText.toULongLong(&ok);
    if (!ok)
        return parser.usageError(tr("--seed needs a whole number from 0 to %1, not \"%2\".")
                                     .arg(std::numeric_limits<quint64>::max())
                                     .arg(seedText));
    if (parser.isSet(QStringLiteral("now"))) {
        const QString text = parser.value(QStringLiteral("now"));
        options.now = QDateTime::fromString(text, Qt::ISODate);
        if (!options.now.isValid())
            return parser.usageError(
                tr("--now needs a time in ISO 8601 such as 2025-01-31T12:00:00Z, not \"%1\".")
                    .arg(text));
    }
    Error error;
    if (!DataGenerator::validate(options, &error))
        return parser.usageError(error.message);

    Database db;
    if (!m_context.open(db, Database::Creation::CreateIfMissing, Database::Access::ReadWrite))
        return ExitCode::Failure;
    const bool showProgress = stderrIsTerminal();
    QElapsedTimer timer;
    timer.start();
    const DataGenerator::Result result = DataGenerator(db).generate(
        options,
        [&](int done, int total) {
            if (showProgress && total > 0) {
                m_context.err() << '\r' << tr("Generating... %1%").arg(qint64(done) * 100 / total);
                m_context.err().flush();
            }
            return true;
        },
        &error);
    if (showProgress)
        m_context.err() << '\r' << Qt::endl;
    if (result != DataGenerator::Result::Finished)
        return m_context.fail(error.message);
    m_context.out() << tr("Prospects added: %1").arg(options.prospects) << '\n'
                    << tr("Touches added: %1").arg(options.touches) << '\n'
                    << tr("File: %1").arg(shownPath(db)) << '\n'
                    << tr("Time: %1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                    << Qt::endl;
    return ExitCode::Success;
}

int DatabaseCommands::check(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("check"));
    parser.setDescription(
        tr("Check the file: SQLite's integrity and foreign key checks, then Touchline's own "
           "rules (touch numbers 1..n in time order, unnumbered replies, touch counts and last "
           "touch times that match the touches, one running cadence per prospect, known "
           "statuses and outcomes). Prints each problem; the exit status is 1 if there is any."));
    parser.addFormatOption();
    Database db;
    if (const auto done = parser.parseAndOpen(
            arguments, db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return *done;
    QList<ConsistencyProblem> problems;
    Error error;
    if (!ConsistencyCheck(db).run(&problems, &error))
        return m_context.fail(error.message);

    if (problems.isEmpty() && parser.format() == OutputFormat::Table) {
        m_context.out() << tr("No problems found.") << Qt::endl;
        return ExitCode::Success;
    }
    OutputWriter writer(m_context.out(), parser.format(),
        {{QStringLiteral("kind"), tr("Kind")}, {QStringLiteral("table"), tr("Table")},
            {QStringLiteral("row_id"), tr("Row"), true},
            {QStringLiteral("message"), tr("Problem")}});
    QList<QVariantList> rows;
    for (const ConsistencyProblem &problem : std::as_const(problems))
        rows.append({problemKindKey(problem.kind),
            problem.table.isEmpty() ? QVariant() : QVariant(problem.table),
            problem.rowId ? QVariant(problem.rowId) : QVariant(), problem.message});
    writer.measure(rows);
    writer.begin();
    writer.write(rows);
    writer.end();
    if (problems.isEmpty())
        return ExitCode::Success;
    return m_context.fail(tr("The check found problems in %1.").arg(shownPath(db)));
}

int DatabaseCommands::backup(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("backup"));
    parser.setDescription(
        tr("Copy the file, consistently even while others use it, to NAME-backup-DATE-TIME."
           "touchline next to it or in another folder, and print the copy's path. An existing "
           "file is never overwritten; a failed backup leaves no file behind."));
    parser.addOption({QStringLiteral("to"),
        tr("The folder to put the backup in (default: the file's own folder)."),
        QStringLiteral("FOLDER")});
    // Read-only: a backup only reads, so it works on files one may not write.
    Database db;
    if (const auto done = parser.parseAndOpen(
            arguments, db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return *done;
    const bool showProgress = stderrIsTerminal();
    QString path;
    Error error;
    const Backup::Result result = Backup::make(
        db, parser.value(QStringLiteral("to")), &path, &error, [&](qint64 copied, qint64 total) {
            if (showProgress && total > 0) {
                m_context.err() << '\r' << tr("Backing up... %1%").arg(copied * 100 / total);
                m_context.err().flush();
            }
            return true;
        });
    if (showProgress)
        m_context.err() << '\r' << Qt::endl;
    if (result != Backup::Result::Finished)
        return m_context.fail(error.message);
    m_context.out() << QDir::toNativeSeparators(path) << Qt::endl;
    return ExitCode::Success;
}

int DatabaseCommands::backups(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("backups"));
    parser.setDescription(tr("List the backups of the file, newest first. The file itself is "
                             "not opened, so this works when it is missing or damaged."));
    parser.addOption({QStringLiteral("in"),
        tr("The folder to look in (default: the file's own folder)."), QStringLiteral("FOLDER")});
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;
    const QString folder = parser.value(QStringLiteral("in"));
    if (!folder.isEmpty() && !QFileInfo(folder).isDir())
        return m_context.fail(
            tr("%1 is not a folder.")
                .arg(QDir::toNativeSeparators(QFileInfo(folder).absoluteFilePath())));
    QList<QVariantList> rows;
    const QList<BackupFile> found = Backup::list(m_context.databasePath(), folder);
    for (const BackupFile &file : found)
        rows.append(
            {QDir::toNativeSeparators(file.path), file.madeAt, QFileInfo(file.path).size()});
    return m_context.printList(parser.format(),
        {{QStringLiteral("path"), tr("File")}, {QStringLiteral("made_at"), tr("Made")},
            {QStringLiteral("size"), tr("Bytes"), true}},
        rows);
}

} // namespace Touchline::Cli
