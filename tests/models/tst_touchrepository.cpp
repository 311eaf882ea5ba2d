// The rules of storage/TouchRepository.h on a real file: touch numbering under
// back-dating, edits and deletes, the derived columns, the status rules, the
// do-not-contact block and its lift, the bounce flag and exact undo.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <utility>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;
using Touchline::Test::TouchTables;

Q_DECLARE_METATYPE(Touchline::ProspectStatus)
Q_DECLARE_METATYPE(Touchline::Touch)

namespace {

// Day 1 is 1 May 2024, day 0 the day before.
QDateTime day(int dayOfMay)
{
    return QDateTime(QDate(2024, 5, 1).addDays(dayOfMay - 1), QTime(10, 0), QTimeZone::utc());
}

// "email/out/sent@12": a touch spelled in one word, at 10:00 on that day of May 2024.
Touch touchFrom(qint64 prospectId, const QString &spec)
{
    const QStringList atSplit = spec.split(QLatin1Char('@'));
    const QStringList parts = atSplit.first().split(QLatin1Char('/'));
    Touch touch;
    touch.prospectId = prospectId;
    if (!channelFromKey(parts.value(0), &touch.channel)
        || !directionFromKey(parts.value(1), &touch.direction)
        || !outcomeFromKey(parts.value(2), &touch.outcome))
        qFatal("bad touch spec %s", qPrintable(spec));
    touch.occurredAt = day(atSplit.value(1, QStringLiteral("1")).toInt());
    return touch;
}

} // namespace

class TestTouchRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void numberingUnderBackDating_data();
    void numberingUnderBackDating();
    void numberingAfterEdits_data();
    void numberingAfterEdits();
    void numberingAfterDelete();
    void listIsInTimeOrderWithJoinedNames();

    void statusRules_data();
    void statusRules();
    void statusChangeBumpsRowVersion();

    void optOutBlocksContact_data();
    void optOutBlocksContact();
    void editOfOldTouchOnDoNotContact();
    void liftDoNotContact_data();
    void liftDoNotContact();
    void liftRefusedWhenNotMarked();

    void bounceFlagsAddress();

    void undoRestoresExactly_data();
    void undoRestoresExactly();
    void undoKeepsTeammatesStatus();

    void exportReadsEachTouchOnceInTimeOrder_data();
    void exportReadsEachTouchOnceInTimeOrder();
    void exportStopsWhenAsked();

    void changedSignal();
    void badInput_data();
    void badInput();

private:
    qint64 addProspect(ProspectStatus status = ProspectStatus::New);
    Touch log(const QString &spec, qint64 prospectId = 0);
    QList<int> numbers(qint64 prospectId);

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<TouchRepository> m_touches;
    qint64 m_ada = 0;
};

void TestTouchRepository::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_touches = std::make_unique<TouchRepository>(m_file->db());
    m_ada = addProspect();
    QVERIFY(m_ada);
}

void TestTouchRepository::cleanup()
{
    m_touches.reset();
    m_file.reset();
}

qint64 TestTouchRepository::addProspect(ProspectStatus status)
{
    Prospect p = makeProspect(QStringLiteral("Ada"), QStringLiteral("Lovelace"),
        QStringLiteral("Analytical"), QStringLiteral("ada@example.com"));
    p.status = status;
    Error error;
    if (!ProspectRepository(m_file->db()).add(&p, &error))
        qWarning().noquote() << error.message;
    return p.id;
}

Touch TestTouchRepository::log(const QString &spec, qint64 prospectId)
{
    Touch touch = touchFrom(prospectId ? prospectId : m_ada, spec);
    Error error;
    if (!m_touches->log(&touch, nullptr, &error))
        qWarning().noquote() << "cannot log" << spec << error.message;
    return touch;
}

// The touch numbers in (occurred_at, id) order, 0 for none.
QList<int> TestTouchRepository::numbers(qint64 prospectId)
{
    QList<Touch> touches;
    Error error;
    if (!m_touches->listForProspect(prospectId, &touches, &error))
        qWarning().noquote() << error.message;
    QList<int> result;
    for (const Touch &touch : std::as_const(touches))
        result.append(touch.touchNumber);
    return result;
}

void TestTouchRepository::numberingUnderBackDating_data()
{
    QTest::addColumn<QStringList>("touches"); // logged in this order
    QTest::addColumn<QList<int>>("numbers");  // in time order
    QTest::addColumn<int>("touchCount");
    QTest::addColumn<int>("lastTouchDay");

    QTest::newRow("in order") << QStringList {QStringLiteral("email/out/sent@1"),
        QStringLiteral("phone/out/voicemail@3"), QStringLiteral("sms/out/sent@5")}
                              << QList<int> {1, 2, 3} << 3 << 5;
    QTest::newRow("back-dated to the start") << QStringList {QStringLiteral("email/out/sent@10"),
        QStringLiteral("email/out/sent@12"), QStringLiteral("linkedin/out/sent@2")}
                                             << QList<int> {1, 2, 3} << 3 << 12;
    QTest::newRow("back-dated into the middle")
        << QStringList {QStringLiteral("email/out/sent@10"), QStringLiteral("email/out/sent@20"),
               QStringLiteral("phone/out/no_answer@15"), QStringLiteral("email/out/sent@12")}
        << QList<int> {1, 2, 3, 4} << 4 << 20;
    // Same time: the earlier logged (lower id) comes first.
    QTest::newRow("same time") << QStringList {QStringLiteral("email/out/sent@7"),
        QStringLiteral("sms/out/sent@7")}
                               << QList<int> {1, 2} << 2 << 7;
    QTest::newRow("answers, meetings and notes are not numbered")
        << QStringList {QStringLiteral("email/out/sent@1"), QStringLiteral("email/in/replied@2"),
               QStringLiteral("meeting/in/meeting_booked@3"), QStringLiteral("note/out/noted@9"),
               QStringLiteral("phone/out/connected@4"),
               QStringLiteral("meeting/out/meeting_held@5")}
        << QList<int> {1, 0, 0, 2, 0, 0} << 2 << 5; // the note does not move the last touch
    QTest::newRow("only a note") << QStringList {QStringLiteral("note/out/noted@4")}
                                 << QList<int> {0} << 0 << 0;
}

void TestTouchRepository::numberingUnderBackDating()
{
    QFETCH(QStringList, touches);
    QFETCH(QList<int>, numbers);
    QFETCH(int, touchCount);
    QFETCH(int, lastTouchDay);
    for (const QString &spec : std::as_const(touches))
        QVERIFY(log(spec).id);
    QCOMPARE(this->numbers(m_ada), numbers);
    Error error;
    const auto prospect = ProspectRepository(m_file->db()).get(m_ada, &error);
    QVERIFY(prospect);
    QCOMPARE(prospect->touchCount, touchCount);
    QCOMPARE(prospect->lastTouchAt, lastTouchDay ? day(lastTouchDay) : QDateTime());
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchRepository::numberingAfterEdits_data()
{
    QTest::addColumn<int>("edited");    // index in log order of touches @1, @5, @9
    QTest::addColumn<QString>("after"); // its new values
    QTest::addColumn<QList<int>>("numbers");
    QTest::addColumn<int>("touchCount");

    QTest::newRow("last moved first")
        << 2 << QStringLiteral("email/out/sent@0") << QList<int> {1, 2, 3} << 3;
    QTest::newRow("first moved last")
        << 0 << QStringLiteral("email/out/sent@20") << QList<int> {1, 2, 3} << 3;
    QTest::newRow("middle made a reply")
        << 1 << QStringLiteral("email/in/replied@5") << QList<int> {1, 0, 2} << 2;
    QTest::newRow("first made a note")
        << 0 << QStringLiteral("note/out/noted@1") << QList<int> {0, 1, 2} << 2;
    QTest::newRow("channel changed, same time")
        << 1 << QStringLiteral("phone/out/voicemail@5") << QList<int> {1, 2, 3} << 3;
}

void TestTouchRepository::numberingAfterEdits()
{
    QFETCH(int, edited);
    QFETCH(QString, after);
    QFETCH(QList<int>, numbers);
    QFETCH(int, touchCount);
    QList<Touch> logged;
    for (const QString &spec : {QStringLiteral("email/out/sent@1"),
             QStringLiteral("email/out/sent@5"), QStringLiteral("email/out/sent@9")})
        logged.append(log(spec));
    Touch changed = touchFrom(m_ada, after);
    changed.id = logged.at(edited).id;
    changed.notes = QStringLiteral("edited");
    Error error;
    QVERIFY2(m_touches->update(&changed, nullptr, &error), qPrintable(error.message));
    QCOMPARE(changed.notes, QStringLiteral("edited"));
    QCOMPARE(this->numbers(m_ada), numbers);
    QCOMPARE(ProspectRepository(m_file->db()).get(m_ada, nullptr)->touchCount, touchCount);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchRepository::numberingAfterDelete()
{
    const qint64 other = addProspect();
    QList<Touch> logged;
    for (int d : {1, 3, 5, 7})
        logged.append(log(QStringLiteral("email/out/sent@%1").arg(d)));
    const Touch others = log(QStringLiteral("email/out/sent@2"), other);
    Error error;
    QVERIFY2(m_touches->remove(logged.at(1).id, nullptr, &error), qPrintable(error.message));
    QCOMPARE(numbers(m_ada), (QList<int> {1, 2, 3}));
    QVERIFY(m_touches->remove(logged.at(3).id, nullptr, &error));
    QCOMPARE(numbers(m_ada), (QList<int> {1, 2}));
    const auto prospect = ProspectRepository(m_file->db()).get(m_ada, nullptr);
    QCOMPARE(prospect->touchCount, 2);
    QCOMPARE(prospect->lastTouchAt, day(5));
    QCOMPARE(numbers(other), QList<int> {1}); // another prospect's touches stay
    QVERIFY(!m_touches->remove(logged.at(3).id, nullptr, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY2(error.message.contains(QStringLiteral("no touch with id %1").arg(logged.at(3).id)),
        qPrintable(error.message));
    Q_UNUSED(others);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchRepository::listIsInTimeOrderWithJoinedNames()
{
    Error error;
    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    Touch touch = touchFrom(m_ada, QStringLiteral("phone/out/connected@4"));
    touch.authorId = maya;
    touch.notes = QStringLiteral("Interested, call back in June");
    QVERIFY(m_touches->log(&touch, nullptr, &error));
    QVERIFY(touch.createdAt.isValid());
    QCOMPARE(touch.touchNumber, 1);
    QCOMPARE(touch.authorName, QStringLiteral("Maya"));
    log(QStringLiteral("email/out/sent@2"));
    QList<Touch> touches;
    QVERIFY(m_touches->listForProspect(m_ada, &touches, &error));
    QCOMPARE(touches.size(), 2);
    QCOMPARE(touches.at(0).occurredAt, day(2));
    QCOMPARE(touches.at(1), *m_touches->get(touch.id, &error));
    QCOMPARE(touches.at(1).notes, touch.notes);
    QCOMPARE(touches.at(1).touchNumber, 2);
    QVERIFY(m_touches->listForProspect(9999, &touches, &error));
    QVERIFY(touches.isEmpty());
}

void TestTouchRepository::statusRules_data()
{
    QTest::addColumn<ProspectStatus>("before");
    QTest::addColumn<QString>("touch");
    QTest::addColumn<ProspectStatus>("after");
    using S = ProspectStatus;
    QTest::newRow("outbound leaves new") << S::New << QStringLiteral("email/out/sent") << S::New;
    QTest::newRow("reply to new") << S::New << QStringLiteral("email/in/replied") << S::Replied;
    QTest::newRow("call back in cadence")
        << S::InCadence << QStringLiteral("phone/in/replied") << S::Replied;
    QTest::newRow("reply after meeting stays")
        << S::MeetingBooked << QStringLiteral("sms/in/replied") << S::MeetingBooked;
    QTest::newRow("reply when won stays") << S::Won << QStringLiteral("email/in/replied") << S::Won;
    QTest::newRow("reply when lost stays")
        << S::Lost << QStringLiteral("linkedin/in/replied") << S::Lost;
    QTest::newRow("meeting from new")
        << S::New << QStringLiteral("meeting/in/meeting_booked") << S::MeetingBooked;
    QTest::newRow("meeting from replied")
        << S::Replied << QStringLiteral("phone/out/meeting_booked") << S::MeetingBooked;
    QTest::newRow("meeting when won stays")
        << S::Won << QStringLiteral("meeting/out/meeting_booked") << S::Won;
    QTest::newRow("meeting when lost stays")
        << S::Lost << QStringLiteral("meeting/in/meeting_booked") << S::Lost;
    QTest::newRow("meeting held is no reply when outbound")
        << S::InCadence << QStringLiteral("meeting/out/meeting_held") << S::InCadence;
    QTest::newRow("opt-out by email")
        << S::Replied << QStringLiteral("email/in/opted_out") << S::DoNotContact;
    QTest::newRow("opt-out on our call")
        << S::New << QStringLiteral("phone/out/opted_out") << S::DoNotContact;
    QTest::newRow("opt-out even when won")
        << S::Won << QStringLiteral("note/out/opted_out") << S::DoNotContact;
    QTest::newRow("a note changes nothing") << S::New << QStringLiteral("note/out/noted") << S::New;
}

void TestTouchRepository::statusRules()
{
    QFETCH(ProspectStatus, before);
    QFETCH(QString, touch);
    QFETCH(ProspectStatus, after);
    const qint64 id = addProspect(before);
    QVERIFY(log(touch + QStringLiteral("@3"), id).id);
    Error error;
    QCOMPARE(ProspectRepository(m_file->db()).get(id, &error)->status, after);
    QList<ProspectEvent> events;
    QVERIFY(m_touches->listEvents(id, &events, &error));
    const bool marked = after == ProspectStatus::DoNotContact;
    QCOMPARE(events.size(), marked ? 1 : 0);
    if (marked) {
        QCOMPARE(events.first().kind, ProspectEventKind::DoNotContactSet);
        QCOMPARE(events.first().occurredAt, day(3)); // next to the touch in the timeline
        QCOMPARE(events.first().detail, touch.section(QLatin1Char('/'), 0, 0));
    }
}

void TestTouchRepository::statusChangeBumpsRowVersion()
{
    ProspectRepository prospects(m_file->db());
    const qint64 version = prospects.get(m_ada, nullptr)->rowVersion;
    log(QStringLiteral("email/out/sent@1"));
    QCOMPARE(prospects.get(m_ada, nullptr)->rowVersion, version); // no editable column changed
    log(QStringLiteral("email/in/replied@2"));
    QCOMPARE(prospects.get(m_ada, nullptr)->rowVersion, version + 1);
}

void TestTouchRepository::optOutBlocksContact_data()
{
    QTest::addColumn<QString>("touch");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("email") << QStringLiteral("email/out/sent") << false;
    QTest::newRow("call") << QStringLiteral("phone/out/no_answer") << false;
    QTest::newRow("linkedin") << QStringLiteral("linkedin/out/sent") << false;
    QTest::newRow("sms") << QStringLiteral("sms/out/sent") << false;
    QTest::newRow("outbound meeting") << QStringLiteral("meeting/out/meeting_booked") << false;
    QTest::newRow("note") << QStringLiteral("note/out/noted") << true;
    QTest::newRow("inbound reply") << QStringLiteral("email/in/replied") << true;
    QTest::newRow("inbound meeting") << QStringLiteral("meeting/in/meeting_held") << true;
}

void TestTouchRepository::optOutBlocksContact()
{
    QFETCH(QString, touch);
    QFETCH(bool, allowed);
    log(QStringLiteral("email/out/sent@1"));
    log(QStringLiteral("email/in/opted_out@2"));
    const TouchTables before = TouchTables::of(m_file->db());
    Touch attempt = touchFrom(m_ada, touch + QStringLiteral("@3"));
    Error error;
    QCOMPARE(m_touches->log(&attempt, nullptr, &error), allowed);
    if (allowed) {
        // Still do not contact: an answer does not undo an opt-out.
        QCOMPARE(ProspectRepository(m_file->db()).get(m_ada, nullptr)->status,
            ProspectStatus::DoNotContact);
        return;
    }
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(error.message,
        QStringLiteral("Ada Lovelace asked not to be contacted. Lift do-not-contact first if they "
                       "agreed to hear from you again."));
    QVERIFY(TouchTables::of(m_file->db()) == before);
}

void TestTouchRepository::editOfOldTouchOnDoNotContact()
{
    Touch first = log(QStringLiteral("email/out/sent@1"));
    Touch note = log(QStringLiteral("note/out/noted@2"));
    log(QStringLiteral("email/in/opted_out@3"));
    Error error;
    first.notes = QStringLiteral("corrected later");
    QVERIFY2(m_touches->update(&first, nullptr, &error), qPrintable(error.message));
    note.channel = TouchChannel::Email;
    note.outcome = TouchOutcome::Sent;
    QVERIFY(!m_touches->update(&note, nullptr, &error));
    QVERIFY(error.message.contains(QLatin1String("asked not to be contacted")));
}

void TestTouchRepository::liftDoNotContact_data()
{
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<ProspectStatus>("after");
    QTest::newRow("never answered")
        << QStringList {QStringLiteral("email/out/sent@1"), QStringLiteral("note/out/opted_out@2")}
        << ProspectStatus::New;
    QTest::newRow("only the opt-out")
        << QStringList {QStringLiteral("email/in/opted_out@2")} << ProspectStatus::New;
    QTest::newRow("answered before") << QStringList {QStringLiteral("email/out/sent@1"),
        QStringLiteral("email/in/replied@2"), QStringLiteral("phone/in/opted_out@3")}
                                     << ProspectStatus::Replied;
}

void TestTouchRepository::liftDoNotContact()
{
    QFETCH(QStringList, history);
    QFETCH(ProspectStatus, after);
    for (const QString &spec : std::as_const(history))
        QVERIFY(log(spec).id);
    Error error;
    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    QVERIFY2(m_touches->liftDoNotContact(m_ada, maya, &error), qPrintable(error.message));
    QCOMPARE(ProspectRepository(m_file->db()).get(m_ada, nullptr)->status, after);
    QList<ProspectEvent> events;
    QVERIFY(m_touches->listEvents(m_ada, &events, &error));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, ProspectEventKind::DoNotContactSet);
    QCOMPARE(events.at(1).kind, ProspectEventKind::DoNotContactLifted);
    QCOMPARE(eventDisplayText(events.at(1)), QStringLiteral("Do-not-contact lifted by Maya"));
    // Contact is possible again, and numbering goes on.
    const Touch next = log(QStringLiteral("email/out/sent@20"));
    QVERIFY(next.id);
    QVERIFY(next.touchNumber >= 1);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchRepository::liftRefusedWhenNotMarked()
{
    Error error;
    QVERIFY(!m_touches->liftDoNotContact(m_ada, 0, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QVERIFY2(error.message.contains(QLatin1String("Ada Lovelace is not marked do not contact")),
        qPrintable(error.message));
    QVERIFY(!m_touches->liftDoNotContact(4242, 0, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY(error.message.contains(QLatin1String("no prospect with id 4242")));
}

void TestTouchRepository::bounceFlagsAddress()
{
    ProspectRepository prospects(m_file->db());
    log(QStringLiteral("email/out/sent@1"));
    QVERIFY(!prospects.get(m_ada, nullptr)->emailBounced);
    log(QStringLiteral("email/out/bounced@2"));
    Prospect ada = *prospects.get(m_ada, nullptr);
    QVERIFY(ada.emailBounced);
    QCOMPARE(ada.status, ProspectStatus::New);
    Error error;
    ada.title = QStringLiteral("Countess"); // other fields: the flag stays
    QVERIFY2(prospects.update(&ada, &error), qPrintable(error.message));
    QVERIFY(ada.emailBounced);
    ada.email = QStringLiteral("ada@lovelace.org"); // a new address has not bounced
    QVERIFY(prospects.update(&ada, &error));
    QVERIFY(!ada.emailBounced);
}

void TestTouchRepository::undoRestoresExactly_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("log an email") << QStringLiteral("log email/out/sent@2");
    QTest::newRow("log a back-dated call") << QStringLiteral("log phone/out/voicemail@0");
    QTest::newRow("log a reply") << QStringLiteral("log email/in/replied@6");
    QTest::newRow("log an opt-out") << QStringLiteral("log sms/in/opted_out@6");
    QTest::newRow("log a bounce") << QStringLiteral("log email/out/bounced@6");
    QTest::newRow("edit into a reply") << QStringLiteral("edit email/in/replied@4");
    QTest::newRow("edit to move first") << QStringLiteral("edit email/out/sent@0");
    QTest::newRow("delete") << QStringLiteral("delete");
    QTest::newRow("lift") << QStringLiteral("lift");
}

void TestTouchRepository::undoRestoresExactly()
{
    QFETCH(QString, change);
    const qint64 other = addProspect();
    log(QStringLiteral("email/out/sent@1"));
    const Touch middle = log(QStringLiteral("phone/out/no_answer@3"));
    log(QStringLiteral("linkedin/out/sent@5"));
    log(QStringLiteral("email/out/sent@2"), other);
    if (change == QLatin1String("lift"))
        log(QStringLiteral("note/out/opted_out@5"));
    const TouchTables before = TouchTables::of(m_file->db());

    TouchUndo undo;
    Error error;
    bool ok = false;
    const QString spec = change.section(QLatin1Char(' '), 1);
    if (change.startsWith(QLatin1String("log"))) {
        Touch touch = touchFrom(m_ada, spec);
        ok = m_touches->log(&touch, &undo, &error);
    } else if (change.startsWith(QLatin1String("edit"))) {
        Touch touch = touchFrom(m_ada, spec);
        touch.id = middle.id;
        ok = m_touches->update(&touch, &undo, &error);
    } else if (change == QLatin1String("delete")) {
        ok = m_touches->remove(middle.id, &undo, &error);
    } else {
        ok = m_touches->liftDoNotContact(m_ada, 0, &undo, &error);
    }
    QVERIFY2(ok, qPrintable(error.message));
    QVERIFY(!(TouchTables::of(m_file->db()) == before));
    QVERIFY2(m_touches->undo(undo, &error), qPrintable(error.message));
    QVERIFY(TouchTables::of(m_file->db()) == before);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchRepository::undoKeepsTeammatesStatus()
{
    TouchUndo undo;
    Touch reply = touchFrom(m_ada, QStringLiteral("email/in/replied@2"));
    Error error;
    QVERIFY(m_touches->log(&reply, &undo, &error));
    ProspectRepository prospects(m_file->db());
    Prospect ada = *prospects.get(m_ada, nullptr);
    ada.status = ProspectStatus::Won; // a teammate closes the deal
    QVERIFY(prospects.update(&ada, &error));
    QVERIFY2(m_touches->undo(undo, &error), qPrintable(error.message));
    QCOMPARE(prospects.get(m_ada, nullptr)->status, ProspectStatus::Won);
    QVERIFY(!m_touches->get(reply.id, nullptr));
}

void TestTouchRepository::changedSignal()
{
    QSignalSpy changed(&m_file->db(), &Database::changed);
    // Enrollments: a touch can move or end the prospect's cadence.
    const Database::Tables expected
        = Database::Table::Touches | Database::Table::Prospects | Database::Table::Enrollments;
    TouchUndo undo;
    Touch touch = log(QStringLiteral("email/in/opted_out@1"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.takeFirst().at(0).value<Database::Tables>(), expected);
    Error error;
    touch.notes = QStringLiteral("by email");
    QVERIFY(m_touches->update(&touch, &undo, &error));
    QVERIFY(m_touches->undo(undo, &error));
    QVERIFY(m_touches->liftDoNotContact(m_ada, 0, &error));
    QVERIFY(m_touches->remove(touch.id, nullptr, &error));
    QCOMPARE(changed.size(), 4);
    for (const auto &arguments : std::as_const(changed))
        QCOMPARE(arguments.at(0).value<Database::Tables>(), expected);
    // A refused change notifies nobody.
    Touch refused = touchFrom(m_ada, QStringLiteral("email/out/sent@2"));
    refused.occurredAt = QDateTime::currentDateTimeUtc().addDays(1);
    QVERIFY(!m_touches->log(&refused, nullptr, &error));
    QCOMPARE(changed.size(), 4);
}

void TestTouchRepository::badInput_data()
{
    QTest::addColumn<Touch>("touch");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    Touch unknownProspect = touchFrom(999, QStringLiteral("email/out/sent@1"));
    QTest::newRow("unknown prospect") << unknownProspect << int(Error::Kind::NotFound)
                                      << QStringLiteral("There is no prospect with id 999.");
    QTest::newRow("outcome that does not fit")
        << touchFrom(0, QStringLiteral("sms/out/voicemail@1")) << int(Error::Kind::Invalid)
        << QStringLiteral("The outcome \"voicemail\" does not fit channel sms, direction out");
    Touch future = touchFrom(0, QStringLiteral("email/out/sent@1"));
    future.occurredAt = QDateTime::currentDateTimeUtc().addSecs(600);
    QTest::newRow("future") << future << int(Error::Kind::Invalid)
                            << QStringLiteral("is in the future");
    QTest::newRow("inbound note") << touchFrom(0, QStringLiteral("note/in/noted@1"))
                                  << int(Error::Kind::Invalid)
                                  << QStringLiteral("cannot be inbound");
    Touch noTime = touchFrom(0, QStringLiteral("email/out/sent@1"));
    noTime.occurredAt = {};
    QTest::newRow("no time") << noTime << int(Error::Kind::Invalid)
                             << QStringLiteral("Enter when the touch happened.");
}

void TestTouchRepository::badInput()
{
    QFETCH(Touch, touch);
    QFETCH(int, kind);
    QFETCH(QString, message);
    if (!touch.prospectId)
        touch.prospectId = m_ada;
    const TouchTables before = TouchTables::of(m_file->db());
    Error error;
    QVERIFY(!m_touches->log(&touch, nullptr, &error));
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(TouchTables::of(m_file->db()) == before);
    // An edit is refused the same way.
    const Touch stored = log(QStringLiteral("email/out/sent@1"));
    touch.id = stored.id;
    if (kind == int(Error::Kind::Invalid)) {
        QVERIFY(!m_touches->update(&touch, nullptr, &error));
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QCOMPARE(*m_touches->get(stored.id, nullptr), stored);
    }
}

void TestTouchRepository::exportReadsEachTouchOnceInTimeOrder_data()
{
    QTest::addColumn<int>("prospects"); // beside init()'s, with `touches` each
    QTest::addColumn<int>("touches");
    QTest::addColumn<int>("times");    // distinct times the touches share
    QTest::addColumn<int>("selected"); // the first this many prospects; 0: all

    QTest::newRow("all, one page") << 10 << 3 << 5 << 0;
    // Pages of 5,000: many touches at one time cross the pages' edges.
    QTest::newRow("all, pages, one time") << 2400 << 5 << 1 << 0;
    QTest::newRow("all, pages, a few times") << 2400 << 5 << 7 << 0;
    QTest::newRow("a few prospects") << 50 << 3 << 4 << 20;
    QTest::newRow("many prospects, pages") << 2400 << 5 << 3 << 1500;
}

void TestTouchRepository::exportReadsEachTouchOnceInTimeOrder()
{
    QFETCH(int, prospects);
    QFETCH(int, touches);
    QFETCH(int, times);
    QFETCH(int, selected);
    const QList<qint64> ids = Test::insertProspectsWithTouches(m_file->db(), prospects, touches,
        QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()), times);
    QCOMPARE(ids.size(), prospects);
    const QList<qint64> chosen = selected == 0 ? QList<qint64>() : ids.mid(0, selected);
    // Expected: the chosen prospects' touches (all of them, init()'s Ada's too,
    // without a choice) by time, then id.
    QList<std::pair<qint64, qint64>> expected;
    for (const QVariantList &touch : Test::tableRows(m_file->db(), QStringLiteral("touches"))) {
        const qint64 prospectId = touch.at(1).toLongLong();
        if (chosen.isEmpty() || chosen.contains(prospectId))
            expected.append({touch.at(5).toLongLong(), touch.at(0).toLongLong()});
    }
    std::sort(expected.begin(), expected.end());
    QList<std::pair<qint64, qint64>> exported;
    Error error;
    QVERIFY2(m_touches->forExport(
                 chosen,
                 [&exported](const ExportedTouch &row) {
                     exported.append({row.touch.occurredAt.toMSecsSinceEpoch(), row.touch.id});
                     return true;
                 },
                 &error),
        qPrintable(error.message));
    QCOMPARE(exported.size(), expected.size());
    QVERIFY(exported == expected);
    qint64 count = -1;
    QVERIFY(m_touches->countForExport(chosen, &count, &error));
    QCOMPARE(count, qint64(expected.size()));
}

void TestTouchRepository::exportStopsWhenAsked()
{
    QCOMPARE(
        Test::insertProspectsWithTouches(m_file->db(), 3000, 3, QDateTime::currentDateTimeUtc())
            .size(),
        3000);
    // Past the first page of 5,000.
    int rows = 0;
    Error error;
    QVERIFY(m_touches->forExport(
        {}, [&rows](const ExportedTouch &) { return ++rows < 6000; }, &error));
    QCOMPARE(rows, 6000);
    QVERIFY(!error.isError());
}

QTEST_GUILESS_MAIN(TestTouchRepository)
#include "tst_touchrepository.moc"
