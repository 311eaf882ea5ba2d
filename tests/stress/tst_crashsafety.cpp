// A writer killed (SIGKILL: no cleanup, as at a power cut for the process) at a
// random point, many times over, while it logs touches into a Touchline file:
// after each kill the file opens read-only and read-write, passes the integrity
// and consistency checks, and holds every touch the writer reported as committed
// plus at most the one it was committing when it died, whole or not at all. A
// teammate writing at the same time carries on without a busy refusal.

#include "StressSupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Touchline;
using namespace Touchline::Stress;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeavesWholeWrites_data();
    void killedWriterLeavesWholeWrites();
};

void TestCrashSafety::killedWriterLeavesWholeWrites_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<bool>("withTeammate");

    QTest::newRow("alone") << 30 << false;
    QTest::newRow("while a teammate writes") << 15 << true;
}

void TestCrashSafety::killedWriterLeavesWholeWrites()
{
    QFETCH(int, iterations);
    QFETCH(bool, withTeammate);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("crash.touchline"));
    QList<qint64> prospectIds;
    Error error;
    QVERIFY2(createFile(path, 3, &prospectIds, &error), qPrintable(error.message));

    // Fixed, so that a failing run can be repeated.
    QRandomGenerator random(20261124);
    QList<qint64> known; // the touches in the file after the last kill
    int hotJournals = 0;
    for (int i = 0; i < iterations; ++i) {
        const QString where = QStringLiteral("iteration %1").arg(i);
        std::unique_ptr<WriterProcess> teammate;
        if (withTeammate) {
            teammate = std::make_unique<WriterProcess>(
                path, prospectIds, Role::Writer, 0.5, quint32(2 * i + 2));
            teammate->start();
        }
        // Killed after a random number of commits (0: while it starts or opens the
        // file), then a random moment more, which falls inside a write more often
        // than not: the writer does little else.
        const Crash crash = crashWriter(
            path, prospectIds, random.bounded(12), random.bounded(15), quint32(2 * i + 1));
        QVERIFY2(crash.failure.isEmpty(), qPrintable(where + QStringLiteral(": ") + crash.failure));
        hotJournals += crash.leftJournal ? 1 : 0;

        QList<qint64> reported = crash.reported;
        if (teammate) {
            QVERIFY2(waitForAll({teammate.get()}, 60000), qPrintable(where));
            QVERIFY2(teammate->exitedCleanly(), qPrintable(teammate->describeExit()));
            QCOMPARE(teammate->busyRefusals(), 0);
            reported += teammate->committed();
        }

        const FileVerdict verdict = verifyFile(path, prospectIds);
        QVERIFY2(verdict.isSound(), qPrintable(where + QStringLiteral(": ") + verdict.describe()));
        const QList<qint64> added = missingFrom(known, verdict.touchIds);
        QVERIFY2(missingFrom(added, reported).isEmpty(), qPrintable(where));
        // Only the victim's write in flight may have committed unreported, and it
        // came after everything the victim reported.
        const QList<qint64> unreported = missingFrom(reported, added);
        QVERIFY2(unreported.size() <= 1, qPrintable(where));
        if (!unreported.isEmpty() && !crash.reported.isEmpty())
            QVERIFY2(unreported.constFirst() > crash.reported.constLast(), qPrintable(where));
        known = verdict.touchIds;
    }
    qInfo("%d kills, %d of them left a journal to roll back; %lld touches in the file", iterations,
        hotJournals, qint64(known.size()));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
