#pragma once

#include "OutputWriter.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QTextStream;

namespace Touchline::Cli {

// The process exit status: scripts tell a failed run from a mistyped one.
enum ExitCode : int {
    Success = 0,
    Failure = 1,    // the command ran and failed; stderr says why
    UsageError = 2, // the command line was wrong; stderr says how to get help
};

// The name messages start with, independent of how the program was started.
inline QString programName()
{
    return QStringLiteral("touchline-cli");
}

// What every command works with: the output streams and the file named by --db.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::CommandContext)
public:
    CommandContext(QTextStream &out, QTextStream &err, const QString &databasePath);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    QString databasePath() const { return m_databasePath; }
    void setDatabasePath(const QString &path) { m_databasePath = path; }

    // Prints "touchline-cli: <message>" on stderr; returns ExitCode::Failure.
    int fail(const QString &message);
    // Prints the message and where to find the right usage; returns ExitCode::UsageError.
    // `command` is the command whose --help to point at, empty for the program's.
    int usageError(const QString &message, const QString &command = QString());

    // Prints a list small enough to hold in memory; returns ExitCode::Success.
    int printList(
        OutputFormat format, const QList<Column> &columns, const QList<QVariantList> &rows);

    // Opens the --db file; on failure prints why (and what to do) and returns false.
    bool open(Database &db, Database::Creation creation, Database::Access access);
    // Runs `write` in one transaction: all of it is stored, or nothing. False
    // after printing the error `write` or SQLite gave (`write` may also print
    // its own and leave it empty).
    bool writeInOneTransaction(Database &db, const std::function<bool(Error *)> &write);
    // Runs `write` in one transaction with the check that every id is a
    // prospect's, so that an id that is not changes nothing. False after
    // printing why: `missing` (%1: the id) for each unknown id, or the error
    // `write` or SQLite gave (`write` may also print its own and leave it empty).
    bool changeProspects(Database &db, const QList<qint64> &ids, const QString &missing,
        const std::function<bool(Error *)> &write);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_databasePath;
};

} // namespace Touchline::Cli
