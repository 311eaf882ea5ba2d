// The cadence engine: domain/CadenceEngine.h. Every expectation is an exact
// instant, written in UTC so that no test depends on how a Qt version resolves
// local times.

#include "domain/CadenceEngine.h"

#include <QTest>

using namespace Touchline;

namespace {

struct Scenario
{
    Cadence cadence;
    EnrollmentFacts enrollment;
    ProspectFacts prospect;
    QList<Touch> history;
    QTimeZone fallback;
};

} // namespace

Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(Touchline::EnrollmentStatus)
Q_DECLARE_METATYPE(Touchline::CadenceStep)

namespace {

using S = EnrollmentState;
using C = TouchChannel;
using D = TouchDirection;
using O = TouchOutcome;

constexpr qint64 enrollmentId = 7;

QDateTime utc(
    int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

// January 2025, UTC: the 6th is a Monday.
QDateTime jan(int day, int hour = 0, int minute = 0)
{
    return utc(2025, 1, day, hour, minute);
}

QTimeZone paris()
{
    return QTimeZone("Europe/Paris");
}

QTimeZone newYork()
{
    return QTimeZone("America/New_York");
}

CadenceStep stepOf(qint64 id, C channel, int waitDays, bool businessDays = false,
    int windowStart = -1, int windowEnd = -1)
{
    CadenceStep step;
    step.id = id;
    step.channel = channel;
    step.waitDays = waitDays;
    step.businessDays = businessDays;
    step.windowStartMinute = windowStart;
    step.windowEndMinute = windowEnd;
    return step;
}

Cadence cadenceOf(const QList<CadenceStep> &steps)
{
    Cadence cadence;
    cadence.id = 3;
    cadence.name = QStringLiteral("Test cadence");
    cadence.steps = steps;
    for (int i = 0; i < cadence.steps.size(); ++i)
        cadence.steps[i].position = i + 1;
    return cadence;
}

// 11: email at once; 12: call 3 days later, 09:00-17:00; 13: LinkedIn 2
// business days later; 14: email 7 days later, 08:00-10:00.
Cadence standardCadence()
{
    return cadenceOf({stepOf(11, C::Email, 0), stepOf(12, C::Phone, 3, false, 540, 1020),
        stepOf(13, C::LinkedIn, 2, true), stepOf(14, C::Email, 7, false, 480, 600)});
}

Touch touchOf(qint64 id, const QDateTime &at, C channel, D direction, O outcome)
{
    Touch touch;
    touch.id = id;
    touch.prospectId = 1;
    touch.channel = channel;
    touch.direction = direction;
    touch.outcome = outcome;
    touch.occurredAt = at;
    touch.createdAt = at;
    return touch;
}

// A touch that does a step of this enrollment.
Touch stepTouch(
    qint64 id, const QDateTime &at, qint64 stepId, C channel = C::Email, O outcome = O::Sent)
{
    Touch touch = touchOf(id, at, channel, D::Out, outcome);
    touch.enrollmentId = enrollmentId;
    touch.stepId = stepId;
    return touch;
}

Touch reply(qint64 id, const QDateTime &at, C channel = C::Email)
{
    return touchOf(id, at, channel, D::In, O::Replied);
}

const Touch step11Done = stepTouch(101, jan(6, 9, 30), 11);
const Touch step12Done = stepTouch(102, jan(9, 10), 12, C::Phone, O::Connected);
const Touch step13Done = stepTouch(103, jan(13, 11), 13, C::LinkedIn);
const Touch step14Done = stepTouch(104, jan(20, 8, 30), 14);

Scenario scenarioOf(const Cadence &cadence, const QDateTime &enrolledAt,
    const QList<Touch> &history = {}, const QTimeZone &fallback = QTimeZone::utc())
{
    Scenario scenario;
    scenario.cadence = cadence;
    scenario.enrollment.enrollmentId = enrollmentId;
    scenario.enrollment.enrolledAt = enrolledAt;
    scenario.history = history;
    scenario.fallback = fallback;
    return scenario;
}

// The standard cadence, enrolled on Monday 6 January 2025 at 09:00 UTC.
Scenario standard(const QList<Touch> &history = {})
{
    return scenarioOf(standardCadence(), jan(6, 9), history);
}

// One step (id 21) with these timings.
Scenario oneStep(const QDateTime &enrolledAt, int waitDays, bool businessDays = false,
    int windowStart = -1, int windowEnd = -1, const QTimeZone &fallback = QTimeZone::utc())
{
    return scenarioOf(
        cadenceOf({stepOf(21, C::Email, waitDays, businessDays, windowStart, windowEnd)}),
        enrolledAt, {}, fallback);
}

EnrollmentStatus dueAt(int position, qint64 stepId, const QDateTime &due,
    const QDateTime &windowEndsAt = QDateTime(), DueReason reason = DueReason::Schedule,
    const QTimeZone &zone = QTimeZone::utc())
{
    EnrollmentStatus status;
    status.state = S::Active;
    status.nextPosition = position;
    status.nextStepId = stepId;
    status.dueAt = due;
    status.windowEndsAt = windowEndsAt;
    status.dueReason = reason;
    status.zone = zone;
    return status;
}

// Step 21 of oneStep() due then.
EnrollmentStatus oneStepDue(const QDateTime &due, const QDateTime &windowEndsAt = QDateTime(),
    const QTimeZone &zone = QTimeZone::utc())
{
    return dueAt(1, 21, due, windowEndsAt, DueReason::Schedule, zone);
}

EnrollmentStatus endedAs(
    S state, const QDateTime &endedAt, qint64 cause, int position, qint64 stepId)
{
    EnrollmentStatus status;
    status.state = state;
    status.endedAt = endedAt;
    status.cause = cause;
    status.nextPosition = position;
    status.nextStepId = stepId;
    status.zone = QTimeZone::utc();
    return status;
}

// Paused or Bounced: running, nothing due.
EnrollmentStatus heldAs(S state, qint64 cause, int position, qint64 stepId)
{
    EnrollmentStatus status;
    status.state = state;
    status.cause = cause;
    status.nextPosition = position;
    status.nextStepId = stepId;
    status.zone = QTimeZone::utc();
    return status;
}

void addScenarioColumns()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<EnrollmentStatus>("expected");
}

} // namespace

class TestCadenceEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addBusinessDays_data();
    void addBusinessDays();
    void moveIntoWindow_data();
    void moveIntoWindow();
    void zoneFor_data();
    void zoneFor();
    void waits_data();
    void waits() { runScenario(); }
    void windows_data();
    void windows() { runScenario(); }
    void timeZones_data();
    void timeZones() { runScenario(); }
    void daylightSaving_data();
    void daylightSaving() { runScenario(); }
    void progress_data();
    void progress() { runScenario(); }
    void endings_data();
    void endings() { runScenario(); }
    void simultaneousEvents_data();
    void simultaneousEvents() { runScenario(); }
    void backDatedTouches_data();
    void backDatedTouches() { runScenario(); }
    void pauseAndBounce_data();
    void pauseAndBounce() { runScenario(); }
    void agreedDate_data();
    void agreedDate() { runScenario(); }
    void snooze_data();
    void snooze() { runScenario(); }
    void skips_data();
    void skips() { runScenario(); }
    void cadenceEdits_data();
    void cadenceEdits() { runScenario(); }
    void statusEquality();

private:
    void runScenario();
};

void TestCadenceEngine::runScenario()
{
    QFETCH(Scenario, scenario);
    QFETCH(EnrollmentStatus, expected);
    const EnrollmentStatus status = CadenceEngine::evaluate(scenario.cadence, scenario.enrollment,
        scenario.prospect, scenario.history, scenario.fallback);
    QCOMPARE(enrollmentStateKey(status.state), enrollmentStateKey(expected.state));
    QCOMPARE(status.nextPosition, expected.nextPosition);
    QCOMPARE(status.nextStepId, expected.nextStepId);
    QCOMPARE(status.endedAt, expected.endedAt);
    QCOMPARE(status.cause, expected.cause);
    QCOMPARE(status.dueAt, expected.dueAt);
    QCOMPARE(status.windowEndsAt, expected.windowEndsAt);
    QCOMPARE(int(status.dueReason), int(expected.dueReason));
    QCOMPARE(status.zone.id(), expected.zone.id());
    QVERIFY(status == expected);
    if (status.dueAt.isValid())
        QCOMPARE(status.dueAt.offsetFromUtc(), 0);

    // The order the history comes in does not matter.
    const QList<Touch> reversed(scenario.history.crbegin(), scenario.history.crend());
    QCOMPARE(CadenceEngine::evaluate(scenario.cadence, scenario.enrollment, scenario.prospect,
                 reversed, scenario.fallback),
        status);
}

void TestCadenceEngine::addBusinessDays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("expected");
    const QDate monday(2025, 1, 6);
    QTest::newRow("Monday + 0") << monday << 0 << monday;
    QTest::newRow("Saturday + 0 stays") << QDate(2025, 1, 11) << 0 << QDate(2025, 1, 11);
    QTest::newRow("Monday + 1") << monday << 1 << QDate(2025, 1, 7);
    QTest::newRow("Monday + 4") << monday << 4 << QDate(2025, 1, 10);
    QTest::newRow("Monday + 5") << monday << 5 << QDate(2025, 1, 13);
    QTest::newRow("Monday + 10") << monday << 10 << QDate(2025, 1, 20);
    QTest::newRow("Thursday + 2") << QDate(2025, 1, 9) << 2 << QDate(2025, 1, 13);
    QTest::newRow("Friday + 1") << QDate(2025, 1, 10) << 1 << QDate(2025, 1, 13);
    QTest::newRow("Friday + 5") << QDate(2025, 1, 10) << 5 << QDate(2025, 1, 17);
    QTest::newRow("Saturday + 1") << QDate(2025, 1, 11) << 1 << QDate(2025, 1, 13);
    QTest::newRow("Sunday + 1") << QDate(2025, 1, 12) << 1 << QDate(2025, 1, 13);
    QTest::newRow("Sunday + 5") << QDate(2025, 1, 12) << 5 << QDate(2025, 1, 17);
    QTest::newRow("month end") << QDate(2025, 1, 30) << 2 << QDate(2025, 2, 3);
    QTest::newRow("year end") << QDate(2024, 12, 27) << 3 << QDate(2025, 1, 1);
    QTest::newRow("New Year's Eve") << QDate(2025, 12, 31) << 2 << QDate(2026, 1, 2);
    QTest::newRow("leap day") << QDate(2024, 2, 29) << 1 << QDate(2024, 3, 1);
    QTest::newRow("52 weeks") << monday << 260 << QDate(2026, 1, 5);
}

void TestCadenceEngine::addBusinessDays()
{
    QFETCH(QDate, date);
    QFETCH(int, days);
    QFETCH(QDate, expected);
    QCOMPARE(CadenceEngine::addBusinessDays(date, days), expected);
}

void TestCadenceEngine::moveIntoWindow_data()
{
    QTest::addColumn<QDateTime>("earliest");
    QTest::addColumn<CadenceStep>("step");
    QTest::addColumn<QTimeZone>("zone");
    QTest::addColumn<QDateTime>("expected");

    // 08:00-10:00 in Paris is 07:00-09:00 UTC in January.
    const CadenceStep morning = stepOf(1, C::Email, 0, false, 480, 600);
    const CadenceStep businessMorning = stepOf(1, C::Email, 0, true, 480, 600);
    const CadenceStep anyTime = stepOf(1, C::Email, 0);
    const CadenceStep businessAnyTime = stepOf(1, C::Email, 0, true);
    const QTimeZone zone = paris();
    QTest::newRow("before the window") << jan(8, 6, 30) << morning << zone << jan(8, 7);
    QTest::newRow("at the start") << jan(8, 7) << morning << zone << jan(8, 7);
    QTest::newRow("inside") << utc(2025, 1, 8, 8, 15, 30) << morning << zone
                            << utc(2025, 1, 8, 8, 15, 30);
    QTest::newRow("last millisecond")
        << utc(2025, 1, 8, 8, 59, 59, 999) << morning << zone << utc(2025, 1, 8, 8, 59, 59, 999);
    QTest::newRow("at the end, which is excluded") << jan(8, 9) << morning << zone << jan(9, 7);
    QTest::newRow("after") << jan(8, 15) << morning << zone << jan(9, 7);
    QTest::newRow("after, on a Saturday") << jan(11, 15) << morning << zone << jan(12, 7);
    QTest::newRow("after local midnight") << jan(8, 23, 30) << morning << zone << jan(9, 7);
    QTest::newRow("given in local time")
        << QDateTime(QDate(2025, 1, 8), QTime(7, 30), zone) << morning << zone << jan(8, 7);
    QTest::newRow("no window") << jan(8, 15) << anyTime << zone << jan(8, 15);
    QTest::newRow("no window, Saturday") << jan(11, 15) << anyTime << zone << jan(11, 15);
    QTest::newRow("business, Friday after the window")
        << jan(10, 9, 30) << businessMorning << zone << jan(13, 7);
    QTest::newRow("business, Friday inside")
        << jan(10, 8, 30) << businessMorning << zone << jan(10, 8, 30);
    QTest::newRow("business, Saturday") << jan(11, 5) << businessMorning << zone << jan(13, 7);
    QTest::newRow("business, Sunday evening")
        << jan(12, 22) << businessMorning << zone << jan(13, 7);
    QTest::newRow("business, no window, Sunday")
        << jan(12, 10) << businessAnyTime << zone << jan(12, 23);
    QTest::newRow("business, no window, late Friday")
        << jan(10, 22, 59) << businessAnyTime << zone << jan(10, 22, 59);
    QTest::newRow("business, no window, Friday just after midnight")
        << jan(10, 23) << businessAnyTime << zone << jan(12, 23);
    const CadenceStep lateEvening = stepOf(1, C::Email, 0, false, 1320, 1440);
    QTest::newRow("window to midnight, inside")
        << jan(8, 22, 30) << lateEvening << zone << jan(8, 22, 30);
    QTest::newRow("window to midnight, before") << jan(8, 12) << lateEvening << zone << jan(8, 21);
    QTest::newRow("window to midnight, after") << jan(8, 23) << lateEvening << zone << jan(9, 21);
    // 09:00-17:00 New York (UTC-5 in January), whatever zone the time is given in.
    const CadenceStep office = stepOf(1, C::Phone, 0, false, 540, 1020);
    QTest::newRow("New York office hours")
        << QDateTime(QDate(2025, 1, 8), QTime(10, 0), paris()) << office << newYork() << jan(8, 14);
    QTest::newRow("UTC office hours") << jan(8, 17) << office << QTimeZone::utc() << jan(9, 9);
    // 02:30 on 30 March 2025 does not exist in Paris: 02:00 CET became 03:00 CEST.
    const CadenceStep nightOwl = stepOf(1, C::Email, 0, false, 150, 240);
    QTest::newRow("window start in the gap")
        << utc(2025, 3, 30, 0, 10) << nightOwl << zone << utc(2025, 3, 30, 1, 0);
    QTest::newRow("inside after the gap")
        << utc(2025, 3, 30, 1, 20) << nightOwl << zone << utc(2025, 3, 30, 1, 20);
    QTest::newRow("after, the day after the gap")
        << utc(2025, 3, 30, 2, 0) << nightOwl << zone << utc(2025, 3, 31, 0, 30);
    QTest::newRow("invalid") << QDateTime() << morning << zone << QDateTime();
}

void TestCadenceEngine::moveIntoWindow()
{
    QFETCH(QDateTime, earliest);
    QFETCH(CadenceStep, step);
    QFETCH(QTimeZone, zone);
    QFETCH(QDateTime, expected);
    const QDateTime moved = CadenceEngine::moveIntoWindow(earliest, step, zone);
    QCOMPARE(moved, expected);
    if (expected.isValid())
        QCOMPARE(moved.offsetFromUtc(), 0);
}

void TestCadenceEngine::zoneFor_data()
{
    QTest::addColumn<QString>("timeZoneId");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("New York") << QStringLiteral("America/New_York")
                              << QByteArray("America/New_York");
    QTest::newRow("Tokyo") << QStringLiteral("Asia/Tokyo") << QByteArray("Asia/Tokyo");
    QTest::newRow("UTC") << QStringLiteral("UTC") << QByteArray("UTC");
    QTest::newRow("empty") << QString() << QByteArray("Europe/Paris");
    QTest::newRow("unknown") << QStringLiteral("Mars/Olympus_Mons") << QByteArray("Europe/Paris");
    QTest::newRow("garbage") << QStringLiteral("not a zone") << QByteArray("Europe/Paris");
}

void TestCadenceEngine::zoneFor()
{
    QFETCH(QString, timeZoneId);
    QFETCH(QByteArray, expected);
    ProspectFacts prospect;
    prospect.timeZoneId = timeZoneId;
    const QTimeZone zone = CadenceEngine::zoneFor(prospect, paris());
    QVERIFY(zone.isValid());
    QCOMPARE(zone.id(), expected);
}

void TestCadenceEngine::waits_data()
{
    addScenarioColumns();
    // One step, no window, UTC: the due time is the start of a day.
    QTest::newRow("3 calendar days") << oneStep(jan(6, 10, 17), 3) << oneStepDue(jan(9));
    QTest::newRow("calendar days ignore weekends")
        << oneStep(jan(10, 15), 2) << oneStepDue(jan(12));
    QTest::newRow("month end") << oneStep(jan(30, 15), 3) << oneStepDue(utc(2025, 2, 2));
    QTest::newRow("leap year February")
        << oneStep(utc(2024, 2, 27, 12), 3) << oneStepDue(utc(2024, 3, 1));
    QTest::newRow("leap day") << oneStep(utc(2024, 2, 28, 12), 1) << oneStepDue(utc(2024, 2, 29));
    QTest::newRow("common year February")
        << oneStep(utc(2025, 2, 27, 12), 2) << oneStepDue(utc(2025, 3, 1));
    QTest::newRow("year end") << oneStep(utc(2024, 12, 30, 8), 5) << oneStepDue(jan(4));
    QTest::newRow("New Year's Eve late")
        << oneStep(utc(2024, 12, 31, 23, 59), 1) << oneStepDue(jan(1));
    QTest::newRow("the longest wait") << oneStep(jan(6, 12), 365) << oneStepDue(utc(2026, 1, 6));
    QTest::newRow("2 business days from Thursday")
        << oneStep(jan(9, 12), 2, true) << oneStepDue(jan(13));
    QTest::newRow("1 business day from Friday")
        << oneStep(jan(10, 12), 1, true) << oneStepDue(jan(13));
    QTest::newRow("5 business days from Friday")
        << oneStep(jan(10, 12), 5, true) << oneStepDue(jan(17));
    QTest::newRow("1 business day from Saturday")
        << oneStep(jan(11, 12), 1, true) << oneStepDue(jan(13));
    QTest::newRow("1 business day from Sunday")
        << oneStep(jan(12, 12), 1, true) << oneStepDue(jan(13));
    QTest::newRow("business days over month end")
        << oneStep(jan(30, 12), 2, true) << oneStepDue(utc(2025, 2, 3));
    QTest::newRow("business days over year end")
        << oneStep(utc(2024, 12, 27, 12), 3, true) << oneStepDue(jan(1));
    QTest::newRow("business days over New Year's Eve")
        << oneStep(utc(2025, 12, 31, 12), 2, true) << oneStepDue(utc(2026, 1, 2));
    QTest::newRow("wait 0 is the base itself") << oneStep(utc(2025, 1, 6, 10, 17, 23, 456), 0)
                                               << oneStepDue(utc(2025, 1, 6, 10, 17, 23, 456));
    QTest::newRow("wait 0 on a Saturday") << oneStep(jan(11, 10), 0) << oneStepDue(jan(11, 10));
    QTest::newRow("wait 0 in business days on a Saturday")
        << oneStep(jan(11, 10), 0, true) << oneStepDue(jan(13));
    QTest::newRow("wait 0 in business days on a Wednesday")
        << oneStep(jan(8, 10), 0, true) << oneStepDue(jan(8, 10));
    // 23:30 UTC on the 6th is already the 7th in Paris: a day later is the 8th.
    QTest::newRow("the base's local date counts") << oneStep(
        jan(6, 23, 30), 1, false, -1, -1, paris()) << oneStepDue(jan(7, 23), QDateTime(), paris());
    QTest::newRow("the same base in UTC") << oneStep(jan(6, 23, 30), 1) << oneStepDue(jan(7));

    // What moves the base: the last numbered outbound touch, in or outside the cadence.
    Scenario scenario = oneStep(jan(6, 10), 3);
    scenario.history = {touchOf(1, jan(8, 16), C::Phone, D::Out, O::NoAnswer)};
    QTest::newRow("a call outside the cadence moves the base") << scenario << oneStepDue(jan(11));
    scenario.history = {touchOf(1, jan(8, 16), C::LinkedIn, D::Out, O::Accepted),
        touchOf(2, jan(7, 16), C::Sms, D::Out, O::Sent)};
    QTest::newRow("the last numbered touch") << scenario << oneStepDue(jan(11));
    scenario.history = {touchOf(1, jan(8, 16), C::Note, D::Out, O::Noted)};
    QTest::newRow("a note does not move the base") << scenario << oneStepDue(jan(9));
    scenario.history = {touchOf(1, jan(5, 16), C::Email, D::Out, O::Sent)};
    QTest::newRow("a touch before enrolling does not either") << scenario << oneStepDue(jan(9));
}

void TestCadenceEngine::windows_data()
{
    addScenarioColumns();
    // One step due 2 days after enrolling, 08:00-10:00 UTC.
    QTest::newRow("day start is before the window")
        << oneStep(jan(6, 12), 2, false, 480, 600) << oneStepDue(jan(8, 8), jan(8, 10));
    // Wait 0 keeps the time of day, so the window decides.
    QTest::newRow("before") << oneStep(jan(6, 7, 15), 0, false, 480, 600)
                            << oneStepDue(jan(6, 8), jan(6, 10));
    QTest::newRow("at the start") << oneStep(jan(6, 8), 0, false, 480, 600)
                                  << oneStepDue(jan(6, 8), jan(6, 10));
    QTest::newRow("inside") << oneStep(jan(6, 9, 41), 0, false, 480, 600)
                            << oneStepDue(jan(6, 9, 41), jan(6, 10));
    QTest::newRow("a minute before the end")
        << oneStep(jan(6, 9, 59), 0, false, 480, 600) << oneStepDue(jan(6, 9, 59), jan(6, 10));
    QTest::newRow("at the end minute, which is excluded")
        << oneStep(jan(6, 10), 0, false, 480, 600) << oneStepDue(jan(7, 8), jan(7, 10));
    QTest::newRow("after") << oneStep(jan(6, 16), 0, false, 480, 600)
                           << oneStepDue(jan(7, 8), jan(7, 10));
    QTest::newRow("after on a Friday, calendar days")
        << oneStep(jan(10, 16), 0, false, 480, 600) << oneStepDue(jan(11, 8), jan(11, 10));
    QTest::newRow("after on a Friday, business days")
        << oneStep(jan(10, 16), 0, true, 480, 600) << oneStepDue(jan(13, 8), jan(13, 10));
    QTest::newRow("1 business day from Thursday evening")
        << oneStep(jan(9, 16), 1, true, 480, 600) << oneStepDue(jan(10, 8), jan(10, 10));
    QTest::newRow("no window") << oneStep(jan(6, 16), 0) << oneStepDue(jan(6, 16));
    // Half a window is no window.
    QTest::newRow("start only") << oneStep(jan(6, 16), 0, false, 480, -1) << oneStepDue(jan(6, 16));
    QTest::newRow("window to midnight")
        << oneStep(jan(6, 23), 0, false, 1320, 1440) << oneStepDue(jan(6, 23), jan(7));
}

void TestCadenceEngine::timeZones_data()
{
    addScenarioColumns();
    // A call 1 day after enrolling, 09:00-17:00 in the prospect's zone.
    Scenario scenario = oneStep(jan(6, 12), 1, false, 540, 1020, paris());
    scenario.prospect.timeZoneId = QStringLiteral("America/New_York");
    QTest::newRow("prospect in New York")
        << scenario << oneStepDue(jan(7, 14), jan(7, 22), newYork());
    scenario.prospect.timeZoneId.clear();
    QTest::newRow("no zone: the user's") << scenario << oneStepDue(jan(7, 8), jan(7, 16), paris());
    scenario.prospect.timeZoneId = QStringLiteral("Mars/Olympus_Mons");
    QTest::newRow("unknown zone: the user's")
        << scenario << oneStepDue(jan(7, 8), jan(7, 16), paris());
    scenario.prospect.timeZoneId = QStringLiteral("Asia/Tokyo");
    // 12:00 UTC is 21:00 in Tokyo; the next day's 09:00 JST is 00:00 UTC on the 7th.
    QTest::newRow("prospect in Tokyo")
        << scenario << oneStepDue(jan(7), jan(7, 8), QTimeZone("Asia/Tokyo"));
    // 03:00 UTC on the 7th is still the 6th in New York (22:00).
    scenario = oneStep(jan(7, 3), 1, false, 540, 1020, paris());
    scenario.prospect.timeZoneId = QStringLiteral("America/New_York");
    QTest::newRow("the prospect's date counts")
        << scenario << oneStepDue(jan(7, 14), jan(7, 22), newYork());
    scenario.prospect.timeZoneId.clear();
    QTest::newRow("the same base in Paris")
        << scenario << oneStepDue(jan(8, 8), jan(8, 16), paris());
}

void TestCadenceEngine::daylightSaving_data()
{
    addScenarioColumns();
    // Enrolled at noon UTC the day before, due the next day at 08:00 local (08:00-10:00).
    const struct
    {
        const char *name;
        const char *zone;
        QDate day;
        QDateTime due;
        QDateTime windowEnds;
    } mornings[] = {
        {"Paris, Saturday before spring forward", "Europe/Paris", QDate(2025, 3, 29),
            utc(2025, 3, 29, 7), utc(2025, 3, 29, 9)},
        {"Paris, spring-forward Sunday", "Europe/Paris", QDate(2025, 3, 30), utc(2025, 3, 30, 6),
            utc(2025, 3, 30, 8)},
        {"Paris, Monday after spring forward", "Europe/Paris", QDate(2025, 3, 31),
            utc(2025, 3, 31, 6), utc(2025, 3, 31, 8)},
        {"Paris, Saturday before fall back", "Europe/Paris", QDate(2025, 10, 25),
            utc(2025, 10, 25, 6), utc(2025, 10, 25, 8)},
        {"Paris, fall-back Sunday", "Europe/Paris", QDate(2025, 10, 26), utc(2025, 10, 26, 7),
            utc(2025, 10, 26, 9)},
        {"Paris, Monday after fall back", "Europe/Paris", QDate(2025, 10, 27), utc(2025, 10, 27, 7),
            utc(2025, 10, 27, 9)},
        {"New York, Saturday before spring forward", "America/New_York", QDate(2025, 3, 8),
            utc(2025, 3, 8, 13), utc(2025, 3, 8, 15)},
        {"New York, spring-forward Sunday", "America/New_York", QDate(2025, 3, 9),
            utc(2025, 3, 9, 12), utc(2025, 3, 9, 14)},
        {"New York, Monday after spring forward", "America/New_York", QDate(2025, 3, 10),
            utc(2025, 3, 10, 12), utc(2025, 3, 10, 14)},
        {"New York, Saturday before fall back", "America/New_York", QDate(2025, 11, 1),
            utc(2025, 11, 1, 12), utc(2025, 11, 1, 14)},
        {"New York, fall-back Sunday", "America/New_York", QDate(2025, 11, 2), utc(2025, 11, 2, 13),
            utc(2025, 11, 2, 15)},
        {"New York, Monday after fall back", "America/New_York", QDate(2025, 11, 3),
            utc(2025, 11, 3, 13), utc(2025, 11, 3, 15)},
    };
    for (const auto &morning : mornings) {
        const QDateTime enrolledAt(morning.day.addDays(-1), QTime(12, 0), QTimeZone::utc());
        Scenario scenario = oneStep(enrolledAt, 1, false, 480, 600, paris());
        scenario.prospect.timeZoneId = QString::fromLatin1(morning.zone);
        QTest::newRow(morning.name)
            << scenario
            << oneStepDue(morning.due, morning.windowEnds, QTimeZone(QByteArray(morning.zone)));
    }

    // Days are local days: 23 hours long in spring, 25 in autumn.
    QTest::newRow("Paris, start of the spring-forward day") << oneStep(utc(2025, 3, 29, 12), 1,
        false, -1, -1, paris()) << oneStepDue(utc(2025, 3, 29, 23), QDateTime(), paris());
    QTest::newRow("Paris, start of the day after") << oneStep(utc(2025, 3, 30, 12), 1, false, -1,
        -1, paris()) << oneStepDue(utc(2025, 3, 30, 22), QDateTime(), paris());
    QTest::newRow("Paris, start of the day after fall back") << oneStep(utc(2025, 10, 26, 12), 1,
        false, -1, -1, paris()) << oneStepDue(utc(2025, 10, 26, 23), QDateTime(), paris());
    QTest::newRow("Paris, 3 days over spring forward") << oneStep(utc(2025, 3, 28, 12), 3, false,
        480, 600, paris()) << oneStepDue(utc(2025, 3, 31, 6), utc(2025, 3, 31, 8), paris());
    QTest::newRow("Paris, 1 business day over spring forward") << oneStep(utc(2025, 3, 28, 12), 1,
        true, 480, 600, paris()) << oneStepDue(utc(2025, 3, 31, 6), utc(2025, 3, 31, 8), paris());

    // A window start the clocks skipped is the first instant after the jump.
    QTest::newRow("Paris, window starts at 02:30 in the gap") << oneStep(utc(2025, 3, 29, 12), 1,
        false, 150, 240, paris()) << oneStepDue(utc(2025, 3, 30, 1), utc(2025, 3, 30, 2), paris());
    QTest::newRow("Paris, 02:30 the day before") << oneStep(utc(2025, 3, 28, 12), 1, false, 150,
        240, paris()) << oneStepDue(utc(2025, 3, 29, 1, 30), utc(2025, 3, 29, 3), paris());
    Scenario gap = oneStep(utc(2025, 3, 8, 17), 1, false, 150, 240, paris());
    gap.prospect.timeZoneId = QStringLiteral("America/New_York");
    QTest::newRow("New York, window starts at 02:30 in the gap")
        << gap << oneStepDue(utc(2025, 3, 9, 7), utc(2025, 3, 9, 8), newYork());
    // A window start the clocks showed twice is its first occurrence (CEST).
    QTest::newRow("Paris, window starts at 02:30 in the repeated hour")
        << oneStep(utc(2025, 10, 25, 12), 1, false, 150, 240, paris())
        << oneStepDue(utc(2025, 10, 26, 0, 30), utc(2025, 10, 26, 3), paris());
}

void TestCadenceEngine::progress_data()
{
    addScenarioColumns();
    QTest::newRow("nothing done: step 1 at once") << standard() << dueAt(1, 11, jan(6, 9));
    QTest::newRow("step 1 done: call 3 days later in the window")
        << standard({step11Done}) << dueAt(2, 12, jan(9, 9), jan(9, 17));
    QTest::newRow("step 2 done: 2 business days from Thursday")
        << standard({step11Done, step12Done}) << dueAt(3, 13, jan(13));
    QTest::newRow("step 3 done: 7 days, 08:00-10:00")
        << standard({step11Done, step12Done, step13Done}) << dueAt(4, 14, jan(20, 8), jan(20, 10));
    QTest::newRow("last step done: completed")
        << standard({step11Done, step12Done, step13Done, step14Done})
        << endedAs(S::Completed, jan(20, 8, 30), 104, 5, 0);
    QTest::newRow("a step done out of order")
        << standard({step11Done, stepTouch(105, jan(9, 10), 13)})
        << dueAt(4, 14, jan(16, 8), jan(16, 10));
    QTest::newRow("an earlier step done again does not go back")
        << standard({step11Done, step12Done, step13Done, stepTouch(105, jan(14, 10), 11)})
        << dueAt(4, 14, jan(21, 8), jan(21, 10));
    QTest::newRow("empty cadence completes at enrolling")
        << scenarioOf(cadenceOf({}), jan(6, 9)) << endedAs(S::Completed, jan(6, 9), 0, 1, 0);
    QTest::newRow("empty cadence, whatever happens later") << scenarioOf(cadenceOf({}), jan(6, 9),
        {reply(201, jan(7, 12))}) << endedAs(S::Completed, jan(6, 9), 0, 1, 0);
}

void TestCadenceEngine::endings_data()
{
    addScenarioColumns();
    for (C channel : stepChannels()) {
        QTest::addRow("reply by %s", qPrintable(channelKey(channel)))
            << standard({step11Done, reply(201, jan(7, 12), channel)})
            << endedAs(S::Replied, jan(7, 12), 201, 2, 12);
    }
    QTest::newRow("reply outside any enrollment, before any step")
        << standard({reply(201, jan(6, 9, 5))}) << endedAs(S::Replied, jan(6, 9, 5), 201, 1, 11);
    const struct
    {
        const char *name;
        C channel;
        D direction;
        O outcome;
        S state;
    } touches[] = {
        {"inbound email books a meeting", C::Email, D::In, O::MeetingBooked, S::Meeting},
        {"inbound LinkedIn books a meeting", C::LinkedIn, D::In, O::MeetingBooked, S::Meeting},
        {"our call books a meeting", C::Phone, D::Out, O::MeetingBooked, S::Meeting},
        {"meeting booked by us", C::Meeting, D::Out, O::MeetingBooked, S::Meeting},
        {"meeting held", C::Meeting, D::Out, O::MeetingHeld, S::Meeting},
        {"inbound meeting", C::Meeting, D::In, O::MeetingBooked, S::Meeting},
        {"opt-out by email", C::Email, D::In, O::OptedOut, S::OptedOut},
        {"opt-out by SMS", C::Sms, D::In, O::OptedOut, S::OptedOut},
        {"opt-out on our call", C::Phone, D::Out, O::OptedOut, S::OptedOut},
        {"opt-out in a note", C::Note, D::Out, O::OptedOut, S::OptedOut},
    };
    for (const auto &touch : touches) {
        QTest::newRow(touch.name) << standard(
            {step11Done, touchOf(201, jan(7, 12), touch.channel, touch.direction, touch.outcome)})
                                  << endedAs(touch.state, jan(7, 12), 201, 2, 12);
    }
    QTest::newRow("the call of step 2 books a meeting")
        << standard({step11Done, stepTouch(201, jan(9, 10), 12, C::Phone, O::MeetingBooked)})
        << endedAs(S::Meeting, jan(9, 10), 201, 3, 13);
    QTest::newRow("the last step's call books a meeting")
        << standard({step11Done, step12Done, step13Done,
               stepTouch(201, jan(20, 9), 14, C::Phone, O::MeetingBooked)})
        << endedAs(S::Meeting, jan(20, 9), 201, 5, 0);

    // Touches that do not end it: the base moves for numbered ones only.
    const struct
    {
        const char *name;
        C channel;
        O outcome;
        QDateTime due;
    } ongoing[] = {
        {"email sent", C::Email, O::Sent, jan(10, 9)},
        {"call connected", C::Phone, O::Connected, jan(10, 9)},
        {"voicemail", C::Phone, O::Voicemail, jan(10, 9)},
        {"LinkedIn accepted", C::LinkedIn, O::Accepted, jan(10, 9)},
        {"a note", C::Note, O::Noted, jan(9, 9)},
    };
    for (const auto &touch : ongoing) {
        QTest::newRow(touch.name) << standard(
            {step11Done, touchOf(201, jan(7, 12), touch.channel, D::Out, touch.outcome)})
                                  << dueAt(2, 12, touch.due, touch.due.addSecs(8 * 3600));
    }

    Scenario scenario = standard({step11Done});
    scenario.prospect.doNotContactSince = jan(8, 10);
    QTest::newRow("do not contact") << scenario << endedAs(S::OptedOut, jan(8, 10), 0, 2, 12);
    scenario.prospect.doNotContactSince = jan(1, 10);
    QTest::newRow("do not contact since before enrolling")
        << scenario << endedAs(S::OptedOut, jan(6, 9), 0, 1, 11);
    scenario = standard({step11Done});
    scenario.enrollment.stoppedAt = jan(8, 10);
    QTest::newRow("stopped by hand") << scenario << endedAs(S::Stopped, jan(8, 10), 0, 2, 12);
    scenario.enrollment.pausedAt = jan(7, 10);
    QTest::newRow("stopped while paused") << scenario << endedAs(S::Stopped, jan(8, 10), 0, 2, 12);

    // The first ending event wins.
    scenario = standard({step11Done, reply(201, jan(8, 12))});
    scenario.enrollment.stoppedAt = jan(9, 10);
    QTest::newRow("reply, then stop") << scenario << endedAs(S::Replied, jan(8, 12), 201, 2, 12);
    scenario.enrollment.stoppedAt = jan(8, 11);
    QTest::newRow("stop, then reply") << scenario << endedAs(S::Stopped, jan(8, 11), 0, 2, 12);
    scenario.enrollment.stoppedAt = QDateTime();
    scenario.prospect.doNotContactSince = jan(7, 12);
    QTest::newRow("do not contact, then reply")
        << scenario << endedAs(S::OptedOut, jan(7, 12), 0, 2, 12);
    QTest::newRow("reply, then opt-out") << standard({step11Done, reply(201, jan(8, 12)),
        touchOf(202, jan(9, 12), C::Email, D::In, O::OptedOut)})
                                         << endedAs(S::Replied, jan(8, 12), 201, 2, 12);
    QTest::newRow("meeting, then reply") << standard({step11Done,
        touchOf(201, jan(8, 12), C::Meeting, D::Out, O::MeetingBooked), reply(202, jan(9, 12))})
                                         << endedAs(S::Meeting, jan(8, 12), 201, 2, 12);
    QTest::newRow("completed, then reply")
        << standard({step11Done, step12Done, step13Done, step14Done, reply(201, jan(22, 12))})
        << endedAs(S::Completed, jan(20, 8, 30), 104, 5, 0);
    QTest::newRow("reply before the last step")
        << standard({step11Done, step12Done, step13Done, reply(201, jan(15, 12)), step14Done})
        << endedAs(S::Replied, jan(15, 12), 201, 4, 14);
    scenario = standard({step11Done, step12Done, step13Done});
    scenario.enrollment.skips = {{14, jan(21, 12)}};
    QTest::newRow("completed by skipping the last step")
        << scenario << endedAs(S::Completed, jan(21, 12), 0, 5, 0);
    scenario.prospect.doNotContactSince = jan(22, 12);
    QTest::newRow("completed, then do not contact")
        << scenario << endedAs(S::Completed, jan(21, 12), 0, 5, 0);
}

void TestCadenceEngine::simultaneousEvents_data()
{
    addScenarioColumns();
    QTest::newRow("reply exactly at enrolling")
        << standard({reply(201, jan(6, 9))}) << endedAs(S::Replied, jan(6, 9), 201, 1, 11);
    QTest::newRow("reply a millisecond before enrolling")
        << standard({reply(201, jan(6, 9).addMSecs(-1))}) << dueAt(1, 11, jan(6, 9));
    QTest::newRow("step done exactly at enrolling")
        << standard({stepTouch(101, jan(6, 9), 11)}) << dueAt(2, 12, jan(9, 9), jan(9, 17));

    // Same millisecond: by id, whatever order they were logged in.
    const QDateTime at = utc(2025, 1, 8, 12, 0, 0, 250);
    QTest::newRow("reply and opt-out, reply first")
        << standard({step11Done, touchOf(302, at, C::Email, D::In, O::OptedOut), reply(301, at)})
        << endedAs(S::Replied, at, 301, 2, 12);
    QTest::newRow("reply and opt-out, opt-out first")
        << standard({step11Done, touchOf(301, at, C::Email, D::In, O::OptedOut), reply(302, at)})
        << endedAs(S::OptedOut, at, 301, 2, 12);
    QTest::newRow("last step and reply, step first")
        << standard({step11Done, step12Done, step13Done, reply(105, jan(20, 8, 30)), step14Done})
        << endedAs(S::Completed, jan(20, 8, 30), 104, 5, 0);
    QTest::newRow("last step and reply, reply first")
        << standard({step11Done, step12Done, step13Done, step14Done, reply(99, jan(20, 8, 30))})
        << endedAs(S::Replied, jan(20, 8, 30), 99, 4, 14);
    // The opt-out touch, not the do-not-contact mark it set, is the cause.
    Scenario scenario = standard({step11Done, touchOf(301, at, C::Phone, D::Out, O::OptedOut)});
    scenario.prospect.doNotContactSince = at;
    QTest::newRow("opt-out touch and do not contact")
        << scenario << endedAs(S::OptedOut, at, 301, 2, 12);
    scenario = standard({step11Done, reply(301, at)});
    scenario.enrollment.stoppedAt = at;
    QTest::newRow("reply and stop") << scenario << endedAs(S::Replied, at, 301, 2, 12);
    scenario.history = {step11Done};
    scenario.prospect.doNotContactSince = at;
    QTest::newRow("stop and do not contact") << scenario << endedAs(S::Stopped, at, 0, 2, 12);
    scenario = standard({step11Done, step12Done, step13Done, step14Done});
    scenario.enrollment.stoppedAt = jan(20, 8, 30);
    QTest::newRow("last step and stop")
        << scenario << endedAs(S::Completed, jan(20, 8, 30), 104, 5, 0);
}

void TestCadenceEngine::backDatedTouches_data()
{
    addScenarioColumns();
    // Logged after enrolling, dated before: they happened before and do not count.
    Touch oldReply = reply(201, jan(5, 12));
    oldReply.createdAt = jan(7, 12);
    QTest::newRow("a reply dated before enrolling")
        << standard({step11Done, oldReply}) << dueAt(2, 12, jan(9, 9), jan(9, 17));
    Touch oldOptOut = touchOf(202, jan(3, 12), C::Phone, D::Out, O::OptedOut);
    oldOptOut.createdAt = jan(8, 12);
    QTest::newRow("an opt-out dated before enrolling")
        << standard({step11Done, oldOptOut}) << dueAt(2, 12, jan(9, 9), jan(9, 17));
    Touch oldStep = stepTouch(203, jan(5, 12), 11);
    oldStep.createdAt = jan(7, 12);
    QTest::newRow("a step touch dated before enrolling")
        << standard({oldStep}) << dueAt(1, 11, jan(6, 9));
    Touch oldBounce = touchOf(204, jan(5, 12), C::Email, D::Out, O::Bounced);
    oldBounce.createdAt = jan(7, 12);
    QTest::newRow("a bounce dated before enrolling")
        << standard({step11Done, oldBounce}) << dueAt(2, 12, jan(9, 9), jan(9, 17));

    // An outbound touch dated before the last one leaves the base alone.
    const Touch call = touchOf(150, jan(8, 12), C::Phone, D::Out, O::NoAnswer);
    Touch backDated = touchOf(160, jan(7, 12), C::Sms, D::Out, O::Sent);
    backDated.createdAt = jan(9, 8);
    QTest::newRow("base without the back-dated touch")
        << standard({step11Done, call}) << dueAt(2, 12, jan(11, 9), jan(11, 17));
    QTest::newRow("base with the back-dated touch")
        << standard({step11Done, call, backDated}) << dueAt(2, 12, jan(11, 9), jan(11, 17));
}

void TestCadenceEngine::pauseAndBounce_data()
{
    addScenarioColumns();
    const Touch bounce = touchOf(201, jan(6, 9, 31), C::Email, D::Out, O::Bounced);
    QTest::newRow("bounce") << standard({step11Done, bounce}) << heldAs(S::Bounced, 201, 2, 12);
    QTest::newRow("the step's own email bounced")
        << standard({stepTouch(101, jan(6, 9, 30), 11, C::Email, O::Bounced)})
        << heldAs(S::Bounced, 101, 2, 12);
    const Touch laterBounce = touchOf(202, jan(9, 10), C::Email, D::Out, O::Bounced);
    QTest::newRow("the first bounce is the cause")
        << standard({step11Done, laterBounce, bounce}) << heldAs(S::Bounced, 201, 2, 12);

    Scenario scenario = standard({step11Done, bounce});
    scenario.enrollment.resumedAt = jan(7, 10);
    // The bounce is the last numbered touch, so the wait counts from it.
    QTest::newRow("resumed after the bounce") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.resumedAt = jan(6, 9, 31);
    QTest::newRow("resumed at the bounce's millisecond")
        << scenario << heldAs(S::Bounced, 201, 2, 12);
    scenario.enrollment.resumedAt = jan(7, 10);
    scenario.history.append(laterBounce);
    QTest::newRow("bounced again after the resume") << scenario << heldAs(S::Bounced, 202, 2, 12);
    scenario.history.append(reply(203, jan(9, 11)));
    QTest::newRow("a reply after a bounce ends it")
        << scenario << endedAs(S::Replied, jan(9, 11), 203, 2, 12);

    scenario = standard({step11Done, bounce});
    scenario.enrollment.pausedAt = jan(6, 12);
    QTest::newRow("bounced while paused") << scenario << heldAs(S::Bounced, 201, 2, 12);
    scenario.enrollment.resumedAt = jan(7, 10);
    QTest::newRow("resumed from the bounce, still paused")
        << scenario << heldAs(S::Paused, 0, 2, 12);

    scenario = standard({step11Done});
    scenario.enrollment.pausedAt = jan(7, 10);
    QTest::newRow("paused") << scenario << heldAs(S::Paused, 0, 2, 12);
    scenario.enrollment.snoozedStepId = 12;
    scenario.enrollment.snoozedUntil = jan(15, 10);
    QTest::newRow("paused and snoozed") << scenario << heldAs(S::Paused, 0, 2, 12);
    scenario.prospect.doNotContactSince = jan(8, 10);
    QTest::newRow("do not contact while paused")
        << scenario << endedAs(S::OptedOut, jan(8, 10), 0, 2, 12);
    scenario = standard({step11Done});
    scenario.enrollment.resumedAt = jan(8, 10);
    QTest::newRow("resumed") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.resumedAt = jan(10, 10);
    QTest::newRow("resumed after the due time") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
}

void TestCadenceEngine::agreedDate_data()
{
    addScenarioColumns();
    // Step 1 done at 09:30 on the 6th; the call would be due on the 9th at 09:00.
    Scenario scenario = standard({step11Done});
    scenario.prospect.agreedNextTouchAt = jan(15, 14);
    QTest::newRow("later than the last touch, inside the window")
        << scenario << dueAt(2, 12, jan(15, 14), jan(15, 17), DueReason::AgreedDate);
    scenario.prospect.agreedNextTouchAt = jan(15, 20);
    QTest::newRow("taken as is, outside the window")
        << scenario << dueAt(2, 12, jan(15, 20), QDateTime(), DueReason::AgreedDate);
    scenario.prospect.agreedNextTouchAt = jan(8, 12);
    QTest::newRow("sooner than the schedule")
        << scenario << dueAt(2, 12, jan(8, 12), jan(8, 17), DueReason::AgreedDate);
    scenario.prospect.agreedNextTouchAt = QDateTime(QDate(2025, 1, 15), QTime(9, 0), paris());
    QTest::newRow("given in another zone")
        << scenario << dueAt(2, 12, jan(15, 8), QDateTime(), DueReason::AgreedDate);
    scenario.prospect.agreedNextTouchAt = jan(6, 8);
    QTest::newRow("earlier than the last touch: done, ignored")
        << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.prospect.agreedNextTouchAt = jan(6, 9, 30);
    QTest::newRow("at the last touch: ignored") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.history.append(touchOf(201, jan(16, 10), C::Phone, D::Out, O::NoAnswer));
    scenario.prospect.agreedNextTouchAt = jan(15, 14);
    QTest::newRow("a call after the agreed date")
        << scenario << dueAt(2, 12, jan(19, 9), jan(19, 17));
    scenario.history = {step11Done, touchOf(201, jan(16, 10), C::Note, D::Out, O::Noted)};
    QTest::newRow("a note after the agreed date does not count")
        << scenario << dueAt(2, 12, jan(15, 14), jan(15, 17), DueReason::AgreedDate);
    scenario = standard();
    scenario.prospect.agreedNextTouchAt = jan(10, 11);
    QTest::newRow("no touch yet") << scenario
                                  << dueAt(1, 11, jan(10, 11), QDateTime(), DueReason::AgreedDate);
    scenario.prospect.timeZoneId = QStringLiteral("America/New_York");
    QTest::newRow("in the prospect's zone")
        << scenario << dueAt(1, 11, jan(10, 11), QDateTime(), DueReason::AgreedDate, newYork());
}

void TestCadenceEngine::snooze_data()
{
    addScenarioColumns();
    // The call is due on the 9th at 09:00, 09:00-17:00.
    Scenario scenario = standard({step11Done});
    scenario.enrollment.snoozedStepId = 12;
    scenario.enrollment.snoozedUntil = jan(10, 7);
    QTest::newRow("later, before the window")
        << scenario << dueAt(2, 12, jan(10, 9), jan(10, 17), DueReason::Snoozed);
    scenario.enrollment.snoozedUntil = jan(10, 12);
    QTest::newRow("later, inside the window")
        << scenario << dueAt(2, 12, jan(10, 12), jan(10, 17), DueReason::Snoozed);
    scenario.enrollment.snoozedUntil = jan(10, 18);
    QTest::newRow("later, after the window")
        << scenario << dueAt(2, 12, jan(11, 9), jan(11, 17), DueReason::Snoozed);
    scenario.enrollment.snoozedUntil = jan(9, 8);
    QTest::newRow("earlier: ignored") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.snoozedUntil = jan(9, 9);
    QTest::newRow("at the due time: ignored") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.snoozedUntil = jan(9, 9, 1);
    QTest::newRow("a minute later")
        << scenario << dueAt(2, 12, jan(9, 9, 1), jan(9, 17), DueReason::Snoozed);
    scenario.enrollment.snoozedUntil = jan(12, 10);
    scenario.enrollment.snoozedStepId = 13;
    QTest::newRow("another step: ignored") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.snoozedStepId = 11;
    QTest::newRow("a done step: ignored") << scenario << dueAt(2, 12, jan(9, 9), jan(9, 17));
    scenario.enrollment.snoozedStepId = 12;
    scenario.history.append(step12Done);
    QTest::newRow("no longer next: ignored") << scenario << dueAt(3, 13, jan(13));

    scenario = standard({step11Done});
    scenario.enrollment.snoozedStepId = 12;
    scenario.enrollment.snoozedUntil = jan(14, 8);
    scenario.prospect.agreedNextTouchAt = jan(12, 10);
    QTest::newRow("later than the agreed date")
        << scenario << dueAt(2, 12, jan(14, 9), jan(14, 17), DueReason::Snoozed);
    scenario.enrollment.snoozedUntil = jan(11, 10);
    QTest::newRow("earlier than the agreed date")
        << scenario << dueAt(2, 12, jan(12, 10), jan(12, 17), DueReason::AgreedDate);

    // Step 3 counts business days: a snooze to Saturday moves to Monday.
    scenario = standard({step11Done, step12Done});
    scenario.enrollment.snoozedStepId = 13;
    scenario.enrollment.snoozedUntil = jan(18, 10);
    QTest::newRow("business days, snoozed to a Saturday")
        << scenario << dueAt(3, 13, jan(20), QDateTime(), DueReason::Snoozed);
}

void TestCadenceEngine::skips_data()
{
    addScenarioColumns();
    Scenario scenario = standard();
    scenario.enrollment.skips = {{11, jan(7, 15)}};
    QTest::newRow("skip step 1") << scenario << dueAt(2, 12, jan(10, 9), jan(10, 17));
    scenario = standard({step11Done});
    scenario.enrollment.skips = {{12, jan(8, 10)}};
    QTest::newRow("skip step 2: 2 business days from Wednesday")
        << scenario << dueAt(3, 13, jan(10));
    scenario = standard({touchOf(201, jan(7, 12), C::Phone, D::Out, O::NoAnswer)});
    scenario.enrollment.skips = {{11, jan(6, 12)}};
    QTest::newRow("a later touch is the base") << scenario << dueAt(2, 12, jan(10, 9), jan(10, 17));
    scenario = standard();
    scenario.enrollment.skips = {{12, jan(8, 10)}, {11, jan(7, 10)}};
    QTest::newRow("two skips") << scenario << dueAt(3, 13, jan(10));
    scenario = standard({step11Done});
    scenario.enrollment.skips = {{99, jan(8, 10)}};
    QTest::newRow("a skip of a removed step moves only the base")
        << scenario << dueAt(2, 12, jan(11, 9), jan(11, 17));
}

void TestCadenceEngine::cadenceEdits_data()
{
    addScenarioColumns();
    const QList<Touch> twoDone {step11Done, step12Done};
    Cadence cadence = standardCadence();
    cadence.steps.insert(1, stepOf(15, C::Sms, 1));
    QTest::newRow("a step inserted before the progress")
        << scenarioOf(cadenceOf(cadence.steps), jan(6, 9), twoDone) << dueAt(4, 13, jan(13));
    cadence = standardCadence();
    cadence.steps.append(stepOf(15, C::Sms, 1));
    QTest::newRow("a step appended") << scenarioOf(
        cadenceOf(cadence.steps), jan(6, 9), {step11Done, step12Done, step13Done, step14Done})
                                     << dueAt(5, 15, jan(21));
    cadence = standardCadence();
    cadence.steps.removeAt(1);
    QTest::newRow("a done step removed")
        << scenarioOf(cadenceOf(cadence.steps), jan(6, 9), twoDone) << dueAt(2, 13, jan(13));
    cadence = standardCadence();
    cadence.steps.removeAt(0);
    QTest::newRow("the only done step removed") << scenarioOf(cadenceOf(cadence.steps), jan(6, 9),
        {step11Done}) << dueAt(1, 12, jan(9, 9), jan(9, 17));
    cadence = standardCadence();
    cadence.steps = {cadence.steps[1], cadence.steps[0], cadence.steps[3], cadence.steps[2]};
    QTest::newRow("steps reordered") << scenarioOf(cadenceOf(cadence.steps), jan(6, 9), twoDone)
                                     << dueAt(3, 14, jan(16, 8), jan(16, 10));
    cadence = standardCadence();
    cadence.steps.move(0, 3);
    QTest::newRow("the done step moved last") << scenarioOf(cadenceOf(cadence.steps), jan(6, 9),
        {step11Done}) << endedAs(S::Completed, jan(6, 9, 30), 101, 5, 0);

    // Touches that name no step of this enrollment still move the base.
    QTest::newRow("a touch naming a removed step")
        << standard({step11Done, stepTouch(201, jan(7, 12), 99)})
        << dueAt(2, 12, jan(10, 9), jan(10, 17));
    Touch otherEnrollment = stepTouch(201, jan(6, 9, 30), 11);
    otherEnrollment.enrollmentId = 8;
    QTest::newRow("a touch of another enrollment")
        << standard({otherEnrollment}) << dueAt(1, 11, jan(6, 9, 30));
    Touch noEnrollment = stepTouch(201, jan(6, 9, 30), 11);
    noEnrollment.enrollmentId = 0;
    QTest::newRow("a touch of no enrollment")
        << standard({noEnrollment}) << dueAt(1, 11, jan(6, 9, 30));
    cadence = standardCadence();
    cadence.steps.prepend(stepOf(0, C::Sms, 0));
    QTest::newRow("a touch naming no step, with an unsaved step")
        << scenarioOf(cadenceOf(cadence.steps), jan(6, 9), {stepTouch(201, jan(6, 9, 30), 0)})
        << dueAt(1, 0, jan(6, 9, 30));
    Scenario unenrolled = standard({noEnrollment});
    unenrolled.enrollment.enrollmentId = 0;
    QTest::newRow("no enrollment id on either side") << unenrolled << dueAt(1, 11, jan(6, 9, 30));
}

void TestCadenceEngine::statusEquality()
{
    const EnrollmentStatus status = dueAt(2, 12, jan(9, 9), jan(9, 17));
    QVERIFY(status == dueAt(2, 12, jan(9, 9), jan(9, 17)));
    // Times compare as instants.
    QVERIFY(status == dueAt(2, 12, jan(9, 9).toTimeZone(paris()), jan(9, 17)));
    QVERIFY(status != dueAt(3, 12, jan(9, 9), jan(9, 17)));
    QVERIFY(status != dueAt(2, 13, jan(9, 9), jan(9, 17)));
    QVERIFY(status != dueAt(2, 12, jan(9, 10), jan(9, 17)));
    QVERIFY(status != dueAt(2, 12, jan(9, 9), jan(9, 18)));
    QVERIFY(status != dueAt(2, 12, jan(9, 9), jan(9, 17), DueReason::Snoozed));
    QVERIFY(status
        != dueAt(2, 12, jan(9, 9), jan(9, 17), DueReason::Schedule, QTimeZone("Europe/Paris")));
    EnrollmentStatus other = status;
    other.state = S::Paused;
    QVERIFY(status != other);
    other = status;
    other.cause = 5;
    QVERIFY(status != other);
    other = status;
    other.endedAt = jan(9, 9);
    QVERIFY(status != other);
}

QTEST_GUILESS_MAIN(TestCadenceEngine)
#include "tst_cadenceengine.moc"
