#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Touchline::Cli {

class CommandContext;

// `cadences list|show`, `enroll`, `unenroll` and `due`: the cadences and the
// work they make due, with the rules of the repositories (the app's messages).
class CadenceCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::CadenceCommands)
public:
    explicit CadenceCommands(CommandContext &context);

    // `arguments` starts with the subcommand's name ("list" or "show").
    int runCadences(const QStringList &arguments);
    int enroll(const QStringList &arguments);
    int unenroll(const QStringList &arguments);
    int due(const QStringList &arguments);

private:
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);

    CommandContext &m_context;
};

} // namespace Touchline::Cli
