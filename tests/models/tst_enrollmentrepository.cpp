// Enrollments on a real file (storage/EnrollmentRepository.h): enrolling and
// taking out, the decisions people make about an enrollment (pause, resume,
// snooze, skip) and their refusals, the due list, the planned steps, and what
// touches logged, undone and deleted through the other repositories do to it.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/CadenceRepository.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Touchline::Test::makeStep;
using Touchline::Test::TestDatabase;

namespace {

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), QTimeZone::utc());
}

const QString paris = QStringLiteral("Europe/Paris");
const QString newYork = QStringLiteral("America/New_York");

// Monday 3 June 2024, 10:00 in Paris, 04:00 in New York.
const QDateTime enrolledAt = utc(6, 3, 8);

// `days` after the local date of `from` in `zoneId`, at `hour`:00 there, in UTC.
QDateTime localDayAt(const QDateTime &from, int days, int hour, const QString &zoneId)
{
    const QTimeZone zone(zoneId.toUtf8());
    return QDateTime(from.toTimeZone(zone).date().addDays(days), QTime(hour, 0), zone).toUTC();
}

QString enrollmentRefusal(const char *format, EnrollmentState state)
{
    return QString::fromLatin1(format).arg(
        QStringLiteral("Three steps"), enrollmentStateDisplayName(state));
}

} // namespace

class TestEnrollmentRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enrollReportsEachProspect();
    void enrollRefused_data();
    void enrollRefused();
    void unenrollStops();
    void removeUntouched();
    void removeUntouchedRefused_data();
    void removeUntouchedRefused();

    void pauseAndResume();
    void snoozeMovesTheNextStep();
    void skipStep_data();
    void skipStep();
    void decisionRefused_data();
    void decisionRefused();
    void undoDecisions_data();
    void undoDecisions();
    void undoDecisionsRefused();

    void dueOrderAndFilters_data();
    void dueOrderAndFilters();
    void planned_data();
    void planned();

    void touchesAdvanceTheCadence_data();
    void touchesAdvanceTheCadence();
    void endingTouchesAndUndo_data();
    void endingTouchesAndUndo();
    void bouncedUntilResumed();
    void liftDoNotContact_data();
    void liftDoNotContact();
    void deleteAndRestoreKeepEnrollments();

private:
    Cadence addCadence(const QString &name, const QList<CadenceStep> &steps);
    qint64 addProspect(const QString &name, const QString &zone = paris,
        ProspectStatus status = ProspectStatus::New, qint64 ownerId = 0);
    qint64 enroll(qint64 prospectId, const QDateTime &at = enrolledAt, qint64 cadenceId = 0);
    Touch log(qint64 prospectId, const QString &spec, const QDateTime &at, qint64 enrollmentId = 0,
        int position = 0, TouchUndo *undo = nullptr);
    Enrollment enrollment(qint64 id);
    Prospect prospect(qint64 id);
    QList<ProspectEvent> events(qint64 prospectId);
    QList<Enrollment> enrollmentsOf(qint64 prospectId);
    qint64 stepId(int position) const { return m_cadence.steps.at(position - 1).id; }

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<EnrollmentRepository> m_enrollments;
    // Email at once; a call two days later, 09:00-11:00; an email three business
    // days later, 14:00-16:00.
    Cadence m_cadence;
};

void TestEnrollmentRepository::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_enrollments = std::make_unique<EnrollmentRepository>(m_file->db());
    m_cadence = addCadence(QStringLiteral("Three steps"),
        {makeStep(TouchChannel::Email, 0), makeStep(TouchChannel::Phone, 2, 540, 660),
            makeStep(TouchChannel::Email, 3, 840, 960, true)});
    QVERIFY(m_cadence.id > 0);
}

void TestEnrollmentRepository::cleanup()
{
    m_enrollments.reset();
    m_file.reset();
}

// Helpers that cannot QVERIFY warn and return empty values, which the tests' own
// comparisons then reject.
Cadence TestEnrollmentRepository::addCadence(const QString &name, const QList<CadenceStep> &steps)
{
    Cadence cadence;
    cadence.name = name;
    cadence.steps = steps;
    Error error;
    if (!CadenceRepository(m_file->db()).add(&cadence, &error))
        qWarning().noquote() << "cannot add" << name << error.message;
    return cadence;
}

qint64 TestEnrollmentRepository::addProspect(
    const QString &name, const QString &zone, ProspectStatus status, qint64 ownerId)
{
    Prospect p = Test::makeProspect(name, QStringLiteral("Tester"), QStringLiteral("Acme"),
        name.toLower() + QStringLiteral("@example.com"));
    p.status = status;
    p.ownerId = ownerId;
    Error error;
    if (!ProspectRepository(m_file->db()).add(&p, &error)
        || !Test::setTimeZone(m_file->db(), p.id, zone))
        qWarning().noquote() << "cannot add" << name << error.message;
    return p.id;
}

// Enrolls the prospect (in the three-step cadence unless told) as if at `at`.
qint64 TestEnrollmentRepository::enroll(qint64 prospectId, const QDateTime &at, qint64 cadenceId)
{
    EnrollResult result;
    Error error;
    if (!m_enrollments->enroll(
            cadenceId ? cadenceId : m_cadence.id, {prospectId}, 0, &result, &error)
        || result.enrolled.size() != 1
        || !Test::backdateEnrollment(m_file->db(), result.enrolled.first(), at)) {
        qWarning().noquote() << "cannot enroll" << prospectId << error.message;
        return 0;
    }
    return result.enrolled.first();
}

// Logs a touch; with an enrollment, as the step at `position` of the three-step cadence.
Touch TestEnrollmentRepository::log(qint64 prospectId, const QString &spec, const QDateTime &at,
    qint64 enrollmentId, int position, TouchUndo *undo)
{
    Touch touch = Test::makeTouch(prospectId, spec, at);
    touch.enrollmentId = enrollmentId;
    touch.stepId = position ? stepId(position) : 0;
    Error error;
    if (!TouchRepository(m_file->db()).log(&touch, undo, &error))
        qWarning().noquote() << "cannot log" << spec << error.message;
    return touch;
}

Enrollment TestEnrollmentRepository::enrollment(qint64 id)
{
    Error error;
    const std::optional<Enrollment> found = m_enrollments->get(id, &error);
    if (!found)
        qWarning().noquote() << error.message;
    return found.value_or(Enrollment());
}

Prospect TestEnrollmentRepository::prospect(qint64 id)
{
    Error error;
    const std::optional<Prospect> found = ProspectRepository(m_file->db()).get(id, &error);
    if (!found)
        qWarning().noquote() << error.message;
    return found.value_or(Prospect());
}

QList<ProspectEvent> TestEnrollmentRepository::events(qint64 prospectId)
{
    QList<ProspectEvent> found;
    Error error;
    if (!TouchRepository(m_file->db()).listEvents(prospectId, &found, &error))
        qWarning().noquote() << error.message;
    return found;
}

QList<Enrollment> TestEnrollmentRepository::enrollmentsOf(qint64 prospectId)
{
    QList<Enrollment> found;
    Error error;
    if (!m_enrollments->listForProspect(prospectId, &found, &error))
        qWarning().noquote() << error.message;
    return found;
}

void TestEnrollmentRepository::enrollReportsEachProspect()
{
    Error error;
    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    QVERIFY(maya);
    const qint64 fresh = addProspect(QStringLiteral("Fresh"));
    const qint64 replied = addProspect(QStringLiteral("Answered"), paris, ProspectStatus::Replied);
    const qint64 running = addProspect(QStringLiteral("Running"));
    const qint64 blocked
        = addProspect(QStringLiteral("Blocked"), paris, ProspectStatus::DoNotContact);
    const qint64 missing = 424242;
    const std::optional<Cadence> other
        = CadenceRepository(m_file->db()).find(QStringLiteral("Three-touch 3-7-14"), &error);
    QVERIFY(other);
    QVERIFY(enroll(running, enrolledAt, other->id));

    QSignalSpy changed(&m_file->db(), &Database::changed);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    EnrollResult result;
    QVERIFY2(m_enrollments->enroll(
                 m_cadence.id, {fresh, replied, running, blocked, missing}, maya, &result, &error),
        qPrintable(error.message));
    const QDateTime after = QDateTime::currentDateTimeUtc();

    QCOMPARE(result.enrolled.size(), 2);
    QCOMPARE(result.alreadyRunning, QList<qint64> {running});
    QCOMPARE(result.doNotContact, QList<qint64> {blocked});
    QCOMPARE(result.notFound, QList<qint64> {missing});

    for (const qint64 id : {fresh, replied}) {
        const QList<Enrollment> list = enrollmentsOf(id);
        QCOMPARE(list.size(), 1);
        const Enrollment &e = list.first();
        QVERIFY(result.enrolled.contains(e.id));
        QCOMPARE(e.prospectId, id);
        QCOMPARE(e.cadenceId, m_cadence.id);
        QCOMPARE(e.cadenceName, QStringLiteral("Three steps"));
        QCOMPARE(e.state, EnrollmentState::Active);
        QCOMPARE(e.nextPosition, 1);
        QCOMPARE(e.stepCount, 3);
        QVERIFY(e.enrolledAt >= before && e.enrolledAt <= after);
        QVERIFY(!e.endedAt.isValid());
        // The first step waits 0 days at any time: due the moment they are enrolled.
        QCOMPARE(e.dueAt, e.enrolledAt);
        QCOMPARE(prospect(id).nextDueAt, e.dueAt);

        const QList<ProspectEvent> history = events(id);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().kind, ProspectEventKind::Enrolled);
        QCOMPARE(history.first().enrollmentId, e.id);
        QCOMPARE(history.first().detail, QStringLiteral("Three steps"));
        QCOMPARE(history.first().authorName, QStringLiteral("Maya"));
        QCOMPARE(history.first().occurredAt, e.enrolledAt);
    }
    // New prospects are now in a cadence; a status that records an answer stays.
    QCOMPARE(prospect(fresh).status, ProspectStatus::InCadence);
    QCOMPARE(prospect(replied).status, ProspectStatus::Replied);
    // The others are untouched.
    QCOMPARE(enrollmentsOf(running).size(), 1);
    QCOMPARE(enrollmentsOf(running).first().cadenceId, other->id);
    QVERIFY(enrollmentsOf(blocked).isEmpty());
    QCOMPARE(prospect(blocked).status, ProspectStatus::DoNotContact);
    QVERIFY(!prospect(blocked).nextDueAt.isValid());
    QVERIFY(events(blocked).isEmpty());

    QCOMPARE(changed.count(), 1);
    const auto tables = changed.first().at(0).value<Database::Tables>();
    QVERIFY(tables.testFlag(Database::Table::Enrollments));
    QVERIFY(tables.testFlag(Database::Table::Prospects));
    QList<qint64> notified = changed.first().at(1).value<QList<qint64>>();
    std::sort(notified.begin(), notified.end());
    QCOMPARE(notified, (QList<qint64> {fresh, replied}));

    // Enrolling them again changes nothing.
    QVERIFY2(m_enrollments->enroll(m_cadence.id, {fresh, replied}, maya, &result, &error),
        qPrintable(error.message));
    QVERIFY(result.enrolled.isEmpty());
    QCOMPARE(result.alreadyRunning.size(), 2);
    QCOMPARE(enrollmentsOf(fresh).size(), 1);
    QCOMPARE(changed.count(), 1);
}

void TestEnrollmentRepository::enrollRefused_data()
{
    QTest::addColumn<QString>("cadence"); // "archived", "empty" or "unknown"
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("archived")
        << QStringLiteral("archived") << Error::Kind::Invalid
        << QStringLiteral(
               "Cadence \"Three steps\" is archived; restore it before enrolling prospects.");
    QTest::newRow("no steps") << QStringLiteral("empty") << Error::Kind::Invalid
                              << QStringLiteral("Cadence \"Empty\" has no steps yet; add a step "
                                                "before enrolling prospects.");
    QTest::newRow("unknown") << QStringLiteral("unknown") << Error::Kind::NotFound
                             << QStringLiteral("There is no cadence 424242.");
}

void TestEnrollmentRepository::enrollRefused()
{
    QFETCH(QString, cadence);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, message);

    Error error;
    qint64 cadenceId = 424242;
    if (cadence == QLatin1String("archived")) {
        Cadence archived = m_cadence;
        archived.archived = true;
        QVERIFY2(CadenceRepository(m_file->db())
                     .save(&archived, m_cadence.updatedAt, nullptr, {}, &error),
            qPrintable(error.message));
        cadenceId = archived.id;
    } else if (cadence == QLatin1String("empty")) {
        cadenceId = addCadence(QStringLiteral("Empty"), {}).id;
        QVERIFY(cadenceId > 0);
    }
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    QSignalSpy changed(&m_file->db(), &Database::changed);
    EnrollResult result;
    result.enrolled = {1};
    QVERIFY(!m_enrollments->enroll(cadenceId, {ada}, 0, &result, &error));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.message, message);
    QCOMPARE(result.enrolled, QList<qint64> {1}); // not filled in
    QVERIFY(enrollmentsOf(ada).isEmpty());
    QCOMPARE(prospect(ada).status, ProspectStatus::New);
    QVERIFY(events(ada).isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestEnrollmentRepository::unenrollStops()
{
    Error error;
    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    const qint64 active = addProspect(QStringLiteral("Active"));
    const qint64 paused = addProspect(QStringLiteral("Paused"));
    const qint64 outside = addProspect(QStringLiteral("Outside"));
    const qint64 activeEnrollment = enroll(active);
    const qint64 pausedEnrollment = enroll(paused);
    QVERIFY(m_enrollments->pause(pausedEnrollment, maya, &error));

    QSignalSpy changed(&m_file->db(), &Database::changed);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    int stopped = -1;
    QVERIFY2(m_enrollments->unenroll({active, paused, outside}, maya, &stopped, &error),
        qPrintable(error.message));
    QCOMPARE(stopped, 2);
    QCOMPARE(changed.count(), 1);
    for (const qint64 id : {activeEnrollment, pausedEnrollment}) {
        const Enrollment e = enrollment(id);
        QCOMPARE(e.state, EnrollmentState::Stopped);
        QVERIFY(e.endedAt >= before);
        QVERIFY(!e.dueAt.isValid());
        QCOMPARE(prospect(e.prospectId).status, ProspectStatus::New);
        QVERIFY(!prospect(e.prospectId).nextDueAt.isValid());
        const ProspectEvent last = events(e.prospectId).last();
        QCOMPARE(last.kind, ProspectEventKind::Unenrolled);
        QCOMPARE(last.enrollmentId, id);
        QCOMPARE(last.detail, QStringLiteral("Three steps"));
        QCOMPARE(last.authorId, maya);
        QCOMPARE(last.occurredAt, e.endedAt);
    }
    QVERIFY(events(outside).isEmpty());

    // Nobody is running any more.
    QVERIFY(m_enrollments->unenroll({active, paused}, maya, &stopped, &error));
    QCOMPARE(stopped, 0);
    QCOMPARE(changed.count(), 1);

    // A stopped prospect can be enrolled again; the latest enrollment comes first.
    const qint64 again = enroll(active, QDateTime::currentDateTimeUtc());
    QVERIFY(again);
    const QList<Enrollment> list = enrollmentsOf(active);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, again);
    QCOMPARE(list.at(0).state, EnrollmentState::Active);
    QCOMPARE(list.at(1).id, activeEnrollment);
    QCOMPARE(list.at(1).state, EnrollmentState::Stopped);
    QCOMPARE(prospect(active).status, ProspectStatus::InCadence);
}

void TestEnrollmentRepository::removeUntouched()
{
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 bob = addProspect(QStringLiteral("Bob"));
    const qint64 earlier = enroll(bob, utc(5, 1, 8));
    int stopped = 0;
    Error error;
    QVERIFY(m_enrollments->unenroll({bob}, 0, &stopped, &error));
    const QList<Enrollment> bobBefore = enrollmentsOf(bob);

    EnrollResult result;
    QVERIFY2(m_enrollments->enroll(m_cadence.id, {ada, bob}, 0, &result, &error),
        qPrintable(error.message));
    QCOMPARE(result.enrolled.size(), 2);
    QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);

    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY2(m_enrollments->removeUntouched(result.enrolled, &error), qPrintable(error.message));
    QCOMPARE(changed.count(), 1);
    QVERIFY(enrollmentsOf(ada).isEmpty());
    QVERIFY(events(ada).isEmpty()); // the "enrolled" event went with it
    QCOMPARE(prospect(ada).status, ProspectStatus::New);
    QVERIFY(!prospect(ada).nextDueAt.isValid());
    // Bob's earlier enrollment is his latest again, as it was.
    const QList<Enrollment> bobAfter = enrollmentsOf(bob);
    QCOMPARE(bobAfter.size(), 1);
    QCOMPARE(bobAfter.first().id, earlier);
    QCOMPARE(bobAfter.first().state, bobBefore.first().state);
    QCOMPARE(bobAfter.first().endedAt, bobBefore.first().endedAt);
    QCOMPARE(prospect(bob).status, ProspectStatus::New);
}

void TestEnrollmentRepository::removeUntouchedRefused_data()
{
    QTest::addColumn<QString>("work");

    for (const char *work : {"touch", "skip", "pause", "snooze", "unenroll"})
        QTest::newRow(work) << QString::fromLatin1(work);
}

void TestEnrollmentRepository::removeUntouchedRefused()
{
    QFETCH(QString, work);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 bob = addProspect(QStringLiteral("Bob"));
    const qint64 untouched = enroll(ada);
    const qint64 worked = enroll(bob);
    Error error;
    bool done = false;
    if (work == QLatin1String("touch")) {
        done = log(bob, QStringLiteral("email/out/sent"), utc(6, 3, 9), worked, 1).id > 0;
    } else if (work == QLatin1String("skip")) {
        done = m_enrollments->skipStep(worked, 0, &error);
    } else if (work == QLatin1String("pause")) {
        done = m_enrollments->pause(worked, 0, &error);
    } else if (work == QLatin1String("snooze")) {
        done = m_enrollments->snooze(worked, QDateTime::currentDateTimeUtc().addDays(3), 0, &error);
    } else if (work == QLatin1String("unenroll")) {
        int stopped = 0;
        done = m_enrollments->unenroll({bob}, 0, &stopped, &error) && stopped == 1;
    }
    QVERIFY2(done, qPrintable(error.message));

    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("enrollments"));
    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY(!m_enrollments->removeUntouched({untouched, worked}, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(error.message,
        QStringLiteral("Someone already worked on these enrollments (a touch, a skip, a "
                       "pause...); take the prospects out of the cadence instead."));
    QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("enrollments")), before);
    QCOMPARE(changed.count(), 0);

    // The untouched one alone can go.
    QVERIFY2(m_enrollments->removeUntouched({untouched}, &error), qPrintable(error.message));
    QVERIFY(enrollmentsOf(ada).isEmpty());
    QCOMPARE(enrollmentsOf(bob).size(), 1);
}

void TestEnrollmentRepository::pauseAndResume()
{
    Error error;
    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    QCOMPARE(enrollment(id).dueAt, utc(6, 5, 7));

    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY2(m_enrollments->pause(id, maya, &error), qPrintable(error.message));
    QCOMPARE(changed.count(), 1);
    Enrollment e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Paused);
    QVERIFY(e.pausedAt.isValid());
    QVERIFY(!e.dueAt.isValid());
    QVERIFY(!e.endedAt.isValid());
    QCOMPARE(e.nextPosition, 2);
    // Still running: the prospect stays in the cadence, with nothing due.
    QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
    QVERIFY(!prospect(ada).nextDueAt.isValid());
    ProspectEvent last = events(ada).last();
    QCOMPARE(last.kind, ProspectEventKind::Paused);
    QCOMPARE(last.enrollmentId, id);
    QCOMPARE(last.authorId, maya);
    QCOMPARE(last.detail, QStringLiteral("Three steps"));
    QVERIFY(qAbs(last.occurredAt.msecsTo(e.pausedAt)) < 5000);

    QVERIFY2(m_enrollments->resume(id, maya, &error), qPrintable(error.message));
    e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Active);
    QVERIFY(!e.pausedAt.isValid());
    QCOMPARE(e.dueAt, utc(6, 5, 7)); // the wait still counts from the last touch
    QCOMPARE(prospect(ada).nextDueAt, utc(6, 5, 7));
    last = events(ada).last();
    QCOMPARE(last.kind, ProspectEventKind::Resumed);
    QCOMPARE(last.enrollmentId, id);
}

void TestEnrollmentRepository::snoozeMovesTheNextStep()
{
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);

    // Noon is after the call's 09:00-11:00 window: it moves to the next morning.
    const QDateTime until = localDayAt(QDateTime::currentDateTimeUtc(), 10, 12, paris);
    Error error;
    QVERIFY2(m_enrollments->snooze(id, until, 0, &error), qPrintable(error.message));
    const QDateTime expected = localDayAt(until, 1, 9, paris);
    Enrollment e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Active);
    QCOMPARE(e.snoozedUntil, until);
    QCOMPARE(e.dueAt, expected);
    QCOMPARE(prospect(ada).nextDueAt, expected);
    const ProspectEvent last = events(ada).last();
    QCOMPARE(last.kind, ProspectEventKind::Snoozed);
    QCOMPARE(last.enrollmentId, id);
    QCOMPARE(last.stepId, stepId(2));
    QCOMPARE(last.detail, QString::number(until.toMSecsSinceEpoch()));

    // The snooze was for the call; once the call is done, the next step keeps its schedule.
    log(ada, QStringLiteral("phone/out/connected"), utc(6, 5, 8), id, 2);
    e = enrollment(id);
    QCOMPARE(e.nextPosition, 3);
    QCOMPARE(e.dueAt, utc(6, 10, 12)); // Wednesday + 3 business days, 14:00 in Paris
}

void TestEnrollmentRepository::skipStep_data()
{
    QTest::addColumn<int>("doneByTouches"); // steps done before the skip
    QTest::addColumn<bool>("paused");
    QTest::addColumn<EnrollmentState>("expectedState");

    QTest::newRow("first step") << 0 << false << EnrollmentState::Active;
    QTest::newRow("while paused") << 0 << true << EnrollmentState::Paused;
    QTest::newRow("last step") << 2 << false << EnrollmentState::Completed;
}

void TestEnrollmentRepository::skipStep()
{
    QFETCH(int, doneByTouches);
    QFETCH(bool, paused);
    QFETCH(EnrollmentState, expectedState);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    const QList<QDateTime> touchTimes {utc(6, 3, 12), utc(6, 5, 8)};
    const QStringList specs {
        QStringLiteral("email/out/sent"), QStringLiteral("phone/out/voicemail")};
    for (int i = 0; i < doneByTouches; ++i)
        log(ada, specs.at(i), touchTimes.at(i), id, i + 1);
    Error error;
    if (paused)
        QVERIFY(m_enrollments->pause(id, 0, &error));
    const int skipped = doneByTouches + 1;

    QVERIFY2(m_enrollments->skipStep(id, 0, &error), qPrintable(error.message));
    const ProspectEvent skip = events(ada).last();
    QCOMPARE(skip.kind, ProspectEventKind::StepSkipped);
    QCOMPARE(skip.enrollmentId, id);
    QCOMPARE(skip.stepId, stepId(skipped));
    QCOMPARE(skip.detail, m_cadence.steps.at(skipped - 1).purpose);

    const Enrollment e = enrollment(id);
    QCOMPARE(e.state, expectedState);
    QCOMPARE(e.nextPosition, skipped + 1);
    switch (expectedState) {
    case EnrollmentState::Active:
        // The call waits two days from the skip, into its 09:00-11:00 window.
        QCOMPARE(e.dueAt, localDayAt(skip.occurredAt, 2, 9, paris));
        QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
        break;
    case EnrollmentState::Completed:
        QCOMPARE(e.endedAt, skip.occurredAt);
        QVERIFY(!e.dueAt.isValid());
        QCOMPARE(prospect(ada).status, ProspectStatus::New);
        break;
    default:
        QVERIFY(!e.dueAt.isValid());
        QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
        break;
    }
    QCOMPARE(prospect(ada).nextDueAt, e.dueAt);
}

void TestEnrollmentRepository::decisionRefused_data()
{
    QTest::addColumn<QString>("state"); // how the enrollment is made to be
    QTest::addColumn<QString>("decision");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("message");

    const auto conflict
        = [](const char *state, const char *decision, const char *format, EnrollmentState shown) {
              QTest::addRow("%s %s", decision, state)
                  << QString::fromLatin1(state) << QString::fromLatin1(decision)
                  << Error::Kind::Conflict << enrollmentRefusal(format, shown);
          };
    const char *const cannotPause = "%1 cannot be paused: it is %2.";
    const char *const cannotResume = "%1 cannot be resumed: it is %2.";
    const char *const cannotSnooze = "%1 cannot be snoozed: it is %2.";
    const char *const cannotSkip = "A step of %1 cannot be skipped: it is %2.";
    conflict("paused", "pause", cannotPause, EnrollmentState::Paused);
    conflict("bounced", "pause", cannotPause, EnrollmentState::Bounced);
    conflict("stopped", "pause", cannotPause, EnrollmentState::Stopped);
    conflict("active", "resume", cannotResume, EnrollmentState::Active);
    conflict("completed", "resume", cannotResume, EnrollmentState::Completed);
    conflict("paused", "snooze", cannotSnooze, EnrollmentState::Paused);
    conflict("bounced", "snooze", cannotSnooze, EnrollmentState::Bounced);
    conflict("replied", "snooze", cannotSnooze, EnrollmentState::Replied);
    conflict("bounced", "skip", cannotSkip, EnrollmentState::Bounced);
    conflict("stopped", "skip", cannotSkip, EnrollmentState::Stopped);
    conflict("completed", "skip", cannotSkip, EnrollmentState::Completed);
    QTest::newRow("snooze into the past")
        << QStringLiteral("active") << QStringLiteral("snooze past") << Error::Kind::Invalid
        << QStringLiteral("A step can only be snoozed to a later time.");
    QTest::newRow("unknown enrollment")
        << QStringLiteral("unknown") << QStringLiteral("pause") << Error::Kind::NotFound
        << QStringLiteral(
               "Enrollment 424242 no longer exists; someone may have deleted the prospect.");
}

void TestEnrollmentRepository::decisionRefused()
{
    QFETCH(QString, state);
    QFETCH(QString, decision);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, message);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    qint64 id = enroll(ada);
    Error error;
    bool prepared = true;
    if (state == QLatin1String("paused")) {
        prepared = m_enrollments->pause(id, 0, &error);
    } else if (state == QLatin1String("bounced")) {
        prepared = log(ada, QStringLiteral("email/out/bounced"), utc(6, 3, 12)).id > 0;
    } else if (state == QLatin1String("stopped")) {
        int stopped = 0;
        prepared = m_enrollments->unenroll({ada}, 0, &stopped, &error);
    } else if (state == QLatin1String("replied")) {
        prepared = log(ada, QStringLiteral("email/in/replied"), utc(6, 3, 12)).id > 0;
    } else if (state == QLatin1String("completed")) {
        log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
        log(ada, QStringLiteral("phone/out/no_answer"), utc(6, 5, 8), id, 2);
        prepared = log(ada, QStringLiteral("email/out/sent"), utc(6, 10, 13), id, 3).id > 0;
    } else if (state == QLatin1String("unknown")) {
        id = 424242;
    }
    QVERIFY2(prepared, qPrintable(error.message));
    const QString stateKey = state == QLatin1String("unknown") ? QStringLiteral("active") : state;
    QCOMPARE(enrollmentStateKey(enrollment(enrollmentsOf(ada).first().id).state), stateKey);

    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("enrollments"));
    const int eventsBefore = int(events(ada).size());
    QSignalSpy changed(&m_file->db(), &Database::changed);
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(2);
    bool ok = true;
    if (decision == QLatin1String("pause"))
        ok = m_enrollments->pause(id, 0, &error);
    else if (decision == QLatin1String("resume"))
        ok = m_enrollments->resume(id, 0, &error);
    else if (decision == QLatin1String("snooze"))
        ok = m_enrollments->snooze(id, later, 0, &error);
    else if (decision == QLatin1String("snooze past"))
        ok = m_enrollments->snooze(id, QDateTime::currentDateTimeUtc().addSecs(-60), 0, &error);
    else if (decision == QLatin1String("skip"))
        ok = m_enrollments->skipStep(id, 0, &error);
    else
        QFAIL("no such decision");
    QVERIFY(!ok);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.message, message);
    QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("enrollments")), before);
    QCOMPARE(events(ada).size(), eventsBefore);
    QCOMPARE(changed.count(), 0);
}

void TestEnrollmentRepository::dueOrderAndFilters_data()
{
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QStringList>("expected"); // first names in due order

    const QDateTime everything(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
    const auto names = [](const char *list) {
        return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("everything") << everything << QString() << QString()
                                << names("Cleo Ben Ann Fay Dan");
    QTest::newRow("Maya's") << everything << QStringLiteral("Maya") << QString()
                            << names("Cleo Ann Fay");
    QTest::newRow("Noor's") << everything << QStringLiteral("Noor") << QString()
                            << names("Ben Dan");
    QTest::newRow("calls") << everything << QString() << QStringLiteral("phone")
                           << names("Cleo Dan");
    QTest::newRow("emails") << everything << QString() << QStringLiteral("email")
                            << names("Ben Ann Fay");
    QTest::newRow("Maya's emails")
        << everything << QStringLiteral("Maya") << QStringLiteral("email") << names("Ann Fay");
    QTest::newRow("LinkedIn") << everything << QString() << QStringLiteral("linkedin")
                              << QStringList();
    QTest::newRow("until is exclusive") << utc(6, 3, 9) << QString() << QString() << names("Cleo");
    QTest::newRow("until a millisecond later")
        << utc(6, 3, 9).addMSecs(1) << QString() << QString() << names("Cleo Ben Ann");
    QTest::newRow("nothing due yet") << utc(6, 3, 8) << QString() << QString() << QStringList();
}

void TestEnrollmentRepository::dueOrderAndFilters()
{
    QFETCH(QDateTime, until);
    QFETCH(QString, owner);
    QFETCH(QString, channel);
    QFETCH(QStringList, expected);

    Error error;
    UserRepository users(m_file->db());
    const qint64 maya = users.ensure(QStringLiteral("Maya"), &error);
    const qint64 noor = users.ensure(QStringLiteral("Noor"), &error);
    const Cadence early
        = addCadence(QStringLiteral("Early window"), {makeStep(TouchChannel::Email, 0, 480, 1080)});
    const Cadence late
        = addCadence(QStringLiteral("Late window"), {makeStep(TouchChannel::Email, 0, 600, 1080)});
    const Cadence call
        = addCadence(QStringLiteral("Call first"), {makeStep(TouchChannel::Phone, 0)});

    // Ann and Ben are due at the same instant (11:00 in Paris); Ben's window opens
    // earlier, so he comes first although Ann was enrolled first.
    const qint64 ann = addProspect(QStringLiteral("Ann"), paris, ProspectStatus::New, maya);
    QVERIFY(enroll(ann, utc(6, 3, 9), late.id));
    const qint64 ben = addProspect(QStringLiteral("Ben"), paris, ProspectStatus::New, noor);
    QVERIFY(enroll(ben, utc(6, 3, 9), early.id));
    const qint64 cleo = addProspect(QStringLiteral("Cleo"), paris, ProspectStatus::New, maya);
    QVERIFY(enroll(cleo, utc(6, 3, 8), call.id));
    // Dan did step 1 on Monday: his call is due Wednesday at 09:00 in Paris.
    const qint64 dan = addProspect(QStringLiteral("Dan"), paris, ProspectStatus::New, noor);
    const qint64 danEnrollment = enroll(dan);
    log(dan, QStringLiteral("email/out/sent"), utc(6, 3, 12), danEnrollment, 1);
    // Enrolled at 19:00 in Paris, after the window: due the next morning at 08:00.
    const qint64 fay = addProspect(QStringLiteral("Fay"), paris, ProspectStatus::New, maya);
    QVERIFY(enroll(fay, utc(6, 3, 17), early.id));
    // Neither paused nor ended enrollments are due.
    const qint64 eve = addProspect(QStringLiteral("Eve"), paris, ProspectStatus::New, maya);
    QVERIFY(m_enrollments->pause(enroll(eve, utc(6, 3, 7), early.id), 0, &error));
    const qint64 gus = addProspect(QStringLiteral("Gus"), paris, ProspectStatus::New, noor);
    QVERIFY(enroll(gus, utc(6, 3, 7), early.id));
    log(gus, QStringLiteral("email/in/replied"), utc(6, 3, 7, 30));

    DueFilter filter;
    filter.until = until;
    filter.ownerId = owner.isEmpty() ? 0 : users.find(owner, &error);
    filter.channelKey = channel;
    QList<DueItem> items;
    QVERIFY2(m_enrollments->due(filter, &items, &error), qPrintable(error.message));
    QStringList found;
    for (const DueItem &item : std::as_const(items))
        found.append(item.firstName);
    QCOMPARE(found, expected);

    const QHash<QString, QDateTime> dueTimes {{QStringLiteral("Ann"), utc(6, 3, 9)},
        {QStringLiteral("Ben"), utc(6, 3, 9)}, {QStringLiteral("Cleo"), utc(6, 3, 8)},
        {QStringLiteral("Dan"), utc(6, 5, 7)}, {QStringLiteral("Fay"), utc(6, 4, 6)}};
    for (const DueItem &item : std::as_const(items)) {
        QCOMPARE(item.dueAt, dueTimes.value(item.firstName));
        QCOMPARE(prospect(item.prospectId).nextDueAt, item.dueAt);
        QCOMPARE(item.timeZoneId, paris);
        QCOMPARE(item.ownerId, prospect(item.prospectId).ownerId);
        if (item.firstName == QLatin1String("Ann")) {
            QCOMPARE(item.prospectId, ann);
            QCOMPARE(item.prospectName(), QStringLiteral("Ann Tester"));
            QCOMPARE(item.email, QStringLiteral("ann@example.com"));
            QCOMPARE(item.company, QStringLiteral("Acme"));
            QCOMPARE(item.ownerName, QStringLiteral("Maya"));
            QCOMPARE(item.cadenceId, late.id);
            QCOMPARE(item.cadenceName, QStringLiteral("Late window"));
            QCOMPARE(item.stepCount, 1);
            QCOMPARE(item.step, late.steps.first());
            QVERIFY(!item.lastTouchAt.isValid());
        }
        if (item.firstName == QLatin1String("Dan")) {
            QCOMPARE(item.enrollmentId, danEnrollment);
            QCOMPARE(item.ownerName, QStringLiteral("Noor"));
            QCOMPARE(item.stepCount, 3);
            QCOMPARE(item.step, m_cadence.steps.at(1));
            QCOMPARE(item.lastTouchAt, utc(6, 3, 12));
        }
    }
}

void TestEnrollmentRepository::planned_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QList<QDateTime>>("dues"); // of steps 1, 2 and 3

    // Each step planned as if the one before were done when due.
    QTest::newRow("Paris") << paris << QList<QDateTime> {enrolledAt, utc(6, 5, 7), utc(6, 10, 12)};
    QTest::newRow("New York") << newYork
                              << QList<QDateTime> {enrolledAt, utc(6, 5, 13), utc(6, 10, 18)};
}

void TestEnrollmentRepository::planned()
{
    QFETCH(QString, zone);
    QFETCH(QList<QDateTime>, dues);

    const qint64 ada = addProspect(QStringLiteral("Ada"), zone);
    QList<PlannedStep> steps {PlannedStep()};
    Error error;
    QVERIFY2(m_enrollments->planned(ada, &steps, &error), qPrintable(error.message));
    QVERIFY(steps.isEmpty());

    const qint64 id = enroll(ada);
    QVERIFY2(m_enrollments->planned(ada, &steps, &error), qPrintable(error.message));
    QCOMPARE(steps.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(steps.at(i).enrollmentId, id);
        QCOMPARE(steps.at(i).cadenceName, QStringLiteral("Three steps"));
        QCOMPARE(steps.at(i).step, m_cadence.steps.at(i));
        QCOMPARE(steps.at(i).dueAt, dues.at(i));
    }
    // The next step first: the stored due time.
    QCOMPARE(enrollment(id).dueAt, dues.first());

    // Done at 08:00 in New York, 14:00 in Paris: the same days as planned.
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    QVERIFY2(m_enrollments->planned(ada, &steps, &error), qPrintable(error.message));
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).step.id, stepId(2));
    QCOMPARE(steps.at(0).dueAt, dues.at(1));
    QCOMPARE(steps.at(1).step.id, stepId(3));
    QCOMPARE(steps.at(1).dueAt, dues.at(2));
    QVERIFY(steps.at(0).dueAt < steps.at(1).dueAt);

    // A paused enrollment plans nothing.
    QVERIFY(m_enrollments->pause(id, 0, &error));
    QVERIFY2(m_enrollments->planned(ada, &steps, &error), qPrintable(error.message));
    QVERIFY(steps.isEmpty());
}

void TestEnrollmentRepository::touchesAdvanceTheCadence_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QList<QDateTime>>("dues"); // of steps 1, 2 and 3 as they are done

    QTest::newRow("Paris") << paris << QList<QDateTime> {enrolledAt, utc(6, 5, 7), utc(6, 10, 12)};
    QTest::newRow("New York") << newYork
                              << QList<QDateTime> {enrolledAt, utc(6, 5, 13), utc(6, 10, 18)};
}

void TestEnrollmentRepository::touchesAdvanceTheCadence()
{
    QFETCH(QString, zone);
    QFETCH(QList<QDateTime>, dues);

    const qint64 ada = addProspect(QStringLiteral("Ada"), zone);
    const qint64 id = enroll(ada);
    QCOMPARE(enrollment(id).nextPosition, 1);
    QCOMPARE(enrollment(id).dueAt, dues.at(0));

    const QStringList specs {QStringLiteral("email/out/sent"),
        QStringLiteral("phone/out/connected"), QStringLiteral("email/out/sent")};
    // 14:00 Monday, 15:30 Wednesday and 20:30 the next Monday in Paris; 08:00,
    // 09:30 and 14:30 in New York.
    const QList<QDateTime> doneAt {utc(6, 3, 12), utc(6, 5, 13, 30), utc(6, 10, 18, 30)};
    for (int position = 1; position <= 2; ++position) {
        const Touch touch = log(ada, specs.at(position - 1), doneAt.at(position - 1), id, position);
        QCOMPARE(touch.stepPurpose, m_cadence.steps.at(position - 1).purpose);
        const Enrollment e = enrollment(id);
        QCOMPARE(e.state, EnrollmentState::Active);
        QCOMPARE(e.nextPosition, position + 1);
        QCOMPARE(e.dueAt, dues.at(position));
        QCOMPARE(prospect(ada).nextDueAt, dues.at(position));
        QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
    }

    log(ada, specs.at(2), doneAt.at(2), id, 3);
    const Enrollment e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Completed);
    QCOMPARE(e.endedAt, doneAt.at(2));
    QCOMPARE(e.nextPosition, 4);
    QVERIFY(!e.dueAt.isValid());
    QCOMPARE(prospect(ada).status, ProspectStatus::New);
    QVERIFY(!prospect(ada).nextDueAt.isValid());
}

void TestEnrollmentRepository::endingTouchesAndUndo_data()
{
    QTest::addColumn<QString>("touch");
    QTest::addColumn<bool>("inCadence"); // logged as the call, step 2
    QTest::addColumn<EnrollmentState>("state");
    QTest::addColumn<ProspectStatus>("status");
    QTest::addColumn<QDateTime>("due");

    using S = EnrollmentState;
    using P = ProspectStatus;
    QTest::newRow("reply") << QStringLiteral("email/in/replied") << false << S::Replied
                           << P::Replied << QDateTime();
    QTest::newRow("reply on LinkedIn") << QStringLiteral("linkedin/in/replied") << false
                                       << S::Replied << P::Replied << QDateTime();
    QTest::newRow("opt-out by email") << QStringLiteral("email/in/opted_out") << false
                                      << S::OptedOut << P::DoNotContact << QDateTime();
    QTest::newRow("opt-out on the call") << QStringLiteral("phone/out/opted_out") << true
                                         << S::OptedOut << P::DoNotContact << QDateTime();
    QTest::newRow("opt-out noted") << QStringLiteral("note/out/opted_out") << false << S::OptedOut
                                   << P::DoNotContact << QDateTime();
    QTest::newRow("meeting booked on the call")
        << QStringLiteral("phone/out/meeting_booked") << true << S::Meeting << P::MeetingBooked
        << QDateTime();
    // A meeting that was held (without a booking logged first) is a meeting too.
    QTest::newRow("meeting held") << QStringLiteral("meeting/out/meeting_held") << false
                                  << S::Meeting << P::MeetingBooked << QDateTime();
    QTest::newRow("bounce") << QStringLiteral("email/out/bounced") << false << S::Bounced
                            << P::InCadence << QDateTime();
    QTest::newRow("note") << QStringLiteral("note/out/noted") << false << S::Active << P::InCadence
                          << utc(6, 5, 7);
    // An attempt outside the cadence does no step, but the wait counts from it.
    QTest::newRow("email outside the cadence")
        << QStringLiteral("email/out/sent") << false << S::Active << P::InCadence << utc(6, 6, 7);
    QTest::newRow("the call") << QStringLiteral("phone/out/no_answer") << true << S::Active
                              << P::InCadence << utc(6, 7, 12);
}

void TestEnrollmentRepository::endingTouchesAndUndo()
{
    QFETCH(QString, touch);
    QFETCH(bool, inCadence);
    QFETCH(EnrollmentState, state);
    QFETCH(ProspectStatus, status);
    QFETCH(QDateTime, due);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    const QDateTime dueBefore = utc(6, 5, 7);
    QCOMPARE(enrollment(id).dueAt, dueBefore);

    // Tuesday 4 June, 12:00 in Paris.
    const QDateTime at = utc(6, 4, 10);
    TouchUndo undo;
    const Touch logged = log(ada, touch, at, inCadence ? id : 0, inCadence ? 2 : 0, &undo);
    QVERIFY(logged.id > 0);
    Enrollment e = enrollment(id);
    QCOMPARE(e.state, state);
    QCOMPARE(e.dueAt, due);
    QCOMPARE(e.endedAt, isRunning(state) ? QDateTime() : at);
    QCOMPARE(prospect(ada).status, status);
    QCOMPARE(prospect(ada).nextDueAt, due);

    Error error;
    QVERIFY2(TouchRepository(m_file->db()).undo(undo, &error), qPrintable(error.message));
    e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Active);
    QCOMPARE(e.nextPosition, 2);
    QCOMPARE(e.dueAt, dueBefore);
    QVERIFY(!e.endedAt.isValid());
    QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
    QCOMPARE(prospect(ada).nextDueAt, dueBefore);
}

void TestEnrollmentRepository::undoDecisions_data()
{
    // Decisions made in order, the last one undone: everything must be as it
    // was before that one.
    QTest::addColumn<QStringList>("decisions");

    const auto row = [](const char *name, const char *decisions) {
        QTest::newRow(name) << QString::fromLatin1(decisions).split(QLatin1Char(' '));
    };
    row("pause", "pause");
    row("resume", "pause resume");
    row("pause after a resume", "pause resume pause");
    row("resume after a bounce", "bounce resume");
    row("resume of a paused bounce", "pause bounce resume");
    row("second resume", "pause resume pause resume");
    row("skip", "skip");
    row("second skip", "skip skip");
    row("snooze", "snooze");
    row("second snooze", "snooze snooze");
    row("take out", "unenroll");
    row("take out when paused", "pause unenroll");
}

void TestEnrollmentRepository::undoDecisions()
{
    QFETCH(QStringList, decisions);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    const QDateTime snoozeBase = localDayAt(QDateTime::currentDateTimeUtc(), 10, 10, paris);
    int snoozes = 0;
    // Makes one decision, returning the event recording it (0 for a touch).
    const auto decide = [&](const QString &decision) -> qint64 {
        Error error;
        qint64 eventId = 0;
        bool ok = true;
        if (decision == QLatin1String("pause")) {
            ok = m_enrollments->pause(id, 0, &error, &eventId);
        } else if (decision == QLatin1String("resume")) {
            ok = m_enrollments->resume(id, 0, &error, &eventId);
        } else if (decision == QLatin1String("skip")) {
            ok = m_enrollments->skipStep(id, 0, &error, &eventId);
        } else if (decision == QLatin1String("snooze")) {
            ok = m_enrollments->snooze(id, snoozeBase.addDays(++snoozes), 0, &error, &eventId);
        } else if (decision == QLatin1String("unenroll")) {
            QList<qint64> eventIds;
            ok = m_enrollments->unenroll({ada}, 0, nullptr, &error, &eventIds)
                && eventIds.size() == 1;
            eventId = eventIds.value(0);
        } else {
            log(ada, QStringLiteral("email/out/bounced"), QDateTime::currentDateTimeUtc(), id, 2);
        }
        if (!ok)
            qWarning().noquote() << decision << error.message;
        return eventId;
    };
    for (qsizetype i = 0; i + 1 < decisions.size(); ++i)
        decide(decisions.at(i));
    const Enrollment before = enrollment(id);
    const Prospect prospectBefore = prospect(ada);
    const qsizetype eventsBefore = events(ada).size();

    const qint64 eventId = decide(decisions.last());
    QVERIFY(eventId > 0);
    QCOMPARE(events(ada).size(), eventsBefore + 1);
    Error error;
    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY2(m_enrollments->undoDecisions({eventId}, &error), qPrintable(error.message));
    QCOMPARE(changed.count(), 1);

    const Enrollment after = enrollment(id);
    QCOMPARE(after.state, before.state);
    QCOMPARE(after.nextPosition, before.nextPosition);
    QCOMPARE(after.dueAt, before.dueAt);
    QCOMPARE(after.endedAt, before.endedAt);
    QCOMPARE(after.pausedAt, before.pausedAt);
    QCOMPARE(after.snoozedUntil, before.snoozedUntil);
    QCOMPARE(prospect(ada).status, prospectBefore.status);
    QCOMPARE(prospect(ada).nextDueAt, prospectBefore.nextDueAt);
    QCOMPARE(events(ada).size(), eventsBefore);
}

void TestEnrollmentRepository::undoDecisionsRefused()
{
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 bob = addProspect(QStringLiteral("Bob"));
    const qint64 adaId = enroll(ada);
    const qint64 bobId = enroll(bob);
    Error error;
    qint64 paused = 0;
    qint64 resumed = 0;
    QVERIFY(m_enrollments->pause(adaId, 0, &error, &paused));
    // A teammate resumed since: the pause is no longer the latest decision.
    QVERIFY(m_enrollments->resume(adaId, 0, &error, &resumed));
    QVERIFY(!m_enrollments->undoDecisions({paused}, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QVERIFY2(error.message.contains(QStringLiteral("Three steps")), qPrintable(error.message));
    QCOMPARE(enrollment(adaId).state, EnrollmentState::Active);

    // All or nothing: Bob's pause stays when another event in the list is refused.
    qint64 bobPaused = 0;
    QVERIFY(m_enrollments->pause(bobId, 0, &error, &bobPaused));
    QVERIFY(!m_enrollments->undoDecisions({bobPaused, paused}, &error));
    QCOMPARE(enrollment(bobId).state, EnrollmentState::Paused);
    QVERIFY(!m_enrollments->undoDecisions({bobPaused, resumed + 1000}, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QCOMPARE(enrollment(bobId).state, EnrollmentState::Paused);

    // Taken out, then enrolled again: the old enrollment cannot run again.
    QList<qint64> stopped;
    QVERIFY(m_enrollments->unenroll({ada}, 0, nullptr, &error, &stopped));
    QCOMPARE(stopped.size(), 1);
    const qint64 again = enroll(ada, QDateTime::currentDateTimeUtc());
    QVERIFY(again > 0);
    QVERIFY(!m_enrollments->undoDecisions(stopped, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(enrollment(adaId).state, EnrollmentState::Stopped);
    QCOMPARE(enrollment(again).state, EnrollmentState::Active);
}

void TestEnrollmentRepository::bouncedUntilResumed()
{
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/bounced"), utc(6, 3, 12), id, 1);
    Enrollment e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Bounced);
    QCOMPARE(e.nextPosition, 2); // the email was sent; it bounced
    QVERIFY(!e.dueAt.isValid());
    QVERIFY(!e.endedAt.isValid());
    QVERIFY(prospect(ada).emailBounced);
    QCOMPARE(prospect(ada).status, ProspectStatus::InCadence);
    QVERIFY(!prospect(ada).nextDueAt.isValid());
    // Still the prospect's one running cadence.
    EnrollResult result;
    Error error;
    QVERIFY(m_enrollments->enroll(m_cadence.id, {ada}, 0, &result, &error));
    QCOMPARE(result.alreadyRunning, QList<qint64> {ada});

    QVERIFY2(m_enrollments->resume(id, 0, &error), qPrintable(error.message));
    e = enrollment(id);
    QCOMPARE(e.state, EnrollmentState::Active);
    QCOMPARE(e.dueAt, utc(6, 5, 7));
    QCOMPARE(events(ada).last().kind, ProspectEventKind::Resumed);

    // Only bounces before the resume are forgiven.
    log(ada, QStringLiteral("email/out/bounced"), QDateTime::currentDateTimeUtc(), id, 2);
    QCOMPARE(enrollment(id).state, EnrollmentState::Bounced);
}

void TestEnrollmentRepository::liftDoNotContact_data()
{
    QTest::addColumn<bool>("byTouch"); // else marked by editing the status
    QTest::addColumn<EnrollmentState>("afterLift");

    // The mark ended the cadence; without it, the cadence runs again.
    QTest::newRow("marked by hand") << false << EnrollmentState::Active;
    // The prospect's answer still ends it.
    QTest::newRow("opted out by email") << true << EnrollmentState::OptedOut;
}

void TestEnrollmentRepository::liftDoNotContact()
{
    QFETCH(bool, byTouch);
    QFETCH(EnrollmentState, afterLift);

    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 id = enroll(ada);
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    Error error;
    if (byTouch) {
        log(ada, QStringLiteral("email/in/opted_out"), utc(6, 4, 10));
    } else {
        Prospect marked = prospect(ada);
        marked.status = ProspectStatus::DoNotContact;
        QVERIFY2(
            ProspectRepository(m_file->db()).update(&marked, &error), qPrintable(error.message));
    }
    QCOMPARE(prospect(ada).status, ProspectStatus::DoNotContact);
    QCOMPARE(enrollment(id).state, EnrollmentState::OptedOut);

    QVERIFY2(
        TouchRepository(m_file->db()).liftDoNotContact(ada, 0, &error), qPrintable(error.message));
    const Enrollment e = enrollment(id);
    QCOMPARE(e.state, afterLift);
    QCOMPARE(e.dueAt, isRunning(afterLift) ? utc(6, 5, 7) : QDateTime());
    QCOMPARE(prospect(ada).nextDueAt, e.dueAt);
    QCOMPARE(prospect(ada).status,
        isRunning(afterLift) ? ProspectStatus::InCadence : ProspectStatus::New);
    // What is stored is what the next touch would derive.
    const QList<QVariantList> stored = Test::tableRows(m_file->db(), QStringLiteral("enrollments"));
    QVERIFY(EnrollmentRepository::refreshProspects(m_file->db(), {ada}, &error));
    QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("enrollments")), stored);
}

void TestEnrollmentRepository::deleteAndRestoreKeepEnrollments()
{
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 bob = addProspect(QStringLiteral("Bob"));
    const qint64 earlier = enroll(ada, utc(5, 1, 8));
    int stopped = 0;
    Error error;
    QVERIFY(m_enrollments->unenroll({ada}, 0, &stopped, &error));
    const qint64 id = enroll(ada);
    QVERIFY(enroll(bob));
    log(ada, QStringLiteral("email/out/sent"), utc(6, 3, 12), id, 1);
    QVERIFY(m_enrollments->skipStep(id, 0, &error));
    QVERIFY(m_enrollments->pause(id, 0, &error));

    const QStringList tables {QStringLiteral("prospects"), QStringLiteral("enrollments"),
        QStringLiteral("touches"), QStringLiteral("prospect_events")};
    QList<QList<QVariantList>> before;
    for (const QString &table : tables)
        before.append(Test::tableRows(m_file->db(), table));

    ProspectRepository prospects(m_file->db());
    DeletedProspects deleted;
    QVERIFY2(prospects.remove({ada}, &deleted, &error), qPrintable(error.message));
    QVERIFY(enrollmentsOf(ada).isEmpty());
    QVERIFY(!m_enrollments->get(id, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QCOMPARE(enrollmentsOf(bob).size(), 1);

    QVERIFY2(prospects.restore(deleted, &error), qPrintable(error.message));
    for (int i = 0; i < tables.size(); ++i)
        QVERIFY2(
            Test::tableRows(m_file->db(), tables.at(i)) == before.at(i), qPrintable(tables.at(i)));
    const QList<Enrollment> list = enrollmentsOf(ada);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, id);
    QCOMPARE(list.at(0).state, EnrollmentState::Paused);
    QCOMPARE(list.at(0).nextPosition, 3);
    QCOMPARE(list.at(1).id, earlier);
    QCOMPARE(list.at(1).state, EnrollmentState::Stopped);

    // And it carries on where it was.
    QVERIFY2(m_enrollments->resume(id, 0, &error), qPrintable(error.message));
    QCOMPARE(enrollment(id).state, EnrollmentState::Active);
    QCOMPARE(enrollment(id).nextPosition, 3);
    QVERIFY(enrollment(id).dueAt.isValid());
}

QTEST_GUILESS_MAIN(TestEnrollmentRepository)
#include "tst_enrollmentrepository.moc"
