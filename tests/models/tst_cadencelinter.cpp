// Good-practice advice on cadences: domain/CadenceLinter.h.

#include "domain/CadenceLinter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::Cadence)

namespace {

using Kind = LintWarning::Kind;

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::MissingOptOut:
        return QStringLiteral("MissingOptOut");
    case Kind::NoRespectfulClose:
        return QStringLiteral("NoRespectfulClose");
    case Kind::NearDuplicateSteps:
        return QStringLiteral("NearDuplicateSteps");
    case Kind::TooLongForChannel:
        return QStringLiteral("TooLongForChannel");
    case Kind::WaitTooShort:
        return QStringLiteral("WaitTooShort");
    case Kind::TooManySteps:
        return QStringLiteral("TooManySteps");
    case Kind::UnknownPlaceholder:
        return QStringLiteral("UnknownPlaceholder");
    case Kind::EmptyMessage:
        return QStringLiteral("EmptyMessage");
    }
    Q_UNREACHABLE();
}

// "Kind@position" or "Kind@position/other", one per warning, in order.
QStringList describe(const QList<LintWarning> &warnings)
{
    QStringList result;
    for (const LintWarning &warning : warnings) {
        QString text
            = kindName(warning.kind) + QLatin1Char('@') + QString::number(warning.position);
        if (warning.otherPosition != 0)
            text += QLatin1Char('/') + QString::number(warning.otherPosition);
        result.append(text);
    }
    return result;
}

QString messages(const QList<LintWarning> &warnings)
{
    QStringList result;
    for (const LintWarning &warning : warnings)
        result.append(warning.message);
    return result.join(QLatin1Char('\n'));
}

CadenceStep step(TouchChannel channel, int waitDays, const QString &purpose, const QString &subject,
    const QString &body)
{
    CadenceStep result;
    result.channel = channel;
    result.waitDays = waitDays;
    result.purpose = purpose;
    result.subject = subject;
    result.body = body;
    return result;
}

// Three steps that follow every rule; the rows below break one at a time.
Cadence goodCadence()
{
    Cadence cadence;
    cadence.name = QStringLiteral("Good");
    cadence.steps = {
        step(TouchChannel::Email, 0, QStringLiteral("Introduce yourself"),
            QStringLiteral("{{company}} and a quick idea"),
            QStringLiteral("Hi {{first_name}},\n\nI had one idea for {{company}}. Would a short "
                           "call help?\n\n{{sender_name}}\n\nIf this isn't relevant, reply \"no "
                           "thanks\" and I won't write again.")),
        step(TouchChannel::Phone, 3, QStringLiteral("A new angle"), QString(),
            QStringLiteral("Talking points:\n- Mention the checklist.\n- Ask how {{company}} "
                           "follows up today.")),
        step(TouchChannel::Email, 7, QStringLiteral("Respectful close"),
            QStringLiteral("Closing the loop"),
            QStringLiteral("Hi {{first_name}},\n\nThis is my last note for now. If the timing "
                           "changes, just reply.\n\n{{sender_name}}")),
    };
    return cadence;
}

// `words` different words, none shared with another call's.
QString distinctWords(const QString &prefix, int words)
{
    QStringList result;
    for (int i = 0; i < words; ++i)
        result.append(prefix + QString::number(i));
    return result.join(QLatin1Char(' '));
}

const QString longBody = QStringLiteral(
    "Hi {{first_name}}, a team much like yours at {{company}} started answering new leads within "
    "the hour and saw far more first meetings within a quarter. The change was small: one list "
    "of what is due each morning, shared by everyone who follows up. Worth 15 minutes to see if "
    "it applies to you? If you'd rather I stop writing, just say so and I will.");

} // namespace

class TestCadenceLinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultCadencesLintClean();
    void warnings_data();
    void warnings();
    void optOutLines_data();
    void optOutLines();
    void respectfulClose_data();
    void respectfulClose();
    void messagesNameTheStep();
};

void TestCadenceLinter::defaultCadencesLintClean()
{
    // The file DefaultCadences::install() puts in every new database.
    QFile file(QStringLiteral(":/touchline/default-cadences.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cadences = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("cadences"))
                                    .toArray();
    QCOMPARE(cadences.size(), 2);
    for (const QJsonValue &cadenceValue : cadences) {
        const QJsonObject object = cadenceValue.toObject();
        Cadence cadence;
        cadence.name = object.value(QLatin1String("name")).toString();
        for (const QJsonValue &stepValue : object.value(QLatin1String("steps")).toArray()) {
            const QJsonObject stepObject = stepValue.toObject();
            CadenceStep cadenceStep;
            QVERIFY(channelFromKey(
                stepObject.value(QLatin1String("channel")).toString(), &cadenceStep.channel));
            cadenceStep.position = int(cadence.steps.size()) + 1;
            cadenceStep.waitDays = stepObject.value(QLatin1String("wait_days")).toInt();
            cadenceStep.businessDays = stepObject.value(QLatin1String("business_days")).toBool();
            cadenceStep.purpose = stepObject.value(QLatin1String("purpose")).toString();
            cadenceStep.subject = stepObject.value(QLatin1String("subject")).toString();
            cadenceStep.body = stepObject.value(QLatin1String("body")).toString();
            cadence.steps.append(cadenceStep);
        }
        QVERIFY(cadence.steps.size() >= 3);
        const QList<LintWarning> warnings = lintCadence(cadence);
        QVERIFY2(warnings.isEmpty(),
            qPrintable(cadence.name + QLatin1String(": ") + messages(warnings)));
    }
}

void TestCadenceLinter::warnings_data()
{
    QTest::addColumn<Cadence>("cadence");
    QTest::addColumn<QStringList>("expected");

    const Cadence good = goodCadence();
    QTest::newRow("good") << good << QStringList();
    QTest::newRow("no steps") << Cadence() << QStringList();

    Cadence noOptOut = good;
    noOptOut.steps[0].body = QStringLiteral("Hi {{first_name}},\n\nWould a short call help?");
    QTest::newRow("email without opt-out")
        << noOptOut << QStringList {QStringLiteral("MissingOptOut@1")};
    Cadence linkedInWithout = good;
    linkedInWithout.steps[1] = step(TouchChannel::LinkedIn, 3, QStringLiteral("Connect"), QString(),
        QStringLiteral("Hi {{first_name}}, glad to connect."));
    QTest::newRow("only emails need an opt-out") << linkedInWithout << QStringList();

    Cadence noClose = good;
    noClose.steps[2].purpose = QStringLiteral("Another idea");
    noClose.steps[2].subject = QStringLiteral("One more idea");
    noClose.steps[2].body = QStringLiteral("Hi {{first_name}},\n\nHere is another idea for "
                                           "{{company}}.\n\nReply \"no thanks\" and I won't write "
                                           "again.");
    QTest::newRow("no respectful close")
        << noClose << QStringList {QStringLiteral("NoRespectfulClose@3")};
    Cadence single;
    single.steps = {good.steps[0]};
    QTest::newRow("one step needs no close") << single << QStringList();

    Cadence duplicate = good;
    duplicate.steps.append(good.steps[0]);
    duplicate.steps[3].waitDays = 7;
    duplicate.steps[3].body.replace(QLatin1String("short call"), QLatin1String("quick call"));
    duplicate.steps.swapItemsAt(2, 3); // keep the close last
    QTest::newRow("near duplicate")
        << duplicate << QStringList {QStringLiteral("NearDuplicateSteps@3/1")};
    Cadence rewritten = duplicate;
    rewritten.steps[2].subject = QStringLiteral("A story from a team like {{company}}");
    rewritten.steps[2].body = longBody;
    QTest::newRow("rewritten step") << rewritten << QStringList();
    Cadence twoCalls = good;
    twoCalls.steps.insert(2, good.steps[1]);
    QTest::newRow("the same talking points twice")
        << twoCalls << QStringList {QStringLiteral("NearDuplicateSteps@3/2")};

    // 300 characters of text, then a placeholder.
    const QString sms300 = QString(300, QLatin1Char('x'));
    Cadence smsLong = good;
    smsLong.steps[1] = step(
        TouchChannel::Sms, 3, QString(), QString(), sms300 + QLatin1String(" {{linkedin_url}}"));
    QTest::newRow("SMS: placeholder counted as its example (343)")
        << smsLong << QStringList {QStringLiteral("TooLongForChannel@2")};
    Cadence smsShort = good;
    smsShort.steps[1] = step(TouchChannel::Sms, 3, QString(), QString(),
        sms300 + QLatin1String(" {{first_name}}{{first_name}}"));
    QTest::newRow("SMS: longer as written than rendered (315)") << smsShort << QStringList();
    Cadence smsLimit = good;
    smsLimit.steps[1]
        = step(TouchChannel::Sms, 3, QString(), QString(), QString(320, QLatin1Char('x')));
    QTest::newRow("SMS: 320 characters") << smsLimit << QStringList();
    smsLimit.steps[1].body += QLatin1Char('x');
    QTest::newRow("SMS: 321 characters")
        << smsLimit << QStringList {QStringLiteral("TooLongForChannel@2")};
    Cadence linkedIn = good;
    linkedIn.steps[1]
        = step(TouchChannel::LinkedIn, 3, QString(), QString(), QString(1900, QLatin1Char('x')));
    QTest::newRow("LinkedIn: 1,900 characters") << linkedIn << QStringList();
    linkedIn.steps[1].body += QLatin1Char('x');
    QTest::newRow("LinkedIn: 1,901 characters")
        << linkedIn << QStringList {QStringLiteral("TooLongForChannel@2")};
    Cadence subject = good;
    subject.steps[0].subject = QString(80, QLatin1Char('s'));
    QTest::newRow("subject: 80 characters") << subject << QStringList();
    subject.steps[0].subject = QString(70, QLatin1Char('s')) + QLatin1String(" {{company}}");
    QTest::newRow("subject: 88 once rendered")
        << subject << QStringList {QStringLiteral("TooLongForChannel@1")};
    Cadence longPhone = good;
    longPhone.steps[1].body = QString(5000, QLatin1Char('x'));
    QTest::newRow("calls have no length limit") << longPhone << QStringList();

    Cadence sameDay = good;
    sameDay.steps[1].waitDays = 0;
    QTest::newRow("same day") << sameDay << QStringList {QStringLiteral("WaitTooShort@2")};
    Cadence nextDay = good;
    nextDay.steps[2].waitDays = 1;
    nextDay.steps[2].businessDays = true;
    QTest::newRow("next day") << nextDay << QStringList {QStringLiteral("WaitTooShort@3")};
    Cadence twoDays = good;
    twoDays.steps[1].waitDays = 2;
    QTest::newRow("two days") << twoDays << QStringList();
    Cadence laterStart = good;
    laterStart.steps[0].waitDays = 5;
    QTest::newRow("the first step may wait or not") << laterStart << QStringList();

    Cadence eight = good;
    for (int i = 3; i < 8; ++i)
        eight.steps.insert(i - 1,
            step(TouchChannel::Phone, 3, QString(), QString(),
                distinctWords(QStringLiteral("w%1x").arg(i), 8)));
    QCOMPARE(eight.steps.size(), 8);
    QTest::newRow("eight steps") << eight << QStringList();
    Cadence nine = eight;
    nine.steps.insert(7,
        step(TouchChannel::Phone, 3, QString(), QString(),
            distinctWords(QStringLiteral("nine"), 8)));
    QTest::newRow("nine steps") << nine << QStringList {QStringLiteral("TooManySteps@0")};

    Cadence unknown = good;
    unknown.steps[0].subject = QStringLiteral("{{compnay}} and a quick idea");
    unknown.steps[0].body.prepend(QStringLiteral("{{frist_name}} {{}} {{compnay}}\n"));
    QTest::newRow("unknown placeholders: one warning per step")
        << unknown << QStringList {QStringLiteral("UnknownPlaceholder@1")};
    Cadence unclosed = good;
    unclosed.steps[1].body += QLatin1String(" {{company");
    QTest::newRow("unclosed braces are text") << unclosed << QStringList();

    Cadence empty = good;
    empty.steps[0].body = QStringLiteral("  \n\t");
    QTest::newRow("empty email: no opt-out advice on top")
        << empty << QStringList {QStringLiteral("EmptyMessage@1")};
    Cadence emptyCall = good;
    emptyCall.steps[1].body.clear();
    QTest::newRow("empty call") << emptyCall << QStringList {QStringLiteral("EmptyMessage@2")};

    Cadence many = nine;
    many.steps[0].waitDays = 0;
    many.steps[0].body = QStringLiteral("Hi {{frist_name}}");
    many.steps[1].waitDays = 1;
    many.steps[8].purpose = QStringLiteral("More");
    many.steps[8].subject = QStringLiteral("More");
    many.steps[8].body = QStringLiteral("Another thought for you.");
    QTest::newRow("several, in step order")
        << many
        << QStringList {QStringLiteral("TooManySteps@0"), QStringLiteral("MissingOptOut@1"),
               QStringLiteral("UnknownPlaceholder@1"), QStringLiteral("WaitTooShort@2"),
               QStringLiteral("MissingOptOut@9"), QStringLiteral("NoRespectfulClose@9")};
}

void TestCadenceLinter::warnings()
{
    QFETCH(Cadence, cadence);
    QFETCH(QStringList, expected);
    const QList<LintWarning> warnings = lintCadence(cadence);
    QCOMPARE(describe(warnings), expected);
}

void TestCadenceLinter::optOutLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("optOut");

    QTest::newRow("en: no thanks") << "If this isn't relevant, reply \"no thanks\"." << true;
    QTest::newRow("en: reply STOP") << "Reply STOP and I'll close the loop." << true;
    QTest::newRow("en: typographic quotes")
        << "Not a priority? Reply “stop” and I’ll close the loop." << true;
    QTest::newRow("en: rather I stop") << "Let me know if you'd rather I stop." << true;
    QTest::newRow("en: prefer I stop writing")
        << "If you’d prefer I stop writing, just say so and I will." << true;
    QTest::newRow("en: unsubscribe") << "Unsubscribe: https://example.com/u" << true;
    QTest::newRow("en: opt-out") << "You can opt-out at any time." << true;
    QTest::newRow("en: won't write again") << "Tell me and I won’t write again." << true;
    QTest::newRow("en: stop following up") << "Say the word and I'll stop following up." << true;
    QTest::newRow("en: last note counts") << "This is my last note for now." << true;
    QTest::newRow("fr: non merci")
        << "Si ce n'est pas le bon moment, répondez « non merci » et je ne vous écrirai plus."
        << true;
    QTest::newRow("fr: stop") << "Pour ne plus recevoir mes messages, répondez « STOP »." << true;
    QTest::newRow("fr: n'insisterai pas") << "Dites-le-moi et je n’insisterai pas." << true;
    QTest::newRow("fr: without accents") << "Repondez stop si vous preferez." << true;
    QTest::newRow("de: Stopp")
        << "Falls das kein Thema ist, antworten Sie einfach mit „Stopp“ und ich melde mich "
           "nicht mehr."
        << true;
    QTest::newRow("de: keine weiteren Nachrichten")
        << "Wenn Sie keine weiteren Nachrichten wünschen, genügt eine kurze Antwort." << true;
    QTest::newRow("de: abmelden") << "Hier können Sie sich abmelden." << true;

    QTest::newRow("en: none") << "Looking forward to hearing from you." << false;
    QTest::newRow("en: stop in another sense") << "Don't stop believing in your team." << false;
    QTest::newRow("en: thanks alone") << "Thanks for your time." << false;
    QTest::newRow("en: part of a word")
        << "Read the stopwatch story, no thanksgiving needed." << false;
    QTest::newRow("fr: none") << "Au plaisir de vous lire." << false;
    QTest::newRow("de: none") << "Ich freue mich auf Ihre Antwort." << false;
}

void TestCadenceLinter::optOutLines()
{
    QFETCH(QString, line);
    QFETCH(bool, optOut);
    Cadence cadence = goodCadence();
    cadence.steps[0].body
        = QStringLiteral("Hi {{first_name}},\n\nWould a short call help?\n\n") + line;
    const QList<LintWarning> warnings = lintCadence(cadence);
    QCOMPARE(describe(warnings),
        optOut ? QStringList() : QStringList {QStringLiteral("MissingOptOut@1")});
}

void TestCadenceLinter::respectfulClose_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("closes");

    const QString plainBody = QStringLiteral("Hi {{first_name}}, any thoughts? Reply \"no thanks\" "
                                             "if not.");
    QTest::newRow("purpose: break-up") << "Break-up"
                                       << "Hello" << plainBody << true;
    QTest::newRow("purpose: final touch") << "Final touch"
                                          << "Hello" << plainBody << true;
    QTest::newRow("purpose: fr") << "Dernière relance"
                                 << "Bonjour" << plainBody << true;
    QTest::newRow("purpose: de") << "Abschluss"
                                 << "Hallo" << plainBody << true;
    QTest::newRow("subject: closing the loop") << "Follow up"
                                               << "Closing the loop" << plainBody << true;
    QTest::newRow("body: I'll stop")
        << "Follow up"
        << "Hello"
        << "Hi {{first_name}}, I'll stop here and leave the door open. Reply \"no thanks\"."
        << true;
    QTest::newRow("body: fr") << "Relance"
                              << "Bonjour"
                              << "Bonjour {{first_name}}, c'est mon dernier message. Répondez "
                                 "« non merci »."
                              << true;
    QTest::newRow("body: de") << "Nachfassen"
                              << "Hallo"
                              << "Hallo {{first_name}}, das ist meine letzte Nachricht. Antworten "
                                 "Sie mit Stopp."
                              << true;
    QTest::newRow("none") << "Follow up"
                          << "Hello" << plainBody << false;
    QTest::newRow("close only as part of a word") << "Closer look"
                                                  << "Let's look closely" << plainBody << false;
    QTest::newRow("close in the body does not count")
        << "Follow up"
        << "Hello"
        << "Hi {{first_name}}, we are close. Reply \"no thanks\"." << false;
}

void TestCadenceLinter::respectfulClose()
{
    QFETCH(QString, purpose);
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(bool, closes);
    Cadence cadence = goodCadence();
    cadence.steps[2].purpose = purpose;
    cadence.steps[2].subject = subject;
    cadence.steps[2].body = body;
    QCOMPARE(describe(lintCadence(cadence)),
        closes ? QStringList() : QStringList {QStringLiteral("NoRespectfulClose@3")});
}

void TestCadenceLinter::messagesNameTheStep()
{
    Cadence cadence = goodCadence();
    cadence.steps[0].body = QStringLiteral("Hi {{frist_name}}");
    cadence.steps[1].waitDays = 1;
    cadence.steps[2].subject = QString(100, QLatin1Char('s'));
    cadence.steps[2].purpose = QStringLiteral("More");
    const QList<LintWarning> warnings = lintCadence(cadence);
    QCOMPARE(warnings.size(), 4);
    for (const LintWarning &warning : warnings) {
        QVERIFY2(
            warning.message.contains(QLatin1String("tep ") + QString::number(warning.position)),
            qPrintable(warning.message));
        QVERIFY2(warning.message.contains(
                     channelDisplayName(cadence.steps[warning.position - 1].channel)),
            qPrintable(warning.message));
    }
    QVERIFY(warnings[1].message.contains(QLatin1String("{{frist_name}}")));
}

QTEST_GUILESS_MAIN(TestCadenceLinter)
#include "tst_cadencelinter.moc"
