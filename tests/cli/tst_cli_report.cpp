// `touchline-cli report ...` run as users run it, on a small file written
// through the repositories. Every number is computed by hand from the fixture in
// fixture(); its dates are in January 2024, UTC (the 1st is a Monday), long
// enough ago that every touch is settled.

#include "CliRunner.h"
#include "TestData.h"
#include "domain/ReplyStats.h"
#include "storage/CadenceRepository.h"
#include "storage/Database.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Touchline;
using Test::CliRun;
using Test::jsonOf;
using Test::parseCsv;

namespace {

QDateTime jan(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, 1, day), QTime(hour, minute), QTimeZone::utc());
}

const QJsonValue null(QJsonValue::Null);

// The JSON of a rate and its Wilson interval, as the report computes them.
QJsonObject withRate(QJsonObject row, int replies, int total)
{
    const ReplyStats::WilsonInterval interval = ReplyStats::wilsonInterval(replies, total);
    row.insert(QStringLiteral("rate"), total ? QJsonValue(double(replies) / total) : null);
    row.insert(QStringLiteral("low"), total ? QJsonValue(interval.lower) : null);
    row.insert(QStringLiteral("high"), total ? QJsonValue(interval.upper) : null);
    return row;
}

QJsonObject touchRow(const char *touch, int prospects, int replies, int open)
{
    return withRate(
        {{QStringLiteral("touch"), QLatin1String(touch)}, {QStringLiteral("prospects"), prospects},
            {QStringLiteral("replies"), replies}, {QStringLiteral("open"), open}},
        replies, prospects);
}

QJsonObject breakdownRow(const char *key, const char *name, int touches, int replies)
{
    return withRate({{QLatin1String(key), QLatin1String(name)},
                        {QStringLiteral("touches"), touches}, {QStringLiteral("replies"), replies}},
        replies, touches);
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void replyRate();
    void replyRateTable();
    void cumulative();
    void channels();
    void owners();
    void steps();
    void giveUp();
    void speed();
    void speedTableSummary();
    void heatmap();
    void csvMatchesJson();
    void filters_data();
    void filters();
    void usageErrors_data();
    void usageErrors();
    void runtimeErrors_data();
    void runtimeErrors();

private:
    CliRun report(const QString &name, const QStringList &arguments = {}) const;
    bool fixture() const;

    std::unique_ptr<Test::CliRunner> m_cli;
};

void TestCliReport::init()
{
    m_cli = std::make_unique<Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    QCOMPARE(m_cli->cli({QStringLiteral("init")}).exitCode, 0);
    QVERIFY(fixture());
}

CliRun TestCliReport::report(const QString &name, const QStringList &arguments) const
{
    return m_cli->cli(QStringList {QStringLiteral("report"), name} + arguments);
}

// Ada (Maya) replies to touch 2, a phone call; Grace (Sam) gets three touches
// and never replies; Alan (Maya) replies to touch 1 by SMS; Charles (Sam) is
// never touched. All four were added on 1 January at 00:00.
bool TestCliReport::fixture() const
{
    Database db;
    Error error;
    if (!db.open(m_cli->databasePath(), Database::Creation::MustExist, Database::Access::ReadWrite,
            &error)) {
        qWarning() << error.message;
        return false;
    }
    UserRepository users(db);
    const qint64 maya = users.ensure(QStringLiteral("Maya"), &error);
    const qint64 sam = users.ensure(QStringLiteral("Sam"), &error);
    QList<Prospect> prospects = {
        Test::makeProspect(QStringLiteral("Ada"), QStringLiteral("Lovelace")),
        Test::makeProspect(QStringLiteral("Grace"), QStringLiteral("Hopper")),
        Test::makeProspect(QStringLiteral("Alan"), QStringLiteral("Turing")),
        Test::makeProspect(QStringLiteral("Charles"), QStringLiteral("Babbage")),
    };
    const qint64 owners[] = {maya, sam, maya, sam};
    for (qsizetype i = 0; i < prospects.size(); ++i) {
        prospects[i].ownerId = owners[i];
        prospects[i].createdAt = jan(1, 0);
    }
    const QList<qint64> ids = Test::insertProspects(db, prospects);
    if (!maya || !sam || ids.size() != 4)
        return false;
    const struct
    {
        int prospect;
        const char *spec;
        QDateTime at;
    } touches[] = {
        {0, "email/out/sent", jan(1, 10)},
        {0, "phone/out/no_answer", jan(4, 9)},
        {0, "email/in/replied", jan(5, 12)},
        {1, "email/out/sent", jan(1, 0, 30)},
        {1, "email/out/sent", jan(8, 10)},
        {1, "linkedin/out/sent", jan(15, 10)},
        {2, "email/out/sent", jan(2, 9)},
        {2, "sms/in/replied", jan(3, 8)},
    };
    TouchRepository repository(db);
    for (const auto &t : touches) {
        Touch touch = Test::makeTouch(ids[t.prospect], QLatin1String(t.spec), t.at);
        if (!repository.log(&touch, nullptr, &error)) {
            qWarning() << error.message;
            return false;
        }
    }
    return true;
}

void TestCliReport::replyRate()
{
    const CliRun run = report(
        QStringLiteral("reply-rate"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    // Touch 1: Ada, Grace, Alan (replied). Touch 2: Ada (replied), Grace. Touch 3: Grace.
    const QJsonArray expected
        = {touchRow("1", 3, 1, 0), touchRow("2", 2, 1, 0), touchRow("3", 1, 0, 0),
            touchRow("4", 0, 0, 0), touchRow("5", 0, 0, 0), touchRow("6+", 0, 0, 0)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::replyRateTable()
{
    const CliRun run = report(QStringLiteral("reply-rate"));
    QCOMPARE(run.exitCode, 0);
    // 1 of 3: 33.3%, Wilson 6.1% to 79.2%; 1 of 2: 9.5% to 90.5%; 0 of 1: 0% to 79.3%.
    QCOMPARE(run.out.split(QLatin1Char('\n')),
        QStringLiteral("Touch  Prospects  Replies   Rate   Low   High  Open\n"
                       "-----  ---------  -------  -----  ----  -----  ----\n"
                       "    1          3        1  33.3%  6.1%  79.2%     0\n"
                       "    2          2        1  50.0%  9.5%  90.5%     0\n"
                       "    3          1        0   0.0%  0.0%  79.3%     0\n"
                       "    4          0        0                         0\n"
                       "    5          0        0                         0\n"
                       "   6+          0        0                         0\n")
            .split(QLatin1Char('\n')));
}

void TestCliReport::cumulative()
{
    const CliRun run = report(
        QStringLiteral("cumulative"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QJsonArray expected;
    const char *labels[] = {"1", "2", "3", "4", "5", "6+"};
    const int replies[] = {1, 2, 2, 2, 2, 2};
    for (int i = 0; i < 6; ++i)
        expected.append(QJsonObject {{QStringLiteral("touch"), QLatin1String(labels[i])},
            {QStringLiteral("replies_by_touch"), replies[i]},
            {QStringLiteral("share"), replies[i] / 2.0}});
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::channels()
{
    const CliRun run
        = report(QStringLiteral("channels"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    // Email: Ada 1, Grace 1 and 2, Alan 1 (replied). Phone: Ada 2 (replied).
    const QJsonArray expected = {breakdownRow("channel", "email", 4, 1),
        breakdownRow("channel", "phone", 1, 1), breakdownRow("channel", "linkedin", 1, 0)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::owners()
{
    const CliRun run
        = report(QStringLiteral("owners"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray expected
        = {breakdownRow("owner", "Maya", 3, 2), breakdownRow("owner", "Sam", 3, 0)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::steps()
{
    // Grace's first email did step 1 of a cadence, Ada's answered call step 2.
    QString cadenceName;
    QStringList channels;
    {
        Database db;
        Error error;
        QVERIFY(db.open(m_cli->databasePath(), Database::Creation::MustExist,
            Database::Access::ReadWrite, &error));
        QList<Cadence> cadences;
        QVERIFY(CadenceRepository(db).list(&cadences, &error));
        QVERIFY(!cadences.isEmpty() && cadences.first().steps.size() >= 2);
        const Cadence &cadence = cadences.first();
        cadenceName = cadence.name;
        for (int i = 0; i < 2; ++i)
            channels.append(channelKey(cadence.steps.at(i).channel));
        QVERIFY(Test::execSql(db, QStringLiteral("UPDATE touches SET step_id = ? WHERE id = ?"),
            {cadence.steps.at(0).id, 4}));
        QVERIFY(Test::execSql(db, QStringLiteral("UPDATE touches SET step_id = ? WHERE id = ?"),
            {cadence.steps.at(1).id, 2}));
    }
    const CliRun run
        = report(QStringLiteral("steps"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const auto stepRow = [](const QJsonValue &cadence, const QJsonValue &step,
                             const QJsonValue &channel, int touches, int replies) {
        return withRate(
            {{QStringLiteral("cadence"), cadence}, {QStringLiteral("step"), step},
                {QStringLiteral("channel"), channel}, {QStringLiteral("touches"), touches},
                {QStringLiteral("replies"), replies}},
            replies, touches);
    };
    // Outside cadences: Ada 1, Grace 2 and 3, Alan 1 (replied).
    const QJsonArray expected = {stepRow(cadenceName, 1, channels.at(0), 1, 0),
        stepRow(cadenceName, 2, channels.at(1), 1, 1), stepRow(null, null, null, 4, 1)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::giveUp()
{
    const CliRun run
        = report(QStringLiteral("give-up"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    // Grace's last touch is 3.
    const QJsonValue rates[] = {1.0 / 3, 0.5, 0.0, null, null, null};
    const char *labels[] = {"1", "2", "3", "4", "5", "6+"};
    QJsonArray expected;
    for (int i = 0; i < 6; ++i)
        expected.append(QJsonObject {{QStringLiteral("touches"), QLatin1String(labels[i])},
            {QStringLiteral("prospects_who_stopped_here"), i == 2 ? 1 : 0},
            {QStringLiteral("reply_rate_at_this_touch"), rates[i]}});
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::speed()
{
    const CliRun run
        = report(QStringLiteral("speed"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    // Grace after 30 min, Ada after 10 h, Alan after 33 h; Charles never.
    using Bucket = ReplyStats::SpeedBucket;
    const auto row = [](Bucket bucket, int prospects, int replies, const QJsonValue &rate) {
        return QJsonObject {{QStringLiteral("bucket"), ReplyStats::speedBucketLabel(bucket)},
            {QStringLiteral("prospects"), prospects}, {QStringLiteral("replies"), replies},
            {QStringLiteral("rate"), rate}};
    };
    const QJsonArray expected = {row(Bucket::UnderHour, 1, 0, 0.0),
        row(Bucket::UnderDay, 1, 1, 1.0), row(Bucket::UnderWeek, 1, 1, 1.0),
        row(Bucket::Later, 0, 0, null), row(Bucket::Never, 1, 0, null)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::speedTableSummary()
{
    const CliRun run = report(QStringLiteral("speed"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    // The median of 30 min, 10 h and 33 h.
    QVERIFY2(run.out.endsWith(QStringLiteral("\n\nMedian time to first touch: 10 h 0 min.\n")),
        qPrintable(run.out));
}

void TestCliReport::heatmap()
{
    const CliRun run
        = report(QStringLiteral("heatmap"), {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const auto cell = [](int weekday, int hour, int touches, int replies) {
        return QJsonObject {{QStringLiteral("weekday"), weekday}, {QStringLiteral("hour"), hour},
            {QStringLiteral("touches"), touches}, {QStringLiteral("replies"), replies}};
    };
    // Monday 00:30 Grace 1; Monday 10:00 Ada 1, Grace 2 and 3; Tuesday 09:00 Alan 1
    // (replied); Thursday 09:00 Ada 2 (replied).
    const QJsonArray expected
        = {cell(1, 0, 1, 0), cell(1, 10, 3, 0), cell(2, 9, 1, 1), cell(4, 9, 1, 1)};
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::csvMatchesJson()
{
    const QStringList format = {QStringLiteral("--format"), QStringLiteral("csv")};
    const CliRun run = report(QStringLiteral("channels"), format);
    QCOMPARE(run.exitCode, 0);
    const std::optional<QList<QStringList>> rows = parseCsv(run.out);
    QVERIFY2(rows, qPrintable(run.out));
    QCOMPARE(rows->size(), 4);
    QCOMPARE(rows->at(0),
        QStringList(
            {QStringLiteral("channel"), QStringLiteral("touches"), QStringLiteral("replies"),
                QStringLiteral("rate"), QStringLiteral("low"), QStringLiteral("high")}));
    QCOMPARE(rows->at(1).mid(0, 4),
        QStringList({QStringLiteral("email"), QStringLiteral("4"), QStringLiteral("1"),
            QStringLiteral("0.25")}));
    QCOMPARE(rows->at(2).value(3).toDouble(), 1.0);
    QCOMPARE(rows->at(3).value(3).toDouble(), 0.0);
}

void TestCliReport::filters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QJsonArray>("expected");
    const QString replyRate = QStringLiteral("reply-rate");
    const auto firstThree
        = [](const QJsonObject &one, const QJsonObject &two, const QJsonObject &three) {
              return QJsonArray {one, two, three, touchRow("4", 0, 0, 0), touchRow("5", 0, 0, 0),
                  touchRow("6+", 0, 0, 0)};
          };

    QTest::newRow("owner") << replyRate
                           << QStringList {QStringLiteral("--owner"), QStringLiteral("sam")}
                           << firstThree(touchRow("1", 1, 0, 0), touchRow("2", 1, 0, 0),
                                  touchRow("3", 1, 0, 0));
    // --to is inclusive: Grace's touch 2 on the 8th at 10:00. Numbers stay.
    QTest::newRow("one day") << replyRate
                             << QStringList {QStringLiteral("--from"), QStringLiteral("2024-01-08"),
                                    QStringLiteral("--to"), QStringLiteral("2024-01-08")}
                             << firstThree(touchRow("1", 0, 0, 0), touchRow("2", 1, 0, 0),
                                    touchRow("3", 0, 0, 0));
    QTest::newRow("from") << replyRate
                          << QStringList {QStringLiteral("--from"), QStringLiteral("2024-01-04")}
                          << firstThree(touchRow("1", 0, 0, 0), touchRow("2", 2, 1, 0),
                                 touchRow("3", 1, 0, 0));
    QTest::newRow("to") << replyRate
                        << QStringList {QStringLiteral("--to"), QStringLiteral("2024-01-01")}
                        << firstThree(touchRow("1", 2, 0, 0), touchRow("2", 0, 0, 0),
                               touchRow("3", 0, 0, 0));
    QTest::newRow("channel") << QStringLiteral("channels")
                             << QStringList {QStringLiteral("--channel"), QStringLiteral("phone")}
                             << QJsonArray {breakdownRow("channel", "phone", 1, 1)};
    // Nothing here did a cadence step.
    QTest::newRow("cadence") << QStringLiteral("channels")
                             << QStringList {QStringLiteral("--cadence"), QStringLiteral("1")}
                             << QJsonArray();
    // Settling does not change what is counted once every touch is old enough.
    QTest::newRow("settle days") << QStringLiteral(
        "owners") << QStringList {QStringLiteral("--settle-days"), QStringLiteral("0")}
                                 << QJsonArray {breakdownRow("owner", "Maya", 3, 2),
                                        breakdownRow("owner", "Sam", 3, 0)};
}

void TestCliReport::filters()
{
    QFETCH(QString, name);
    QFETCH(QStringList, arguments);
    QFETCH(QJsonArray, expected);
    const CliRun run = report(
        name, arguments + QStringList {QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(jsonOf(run), expected);
}

void TestCliReport::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("command");
    const QString report = QStringLiteral("report");
    const QString replyRate = QStringLiteral("reply-rate");
    const QString command = QStringLiteral("report reply-rate");

    QTest::newRow("bad date")
        << QStringList {report, replyRate, QStringLiteral("--from"), QStringLiteral("2024-13-01")}
        << QStringLiteral(
               "--from needs a day as YYYY-MM-DD, such as 2025-01-31, not \"2024-13-01\".")
        << command;
    QTest::newRow("from after to") << QStringList {report, replyRate, QStringLiteral("--from"),
        QStringLiteral("2024-02-01"), QStringLiteral("--to"), QStringLiteral("2024-01-31")}
                                   << QStringLiteral("--from must not be after --to.") << command;
    QTest::newRow("unknown channel")
        << QStringList {report, QStringLiteral("channels"), QStringLiteral("--channel"),
               QStringLiteral("fax")}
        << QStringLiteral("Unknown channel \"fax\"; use email, phone, linkedin or sms.")
        << QStringLiteral("report channels");
    QTest::newRow("meetings are not attempts")
        << QStringList {report, replyRate, QStringLiteral("--channel"), QStringLiteral("meeting")}
        << QStringLiteral("Unknown channel \"meeting\"; use email, phone, linkedin or sms.")
        << command;
    QTest::newRow("bad settle days")
        << QStringList {report, replyRate, QStringLiteral("--settle-days"), QStringLiteral("-1")}
        << QStringLiteral("--settle-days needs a whole number from 0 to 3650, not \"-1\".")
        << command;
    QTest::newRow("bad format") << QStringList {report, QStringLiteral("speed"),
        QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("Unknown format \"xml\"; use table, csv or json.")
                                << QStringLiteral("report speed");
    QTest::newRow("unknown subcommand")
        << QStringList {report, QStringLiteral("funnel")}
        << QStringLiteral("Unknown command \"report funnel\"; use reply-rate, cumulative, "
                          "channels, owners, steps, give-up, speed or heatmap.")
        << report;
    QTest::newRow("no subcommand")
        << QStringList {report}
        << QStringLiteral("\"report\" needs a command: reply-rate, cumulative, channels, owners, "
                          "steps, give-up, speed or heatmap.")
        << report;
}

void TestCliReport::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFETCH(QString, command);
    const CliRun result = m_cli->cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err,
        QStringLiteral("touchline-cli: %1\nRun \"touchline-cli %2 --help\" for usage.\n")
            .arg(message, command));
}

void TestCliReport::runtimeErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown owner")
        << QStringList {QStringLiteral("owners"), QStringLiteral("--owner"), QStringLiteral("Zoe")}
        << QStringLiteral("There is no user named \"Zoe\".");
    QTest::newRow("unknown cadence") << QStringList {QStringLiteral("reply-rate"),
        QStringLiteral("--cadence"), QStringLiteral("Weekly")}
                                     << QStringLiteral("There is no cadence named \"Weekly\".");
    QTest::newRow("unknown cadence id") << QStringList {QStringLiteral("heatmap"),
        QStringLiteral("--cadence"), QStringLiteral("99")}
                                        << QStringLiteral("There is no cadence 99.");
}

void TestCliReport::runtimeErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = m_cli->cli(QStringList {QStringLiteral("report")} + arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err, QStringLiteral("touchline-cli: %1\n").arg(message));
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
