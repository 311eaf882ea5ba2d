#pragma once

#include "storage/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;

// Several real processes on one Touchline file, as teammates' copies of the app
// and scripts run it: touchline-stress-writer processes that log touches through
// the repositories and report each one they committed, and a check of the file
// afterwards. Shared by tst_concurrency, tst_crashsafety and
// touchline-bench-concurrency.
namespace Touchline::Stress {

// The stress writer built next to the tests.
QString writerProgram();

// A new Touchline file with `prospects` prospects for the writers to share.
bool createFile(const QString &path, int prospects, QList<qint64> *prospectIds, Error *error);

// What a writer does: log touches, or run the consistency check over and over
// while the others write (a teammate's app reading the file).
enum class Role { Writer, Checker };

// One touchline-stress-writer process and what it reported on its standard output.
class WriterProcess
{
public:
    WriterProcess(const QString &path, const QList<qint64> &prospectIds, Role role, double seconds,
        quint32 seed);
    ~WriterProcess();
    WriterProcess(const WriterProcess &) = delete;
    WriterProcess &operator=(const WriterProcess &) = delete;

    void start();
    // SIGKILL: the process gets no chance to finish what it was writing.
    void kill();
    bool isRunning() const;

    // Touch ids, in the order the writer committed them.
    const QList<qint64> &committed() const { return m_committed; }
    // Writes refused as busy after every retry (each was tried again).
    int busyRefusals() const { return m_busy; }
    // Checker: how many checks ran, and what they found.
    int checks() const { return m_checks; }
    const QStringList &problems() const { return m_problems; }
    // Ran to its end and exited with 0.
    bool exitedCleanly() const;
    // The exit status and whatever it wrote on standard error, for failure messages.
    QString describeExit() const;

private:
    void readOutput();

    std::unique_ptr<QProcess> m_process;
    QByteArray m_pending; // output after the last complete line
    QList<qint64> m_committed;
    QStringList m_problems;
    int m_busy = 0;
    int m_checks = 0;
};

// Runs the event loop until every process finished; false after `timeoutMs`.
bool waitForAll(const QList<WriterProcess *> &processes, int timeoutMs);
// Runs the event loop until `done` holds or `timeoutMs` passed; returns `done()`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// A writer killed in the middle of its work.
struct Crash
{
    QList<qint64> reported;   // what it reported as committed before it died
    bool leftJournal = false; // a rollback journal was left for the next opener
    QString failure;          // it ended on its own, or never got that far
};

// Starts a writer and kills it once it reported `killAfter` commits and `delayMs`
// more milliseconds passed (0 and 0: while it starts up).
Crash crashWriter(const QString &path, const QList<qint64> &prospectIds, int killAfter, int delayMs,
    quint32 seed);

// The state of the file after the writers: what another copy finds when it opens it.
struct FileVerdict
{
    Error readOnlyOpen; // Database::checkIntegrity, on a read-only connection
    Error readWriteOpen;
    Error checkError;       // the consistency check could not run
    QStringList problems;   // what ConsistencyCheck found: integrity, numbering, ...
    QList<qint64> touchIds; // every touch of the prospects, ascending

    bool isSound() const;
    QString describe() const;
};

FileVerdict verifyFile(const QString &path, const QList<qint64> &prospectIds);

// Ids in `reported` that are not in `stored` (lost writes), or the reverse (extra rows).
QList<qint64> missingFrom(const QList<qint64> &stored, const QList<qint64> &reported);

} // namespace Touchline::Stress
