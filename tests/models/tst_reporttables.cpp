// The dashboard's tables (domain/ReportTables.h) from hand-made reports, so that
// every number in a row is known; and their CSV, byte for byte.

#include "domain/ReportTables.h"

#include <QTest>

#include <cmath>

using namespace Touchline;
using namespace Touchline::ReplyStats;
using Touchline::ReportTables::Kind;

namespace {

TouchNumberRow touchRow(int number, bool tail, const Tally &t, int cumulativeReplies,
    double cumulativeShare, int gaveUp)
{
    TouchNumberRow row;
    row.touchNumber = number;
    row.tail = tail;
    row.tally = t;
    row.cumulativeReplies = cumulativeReplies;
    row.cumulativeShare = cumulativeShare;
    row.gaveUp = gaveUp;
    return row;
}

// Touches 1, 2 and "3+" (no trials yet); email and phone (no trials); four
// owners, one without a user and one whose user is not named; steps 11 and 12
// of a cadence, step 99 unknown, touches outside cadences; two busy hours.
Report handMadeReport()
{
    Report report;
    report.byTouchNumber = {touchRow(1, false, Tally {10, 2, 0}, 2, 0.5, 1),
        touchRow(2, false, Tally {4, 2, 1}, 4, 1.0, 0),
        touchRow(3, true, Tally {0, 0, 0}, 4, 1.0, 0)};
    report.replies = 4;
    report.gaveUp = 1;
    report.byChannel.insert(TouchChannel::Email, Tally {8, 1, 1});
    report.byChannel.insert(TouchChannel::Phone, Tally {0, 0, 2});
    report.byOwner.insert(0, Tally {2, 0, 0});
    report.byOwner.insert(5, Tally {3, 1, 0});
    report.byOwner.insert(7, Tally {4, 2, 0});
    report.byOwner.insert(9, Tally {1, 0, 0});
    report.byStep.insert(0, Tally {3, 1, 0});
    report.byStep.insert(11, Tally {5, 1, 0});
    report.byStep.insert(12, Tally {0, 0, 1});
    report.byStep.insert(99, Tally {1, 0, 0});
    report.byWeekHour[std::size_t(9)] = Tally {2, 1, 1};           // Monday 9:00
    report.byWeekHour[std::size_t(6 * 24 + 23)] = Tally {0, 0, 1}; // Sunday 23:00
    report.byWeekHour[std::size_t(2 * 24 + 14)] = Tally {0, 0, 0}; // nothing: not listed
    report.speed[std::size_t(SpeedBucket::UnderHour)] = {3, Tally {3, 1, 0}};
    report.speed[std::size_t(SpeedBucket::UnderDay)] = {2, Tally {1, 0, 1}};
    report.speed[std::size_t(SpeedBucket::Never)] = {4, Tally {0, 0, 0}};
    return report;
}

// Names with what CSV must quote; user 9 has none. Step 13 has no touches.
ReportTables::Labels labels()
{
    ReportTables::Labels result;
    result.owners = {{5, QStringLiteral("bob")}, {7, QStringLiteral("Alice \"Al\", Smith\nSales")}};
    result.steps = {{11, QStringLiteral("Intro"), 1, TouchChannel::Email},
        {12, QStringLiteral("Intro"), 2, TouchChannel::Phone},
        {13, QStringLiteral("Intro"), 3, TouchChannel::Sms}};
    return result;
}

ReportTables::Labels ownersOnly(const QHash<qint64, QString> &owners)
{
    ReportTables::Labels result;
    result.owners = owners;
    return result;
}

QVariantList rates(int replies, int settled)
{
    if (settled == 0)
        return {QVariant(), QVariant(), QVariant()};
    const WilsonInterval interval = wilsonInterval(replies, settled);
    return {double(replies) / settled, interval.lower, interval.upper};
}

Kind kindFromKey(const QString &key)
{
    for (Kind kind : ReportTables::allKinds()) {
        if (ReportTables::kindKey(kind) == key)
            return kind;
    }
    qFatal("unknown report kind");
}

QStringList keysOf(const ReportTables::Table &table)
{
    QStringList keys;
    for (const ReportTables::Column &column : table.columns)
        keys.append(column.key);
    return keys;
}

QStringList keysWhere(const ReportTables::Table &table, bool ReportTables::Column::*flag)
{
    QStringList keys;
    for (const ReportTables::Column &column : table.columns) {
        if (column.*flag)
            keys.append(column.key);
    }
    return keys;
}

} // namespace

class TestReportTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds();
    void table_data();
    void table();
    void noNaN();
    void csv();
    void emptyReport();
};

void TestReportTables::kinds()
{
    const QList<Kind> kinds = ReportTables::allKinds();
    QCOMPARE(kinds,
        (QList<Kind> {Kind::ReplyRate, Kind::Cumulative, Kind::Channels, Kind::Owners, Kind::Steps,
            Kind::GiveUp, Kind::Speed, Kind::Heatmap}));
    QStringList keys;
    QStringList titles;
    for (Kind kind : kinds) {
        keys.append(ReportTables::kindKey(kind));
        titles.append(ReportTables::kindTitle(kind));
    }
    QCOMPARE(keys,
        QStringList({QStringLiteral("reply-rate"), QStringLiteral("cumulative"),
            QStringLiteral("channels"), QStringLiteral("owners"), QStringLiteral("steps"),
            QStringLiteral("give-up"), QStringLiteral("speed"), QStringLiteral("heatmap")}));
    QCOMPARE(titles.first(), QStringLiteral("Reply rate by touch number"));
    titles.removeDuplicates();
    QCOMPARE(titles.size(), kinds.size());
    QVERIFY(!titles.contains(QString()));
}

void TestReportTables::table_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("numericKeys");
    QTest::addColumn<QStringList>("shareKeys");
    QTest::addColumn<QList<QVariantList>>("rows");

    const auto list = [](const char *keys) -> QStringList {
        return QString::fromLatin1(keys).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };

    QTest::newRow("reply-rate")
        << QStringLiteral("reply-rate") << list("touch prospects replies rate low high open")
        << list("touch prospects replies rate low high open") << list("rate low high")
        << QList<QVariantList> {
               QVariantList {QStringLiteral("1"), 10, 2} + rates(2, 10) + QVariantList {0},
               QVariantList {QStringLiteral("2"), 4, 2} + rates(2, 4) + QVariantList {1},
               QVariantList {QStringLiteral("3+"), 0, 0} + rates(0, 0) + QVariantList {0}};
    QTest::newRow("cumulative") << QStringLiteral("cumulative")
                                << list("touch replies_by_touch share")
                                << list("touch replies_by_touch share") << list("share")
                                << QList<QVariantList> {{QStringLiteral("1"), 2, 0.5},
                                       {QStringLiteral("2"), 4, 1.0},
                                       {QStringLiteral("3+"), 4, 1.0}};
    QTest::newRow("channels") << QStringLiteral("channels")
                              << list("channel touches replies rate low high")
                              << list("touches replies rate low high") << list("rate low high")
                              << QList<QVariantList> {
                                     QVariantList {QStringLiteral("email"), 8, 1} + rates(1, 8),
                                     QVariantList {QStringLiteral("phone"), 0, 0} + rates(0, 0)};
    // By name, case-insensitive; no user, then an unnamed user, last.
    QTest::newRow("owners") << QStringLiteral("owners")
                            << list("owner touches replies rate low high")
                            << list("touches replies rate low high") << list("rate low high")
                            << QList<QVariantList> {
                                   QVariantList {labels().owners.value(7), 4, 2} + rates(2, 4),
                                   QVariantList {QStringLiteral("bob"), 3, 1} + rates(1, 3),
                                   QVariantList {QVariant(), 2, 0} + rates(0, 2),
                                   QVariantList {QVariant(), 1, 0} + rates(0, 1)};
    // Known steps in the labels' order (none without touches), then unknown
    // steps and touches outside cadences, unnamed.
    QTest::newRow("steps")
        << QStringLiteral("steps") << list("cadence step channel touches replies rate low high")
        << list("step touches replies rate low high") << list("rate low high")
        << QList<QVariantList> {
               QVariantList {QStringLiteral("Intro"), 1, QStringLiteral("email"), 5, 1}
                   + rates(1, 5),
               QVariantList {QStringLiteral("Intro"), 2, QStringLiteral("phone"), 0, 0}
                   + rates(0, 0),
               QVariantList {QVariant(), QVariant(), QVariant(), 1, 0} + rates(0, 1),
               QVariantList {QVariant(), QVariant(), QVariant(), 3, 1} + rates(1, 3)};
    QTest::newRow("give-up") << QStringLiteral("give-up")
                             << list("touches prospects_who_stopped_here reply_rate_at_this_touch")
                             << list("touches prospects_who_stopped_here reply_rate_at_this_touch")
                             << list("reply_rate_at_this_touch")
                             << QList<QVariantList> {{QStringLiteral("1"), 1, 0.2},
                                    {QStringLiteral("2"), 0, 0.5},
                                    {QStringLiteral("3+"), 0, QVariant()}};
    QTest::newRow("speed") << QStringLiteral("speed") << list("bucket prospects replies rate")
                           << list("prospects replies rate") << list("rate")
                           << QList<QVariantList> {
                                  {speedBucketLabel(SpeedBucket::UnderHour), 3, 1, 1.0 / 3},
                                  {speedBucketLabel(SpeedBucket::UnderDay), 2, 0, 0.0},
                                  {speedBucketLabel(SpeedBucket::UnderWeek), 0, 0, QVariant()},
                                  {speedBucketLabel(SpeedBucket::Later), 0, 0, QVariant()},
                                  {speedBucketLabel(SpeedBucket::Never), 4, 0, QVariant()}};
    // Open touches count as touches; hours without any are left out.
    QTest::newRow("heatmap") << QStringLiteral("heatmap") << list("weekday hour touches replies")
                             << list("weekday hour touches replies") << QStringList()
                             << QList<QVariantList> {{1, 9, 3, 1}, {7, 23, 1, 0}};
}

void TestReportTables::table()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, numericKeys);
    QFETCH(QStringList, shareKeys);
    QFETCH(QList<QVariantList>, rows);

    const ReportTables::Table table
        = ReportTables::table(kindFromKey(kind), handMadeReport(), labels());
    QCOMPARE(keysOf(table), keys);
    QCOMPARE(keysWhere(table, &ReportTables::Column::numeric), numericKeys);
    QCOMPARE(keysWhere(table, &ReportTables::Column::share), shareKeys);
    for (const ReportTables::Column &column : table.columns)
        QVERIFY2(!column.title.isEmpty(), qPrintable(column.key));
    QCOMPARE(table.rows.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(table.rows.at(i).size(), keys.size());
        for (qsizetype j = 0; j < keys.size(); ++j) {
            const QVariant actual = table.rows.at(i).at(j);
            const QVariant expected = rows.at(i).at(j);
            // Null, not merely empty: the CLI's JSON prints null, charts leave a gap.
            QCOMPARE(actual.isNull(), expected.isNull());
            QCOMPARE(actual.metaType(), expected.metaType());
            QCOMPARE(actual, expected);
        }
    }
}

void TestReportTables::noNaN()
{
    for (Kind kind : ReportTables::allKinds()) {
        const ReportTables::Table table = ReportTables::table(kind, handMadeReport(), labels());
        for (const QVariantList &row : table.rows) {
            for (const QVariant &value : row) {
                if (value.metaType() == QMetaType::fromType<double>())
                    QVERIFY2(
                        !std::isnan(value.toDouble()), qPrintable(ReportTables::kindKey(kind)));
            }
        }
    }
}

void TestReportTables::csv()
{
    const QString owners
        = ReportTables::toCsv(ReportTables::table(Kind::Owners, handMadeReport(), labels()));
    const auto line = [](int replies, int settled) -> QString {
        const WilsonInterval interval = wilsonInterval(replies, settled);
        return QString::number(double(replies) / settled, 'g', QLocale::FloatingPointShortest)
            + QLatin1Char(',')
            + QString::number(interval.lower, 'g', QLocale::FloatingPointShortest)
            + QLatin1Char(',')
            + QString::number(interval.upper, 'g', QLocale::FloatingPointShortest)
            + QLatin1String("\r\n");
    };
    // Commas, quotes and line breaks quoted; a quote doubled; no owner empty.
    QCOMPARE(owners,
        QString(QStringLiteral("owner,touches,replies,rate,low,high\r\n"
                               "\"Alice \"\"Al\"\", Smith\nSales\",4,2,")
            + line(2, 4) + QStringLiteral("bob,3,1,") + line(1, 3) + QStringLiteral(",2,0,")
            + line(0, 2) + QStringLiteral(",1,0,") + line(0, 1)));

    // A name a spreadsheet would run as a formula stays text.
    const QString formula = ReportTables::toCsv(ReportTables::table(Kind::Owners, handMadeReport(),
        ownersOnly({{5, QStringLiteral("=HYPERLINK(\"x\")")}, {7, QStringLiteral("Ann")}})));
    QVERIFY2(formula.contains(QStringLiteral("\r\n\"'=HYPERLINK(\"\"x\"\")\",3,1,")),
        qPrintable(formula));

    // Shares as fractions, rates without trials empty.
    QCOMPARE(ReportTables::toCsv(ReportTables::table(Kind::Cumulative, handMadeReport(), {})),
        QStringLiteral("touch,replies_by_touch,share\r\n1,2,0.5\r\n2,4,1\r\n3+,4,1\r\n"));
    QCOMPARE(ReportTables::toCsv(ReportTables::table(Kind::GiveUp, handMadeReport(), {})),
        QStringLiteral("touches,prospects_who_stopped_here,reply_rate_at_this_touch\r\n"
                       "1,1,0.2\r\n2,0,0.5\r\n3+,0,\r\n"));
}

void TestReportTables::emptyReport()
{
    Options options;
    options.now = QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone::utc());
    options.maxTouchNumber = 2;
    options.zone = QTimeZone::utc();
    const Report report = compute({}, options);

    for (Kind kind : ReportTables::allKinds()) {
        const ReportTables::Table table = ReportTables::table(kind, report, {});
        QVERIFY(!table.columns.isEmpty());
        // The header alone when there are no rows.
        if (table.rows.isEmpty())
            QCOMPARE(ReportTables::toCsv(table).count(QLatin1String("\r\n")), 1);
    }
    QCOMPARE(ReportTables::table(Kind::ReplyRate, report, {}).rows,
        (QList<QVariantList> {
            QVariantList {QStringLiteral("1"), 0, 0} + rates(0, 0) + QVariantList {0},
            QVariantList {QStringLiteral("2+"), 0, 0} + rates(0, 0) + QVariantList {0}}));
    QCOMPARE(ReportTables::table(Kind::Cumulative, report, {}).rows,
        (QList<QVariantList> {{QStringLiteral("1"), 0, 0.0}, {QStringLiteral("2+"), 0, 0.0}}));
    QVERIFY(ReportTables::table(Kind::Channels, report, {}).rows.isEmpty());
    QVERIFY(ReportTables::table(Kind::Owners, report, {}).rows.isEmpty());
    QVERIFY(ReportTables::table(Kind::Steps, report, labels()).rows.isEmpty());
    QVERIFY(ReportTables::table(Kind::Heatmap, report, {}).rows.isEmpty());
    QCOMPARE(ReportTables::table(Kind::Speed, report, {}).rows.size(), speedBucketCount);
    QCOMPARE(ReportTables::toCsv(ReportTables::table(Kind::Heatmap, report, {})),
        QStringLiteral("weekday,hour,touches,replies\r\n"));
}

QTEST_GUILESS_MAIN(TestReportTables)
#include "tst_reporttables.moc"
