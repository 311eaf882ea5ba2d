// The touch vocabulary and its rules that need no file: domain/Touch.h and
// domain/ProspectEvent.h.

#include "domain/ProspectEvent.h"
#include "domain/Touch.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

Q_DECLARE_METATYPE(TouchChannel)
Q_DECLARE_METATYPE(TouchDirection)
Q_DECLARE_METATYPE(TouchOutcome)
Q_DECLARE_METATYPE(Touchline::Touch)
Q_DECLARE_METATYPE(Touchline::ProspectEvent)
Q_DECLARE_METATYPE(Touchline::TouchFieldError::Field)

namespace {

using O = TouchOutcome;
using Field = TouchFieldError::Field;

const QDateTime now(QDate(2025, 3, 10), QTime(12, 0), QTimeZone::utc());

Touch touchOf(TouchChannel channel, TouchDirection direction, TouchOutcome outcome)
{
    Touch touch;
    touch.prospectId = 1;
    touch.channel = channel;
    touch.direction = direction;
    touch.outcome = outcome;
    touch.occurredAt = now.addSecs(-3600);
    return touch;
}

} // namespace

class TestTouch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysRoundTrip();
    void unknownKeysAreRefused_data();
    void unknownKeysAreRefused();
    void displayNames();
    void outcomesFor_data();
    void outcomesFor();
    void everyOutcomeFitsSomewhere();
    void isNumbered_data();
    void isNumbered();
    void validateTouch_data();
    void validateTouch();
    void eventText_data();
    void eventText();
};

void TestTouch::keysRoundTrip()
{
    for (TouchChannel channel : allChannels()) {
        TouchChannel parsed
            = channel == TouchChannel::Email ? TouchChannel::Note : TouchChannel::Email;
        QVERIFY(channelFromKey(channelKey(channel), &parsed));
        QCOMPARE(parsed, channel);
    }
    for (TouchDirection direction : {TouchDirection::Out, TouchDirection::In}) {
        TouchDirection parsed
            = direction == TouchDirection::Out ? TouchDirection::In : TouchDirection::Out;
        QVERIFY(directionFromKey(directionKey(direction), &parsed));
        QCOMPARE(parsed, direction);
    }
    for (TouchOutcome outcome : allOutcomes()) {
        TouchOutcome parsed = outcome == O::Sent ? O::Noted : O::Sent;
        QVERIFY(outcomeFromKey(outcomeKey(outcome), &parsed));
        QCOMPARE(parsed, outcome);
    }
    QCOMPARE(allOutcomes().size(), 11);
    QCOMPARE(outcomeKey(O::Noted), QStringLiteral("noted"));
    ProspectEventKind kind = ProspectEventKind::DoNotContactSet;
    QVERIFY(eventKindFromKey(QStringLiteral("do_not_contact_lifted"), &kind));
    QCOMPARE(kind, ProspectEventKind::DoNotContactLifted);
}

void TestTouch::unknownKeysAreRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("display name") << QStringLiteral("Email");
    QTest::newRow("upper case") << QStringLiteral("SENT");
    QTest::newRow("padded") << QStringLiteral(" out");
    QTest::newRow("made up") << QStringLiteral("pigeon");
}

void TestTouch::unknownKeysAreRefused()
{
    QFETCH(QString, key);
    TouchChannel channel = TouchChannel::Sms;
    TouchDirection direction = TouchDirection::In;
    TouchOutcome outcome = O::Accepted;
    QVERIFY(!channelFromKey(key, &channel));
    QVERIFY(!directionFromKey(key, &direction));
    QVERIFY(!outcomeFromKey(key, &outcome));
    // Left as they were.
    QCOMPARE(channel, TouchChannel::Sms);
    QCOMPARE(direction, TouchDirection::In);
    QCOMPARE(outcome, O::Accepted);
}

void TestTouch::displayNames()
{
    QCOMPARE(channelDisplayName(TouchChannel::Phone), QStringLiteral("Phone call"));
    QCOMPARE(channelDisplayName(TouchChannel::LinkedIn), QStringLiteral("LinkedIn"));
    QCOMPARE(directionDisplayName(TouchDirection::In), QStringLiteral("Inbound"));
    QCOMPARE(outcomeDisplayName(O::Voicemail), QStringLiteral("Voicemail left"));
    QCOMPARE(outcomeDisplayName(O::Noted), QStringLiteral("Noted"));
    for (TouchOutcome outcome : allOutcomes())
        QVERIFY(!outcomeDisplayName(outcome).isEmpty());
}

void TestTouch::outcomesFor_data()
{
    QTest::addColumn<TouchChannel>("channel");
    QTest::addColumn<TouchDirection>("direction");
    QTest::addColumn<QList<TouchOutcome>>("expected");
    const auto out = TouchDirection::Out;
    const auto in = TouchDirection::In;
    QTest::newRow("email out") << TouchChannel::Email << out << QList<O> {O::Sent, O::Bounced};
    QTest::newRow("email in") << TouchChannel::Email << in
                              << QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    QTest::newRow("phone out") << TouchChannel::Phone << out
                               << QList<O> {O::NoAnswer, O::Voicemail, O::Connected,
                                      O::MeetingBooked, O::OptedOut};
    QTest::newRow("phone in") << TouchChannel::Phone << in
                              << QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    QTest::newRow("linkedin out") << TouchChannel::LinkedIn << out
                                  << QList<O> {O::Sent, O::Accepted};
    QTest::newRow("linkedin in") << TouchChannel::LinkedIn << in
                                 << QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    QTest::newRow("sms out") << TouchChannel::Sms << out << QList<O> {O::Sent};
    QTest::newRow("sms in") << TouchChannel::Sms << in
                            << QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    QTest::newRow("meeting out") << TouchChannel::Meeting << out
                                 << QList<O> {O::MeetingBooked, O::MeetingHeld};
    QTest::newRow("meeting in") << TouchChannel::Meeting << in
                                << QList<O> {O::MeetingBooked, O::MeetingHeld};
    QTest::newRow("note out") << TouchChannel::Note << out << QList<O> {O::Noted, O::OptedOut};
    QTest::newRow("note in is not allowed") << TouchChannel::Note << in << QList<O> {};
}

void TestTouch::outcomesFor()
{
    QFETCH(TouchChannel, channel);
    QFETCH(TouchDirection, direction);
    QFETCH(QList<TouchOutcome>, expected);
    QCOMPARE(Touchline::outcomesFor(channel, direction), expected);
}

void TestTouch::everyOutcomeFitsSomewhere()
{
    QSet<TouchOutcome> offered;
    for (TouchChannel channel : allChannels()) {
        for (TouchDirection direction : {TouchDirection::Out, TouchDirection::In}) {
            for (TouchOutcome outcome : Touchline::outcomesFor(channel, direction))
                offered.insert(outcome);
        }
    }
    for (TouchOutcome outcome : allOutcomes())
        QVERIFY2(offered.contains(outcome), qPrintable(outcomeKey(outcome)));
}

void TestTouch::isNumbered_data()
{
    QTest::addColumn<TouchChannel>("channel");
    QTest::addColumn<TouchDirection>("direction");
    QTest::addColumn<bool>("numbered");
    for (TouchChannel channel : allChannels()) {
        const bool attempt = channel != TouchChannel::Meeting && channel != TouchChannel::Note;
        QTest::addRow("%s out", qPrintable(channelKey(channel)))
            << channel << TouchDirection::Out << attempt;
        QTest::addRow("%s in", qPrintable(channelKey(channel)))
            << channel << TouchDirection::In << false;
    }
}

void TestTouch::isNumbered()
{
    QFETCH(TouchChannel, channel);
    QFETCH(TouchDirection, direction);
    QFETCH(bool, numbered);
    QCOMPARE(Touchline::isNumbered(channel, direction), numbered);
}

void TestTouch::validateTouch_data()
{
    QTest::addColumn<Touch>("touch");
    QTest::addColumn<QList<Field>>("fields");
    QTest::addColumn<QString>("message");

    const auto out = TouchDirection::Out;
    const auto in = TouchDirection::In;
    QTest::newRow("outbound email sent")
        << touchOf(TouchChannel::Email, out, O::Sent) << QList<Field> {} << QString();
    QTest::newRow("inbound call back")
        << touchOf(TouchChannel::Phone, in, O::Replied) << QList<Field> {} << QString();
    QTest::newRow("voicemail on an email")
        << touchOf(TouchChannel::Email, out, O::Voicemail) << QList<Field> {Field::Outcome}
        << QStringLiteral(
               "The outcome \"voicemail\" does not fit channel email, direction out; use one of: "
               "sent, bounced.");
    QTest::newRow("bounce is outbound only")
        << touchOf(TouchChannel::Email, in, O::Bounced) << QList<Field> {Field::Outcome}
        << QStringLiteral("use one of: replied, meeting_booked, opted_out");
    QTest::newRow("inbound note") << touchOf(TouchChannel::Note, in, O::Noted)
                                  << QList<Field> {Field::Direction}
                                  << QStringLiteral("cannot be inbound");
    Touch future = touchOf(TouchChannel::Sms, out, O::Sent);
    future.occurredAt = now.addSecs(3600);
    QTest::newRow("an hour ahead") << future << QList<Field> {Field::OccurredAt}
                                   << QStringLiteral("2025-03-10T13:00:00Z is in the future");
    Touch skew = touchOf(TouchChannel::Sms, out, O::Sent);
    skew.occurredAt = now.addSecs(50);
    QTest::newRow("clock skew allowed") << skew << QList<Field> {} << QString();
    Touch justOver = touchOf(TouchChannel::Sms, out, O::Sent);
    justOver.occurredAt = now.addSecs(61);
    QTest::newRow("just over the skew")
        << justOver << QList<Field> {Field::OccurredAt} << QStringLiteral("in the future");
    Touch noTime = touchOf(TouchChannel::Phone, out, O::NoAnswer);
    noTime.occurredAt = QDateTime();
    QTest::newRow("no time") << noTime << QList<Field> {Field::OccurredAt}
                             << QStringLiteral("Enter when the touch happened.");
    Touch longNotes = touchOf(TouchChannel::Note, out, O::Noted);
    longNotes.notes = QString(10001, QLatin1Char('x'));
    QTest::newRow("notes too long")
        << longNotes << QList<Field> {Field::Notes} << QStringLiteral("10000 characters");
    Touch longestNotes = longNotes;
    longestNotes.notes.chop(1);
    QTest::newRow("notes at the limit") << longestNotes << QList<Field> {} << QString();
    Touch everything = touchOf(TouchChannel::Meeting, in, O::Sent);
    everything.occurredAt = now.addDays(2);
    everything.notes = longNotes.notes;
    QTest::newRow("three problems")
        << everything << QList<Field> {Field::Outcome, Field::OccurredAt, Field::Notes}
        << QStringLiteral("meeting_booked, meeting_held");
}

void TestTouch::validateTouch()
{
    QFETCH(Touch, touch);
    QFETCH(QList<Field>, fields);
    QFETCH(QString, message);
    const QList<TouchFieldError> errors = Touchline::validateTouch(touch, now);
    QList<Field> found;
    for (const TouchFieldError &error : errors)
        found.append(error.field);
    QCOMPARE(found, fields);
    if (!message.isEmpty())
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
}

void TestTouch::eventText_data()
{
    QTest::addColumn<ProspectEvent>("event");
    QTest::addColumn<QString>("text");
    ProspectEvent set;
    set.kind = ProspectEventKind::DoNotContactSet;
    set.detail = QStringLiteral("email");
    QTest::newRow("opt-out by email")
        << set << QStringLiteral("Marked do not contact (opted out by email)");
    set.detail = QStringLiteral("phone");
    QTest::newRow("opt-out on a call")
        << set << QStringLiteral("Marked do not contact (opted out on a call)");
    set.detail = QString();
    QTest::newRow("no detail") << set << QStringLiteral("Marked do not contact");
    ProspectEvent lifted;
    lifted.kind = ProspectEventKind::DoNotContactLifted;
    lifted.authorName = QStringLiteral("Maya");
    QTest::newRow("lifted by Maya") << lifted << QStringLiteral("Do-not-contact lifted by Maya");
    lifted.authorName.clear();
    QTest::newRow("lifted by nobody known") << lifted << QStringLiteral("Do-not-contact lifted");
}

void TestTouch::eventText()
{
    QFETCH(ProspectEvent, event);
    QFETCH(QString, text);
    QCOMPARE(eventDisplayText(event), text);
}

QTEST_GUILESS_MAIN(TestTouch)
#include "tst_touch.moc"
