#include "Csv.h"

#include <QDateTime>
#include <QStringList>

namespace Touchline::Csv {

namespace {

// Whether the text starts with a formula start after any apostrophes. A
// spreadsheet runs a cell that starts with one as a formula; text with
// apostrophes before one gets a quote too, so that plainText() takes off only
// the quote cell() added.
bool startsLikeFormula(QStringView text)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    qsizetype start = 0;
    while (start < text.size() && text.at(start) == QLatin1Char('\''))
        ++start;
    return start < text.size() && formulaStarts.contains(text.at(start));
}

} // namespace

QString cell(const QVariant &value)
{
    if (value.isNull())
        return QString();
    // Machine formats use one unambiguous time format, whatever the user's time zone.
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    QString text = value.toString();
    // The quote makes a formula plain text (OWASP's advice against CSV
    // injection). Numbers keep their minus sign.
    if (value.metaType() == QMetaType::fromType<QString>() && startsLikeFormula(text))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'))) {
        text.replace(QLatin1Char('"'), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QString record(const QVariantList &values)
{
    QStringList cells;
    cells.reserve(values.size());
    for (const QVariant &value : values)
        cells.append(cell(value));
    return cells.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString plainText(const QString &cell)
{
    if (cell.startsWith(QLatin1Char('\'')) && startsLikeFormula(QStringView(cell).mid(1)))
        return cell.mid(1);
    return cell;
}

} // namespace Touchline::Csv
