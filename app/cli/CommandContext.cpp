#include "CommandContext.h"

#include "storage/ProspectRepository.h"

#include <QTextStream>

namespace Touchline::Cli {

CommandContext::CommandContext(QTextStream &out, QTextStream &err, const QString &databasePath)
    : m_out(out)
    , m_err(err)
    , m_databasePath(databasePath)
{
}

int CommandContext::fail(const QString &message)
{
    m_err << programName() << ": " << message << Qt::endl;
    return ExitCode::Failure;
}

int CommandContext::usageError(const QString &message, const QString &command)
{
    const QString help = command.isEmpty()
        ? programName() + QLatin1String(" --help")
        : QString(programName() + QLatin1Char(' ') + command + QLatin1String(" --help"));
    m_err << programName() << ": " << message << '\n'
          << tr("Run \"%1\" for usage.").arg(help) << Qt::endl;
    return ExitCode::UsageError;
}

int CommandContext::printList(
    OutputFormat format, const QList<Column> &columns, const QList<QVariantList> &rows)
{
    OutputWriter(m_out, format, columns).writeAll(rows);
    return ExitCode::Success;
}

bool CommandContext::open(Database &db, Database::Creation creation, Database::Access access)
{
    Error error;
    if (db.open(m_databasePath, creation, access, &error))
        return true;
    fail(error.message);
    if (error.kind == Error::Kind::NotFound)
        m_err << tr("Create a Touchline file with \"%1 --db PATH init\", or name an existing "
                    "one with --db.")
                     .arg(programName())
              << Qt::endl;
    return false;
}

bool CommandContext::writeInOneTransaction(Database &db, const std::function<bool(Error *)> &write)
{
    Error error;
    WriteTransaction transaction(db);
    if (transaction.begin(&error) && write(&error) && transaction.commit(&error))
        return true;
    if (error.isError())
        fail(error.message);
    return false;
}

bool CommandContext::changeProspects(Database &db, const QList<qint64> &ids, const QString &missing,
    const std::function<bool(Error *)> &write)
{
    return writeInOneTransaction(db, [&](Error *error) {
        QList<qint64> missingIds;
        if (!ProspectRepository(db).missing(ids, &missingIds, error))
            return false;
        for (qint64 id : std::as_const(missingIds))
            fail(missing.arg(id));
        return missingIds.isEmpty() && write(error);
    });
}

} // namespace Touchline::Cli
