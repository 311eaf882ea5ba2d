#include "Cli.h"

#include "CadenceCommands.h"
#include "CommandContext.h"
#include "CommandParser.h"
#include "DatabaseCommands.h"
#include "ImportExportCommands.h"
#include "ProspectCommands.h"
#include "ReportCommands.h"
#include "TouchCommands.h"
#include "storage/DefaultLocation.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace Touchline::Cli {

namespace {

// The program's own strings, in the "Touchline::Cli" translation context.
struct Program
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli)
};

QString programHelp()
{
    QList<std::pair<QString, QString>> commands;
    for (const CommandInfo &info : allCommands())
        commands.append({info.name, info.summary});
    const QList<std::pair<QString, QString>> options = {
        {QStringLiteral("--db PATH"),
            Program::tr("The Touchline file to use (default: %1).")
                .arg(QDir::toNativeSeparators(defaultDatabasePath()))},
        {QStringLiteral("-h, --help"), Program::tr("Show this help.")},
        {QStringLiteral("--version"), Program::tr("Show the version.")},
    };
    return Program::tr("Usage: %1 [--db PATH] COMMAND [options]").arg(programName())
        + QLatin1String("\n\n") + Program::tr("Work with a Touchline file from the command line.")
        + QLatin1String("\n\n") + Program::tr("Commands:") + QLatin1Char('\n')
        + formatTwoColumns(commands) + QLatin1Char('\n') + Program::tr("Options:")
        + QLatin1Char('\n') + formatTwoColumns(options) + QLatin1Char('\n')
        + Program::tr(
            "Run \"%1 COMMAND --help\" for a command's options. Exit status: 0 on success, 1 "
            "when the command fails, 2 when the command line is wrong.")
              .arg(programName())
        + QLatin1Char('\n');
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    // Options after the command belong to the command, which parses them itself.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dbOption(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringLiteral("version"));
    parser.addOptions({dbOption, helpOption, versionOption});

    CommandContext context(out, err, defaultDatabasePath());
    if (!parser.parse(arguments))
        return context.usageError(parser.errorText());
    QStringList words = parser.positionalArguments();
    const QString command = words.isEmpty() ? QString() : words.takeFirst();
    if (parser.isSet(helpOption) || command == QLatin1String("help")) {
        out << programHelp();
        return ExitCode::Success;
    }
    if (parser.isSet(versionOption)) {
        out << programName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitCode::Success;
    }
    if (parser.isSet(dbOption)) {
        if (parser.value(dbOption).isEmpty())
            return context.usageError(Program::tr("--db needs the path of a file."));
        context.setDatabasePath(parser.value(dbOption));
    }

    const QList<Command> commands = {
        {"init", &runMember<DatabaseCommands, &DatabaseCommands::init>},
        {"generate", &runMember<DatabaseCommands, &DatabaseCommands::generate>},
        {"check", &runMember<DatabaseCommands, &DatabaseCommands::check>},
        {"backup", &runMember<DatabaseCommands, &DatabaseCommands::backup>},
        {"backups", &runMember<DatabaseCommands, &DatabaseCommands::backups>},
        {"prospects", &runMember<ProspectCommands, &ProspectCommands::run>},
        {"touches", &runMember<TouchCommands, &TouchCommands::run>},
        {"cadences", &runMember<CadenceCommands, &CadenceCommands::runCadences>},
        {"enroll", &runMember<CadenceCommands, &CadenceCommands::enroll>},
        {"unenroll", &runMember<CadenceCommands, &CadenceCommands::unenroll>},
        {"due", &runMember<CadenceCommands, &CadenceCommands::due>},
        {"report", &runMember<ReportCommands, &ReportCommands::run>},
        {"import", &runMember<ImportExportCommands, &ImportExportCommands::runImport>},
        {"export", &runMember<ImportExportCommands, &ImportExportCommands::runExport>},
    };
    if (const Command *found = findCommand(commands, command))
        return found->run(context, words);
    if (command.isEmpty())
        return context.usageError(Program::tr("No command given."));
    return context.usageError(Program::tr("Unknown command \"%1\".").arg(command));
}

} // namespace Touchline::Cli
