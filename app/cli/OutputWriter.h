#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

class QTextStream;

namespace Touchline::Cli {

enum class OutputFormat {
    Table, // aligned columns for people
    Csv,   // RFC 4180, with a header row, safe to open in a spreadsheet
    Json,  // an array of objects with the columns' keys
};

// "table", "csv" or "json"; nothing for anything else.
std::optional<OutputFormat> outputFormatFromName(const QString &name);

struct Column
{
    QString key;          // CSV header and JSON key: stable snake_case, never translated
    QString title;        // table header, translated
    bool numeric = false; // right-aligned in tables
    bool share = false;   // a 0..1 fraction: a percentage in tables, as is otherwise
};

// Writes rows of values in one of the output formats. Values are QString,
// numbers, QDateTime (local time in tables, ISO 8601 UTC otherwise) or null.
// Rows come in pages, so a long list never sits in memory as a whole.
class OutputWriter
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Cli::OutputWriter)
public:
    // Tables of rows cut longer cells short (but the last), so that one long value
    // does not push every row wide.
    static constexpr int maxTableCellWidth = 40;

    OutputWriter(QTextStream &out, OutputFormat format, const QList<Column> &columns);

    // A table must know every value before it prints its first row: when this is
    // true, pass every page to measure() before passing them again to write().
    bool needsMeasuring() const { return m_format == OutputFormat::Table; }
    void measure(const QList<QVariantList> &rows);

    void begin();
    void write(const QList<QVariantList> &rows);
    void end();
    // The whole list at once, for lists small enough to hold in memory.
    void writeAll(const QList<QVariantList> &rows);

    // One record: "Title  value" lines in a table, otherwise the same as a list of one.
    void writeRecord(const QVariantList &row);

private:
    QString tableCell(const QVariant &value, qsizetype column, bool shorten) const;
    bool isShortened(qsizetype column) const;
    void writeTableRow(const QStringList &cells);

    QTextStream &m_out;
    OutputFormat m_format;
    QList<Column> m_columns;
    QList<qsizetype> m_widths;
    bool m_first = true;
};

} // namespace Touchline::Cli
