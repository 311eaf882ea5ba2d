// Cadences as values and their vocabulary: domain/Cadence.h.

#include "domain/Cadence.h"

#include <QTest>
#include <QTimeZone>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::EnrollmentState)
Q_DECLARE_METATYPE(Touchline::TouchChannel)
Q_DECLARE_METATYPE(Touchline::Cadence)
Q_DECLARE_METATYPE(Touchline::CadenceStep)
Q_DECLARE_METATYPE(Touchline::CadenceFieldError::Field)

namespace {

using Field = CadenceFieldError::Field;
using S = EnrollmentState;

CadenceStep stepOf(qint64 id, TouchChannel channel, int waitDays)
{
    CadenceStep step;
    step.id = id;
    step.channel = channel;
    step.waitDays = waitDays;
    return step;
}

Cadence validCadence()
{
    Cadence cadence;
    cadence.name = QStringLiteral("Three-touch 3-7-14");
    cadence.steps = {stepOf(1, TouchChannel::Email, 0), stepOf(2, TouchChannel::Phone, 3),
        stepOf(3, TouchChannel::LinkedIn, 7)};
    for (int i = 0; i < cadence.steps.size(); ++i)
        cadence.steps[i].position = i + 1;
    return cadence;
}

} // namespace

class TestCadence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateKeys_data();
    void stateKeys();
    void unknownStateKeysAreRefused_data();
    void unknownStateKeysAreRefused();
    void stepChannels();
    void isStepChannel_data();
    void isStepChannel();
    void sameTimingAndEquality_data();
    void sameTimingAndEquality();
    void cadenceStepLookupAndEquality();
    void validateCadence_data();
    void validateCadence();
    void formatSendWindow_data();
    void formatSendWindow();
    void parseSendWindow_data();
    void parseSendWindow();
    void badSendWindowsAreRefused_data();
    void badSendWindowsAreRefused();
};

void TestCadence::stateKeys_data()
{
    QTest::addColumn<EnrollmentState>("state");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<bool>("running");
    QTest::newRow("active") << S::Active << QStringLiteral("active") << QStringLiteral("Active")
                            << true;
    QTest::newRow("paused") << S::Paused << QStringLiteral("paused") << QStringLiteral("Paused")
                            << true;
    QTest::newRow("bounced") << S::Bounced << QStringLiteral("bounced") << QStringLiteral("Bounced")
                             << true;
    QTest::newRow("replied") << S::Replied << QStringLiteral("replied") << QStringLiteral("Replied")
                             << false;
    QTest::newRow("meeting") << S::Meeting << QStringLiteral("meeting") << QStringLiteral("Meeting")
                             << false;
    QTest::newRow("opted_out") << S::OptedOut << QStringLiteral("opted_out")
                               << QStringLiteral("Opted out") << false;
    QTest::newRow("completed") << S::Completed << QStringLiteral("completed")
                               << QStringLiteral("Completed") << false;
    QTest::newRow("stopped") << S::Stopped << QStringLiteral("stopped") << QStringLiteral("Stopped")
                             << false;
}

void TestCadence::stateKeys()
{
    QFETCH(EnrollmentState, state);
    QFETCH(QString, key);
    QFETCH(QString, displayName);
    QFETCH(bool, running);
    QCOMPARE(enrollmentStateKey(state), key);
    EnrollmentState parsed = state == S::Active ? S::Stopped : S::Active;
    QVERIFY(enrollmentStateFromKey(key, &parsed));
    QCOMPARE(parsed, state);
    QCOMPARE(enrollmentStateDisplayName(state), displayName);
    QCOMPARE(isRunning(state), running);
}

void TestCadence::unknownStateKeysAreRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("display name") << QStringLiteral("Opted out");
    QTest::newRow("upper case") << QStringLiteral("ACTIVE");
    QTest::newRow("padded") << QStringLiteral("paused ");
    QTest::newRow("dashed") << QStringLiteral("opted-out");
    QTest::newRow("prospect status") << QStringLiteral("meeting_booked");
}

void TestCadence::unknownStateKeysAreRefused()
{
    QFETCH(QString, key);
    EnrollmentState state = S::Bounced;
    QVERIFY(!enrollmentStateFromKey(key, &state));
    QCOMPARE(state, S::Bounced);
}

void TestCadence::stepChannels()
{
    QCOMPARE(Touchline::stepChannels(),
        (QList<TouchChannel> {
            TouchChannel::Email, TouchChannel::Phone, TouchChannel::LinkedIn, TouchChannel::Sms}));
}

void TestCadence::isStepChannel_data()
{
    QTest::addColumn<TouchChannel>("channel");
    QTest::addColumn<bool>("stepChannel");
    QTest::newRow("email") << TouchChannel::Email << true;
    QTest::newRow("phone") << TouchChannel::Phone << true;
    QTest::newRow("linkedin") << TouchChannel::LinkedIn << true;
    QTest::newRow("sms") << TouchChannel::Sms << true;
    QTest::newRow("meeting") << TouchChannel::Meeting << false;
    QTest::newRow("note") << TouchChannel::Note << false;
}

void TestCadence::isStepChannel()
{
    QFETCH(TouchChannel, channel);
    QFETCH(bool, stepChannel);
    QCOMPARE(Touchline::isStepChannel(channel), stepChannel);
}

void TestCadence::sameTimingAndEquality_data()
{
    QTest::addColumn<CadenceStep>("other");
    QTest::addColumn<bool>("sameTiming");
    QTest::addColumn<bool>("equal");

    CadenceStep step = stepOf(5, TouchChannel::Email, 3);
    step.windowStartMinute = 480;
    step.windowEndMinute = 600;
    QTest::newRow("identical") << step << true << true;
    CadenceStep other = step;
    other.subject = QStringLiteral("Quick question");
    QTest::newRow("subject") << other << true << false;
    other = step;
    other.body = QStringLiteral("Hi {{first_name}}");
    QTest::newRow("body") << other << true << false;
    other = step;
    other.purpose = QStringLiteral("Intro");
    QTest::newRow("purpose") << other << true << false;
    other = step;
    other.channel = TouchChannel::Sms;
    QTest::newRow("channel") << other << true << false;
    other = step;
    other.position = 2;
    QTest::newRow("position") << other << true << false;
    other = step;
    other.id = 6;
    QTest::newRow("id") << other << true << false;
    other = step;
    other.waitDays = 4;
    QTest::newRow("wait") << other << false << false;
    other = step;
    other.businessDays = true;
    QTest::newRow("business days") << other << false << false;
    other = step;
    other.windowStartMinute = 540;
    QTest::newRow("window start") << other << false << false;
    other = step;
    other.windowEndMinute = 660;
    QTest::newRow("window end") << other << false << false;
    other = step;
    other.windowStartMinute = -1;
    other.windowEndMinute = -1;
    QTest::newRow("window removed") << other << false << false;
}

void TestCadence::sameTimingAndEquality()
{
    QFETCH(CadenceStep, other);
    QFETCH(bool, sameTiming);
    QFETCH(bool, equal);
    CadenceStep step = stepOf(5, TouchChannel::Email, 3);
    step.windowStartMinute = 480;
    step.windowEndMinute = 600;
    QCOMPARE(step.sameTiming(other), sameTiming);
    QCOMPARE(other.sameTiming(step), sameTiming);
    QCOMPARE(step == other, equal);
    QCOMPARE(step != other, !equal);
}

void TestCadence::cadenceStepLookupAndEquality()
{
    const Cadence cadence = validCadence();
    QVERIFY(cadence.step(2));
    QCOMPARE(cadence.step(2)->channel, TouchChannel::Phone);
    QCOMPARE(cadence.step(2), &cadence.steps.at(1));
    QCOMPARE(cadence.step(4), nullptr);
    QCOMPARE(cadence.step(0), nullptr);

    // Two steps without a window time alike whatever their unused minutes say.
    CadenceStep anyTime = stepOf(1, TouchChannel::Email, 2);
    CadenceStep halfWindow = anyTime;
    halfWindow.windowStartMinute = 480;
    QVERIFY(anyTime.sameTiming(halfWindow));
    QVERIFY(anyTime != halfWindow);

    Cadence other = cadence;
    QVERIFY(other == cadence);
    other.archived = true;
    QVERIFY(other != cadence);
    other = cadence;
    other.steps[2].waitDays = 8;
    QVERIFY(other != cadence);
    other = cadence;
    other.updatedAt = QDateTime(QDate(2025, 1, 1), QTime(9, 0), QTimeZone::utc());
    QVERIFY(other != cadence);
    other = cadence;
    other.description = QStringLiteral("For trade-show leads");
    QVERIFY(other != cadence);
}

void TestCadence::validateCadence_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QList<Field>>("fields");
    QTest::addColumn<QList<int>>("positions");
    QTest::addColumn<QString>("message"); // part of the first error's message

    const Cadence valid = validCadence();
    QTest::newRow("valid") << valid << QList<Field> {} << QList<int> {} << QString();
    Cadence noSteps = valid;
    noSteps.steps.clear();
    QTest::newRow("no steps yet") << noSteps << QList<Field> {} << QList<int> {} << QString();

    Cadence cadence = valid;
    cadence.name.clear();
    QTest::newRow("empty name") << cadence << QList<Field> {Field::Name} << QList<int> {0}
                                << QStringLiteral("Enter a name for the cadence.");
    cadence.name = QStringLiteral("   ");
    QTest::newRow("blank name") << cadence << QList<Field> {Field::Name} << QList<int> {0}
                                << QStringLiteral("Enter a name");
    cadence.name = QString(maxCadenceNameLength, QLatin1Char('n'));
    QTest::newRow("name at the limit") << cadence << QList<Field> {} << QList<int> {} << QString();
    cadence.name.append(QLatin1Char('n'));
    QTest::newRow("name too long") << cadence << QList<Field> {Field::Name} << QList<int> {0}
                                   << QStringLiteral("limited to 100 characters");

    cadence = valid;
    cadence.description = QString(maxStepTextLength + 1, QLatin1Char('d'));
    QTest::newRow("description too long") << cadence << QList<Field> {Field::Description}
                                          << QList<int> {0} << QStringLiteral("20000 characters");

    cadence = valid;
    cadence.steps[1].channel = TouchChannel::Meeting;
    QTest::newRow("meeting step") << cadence << QList<Field> {Field::StepChannel} << QList<int> {2}
                                  << QStringLiteral("Step 2: Meeting cannot be a cadence step");
    cadence.steps[1].channel = TouchChannel::Note;
    QTest::newRow("note step") << cadence << QList<Field> {Field::StepChannel} << QList<int> {2}
                               << QStringLiteral("Note cannot be a cadence step");

    cadence = valid;
    cadence.steps[2].waitDays = -1;
    QTest::newRow("negative wait") << cadence << QList<Field> {Field::StepWait} << QList<int> {3}
                                   << QStringLiteral("Step 3: the wait is between 0 and 365 days.");
    cadence.steps[2].waitDays = maxStepWaitDays;
    QTest::newRow("wait at the limit") << cadence << QList<Field> {} << QList<int> {} << QString();
    cadence.steps[2].waitDays = maxStepWaitDays + 1;
    QTest::newRow("wait too long") << cadence << QList<Field> {Field::StepWait} << QList<int> {3}
                                   << QStringLiteral("between 0 and 365 days");

    const struct
    {
        const char *name;
        int start;
        int end;
        bool ok;
    } windows[] = {
        {"window 08:00-10:00", 480, 600, true},
        {"window to midnight", 1320, 1440, true},
        {"window from midnight", 0, 60, true},
        {"window one minute", 600, 601, true},
        {"empty window", 600, 600, false},
        {"reversed window", 600, 480, false},
        {"window past midnight", 1380, 1441, false},
        {"window without an end", 480, -1, false},
        {"window without a start", -1, 600, false},
        {"window starting before midnight", -30, 600, false},
    };
    for (const auto &window : windows) {
        cadence = valid;
        cadence.steps[0].windowStartMinute = window.start;
        cadence.steps[0].windowEndMinute = window.end;
        if (window.ok)
            QTest::newRow(window.name) << cadence << QList<Field> {} << QList<int> {} << QString();
        else
            QTest::newRow(window.name)
                << cadence << QList<Field> {Field::StepWindow} << QList<int> {1}
                << QStringLiteral("Step 1: the send window must start before it ends");
    }

    cadence = valid;
    cadence.steps[0].purpose = QString(maxStepTextLength + 1, QLatin1Char('p'));
    QTest::newRow("purpose too long")
        << cadence << QList<Field> {Field::StepPurpose} << QList<int> {1}
        << QStringLiteral("Step 1: the purpose is limited to 20000 characters.");
    cadence = valid;
    cadence.steps[0].subject = QString(maxStepTextLength + 1, QLatin1Char('s'));
    QTest::newRow("subject too long")
        << cadence << QList<Field> {Field::StepSubject} << QList<int> {1}
        << QStringLiteral("Step 1: the subject is limited to 20000 characters.");
    cadence = valid;
    cadence.steps[2].body = QString(maxStepTextLength + 1, QLatin1Char('b'));
    QTest::newRow("body too long") << cadence << QList<Field> {Field::StepBody} << QList<int> {3}
                                   << QStringLiteral("Step 3: the message is limited to 20000");
    cadence.steps[2].body.chop(1);
    QTest::newRow("body at the limit") << cadence << QList<Field> {} << QList<int> {} << QString();
    // Practices are the linter's business: a subject on a call is not an error.
    cadence = valid;
    cadence.steps[1].subject = QStringLiteral("Follow-up");
    QTest::newRow("subject on a call") << cadence << QList<Field> {} << QList<int> {} << QString();

    // Positions are those of the list, whatever the stored ones say.
    cadence = valid;
    cadence.name.clear();
    cadence.steps[0].position = 7;
    cadence.steps[0].waitDays = 400;
    cadence.steps[2].channel = TouchChannel::Note;
    cadence.steps[2].windowStartMinute = 700;
    cadence.steps[2].windowEndMinute = 600;
    QTest::newRow("several problems")
        << cadence
        << QList<Field> {Field::Name, Field::StepWait, Field::StepChannel, Field::StepWindow}
        << QList<int> {0, 1, 3, 3} << QStringLiteral("Enter a name");
}

void TestCadence::validateCadence()
{
    QFETCH(Cadence, cadence);
    QFETCH(QList<Field>, fields);
    QFETCH(QList<int>, positions);
    QFETCH(QString, message);
    const QList<CadenceFieldError> errors = Touchline::validateCadence(cadence);
    QList<Field> foundFields;
    QList<int> foundPositions;
    for (const CadenceFieldError &error : errors) {
        foundFields.append(error.field);
        foundPositions.append(error.position);
        QVERIFY(!error.message.isEmpty());
    }
    QCOMPARE(foundFields, fields);
    QCOMPARE(foundPositions, positions);
    if (!message.isEmpty())
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
}

void TestCadence::formatSendWindow_data()
{
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("text");
    QTest::newRow("morning") << 480 << 600 << QStringLiteral("08:00-10:00");
    QTest::newRow("minutes") << 545 << 1015 << QStringLiteral("09:05-16:55");
    QTest::newRow("from midnight") << 0 << 90 << QStringLiteral("00:00-01:30");
    QTest::newRow("to midnight") << 1320 << 1440 << QStringLiteral("22:00-24:00");
    QTest::newRow("any time") << -1 << -1 << QString();
    QTest::newRow("empty") << 600 << 600 << QString();
    QTest::newRow("reversed") << 600 << 480 << QString();
}

void TestCadence::formatSendWindow()
{
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, text);
    QCOMPARE(Touchline::formatSendWindow(start, end), text);
    if (text.isEmpty())
        return;
    int parsedStart = -5;
    int parsedEnd = -5;
    QVERIFY(Touchline::parseSendWindow(text, &parsedStart, &parsedEnd));
    QCOMPARE(parsedStart, start);
    QCOMPARE(parsedEnd, end);
}

void TestCadence::parseSendWindow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::newRow("canonical") << QStringLiteral("08:00-10:00") << 480 << 600;
    QTest::newRow("one-digit hour") << QStringLiteral("8:00-10:00") << 480 << 600;
    QTest::newRow("spaced dash") << QStringLiteral("08:00 - 10:00") << 480 << 600;
    QTest::newRow("padded") << QStringLiteral("  9:30-17:45 ") << 570 << 1065;
    QTest::newRow("to midnight") << QStringLiteral("22:00-24:00") << 1320 << 1440;
    QTest::newRow("one minute") << QStringLiteral("23:58-23:59") << 1438 << 1439;
    QTest::newRow("empty is any time") << QString() << -1 << -1;
    QTest::newRow("blank is any time") << QStringLiteral("   ") << -1 << -1;
}

void TestCadence::parseSendWindow()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, end);
    int parsedStart = -5;
    int parsedEnd = -5;
    QVERIFY(Touchline::parseSendWindow(text, &parsedStart, &parsedEnd));
    QCOMPARE(parsedStart, start);
    QCOMPARE(parsedEnd, end);
}

void TestCadence::badSendWindowsAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty window") << QStringLiteral("10:00-10:00");
    QTest::newRow("reversed") << QStringLiteral("10:00-08:00");
    QTest::newRow("hour 25") << QStringLiteral("08:00-25:00");
    QTest::newRow("past midnight") << QStringLiteral("23:00-24:01");
    QTest::newRow("starts at 24:00") << QStringLiteral("24:00-24:00");
    QTest::newRow("minute 60") << QStringLiteral("08:60-10:00");
    QTest::newRow("one-digit minutes") << QStringLiteral("8:0-10:00");
    QTest::newRow("three-digit hour") << QStringLiteral("008:00-10:00");
    QTest::newRow("no end") << QStringLiteral("08:00");
    QTest::newRow("no end time") << QStringLiteral("08:00-");
    QTest::newRow("hours only") << QStringLiteral("8-10");
    QTest::newRow("dot") << QStringLiteral("08.00-10.00");
    QTest::newRow("negative") << QStringLiteral("-08:00-10:00");
    QTest::newRow("words") << QStringLiteral("mornings");
    QTest::newRow("am pm") << QStringLiteral("8:00am-10:00am");
    QTest::newRow("two windows") << QStringLiteral("08:00-10:00, 14:00-16:00");
    QTest::newRow("non-ASCII digits") << QStringLiteral("\u0660\u0668:00-10:00");
}

void TestCadence::badSendWindowsAreRefused()
{
    QFETCH(QString, text);
    int start = 123;
    int end = 456;
    QVERIFY(!Touchline::parseSendWindow(text, &start, &end));
    // Left as they were.
    QCOMPARE(start, 123);
    QCOMPARE(end, 456);
}

QTEST_GUILESS_MAIN(TestCadence)
#include "tst_cadence.moc"
