// Measures importing a large contacts file into a new Touchline file, as the
// import wizard and `touchline-cli import prospects` do it: reading (decoding,
// CSV, header and columns), planning (turning rows into prospects, matching
// duplicates) and storing. The goal is 100,000 rows in under 5 seconds. Not a
// test: it reports numbers (see docs/benchmarks.md).
//
//   touchline-bench-import [--rows N] [--repeat R] [--keep FILE]
//
// The CSV is generated (seed 1): a spreadsheet export with names in one
// column, some cells with two addresses, notes on one row in ten, and a few
// repeated and invalid rows, as real exports have.

#include "BenchSupport.h"
#include "io/ProspectImport.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Touchline;

namespace {

QByteArray generateCsv(int rows)
{
    static const char *const firstNames[] = {"Amara", "Lukas", "Sofia", "Kenji", "Priya", "Tomás",
        "Élodie", "Jürgen", "Nadia", "Olusegun", "Chloé", "Mary Ann", "Wei", "Fatima", "Pedro"};
    static const char *const lastNames[] = {"Okafor", "Brandt", "Marques", "Watanabe", "Raman",
        "Herrera", "Fontaine", "Schäfer", "Haddad", "Adeyemi", "de la Tour", "Evans", "Zhang"};
    static const char *const companies[] = {"Brightpath", "Nordwerk GmbH", "Lusitania Foods",
        "Sakura Logistics", "Quantaloop", "Cedar Analytics", "Atelier Lumen, SARL"};
    static const char *const titles[]
        = {"Head of Sales", "CTO", "Procurement Lead", "Founder", "VP Engineering", "Buyer"};
    QRandomGenerator random(1);
    QByteArray csv = "Name,Company,Job title,Email,Phone,LinkedIn,Notes\r\n";
    csv.reserve(rows * 140);
    for (int row = 0; row < rows; ++row) {
        // One row in a hundred repeats an earlier address, one in two hundred has a bad one.
        const int person = random.bounded(100) == 0 && row > 0 ? random.bounded(row) : row;
        const QByteArray first = firstNames[random.bounded(int(std::size(firstNames)))];
        const QByteArray last = lastNames[random.bounded(int(std::size(lastNames)))];
        QByteArray email = "person" + QByteArray::number(person) + "@example"
            + QByteArray::number(person % 97) + ".com";
        if (random.bounded(20) == 0)
            email += "; private" + QByteArray::number(person) + "@example.org";
        if (random.bounded(200) == 0)
            email = "n/a";
        csv += first + ' ' + last + ",\"" + companies[random.bounded(int(std::size(companies)))]
            + "\"," + titles[random.bounded(int(std::size(titles)))] + ",\"" + email + "\",+1 555 "
            + QByteArray::number(1000000 + random.bounded(9000000))
            + ",https://www.linkedin.com/in/p" + QByteArray::number(person) + ","
            + (random.bounded(10) == 0 ? "\"Met at the fair, \"\"booth 12\"\".\nCall in spring.\""
                                       : "")
            + "\r\n";
    }
    return csv;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("rows"), QString(), QStringLiteral("N"), QStringLiteral("100000")},
            {QStringLiteral("repeat"), QString(), QStringLiteral("R"), QStringLiteral("3")},
            {QStringLiteral("keep"), QString(), QStringLiteral("FILE")}});
    parser.process(app);
    const int rows = parser.value(QStringLiteral("rows")).toInt();
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    QTextStream out(stdout);

    const QByteArray csv = generateCsv(rows);
    if (parser.isSet(QStringLiteral("keep"))) {
        QFile file(parser.value(QStringLiteral("keep")));
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
            out << "cannot write " << file.fileName() << '\n';
            return 1;
        }
    }
    out << "import of " << rows << " generated rows (" << csv.size() / 1024 << " KiB), median of "
        << repeat << " runs, milliseconds\n";

    QTemporaryDir dir;
    int run = 0;
    ImportTable table;
    ImportPlan plan;
    ImportSummary summary;
    Database db;
    bool ok = true;
    const auto check = [&ok, &out](bool success, const Error &error) {
        if (!success && ok)
            out << "failed: " << error.message << '\n';
        ok = ok && success;
    };
    const auto freshFile = [&] {
        db.close();
        Error error;
        check(db.open(dir.filePath(QStringLiteral("import-%1.touchline").arg(run++)),
                  Database::Creation::MustNotExist, Database::Access::ReadWrite, &error),
            error);
    };

    const double read = Bench::medianMs(
        repeat, [] {},
        [&] {
            Error error;
            check(ProspectFileReader::read(csv, ImportPreset::Auto, &table, &error), error);
        });
    const double planning = Bench::medianMs(repeat, freshFile, [&] {
        Error error;
        check(ProspectImporter(db).plan(table, &plan, &error), error);
    });
    const double store = Bench::medianMs(repeat, freshFile, [&] {
        Error error;
        check(ProspectImporter(db).apply(plan, {}, {}, &summary, &error) == ImportResult::Finished,
            error);
    });
    if (!ok)
        return 1;
    Bench::report(out, QStringLiteral("read the file"), read);
    Bench::report(out, QStringLiteral("plan (rows to prospects, duplicates)"), planning);
    Bench::report(out, QStringLiteral("store in one transaction"), store);
    Bench::report(out, QStringLiteral("whole import"), read + planning + store);
    out << "goal: 100,000 rows in under 5000 ms\n"
        << "result: " << ImportText::summaryLine(summary) << '\n';
    return 0;
}
