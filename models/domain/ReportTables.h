#pragma once

#include "ReplyStats.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantList>

// The numbers behind each chart of the dashboard as a table of plain values:
// one source for `touchline-cli report ...` and the dashboard's CSV export, so
// that both always show the same columns and rows.
namespace Touchline::ReportTables {

enum class Kind { ReplyRate, Cumulative, Channels, Owners, GiveUp, Speed, Heatmap };

QList<Kind> allKinds();
QString kindKey(Kind kind);   // "reply-rate", "cumulative", ... as the CLI subcommands
QString kindTitle(Kind kind); // translated: "Reply rate by touch number", ...

struct Column
{
    QString key;          // CSV header and JSON key: stable snake_case, never translated
    QString title;        // translated
    bool numeric = false; // right-aligned
    bool share = false;   // a 0..1 fraction people read as a percentage
};

// Values are QString, int, double or null (a rate without trials, no owner).
struct Table
{
    QList<Column> columns;
    QList<QVariantList> rows;
};

// ownerNames: user id -> name, for the Owners table (id 0 or missing: no owner,
// listed last with a null name).
Table table(Kind kind, const ReplyStats::Report &report, const QHash<qint64, QString> &ownerNames);

// RFC 4180 CSV (domain/Csv.h), UTF-8 text with CRLF line ends and a header row of
// column keys; shares as fractions, times ISO 8601 UTC.
QString toCsv(const Table &table);

} // namespace Touchline::ReportTables
