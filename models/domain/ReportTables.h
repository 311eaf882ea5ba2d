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

enum class Kind { ReplyRate, Cumulative, Channels, Owners, Steps, GiveUp, Speed, Heatmap };

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

// A cadence step as the Steps table names it.
struct StepLabel
{
    qint64 id = 0;
    QString cadence;
    int position = 0; // 1-based, as the cadence editor numbers steps
    TouchChannel channel = TouchChannel::Email;
};

// The names behind the ids in a report, read with it.
struct Labels
{
    QHash<qint64, QString> owners;   // user id -> name
    QHash<qint64, QString> cadences; // cadence id -> name
    QList<StepLabel> steps;          // in the order to list them: by cadence, then position
};

// Owners are listed by name, then those without a known owner with a null name;
// steps in `labels.steps` order, then steps since deleted and touches outside
// any cadence, with null names.
Table table(Kind kind, const ReplyStats::Report &report, const Labels &labels);

// RFC 4180 CSV (domain/Csv.h), UTF-8 text with CRLF line ends and a header row of
// column keys; shares as fractions, times ISO 8601 UTC.
QString toCsv(const Table &table);

} // namespace Touchline::ReportTables
