#include "ImportTypes.h"

#include "domain/Csv.h"

#include <algorithm>

namespace Touchline {

void mergeProblems(QList<RowProblem> *problems, const QList<RowProblem> &more)
{
    problems->append(more);
    std::stable_sort(problems->begin(), problems->end(),
        [](const RowProblem &a, const RowProblem &b) { return a.line < b.line; });
}

QString ImportText::problemsCsv(const QList<RowProblem> &problems)
{
    QString text = Csv::record({tr("Line"), tr("Reason")});
    for (const RowProblem &problem : problems)
        text += Csv::record({problem.line, problem.reason});
    return text;
}

QString ImportText::summaryLine(const ImportSummary &summary)
{
    return tr("%1 imported, %2 updated, %3 skipped, %4 failed")
        .arg(summary.imported)
        .arg(summary.updated)
        .arg(summary.skipped)
        .arg(summary.failed.size());
}

QString ImportText::undecodableRow(const QString &encoding)
{
    return tr("The row has bytes that are not %1 text; fix the file's encoding and import it "
              "again.")
        .arg(encoding);
}

} // namespace Touchline
