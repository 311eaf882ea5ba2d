// The figures of docs/concurrency.md: W touchline-stress-writer processes log
// touches into one new file at once for T seconds, sharing its prospects; then
// the file is checked against what each writer reported as committed. After
// that, a writer is killed (SIGKILL) at a random point, again and again, and
// the file is checked after each kill. Not a test: it reports what it measured,
// and exits 1 only if a write was lost or the file was left unsound.
//
//   touchline-bench-concurrency [--writers 1,2,4,8] [--seconds T] [--prospects N]
//                               [--crashes K] [--dir FOLDER]
//
// --dir puts the files in that folder (a network share, say) instead of a
// temporary folder.

#include "StressSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace Touchline;
using namespace Touchline::Stress;

namespace {

struct Totals
{
    int unsound = 0;
    qint64 lost = 0;
};

void runWriters(QTextStream &out, const QString &path, int writers, int prospects, double seconds,
    Totals *totals)
{
    QList<qint64> prospectIds;
    Error error;
    if (!createFile(path, prospects, &prospectIds, &error)) {
        out << error.message << "\n";
        ++totals->unsound;
        return;
    }
    std::vector<std::unique_ptr<WriterProcess>> processes;
    QList<WriterProcess *> all;
    for (int i = 0; i < writers; ++i) {
        processes.push_back(std::make_unique<WriterProcess>(
            path, prospectIds, Role::Writer, seconds, quint32(i + 1)));
        all.append(processes.back().get());
    }
    QElapsedTimer timer;
    timer.start();
    for (WriterProcess *process : all)
        process->start();
    waitForAll(all, int(seconds * 1000) + 600000);
    const double elapsed = double(timer.elapsed()) / 1000;

    QList<qint64> reported;
    int busy = 0;
    bool clean = true;
    for (const WriterProcess *process : all) {
        reported += process->committed();
        busy += process->busyRefusals();
        if (!process->exitedCleanly()) {
            clean = false;
            out << "  a writer failed: " << process->describeExit() << "\n";
        }
    }
    const FileVerdict verdict = verifyFile(path, prospectIds);
    const qint64 lost = missingFrom(verdict.touchIds, reported).size();
    const qint64 extra = missingFrom(reported, verdict.touchIds).size();
    totals->lost += lost;
    if (!verdict.isSound() || !clean || extra > 0) {
        ++totals->unsound;
        out << "  " << verdict.describe() << "\n";
    }
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(writers, 7)
               .arg(reported.size(), 8)
               .arg(double(reported.size()) / seconds, 10, 'f', 0)
               .arg(elapsed, 9, 'f', 1)
               .arg(busy, 5)
               .arg(lost, 5)
               .arg(verdict.isSound() ? QStringLiteral("yes") : QStringLiteral("NO"), 6);
    out.flush();
}

void runCrashes(QTextStream &out, const QString &path, int prospects, int crashes, Totals *totals)
{
    QList<qint64> prospectIds;
    Error error;
    if (!createFile(path, prospects, &prospectIds, &error)) {
        out << error.message << "\n";
        ++totals->unsound;
        return;
    }
    QRandomGenerator random(1);
    QList<qint64> known;
    int sound = 0;
    int journals = 0;
    int inFlight = 0;
    qint64 lost = 0;
    for (int i = 0; i < crashes; ++i) {
        const Crash crash = crashWriter(
            path, prospectIds, random.bounded(12), random.bounded(15), quint32(i + 1));
        if (!crash.failure.isEmpty())
            out << "  crash " << i << ": " << crash.failure << "\n";
        journals += crash.leftJournal ? 1 : 0;
        const FileVerdict verdict = verifyFile(path, prospectIds);
        if (verdict.isSound())
            ++sound;
        else
            out << "  crash " << i << ": " << verdict.describe() << "\n";
        const QList<qint64> added = missingFrom(known, verdict.touchIds);
        lost += missingFrom(added, crash.reported).size();
        inFlight += int(missingFrom(crash.reported, added).size());
        known = verdict.touchIds;
    }
    totals->unsound += crashes - sound;
    totals->lost += lost;
    out << "kills: " << crashes << ", file sound after: " << sound
        << ", a journal left to roll back: " << journals
        << ", the write in flight found committed: " << inFlight << ", lost writes: " << lost
        << "\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("writers"),
        QStringLiteral("Comma-separated numbers of writers to run, one round each."),
        QStringLiteral("list"), QStringLiteral("1,2,4,8")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("How long each round writes."),
        QStringLiteral("s"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("prospects"), QStringLiteral("Prospects the writers share."),
        QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("crashes"), QStringLiteral("Writers to kill."),
        QStringLiteral("n"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("The folder for the files."),
        QStringLiteral("folder")});
    parser.process(app);

    // A folder of its own, removed afterwards, also inside --dir.
    const auto temporary = parser.isSet(QStringLiteral("dir"))
        ? std::make_unique<QTemporaryDir>(
            parser.value(QStringLiteral("dir")) + QStringLiteral("/touchline-bench-XXXXXX"))
        : std::make_unique<QTemporaryDir>();
    QTextStream out(stdout);
    if (!temporary->isValid()) {
        std::fprintf(stderr, "Cannot create a folder: %s\n", qPrintable(temporary->errorString()));
        return 1;
    }
    const QString dir = temporary->path();
    const QStorageInfo storage(dir);
    out << "folder: " << dir << " (" << storage.fileSystemType() << " on " << storage.device()
        << ")\n";
    const double seconds = parser.value(QStringLiteral("seconds")).toDouble();
    const int prospects = parser.value(QStringLiteral("prospects")).toInt();
    Totals totals;
    out << "writers  touches  touches/s  elapsed  busy  lost  sound\n";
    for (const QString &count : parser.value(QStringLiteral("writers")).split(QLatin1Char(','))) {
        const int writers = count.toInt();
        runWriters(out, QStringLiteral("%1/writers-%2.touchline").arg(dir).arg(writers), writers,
            prospects, seconds, &totals);
    }
    runCrashes(out, dir + QStringLiteral("/crashes.touchline"), prospects,
        parser.value(QStringLiteral("crashes")).toInt(), &totals);
    out.flush();
    if (totals.unsound > 0 || totals.lost > 0) {
        std::fprintf(stderr, "%d rounds left the file unsound, %lld writes were lost\n",
            totals.unsound, totals.lost);
        return 1;
    }
    return 0;
}
