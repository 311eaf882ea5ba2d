#include "CommandParser.h"

#include "CommandContext.h"
#include "storage/UserRepository.h"

#include <QCoreApplication>
#include <QSet>

#include <QTextStream>

#include <algorithm>

namespace Touchline::Cli {

namespace {

const char *const context = "Touchline::Cli::Commands";

// The one list of commands: the program's --help lists it, and each command's
// --help starts with its summary.
const char *const commands[][2] = {
    {"init", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Create a new, empty Touchline file.")},
    {"prospects add",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Add a prospect and print its id.")},
    {"prospects list", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "List prospects.")},
    {"prospects show", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Show one prospect.")},
    {"prospects delete",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Delete prospects and their history.")},
    {"prospects lift-dnc",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Lift do-not-contact from a prospect who agreed to hear from you again.")},
    {"touches log",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "Log a touch of a prospect and print its id.")},
    {"touches list", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "List a prospect's touches.")},
    {"touches delete", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Delete a touch.")},
    {"cadences list",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "List the cadences with their steps and running enrollments.")},
    {"cadences show",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Show a cadence and its steps.")},
    {"enroll", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Enroll prospects in a cadence.")},
    {"unenroll",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "Take prospects out of their running cadence.")},
    {"due",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "List the cadence steps due on a day, and overdue ones.")},
    {"report reply-rate",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Reply rate by touch number, with 95% intervals and open prospects.")},
    {"report cumulative",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "Share of first replies that came by each touch.")},
    {"report channels",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "Reply rate by channel of the touch replied to.")},
    {"report owners", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Reply rate by owner.")},
    {"report steps", QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Reply rate by cadence step.")},
    {"report give-up",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Where follow-up stopped for prospects who never replied.")},
    {"report speed",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Time from a prospect's creation to the first touch, and reply rates by it.")},
    {"report heatmap",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Touches and replies by weekday and hour of the touch replied to.")},
    {"import prospects",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Import prospects from a CSV or vCard file; print what was imported and which rows "
            "were not.")},
    {"import touches",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Import past touches from a CSV file; print what was imported and which rows were "
            "not.")},
    {"export prospects",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Write the prospects to a CSV file.")},
    {"export touches",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Write the touches to a CSV file.")},
    {"export ics",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "Write the due cadence steps to an iCalendar file.")},
    {"export vcard",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands", "Write the prospects to a vCard file.")},
    {"generate",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Add reproducible demo prospects and touches (creates the file if needed).")},
    {"check",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Check the file for damage and inconsistent data; exit status 1 if any.")},
    {"backup",
        QT_TRANSLATE_NOOP("Touchline::Cli::Commands",
            "Copy the file to a dated backup next to it or in a folder; print its path.")},
    {"backups",
        QT_TRANSLATE_NOOP(
            "Touchline::Cli::Commands", "List the backups of the file, newest first.")},
};

QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
    QString syntax = names.join(QLatin1String(", "));
    if (!option.valueName().isEmpty())
        syntax += QLatin1Char(' ') + option.valueName();
    return syntax;
}

// An id as typed on the command line: a positive whole number.
std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace

QList<CommandInfo> allCommands()
{
    QList<CommandInfo> result;
    for (const auto &command : commands)
        result.append(
            {QString::fromLatin1(command[0]), QCoreApplication::translate(context, command[1])});
    return result;
}

QString formatTwoColumns(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto &[name, description] : rows)
        text += QLatin1String("  ") + name.leftJustified(width + 3) + description
            + QLatin1Char('\n');
    return text;
}

CommandParser::CommandParser(CommandContext &commandContext, const QString &command)
    : m_context(commandContext)
    , m_command(command)
{
    for (const CommandInfo &info : allCommands()) {
        if (info.name == command)
            m_description = info.summary;
    }
}

void CommandParser::addOption(const QCommandLineOption &option)
{
    m_options.append(option);
}

void CommandParser::addFormatOption()
{
    m_hasFormat = true;
    addOption({QStringLiteral("format"),
        tr("Output format: table (aligned columns, the default), csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table")});
}

void CommandParser::setPositional(
    const QString &syntax, const QString &description, int min, int max)
{
    m_positionalSyntax = syntax;
    m_positionalDescription = description;
    m_minPositional = min;
    m_maxPositional = max;
}

std::optional<int> CommandParser::parse(const QStringList &arguments)
{
    m_options.append(
        {QStringLiteral("db"), tr("The Touchline file to use; may also come before the command."),
            QStringLiteral("PATH")});
    m_options.append({{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")});
    m_parser.addOptions(m_options);

    // QCommandLineParser skips the first word, the program's name.
    if (!m_parser.parse(QStringList {programName()} + arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_context.out() << helpText();
        m_context.out().flush();
        return ExitCode::Success;
    }
    if (m_parser.isSet(QStringLiteral("db"))) {
        if (m_parser.value(QStringLiteral("db")).isEmpty())
            return usageError(tr("--db needs the path of a file."));
        m_context.setDatabasePath(m_parser.value(QStringLiteral("db")));
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < m_minPositional)
        return usageError(tr("Missing argument %1.").arg(m_positionalSyntax));
    if (count > m_maxPositional)
        return usageError(tr("Unexpected argument \"%1\".")
                              .arg(m_parser.positionalArguments().at(m_maxPositional)));
    if (m_hasFormat) {
        const QString name = m_parser.value(QStringLiteral("format"));
        const std::optional<OutputFormat> parsed = outputFormatFromName(name);
        if (!parsed)
            return usageError(tr("Unknown format \"%1\"; use table, csv or json.").arg(name));
        m_format = *parsed;
    }
    return std::nullopt;
}

std::optional<int> CommandParser::parseAndOpen(const QStringList &arguments, Database &db,
    Database::Creation creation, Database::Access access)
{
    if (const auto done = parse(arguments))
        return done;
    if (!m_context.open(db, creation, access))
        return ExitCode::Failure;
    return std::nullopt;
}

int CommandParser::usageError(const QString &message) const
{
    return m_context.usageError(message, m_command);
}

bool CommandParser::intValue(const QString &name, qint64 min, qint64 max, qint64 *value) const
{
    bool ok = false;
    const QString text = m_parser.value(name);
    const qint64 parsed = text.toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        usageError(tr("--%1 needs a whole number from %2 to %3, not \"%4\".")
                       .arg(name)
                       .arg(min)
                       .arg(max)
                       .arg(text));
        return false;
    }
    *value = parsed;
    return true;
}

bool CommandParser::ids(const QStringList &texts, const QString &notAnId, QList<qint64> *ids) const
{
    QSet<qint64> seen;
    for (const QString &word : texts) {
        for (const QString &text : word.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<qint64> id = parseId(text.trimmed());
            if (!id) {
                usageError(notAnId.arg(text));
                return false;
            }
            if (!seen.contains(*id)) {
                seen.insert(*id);
                ids->append(*id);
            }
        }
    }
    return true;
}

std::optional<qint64> CommandParser::id(const QString &text, const QString &notAnId) const
{
    const std::optional<qint64> parsed = parseId(text);
    if (!parsed)
        usageError(notAnId.arg(text));
    return parsed;
}

bool CommandParser::user(Database &db, const QString &option, NewUser newUser, qint64 *id) const
{
    if (!m_parser.isSet(option))
        return true;
    const QString name = m_parser.value(option);
    UserRepository users(db);
    Error error;
    const qint64 found
        = newUser == NewUser::Add ? users.ensure(name, &error) : users.find(name, &error);
    if (found) {
        *id = found;
        return true;
    }
    m_context.fail(error.isError() || newUser == NewUser::Add
            ? error.message
            : tr("There is no user named \"%1\".").arg(name));
    return false;
}

QString CommandParser::helpText() const
{
    QString usage = tr("Usage: %1 [--db PATH] %2 [options]").arg(programName(), m_command);
    if (!m_positionalSyntax.isEmpty())
        usage += QLatin1Char(' ') + m_positionalSyntax;
    QString text = usage + QLatin1String("\n\n") + m_description + QLatin1Char('\n');
    if (!m_positionalDescription.isEmpty())
        text += QLatin1Char('\n') + m_positionalDescription + QLatin1Char('\n');
    QList<std::pair<QString, QString>> rows;
    for (const QCommandLineOption &option : m_options)
        rows.append({optionSyntax(option), option.description()});
    text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + formatTwoColumns(rows);
    return text;
}

QString groupHelp(const QString &group)
{
    const QString prefix = group + QLatin1Char(' ');
    QList<std::pair<QString, QString>> rows;
    for (const CommandInfo &info : allCommands()) {
        if (info.name.startsWith(prefix))
            rows.append({info.name.mid(prefix.size()), info.summary});
    }
    return QCoreApplication::translate(
               "Touchline::Cli", "Usage: %1 [--db PATH] %2 COMMAND [options]")
               .arg(programName(), group)
        + QLatin1String("\n\n") + QCoreApplication::translate("Touchline::Cli", "Commands:")
        + QLatin1Char('\n') + formatTwoColumns(rows) + QLatin1Char('\n')
        + QCoreApplication::translate(
            "Touchline::Cli", "Run \"%1 %2 COMMAND --help\" for a command's options.")
              .arg(programName(), group)
        + QLatin1Char('\n');
}

const Command *findCommand(const QList<Command> &commands, const QString &name)
{
    const auto found = std::find_if(commands.cbegin(), commands.cend(),
        [&name](const Command &command) { return name == QLatin1String(command.name); });
    return found == commands.cend() ? nullptr : &*found;
}

int runGroup(CommandContext &context, const QString &group, const QList<Command> &subcommands,
    const QStringList &arguments)
{
    const QString name = arguments.value(0);
    if (const Command *subcommand = findCommand(subcommands, name))
        return subcommand->run(context, arguments.mid(1));
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        context.out() << groupHelp(group);
        return ExitCode::Success;
    }
    // The choices as a sentence lists them: "list or show", "log, list or delete".
    QStringList names;
    for (const Command &subcommand : subcommands)
        names.append(QString::fromLatin1(subcommand.name));
    const QString last = names.takeLast();
    const QString choices = names.isEmpty()
        ? last
        : QCoreApplication::translate("Touchline::Cli", "%1 or %2")
              .arg(names.join(QLatin1String(", ")), last);
    if (name.isEmpty())
        return context.usageError(
            QCoreApplication::translate("Touchline::Cli", "\"%1\" needs a command: %2.")
                .arg(group, choices),
            group);
    return context.usageError(
        QCoreApplication::translate("Touchline::Cli", "Unknown command \"%1 %2\"; use %3.")
            .arg(group, name, choices),
        group);
}

} // namespace Touchline::Cli
