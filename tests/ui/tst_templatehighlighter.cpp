// Placeholder highlighting in the template editor: ui/TemplateHighlighter.h,
// with KDE Syntax Highlighting or the built-in highlighter (same expectations).

#include "TemplateHighlighter.h"
#include "domain/MessageTemplate.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

using namespace Touchline;

namespace {

QPalette paletteWith(const QColor &base, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Window, base);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

const QPalette lightPalette = paletteWith(QColor(0xff, 0xff, 0xff), QColor(0x23, 0x26, 0x29));
const QPalette darkPalette = paletteWith(QColor(0x23, 0x26, 0x29), QColor(0xef, 0xf0, 0xf1));

// The format the highlighter gave the character at `position`.
QTextCharFormat formatAt(const QTextDocument &document, int position)
{
    const QTextBlock block = document.findBlock(position);
    const int offset = position - block.position();
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (offset >= range.start && offset < range.start + range.length)
            return range.format;
    }
    return {};
}

QColor foregroundAt(const QTextDocument &document, int position, const QPalette &palette)
{
    const QTextCharFormat format = formatAt(document, position);
    return format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground().color()
                                                            : palette.color(QPalette::Text);
}

double luminance(const QColor &color)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF());
}

// WCAG contrast ratio, from 1 (none) to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

// WCAG's minimum for large text and user-interface components; the Breeze
// themes' warning red on a dark base is about 3.6.
constexpr double minimumContrast = 3.0;

const QString sample
    = QStringLiteral("👋 Hi {{first_name}}, see {{frist_name}} at {{ company }} {{}} {{first_name}");

int indexIn(const QString &needle, int from = 0)
{
    return int(sample.indexOf(needle, from));
}

} // namespace

class TestTemplateHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void placeholdersStandOut_data();
    void placeholdersStandOut();
    void followsPaletteChanges();
    void highlightsExistingTextAndLaterLines();
    void deletingRemovesTheHighlighting();
    void everyCharacterFollowsFindPlaceholders_data();
    void everyCharacterFollowsFindPlaceholders();
    void emphasis();
    void syntaxDefinitionListsEveryPlaceholder();
};

void TestTemplateHighlighter::initTestCase()
{
#ifdef TOUCHLINE_HAVE_KSYNTAXHIGHLIGHTING
    qInfo("Testing the KDE Syntax Highlighting implementation");
#else
    qInfo("Testing the built-in placeholder highlighter");
#endif
}

void TestTemplateHighlighter::placeholdersStandOut_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette;
    QTest::newRow("dark") << darkPalette;
}

void TestTemplateHighlighter::placeholdersStandOut()
{
    QFETCH(QPalette, palette);
    QPlainTextEdit editor;
    editor.setPalette(palette);
    new TemplateHighlighter(editor.document(), &editor);
    editor.setPlainText(sample);
    const QTextDocument &document = *editor.document();

    const int plain = indexIn(QStringLiteral("Hi"));
    const int knownOpen = indexIn(QStringLiteral("{{first_name}}"));
    const int knownKey = knownOpen + 2;
    const int unknownOpen = indexIn(QStringLiteral("{{frist_name}}"));
    const int unknownKey = unknownOpen + 2;
    const int spacedKey = indexIn(QStringLiteral("company"));
    const int emptyPlaceholder = indexIn(QStringLiteral("{{}}"));
    const int unclosed = indexIn(QStringLiteral("{{first_name}"), knownOpen + 1);

    const QTextCharFormat plainFormat = formatAt(document, plain);
    const QTextCharFormat knownFormat = formatAt(document, knownKey);
    const QTextCharFormat unknownFormat = formatAt(document, unknownKey);
    QVERIFY(knownFormat != plainFormat);
    QVERIFY(unknownFormat != plainFormat);
    QVERIFY(unknownFormat != knownFormat);
    // A placeholder is marked whole; a misspelt one keeps placeholder braces.
    QCOMPARE(formatAt(document, knownOpen), knownFormat);
    QCOMPARE(formatAt(document, knownOpen + 13), knownFormat);
    QCOMPARE(formatAt(document, unknownOpen), knownFormat);
    QCOMPARE(formatAt(document, unknownKey + 9), unknownFormat);
    QCOMPARE(formatAt(document, spacedKey), knownFormat);
    QCOMPARE(formatAt(document, spacedKey - 3), knownFormat);
    // `{{}}` has no key at all; braces that close nothing are text.
    QCOMPARE(formatAt(document, emptyPlaceholder), unknownFormat);
    QCOMPARE(formatAt(document, emptyPlaceholder + 3), unknownFormat);
    QCOMPARE(formatAt(document, unclosed), plainFormat);
    QCOMPARE(formatAt(document, unclosed + 3), plainFormat);

    const QColor base = palette.color(QPalette::Base);
    for (int position : {plain, knownKey, unknownKey}) {
        const QColor color = foregroundAt(document, position, palette);
        QVERIFY2(contrast(color, base) >= minimumContrast,
            qPrintable(QStringLiteral("%1 on %2 at %3: contrast %4")
                           .arg(color.name(), base.name())
                           .arg(position)
                           .arg(contrast(color, base))));
    }
    QVERIFY(
        foregroundAt(document, knownKey, palette) != foregroundAt(document, unknownKey, palette));
}

void TestTemplateHighlighter::followsPaletteChanges()
{
    QPlainTextEdit editor;
    editor.setPalette(lightPalette);
    new TemplateHighlighter(editor.document(), &editor);
    editor.setPlainText(sample);
    const int knownKey = indexIn(QStringLiteral("first_name"));
    const int unknownKey = indexIn(QStringLiteral("frist_name"));
    const QColor lightKnown = foregroundAt(*editor.document(), knownKey, lightPalette);

    editor.setPalette(darkPalette);
    const QColor darkKnown = foregroundAt(*editor.document(), knownKey, darkPalette);
    QVERIFY(darkKnown != lightKnown);
    const QColor darkBase = darkPalette.color(QPalette::Base);
    QVERIFY(contrast(darkKnown, darkBase) >= minimumContrast);
    QVERIFY(contrast(foregroundAt(*editor.document(), unknownKey, darkPalette), darkBase)
        >= minimumContrast);

    editor.setPalette(lightPalette);
    QCOMPARE(foregroundAt(*editor.document(), knownKey, lightPalette), lightKnown);
}

void TestTemplateHighlighter::highlightsExistingTextAndLaterLines()
{
    QPlainTextEdit editor;
    editor.setPalette(lightPalette);
    editor.setPlainText(QStringLiteral("Hello,\n\nsee you, {{sender_name}}"));
    new TemplateHighlighter(editor.document(), &editor);
    const QTextDocument &document = *editor.document();
    const int key = int(document.toPlainText().indexOf(QLatin1String("sender_name")));
    // Text already there is highlighted once the event loop runs.
    QTRY_VERIFY(formatAt(document, key) != formatAt(document, 0));

    QTextCursor cursor(editor.document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral("\nP.S. {{oops}}"));
    const int unknownKey = int(document.toPlainText().indexOf(QLatin1String("oops")));
    QVERIFY(formatAt(document, unknownKey) != formatAt(document, 0));
    QVERIFY(formatAt(document, unknownKey) != formatAt(document, key));
}

void TestTemplateHighlighter::deletingRemovesTheHighlighting()
{
    QPlainTextEdit editor;
    QPointer<TemplateHighlighter> highlighter = new TemplateHighlighter(editor.document(), &editor);
    editor.setPlainText(sample);
    const int knownKey = indexIn(QStringLiteral("first_name"));
    QVERIFY(formatAt(*editor.document(), knownKey) != QTextCharFormat());
    delete highlighter;
    QCOMPARE(formatAt(*editor.document(), knownKey), QTextCharFormat());
    // The editor's palette changes reach no deleted highlighter.
    editor.setPalette(darkPalette);
}

void TestTemplateHighlighter::everyCharacterFollowsFindPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << "Hello there, how are you?";
    QTest::newRow("known, spaced") << "Hi {{ first_name }} and {{\tcompany\t}}!";
    QTest::newRow("unknown") << "Hi {{frist_name}}, {{First_Name}}";
    QTest::newRow("several words") << "Hi {{first name}} and {{ my  company }}";
    QTest::newRow("punctuation in a key") << "{{first_name.x}} {{first-name}} {{title?}}";
    QTest::newRow("empty") << "{{}} and {{   }}";
    QTest::newRow("unclosed") << "Hi {{first_name and {{company} or {first_name}";
    QTest::newRow("nested") << "{{ {{first_name}} }} {{{company}}}";
    QTest::newRow("brace inside") << "{{a}b}} {{title}} {{oops {{today}}";
    QTest::newRow("adjacent") << "{{first_name}}{{last_name}}{{oops}}{{}}";
    QTest::newRow("emoji and other scripts")
        << "👋 こんにちは {{company}}, Ame\u0301lie {{👋}} {{имя}}";
}

void TestTemplateHighlighter::everyCharacterFollowsFindPlaceholders()
{
    QFETCH(QString, text);
    QPlainTextEdit editor;
    editor.setPalette(lightPalette);
    new TemplateHighlighter(editor.document(), &editor);
    // The reference styles, on a line of their own.
    editor.setPlainText(QStringLiteral("x {{today}} {{oops}}\n") + text);
    const QTextDocument &document = *editor.document();
    const QTextCharFormat plain = formatAt(document, 0);
    const QTextCharFormat known = formatAt(document, 2);
    const QTextCharFormat unknown = formatAt(document, 14);
    QVERIFY(plain != known && plain != unknown && known != unknown);

    const int offset = document.findBlockByNumber(1).position();
    QList<QTextCharFormat> expected(text.size(), plain);
    for (const PlaceholderSpan &span : findPlaceholders(text)) {
        const bool whole = span.known || span.key.isEmpty();
        for (int i = span.start; i < span.start + span.length; ++i)
            expected[i] = whole && !span.known ? unknown : known;
        if (!whole) {
            const int key = int(text.indexOf(span.key, span.start + 2));
            for (int i = key; i < key + span.key.size(); ++i)
                expected[i] = unknown;
        }
    }
    for (int i = 0; i < text.size(); ++i) {
        if (text[i].isLowSurrogate())
            continue; // styled with its high surrogate
        QVERIFY2(formatAt(document, offset + i) == expected[i],
            qPrintable(QStringLiteral("at %1 ('%2')").arg(i).arg(text[i])));
    }
}

void TestTemplateHighlighter::emphasis()
{
    QPlainTextEdit editor;
    new TemplateHighlighter(editor.document(), &editor);
    editor.setPlainText(QStringLiteral("a **strong {{company}}** and *soft* or _soft_ * item"));
    const QTextDocument &document = *editor.document();
    const auto at = [&](const QString &needle) {
        return formatAt(document, int(document.toPlainText().indexOf(needle)));
    };
    // Placeholders are marked inside emphasis too.
    QVERIFY(at(QStringLiteral("company")) != at(QStringLiteral("strong")));
    QCOMPARE(at(QStringLiteral("* item")), formatAt(document, 0));
#ifdef TOUCHLINE_HAVE_KSYNTAXHIGHLIGHTING
    QCOMPARE(at(QStringLiteral("strong")).fontWeight(), int(QFont::Bold));
    QVERIFY(at(QStringLiteral("soft*")).fontItalic());
    QVERIFY(at(QStringLiteral("soft_")).fontItalic());
#else
    // The built-in highlighter marks placeholders only.
    QCOMPARE(at(QStringLiteral("strong")), formatAt(document, 0));
    QCOMPARE(at(QStringLiteral("soft*")), formatAt(document, 0));
#endif
}

void TestTemplateHighlighter::syntaxDefinitionListsEveryPlaceholder()
{
    QFile file(QStringLiteral(":/touchline/highlighting/syntax/touchline-template.xml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList listed;
    bool inList = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("list"))
            inList = xml.attributes().value(QLatin1String("name")) == QLatin1String("placeholders");
        else if (xml.isEndElement() && xml.name() == QLatin1String("list"))
            inList = false;
        else if (inList && xml.isStartElement() && xml.name() == QLatin1String("item"))
            listed.append(xml.readElementText());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QStringList keys;
    for (const TemplatePlaceholder &placeholder : templatePlaceholders())
        keys.append(placeholder.key);
    QCOMPARE(listed, keys);
}

QTEST_MAIN(TestTemplateHighlighter)
#include "tst_templatehighlighter.moc"
