// The dashboard's statistics computed in a worker thread
// (storage/StatsComputation.h), on real files: the numbers arrive through the
// signals, only the latest request's, and a bad file fails with its name.
// Times are days from Monday 1 January 2024 (UTC); a tally is settled/replies/open.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/DataGenerator.h"
#include "storage/StatsComputation.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Touchline;
using namespace Touchline::ReplyStats;
using Touchline::Test::execSql;
using Touchline::Test::TestDatabase;

namespace {

const qint64 hour = 3600 * 1000;
const qint64 day = 24 * hour;
const qint64 start
    = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();

// Long after every touch, so that all of them are settled.
StatsRequest request(std::optional<qint64> ownerId = std::nullopt)
{
    StatsRequest request;
    request.options.now = QDateTime::fromMSecsSinceEpoch(start + 40 * day, QTimeZone::utc());
    request.options.maxTouchNumber = 3;
    request.options.zone = QTimeZone::utc();
    request.filter.ownerId = ownerId;
    return request;
}

StatsResult resultOf(const QSignalSpy &spy)
{
    return spy.at(0).at(0).value<StatsResult>();
}

} // namespace

class TestStatsComputation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void result();
    void onlyLatestDelivered();
    void busyChanged();
    void failure_data();
    void failure();
    void destroyWhileBusy();

private:
    std::unique_ptr<TestDatabase> m_db;
};

// Maya (1) and Sam (2). P1 (Maya) replies to touch 2; P2 (Sam) never replies to
// two touches; P3 (no owner) replies to touch 1 by SMS.
void TestStatsComputation::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
    Database &db = m_db->db();
    QVERIFY(execSql(db,
        QStringLiteral("INSERT INTO users (id, name, created_at) VALUES (1, ?, 0), (2, ?, 0)"),
        {QStringLiteral("Maya"), QStringLiteral("Sam")}));
    for (const QVariantList &prospect :
        {QVariantList {1, 1}, QVariantList {2, 2}, QVariantList {3, QVariant()}})
        QVERIFY(execSql(db,
            QStringLiteral("INSERT INTO prospects (id, owner_id, created_at, updated_at) "
                           "VALUES (?, ?, ?, 0)"),
            prospect + QVariantList {start}));
    const QList<QVariantList> touches = {
        {1, 1, QStringLiteral("email"), QStringLiteral("out"), start + hour},
        {2, 1, QStringLiteral("phone"), QStringLiteral("out"), start + 2 * day},
        {3, 1, QStringLiteral("email"), QStringLiteral("in"), start + 3 * day},
        {4, 2, QStringLiteral("email"), QStringLiteral("out"), start + hour},
        {5, 2, QStringLiteral("email"), QStringLiteral("out"), start + 5 * day},
        {6, 3, QStringLiteral("sms"), QStringLiteral("out"), start + 2 * hour},
        {7, 3, QStringLiteral("sms"), QStringLiteral("in"), start + day},
    };
    for (const QVariantList &touch : touches)
        QVERIFY(execSql(db,
            QStringLiteral("INSERT INTO touches (id, prospect_id, channel, direction, outcome, "
                           "occurred_at, created_at) VALUES (?, ?, ?, ?, 'sent', ?, 0)"),
            touch));
}

void TestStatsComputation::cleanup()
{
    m_db.reset();
}

void TestStatsComputation::result()
{
    StatsComputation computation(m_db->path());
    QSignalSpy finished(&computation, &StatsComputation::finished);
    QSignalSpy failed(&computation, &StatsComputation::failed);
    QThread *deliveredIn = nullptr;
    // Direct: records the thread that emits, which must be the window's.
    connect(
        &computation, &StatsComputation::finished, this,
        [&deliveredIn] { deliveredIn = QThread::currentThread(); }, Qt::DirectConnection);

    computation.request(request());
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(deliveredIn, QThread::currentThread());

    const StatsResult result = resultOf(finished);
    const Report &report = result.report;
    QCOMPARE(report.byTouchNumber.size(), 3);
    QCOMPARE(report.byTouchNumber[0].tally, (Tally {3, 1, 0}));
    QCOMPARE(report.byTouchNumber[1].tally, (Tally {2, 1, 0}));
    QCOMPARE(report.byTouchNumber[2].tally, (Tally {0, 0, 0}));
    QCOMPARE(report.replies, 2);
    QCOMPARE(report.byTouchNumber[1].gaveUp, 1); // P2
    QCOMPARE(report.byOwner.value(1), (Tally {2, 1, 0}));
    QCOMPARE(report.byOwner.value(2), (Tally {2, 0, 0}));
    QCOMPARE(report.byOwner.value(0), (Tally {1, 1, 0}));
    QCOMPARE(report.byChannel.value(TouchChannel::Sms), (Tally {1, 1, 0}));
    QCOMPARE(result.labels.owners,
        (QHash<qint64, QString> {{1, QStringLiteral("Maya")}, {2, QStringLiteral("Sam")}}));
    // The default cadences name their steps.
    QVERIFY(!result.labels.steps.isEmpty());
    for (const ReportTables::StepLabel &step : result.labels.steps)
        QVERIFY(result.labels.cadences.values().contains(step.cadence));

    // The file is read again for each request: a new reply shows.
    QVERIFY(execSql(m_db->db(),
        QStringLiteral("INSERT INTO touches (id, prospect_id, channel, direction, outcome, "
                       "occurred_at, created_at) VALUES (8, 2, 'email', 'in', 'sent', ?, 0)"),
        {start + 6 * day}));
    computation.request(request());
    QVERIFY(finished.wait(10000));
    QCOMPARE(resultOf(finished).report.replies, 2); // the first result is kept by the spy
    QCOMPARE(finished.at(1).at(0).value<StatsResult>().report.replies, 3);
}

void TestStatsComputation::onlyLatestDelivered()
{
    StatsComputation computation(m_db->path());
    QSignalSpy finished(&computation, &StatsComputation::finished);

    computation.request(request());
    computation.request(request(1));
    computation.request(request(2));
    QVERIFY(finished.wait(10000));
    // Whatever of the older requests ran is dropped, before or after.
    QVERIFY(!finished.wait(500));
    QCOMPARE(finished.count(), 1);
    const Report report = resultOf(finished).report;
    QCOMPARE(report.byOwner.keys(), QList<qint64> {2});
    QCOMPARE(report.byTouchNumber[0].tally, (Tally {1, 0, 0}));
    QCOMPARE(report.replies, 0);
}

void TestStatsComputation::busyChanged()
{
    StatsComputation computation(m_db->path());
    QSignalSpy busy(&computation, &StatsComputation::busyChanged);
    QSignalSpy finished(&computation, &StatsComputation::finished);
    QVERIFY(!computation.isBusy());

    computation.request(request());
    QVERIFY(computation.isBusy());
    computation.request(request(1)); // still busy: no second signal
    QCOMPARE(busy.count(), 1);
    QCOMPARE(busy.at(0).at(0).toBool(), true);

    QVERIFY(finished.wait(10000));
    QVERIFY(!computation.isBusy());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // A failure ends being busy too. The worker keeps its connection, through
    // which a removed file would still read: the file is damaged instead.
    QFile file(m_db->path());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write("not a database, not any more") > 0);
    file.close();
    QSignalSpy failed(&computation, &StatsComputation::failed);
    computation.request(request());
    QVERIFY(computation.isBusy());
    QVERIFY(failed.wait(10000));
    QVERIFY(!computation.isBusy());
    QCOMPARE(busy.count(), 4);
    QCOMPARE(busy.at(3).at(0).toBool(), false);
}

void TestStatsComputation::failure_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all

    QTest::newRow("missing") << QByteArray();
    QTest::newRow("not SQLite") << QByteArray("name,email\nAda,ada@example.com\n").repeated(50);
    // A SQLite header, then nothing SQLite can read.
    QTest::newRow("damaged") << (QByteArray("SQLite format 3", 16) + QByteArray(4096, '\xa5'));
}

void TestStatsComputation::failure()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pipeline-2024.touchline"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }

    StatsComputation computation(path);
    QSignalSpy finished(&computation, &StatsComputation::finished);
    QSignalSpy failed(&computation, &StatsComputation::failed);
    computation.request(request());
    QVERIFY(failed.wait(10000));
    QCOMPARE(finished.count(), 0);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("pipeline-2024.touchline")), qPrintable(message));
    // Read-only: a missing file is not created.
    QCOMPARE(QFile::exists(path), !content.isEmpty());
}

// Under ASan (CI) this also proves that the thread, the worker and the queued
// requests are freed.
void TestStatsComputation::destroyWhileBusy()
{
    GeneratorOptions options;
    options.prospects = 2000;
    options.touches = 20000;
    options.now = QDateTime::fromMSecsSinceEpoch(start + 400 * day, QTimeZone::utc());
    Error error;
    QCOMPARE(
        DataGenerator(m_db->db()).generate(options, {}, &error), DataGenerator::Result::Finished);

    bool delivered = false;
    {
        auto computation = std::make_unique<StatsComputation>(m_db->path());
        connect(computation.get(), &StatsComputation::finished, this,
            [&delivered] { delivered = true; });
        for (int i = 0; i < 3; ++i)
            computation->request(request());
        // Nothing is delivered while this thread does not run its events, so it is
        // still busy; meanwhile the worker is likely loading or computing.
        QThread::msleep(20);
        QVERIFY(computation->isBusy());
        computation.reset();
    }
    QTest::qWait(100);
    QVERIFY(!delivered);

    // Destroyed before the worker even started.
    StatsComputation(m_db->path()).request(request());
}

QTEST_GUILESS_MAIN(TestStatsComputation)
#include "tst_statscomputation.moc"
