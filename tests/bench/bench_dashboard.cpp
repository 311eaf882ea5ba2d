// Measures the dashboard's statistics on a large file: loading what they are
// computed from (StatsRepository::load), computing them (ReplyStats::compute),
// both together as the dashboard does (the goal is under 300 ms with 1,000,000
// touches), and both with a filter. Then it compares the reply rate by touch
// number with the best plain SQL query found for the same numbers, run in the
// `sqlite3` shell (the goal is within 2x of it), and checks that both give the
// same numbers. Not a test: it reports medians, and the first load and count
// in the process once (see docs/benchmarks.md), but it fails when the numbers
// differ.
//
//   touchline-bench-dashboard [--db FILE] [--prospects N] [--touches M] [--repeat R]
//
// Without --db it generates a file of N prospects and M touches (seed 1) in a
// temporary folder first. The file is only read.

#include "BenchSupport.h"
#include "domain/Cadence.h"
#include "domain/ReplyStats.h"
#include "storage/Database.h"
#include "storage/StatsRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Touchline;

namespace {

constexpr int filterDays = 90;

// The reply rate by touch number with the definitions of domain/ReplyStats.h,
// one line per row: "touch number|settled|replies|open|gave up". One pass over
// touches_by_prospect gives each prospect's numbered touches, last numbered
// touch and first reply without sorting; the touch credited with that reply is
// then looked up for the replied prospects only, and the latest enrollment for
// the unanswered ones whose last touch is recent. A window function
// (max(touch_number) OVER (PARTITION BY prospect_id ORDER BY occurred_at), whose
// frame takes in touches at the reply's instant as the outbound-first rule
// wants) gave the same numbers but took more than twice as long: its GROUP BY sorts
// the million rows again.
QString replyRateSql(const ReplyStats::Options &options)
{
    const int tail = std::max(1, options.maxTouchNumber);
    const qint64 settlingMs = qint64(std::max(0, options.settlingDays)) * 24 * 60 * 60 * 1000;
    return QStringLiteral(
        "WITH RECURSIVE numbers(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM numbers WHERE k < "
        "%1),\n"
        "outlines AS (\n"
        "  SELECT prospect_id, max(touch_number) AS touch_count,\n"
        "    min(CASE WHEN direction = 'in' AND channel <> 'note' THEN occurred_at END) AS "
        "reply_at,\n"
        "    max(CASE WHEN touch_number IS NOT NULL THEN occurred_at END) AS last_at\n"
        "  FROM touches GROUP BY prospect_id),\n"
        // Outbound before inbound at the same instant: `<=` credits such a touch.
        "credited AS MATERIALIZED (\n"
        "  SELECT prospect_id, touch_count, last_at, CASE WHEN reply_at IS NOT NULL THEN\n"
        "    coalesce((SELECT max(t.touch_number) FROM touches t\n"
        "      WHERE t.prospect_id = o.prospect_id AND t.occurred_at <= o.reply_at), 0) END\n"
        "    AS credited\n"
        "  FROM outlines o WHERE touch_count IS NOT NULL),\n"
        "trials AS MATERIALIZED (\n"
        "  SELECT coalesce(credited, touch_count) AS trial_count, credited,\n"
        "    min(touch_count, %1) AS last_row,\n"
        "    CASE WHEN credited IS NOT NULL THEN NULL\n"
        "      WHEN %2 - last_at >= %3 THEN 1\n"
        "      ELSE coalesce((SELECT CASE WHEN e.state IN ('%4', '%5') THEN e.ended_at END\n"
        "        FROM enrollments e WHERE e.prospect_id = c.prospect_id\n"
        "        ORDER BY e.enrolled_at DESC, e.id DESC LIMIT 1) >= last_at, 0)\n"
        "    END AS last_settled\n"
        "  FROM credited c)\n"
        "SELECT k,\n"
        "  coalesce(sum(CASE WHEN k < %1 THEN trial_count >= k ELSE max(trial_count - %1 + 1, 0) "
        "END)\n"
        "    - sum(last_settled = 0 AND last_row = k), 0),\n"
        "  coalesce(sum(credited > 0 AND min(credited, %1) = k), 0),\n"
        "  coalesce(sum(last_settled = 0 AND last_row = k), 0),\n"
        "  coalesce(sum(last_settled = 1 AND last_row = k), 0)\n"
        "FROM numbers LEFT JOIN trials ON 1 GROUP BY k ORDER BY k;\n")
        .arg(tail)
        .arg(options.now.toMSecsSinceEpoch())
        .arg(settlingMs)
        .arg(enrollmentStateKey(EnrollmentState::Stopped),
            enrollmentStateKey(EnrollmentState::OptedOut));
}

// The same rows from ReplyStats, in the query's format.
QStringList replyRateLines(const ReplyStats::Report &report)
{
    QStringList lines;
    for (const ReplyStats::TouchNumberRow &row : report.byTouchNumber)
        lines.append(QStringLiteral("%1|%2|%3|%4|%5")
                         .arg(row.touchNumber)
                         .arg(row.tally.settled)
                         .arg(row.tally.replies)
                         .arg(row.tally.open)
                         .arg(row.gaveUp));
    return lines;
}

struct ShellRun
{
    QStringList lines; // the rows printed
    double ms = -1;    // -1: the shell failed
};

// Runs `sql` in `sqlite3 -batch` and times it with the shell's `.timer on`: its
// "real" time covers preparing and running the statement and printing the rows,
// not starting the process nor opening the file, which the app does not repeat
// per request either (the wall time of the process minus an empty query's would
// add the noise of two process starts to a sub-second figure).
ShellRun runInShell(const QString &sqlite3, const QString &path, const QString &sql)
{
    QProcess process;
    process.start(sqlite3, {QStringLiteral("-batch"), path});
    process.write(QStringLiteral(".timer on\n").append(sql).toUtf8());
    process.closeWriteChannel();
    ShellRun run;
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 failed: %s\n", process.readAllStandardError().constData());
        return run;
    }
    static const QRegularExpression timer(QStringLiteral("^Run Time: real ([0-9.]+)"));
    const QStringList output = QString::fromUtf8(process.readAllStandardOutput())
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : output) {
        const QRegularExpressionMatch match = timer.match(line);
        if (match.hasMatch())
            run.ms = match.captured(1).toDouble() * 1000;
        else
            run.lines.append(line);
    }
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Bench::Session session(app, 5);
    if (!session.isReady())
        return 1;
    Database &db = session.db();
    QTextStream &out = session.out();
    Error error;
    StatsRepository repository(db);
    QList<ReplyStats::ProspectHistory> prospects;
    bool failed = false;
    auto load = [&] { failed |= !repository.load(&prospects, &error); };
    // One instant for every run and for the SQL, so that they settle the same touches.
    ReplyStats::Options options;
    options.now = QDateTime::currentDateTimeUtc();
    ReplyStats::Report stats;
    const auto dashboard = [&] {
        load();
        stats = ReplyStats::compute(prospects, options);
    };
    // The first time, as when the dashboard opens a file: the memory is new to
    // the process, which costs more than reusing what the last load freed.
    const double firstMs = Bench::medianMs(
        1, [] {}, dashboard);
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    qsizetype touches = 0;
    for (const ReplyStats::ProspectHistory &prospect : std::as_const(prospects))
        touches += prospect.touches.size();
    out << "file: " << session.path() << ", " << prospects.size() << " prospects, " << touches
        << " touches\n";
    out << "median of " << session.repeat() << " runs, milliseconds\n";
    auto report = [&out](const QString &what, double ms) { Bench::report(out, what, ms); };
    const double loadMs = Bench::medianMs(
        session.repeat(), [] {}, load);
    report(QStringLiteral("(a) load: StatsRepository::load()"), loadMs);
    const double computeMs = Bench::medianMs(
        session.repeat(), [] {}, [&] { stats = ReplyStats::compute(prospects, options); });
    report(QStringLiteral("(b) compute: ReplyStats::compute(), no filter"), computeMs);
    const double dashboardMs = Bench::medianMs(
        session.repeat(), [] {}, dashboard);
    report(QStringLiteral("(c) full dashboard: load + compute"), dashboardMs);
    report(QStringLiteral("(c0) the same, the first in this process (one run)"), firstMs);

    // The owner of the most prospects, over the last 90 days.
    QHash<qint64, int> perOwner;
    for (const ReplyStats::ProspectHistory &prospect : std::as_const(prospects))
        ++perOwner[prospect.ownerId];
    ReplyStats::Filter filter;
    filter.ownerId
        = perOwner.isEmpty() ? 0 : std::max_element(perOwner.cbegin(), perOwner.cend()).key();
    filter.from = options.now.addDays(-filterDays);
    ReplyStats::Report filtered;
    const double filteredMs = Bench::medianMs(
        session.repeat(), [] {},
        [&] {
            load();
            filtered = ReplyStats::compute(prospects, options, filter);
        });
    report(QStringLiteral("(d) load + compute, owner %1, last %2 days (%3 replies)")
               .arg(*filter.ownerId)
               .arg(filterDays)
               .arg(filtered.replies),
        filteredMs);
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty()) {
        out << "(e) skipped: no sqlite3 shell in PATH to compare with "
               "(scripts/install-deps.sh installs it)\n";
        return 0;
    }
    // Close ours so that the shell reads the file as the only connection.
    db.close();
    const QString sql = replyRateSql(options);
    QList<double> shellTimes;
    ShellRun run;
    for (int i = 0; i < session.repeat() && !failed; ++i) {
        run = runInShell(sqlite3, session.path(), sql);
        failed = run.ms < 0;
        shellTimes.append(run.ms);
    }
    if (failed)
        return 1;
    std::sort(shellTimes.begin(), shellTimes.end());
    const double shellMs = shellTimes.at(shellTimes.size() / 2);
    report(QStringLiteral("(e) reply rate by touch number, plain SQL in sqlite3"), shellMs);
    out << QStringLiteral("ratio (c) / (e): %1 (goal: at most 2)\n")
               .arg(dashboardMs / shellMs, 0, 'f', 2);

    const QStringList expected = replyRateLines(stats);
    out << "touch number|settled|replies|open|gave up, from ReplyStats and from sqlite3:\n";
    for (qsizetype i = 0; i < std::max(expected.size(), run.lines.size()); ++i)
        out << QStringLiteral("  %1   %2\n").arg(expected.value(i), -36).arg(run.lines.value(i));
    if (run.lines != expected) {
        out << "DIFFERENT: the SQL and ReplyStats disagree\n";
        return 1;
    }
    out << "MATCH\n";
    return 0;
}
