#include "OutputWriter.h"

#include "domain/Csv.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace Touchline::Cli {

namespace {

bool isDateTime(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QDateTime>();
}

// Machine formats use one unambiguous time format, whatever the user's time zone.
QString isoTime(const QVariant &value)
{
    return value.toDateTime().toUTC().toString(Qt::ISODate);
}

} // namespace

std::optional<OutputFormat> outputFormatFromName(const QString &name)
{
    if (name == QLatin1String("table"))
        return OutputFormat::Table;
    if (name == QLatin1String("csv"))
        return OutputFormat::Csv;
    if (name == QLatin1String("json"))
        return OutputFormat::Json;
    return std::nullopt;
}

OutputWriter::OutputWriter(QTextStream &out, OutputFormat format, const QList<Column> &columns)
    : m_out(out)
    , m_format(format)
    , m_columns(columns)
{
    for (const Column &column : m_columns)
        m_widths.append(column.title.size());
}

QString OutputWriter::tableCell(const QVariant &value, qsizetype column, bool shorten) const
{
    if (value.isNull())
        return QString();
    if (m_columns.at(column).share)
        return tr("%1%").arg(value.toDouble() * 100, 0, 'f', 1);
    if (isDateTime(value))
        return value.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // People read yes and no; CSV and JSON keep true and false for scripts.
    if (value.metaType() == QMetaType::fromType<bool>())
        return value.toBool() ? tr("yes") : tr("no");
    QString text = value.toString();
    // Line breaks and tabs would break the columns apart.
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    if (shorten && text.size() > maxTableCellWidth)
        text = text.left(maxTableCellWidth - 1) + QChar(0x2026); // …
    return text;
}

bool OutputWriter::isShortened(qsizetype column) const
{
    // The last column pushes nothing else aside, so it is shown in full.
    return column < m_columns.size() - 1;
}

void OutputWriter::measure(const QList<QVariantList> &rows)
{
    for (const QVariantList &row : rows) {
        for (qsizetype i = 0; i < m_columns.size() && i < row.size(); ++i)
            m_widths[i] = std::max(m_widths[i], tableCell(row.at(i), i, isShortened(i)).size());
    }
}

void OutputWriter::writeTableRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += QLatin1String("  ");
        const bool last = i == cells.size() - 1;
        if (m_columns.at(i).numeric)
            line += cells.at(i).rightJustified(m_widths.at(i));
        else if (!last) // no spaces at the ends of lines
            line += cells.at(i).leftJustified(m_widths.at(i));
        else
            line += cells.at(i);
    }
    m_out << line << '\n';
}

void OutputWriter::begin()
{
    m_first = true;
    switch (m_format) {
    case OutputFormat::Table: {
        QStringList titles;
        QStringList rules;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            titles.append(m_columns.at(i).title);
            rules.append(QString(m_widths.at(i), QLatin1Char('-')));
        }
        writeTableRow(titles);
        writeTableRow(rules);
        break;
    }
    case OutputFormat::Csv: {
        QVariantList keys;
        for (const Column &column : std::as_const(m_columns))
            keys.append(column.key);
        m_out << Csv::record(keys);
        break;
    }
    case OutputFormat::Json:
        m_out << '[';
        break;
    }
}

void OutputWriter::write(const QList<QVariantList> &rows)
{
    for (const QVariantList &row : rows) {
        switch (m_format) {
        case OutputFormat::Table: {
            QStringList cells;
            for (qsizetype i = 0; i < m_columns.size(); ++i)
                cells.append(tableCell(row.value(i), i, isShortened(i)));
            writeTableRow(cells);
            break;
        }
        case OutputFormat::Csv: {
            QVariantList cells;
            for (qsizetype i = 0; i < m_columns.size(); ++i)
                cells.append(row.value(i));
            m_out << Csv::record(cells);
            break;
        }
        case OutputFormat::Json: {
            QJsonObject object;
            for (qsizetype i = 0; i < m_columns.size(); ++i) {
                const QVariant value = row.value(i);
                object.insert(m_columns.at(i).key,
                    value.isNull()          ? QJsonValue(QJsonValue::Null)
                        : isDateTime(value) ? QJsonValue(isoTime(value))
                                            : QJsonValue::fromVariant(value));
            }
            m_out << (m_first ? "\n  " : ",\n  ")
                  << QJsonDocument(object).toJson(QJsonDocument::Compact);
            break;
        }
        }
        m_first = false;
    }
}

void OutputWriter::writeAll(const QList<QVariantList> &rows)
{
    if (needsMeasuring())
        measure(rows);
    begin();
    write(rows);
    end();
}

void OutputWriter::end()
{
    if (m_format == OutputFormat::Json)
        m_out << (m_first ? "]\n" : "\n]\n");
    m_out.flush();
}

void OutputWriter::writeRecord(const QVariantList &row)
{
    if (m_format != OutputFormat::Table) {
        begin();
        write({row});
        end();
        return;
    }
    qsizetype width = 0;
    for (const Column &column : std::as_const(m_columns))
        width = std::max(width, column.title.size());
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const QString cell = tableCell(row.value(i), i, false);
        const QString title
            = QString(m_columns.at(i).title + QLatin1Char(':')).leftJustified(width + 2);
        m_out << (cell.isEmpty() ? title.trimmed() : title + cell) << '\n';
    }
    m_out.flush();
}

} // namespace Touchline::Cli
