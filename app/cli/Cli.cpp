#include "Cli.h"

#include "CadenceCommands.h"
#include "CommandContext.h"
#include "CommandParser.h"
#include "DatabaseCommands.h"
#include "ProspectCommands.h"
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

    if (command == QLatin1String("init"))
        return DatabaseCommands(context).init(words);
    if (command == QLatin1String("generate"))
        return DatabaseCommands(context).generate(words);
    if (command == QLatin1String("check"))
        return DatabaseCommands(context).check(words);
    if (command == QLatin1String("prospects"))
        return ProspectCommands(context).run(words);
    if (command == QLatin1String("touches"))
        return TouchCommands(context).run(words);
    if (command == QLatin1String("cadences"))
        return CadenceCommands(context).runCadences(words);
    if (command == QLatin1String("enroll"))
        return CadenceCommands(context).enroll(words);
    if (command == QLatin1String("unenroll"))
        return CadenceCommands(context).unenroll(words);
    if (command == QLatin1String("due"))
        return CadenceCommands(context).due(words);
    if (command.isEmpty())
        return context.usageError(Program::tr("No command given."));
    return context.usageError(Program::tr("Unknown command \"%1\".").arg(command));
}

} // namespace Touchline::Cli
