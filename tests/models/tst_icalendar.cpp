// Due touches as an iCalendar file (io/ICalendar.h): the structure calendar
// apps import, escaping, folding and stable UIDs.

#include "io/ICalendar.h"

#include <QStringDecoder>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::DueItem)
Q_DECLARE_METATYPE(Touchline::TouchChannel)

namespace {

const QDateTime stamp(QDate(2025, 3, 9), QTime(18, 0, 5), QTimeZone::utc());

DueItem janeDue()
{
    DueItem item;
    item.enrollmentId = 12;
    item.prospectId = 7;
    item.firstName = QStringLiteral("Jane");
    item.lastName = QStringLiteral("Doe");
    item.company = QStringLiteral("Acme");
    item.email = QStringLiteral("jane@acme.example");
    item.phone = QStringLiteral("+1 555 0100");
    item.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/janedoe");
    item.cadenceId = 3;
    item.cadenceName = QStringLiteral("Outbound");
    item.stepCount = 4;
    item.step.id = 34;
    item.step.position = 2;
    item.step.channel = TouchChannel::Email;
    item.step.purpose = QStringLiteral("Follow up");
    item.dueAt = QDateTime(QDate(2025, 3, 10), QTime(8, 30), QTimeZone::utc());
    return item;
}

// The content lines with their folds undone (RFC 5545 3.1), without CRLF.
QStringList unfolded(const QString &calendar)
{
    QString text = calendar;
    text.replace(QLatin1String("\r\n "), QString());
    QStringList lines = text.split(QLatin1String("\r\n"));
    if (lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// The values of every property with this name, as written (still escaped).
QStringList valuesOf(const QString &calendar, const QString &name)
{
    QStringList values;
    const QString prefix = name + QLatin1Char(':');
    const QStringList lines = unfolded(calendar);
    for (const QString &line : lines) {
        if (line.startsWith(prefix))
            values.append(line.sliced(prefix.size()));
    }
    return values;
}

} // namespace

class TestICalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneEvent()
    {
        DueItem item = janeDue();
        // Written in UTC whatever the zone it comes in.
        item.dueAt = QDateTime(QDate(2025, 3, 10), QTime(9, 30, 45, 500), QTimeZone(3600));
        QCOMPARE(ICalendar::write({item}, stamp),
            QStringLiteral("BEGIN:VCALENDAR\r\n"
                           "VERSION:2.0\r\n"
                           "PRODID:-//Touchline//Touchline//EN\r\n"
                           "CALSCALE:GREGORIAN\r\n"
                           "METHOD:PUBLISH\r\n"
                           "BEGIN:VEVENT\r\n"
                           "UID:touchline-due-12-34@touchline\r\n"
                           "DTSTAMP:20250309T180005Z\r\n"
                           "DTSTART:20250310T083045Z\r\n"
                           "DTEND:20250310T084545Z\r\n"
                           "SUMMARY:Email Jane Doe (Acme)\r\n"
                           "DESCRIPTION:Step 2 of 4: Follow up\\nCadence: Outbound\\nEmail: "
                           "jane@acme.exa\r\n"
                           " mple\\nPhone: +1 555 0100\\nLinkedIn: "
                           "https://www.linkedin.com/in/janedoe\r\n"
                           "END:VEVENT\r\n"
                           "END:VCALENDAR\r\n"));
    }

    void noItems()
    {
        QCOMPARE(ICalendar::write({}, stamp),
            QStringLiteral("BEGIN:VCALENDAR\r\n"
                           "VERSION:2.0\r\n"
                           "PRODID:-//Touchline//Touchline//EN\r\n"
                           "CALSCALE:GREGORIAN\r\n"
                           "METHOD:PUBLISH\r\n"
                           "END:VCALENDAR\r\n"));
    }

    void times_data()
    {
        QTest::addColumn<QDateTime>("dueAt");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::newRow("UTC") << QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), QTimeZone::utc())
                             << QStringLiteral("20250102T030405Z")
                             << QStringLiteral("20250102T031905Z");
        QTest::newRow("ahead of UTC")
            << QDateTime(QDate(2025, 6, 1), QTime(1, 0), QTimeZone(5 * 3600))
            << QStringLiteral("20250531T200000Z") << QStringLiteral("20250531T201500Z");
        QTest::newRow("named zone in summer time")
            << QDateTime(QDate(2025, 7, 4), QTime(9, 0), QTimeZone("America/New_York"))
            << QStringLiteral("20250704T130000Z") << QStringLiteral("20250704T131500Z");
        QTest::newRow("ends on the next day")
            << QDateTime(QDate(2024, 12, 31), QTime(23, 50), QTimeZone::utc())
            << QStringLiteral("20241231T235000Z") << QStringLiteral("20250101T000500Z");
    }

    void times()
    {
        QFETCH(QDateTime, dueAt);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QVERIFY(dueAt.isValid());
        DueItem item = janeDue();
        item.dueAt = dueAt;
        const QString calendar = ICalendar::write({item}, stamp);
        QCOMPARE(valuesOf(calendar, QStringLiteral("DTSTART")), QStringList {start});
        QCOMPARE(valuesOf(calendar, QStringLiteral("DTEND")), QStringList {end});
    }

    void summary_data()
    {
        QTest::addColumn<TouchChannel>("channel");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("lastName");
        QTest::addColumn<QString>("company");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("expected");
        const QString jane = QStringLiteral("Jane");
        const QString doe = QStringLiteral("Doe");
        const QString acme = QStringLiteral("Acme");
        const QString email = QStringLiteral("jane@acme.example");
        QTest::newRow("email") << TouchChannel::Email << jane << doe << acme << email
                               << QStringLiteral("Email Jane Doe (Acme)");
        QTest::newRow("call") << TouchChannel::Phone << jane << doe << acme << email
                              << QStringLiteral("Call Jane Doe (Acme)");
        QTest::newRow("LinkedIn") << TouchChannel::LinkedIn << jane << doe << acme << email
                                  << QStringLiteral("LinkedIn message to Jane Doe (Acme)");
        QTest::newRow("text") << TouchChannel::Sms << jane << doe << acme << email
                              << QStringLiteral("Text Jane Doe (Acme)");
        QTest::newRow("no company") << TouchChannel::Phone << jane << doe << QString() << email
                                    << QStringLiteral("Call Jane Doe");
        QTest::newRow("first name only") << TouchChannel::Email << jane << QString() << acme
                                         << email << QStringLiteral("Email Jane (Acme)");
        QTest::newRow("no name: the address")
            << TouchChannel::Email << QString() << QString() << acme << email
            << QStringLiteral("Email jane@acme.example (Acme)");
        QTest::newRow("company only") << TouchChannel::Phone << QString() << QString() << acme
                                      << QString() << QStringLiteral("Call Acme");
    }

    void summary()
    {
        QFETCH(TouchChannel, channel);
        QFETCH(QString, firstName);
        QFETCH(QString, lastName);
        QFETCH(QString, company);
        QFETCH(QString, email);
        QFETCH(QString, expected);
        DueItem item = janeDue();
        item.step.channel = channel;
        item.firstName = firstName;
        item.lastName = lastName;
        item.company = company;
        item.email = email;
        QCOMPARE(valuesOf(ICalendar::write({item}, stamp), QStringLiteral("SUMMARY")),
            QStringList {expected});
    }

    void description_data()
    {
        QTest::addColumn<DueItem>("item");
        QTest::addColumn<QString>("expected"); // as written, escaped
        QTest::newRow("everything")
            << janeDue()
            << QStringLiteral("Step 2 of 4: Follow up\\nCadence: Outbound\\nEmail: "
                              "jane@acme.example\\nPhone: +1 555 0100\\nLinkedIn: "
                              "https://www.linkedin.com/in/janedoe");
        DueItem bare = janeDue();
        bare.step.purpose.clear();
        bare.cadenceName.clear();
        bare.email.clear();
        bare.linkedInUrl.clear();
        QTest::newRow("no purpose, cadence, email or profile")
            << bare << QStringLiteral("Step 2 of 4\\nPhone: +1 555 0100");
        DueItem noPhone = janeDue();
        noPhone.phone.clear();
        noPhone.step.position = 1;
        noPhone.stepCount = 1;
        QTest::newRow("no phone")
            << noPhone
            << QStringLiteral("Step 1 of 1: Follow up\\nCadence: Outbound\\nEmail: "
                              "jane@acme.example\\nLinkedIn: https://www.linkedin.com/in/janedoe");
        DueItem percent = janeDue();
        percent.step.purpose = QStringLiteral("Offer %1 off");
        percent.cadenceName = QStringLiteral("%2 cadence");
        percent.email.clear();
        percent.phone.clear();
        percent.linkedInUrl.clear();
        QTest::newRow("placeholders in the texts stay")
            << percent << QStringLiteral("Step 2 of 4: Offer %1 off\\nCadence: %2 cadence");
    }

    void description()
    {
        QFETCH(DueItem, item);
        QFETCH(QString, expected);
        QCOMPARE(valuesOf(ICalendar::write({item}, stamp), QStringLiteral("DESCRIPTION")),
            QStringList {expected});
    }

    void escaping_data()
    {
        QTest::addColumn<QString>("company");
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("descriptionStart");
        QTest::newRow("comma and semicolon")
            << QStringLiteral("Acme, Inc.; EU") << QStringLiteral("Price, terms; dates")
            << QStringLiteral("Email Jane Doe (Acme\\, Inc.\\; EU)")
            << QStringLiteral("Step 2 of 4: Price\\, terms\\; dates\\n");
        QTest::newRow("backslash") << QStringLiteral("A\\B") << QStringLiteral("C:\\new\\")
                                   << QStringLiteral("Email Jane Doe (A\\\\B)")
                                   << QStringLiteral("Step 2 of 4: C:\\\\new\\\\\\n");
        QTest::newRow("line breaks")
            << QStringLiteral("Acme\nEU") << QStringLiteral("one\ntwo\r\nthree\rfour")
            << QStringLiteral("Email Jane Doe (Acme\\nEU)")
            << QStringLiteral("Step 2 of 4: one\\ntwo\\nthree\\nfour\\n");
        QTest::newRow("colon and quotes stay")
            << QStringLiteral("\"Acme\": EU") << QStringLiteral("Ask: \"when?\"")
            << QStringLiteral("Email Jane Doe (\"Acme\": EU)")
            << QStringLiteral("Step 2 of 4: Ask: \"when?\"\\n");
    }

    void escaping()
    {
        QFETCH(QString, company);
        QFETCH(QString, purpose);
        QFETCH(QString, summary);
        QFETCH(QString, descriptionStart);
        DueItem item = janeDue();
        item.company = company;
        item.step.purpose = purpose;
        const QString calendar = ICalendar::write({item}, stamp);
        QCOMPARE(valuesOf(calendar, QStringLiteral("SUMMARY")), QStringList {summary});
        const QStringList descriptions = valuesOf(calendar, QStringLiteral("DESCRIPTION"));
        QCOMPARE(descriptions.size(), 1);
        QVERIFY2(
            descriptions.first().startsWith(descriptionStart), qPrintable(descriptions.first()));
        // Every line break is escaped: no content line holds a CR or LF of its own.
        for (const QString &line : unfolded(calendar))
            QVERIFY(!line.contains(QLatin1Char('\r')) && !line.contains(QLatin1Char('\n')));
    }

    void folding_data()
    {
        QTest::addColumn<QString>("purpose");
        QTest::addColumn<QString>("escaped");
        // Text with nothing to escape.
        const auto plain
            = [](const char *name, const QString &text) { QTest::newRow(name) << text << text; };
        plain("ASCII", QStringLiteral("Ask about the pilot. ").repeated(10));
        plain("two-byte Cyrillic",
            QStringLiteral("Спросить о пилотном проекте и сроках. ").repeated(6));
        plain("three-byte CJK",
            QStringLiteral("試験導入の進捗と次回の打ち合わせについて確認する。").repeated(4));
        plain("four-byte emoji", QStringLiteral("🚀📞✉️🤝").repeated(20));
        // ASCII bytes first move every character boundary.
        plain("emoji after one octet", QStringLiteral("a") + QStringLiteral("🚀").repeated(60));
        plain("emoji after two octets", QStringLiteral("ab") + QStringLiteral("🚀").repeated(60));
        plain("two-byte after three octets",
            QStringLiteral("abc") + QStringLiteral("é").repeated(80));
        QTest::newRow("escapes across the fold") << QStringLiteral("x,;\\\n").repeated(40)
                                                 << QStringLiteral("x\\,\\;\\\\\\n").repeated(40);
    }

    void folding()
    {
        QFETCH(QString, purpose);
        QFETCH(QString, escaped);
        DueItem item = janeDue();
        item.step.purpose = purpose;
        item.firstName = purpose; // the SUMMARY folds as well
        const QString calendar = ICalendar::write({item}, stamp);

        QByteArray bytes = calendar.toUtf8();
        QVERIFY(bytes.endsWith("\r\n"));
        bytes.chop(2);
        const QList<QByteArray> lines = bytes.split('\n');
        int continuations = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (i + 1 < lines.size()) {
                QVERIFY2(line.endsWith('\r'), line.constData());
                line.chop(1);
            }
            QVERIFY2(line.size() <= 75, line.constData());
            QStringDecoder decoder(QStringConverter::Utf8);
            const QString decoded = decoder.decode(line);
            // A character's bytes are never split over two lines.
            QVERIFY2(!decoder.hasError(), line.constData());
            QVERIFY(!decoded.isEmpty());
            if (line.startsWith(' ')) {
                ++continuations;
                // A line is only folded when the next character does not fit.
                const QByteArray previous = lines.at(i - 1).chopped(1);
                QVERIFY2(previous.size() > 75 - 4, previous.constData());
            }
        }
        QVERIFY(continuations >= 2);

        // Unfolding gives back the whole line.
        QCOMPARE(valuesOf(calendar, QStringLiteral("SUMMARY")),
            QStringList {QLatin1String("Email ") + escaped + QLatin1String(" Doe (Acme)")});
        const QStringList descriptions = valuesOf(calendar, QStringLiteral("DESCRIPTION"));
        QCOMPARE(descriptions.size(), 1);
        QVERIFY(descriptions.first().startsWith(
            QLatin1String("Step 2 of 4: ") + escaped + QLatin1String("\\nCadence: ")));
    }

    void uidsAreStable()
    {
        const DueItem first = janeDue();
        DueItem later = janeDue();
        later.dueAt = later.dueAt.addDays(3);
        later.firstName = QStringLiteral("Janet");
        later.step.purpose = QStringLiteral("Another purpose");
        const QStringList uid = valuesOf(ICalendar::write({first}, stamp), QStringLiteral("UID"));
        QCOMPARE(uid, QStringList {QStringLiteral("touchline-due-12-34@touchline")});
        QCOMPARE(valuesOf(ICalendar::write({later}, stamp.addDays(1)), QStringLiteral("UID")), uid);

        DueItem nextStep = janeDue();
        nextStep.step.id = 35;
        DueItem otherEnrollment = janeDue();
        otherEnrollment.enrollmentId = 13;
        const QStringList uids = valuesOf(
            ICalendar::write({first, nextStep, otherEnrollment}, stamp), QStringLiteral("UID"));
        QCOMPARE(uids,
            (QStringList {QStringLiteral("touchline-due-12-34@touchline"),
                QStringLiteral("touchline-due-12-35@touchline"),
                QStringLiteral("touchline-due-13-34@touchline")}));
    }

    void invalidDueTimesAreSkipped()
    {
        DueItem first = janeDue();
        DueItem undated = janeDue();
        undated.enrollmentId = 20;
        undated.dueAt = QDateTime();
        DueItem last = janeDue();
        last.enrollmentId = 21;
        const QString calendar = ICalendar::write({first, undated, last}, stamp);
        QCOMPARE(valuesOf(calendar, QStringLiteral("UID")),
            (QStringList {QStringLiteral("touchline-due-12-34@touchline"),
                QStringLiteral("touchline-due-21-34@touchline")}));
        QCOMPARE(valuesOf(calendar, QStringLiteral("BEGIN")).count(QStringLiteral("VEVENT")), 2);
        QCOMPARE(valuesOf(calendar, QStringLiteral("END")).count(QStringLiteral("VEVENT")), 2);
        QCOMPARE(ICalendar::write({undated}, stamp), ICalendar::write({}, stamp));
    }
};

QTEST_GUILESS_MAIN(TestICalendar)
#include "tst_icalendar.moc"
