// Measures what a user waits for in a prospect's timeline on a large file:
// loading it (touches and events), and logging a touch there, with the derived
// columns and the renumbering of the touches after it. Not a test: it reports
// medians (the goal is under 20 ms each).
//
//   touchline-bench-timeline [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first. It measures the prospect with the most touches (the
// worst case) and a prospect with a typical number of them. Every logged touch
// is undone again, so that a given file is left as it was.

#include "storage/DataGenerator.h"
#include "storage/Database.h"
#include "storage/TouchRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Touchline;

namespace {

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

// The prospect with the most touches, and one with the median number of them
// among prospects that have any.
bool pickProspects(Database &db, qint64 *largest, qint64 *typical)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT prospect_id, count(*) AS n FROM touches "
                                   "GROUP BY prospect_id ORDER BY n, prospect_id")))
        return false;
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (ids.isEmpty())
        return false;
    *largest = ids.constLast();
    *typical = ids.at(ids.size() / 2);
    return true;
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
            QStringLiteral("n"), QStringLiteral("21")});
    parser.process(app);
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("db"));
    QTextStream out(stdout);
    Error error;
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.touchline"));
        Database db;
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
    if (!db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    qint64 largest = 0;
    qint64 typical = 0;
    if (!pickProspects(db, &largest, &typical)) {
        std::fprintf(stderr, "The file has no touches to measure.\n");
        return 1;
    }
    TouchRepository repository(db);
    out << "file: " << path << "\n";
    out << "median of " << repeat << " runs, milliseconds\n";
    auto report = [&out](const QString &what, double ms) {
        out << QStringLiteral("%1 %2\n").arg(what, -52).arg(ms, 8, 'f', 2);
        out.flush();
    };

    // The floor under any change: one write transaction of one small row, which
    // is mostly the disk flushing the journal and the file.
    const double commit = medianMs(
        repeat, [] {},
        [&] {
            WriteTransaction transaction(db);
            QSqlQuery query(db.connection());
            transaction.begin(&error);
            query.exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) "
                                      "VALUES ('bench', 'x')"));
            transaction.commit(&error);
        });
    report(QStringLiteral("baseline: one write transaction of one row"), commit);

    bool failed = false;
    for (qint64 prospectId : {largest, typical}) {
        QList<Touch> touches;
        QList<ProspectEvent> events;
        if (!repository.listForProspect(prospectId, &touches, &error) || touches.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        const QString which
            = QStringLiteral("prospect %1 (%2 touches)").arg(prospectId).arg(touches.size());
        const double load = medianMs(
            repeat, [] {},
            [&] {
                failed |= !repository.listForProspect(prospectId, &touches, &error);
                failed |= !repository.listEvents(prospectId, &events, &error);
            });
        report(QStringLiteral("load timeline, ") + which, load);

        // Back-dated into the middle of the history, so that the touches after it
        // are numbered again: the most work a log can cause.
        const QDateTime first = touches.constFirst().occurredAt;
        const QDateTime last = touches.constLast().occurredAt;
        Touch touch;
        touch.prospectId = prospectId;
        touch.channel = TouchChannel::Email;
        touch.direction = TouchDirection::Out;
        touch.outcome = TouchOutcome::Sent;
        touch.occurredAt = first.addMSecs(first.msecsTo(last) / 2);
        TouchUndo undo;
        bool logged = false;
        auto undoLast = [&] {
            if (logged)
                failed |= !repository.undo(undo, &error);
            logged = false;
        };
        const double log = medianMs(repeat, undoLast, [&] {
            Touch copy = touch;
            logged = repository.log(&copy, &undo, &error);
            failed |= !logged;
        });
        undoLast();
        report(QStringLiteral("log a back-dated touch, ") + which, log);
    }
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    return 0;
}
