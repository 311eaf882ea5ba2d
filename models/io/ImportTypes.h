#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace Touchline {

// A row of an imported file that was not imported, and why. The import lists
// them so that the user can fix the file, and may save the list.
struct RowProblem
{
    int line = 0; // where the row starts in the file, from 1; 0: the file as a whole
    QString reason;

    bool operator==(const RowProblem &other) const
    {
        return line == other.line && reason == other.reason;
    }
};

// What one import run did. A run is one transaction: when it is cancelled or
// fails, nothing of it is stored and the counts say what would have been.
struct ImportSummary
{
    int imported = 0; // new rows
    int updated = 0;  // existing rows that took values from the file
    int skipped = 0;  // duplicates left as they were
    QList<RowProblem> failed;
};

// Adds `more` to the problems and puts them all in line order, as they are shown.
void mergeProblems(QList<RowProblem> *problems, const QList<RowProblem> &more = {});

enum class ImportResult { Finished, Cancelled, Failed };

// Called now and then with the rows handled so far; return false to cancel.
using ImportProgress = std::function<bool(int done, int total)>;

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ImportText)
public:
    // The problems as CSV (line, reason) with a header, to save next to the file.
    static QString problemsCsv(const QList<RowProblem> &problems);
    // One line such as "120 imported, 3 updated, 2 skipped, 1 failed".
    static QString summaryLine(const ImportSummary &summary);
    // Why a row with bytes the decoder replaced is refused: stored, it would be
    // garbled; refused, the fixed file can be imported again.
    static QString undecodableRow(const QString &encoding);
};

} // namespace Touchline
