#include "VCard.h"

#include "ContentLine.h"

#include <QStringDecoder>

#include <algorithm>
#include <climits>
#include <optional>

namespace Touchline {

namespace {

// A property as the file holds it once unfolded, with the physical line it starts on.
struct LogicalLine
{
    int line = 0;
    QString text;
    bool quotedPrintable = false;
};

// "item1.EMAIL;TYPE=work,pref:jane@example.com", split up. The value is still
// raw: quoted-printable and escapes are decoded by what reads it.
struct Property
{
    QString name; // upper case, without its group
    QString value;
    int preference = 0; // 0: not preferred; else 1 (the most) to 100
    bool quotedPrintable = false;
    QByteArray charset;
};

// The index of `c` at or after `from` outside double quotes (parameter values
// may be quoted), or -1.
qsizetype indexOutsideQuotes(QStringView text, QChar c, qsizetype from = 0)
{
    bool quoted = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('"'))
            quoted = !quoted;
        else if (text.at(i) == c && !quoted)
            return i;
    }
    return -1;
}

Property parseProperty(QStringView line)
{
    Property property;
    const qsizetype colon = indexOutsideQuotes(line, QLatin1Char(':'));
    const QStringView head = colon < 0 ? line : line.first(colon);
    if (colon >= 0)
        property.value = line.sliced(colon + 1).toString();

    QList<QStringView> parts;
    for (qsizetype start = 0;;) {
        const qsizetype semicolon = indexOutsideQuotes(head, QLatin1Char(';'), start);
        parts.append(head.sliced(start, (semicolon < 0 ? head.size() : semicolon) - start));
        if (semicolon < 0)
            break;
        start = semicolon + 1;
    }
    const QStringView name = parts.takeFirst().trimmed();
    property.name = name.sliced(name.lastIndexOf(QLatin1Char('.')) + 1).toString().toUpper();

    bool typePref = false;
    for (const QStringView part : std::as_const(parts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        QString value = (equals < 0 ? part : part.sliced(equals + 1)).trimmed().toString();
        value.remove(QLatin1Char('"'));
        if (equals < 0) {
            // vCard 2.1 writes bare values: EMAIL;INTERNET;PREF, NOTE;QUOTED-PRINTABLE.
            if (value.compare(QLatin1String("QUOTED-PRINTABLE"), Qt::CaseInsensitive) == 0)
                property.quotedPrintable = true;
            else if (value.compare(QLatin1String("PREF"), Qt::CaseInsensitive) == 0)
                typePref = true;
            continue;
        }
        const QStringView key = part.first(equals).trimmed();
        if (key.compare(QLatin1String("TYPE"), Qt::CaseInsensitive) == 0) {
            const QStringList types = value.split(QLatin1Char(','));
            for (const QString &type : types) {
                if (type.trimmed().compare(QLatin1String("PREF"), Qt::CaseInsensitive) == 0)
                    typePref = true;
            }
        } else if (key.compare(QLatin1String("PREF"), Qt::CaseInsensitive) == 0) {
            // vCard 4.0: PREF=1 is the most preferred, up to 100.
            bool ok = false;
            const int rank = value.toInt(&ok);
            property.preference = ok && rank > 0 ? rank : 1;
        } else if (key.compare(QLatin1String("ENCODING"), Qt::CaseInsensitive) == 0) {
            property.quotedPrintable
                = value.compare(QLatin1String("QUOTED-PRINTABLE"), Qt::CaseInsensitive) == 0;
        } else if (key.compare(QLatin1String("CHARSET"), Qt::CaseInsensitive) == 0) {
            property.charset = value.toLatin1();
        }
    }
    if (typePref && property.preference == 0)
        property.preference = 1;
    return property;
}

// Splits the text at CRLF, LF or CR.
QList<QStringView> physicalLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\r') && c != QLatin1Char('\n'))
            continue;
        lines.append(text.sliced(start, i - start));
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.append(text.sliced(start));
    return lines;
}

QList<LogicalLine> logicalLines(QStringView text)
{
    QList<LogicalLine> lines;
    const QList<QStringView> physical = physicalLines(text);
    for (qsizetype i = 0; i < physical.size(); ++i) {
        const QStringView line = physical.at(i);
        if (!lines.isEmpty()) {
            LogicalLine &current = lines.last();
            // vCard 2.1 breaks quoted-printable values with a "soft" '=' at the line end.
            if (current.quotedPrintable && current.text.endsWith(QLatin1Char('='))) {
                current.text.chop(1);
                current.text += line;
                continue;
            }
            if (line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) {
                current.text += line.sliced(1);
                continue;
            }
        }
        // The encoding is a parameter, so it is on the property's first line.
        lines.append(
            {static_cast<int>(i) + 1, line.toString(), parseProperty(line).quotedPrintable});
    }
    return lines;
}

int hexDigit(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    return -1;
}

// "=C3=A9" as the bytes C3 A9; an '=' not followed by two hex digits stays.
QByteArray quotedPrintableDecoded(QStringView value)
{
    QByteArray bytes;
    qsizetype i = 0;
    while (i < value.size()) {
        const qsizetype equals = value.indexOf(QLatin1Char('='), i);
        const qsizetype end = equals < 0 ? value.size() : equals;
        bytes += value.sliced(i, end - i).toUtf8();
        if (equals < 0)
            break;
        const int high = equals + 2 < value.size() ? hexDigit(value.at(equals + 1)) : -1;
        const int low = high < 0 ? -1 : hexDigit(value.at(equals + 2));
        if (low < 0) {
            bytes += '=';
            i = equals + 1;
        } else {
            bytes += static_cast<char>(high * 16 + low);
            i = equals + 3;
        }
    }
    return bytes;
}

// The value as text, still with its escapes.
QString rawText(const Property &property)
{
    if (!property.quotedPrintable)
        return property.value;
    const auto encoding = property.charset.isEmpty()
        ? std::optional<QStringConverter::Encoding>()
        : QStringConverter::encodingForName(property.charset.constData());
    QStringDecoder decoder(encoding.value_or(QStringConverter::Utf8));
    return decoder.decode(quotedPrintableDecoded(property.value));
}

// Escapes decoded (\n \N \, \; \\ and, as Apple writes in URLs, \:), line
// breaks made LF, surrounding white space trimmed.
QString decodedText(QStringView raw)
{
    QString text;
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QChar c = raw.at(i);
        if (c == QLatin1Char('\\') && i + 1 < raw.size()) {
            c = raw.at(++i);
            if (c == QLatin1Char('n') || c == QLatin1Char('N'))
                c = QLatin1Char('\n');
        }
        text += c;
    }
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text.trimmed();
}

// The components of a structured value (N, ORG), split at unescaped semicolons.
QStringList components(QStringView raw)
{
    QStringList parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == QLatin1Char('\\')) {
            ++i;
        } else if (raw.at(i) == QLatin1Char(';')) {
            parts.append(decodedText(raw.sliced(start, i - start)));
            start = i + 1;
        }
    }
    parts.append(decodedText(raw.sliced(start)));
    return parts;
}

QString withoutScheme(const QString &value, QLatin1String scheme)
{
    return value.startsWith(scheme, Qt::CaseInsensitive) ? value.sliced(scheme.size()).trimmed()
                                                         : value;
}

// A card between its BEGIN and END.
struct OpenCard
{
    struct Ranked
    {
        QString value;
        int preference;
    };

    VCardContact contact;
    QList<Ranked> emails;
    QList<Ranked> phones;
    QStringList notes;

    void add(const Property &property)
    {
        const QString raw = rawText(property);
        const QString &name = property.name;
        if (name == QLatin1String("FN")) {
            if (contact.formattedName.isEmpty())
                contact.formattedName = decodedText(raw);
        } else if (name == QLatin1String("N")) {
            if (contact.familyName.isEmpty() && contact.givenName.isEmpty()) {
                const QStringList parts = components(raw);
                contact.familyName = parts.value(0);
                contact.givenName = parts.value(1);
            }
        } else if (name == QLatin1String("ORG")) {
            if (contact.organization.isEmpty()) {
                QStringList units = components(raw);
                units.removeAll(QString());
                contact.organization = units.join(QLatin1String(", "));
            }
        } else if (name == QLatin1String("TITLE")) {
            if (contact.title.isEmpty())
                contact.title = decodedText(raw);
        } else if (name == QLatin1String("EMAIL")) {
            addRanked(&emails, withoutScheme(decodedText(raw), QLatin1String("mailto:")), property);
        } else if (name == QLatin1String("TEL")) {
            // vCard 4.0 may write the number as a URI: TEL;VALUE=uri:tel:+1-555-0100.
            addRanked(&phones, withoutScheme(decodedText(raw), QLatin1String("tel:")), property);
        } else if (name == QLatin1String("URL")) {
            const QString url = decodedText(raw);
            if (!url.isEmpty())
                contact.urls.append(url);
        } else if (name == QLatin1String("NOTE")) {
            const QString note = decodedText(raw);
            if (!note.isEmpty())
                notes.append(note);
        }
    }

    bool hasSomethingToImport() const
    {
        return !contact.formattedName.isEmpty() || !contact.givenName.isEmpty()
            || !contact.familyName.isEmpty() || !contact.organization.isEmpty()
            || !emails.isEmpty();
    }

    VCardContact finished() const
    {
        VCardContact done = contact;
        done.emails = byPreference(emails);
        done.phones = byPreference(phones);
        done.note = notes.join(QLatin1String("\n\n"));
        return done;
    }

private:
    static void addRanked(QList<Ranked> *list, const QString &value, const Property &property)
    {
        if (!value.isEmpty())
            list->append({value, property.preference});
    }

    // The preferred first, the most preferred before the others; otherwise file order.
    static QStringList byPreference(QList<Ranked> ranked)
    {
        const auto rank = [](const Ranked &r) { return r.preference > 0 ? r.preference : INT_MAX; };
        std::stable_sort(ranked.begin(), ranked.end(),
            [&rank](const Ranked &a, const Ranked &b) { return rank(a) < rank(b); });
        QStringList values;
        for (const Ranked &r : std::as_const(ranked))
            values.append(r.value);
        return values;
    }
};

bool isVCardMarker(const Property &property, QLatin1String name)
{
    return property.name == name
        && QStringView(property.value)
               .trimmed()
               .compare(QLatin1String("VCARD"), Qt::CaseInsensitive)
        == 0;
}

} // namespace

bool VCard::looksLikeVCard(QStringView text)
{
    const QStringView rest = text.trimmed(); // from the first non-blank line on
    qsizetype end = 0;
    while (
        end < rest.size() && rest.at(end) != QLatin1Char('\r') && rest.at(end) != QLatin1Char('\n'))
        ++end;
    return rest.first(end).trimmed().compare(QLatin1String("BEGIN:VCARD"), Qt::CaseInsensitive)
        == 0;
}

void VCard::parse(QStringView text, QList<VCardContact> *contacts, QList<RowProblem> *problems)
{
    contacts->clear();
    problems->clear();
    std::optional<OpenCard> card;
    const auto reportUnclosed = [&card, problems] {
        problems->append({card->contact.line,
            tr("The card that starts on this line has no END:VCARD; it was not imported.")});
    };
    for (const LogicalLine &line : logicalLines(text)) {
        const Property property = parseProperty(line.text);
        if (isVCardMarker(property, QLatin1String("BEGIN"))) {
            if (card)
                reportUnclosed();
            card.emplace();
            card->contact.line = line.line;
        } else if (!card) {
            continue; // text between cards
        } else if (isVCardMarker(property, QLatin1String("END"))) {
            if (card->hasSomethingToImport())
                contacts->append(card->finished());
            else
                problems->append({card->contact.line,
                    tr("The card has no name, organization or email address: nothing to "
                       "import.")});
            card.reset();
        } else {
            card->add(property);
        }
    }
    if (card)
        reportUnclosed();
}

QString VCard::write(const QList<Prospect> &prospects)
{
    using ContentLine::escapedText;
    using ContentLine::folded;
    QString text;
    for (const Prospect &prospect : prospects) {
        const auto optional = [&text](QLatin1String name, const QString &value) {
            if (!value.isEmpty())
                text += folded(name + QLatin1Char(':') + escapedText(value));
        };
        // A card for a company alone is named after it, as address books do.
        const bool hasName = !prospect.firstName.isEmpty() || !prospect.lastName.isEmpty();
        const QString formattedName
            = hasName || prospect.company.isEmpty() ? prospect.displayName() : prospect.company;
        text += folded(QStringLiteral("BEGIN:VCARD"));
        text += folded(QStringLiteral("VERSION:3.0"));
        // N and FN are required in 3.0, even when empty.
        text += folded(QLatin1String("N:") + escapedText(prospect.lastName) + QLatin1Char(';')
            + escapedText(prospect.firstName) + QLatin1String(";;;"));
        text += folded(QLatin1String("FN:") + escapedText(formattedName));
        optional(QLatin1String("ORG"), prospect.company);
        optional(QLatin1String("TITLE"), prospect.title);
        optional(QLatin1String("EMAIL;TYPE=INTERNET"), prospect.email);
        optional(QLatin1String("TEL"), prospect.phone);
        optional(QLatin1String("URL"), prospect.linkedInUrl);
        text += folded(QStringLiteral("END:VCARD"));
    }
    return text;
}

} // namespace Touchline
