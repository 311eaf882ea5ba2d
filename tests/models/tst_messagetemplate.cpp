// Placeholders of message templates: domain/MessageTemplate.h.

#include "domain/MessageTemplate.h"

#include <QSet>
#include <QTest>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::TemplateContext)

namespace {

// "start:length:key:known", so that a failing row shows every span at once.
QStringList describe(const QList<PlaceholderSpan> &spans)
{
    QStringList result;
    for (const PlaceholderSpan &span : spans)
        result.append(QStringLiteral("%1:%2:%3:%4")
                          .arg(span.start)
                          .arg(span.length)
                          .arg(span.key)
                          .arg(span.known ? 1 : 0));
    return result;
}

QStringList describe(const QList<RenderedSpan> &spans)
{
    QStringList result;
    for (const RenderedSpan &span : spans)
        result.append(QStringLiteral("%1:%2:%3").arg(span.start).arg(span.length).arg(span.key));
    return result;
}

const QLocale usEnglish(QLocale::English, QLocale::UnitedStates);
const QDate lastTouchDay(2025, 3, 4);
const QDate today(2025, 3, 18);

TemplateContext fullContext()
{
    TemplateContext context;
    context.prospect.firstName = QStringLiteral("Camille");
    context.prospect.lastName = QStringLiteral("Durand");
    context.prospect.company = QStringLiteral("Northwind");
    context.prospect.title = QStringLiteral("Head of Sales");
    context.prospect.email = QStringLiteral("camille@northwind.example");
    context.prospect.phone = QStringLiteral("+33 1 23 45 67 89");
    context.prospect.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/camille");
    context.prospect.ownerName = QStringLiteral("Sam Taylor");
    // Noon local time: the same calendar day in every zone the test may run in.
    context.prospect.lastTouchAt = QDateTime(lastTouchDay, QTime(12, 0));
    context.senderName = QStringLiteral("Alex Martin");
    context.schedulingLink = QStringLiteral("https://cal.example.com/alex");
    context.today = today;
    context.locale = usEnglish;
    return context;
}

} // namespace

class TestMessageTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholderList();
    void findPlaceholders_data();
    void findPlaceholders();
    void render_data();
    void render();
    void renderDatesInTheContextLocale();
    void estimatedRenderedLength_data();
    void estimatedRenderedLength();
};

void TestMessageTemplate::placeholderList()
{
    const QList<TemplatePlaceholder> placeholders = templatePlaceholders();
    QStringList keys;
    for (const TemplatePlaceholder &placeholder : placeholders) {
        keys.append(placeholder.key);
        QVERIFY2(!placeholder.description.isEmpty(), qPrintable(placeholder.key));
        QVERIFY2(!placeholder.example.isEmpty(), qPrintable(placeholder.key));
        // Every key is found, and known, in its own syntax.
        const QList<PlaceholderSpan> spans = Touchline::findPlaceholders(
            QLatin1String("{{") + placeholder.key + QLatin1String("}}"));
        QCOMPARE(spans.size(), 1);
        QVERIFY(spans[0].known);
    }
    QCOMPARE(keys,
        QStringList({QStringLiteral("first_name"), QStringLiteral("last_name"),
            QStringLiteral("full_name"), QStringLiteral("company"), QStringLiteral("title"),
            QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("linkedin_url"),
            QStringLiteral("owner_name"), QStringLiteral("sender_name"),
            QStringLiteral("scheduling_link"), QStringLiteral("last_touch_date"),
            QStringLiteral("today")}));
}

void TestMessageTemplate::findPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("spans");

    QTest::newRow("no placeholder") << "Hello there" << QStringList();
    QTest::newRow("empty text") << "" << QStringList();
    QTest::newRow("one") << "Hi {{first_name}},"
                         << QStringList {QStringLiteral("3:14:first_name:1")};
    QTest::newRow("spaces inside")
        << "{{ first_name }}" << QStringList {QStringLiteral("0:16:first_name:1")};
    QTest::newRow("tabs inside") << "{{\tcompany\t}}"
                                 << QStringList {QStringLiteral("0:13:company:1")};
    QTest::newRow("unknown") << "{{frist_name}}"
                             << QStringList {QStringLiteral("0:14:frist_name:0")};
    QTest::newRow("keys are case-sensitive")
        << "{{First_Name}}" << QStringList {QStringLiteral("0:14:First_Name:0")};
    QTest::newRow("two words are one unknown key")
        << "{{first name}}" << QStringList {QStringLiteral("0:14:first name:0")};
    QTest::newRow("empty braces") << "{{}}" << QStringList {QStringLiteral("0:4::0")};
    QTest::newRow("blank braces") << "{{  }}" << QStringList {QStringLiteral("0:6::0")};
    QTest::newRow("unclosed") << "Hi {{first_name" << QStringList();
    QTest::newRow("half closed") << "Hi {{first_name}," << QStringList();
    QTest::newRow("single braces") << "{first_name}" << QStringList();
    QTest::newRow("closing braces only") << "first_name}} and }}" << QStringList();
    QTest::newRow("unclosed, then one")
        << "{{oops {{company}}" << QStringList {QStringLiteral("7:11:company:1")};
    QTest::newRow("nested: the innermost counts")
        << "{{ {{first_name}} }}" << QStringList {QStringLiteral("3:14:first_name:1")};
    QTest::newRow("triple braces")
        << "{{{company}}}" << QStringList {QStringLiteral("1:11:company:1")};
    QTest::newRow("a brace inside")
        << "{{a}b}} {{title}}" << QStringList {QStringLiteral("8:9:title:1")};
    QTest::newRow("adjacent") << "{{first_name}}{{last_name}}"
                              << QStringList {QStringLiteral("0:14:first_name:1"),
                                     QStringLiteral("14:13:last_name:1")};
    QTest::newRow("line break inside") << "{{first_name\n}}" << QStringList();
    QTest::newRow("paragraph separator inside") << QString(
        QStringLiteral("{{first_name") + QChar(QChar::ParagraphSeparator) + QStringLiteral("}}"))
                                                << QStringList();
    // Positions are in QString (UTF-16) units: the emoji takes two.
    QTest::newRow("emoji before") << "👋 {{first_name}}"
                                  << QStringList {QStringLiteral("3:14:first_name:1")};
    QTest::newRow("Japanese before")
        << "こんにちは {{company}}" << QStringList {QStringLiteral("6:11:company:1")};
    QTest::newRow("combining accent before")
        << "Ame\u0301lie {{today}}" << QStringList {QStringLiteral("8:9:today:1")};
    QTest::newRow("emoji key") << "{{👋}}" << QStringList {QStringLiteral("0:6:👋:0")};
}

void TestMessageTemplate::findPlaceholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, spans);
    QCOMPARE(describe(Touchline::findPlaceholders(text)), spans);
}

void TestMessageTemplate::render_data()
{
    QTest::addColumn<TemplateContext>("context");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rendered");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<QStringList>("empty");

    const TemplateContext full = fullContext();
    const QString lastTouch = usEnglish.toString(lastTouchDay, QLocale::ShortFormat);
    const QString todayText = usEnglish.toString(today, QLocale::ShortFormat);

    QTest::newRow("every placeholder")
        << full
        << "{{first_name}}|{{last_name}}|{{full_name}}|{{company}}|{{title}}|{{email}}|{{phone}}|"
           "{{linkedin_url}}|{{owner_name}}|{{sender_name}}|{{scheduling_link}}|"
           "{{last_touch_date}}|{{today}}"
        << QString(QStringLiteral("Camille|Durand|Camille Durand|Northwind|Head of Sales|"
                                  "camille@northwind.example|+33 1 23 45 67 89|"
                                  "https://www.linkedin.com/in/camille|Sam Taylor|Alex Martin|"
                                  "https://cal.example.com/alex|")
               + lastTouch + QLatin1Char('|') + todayText)
        << QStringList() << QStringList();
    QTest::newRow("no placeholder") << full << "Plain text"
                                    << "Plain text" << QStringList() << QStringList();
    QTest::newRow("spaces inside") << full << "Hi {{ first_name }}!"
                                   << "Hi Camille!" << QStringList() << QStringList();
    QTest::newRow("unknown stays as written")
        << full << "Hi {{frist_name}}!"
        << "Hi {{frist_name}}!" << QStringList {QStringLiteral("3:14:frist_name")} << QStringList();
    QTest::newRow("empty braces stay")
        << full << "{{}}"
        << "{{}}" << QStringList {QStringLiteral("0:4:")} << QStringList();
    QTest::newRow("unclosed stays, unreported")
        << full << "Hi {{first_name"
        << "Hi {{first_name" << QStringList() << QStringList();

    TemplateContext noCompany = full;
    noCompany.prospect.company.clear();
    QTest::newRow("empty value: a marker")
        << noCompany << "at {{company}}."
        << "at [company]." << QStringList() << QStringList {QStringLiteral("3:9:company")};

    TemplateContext blankTitle = full;
    blankTitle.prospect.title = QStringLiteral("  \t");
    QTest::newRow("white space is no value")
        << blankTitle << "as {{ title }}"
        << "as [title]" << QStringList() << QStringList {QStringLiteral("3:7:title")};
    QTest::newRow("positions in the rendered text")
        << blankTitle << "{{company}} {{frist}} {{title}} {{oops}}"
        << "Northwind {{frist}} [title] {{oops}}"
        << QStringList {QStringLiteral("10:9:frist"), QStringLiteral("28:8:oops")}
        << QStringList {QStringLiteral("20:7:title")};
    QTest::newRow("emoji before an unknown one")
        << full << "👋 {{oops}}"
        << "👋 {{oops}}" << QStringList {QStringLiteral("3:8:oops")} << QStringList();

    TemplateContext firstNameOnly = full;
    firstNameOnly.prospect.lastName.clear();
    QTest::newRow("full name of a first name only") << firstNameOnly << "{{full_name}}"
                                                    << "Camille" << QStringList() << QStringList();
    TemplateContext nameless = full;
    nameless.prospect.firstName.clear();
    nameless.prospect.lastName.clear();
    QTest::newRow("full name without a name")
        << nameless << "Hi {{full_name}},"
        << "Hi [full_name]," << QStringList() << QStringList {QStringLiteral("3:11:full_name")};

    TemplateContext untouched = full;
    untouched.prospect.lastTouchAt = QDateTime();
    QTest::newRow("no touch yet") << untouched << "since {{last_touch_date}}"
                                  << "since [last_touch_date]" << QStringList()
                                  << QStringList {QStringLiteral("6:17:last_touch_date")};

    TemplateContext bare;
    bare.today = QDate();
    QTest::newRow("nothing known")
        << bare << "{{sender_name}} {{scheduling_link}} {{today}}"
        << "[sender_name] [scheduling_link] [today]" << QStringList()
        << QStringList {QStringLiteral("0:13:sender_name"), QStringLiteral("14:17:scheduling_link"),
               QStringLiteral("32:7:today")};

    TemplateContext bracesInValue = full;
    bracesInValue.prospect.company = QStringLiteral("{{first_name}} Inc");
    QTest::newRow("values are not expanded again")
        << bracesInValue << "at {{company}}"
        << "at {{first_name}} Inc" << QStringList() << QStringList();
    QTest::newRow("French text around")
        << full << "Bonjour {{first_name}}, à bientôt ! — {{sender_name}}"
        << "Bonjour Camille, à bientôt ! — Alex Martin" << QStringList() << QStringList();
}

void TestMessageTemplate::render()
{
    QFETCH(TemplateContext, context);
    QFETCH(QString, text);
    QFETCH(QString, rendered);
    QFETCH(QStringList, unknown);
    QFETCH(QStringList, empty);

    const RenderedTemplate result = renderTemplate(text, context);
    QCOMPARE(result.text, rendered);
    QCOMPARE(describe(result.unknown), unknown);
    QCOMPARE(describe(result.empty), empty);
    // The spans point at what the preview colours.
    for (const RenderedSpan &span : result.unknown)
        QVERIFY(result.text.mid(span.start, span.length).contains(span.key));
    for (const RenderedSpan &span : result.empty)
        QCOMPARE(result.text.mid(span.start, span.length),
            QString(QLatin1Char('[') + span.key + QLatin1Char(']')));
}

void TestMessageTemplate::renderDatesInTheContextLocale()
{
    TemplateContext context = fullContext();
    context.locale = QLocale(QLocale::German, QLocale::Germany);
    const RenderedTemplate result
        = renderTemplate(QStringLiteral("{{last_touch_date}} {{today}}"), context);
    QCOMPARE(result.text,
        context.locale.toString(lastTouchDay, QLocale::ShortFormat) + QLatin1Char(' ')
            + context.locale.toString(today, QLocale::ShortFormat));
    QVERIFY(result.text.startsWith(QLatin1String("04.03.")));
}

void TestMessageTemplate::estimatedRenderedLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("length");

    const int dateLength = int(QLocale().toString(QDate(2025, 3, 4), QLocale::ShortFormat).size());
    QTest::newRow("plain") << "Hello" << 5;
    QTest::newRow("empty") << "" << 0;
    QTest::newRow("first name as its example") << "Hi {{first_name}}" << 3 + 7;
    QTest::newRow("spaces inside change nothing") << "Hi {{  first_name }}" << 3 + 7;
    QTest::newRow("unknown as written") << "Hi {{frist_name}}" << 3 + 14;
    QTest::newRow("link longer than written") << "{{linkedin_url}}" << 42;
    QTest::newRow("date in the default locale") << "{{today}}!" << dateLength + 1;
    QTest::newRow("emoji: two units") << "👋 {{company}}" << 3 + 17;
}

void TestMessageTemplate::estimatedRenderedLength()
{
    QFETCH(QString, text);
    QFETCH(int, length);
    QCOMPARE(Touchline::estimatedRenderedLength(text), length);
}

QTEST_GUILESS_MAIN(TestMessageTemplate)
#include "tst_messagetemplate.moc"
