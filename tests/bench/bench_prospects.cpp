// Measures what a user waits for in the prospect table on a large file:
// opening it and showing the first screen, re-filtering on a search, and
// sorting by company. Not a test: it reports numbers (see docs/benchmarks.md).
//
//   touchline-bench [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first.

#include "BenchSupport.h"
#include "itemmodels/ProspectTableModel.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Touchline;

namespace {

constexpr int firstScreenRows = 40;

// Reads every cell a view would paint on the first screen.
void readFirstScreen(const ProspectTableModel &model)
{
    const int rows = std::min(firstScreenRows, model.rowCount());
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.index(row, column).data();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Bench::Session session(app, 7);
    if (!session.isReady())
        return 1;
    Database &db = session.db();
    QTextStream &out = session.out();
    ProspectTableModel probe(db, nullptr);
    out << "file: " << session.path() << ", " << probe.rowCount() << " prospects\n";
    out << "median of " << session.repeat() << " runs, milliseconds\n";

    const double open = Bench::medianMs(
        session.repeat(), [&] { db.close(); },
        [&] {
            Bench::openBenchFile(db, session.path());
            ProspectTableModel model(db, nullptr);
            readFirstScreen(model);
        });
    Bench::report(out, QStringLiteral("open file, show first screen"), open);

    ProspectTableModel model(db, nullptr);
    for (const QString &search :
        {QStringLiteral("an"), QStringLiteral("smith"), QStringLiteral("zz")}) {
        const double filter = Bench::medianMs(
            session.repeat(), [&] { model.setSearch({}); },
            [&] {
                model.setSearch(search);
                readFirstScreen(model);
            });
        Bench::report(out,
            QStringLiteral("re-filter on \"%1\" (%2 rows)").arg(search).arg(model.rowCount()),
            filter);
    }
    model.setSearch({});
    const double sortCompany = Bench::medianMs(
        session.repeat(), [&] { model.sort(int(ProspectField::CreatedAt), Qt::DescendingOrder); },
        [&] {
            model.sort(int(ProspectField::Company), Qt::AscendingOrder);
            readFirstScreen(model);
        });
    Bench::report(out, QStringLiteral("sort by company"), sortCompany);
    const double scroll = Bench::medianMs(
        session.repeat(), [&] { model.refresh(); },
        [&] {
            for (int row = model.rowCount() - 1;
                 row >= model.rowCount() - firstScreenRows && row >= 0; --row)
                model.index(row, int(ProspectField::Company)).data();
        });
    Bench::report(out, QStringLiteral("jump to the last screen"), scroll);
    return 0;
}
