#pragma once

#include "OutputWriter.h"
#include "storage/Database.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace Touchline::Cli {

class CommandContext;

// A command with its one-line summary, for the program's --help and the command's own.
struct CommandInfo
{
    QString name; // "prospects list"
    QString summary;
};
QList<CommandInfo> allCommands();

// Parses the words after a command's name and prints its --help. Every command
// accepts --db and --help, so they may come after the command name too.
class CommandParser
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::CommandParser)
public:
    CommandParser(CommandContext &context, const QString &command);

    void addOption(const QCommandLineOption &option);
    void addFormatOption();
    // `syntax` as shown in the usage line, such as "ID..."; one line of description.
    void setPositional(const QString &syntax, const QString &description, int min, int max);
    void setDescription(const QString &text) { m_description = text; }

    // Returns the exit status when the command is already done: 0 after printing
    // --help, 2 after reporting wrong usage. Returns nothing when the command should run.
    std::optional<int> parse(const QStringList &arguments);
    // parse(), then opens the --db file into `db`, for commands that check nothing
    // more before they use it: also returns ExitCode::Failure when it does not open.
    std::optional<int> parseAndOpen(const QStringList &arguments, Database &db,
        Database::Creation creation, Database::Access access);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    OutputFormat format() const { return m_format; }

    // Reports wrong usage of this command; returns ExitCode::UsageError.
    int usageError(const QString &message) const;
    // Reads an integer option in [min, max]; reports wrong usage and returns false otherwise.
    bool intValue(const QString &name, qint64 min, qint64 max, qint64 *value) const;

    // Reads ids written as separate words or separated by commas, without
    // repeats; for anything else reports `notAnId` (%1: the text) as wrong usage
    // and returns false.
    bool ids(const QStringList &texts, const QString &notAnId, QList<qint64> *ids) const;
    // One id; nothing after reporting `notAnId` (%1: the text) as wrong usage.
    std::optional<qint64> id(const QString &text, const QString &notAnId) const;

    // What user() does with a name that is no user's yet.
    enum class NewUser { Add, Refuse };
    // The id of the user the option names, in `*id`, which stays as it is when the
    // option is not set. On failure prints why and returns false.
    bool user(Database &db, const QString &option, NewUser newUser, qint64 *id) const;

    QString helpText() const;

private:
    CommandContext &m_context;
    QString m_command;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QCommandLineParser m_parser;
    QString m_positionalSyntax;
    QString m_positionalDescription;
    int m_minPositional = 0;
    int m_maxPositional = 0;
    bool m_hasFormat = false;
    OutputFormat m_format = OutputFormat::Table;
};

// Two columns of text: "  name   description", the names padded to one width.
QString formatTwoColumns(const QList<std::pair<QString, QString>> &rows);

// The help of a command group such as "prospects": its commands and summaries.
QString groupHelp(const QString &group);

// A command, or a subcommand of a group such as "prospects", and what runs it
// with the words after its name.
struct Command
{
    const char *name;
    int (*run)(CommandContext &context, const QStringList &arguments);
};

// A Command's run for a member function of a class of commands:
// {"list", &runMember<TouchCommands, &TouchCommands::list>}.
template<typename Commands, int (Commands::*member)(const QStringList &)>
int runMember(CommandContext &context, const QStringList &arguments)
{
    Commands commands(context);
    return (commands.*member)(arguments);
}

// The command in `commands` called `name`, or null.
const Command *findCommand(const QList<Command> &commands, const QString &name);

// Runs the subcommand of `group` that the first of `arguments` names with the
// words after it. Prints the group's help for --help and -h; reports wrong usage,
// with the subcommands to choose from, for anything else.
int runGroup(CommandContext &context, const QString &group, const QList<Command> &subcommands,
    const QStringList &arguments);

} // namespace Touchline::Cli
