#include "StressSupport.h"

#include "storage/ConsistencyCheck.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <algorithm>

namespace Touchline::Stress {

QString writerProgram()
{
    return QStringLiteral(TOUCHLINE_STRESS_WRITER_PATH);
}

bool createFile(const QString &path, int prospects, QList<qint64> *prospectIds, Error *error)
{
    Database db;
    if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, error))
        return false;
    ProspectRepository repository(db);
    prospectIds->clear();
    for (int i = 1; i <= prospects; ++i) {
        Prospect prospect;
        prospect.firstName = QStringLiteral("Shared");
        prospect.lastName = QString::number(i);
        prospect.company = QStringLiteral("Stress Test Ltd");
        if (!repository.add(&prospect, error))
            return false;
        prospectIds->append(prospect.id);
    }
    return true;
}

WriterProcess::WriterProcess(
    const QString &path, const QList<qint64> &prospectIds, Role role, double seconds, quint32 seed)
    : m_process(std::make_unique<QProcess>())
{
    QStringList ids;
    for (qint64 id : prospectIds)
        ids.append(QString::number(id));
    QStringList arguments = {QStringLiteral("--db"), path, QStringLiteral("--prospects"),
        ids.join(QLatin1Char(',')), QStringLiteral("--seconds"), QString::number(seconds),
        QStringLiteral("--seed"), QString::number(seed)};
    if (role == Role::Checker)
        arguments.append(QStringLiteral("--check"));
    m_process->setProgram(writerProgram());
    m_process->setArguments(arguments);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
        [this] { readOutput(); });
}

WriterProcess::~WriterProcess()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

void WriterProcess::start()
{
    m_process->start();
}

void WriterProcess::kill()
{
    m_process->kill();
    m_process->waitForFinished();
    // Lines the writer flushed before it died are still in the pipe.
    readOutput();
}

bool WriterProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

void WriterProcess::readOutput()
{
    m_pending += m_process->readAllStandardOutput();
    qsizetype start = 0;
    // A line cut off by a kill has no newline yet: it is not a report.
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
        const QString line = QString::fromUtf8(m_pending.mid(start, end - start));
        start = end + 1;
        if (line.startsWith(QLatin1String("committed "))) {
            m_committed.append(line.mid(10).toLongLong());
        } else if (line == QLatin1String("busy")) {
            ++m_busy;
        } else if (line == QLatin1String("checked")) {
            ++m_checks;
        } else if (line.startsWith(QLatin1String("problem "))) {
            m_problems.append(line.mid(8));
        }
    }
    m_pending.remove(0, start);
}

bool WriterProcess::exitedCleanly() const
{
    return !isRunning() && m_process->exitStatus() == QProcess::NormalExit
        && m_process->exitCode() == 0;
}

QString WriterProcess::describeExit() const
{
    const QString how = m_process->exitStatus() == QProcess::NormalExit
        ? QStringLiteral("exit code %1").arg(m_process->exitCode())
        : QStringLiteral("crashed");
    return how + QStringLiteral(": ") + QString::fromUtf8(m_process->readAllStandardError());
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(5);
    if (!done())
        loop.exec();
    return done();
}

bool waitForAll(const QList<WriterProcess *> &processes, int timeoutMs)
{
    return waitUntil(
        [&] {
            return std::none_of(processes.cbegin(), processes.cend(),
                [](const WriterProcess *p) { return p->isRunning(); });
        },
        timeoutMs);
}

Crash crashWriter(
    const QString &path, const QList<qint64> &prospectIds, int killAfter, int delayMs, quint32 seed)
{
    // Long enough never to end by itself.
    WriterProcess writer(path, prospectIds, Role::Writer, 3600, seed);
    writer.start();
    Crash crash;
    if (!waitUntil([&] { return writer.committed().size() >= killAfter || !writer.isRunning(); },
            120000)) {
        crash.failure = QStringLiteral("the writer committed too little in two minutes");
    } else {
        QElapsedTimer timer;
        timer.start();
        waitUntil([&] { return timer.elapsed() >= delayMs; }, delayMs);
        if (!writer.isRunning())
            crash.failure = writer.describeExit();
    }
    writer.kill();
    crash.leftJournal = QFileInfo::exists(path + QStringLiteral("-journal"));
    crash.reported = writer.committed();
    return crash;
}

bool FileVerdict::isSound() const
{
    return !readOnlyOpen.isError() && !readWriteOpen.isError() && !checkError.isError()
        && problems.isEmpty();
}

QString FileVerdict::describe() const
{
    QStringList lines;
    for (const Error &error : {readOnlyOpen, readWriteOpen, checkError})
        if (error.isError())
            lines.append(error.message);
    lines += problems;
    return lines.join(QLatin1Char('\n'));
}

FileVerdict verifyFile(const QString &path, const QList<qint64> &prospectIds)
{
    FileVerdict verdict;
    // A manager's read-only copy may be the first to open the file after a crash.
    verdict.readOnlyOpen = Database::checkIntegrity(path);
    Database db;
    if (!db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite,
            &verdict.readWriteOpen))
        return verdict;
    QList<ConsistencyProblem> problems;
    if (!ConsistencyCheck(db).run(&problems, &verdict.checkError))
        return verdict;
    for (const ConsistencyProblem &problem : problems)
        verdict.problems.append(problem.message);
    TouchRepository touches(db);
    for (qint64 prospectId : prospectIds) {
        QList<Touch> list;
        if (!touches.listForProspect(prospectId, &list, &verdict.checkError))
            return verdict;
        for (const Touch &touch : list)
            verdict.touchIds.append(touch.id);
    }
    std::sort(verdict.touchIds.begin(), verdict.touchIds.end());
    return verdict;
}

QList<qint64> missingFrom(const QList<qint64> &stored, const QList<qint64> &reported)
{
    QList<qint64> sorted = stored;
    std::sort(sorted.begin(), sorted.end());
    QList<qint64> missing;
    for (qint64 id : reported)
        if (!std::binary_search(sorted.cbegin(), sorted.cend(), id))
            missing.append(id);
    return missing;
}

} // namespace Touchline::Stress
