// One of several processes writing to the same Touchline file at once, for
// tst_concurrency, tst_crashsafety and touchline-bench-concurrency.
//
//   touchline-stress-writer --db FILE --prospects 1,2,3 [--seconds S] [--seed N] [--check]
//
// Logs touches with random prospects of the list through TouchRepository, the
// path the app and the CLI take, for S seconds (at least one), back-dated by up to
// a month so that the touches after each are numbered again. After each commit
// it prints "committed ID" and flushes, so that whoever started it knows exactly
// what reached the file even when it is killed a moment later. A write refused
// as busy after every retry prints "busy" and is tried again, as a user would.
// With --check it runs ConsistencyCheck instead, over and over, printing
// "checked" and "problem MESSAGE" for whatever it finds.
// Exits 0 when the time is up, 1 when the file cannot be opened or a write
// fails for another reason, 2 on a usage error.

#include "storage/ConsistencyCheck.h"
#include "storage/Database.h"
#include "storage/TouchRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace Touchline;

namespace {

void report(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int failWith(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error.message));
    return 1;
}

// Any touch but an opt-out, which would make the prospect refuse the outbound
// touches of the other writers.
Touch randomTouch(QRandomGenerator &random, qint64 prospectId)
{
    const QList<TouchChannel> channels = {TouchChannel::Email, TouchChannel::Phone,
        TouchChannel::LinkedIn, TouchChannel::Sms, TouchChannel::Meeting, TouchChannel::Note};
    Touch touch;
    touch.prospectId = prospectId;
    // Mostly outbound attempts: those carry the numbers.
    touch.channel = random.bounded(4) == 0 ? channels.at(random.bounded(channels.size()))
                                           : channels.at(random.bounded(4));
    touch.direction = touch.channel != TouchChannel::Note && random.bounded(6) == 0
        ? TouchDirection::In
        : TouchDirection::Out;
    QList<TouchOutcome> outcomes = outcomesFor(touch.channel, touch.direction);
    outcomes.removeAll(TouchOutcome::OptedOut);
    touch.outcome = outcomes.at(random.bounded(outcomes.size()));
    const qint64 monthMs = qint64(30) * 24 * 3600 * 1000;
    touch.occurredAt
        = QDateTime::currentDateTimeUtc().addMSecs(-qint64(random.bounded(double(monthMs))));
    touch.notes = QStringLiteral("stress");
    return touch;
}

int write(Database &db, const QList<qint64> &prospects, const QDeadlineTimer &deadline,
    QRandomGenerator &random)
{
    TouchRepository repository(db);
    do {
        const Touch planned = randomTouch(random, prospects.at(random.bounded(prospects.size())));
        // The same input again after a busy refusal, as a user would press Save again.
        for (;;) {
            Touch touch = planned;
            Error error;
            if (repository.log(&touch, nullptr, &error)) {
                report(QStringLiteral("committed %1").arg(touch.id));
                break;
            }
            if (error.kind != Error::Kind::Busy)
                return failWith(error);
            report(QStringLiteral("busy"));
            if (deadline.hasExpired())
                return 0;
        }
    } while (!deadline.hasExpired());
    return 0;
}

int check(Database &db, const QDeadlineTimer &deadline)
{
    ConsistencyCheck checker(db);
    do {
        QList<ConsistencyProblem> problems;
        Error error;
        if (!checker.run(&problems, &error)) {
            if (error.kind != Error::Kind::Busy)
                return failWith(error);
            report(QStringLiteral("busy"));
            continue;
        }
        for (const ConsistencyProblem &problem : problems)
            report(QStringLiteral("problem ") + problem.message.simplified());
        report(QStringLiteral("checked"));
    } while (!deadline.hasExpired());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("The Touchline file; it must exist."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("prospects"),
        QStringLiteral("Comma-separated ids of the prospects to log touches with."),
        QStringLiteral("ids")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("How long to write."),
        QStringLiteral("s"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the random choices."),
        QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("check"), QStringLiteral("Check the file instead of writing.")});
    parser.process(app);

    QList<qint64> prospects;
    bool idsValid = true;
    for (const QString &id : parser.value(QStringLiteral("prospects")).split(QLatin1Char(','))) {
        bool ok = false;
        prospects.append(id.toLongLong(&ok));
        idsValid = idsValid && ok;
    }
    if (!idsValid)
        prospects.clear();
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty() || (prospects.isEmpty() && !parser.isSet(QStringLiteral("check")))) {
        std::fprintf(stderr, "Give --db and --prospects; see --help.\n");
        return 2;
    }

    Database db;
    Error error;
    if (!db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error))
        return failWith(error);
    QRandomGenerator random(parser.value(QStringLiteral("seed")).toUInt());
    const QDeadlineTimer deadline(
        qint64(parser.value(QStringLiteral("seconds")).toDouble() * 1000));
    return parser.isSet(QStringLiteral("check")) ? check(db, deadline)
                                                 : write(db, prospects, deadline, random);
}
