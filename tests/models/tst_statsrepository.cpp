// Loading the dashboard's statistics input (storage/StatsRepository.h) from a
// real file written with plain SQL, so that ids and times are known: times are
// small Unix milliseconds, or days from Monday 1 January 2024 (UTC) in the round
// trip. A tally is written settled/replies/open.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/StatsRepository.h"

#include <QFileInfo>
#include <QTest>

#include <limits>
#include <tuple>

using namespace Touchline;
using namespace Touchline::ReplyStats;
using Touchline::Test::execSql;
using Touchline::Test::TestDatabase;

namespace {

// Two users and a cadence of two steps with known ids, for every row.
const QStringList commonSetup = {
    QStringLiteral("INSERT INTO users (id, name, created_at) VALUES (1, 'Maya', 0), "
                   "(2, 'Sam', 0)"),
    QStringLiteral("INSERT INTO cadences (id, name, created_at, updated_at) "
                   "VALUES (90, 'Two steps', 0, 0)"),
    QStringLiteral("INSERT INTO cadence_steps (id, cadence_id, position, channel, wait_days) "
                   "VALUES (901, 90, 1, 'email', 0), (902, 90, 2, 'phone', 3)"),
};

QString prospectRow(qint64 id, qint64 ownerId, qint64 createdAt)
{
    return QStringLiteral("INSERT INTO prospects (id, owner_id, created_at, updated_at) "
                          "VALUES (%1, %2, %3, 0)")
        .arg(id)
        .arg(ownerId ? QString::number(ownerId) : QStringLiteral("NULL"))
        .arg(createdAt);
}

// A touch without cadence step or author unless given.
QString touchRow(qint64 id, qint64 prospectId, qint64 at, const char *channel,
    const char *direction, qint64 stepId = 0, qint64 authorId = 0)
{
    const auto orNull = [](qint64 value) -> QString {
        return value ? QString::number(value) : QStringLiteral("NULL");
    };
    return QStringLiteral("INSERT INTO touches (id, prospect_id, channel, direction, outcome, "
                          "occurred_at, step_id, author_id, created_at) "
                          "VALUES (%1, %2, '%3', '%4', 'sent', %5, %6, %7, 0)")
        .arg(id)
        .arg(prospectId)
        .arg(QLatin1String(channel), QLatin1String(direction))
        .arg(at)
        .arg(orNull(stepId), orNull(authorId));
}

// An enrollment in the cadence above; endedAt 0: NULL.
QString enrollmentRow(
    qint64 id, qint64 prospectId, const char *state, qint64 enrolledAt, qint64 endedAt)
{
    return QStringLiteral("INSERT INTO enrollments (id, prospect_id, cadence_id, state, "
                          "enrolled_at, ended_at, updated_at) VALUES (%1, %2, 90, '%3', %4, %5, 0)")
        .arg(id)
        .arg(prospectId)
        .arg(QLatin1String(state))
        .arg(enrolledAt)
        .arg(endedAt ? QString::number(endedAt) : QStringLiteral("NULL"));
}

QString timeText(std::optional<qint64> ms)
{
    return ms ? QString::number(*ms) : QStringLiteral("-");
}

// One line per prospect, then one per touch, in the loaded order.
QStringList describe(const QList<ProspectHistory> &prospects)
{
    QStringList lines;
    for (const ProspectHistory &p : prospects) {
        lines.append(QStringLiteral("p%1 owner %2 created %3 ended %4")
                         .arg(p.id)
                         .arg(p.ownerId)
                         .arg(timeText(p.createdAtMs), timeText(p.cadenceEndedAtMs)));
        for (const HistoryTouch &t : p.touches)
            lines.append(
                QStringLiteral("  t%1 at %2 %3/%4 cadence %5 step %6 author %7")
                    .arg(t.id)
                    .arg(timeText(t.occurredAtMs), channelKey(t.channel), directionKey(t.direction))
                    .arg(t.cadenceId)
                    .arg(t.stepId)
                    .arg(t.authorId));
    }
    return lines;
}

const qint64 day = 24 * 3600 * 1000;
const qint64 hour = 3600 * 1000;
// Monday 1 January 2024, 00:00 UTC.
const qint64 start
    = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();

} // namespace

class TestStatsRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void load_data();
    void load();
    void roundTrip();
    void insideWriteTransaction();
    void failureNamesWhatWasRead_data();
    void failureNamesWhatWasRead();
    void labels();

private:
    bool run(const QStringList &statements);

    std::unique_ptr<TestDatabase> m_db;
};

void TestStatsRepository::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY(m_db->isValid());
}

void TestStatsRepository::cleanup()
{
    m_db.reset();
}

bool TestStatsRepository::run(const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (!execSql(m_db->db(), sql))
            return false;
    }
    return true;
}

void TestStatsRepository::load_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty file") << QStringList() << QStringList();
    QTest::newRow("prospects without touches")
        << QStringList {prospectRow(2, 1, 500), prospectRow(1, 0, 700)}
        << QStringList {QStringLiteral("p1 owner 0 created 700 ended -"),
               QStringLiteral("p2 owner 1 created 500 ended -")};
    // Inserted out of order; at the same millisecond the lower id comes first.
    // The step's cadence comes with it; a touch outside the cadence has neither.
    QTest::newRow("touch order")
        << QStringList {prospectRow(1, 2, 100), prospectRow(2, 1, 100), prospectRow(3, 1, 100),
               touchRow(12, 1, 5000, "email", "in", 0, 2),
               touchRow(11, 1, 5000, "phone", "out", 902, 1),
               touchRow(10, 1, 5000, "email", "out", 901, 2),
               touchRow(13, 1, 4000, "note", "out", 0, 0),
               touchRow(14, 3, 1000, "linkedin", "out", 0, 1)}
        << QStringList {QStringLiteral("p1 owner 2 created 100 ended -"),
               QStringLiteral("  t13 at 4000 note/out cadence 0 step 0 author 0"),
               QStringLiteral("  t10 at 5000 email/out cadence 90 step 901 author 2"),
               QStringLiteral("  t11 at 5000 phone/out cadence 90 step 902 author 1"),
               QStringLiteral("  t12 at 5000 email/in cadence 0 step 0 author 2"),
               QStringLiteral("p2 owner 1 created 100 ended -"),
               QStringLiteral("p3 owner 1 created 100 ended -"),
               QStringLiteral("  t14 at 1000 linkedin/out cadence 0 step 0 author 1")};
    // Touches far apart in the id range are read in different chunks, maybe on
    // different connections, and still join their prospect in time order.
    QTest::newRow("touch ids far apart")
        << QStringList {prospectRow(1, 1, 100), prospectRow(2, 1, 100),
               touchRow(900000, 1, 3000, "email", "in"), touchRow(1, 1, 2000, "phone", "out"),
               touchRow(450000, 2, 1000, "sms", "out"), touchRow(2, 1, 1000, "email", "out"),
               touchRow(std::numeric_limits<qint64>::max(), 2, 2000, "email", "in"),
               touchRow(std::numeric_limits<qint64>::min(), 2, 500, "email", "out")}
        << QStringList {QStringLiteral("p1 owner 1 created 100 ended -"),
               QStringLiteral("  t2 at 1000 email/out cadence 0 step 0 author 0"),
               QStringLiteral("  t1 at 2000 phone/out cadence 0 step 0 author 0"),
               QStringLiteral("  t900000 at 3000 email/in cadence 0 step 0 author 0"),
               QStringLiteral("p2 owner 1 created 100 ended -"),
               QStringLiteral("  t%1 at 500 email/out cadence 0 step 0 author 0")
                   .arg(std::numeric_limits<qint64>::min()),
               QStringLiteral("  t450000 at 1000 sms/out cadence 0 step 0 author 0"),
               QStringLiteral("  t%1 at 2000 email/in cadence 0 step 0 author 0")
                   .arg(std::numeric_limits<qint64>::max())};
    // Touches and enrollments of a prospect that is not there (written with
    // foreign keys off) are left out, below, between and above the ids, which
    // are near each other or far apart.
    const QStringList orphans = {QStringLiteral("PRAGMA foreign_keys = OFF"),
        touchRow(1, 1, 1000, "email", "out"), touchRow(2, 3, 1000, "email", "out"),
        touchRow(3, 5, 1000, "email", "out"), touchRow(4, 2, 2000, "email", "out"),
        touchRow(5, 9000000000, 1000, "email", "out"), enrollmentRow(1, 3, "stopped", 1000, 2000)};
    QTest::newRow("orphans, ids near")
        << QStringList {prospectRow(2, 0, 100), prospectRow(4, 0, 100)} + orphans
        << QStringList {QStringLiteral("p2 owner 0 created 100 ended -"),
               QStringLiteral("  t4 at 2000 email/out cadence 0 step 0 author 0"),
               QStringLiteral("p4 owner 0 created 100 ended -")};
    QTest::newRow("orphans, ids far apart")
        << QStringList {prospectRow(2, 0, 100), prospectRow(4000000000, 0, 100)} + orphans
        << QStringList {QStringLiteral("p2 owner 0 created 100 ended -"),
               QStringLiteral("  t4 at 2000 email/out cadence 0 step 0 author 0"),
               QStringLiteral("p4000000000 owner 0 created 100 ended -")};
    // Prospect ids from one end of SQLite's range to the other.
    const qint64 lowest = std::numeric_limits<qint64>::min();
    const qint64 highest = std::numeric_limits<qint64>::max();
    QTest::newRow("prospect ids spanning all integers")
        << QStringList {prospectRow(lowest, 0, 100), prospectRow(highest, 0, 100),
               touchRow(1, highest, 1000, "email", "out"), touchRow(2, lowest, 2000, "sms", "out")}
        << QStringList {QStringLiteral("p%1 owner 0 created 100 ended -").arg(lowest),
               QStringLiteral("  t2 at 2000 sms/out cadence 0 step 0 author 0"),
               QStringLiteral("p%1 owner 0 created 100 ended -").arg(highest),
               QStringLiteral("  t1 at 1000 email/out cadence 0 step 0 author 0")};
    // A channel or direction this version does not know (a newer Touchline, or
    // a hand edit) reads as an outbound email.
    QTest::newRow("unknown keys")
        << QStringList {QStringLiteral("PRAGMA ignore_check_constraints = ON"),
               prospectRow(1, 0, 100), touchRow(1, 1, 1000, "fax", "in"),
               touchRow(2, 1, 2000, "phone", "sideways"), touchRow(3, 1, 3000, "", "")}
        << QStringList {QStringLiteral("p1 owner 0 created 100 ended -"),
               QStringLiteral("  t1 at 1000 email/in cadence 0 step 0 author 0"),
               QStringLiteral("  t2 at 2000 phone/out cadence 0 step 0 author 0"),
               QStringLiteral("  t3 at 3000 email/out cadence 0 step 0 author 0")};

    // Only a stopped or opted-out latest enrollment gives its end.
    const struct
    {
        const char *state;
        qint64 endedAt;
        const char *expected;
    } endings[] = {
        {"stopped", 9000, "9000"},
        {"opted_out", 9000, "9000"},
        {"completed", 9000, "-"},
        {"replied", 9000, "-"},
        {"meeting", 9000, "-"},
        {"active", 0, "-"},
        {"paused", 0, "-"},
        {"bounced", 0, "-"},
    };
    for (const auto &ending : endings)
        QTest::addRow("latest enrollment %s", ending.state)
            << QStringList {prospectRow(1, 0, 100),
                   enrollmentRow(1, 1, ending.state, 1000, ending.endedAt)}
            << QStringList {QStringLiteral("p1 owner 0 created 100 ended %1")
                                .arg(QLatin1String(ending.expected))};
    QTest::newRow("an earlier stop does not count")
        << QStringList {prospectRow(1, 0, 100), enrollmentRow(1, 1, "stopped", 1000, 2000),
               enrollmentRow(2, 1, "completed", 3000, 4000)}
        << QStringList {QStringLiteral("p1 owner 0 created 100 ended -")};
    QTest::newRow("a later stop counts")
        << QStringList {prospectRow(1, 0, 100), enrollmentRow(2, 1, "completed", 1000, 2000),
               enrollmentRow(1, 1, "stopped", 3000, 4000)}
        << QStringList {QStringLiteral("p1 owner 0 created 100 ended 4000")};
    QTest::newRow("enrolled at the same time: the higher id is the latest")
        << QStringList {prospectRow(1, 0, 100), enrollmentRow(1, 1, "completed", 1000, 2000),
               enrollmentRow(2, 1, "opted_out", 1000, 3000)}
        << QStringList {QStringLiteral("p1 owner 0 created 100 ended 3000")};
    QTest::newRow("each prospect its own enrollment")
        << QStringList {prospectRow(1, 0, 100), prospectRow(2, 0, 100),
               enrollmentRow(1, 1, "stopped", 1000, 2000),
               enrollmentRow(2, 2, "completed", 5000, 6000)}
        << QStringList {QStringLiteral("p1 owner 0 created 100 ended 2000"),
               QStringLiteral("p2 owner 0 created 100 ended -")};
}

void TestStatsRepository::load()
{
    QFETCH(QStringList, setup);
    QFETCH(QStringList, expected);
    QVERIFY(run(commonSetup + setup));
    QList<ProspectHistory> prospects = {ProspectHistory()}; // replaced, not appended to
    Error error;
    QVERIFY2(StatsRepository(m_db->db()).load(&prospects, &error), qPrintable(error.message));
    QCOMPARE(describe(prospects), expected);
}

// P1 (Maya) replies to touch 2; P2 (Sam) never replies to three touches; P3
// (Maya) replies to touch 1; P4 (Sam) is never touched; P5 and P6 (Maya) got one
// touch five days before `now`: P5's cadence was stopped after it (settled), P6's
// completed with it (still open).
void TestStatsRepository::roundTrip()
{
    QVERIFY(run(commonSetup
        + QStringList {prospectRow(1, 1, start), prospectRow(2, 2, start), prospectRow(3, 1, start),
            prospectRow(4, 2, start), prospectRow(5, 1, start), prospectRow(6, 1, start),
            touchRow(1, 1, start + 10 * hour, "email", "out", 901, 1),
            touchRow(2, 1, start + 3 * day, "phone", "out", 902, 1),
            touchRow(3, 1, start + 4 * day, "email", "in"),
            touchRow(4, 2, start + hour / 2, "email", "out", 0, 2),
            touchRow(5, 2, start + 5 * day, "email", "out", 0, 2),
            touchRow(6, 2, start + 10 * day, "linkedin", "out", 0, 2),
            touchRow(7, 3, start + day + 9 * hour, "email", "out", 0, 1),
            touchRow(8, 3, start + 2 * day, "sms", "in"),
            touchRow(9, 5, start + 35 * day, "email", "out", 0, 1),
            touchRow(10, 6, start + 35 * day, "email", "out", 0, 1),
            enrollmentRow(1, 5, "stopped", start + 34 * day, start + 36 * day),
            enrollmentRow(2, 6, "completed", start + 34 * day, start + 35 * day)}));
    QList<ProspectHistory> prospects;
    Error error;
    QVERIFY2(StatsRepository(m_db->db()).load(&prospects, &error), qPrintable(error.message));
    QCOMPARE(prospects.size(), 6);

    Options options;
    options.now = QDateTime::fromMSecsSinceEpoch(start + 40 * day, QTimeZone::utc());
    options.maxTouchNumber = 3;
    options.zone = QTimeZone::utc();
    const Report report = compute(prospects, options);

    QCOMPARE(report.byTouchNumber.size(), 3);
    // Touch 1: P1, P2, P3 (reply), P5 settled; P6 open. Touch 2: P1 (reply), P2.
    // Touch 3+: P2, settled by time.
    QCOMPARE(report.byTouchNumber[0].tally, (Tally {4, 1, 1}));
    QCOMPARE(report.byTouchNumber[1].tally, (Tally {2, 1, 0}));
    QCOMPARE(report.byTouchNumber[2].tally, (Tally {1, 0, 0}));
    QCOMPARE(report.byTouchNumber[2].label(), QStringLiteral("3+"));
    QCOMPARE(report.replies, 2);
    QCOMPARE(report.byTouchNumber[0].gaveUp, 1); // P5
    QCOMPARE(report.byTouchNumber[1].gaveUp, 0);
    QCOMPARE(report.byTouchNumber[2].gaveUp, 1); // P2
    QCOMPARE(report.byTouchNumber[0].cumulativeReplies, 1);
    QCOMPARE(report.byTouchNumber[1].cumulativeShare, 1.0);

    QCOMPARE(report.byChannel.value(TouchChannel::Email), (Tally {5, 1, 1}));
    QCOMPARE(report.byChannel.value(TouchChannel::Phone), (Tally {1, 1, 0}));
    QCOMPARE(report.byChannel.value(TouchChannel::LinkedIn), (Tally {1, 0, 0}));
    QCOMPARE(report.byOwner.value(1), (Tally {4, 2, 1}));
    QCOMPARE(report.byOwner.value(2), (Tally {3, 0, 0}));
    QCOMPARE(report.byStep.value(901), (Tally {1, 0, 0}));
    QCOMPARE(report.byStep.value(902), (Tally {1, 1, 0}));
    QCOMPARE(report.byAuthor.value(2), (Tally {3, 0, 0}));

    // First touch after 10 h (P1), 30 min (P2), 33 h (P3), 35 days (P5, P6).
    QCOMPARE(report.speedRow(SpeedBucket::UnderHour).tally, (Tally {1, 0, 0}));
    QCOMPARE(report.speedRow(SpeedBucket::UnderDay).tally, (Tally {1, 1, 0}));
    QCOMPARE(report.speedRow(SpeedBucket::UnderWeek).tally, (Tally {1, 1, 0}));
    QCOMPARE(report.speedRow(SpeedBucket::Later).prospects, 2);
    QCOMPARE(report.speedRow(SpeedBucket::Later).tally, (Tally {1, 0, 1}));
    QCOMPARE(report.speedRow(SpeedBucket::Never).prospects, 1);
    QCOMPARE(report.medianSpeedMs, std::optional<qint64>(33 * hour));

    // Monday 10:00: P1's touch 1, settled by touch 2.
    QCOMPARE(report.atWeekHour(Qt::Monday, 10), (Tally {1, 0, 0}));
}

// Inside a write transaction its changes, not committed yet, are read too:
// all of them, though a second connection would see none.
void TestStatsRepository::insideWriteTransaction()
{
    // A cache large enough that the writer never spills changes to the file,
    // which would lock the second connection out instead.
    QVERIFY(run(commonSetup + QStringList {QStringLiteral("PRAGMA cache_size = -100000")}));
    WriteTransaction transaction(m_db->db());
    Error error;
    QVERIFY2(transaction.begin(&error), qPrintable(error.message));
    // Enough touches for the second connection to read some, were it used.
    const int touchCount = 50000;
    QVERIFY(run({prospectRow(1, 1, start),
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            "INSERT INTO touches (id, prospect_id, channel, direction, outcome, "
            "occurred_at, created_at) SELECT i, 1, 'email', 'out', 'sent', %2 + i, 0 "
            "FROM n")
            .arg(touchCount)
            .arg(start)}));
    QList<ProspectHistory> prospects;
    QVERIFY2(StatsRepository(m_db->db()).load(&prospects, &error), qPrintable(error.message));
    QCOMPARE(prospects.size(), 1);
    QCOMPARE(prospects.first().touches.size(), touchCount);
}

void TestStatsRepository::failureNamesWhatWasRead_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("action");
    QTest::newRow("prospects") << QStringLiteral("enrollments")
                               << QStringLiteral("reading the prospects for the statistics");
    QTest::newRow("steps") << QStringLiteral("cadence_steps")
                           << QStringLiteral("reading the cadence steps for the statistics");
    QTest::newRow("touches") << QStringLiteral("touches")
                             << QStringLiteral("reading the touches for the statistics");
}

// A table missing (a damaged or hand-edited file): an error naming the file
// and what was being read, and nothing loaded.
void TestStatsRepository::failureNamesWhatWasRead()
{
    QFETCH(QString, table);
    QFETCH(QString, action);
    QVERIFY(run({QStringLiteral("PRAGMA foreign_keys = OFF"), QStringLiteral("DROP TABLE ") + table,
        prospectRow(1, 1, start)}));
    QList<ProspectHistory> prospects = {ProspectHistory {}};
    Error error;
    QVERIFY(!StatsRepository(m_db->db()).load(&prospects, &error));
    QVERIFY2(error.message.contains(action), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("no such table")), qPrintable(error.message));
    QVERIFY2(
        error.message.contains(QFileInfo(m_db->db().path()).fileName()), qPrintable(error.message));
    QCOMPARE(prospects.size(), 1); // untouched
}

// Users and cadences by id; steps by cadence name, then position.
void TestStatsRepository::labels()
{
    QVERIFY(run({QStringLiteral("DELETE FROM cadences"),
        QStringLiteral(
            "INSERT INTO users (id, name, created_at) VALUES (4, 'Zoe', 0), (5, 'al', 0)"),
        QStringLiteral("INSERT INTO cadences (id, name, created_at, updated_at) "
                       "VALUES (8, 'Warm', 0, 0), (9, 'cold', 0, 0)"),
        QStringLiteral("INSERT INTO cadence_steps (id, cadence_id, position, channel, wait_days) "
                       "VALUES (30, 8, 2, 'phone', 2), (31, 8, 1, 'email', 0), "
                       "(32, 9, 1, 'sms', 0)")}));
    ReportTables::Labels labels;
    Error error;
    QVERIFY2(StatsRepository(m_db->db()).loadLabels(&labels, &error), qPrintable(error.message));
    QCOMPARE(labels.owners,
        (QHash<qint64, QString> {{4, QStringLiteral("Zoe")}, {5, QStringLiteral("al")}}));
    QCOMPARE(labels.cadences,
        (QHash<qint64, QString> {{8, QStringLiteral("Warm")}, {9, QStringLiteral("cold")}}));
    QList<std::tuple<qint64, QString, int, TouchChannel>> steps;
    for (const ReportTables::StepLabel &step : std::as_const(labels.steps))
        steps.append({step.id, step.cadence, step.position, step.channel});
    QCOMPARE(steps,
        (QList<std::tuple<qint64, QString, int, TouchChannel>> {
            {32, QStringLiteral("cold"), 1, TouchChannel::Sms},
            {31, QStringLiteral("Warm"), 1, TouchChannel::Email},
            {30, QStringLiteral("Warm"), 2, TouchChannel::Phone}}));
}

QTEST_GUILESS_MAIN(TestStatsRepository)
#include "tst_statsrepository.moc"
