// Measures what a user waits for in a prospect's timeline on a large file:
// loading it (touches and events), and logging a touch there, with the derived
// columns, the renumbering of the touches after it, and the refresh of the
// table row and the timeline. Not a test: it reports medians (the goal is
// under 20 ms each; see docs/benchmarks.md).
//
//   touchline-bench-timeline [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first. It measures the prospect with the most touches (the
// worst case) and a prospect with a typical number of them. Every logged touch
// is undone again, so that a given file is left as it was.

#include "BenchSupport.h"
#include "itemmodels/ProspectTableModel.h"
#include "itemmodels/TimelineModel.h"
#include "storage/Database.h"
#include "storage/TouchRepository.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Touchline;

namespace {

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
    Bench::Session session(app, 21);
    if (!session.isReady())
        return 1;
    Database &db = session.db();
    QTextStream &out = session.out();
    Error error;
    qint64 largest = 0;
    qint64 typical = 0;
    if (!pickProspects(db, &largest, &typical)) {
        std::fprintf(stderr, "The file has no touches to measure.\n");
        return 1;
    }
    TouchRepository repository(db);
    out << "file: " << session.path() << "\n";
    out << "median of " << session.repeat() << " runs, milliseconds\n";
    auto report = [&out](const QString &what, double ms) { Bench::report(out, what, ms); };

    // The floor under any change: one write transaction of one small row, which
    // is mostly the disk flushing the journal and the file.
    const double commit = Bench::medianMs(
        session.repeat(), [] {},
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
        const double load = Bench::medianMs(
            session.repeat(), [] {},
            [&] {
                failed |= !repository.listForProspect(prospectId, &touches, &error);
                failed |= !repository.listEvents(prospectId, &events, &error);
            });
        report(QStringLiteral("load timeline data, ") + which, load);

        // What the window does when a prospect is selected: the timeline model
        // reads the prospect, its touches and events.
        TimelineModel timeline(db);
        const double open = Bench::medianMs(
            session.repeat(), [&] { timeline.setProspect(0); },
            [&] { timeline.setProspect(prospectId); });
        report(QStringLiteral("open timeline (model), ") + which, open);

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
        const double log = Bench::medianMs(session.repeat(), undoLast, [&] {
            Touch copy = touch;
            logged = repository.log(&copy, &undo, &error);
            failed |= !logged;
        });
        undoLast();
        report(QStringLiteral("log a back-dated touch, ") + which, log);

        // The same with the window's models listening: the table row and the
        // timeline both refresh before log() returns.
        ProspectTableModel table(db, nullptr);
        const double logWithViews = Bench::medianMs(session.repeat(), undoLast, [&] {
            Touch copy = touch;
            logged = repository.log(&copy, &undo, &error);
            failed |= !logged;
            table.index(table.rowOf(prospectId), int(ProspectField::TouchCount)).data();
        });
        undoLast();
        // Every touch and event, and the ends of cadences and their planned steps.
        failed |= timeline.rowCount() < touches.size() + events.size();
        report(QStringLiteral("  ...with table and timeline refreshed"), logWithViews);
    }
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    return 0;
}
