#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Touchline::Cli {

class CommandContext;

// `prospects add|list|show|delete|lift-dnc`.
class ProspectCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::ProspectCommands)
public:
    explicit ProspectCommands(CommandContext &context);

    // `arguments` starts with the subcommand's name.
    int run(const QStringList &arguments);

private:
    int add(const QStringList &arguments);
    int list(const QStringList &arguments);
    int show(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int liftDoNotContact(const QStringList &arguments);

    CommandContext &m_context;
};

} // namespace Touchline::Cli
