// Measures what a user waits for in the prospect table on a large file:
// opening it and showing the first screen, re-filtering on a search, and
// sorting by company. Not a test: it reports numbers (see docs/benchmarks.md).
//
//   touchline-bench [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first.

#include "itemmodels/ProspectTableModel.h"
#include "storage/DataGenerator.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

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

double medianMs(int repeat, const std::function<void()> &setUp, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < repeat; ++i) {
        setUp();
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

bool openDatabase(Database &db, const QString &path)
{
    Error error;
    if (db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error))
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(error.message));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("An existing Touchline file."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("prospects"), QStringLiteral("Prospects to generate."),
        QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("touches"), QStringLiteral("Touches to generate."),
        QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("repeat"), QStringLiteral("Runs per measurement; the median is shown."),
            QStringLiteral("n"), QStringLiteral("7")});
    parser.process(app);
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("db"));
    QTextStream out(stdout);
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.touchline"));
        Database db;
        Error error;
        if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        GeneratorOptions options;
        options.prospects = parser.value(QStringLiteral("prospects")).toInt();
        options.touches = parser.value(QStringLiteral("touches")).toInt();
        QElapsedTimer timer;
        timer.start();
        if (DataGenerator(db).generate(options, {}, &error) != DataGenerator::Result::Finished) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        out << "generated " << options.prospects << " prospects and " << options.touches
            << " touches in " << timer.elapsed() << " ms\n";
    }

    Database db;
    if (!openDatabase(db, path))
        return 1;
    ProspectTableModel probe(db, nullptr);
    out << "file: " << path << ", " << probe.rowCount() << " prospects\n";
    out << "median of " << repeat << " runs, milliseconds\n";
    out.flush();

    const double open = medianMs(
        repeat, [&] { db.close(); },
        [&] {
            openDatabase(db, path);
            ProspectTableModel model(db, nullptr);
            readFirstScreen(model);
        });

    ProspectTableModel model(db, nullptr);
    auto report = [&out](const char *what, double ms) {
        out << QStringLiteral("%1 %2\n").arg(QString::fromLatin1(what), -44).arg(ms, 8, 'f', 1);
        out.flush();
    };
    report("open file, show first screen", open);
    for (const QString &search :
        {QStringLiteral("an"), QStringLiteral("smith"), QStringLiteral("zz")}) {
        const double filter = medianMs(
            repeat, [&] { model.setSearch({}); },
            [&] {
                model.setSearch(search);
                readFirstScreen(model);
            });
        report(
            qPrintable(
                QStringLiteral("re-filter on \"%1\" (%2 rows)").arg(search).arg(model.rowCount())),
            filter);
    }
    model.setSearch({});
    const double sortCompany = medianMs(
        repeat, [&] { model.sort(int(ProspectField::CreatedAt), Qt::DescendingOrder); },
        [&] {
            model.sort(int(ProspectField::Company), Qt::AscendingOrder);
            readFirstScreen(model);
        });
    report("sort by company", sortCompany);
    const double scroll = medianMs(
        repeat, [&] { model.refresh(); },
        [&] {
            for (int row = model.rowCount() - 1;
                 row >= model.rowCount() - firstScreenRows && row >= 0; --row)
                model.index(row, int(ProspectField::Company)).data();
        });
    report("jump to the last screen", scroll);
    return 0;
}
