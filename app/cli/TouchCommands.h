#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Touchline::Cli {

class CommandContext;

// `touches log|list|delete`, with the rules of TouchRepository (the same
// messages as the app).
class TouchCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::TouchCommands)
public:
    explicit TouchCommands(CommandContext &context);

    // `arguments` starts with the subcommand's name.
    int run(const QStringList &arguments);

private:
    int log(const QStringList &arguments);
    int list(const QStringList &arguments);
    int remove(const QStringList &arguments);

    CommandContext &m_context;
};

} // namespace Touchline::Cli
