#include "MessageTemplate.h"

#include <QCoreApplication>
#include <QStringView>

namespace Touchline {

namespace {

QString shortDate(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : QString();
}

struct Entry
{
    const char *key;
    const char *description;
    const char *example; // nullptr for the dates, whose example follows the locale
    QString (*value)(const TemplateContext &context);
};

constexpr Entry entries[] = {
    {"first_name", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's first name"),
        "Camille", [](const TemplateContext &c) { return c.prospect.firstName; }},
    {"last_name", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's last name"),
        "Durand", [](const TemplateContext &c) { return c.prospect.lastName; }},
    {"full_name",
        QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's first and last name"),
        "Camille Durand",
        [](const TemplateContext &c) {
            return QString(
                c.prospect.firstName.trimmed() + QLatin1Char(' ') + c.prospect.lastName.trimmed());
        }},
    {"company", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's company"),
        "Northwind Traders", [](const TemplateContext &c) { return c.prospect.company; }},
    {"title", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's job title"),
        "Head of Sales", [](const TemplateContext &c) { return c.prospect.title; }},
    {"email", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's email address"),
        "camille.durand@northwind.example",
        [](const TemplateContext &c) { return c.prospect.email; }},
    {"phone", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The prospect's phone number"),
        "+33 1 23 45 67 89", [](const TemplateContext &c) { return c.prospect.phone; }},
    {"linkedin_url",
        QT_TRANSLATE_NOOP(
            "Touchline::MessageTemplate", "The address of the prospect's LinkedIn profile"),
        "https://www.linkedin.com/in/camille-durand",
        [](const TemplateContext &c) { return c.prospect.linkedInUrl; }},
    {"owner_name",
        QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The name of the prospect's owner"),
        "Sam Taylor", [](const TemplateContext &c) { return c.prospect.ownerName; }},
    {"sender_name", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "Your name"), "Sam Taylor",
        [](const TemplateContext &c) { return c.senderName; }},
    {"scheduling_link", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "Your scheduling link"),
        "https://cal.example.com/sam/20min",
        [](const TemplateContext &c) { return c.schedulingLink; }},
    {"last_touch_date",
        QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "The date of the prospect's last touch"),
        nullptr,
        [](const TemplateContext &c) {
            // The database hands out UTC; people think of the date where they are.
            return shortDate(c.prospect.lastTouchAt.toLocalTime().date(), c.locale);
        }},
    {"today", QT_TRANSLATE_NOOP("Touchline::MessageTemplate", "Today's date"), nullptr,
        [](const TemplateContext &c) { return shortDate(c.today, c.locale); }},
};

const Entry *entryFor(QStringView key)
{
    for (const Entry &entry : entries) {
        if (key == QLatin1String(entry.key))
            return &entry;
    }
    return nullptr;
}

QString exampleOf(const Entry &entry)
{
    return entry.example ? QString::fromUtf8(entry.example)
                         : shortDate(QDate(2025, 3, 4), QLocale());
}

bool isLineBreak(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::LineSeparator
        || c == QChar::ParagraphSeparator;
}

} // namespace

QList<TemplatePlaceholder> templatePlaceholders()
{
    QList<TemplatePlaceholder> placeholders;
    for (const Entry &entry : entries) {
        placeholders.append({QString::fromLatin1(entry.key),
            QCoreApplication::translate("Touchline::MessageTemplate", entry.description),
            exampleOf(entry)});
    }
    return placeholders;
}

QList<PlaceholderSpan> findPlaceholders(const QString &text)
{
    QList<PlaceholderSpan> spans;
    const QLatin1String open("{{");
    int from = 0;
    int start;
    while ((start = text.indexOf(open, from)) >= 0) {
        int end = start + 2;
        while (end < text.size() && text[end] != QLatin1Char('{') && text[end] != QLatin1Char('}')
            && !isLineBreak(text[end]))
            ++end;
        if (end + 1 < text.size() && text[end] == QLatin1Char('}')
            && text[end + 1] == QLatin1Char('}')) {
            const QString key = text.mid(start + 2, end - start - 2).trimmed();
            spans.append({start, end + 2 - start, key, entryFor(key) != nullptr});
            from = end + 2;
        } else {
            // A `{` inside may open the innermost placeholder of a nested pair.
            from = start + 1;
        }
    }
    return spans;
}

int estimatedRenderedLength(const QString &text)
{
    int length = int(text.size());
    for (const PlaceholderSpan &span : findPlaceholders(text)) {
        if (const Entry *entry = entryFor(span.key))
            length += int(exampleOf(*entry).size()) - span.length;
    }
    return length;
}

RenderedTemplate renderTemplate(const QString &text, const TemplateContext &context)
{
    RenderedTemplate rendered;
    int from = 0;
    for (const PlaceholderSpan &span : findPlaceholders(text)) {
        rendered.text.append(QStringView(text).mid(from, span.start - from));
        from = span.start + span.length;
        const int at = int(rendered.text.size());
        const Entry *entry = entryFor(span.key);
        if (!entry) {
            rendered.text.append(QStringView(text).mid(span.start, span.length));
            rendered.unknown.append({at, span.length, span.key});
            continue;
        }
        const QString value = entry->value(context).trimmed();
        if (value.isEmpty()) {
            const QString marker = QLatin1Char('[') + span.key + QLatin1Char(']');
            rendered.text.append(marker);
            rendered.empty.append({at, int(marker.size()), span.key});
        } else {
            rendered.text.append(value);
        }
    }
    rendered.text.append(QStringView(text).mid(from));
    return rendered;
}

} // namespace Touchline
