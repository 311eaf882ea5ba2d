#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Touchline::Cli {

class CommandContext;

// Commands about the file as a whole: `init`, `generate`, `check`, `backup`
// and `backups`.
class DatabaseCommands
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::DatabaseCommands)
public:
    explicit DatabaseCommands(CommandContext &context);

    int init(const QStringList &arguments);
    int generate(const QStringList &arguments);
    int check(const QStringList &arguments);
    int backup(const QStringList &arguments);
    int backups(const QStringList &arguments);

private:
    CommandContext &m_context;
};

} // namespace Touchline::Cli
