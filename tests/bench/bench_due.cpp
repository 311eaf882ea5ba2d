// Measures the cadence work that grows with the number of prospects in cadences:
// the due list of today (the goal is under 200 ms with 100,000 prospects
// enrolled), deriving the cadences' enrollments again as a change of a cadence's
// timing does, and enrolling 10,000 prospects at once, with the due list after
// that. Not a test: it reports medians (see docs/benchmarks.md).
//
//   touchline-bench-due [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first; the defaults, 120,000 and 1,200,000, give more than
// 100,000 enrolled prospects. Every change is rolled back or undone, so that a
// given file is left as it was.

#include "BenchSupport.h"
#include "storage/CadenceRepository.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"
#include "storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Touchline;

namespace {

constexpr int prospectsToEnroll = 10000;

qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

// Prospects enroll() would take: in no running cadence and not marked do not contact.
QList<qint64> enrollable(Database &db, int limit)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT id FROM prospects p WHERE status <> ? AND NOT EXISTS ("
                                 "SELECT 1 FROM enrollments e WHERE e.prospect_id = p.id AND ")
        + SqlUtil::runningEnrollmentCondition(QStringLiteral("e."))
        + QStringLiteral(") ORDER BY id LIMIT ?"));
    query.addBindValue(statusKey(ProspectStatus::DoNotContact));
    query.addBindValue(limit);
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    return ids;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Bench::Session session(app, 7, 120000);
    if (!session.isReady())
        return 1;
    Database &db = session.db();
    QTextStream &out = session.out();
    Error error;
    QList<Cadence> cadences;
    if (!CadenceRepository(db).list(&cadences, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    out << "file: " << session.path() << ", "
        << scalar(db, QStringLiteral("SELECT count(*) FROM prospects")) << " prospects, "
        << scalar(db, QStringLiteral("SELECT count(DISTINCT prospect_id) FROM enrollments"))
        << " enrolled, "
        << scalar(db,
               QStringLiteral("SELECT count(*) FROM enrollments WHERE ")
                   + SqlUtil::runningEnrollmentCondition())
        << " in a running cadence ("
        << scalar(db, QStringLiteral("SELECT count(*) FROM enrollments WHERE state = ?"),
               {enrollmentStateKey(EnrollmentState::Active)})
        << " active)\n";
    out << "median of " << session.repeat() << " runs, milliseconds\n";
    auto report = [&out](const QString &what, double ms) { Bench::report(out, what, ms); };
    bool failed = false;

    // What the due list and `touchline-cli due` ask for: today's and overdue steps.
    EnrollmentRepository repository(db);
    DueFilter today;
    today.until = QDate::currentDate().addDays(1).startOfDay(EnrollmentRepository::userZone());
    QList<DueItem> items;
    const double due = Bench::medianMs(
        session.repeat(), [] {}, [&] { failed |= !repository.due(today, &items, &error); });
    report(QStringLiteral("due list of today (%1 steps)").arg(items.size()), due);
    if (!items.isEmpty()) {
        DueFilter mine = today;
        mine.ownerId = items.constFirst().ownerId;
        const double dueMine = Bench::medianMs(
            session.repeat(), [] {}, [&] { failed |= !repository.due(mine, &items, &error); });
        report(QStringLiteral("  ...one owner's (%1 steps)").arg(items.size()), dueMine);
    }

    // Deriving the cadences' enrollments again, in a transaction rolled back before
    // the next run: what saving a cadence's changed timing costs.
    std::unique_ptr<WriteTransaction> transaction;
    auto begin = [&](const QString &change) {
        transaction.reset();
        transaction = std::make_unique<WriteTransaction>(db);
        failed |= !transaction->begin(&error);
        if (!change.isEmpty()) {
            QSqlQuery query(db.connection());
            failed |= !query.exec(change);
        }
    };
    auto refreshAll = [&] {
        for (const Cadence &cadence : std::as_const(cadences))
            failed |= !EnrollmentRepository::refreshCadence(db, cadence.id, &error);
    };
    const double unchanged = Bench::medianMs(
        session.repeat(), [&] { begin({}); }, refreshAll);
    report(QStringLiteral("refreshCadence() of every cadence, timing unchanged"), unchanged);
    const double changed = Bench::medianMs(
        session.repeat(),
        [&] { begin(QStringLiteral("UPDATE cadence_steps SET wait_days = wait_days + 1")); },
        refreshAll);
    transaction.reset();
    report(QStringLiteral("  ...after every step's wait grew a day"), changed);

    // Enrolling many prospects at once (the table's "Enroll in cadence" on a
    // selection), undone as the app undoes it before the next run.
    const QList<qint64> ids = enrollable(db, prospectsToEnroll);
    const auto target = std::find_if(cadences.cbegin(), cadences.cend(),
        [](const Cadence &cadence) { return !cadence.archived && !cadence.steps.isEmpty(); });
    if (target != cadences.cend()) {
        EnrollResult result;
        auto undo = [&] {
            if (!result.enrolled.isEmpty())
                failed |= !repository.removeUntouched(result.enrolled, &error);
            result = {};
        };
        const double enroll = Bench::medianMs(session.repeat(), undo,
            [&] { failed |= !repository.enroll(target->id, ids, 0, &result, &error); });
        report(QStringLiteral("enroll %1 prospects in \"%2\"")
                   .arg(result.enrolled.size())
                   .arg(target->name),
            enroll);
        // Their first steps fall due by tomorrow's send windows: the longest due
        // list a day usually has.
        DueFilter tomorrow = today;
        tomorrow.until = today.until.addDays(1);
        const double dueAfter = Bench::medianMs(
            session.repeat(), [] {}, [&] { failed |= !repository.due(tomorrow, &items, &error); });
        report(QStringLiteral("due list of tomorrow after that (%1 steps)").arg(items.size()),
            dueAfter);
        undo();
    }
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    return 0;
}
