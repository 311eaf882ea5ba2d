#pragma once

#include "OutputWriter.h"
#include "domain/ReplyStats.h"
#include "domain/ReportTables.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Touchline {
class Database;
}

namespace Touchline::Cli {

class CommandContext;

// `report reply-rate|cumulative|channels|owners|give-up|speed|heatmap`: the
// dashboard's numbers (domain/ReplyStats.h), computed the same way from the file.
class ReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::ReportCommands)
public:
    explicit ReportCommands(CommandContext &context);

    // `arguments` starts with the subcommand's name.
    int run(const QStringList &arguments);

private:
    int replyRate(const QStringList &arguments);
    int cumulative(const QStringList &arguments);
    int channels(const QStringList &arguments);
    int owners(const QStringList &arguments);
    int steps(const QStringList &arguments);
    int giveUp(const QStringList &arguments);
    int speed(const QStringList &arguments);
    int heatmap(const QStringList &arguments);

    // Parses the options every report shares, loads the file, computes and prints.
    int runReport(
        ReportTables::Kind kind, const QString &description, const QStringList &arguments);
    // Prints one report from the computed numbers; `db` is still open.
    int print(Database &db, ReportTables::Kind kind, const ReplyStats::Report &report,
        OutputFormat format);

    CommandContext &m_context;
};

} // namespace Touchline::Cli
