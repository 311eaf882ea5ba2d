#pragma once

#include "io/Exporter.h"
#include "io/ImportTypes.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace Touchline::Cli {

class CommandContext;
class CommandParser;

// `import prospects|touches` and `export prospects|touches|ics|vcard`: the files
// other tools read and write (models/io), through the same readers, importers
// and exporters as the app.
class ImportExportCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::ImportExportCommands)
public:
    explicit ImportExportCommands(CommandContext &context);

    // `arguments` starts with the subcommand's name.
    int runImport(const QStringList &arguments);
    int runExport(const QStringList &arguments);

private:
    int importProspects(const QStringList &arguments);
    int importTouches(const QStringList &arguments);
    int exportProspects(const QStringList &arguments);
    int exportTouches(const QStringList &arguments);
    int exportCalendar(const QStringList &arguments);
    int exportVCards(const QStringList &arguments);

    // Writes the file at the path for these prospects (empty: every prospect);
    // `count` comes in as the number of prospects and leaves as what was written.
    using ProspectExport = std::function<bool(
        Exporter &, const QString &path, const QList<qint64> &ids, int *count, Error *)>;
    static ProspectExport ofProspects(
        bool (Exporter::*write)(const QString &, const QList<qint64> &, Error *));
    // The exports of the prospects --search selects (every prospect without it).
    // `done` says what was written: %n the count `write` leaves, %1 the file.
    int exportProspectFile(const QString &command, const QString &description,
        const ProspectExport &write, const char *done, const QStringList &arguments);
    // Runs `import` as the user --author names (0 without it), who is added if
    // new, except in a dry run; in one transaction with the import, so that a
    // failed import adds no user either. False after printing why not.
    bool importAs(const CommandParser &parser, Database &db, bool dryRun,
        const std::function<ImportResult(qint64 authorId, Error *)> &import);
    // Prints the summary line on stdout and each row of the file at `path` not
    // imported on stderr, in line order; returns ExitCode::Success.
    int printSummary(const QString &path, ImportSummary summary,
        const QList<RowProblem> &readProblems, bool dryRun);

    CommandContext &m_context;
};

} // namespace Touchline::Cli
