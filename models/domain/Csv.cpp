#include "Csv.h"

#include <QDateTime>
#include <QStringList>

namespace Touchline::Csv {

QString cell(const QVariant &value)
{
    if (value.isNull())
        return QString();
    // Machine formats use one unambiguous time format, whatever the user's time zone.
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    QString text = value.toString();
    // A spreadsheet runs a cell starting with one of these as a formula; the quote
    // makes it plain text (OWASP's advice against CSV injection). Numbers keep
    // their minus sign.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (value.metaType() == QMetaType::fromType<QString>() && !text.isEmpty()
        && formulaStarts.contains(text.front()))
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

} // namespace Touchline::Csv
