// Several real processes writing to one Touchline file at once, as teammates'
// copies of the app do on a shared folder: every touch a writer committed is in
// the file exactly once, nothing else is, the numbering per prospect holds, the
// file passes the integrity check, no write reaches a writer as "busy", and a
// copy checking the file meanwhile never sees half a write.

#include "StressSupport.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Touchline;
using namespace Touchline::Stress;

namespace {

QString idList(const QList<qint64> &ids)
{
    QStringList shown;
    for (qint64 id : ids)
        shown.append(QString::number(id));
    return shown.join(QLatin1String(", "));
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writersShareProspects_data();
    void writersShareProspects();
};

void TestConcurrency::writersShareProspects_data()
{
    QTest::addColumn<int>("writers");
    QTest::addColumn<int>("prospects");
    QTest::addColumn<double>("seconds");

    // Two prospects for four writers: most writes renumber a prospect another
    // writer has just written to.
    QTest::newRow("2 writers, 1 prospect") << 2 << 1 << 1.5;
    QTest::newRow("4 writers, 2 prospects") << 4 << 2 << 2.0;
    QTest::newRow("6 writers, 6 prospects") << 6 << 6 << 1.5;
}

void TestConcurrency::writersShareProspects()
{
    QFETCH(int, writers);
    QFETCH(int, prospects);
    QFETCH(double, seconds);

    // The system's temporary folder: often a tmpfs, where the file must work too.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shared.touchline"));
    QList<qint64> prospectIds;
    Error error;
    QVERIFY2(createFile(path, prospects, &prospectIds, &error), qPrintable(error.message));

    std::vector<std::unique_ptr<WriterProcess>> processes;
    QList<WriterProcess *> all;
    for (int i = 0; i < writers; ++i)
        processes.push_back(std::make_unique<WriterProcess>(
            path, prospectIds, Role::Writer, seconds, quint32(i + 1)));
    processes.push_back(
        std::make_unique<WriterProcess>(path, prospectIds, Role::Checker, seconds, 0));
    for (const auto &process : processes) {
        all.append(process.get());
        process->start();
    }
    // Generous: the writers stop on their own after `seconds`.
    QVERIFY2(waitForAll(all, 120000), "the writers did not finish");

    QList<qint64> reported;
    int busy = 0;
    for (const WriterProcess *process : all) {
        QVERIFY2(process->exitedCleanly(), qPrintable(process->describeExit()));
        busy += process->busyRefusals();
        reported += process->committed();
    }
    const WriterProcess &checker = *all.constLast();
    for (int i = 0; i < writers; ++i)
        QVERIFY2(!all.at(i)->committed().isEmpty(), "a writer committed nothing");
    QCOMPARE(busy, 0);
    QVERIFY(checker.checks() > 0);
    QVERIFY2(checker.problems().isEmpty(), qPrintable(checker.problems().join(QLatin1Char('\n'))));

    // No id reported twice: each commit is one touch.
    const QSet<qint64> unique(reported.cbegin(), reported.cend());
    QCOMPARE(unique.size(), reported.size());

    const FileVerdict verdict = verifyFile(path, prospectIds);
    QVERIFY2(verdict.isSound(), qPrintable(verdict.describe()));
    const QList<qint64> lost = missingFrom(verdict.touchIds, reported);
    QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("lost: ") + idList(lost)));
    const QList<qint64> extra = missingFrom(reported, verdict.touchIds);
    QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("not reported: ") + idList(extra)));
    QCOMPARE(verdict.touchIds.size(), reported.size());
    qInfo("%d writers committed %lld touches in %.1f s; %d consistency checks ran meanwhile",
        writers, qint64(reported.size()), seconds, checker.checks());
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
