// Cadences on a real file (storage/CadenceRepository.h): reading and finding them,
// adding and saving them whole with stable step ids, what a save does to the
// touches, skips and snoozes of removed steps and to running enrollments,
// removing, naming copies, counting running enrollments, the default cadences.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/CadenceRepository.h"
#include "storage/DefaultCadences.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace Touchline;
using Touchline::Test::makeStep;
using Touchline::Test::TestDatabase;

Q_DECLARE_METATYPE(Touchline::Error::Kind)

namespace {

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), QTimeZone::utc());
}

// Monday 3 June 2024, 10:00 in Paris.
const QDateTime enrolledAt = utc(6, 3, 8);

// Email at once, a call two days later between 09:00 and 11:00, an email three
// business days later between 14:00 and 16:00, and a last email a week later.
Cadence fourSteps(const QString &name)
{
    Cadence cadence;
    cadence.name = name;
    cadence.description = QStringLiteral("For tests");
    cadence.steps = {makeStep(TouchChannel::Email, 0), makeStep(TouchChannel::Phone, 2, 540, 660),
        makeStep(TouchChannel::Email, 3, 840, 960, true), makeStep(TouchChannel::Email, 7)};
    return cadence;
}

// Ids, positions and times are the file's; the rest is what a cadence says.
Cadence withoutIds(Cadence cadence)
{
    cadence.id = 0;
    cadence.createdAt = cadence.updatedAt = QDateTime();
    int position = 0;
    for (CadenceStep &step : cadence.steps) {
        step.id = 0;
        step.position = ++position;
    }
    return cadence;
}

QList<qint64> stepIds(const Cadence &cadence)
{
    QList<qint64> ids;
    for (const CadenceStep &step : cadence.steps)
        ids.append(step.id);
    return ids;
}

bool sameLinks(const StepLinks &a, const StepLinks &b)
{
    return a.stepId == b.stepId && a.touchIds == b.touchIds && a.skipEventIds == b.skipEventIds
        && a.snoozedEnrollmentIds == b.snoozedEnrollmentIds;
}

QString describe(const QList<StepLinks> &links)
{
    QStringList parts;
    const auto join = [](const QList<qint64> &ids) {
        QStringList texts;
        for (qint64 id : ids)
            texts.append(QString::number(id));
        return texts.join(QLatin1Char(','));
    };
    for (const StepLinks &link : links)
        parts.append(QStringLiteral("step %1: touches [%2] skips [%3] snoozes [%4]")
                         .arg(QString::number(link.stepId), join(link.touchIds),
                             join(link.skipEventIds), join(link.snoozedEnrollmentIds)));
    return parts.join(QLatin1String("; "));
}

} // namespace

class TestCadenceRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listIsByNameWithSteps();
    void getAndFind_data();
    void getAndFind();
    void defaultCadencesMatchTheResource();

    void addStoresWhatGetReads();
    void addRefuses_data();
    void addRefuses();
    void addKeepsGivenIds();

    void saveRenames();
    void saveReorderKeepsStepIds();
    void saveAddsSteps();
    void saveRefusesTakenName();
    void saveConflictsWhenStale();
    void removedStepLinksAndRelink();
    void timingChangeDerivesAgain_data();
    void timingChangeDerivesAgain();
    void endedEnrollmentsFollowTheSteps();

    void removeOnlyWithoutEnrollments();
    void copyName_data();
    void copyName();
    void runningCounts();

private:
    Cadence added(const Cadence &cadence);
    Cadence stored(qint64 id);
    qint64 addProspect(const QString &name);
    qint64 enroll(qint64 prospectId, qint64 cadenceId);
    Touch log(qint64 prospectId, TouchChannel channel, TouchDirection direction,
        TouchOutcome outcome, const QDateTime &at, qint64 enrollmentId = 0, qint64 stepId = 0);
    Enrollment enrollment(qint64 id);

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<CadenceRepository> m_cadences;
};

void TestCadenceRepository::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_cadences = std::make_unique<CadenceRepository>(m_file->db());
}

void TestCadenceRepository::cleanup()
{
    m_cadences.reset();
    m_file.reset();
}

// Helpers that cannot QVERIFY warn and return empty values, which the tests' own
// comparisons then reject.
Cadence TestCadenceRepository::added(const Cadence &cadence)
{
    Cadence copy = cadence;
    Error error;
    if (!m_cadences->add(&copy, &error))
        qWarning().noquote() << "cannot add" << cadence.name << error.message;
    return copy;
}

Cadence TestCadenceRepository::stored(qint64 id)
{
    Error error;
    const std::optional<Cadence> cadence = m_cadences->get(id, &error);
    if (!cadence)
        qWarning().noquote() << error.message;
    return cadence.value_or(Cadence());
}

qint64 TestCadenceRepository::addProspect(const QString &name)
{
    Prospect prospect = Test::makeProspect(name, QStringLiteral("Tester"));
    Error error;
    if (!ProspectRepository(m_file->db()).add(&prospect, &error)
        || !Test::setTimeZone(m_file->db(), prospect.id, QStringLiteral("Europe/Paris")))
        qWarning().noquote() << "cannot add" << name << error.message;
    return prospect.id;
}

// Enrolls the prospect as if on `enrolledAt`; returns the enrollment id.
qint64 TestCadenceRepository::enroll(qint64 prospectId, qint64 cadenceId)
{
    EnrollResult result;
    Error error;
    if (!EnrollmentRepository(m_file->db()).enroll(cadenceId, {prospectId}, 0, &result, &error)
        || result.enrolled.size() != 1
        || !Test::backdateEnrollment(m_file->db(), result.enrolled.first(), enrolledAt)) {
        qWarning().noquote() << "cannot enroll" << prospectId << error.message;
        return 0;
    }
    return result.enrolled.first();
}

Touch TestCadenceRepository::log(qint64 prospectId, TouchChannel channel, TouchDirection direction,
    TouchOutcome outcome, const QDateTime &at, qint64 enrollmentId, qint64 stepId)
{
    Touch touch;
    touch.prospectId = prospectId;
    touch.channel = channel;
    touch.direction = direction;
    touch.outcome = outcome;
    touch.occurredAt = at;
    touch.enrollmentId = enrollmentId;
    touch.stepId = stepId;
    Error error;
    if (!TouchRepository(m_file->db()).log(&touch, nullptr, &error))
        qWarning().noquote() << "cannot log a touch:" << error.message;
    return touch;
}

Enrollment TestCadenceRepository::enrollment(qint64 id)
{
    Error error;
    const std::optional<Enrollment> found = EnrollmentRepository(m_file->db()).get(id, &error);
    if (!found)
        qWarning().noquote() << error.message;
    return found.value_or(Enrollment());
}

void TestCadenceRepository::listIsByNameWithSteps()
{
    added(fourSteps(QStringLiteral("Zed")));
    added(fourSteps(QStringLiteral("alpha")));

    QList<Cadence> cadences;
    Error error;
    QVERIFY2(m_cadences->list(&cadences, &error), qPrintable(error.message));
    QStringList names;
    for (const Cadence &cadence : std::as_const(cadences)) {
        names.append(cadence.name);
        // Each with its own steps, in position order.
        QVERIFY(!cadence.steps.isEmpty());
        for (int i = 0; i < cadence.steps.size(); ++i)
            QCOMPARE(cadence.steps.at(i).position, i + 1);
        QCOMPARE(cadence, stored(cadence.id));
    }
    QCOMPARE(names,
        (QStringList {QStringLiteral("alpha"), QStringLiteral("Respectful six-step"),
            QStringLiteral("Three-touch 3-7-14"), QStringLiteral("Zed")}));
    QCOMPARE(cadences.at(1).steps.size(), 6);
    QCOMPARE(cadences.at(2).steps.size(), 3);
}

void TestCadenceRepository::getAndFind_data()
{
    QTest::addColumn<QString>("wanted"); // {id}: the id of "Three-touch 3-7-14"
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<Error::Kind>("expectedError");
    QTest::addColumn<QString>("expectedMessage");

    const QString threeTouch = QStringLiteral("Three-touch 3-7-14");
    QTest::newRow("id") << QStringLiteral("{id}") << threeTouch << Error::Kind::None << QString();
    QTest::newRow("id with spaces")
        << QStringLiteral(" {id} ") << threeTouch << Error::Kind::None << QString();
    QTest::newRow("name") << threeTouch << threeTouch << Error::Kind::None << QString();
    QTest::newRow("name in other case")
        << QStringLiteral("THREE-touch 3-7-14") << threeTouch << Error::Kind::None << QString();
    QTest::newRow("name with spaces")
        << QStringLiteral("  three-touch 3-7-14 ") << threeTouch << Error::Kind::None << QString();
    QTest::newRow("unknown name") << QStringLiteral("Nope") << QString() << Error::Kind::NotFound
                                  << QStringLiteral("There is no cadence named \"Nope\".");
    QTest::newRow("unknown id") << QStringLiteral("424242") << QString() << Error::Kind::NotFound
                                << QStringLiteral("There is no cadence 424242.");
    QTest::newRow("part of a name")
        << QStringLiteral("Three-touch") << QString() << Error::Kind::NotFound
        << QStringLiteral("There is no cadence named \"Three-touch\".");
}

void TestCadenceRepository::getAndFind()
{
    QFETCH(QString, wanted);
    QFETCH(QString, expectedName);
    QFETCH(Error::Kind, expectedError);
    QFETCH(QString, expectedMessage);

    QList<Cadence> cadences;
    QVERIFY(m_cadences->list(&cadences, nullptr));
    QCOMPARE(cadences.size(), 2);
    const Cadence threeTouch = cadences.at(1);
    QCOMPARE(threeTouch.name, QStringLiteral("Three-touch 3-7-14"));
    wanted.replace(QLatin1String("{id}"), QString::number(threeTouch.id));

    Error error;
    const std::optional<Cadence> found = m_cadences->find(wanted, &error);
    QCOMPARE(error.kind, expectedError);
    QCOMPARE(error.message, expectedMessage);
    QCOMPARE(found.has_value(), !expectedName.isEmpty());
    if (found) {
        QCOMPARE(found->name, expectedName);
        QCOMPARE(*found, threeTouch);
    }
    // get() is find() by id.
    const std::optional<Cadence> byId = m_cadences->get(threeTouch.id, &error);
    QVERIFY(byId);
    QCOMPARE(*byId, threeTouch);
}

void TestCadenceRepository::defaultCadencesMatchTheResource()
{
    const QList<Cadence> resource = DefaultCadences::load();
    QCOMPARE(resource.size(), 2);
    QList<Cadence> cadences;
    Error error;
    QVERIFY2(m_cadences->list(&cadences, &error), qPrintable(error.message));
    QCOMPARE(cadences.size(), resource.size());
    for (const Cadence &cadence : std::as_const(cadences)) {
        QVERIFY(cadence.id > 0);
        QVERIFY(cadence.createdAt.isValid());
        QVERIFY(!cadence.archived);
        for (const CadenceStep &step : cadence.steps)
            QVERIFY(step.id > 0);
        const auto inResource = std::find_if(resource.cbegin(), resource.cend(),
            [&cadence](const Cadence &c) { return c.name == cadence.name; });
        QVERIFY2(inResource != resource.cend(), qPrintable(cadence.name));
        QCOMPARE(withoutIds(cadence), withoutIds(*inResource));
    }
}

void TestCadenceRepository::addStoresWhatGetReads()
{
    QSignalSpy changed(&m_file->db(), &Database::changed);
    Cadence cadence = fourSteps(QStringLiteral("  Spaced name  "));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    Error error;
    QVERIFY2(m_cadences->add(&cadence, &error), qPrintable(error.message));

    QVERIFY(cadence.id > 0);
    QCOMPARE(cadence.name, QStringLiteral("Spaced name"));
    QVERIFY(cadence.createdAt >= before.addMSecs(-1));
    QCOMPARE(cadence.updatedAt, cadence.createdAt);
    QCOMPARE(cadence.steps.size(), 4);
    QSet<qint64> ids;
    for (int i = 0; i < cadence.steps.size(); ++i) {
        QVERIFY(cadence.steps.at(i).id > 0);
        QCOMPARE(cadence.steps.at(i).position, i + 1);
        ids.insert(cadence.steps.at(i).id);
    }
    QCOMPARE(ids.size(), 4);
    QCOMPARE(stored(cadence.id), cadence);
    QCOMPARE(withoutIds(cadence), withoutIds(fourSteps(QStringLiteral("Spaced name"))));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<Database::Tables>(),
        Database::Tables(Database::Table::Cadences));
}

void TestCadenceRepository::addRefuses_data()
{
    QTest::addColumn<std::function<void(Cadence &)>>("change");
    QTest::addColumn<QString>("expectedMessage"); // empty: validateCadence()'s first message

    QTest::newRow("empty name") << std::function([](Cadence &c) { c.name.clear(); }) << QString();
    QTest::newRow("blank name") << std::function([](Cadence &c) { c.name = QStringLiteral("   "); })
                                << QString();
    QTest::newRow("name too long")
        << std::function([](Cadence &c) { c.name = QString(maxCadenceNameLength + 1, u'n'); })
        << QString();
    QTest::newRow("meeting step") << std::function([](Cadence &c) {
        c.steps[1].channel = TouchChannel::Meeting;
    }) << QString();
    QTest::newRow("negative wait")
        << std::function([](Cadence &c) { c.steps[2].waitDays = -1; }) << QString();
    QTest::newRow("wait over a year")
        << std::function([](Cadence &c) { c.steps[2].waitDays = maxStepWaitDays + 1; })
        << QString();
    QTest::newRow("window ends before it starts") << std::function([](Cadence &c) {
        c.steps[0].windowStartMinute = 600;
        c.steps[0].windowEndMinute = 480;
    }) << QString();
    QTest::newRow("body too long")
        << std::function([](Cadence &c) { c.steps[3].body = QString(maxStepTextLength + 1, u'b'); })
        << QString();
    QTest::newRow("name taken")
        << std::function([](Cadence &c) { c.name = QStringLiteral("Respectful six-step"); })
        << QStringLiteral(
               "There is already a cadence named \"Respectful six-step\". Choose another name.");
    QTest::newRow("name taken in other case, with spaces")
        << std::function([](Cadence &c) { c.name = QStringLiteral(" respectful SIX-step "); })
        << QStringLiteral(
               "There is already a cadence named \"respectful SIX-step\". Choose another name.");
}

void TestCadenceRepository::addRefuses()
{
    QFETCH(std::function<void(Cadence &)>, change);
    QFETCH(QString, expectedMessage);

    Cadence cadence = fourSteps(QStringLiteral("Valid"));
    change(cadence);
    if (expectedMessage.isEmpty()) {
        const QList<CadenceFieldError> invalid = validateCadence(cadence);
        QVERIFY(!invalid.isEmpty());
        expectedMessage = invalid.first().message;
    }
    QList<Cadence> before;
    QVERIFY(m_cadences->list(&before, nullptr));
    QSignalSpy changed(&m_file->db(), &Database::changed);

    const Cadence given = cadence;
    Error error;
    QVERIFY(!m_cadences->add(&cadence, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(error.message, expectedMessage);
    QCOMPARE(cadence, given); // the editor keeps what the user typed
    QList<Cadence> after;
    QVERIFY(m_cadences->list(&after, nullptr));
    QCOMPARE(after, before);
    QCOMPARE(changed.count(), 0);
}

void TestCadenceRepository::addKeepsGivenIds()
{
    // Redo of an undone "new cadence" puts back the very rows undo removed.
    Cadence cadence = added(fourSteps(QStringLiteral("Redone")));
    QVERIFY(cadence.id > 0);
    Error error;
    QVERIFY2(m_cadences->remove(cadence.id, &error), qPrintable(error.message));
    QVERIFY(!m_cadences->get(cadence.id, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);

    Cadence again = cadence;
    QVERIFY2(m_cadences->add(&again, &error), qPrintable(error.message));
    QCOMPARE(again.id, cadence.id);
    QCOMPARE(stepIds(again), stepIds(cadence));
    QCOMPARE(again.createdAt, cadence.createdAt);
    QCOMPARE(stored(cadence.id), again);

    // Ids chosen by the caller, far from the ones SQLite would pick.
    Cadence chosen = fourSteps(QStringLiteral("Chosen ids"));
    chosen.id = 77;
    for (int i = 0; i < chosen.steps.size(); ++i)
        chosen.steps[i].id = 501 + i;
    QVERIFY2(m_cadences->add(&chosen, &error), qPrintable(error.message));
    QCOMPARE(chosen.id, 77);
    QCOMPARE(stepIds(stored(77)), (QList<qint64> {501, 502, 503, 504}));
}

void TestCadenceRepository::saveRenames()
{
    Cadence cadence = added(fourSteps(QStringLiteral("Old name")));
    const QDateTime readAt = cadence.updatedAt;
    cadence.name = QStringLiteral(" New name ");
    cadence.description = QStringLiteral("Changed too");
    QSignalSpy changed(&m_file->db(), &Database::changed);
    QList<StepLinks> removed {StepLinks {1, {}, {}, {}}};
    Error error;
    QVERIFY2(m_cadences->save(&cadence, readAt, &removed, {}, &error), qPrintable(error.message));

    QCOMPARE(cadence.name, QStringLiteral("New name"));
    QVERIFY(cadence.updatedAt > readAt);
    QVERIFY(removed.isEmpty());
    QCOMPARE(stored(cadence.id), cadence);
    QVERIFY(!m_cadences->find(QStringLiteral("Old name"), &error));
    QCOMPARE(m_cadences->find(QStringLiteral("new NAME"), &error).value_or(Cadence()), cadence);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.first().first().value<Database::Tables>().testFlag(Database::Table::Cadences));

    // Changing only the case of the name is not taking someone else's name.
    cadence.name = QStringLiteral("NEW NAME");
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));
    QCOMPARE(stored(cadence.id).name, QStringLiteral("NEW NAME"));
}

void TestCadenceRepository::saveReorderKeepsStepIds()
{
    Cadence cadence = added(fourSteps(QStringLiteral("Reordered")));
    const Cadence original = cadence;
    std::reverse(cadence.steps.begin(), cadence.steps.end());
    Error error;
    QVERIFY2(m_cadences->save(&cadence, original.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));

    const Cadence reread = stored(cadence.id);
    QCOMPARE(reread, cadence);
    QList<qint64> reversed = stepIds(original);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(stepIds(reread), reversed);
    for (int i = 0; i < reread.steps.size(); ++i) {
        const CadenceStep &step = reread.steps.at(i);
        QCOMPARE(step.position, i + 1);
        // Everything else about each step travelled with it.
        CadenceStep before = *original.step(step.id);
        before.position = step.position;
        QCOMPARE(step, before);
    }
}

void TestCadenceRepository::saveAddsSteps()
{
    Cadence cadence = added(fourSteps(QStringLiteral("Growing")));
    const QList<qint64> originalIds = stepIds(cadence);
    cadence.steps.insert(1, makeStep(TouchChannel::LinkedIn, 1));
    cadence.steps.append(makeStep(TouchChannel::Sms, 5, 600, 720));
    Error error;
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));

    // The caller gets the new steps' ids and positions, as the next save needs them.
    QCOMPARE(cadence.steps.size(), 6);
    for (int i = 0; i < cadence.steps.size(); ++i) {
        QVERIFY2(cadence.steps.at(i).id > 0, qPrintable(QString::number(i)));
        QCOMPARE(cadence.steps.at(i).position, i + 1);
    }
    QCOMPARE(stored(cadence.id), cadence);
    QCOMPARE(cadence.steps.at(0).id, originalIds.at(0));
    QCOMPARE(cadence.steps.at(2).id, originalIds.at(1));
    QCOMPARE(cadence.steps.at(5).channel, TouchChannel::Sms);

    // Saving what came back adds nothing more.
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));
    QCOMPARE(stored(cadence.id), cadence);
    QCOMPARE(stored(cadence.id).steps.size(), 6);
}

void TestCadenceRepository::saveRefusesTakenName()
{
    Cadence cadence = added(fourSteps(QStringLiteral("Mine")));
    const Cadence before = cadence;
    cadence.name = QStringLiteral("three-TOUCH 3-7-14");
    Error error;
    QVERIFY(!m_cadences->save(&cadence, before.updatedAt, nullptr, {}, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(error.message,
        QStringLiteral(
            "There is already a cadence named \"three-TOUCH 3-7-14\". Choose another name."));
    QCOMPARE(stored(cadence.id), before);

    cadence = before;
    cadence.steps[0].waitDays = -3;
    QVERIFY(!m_cadences->save(&cadence, before.updatedAt, nullptr, {}, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(error.message, validateCadence(cadence).first().message);
    QCOMPARE(stored(cadence.id), before);
}

void TestCadenceRepository::saveConflictsWhenStale()
{
    const Cadence opened = added(fourSteps(QStringLiteral("Shared")));
    // A teammate saves first, on their own connection.
    const auto teammateDb = m_file->openSecondConnection();
    QVERIFY(teammateDb);
    Cadence theirs = opened;
    theirs.steps[1].purpose = QStringLiteral("Their purpose");
    Error error;
    QVERIFY2(CadenceRepository(*teammateDb).save(&theirs, opened.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));

    Cadence mine = opened;
    mine.steps[2].purpose = QStringLiteral("My purpose");
    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY(!m_cadences->save(&mine, opened.updatedAt, nullptr, {}, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(error.message,
        QStringLiteral("Cadence \"Shared\" was changed by someone else since you opened it; "
                       "nothing was saved. Your change is still in the editor: reload to see "
                       "theirs."));
    QCOMPARE(mine.steps[2].purpose, QStringLiteral("My purpose"));
    QCOMPARE(stored(opened.id), theirs);
    QCOMPARE(changed.count(), 0);

    // Based on what is stored now, the save goes through.
    QVERIFY2(
        m_cadences->save(&mine, theirs.updatedAt, nullptr, {}, &error), qPrintable(error.message));

    // A cadence deleted meanwhile.
    QVERIFY(m_cadences->remove(opened.id, &error));
    QVERIFY(!m_cadences->save(&mine, mine.updatedAt, nullptr, {}, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
}

void TestCadenceRepository::removedStepLinksAndRelink()
{
    const Cadence original = added(fourSteps(QStringLiteral("Linked")));
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 enrollmentId = enroll(ada, original.id);
    QVERIFY(enrollmentId);
    const qint64 s1 = original.steps.at(0).id;
    const qint64 s2 = original.steps.at(1).id;
    const qint64 s3 = original.steps.at(2).id;

    // Step 1 done by a touch, step 2 skipped, step 3 snoozed.
    const Touch touch = log(ada, TouchChannel::Email, TouchDirection::Out, TouchOutcome::Sent,
        utc(6, 3, 12), enrollmentId, s1);
    QCOMPARE(touch.stepId, s1);
    EnrollmentRepository enrollments(m_file->db());
    Error error;
    QVERIFY2(enrollments.skipStep(enrollmentId, 0, &error), qPrintable(error.message));
    const QDateTime until = QDateTime::currentDateTimeUtc().addDays(30);
    QVERIFY2(enrollments.snooze(enrollmentId, until, 0, &error), qPrintable(error.message));
    QList<ProspectEvent> events;
    QVERIFY(TouchRepository(m_file->db()).listEvents(ada, &events, &error));
    qint64 skipEvent = 0;
    qint64 snoozeEvent = 0;
    for (const ProspectEvent &event : std::as_const(events)) {
        if (event.kind == ProspectEventKind::StepSkipped)
            skipEvent = event.id;
        if (event.kind == ProspectEventKind::Snoozed)
            snoozeEvent = event.id;
    }
    QVERIFY(skipEvent && snoozeEvent);
    const Enrollment snoozed = enrollment(enrollmentId);
    QCOMPARE(snoozed.nextPosition, 3);
    QVERIFY(snoozed.dueAt >= until);

    // A snooze is a skip-like link of step 3 too: its event names the step.
    Cadence shorter = original;
    shorter.steps = {original.steps.at(3)};
    QList<StepLinks> removed;
    QVERIFY2(m_cadences->save(&shorter, original.updatedAt, &removed, {}, &error),
        qPrintable(error.message));
    const QList<StepLinks> expected {StepLinks {s1, {touch.id}, {}, {}},
        StepLinks {s2, {}, {skipEvent}, {}}, StepLinks {s3, {}, {snoozeEvent}, {enrollmentId}}};
    QCOMPARE(removed.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QVERIFY2(sameLinks(removed.at(i), expected.at(i)), qPrintable(describe(removed)));

    // The links are gone; the enrollment now waits for the one step left.
    QCOMPARE(TouchRepository(m_file->db()).get(touch.id, &error).value_or(Touch()).stepId, 0);
    QVERIFY(TouchRepository(m_file->db()).listEvents(ada, &events, &error));
    for (const ProspectEvent &event : std::as_const(events))
        QCOMPARE(event.stepId, 0);
    const Enrollment unlinked = enrollment(enrollmentId);
    QCOMPARE(unlinked.nextPosition, 1);
    QCOMPARE(unlinked.stepCount, 1);
    QCOMPARE(unlinked.state, EnrollmentState::Active);
    QVERIFY(unlinked.dueAt < until);

    // Undo: the old steps come back with their ids, and the links with them.
    Cadence restored = original;
    QVERIFY2(m_cadences->save(&restored, shorter.updatedAt, nullptr, removed, &error),
        qPrintable(error.message));
    QCOMPARE(stepIds(stored(original.id)), stepIds(original));
    QCOMPARE(TouchRepository(m_file->db()).get(touch.id, &error).value_or(Touch()).stepId, s1);
    QVERIFY(TouchRepository(m_file->db()).listEvents(ada, &events, &error));
    for (const ProspectEvent &event : std::as_const(events)) {
        if (event.id == skipEvent)
            QCOMPARE(event.stepId, s2);
        if (event.id == snoozeEvent)
            QCOMPARE(event.stepId, s3);
    }
    QSqlQuery query(m_file->db().connection());
    query.prepare(QStringLiteral("SELECT snoozed_step_id FROM enrollments WHERE id = ?"));
    query.addBindValue(enrollmentId);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toLongLong(), s3);
    const Enrollment relinked = enrollment(enrollmentId);
    QCOMPARE(relinked.nextPosition, 3);
    QCOMPARE(relinked.dueAt, snoozed.dueAt);
}

void TestCadenceRepository::timingChangeDerivesAgain_data()
{
    QTest::addColumn<std::function<void(Cadence &)>>("change");
    QTest::addColumn<bool>("derivesAgain");
    QTest::addColumn<QDateTime>("expectedDue"); // of the call, step 2

    // Step 1 was done on Monday 3 June at 14:00 in Paris; step 2 waits two days
    // and has a 09:00-11:00 window: due Wednesday 09:00 (07:00 UTC).
    QTest::newRow("longer wait") << std::function([](Cadence &c) { c.steps[1].waitDays = 4; })
                                 << true << utc(6, 7, 7);
    QTest::newRow("later window") << std::function([](Cadence &c) {
        c.steps[1].windowStartMinute = 780;
        c.steps[1].windowEndMinute = 900;
    }) << true << utc(6, 5, 11);
    QTest::newRow("business days, same result")
        << std::function([](Cadence &c) { c.steps[1].businessDays = true; }) << true
        << utc(6, 5, 7);
    QTest::newRow("steps swapped")
        << std::function([](Cadence &c) { std::swap(c.steps[1], c.steps[2]); }) << true
        << utc(6, 6, 12); // step 2 now waits three business days, 14:00-16:00
    QTest::newRow("step removed") << std::function([](Cadence &c) { c.steps.removeAt(2); }) << true
                                  << utc(6, 5, 7);
    QTest::newRow("step appended")
        << std::function([](Cadence &c) { c.steps.append(makeStep(TouchChannel::Sms, 1)); }) << true
        << utc(6, 5, 7);
    QTest::newRow("texts only") << std::function([](Cadence &c) {
        c.steps[1].purpose = QStringLiteral("Reworded");
        c.steps[1].body = QStringLiteral("Hello {{first_name}}");
        c.description = QStringLiteral("Reworded too");
    }) << false << QDateTime();
    QTest::newRow("channel only") << std::function([](Cadence &c) {
        c.steps[1].channel = TouchChannel::LinkedIn;
    }) << false << QDateTime();
    QTest::newRow("name only") << std::function([](Cadence &c) {
        c.name = QStringLiteral("Renamed");
    }) << false << QDateTime();
}

void TestCadenceRepository::timingChangeDerivesAgain()
{
    QFETCH(std::function<void(Cadence &)>, change);
    QFETCH(bool, derivesAgain);
    QFETCH(QDateTime, expectedDue);

    Cadence cadence = added(fourSteps(QStringLiteral("Timed")));
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 enrollmentId = enroll(ada, cadence.id);
    QVERIFY(enrollmentId);
    log(ada, TouchChannel::Email, TouchDirection::Out, TouchOutcome::Sent, utc(6, 3, 12),
        enrollmentId, cadence.steps.at(0).id);
    QCOMPARE(enrollment(enrollmentId).dueAt, utc(6, 5, 7));
    QCOMPARE(enrollment(enrollmentId).nextPosition, 2);

    // Marks the stored due times, to see whether the save derived them again.
    const qint64 marker = 1000;
    QVERIFY(Test::execSql(m_file->db(),
        QStringLiteral("UPDATE enrollments SET due_at = ? WHERE id = ?"), {marker, enrollmentId}));
    QVERIFY(Test::execSql(m_file->db(),
        QStringLiteral("UPDATE prospects SET next_due_at = ? WHERE id = ?"), {marker, ada}));

    change(cadence);
    Error error;
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));

    const Enrollment after = enrollment(enrollmentId);
    const Prospect prospect
        = ProspectRepository(m_file->db()).get(ada, &error).value_or(Prospect());
    if (!derivesAgain) {
        QCOMPARE(after.dueAt.toMSecsSinceEpoch(), marker);
        QCOMPARE(prospect.nextDueAt.toMSecsSinceEpoch(), marker);
        return;
    }
    QCOMPARE(after.state, EnrollmentState::Active);
    QCOMPARE(after.nextPosition, 2);
    QCOMPARE(after.dueAt, expectedDue);
    QCOMPARE(prospect.nextDueAt, expectedDue);
}

void TestCadenceRepository::endedEnrollmentsFollowTheSteps()
{
    Cadence cadence = added(fourSteps(QStringLiteral("Finished")));
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    const qint64 enrollmentId = enroll(ada, cadence.id);
    const QList<QDateTime> doneAt {utc(6, 3, 12), utc(6, 5, 8), utc(6, 10, 13), utc(6, 17, 9)};
    for (int i = 0; i < 4; ++i)
        log(ada, TouchChannel::Email, TouchDirection::Out, TouchOutcome::Sent, doneAt.at(i),
            enrollmentId, cadence.steps.at(i).id);
    QCOMPARE(enrollment(enrollmentId).state, EnrollmentState::Completed);
    QCOMPARE(enrollment(enrollmentId).endedAt, doneAt.last());

    // A step after the last one: the prospect has it still to do, from now on
    // rather than whenever their next touch happens to be logged.
    const QList<CadenceStep> fourStepsOnly = cadence.steps;
    cadence.steps.append(makeStep(TouchChannel::Phone, 2));
    Error error;
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));
    Enrollment e = enrollment(enrollmentId);
    QCOMPARE(e.state, EnrollmentState::Active);
    QCOMPARE(e.nextPosition, 5);
    QCOMPARE(e.dueAt, utc(6, 18, 22)); // midnight in Paris two days after the last email
    QCOMPARE(
        ProspectRepository(m_file->db()).get(ada, &error).value_or(Prospect()).nextDueAt, e.dueAt);
    const QList<QVariantList> stored = Test::tableRows(m_file->db(), QStringLiteral("enrollments"));
    QVERIFY(EnrollmentRepository::refreshProspects(m_file->db(), {ada}, &error));
    QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("enrollments")), stored);

    // Taking the step out again completes it as before.
    cadence.steps = fourStepsOnly;
    QVERIFY2(m_cadences->save(&cadence, cadence.updatedAt, nullptr, {}, &error),
        qPrintable(error.message));
    e = enrollment(enrollmentId);
    QCOMPARE(e.state, EnrollmentState::Completed);
    QCOMPARE(e.endedAt, doneAt.last());
    QVERIFY(!e.dueAt.isValid());
}

void TestCadenceRepository::removeOnlyWithoutEnrollments()
{
    const Cadence unused = added(fourSteps(QStringLiteral("Unused")));
    const Cadence used = added(fourSteps(QStringLiteral("Used")));
    const qint64 ada = addProspect(QStringLiteral("Ada"));
    QVERIFY(enroll(ada, used.id));
    // Even when nobody runs it any more, its history stays.
    int stopped = 0;
    Error error;
    QVERIFY2(EnrollmentRepository(m_file->db()).unenroll({ada}, 0, &stopped, &error),
        qPrintable(error.message));
    QCOMPARE(stopped, 1);

    QSignalSpy changed(&m_file->db(), &Database::changed);
    QVERIFY(!m_cadences->remove(used.id, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(error.message,
        QStringLiteral("This cadence has enrolled prospects, so it cannot be removed; archive it "
                       "instead."));
    QCOMPARE(stored(used.id), used);
    QCOMPARE(changed.count(), 0);

    QVERIFY2(m_cadences->remove(unused.id, &error), qPrintable(error.message));
    QVERIFY(!m_cadences->get(unused.id, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QCOMPARE(changed.count(), 1);
    // Its steps went with it.
    QSqlQuery query(m_file->db().connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM cadence_steps WHERE cadence_id = ?"));
    query.addBindValue(unused.id);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestCadenceRepository::copyName_data()
{
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("free") << QStringList() << QStringLiteral("Outreach")
                          << QStringLiteral("Outreach (copy)");
    QTest::newRow("copy taken") << QStringList {QStringLiteral("Outreach (copy)")}
                                << QStringLiteral("Outreach")
                                << QStringLiteral("Outreach (copy 2)");
    QTest::newRow("taken in other case")
        << QStringList {QStringLiteral("outreach (COPY)"), QStringLiteral("OUTREACH (copy 2)")}
        << QStringLiteral("Outreach") << QStringLiteral("Outreach (copy 3)");
    QTest::newRow("a gap is used")
        << QStringList {QStringLiteral("Outreach (copy 2)")} << QStringLiteral("Outreach")
        << QStringLiteral("Outreach (copy)");
    QTest::newRow("copy of a copy")
        << QStringList {QStringLiteral("Outreach (copy)")} << QStringLiteral("Outreach (copy)")
        << QStringLiteral("Outreach (copy) (copy)");
    QTest::newRow("percent signs in the name")
        << QStringList {QStringLiteral("50%2 off %1 (copy)")} << QStringLiteral("50%2 off %1")
        << QStringLiteral("50%2 off %1 (copy 2)");
}

void TestCadenceRepository::copyName()
{
    QFETCH(QStringList, existing);
    QFETCH(QString, name);
    QFETCH(QString, expected);

    for (const QString &taken : std::as_const(existing))
        QVERIFY(added(fourSteps(taken)).id > 0);
    QString copy;
    Error error;
    QVERIFY2(m_cadences->copyName(name, &copy, &error), qPrintable(error.message));
    QCOMPARE(copy, expected);
    // And it can be used.
    QVERIFY(added(fourSteps(copy)).id > 0);
}

void TestCadenceRepository::runningCounts()
{
    const Cadence busy = added(fourSteps(QStringLiteral("Busy")));
    const Cadence quiet = added(fourSteps(QStringLiteral("Quiet")));
    QHash<qint64, qint64> enrollmentOf;
    for (const char *name : {"Active", "Paused", "Bounced", "Stopped"}) {
        const qint64 prospect = addProspect(QString::fromLatin1(name));
        enrollmentOf.insert(prospect, enroll(prospect, busy.id));
    }
    const QList<qint64> prospects = enrollmentOf.keys();
    const qint64 replied = addProspect(QStringLiteral("Replied"));
    QVERIFY(enroll(replied, quiet.id));
    log(replied, TouchChannel::Email, TouchDirection::In, TouchOutcome::Replied, utc(6, 4, 9));

    EnrollmentRepository enrollments(m_file->db());
    Error error;
    QList<qint64> sorted = prospects;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY2(
        enrollments.pause(enrollmentOf.value(sorted.at(1)), 0, &error), qPrintable(error.message));
    log(sorted.at(2), TouchChannel::Email, TouchDirection::Out, TouchOutcome::Bounced,
        utc(6, 3, 12));
    int stopped = 0;
    QVERIFY2(enrollments.unenroll({sorted.at(3)}, 0, &stopped, &error), qPrintable(error.message));
    QCOMPARE(enrollment(enrollmentOf.value(sorted.at(0))).state, EnrollmentState::Active);
    QCOMPARE(enrollment(enrollmentOf.value(sorted.at(1))).state, EnrollmentState::Paused);
    QCOMPARE(enrollment(enrollmentOf.value(sorted.at(2))).state, EnrollmentState::Bounced);
    QCOMPARE(enrollment(enrollmentOf.value(sorted.at(3))).state, EnrollmentState::Stopped);

    QHash<qint64, int> counts;
    QVERIFY2(m_cadences->runningCounts(&counts, &error), qPrintable(error.message));
    QCOMPARE(counts, (QHash<qint64, int> {{busy.id, 3}}));
}

QTEST_GUILESS_MAIN(TestCadenceRepository)
#include "tst_cadencerepository.moc"
