#pragma once

#include "Prospect.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>

namespace Touchline {

// The placeholders of message templates (cadence step subjects and bodies),
// written `{{first_name}}` or `{{ first_name }}`. docs/templates.md explains
// them to users. Keys are lower case and case-sensitive:
//   first_name, last_name, full_name ("first last"), company, title, email,
//   phone, linkedin_url, owner_name (the prospect's owner)  - from the prospect
//   sender_name, scheduling_link                             - from the context
//   last_touch_date  the local date of the prospect's last touch, short format
//   today            the context's date, short format
// The syntax: `{{`, then anything but braces and line breaks, then `}}`; the
// text inside, trimmed, is the key. `{{}}` is a placeholder with an empty (so
// unknown) key. Braces that do not form one, such as `{{first_name}`, are text.
// A new key goes into the table in MessageTemplate.cpp, docs/templates.md and
// resources/syntax/touchline-template.xml (a test compares that file's list
// with templatePlaceholders()).
struct TemplatePlaceholder
{
    QString key;
    QString description; // translated, for a menu or a tooltip
    QString example;     // a typical value, in the default locale for dates
};

// Every placeholder, in the order a menu shows them.
QList<TemplatePlaceholder> templatePlaceholders();

// One placeholder in a template, in QString (UTF-16) units from `{{` to `}}`.
struct PlaceholderSpan
{
    int start = 0;
    int length = 0;
    QString key; // trimmed
    bool known = false;
};

// The placeholders of `text`, in order. Where braces nest, the innermost pair
// counts: in `{{ {{first_name}} }}` only `{{first_name}}` is a placeholder.
QList<PlaceholderSpan> findPlaceholders(const QString &text);

// About how long `text` will be once rendered: known placeholders count as
// long as their example, unknown ones as written (they are sent as written).
// For the channel length advice and character counters.
int estimatedRenderedLength(const QString &text);

// What a template is rendered for.
struct TemplateContext
{
    Prospect prospect; // its lastTouchAt gives last_touch_date
    QString senderName;
    QString schedulingLink;
    QDate today = QDate::currentDate();
    QLocale locale; // formats the dates
};

// A placeholder in the rendered text that could not be filled.
struct RenderedSpan
{
    int start = 0; // in the rendered text, in QString units
    int length = 0;
    QString key;
};

struct RenderedTemplate
{
    QString text;
    QList<RenderedSpan> unknown; // kept as written, e.g. `{{frist_name}}`
    QList<RenderedSpan> empty;   // known but without a value: rendered `[company]`
};

// Fills the placeholders of `text`. A known placeholder without a value (only
// white space counts as none) becomes a visible `[key]` marker rather than
// nothing, so that a gap is seen before the message is sent, and callers can
// refuse to send while `empty` is not empty. Unknown placeholders stay as
// written. The spans are listed in the order they appear.
RenderedTemplate renderTemplate(const QString &text, const TemplateContext &context);

} // namespace Touchline
