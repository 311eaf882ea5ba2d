#pragma once

#include "ImportTypes.h"
#include "domain/Touch.h"
#include "storage/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace Touchline {

class Database;

// A past touch read from a file, to be matched to its prospect.
struct TouchImportRow
{
    int line = 0;
    QString prospectEmail;
    QString prospectLinkedInUrl; // used when the row has no email
    Touch touch;
};

// Touch history as CSV, one touch per row, columns named in the header
// (any order, extra columns ignored): prospect_email (or email),
// prospect_linkedin_url, channel, direction, outcome, occurred_at (ISO 8601;
// or timestamp / date), notes. Channel, direction and outcome take the keys
// of domain/Touch.h or their display names. An optional author column names
// the touch's author (in touch.authorName; unknown names become users). The
// columns the touches export writes (Exporter) read back unchanged.
class TouchFileReader
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::TouchFileReader)
public:
    static bool read(const QByteArray &bytes, QList<TouchImportRow> *rows,
        QList<RowProblem> *problems, Error *error);
    static bool readFile(const QString &path, QList<TouchImportRow> *rows,
        QList<RowProblem> *problems, Error *error);
};

class TouchImporter
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::TouchImporter)
public:
    explicit TouchImporter(Database &db);

    // Stores the touches in one transaction, with the rules TouchRepository
    // keeps (numbering, touch_count, last_touch_at, status moving forward).
    // Rows whose prospect is not in the file, that validateTouch() refuses, or
    // that repeat a touch already stored (same prospect, channel, direction,
    // outcome and time) are listed in the summary's failed or skipped rows.
    ImportResult apply(const QList<TouchImportRow> &rows, qint64 authorId, bool dryRun,
        const ImportProgress &progress, ImportSummary *summary, Error *error);

private:
    Database &m_db;
};

} // namespace Touchline
