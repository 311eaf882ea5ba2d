// The dashboard's statistics: domain/ReplyStats.h. Every fixture is small and
// its expectation is computed by hand in the row; dates are in January 2025,
// UTC (the 6th is a Monday). A tally is written "settled/replies/open".

#include "domain/ReplyStats.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Touchline;
using namespace Touchline::ReplyStats;

namespace {

struct Scenario
{
    QList<ProspectHistory> prospects;
    Options options;
    Filter filter;
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

namespace {

using C = TouchChannel;
using D = TouchDirection;

QDateTime utc(
    int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

QDateTime jan(int day, int hour = 0, int minute = 0)
{
    return utc(2025, 1, day, hour, minute);
}

HistoryTouch touchOf(qint64 id, const QDateTime &at, C channel, D direction)
{
    HistoryTouch touch;
    touch.id = id;
    touch.occurredAtMs = at.toMSecsSinceEpoch();
    touch.channel = channel;
    touch.direction = direction;
    return touch;
}

HistoryTouch out(qint64 id, const QDateTime &at, C channel = C::Email)
{
    return touchOf(id, at, channel, D::Out);
}

HistoryTouch in(qint64 id, const QDateTime &at, C channel = C::Email)
{
    return touchOf(id, at, channel, D::In);
}

// An outbound touch that did step `stepId` of cadence `cadenceId`.
HistoryTouch stepOut(qint64 id, const QDateTime &at, qint64 cadenceId, qint64 stepId,
    C channel = C::Email, qint64 authorId = 0)
{
    HistoryTouch touch = out(id, at, channel);
    touch.cadenceId = cadenceId;
    touch.stepId = stepId;
    touch.authorId = authorId;
    return touch;
}

ProspectHistory prospectOf(qint64 id, const QList<HistoryTouch> &touches, qint64 ownerId = 1,
    const QDateTime &cadenceEndedAt = QDateTime(), const QDateTime &createdAt = jan(1))
{
    ProspectHistory prospect;
    prospect.id = id;
    const auto msOf = [](const QDateTime &time) {
        return time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt;
    };
    prospect.createdAtMs = msOf(createdAt);
    prospect.ownerId = ownerId;
    prospect.cadenceEndedAtMs = msOf(cadenceEndedAt);
    prospect.touches = touches;
    return prospect;
}

ProspectHistory createdAt(const QDateTime &at, const QList<HistoryTouch> &touches)
{
    return prospectOf(1, touches, 1, QDateTime(), at);
}

// Evaluated on 31 January at midnight, three rows, heat map in UTC.
Scenario scenarioOf(const QList<ProspectHistory> &prospects, int maxTouchNumber = 3)
{
    Scenario scenario;
    scenario.prospects = prospects;
    scenario.options.now = jan(31);
    scenario.options.maxTouchNumber = maxTouchNumber;
    scenario.options.zone = QTimeZone::utc();
    return scenario;
}

Scenario withOptions(Scenario scenario, int settlingDays, const QTimeZone &zone = QTimeZone::utc())
{
    scenario.options.settlingDays = settlingDays;
    scenario.options.zone = zone;
    return scenario;
}

Scenario withFilter(Scenario scenario, const Filter &filter)
{
    scenario.filter = filter;
    return scenario;
}

QStringList strings(std::initializer_list<const char *> values)
{
    QStringList result;
    for (const char *value : values)
        result.append(QString::fromLatin1(value));
    return result;
}

QString describe(const Tally &tally)
{
    return QStringLiteral("%1/%2/%3").arg(tally.settled).arg(tally.replies).arg(tally.open);
}

} // namespace

namespace QTest {
template<> char *toString(const Tally &tally)
{
    return qstrdup(qPrintable(describe(tally)));
}
} // namespace QTest

namespace {

QStringList rowTallies(const Report &report)
{
    QStringList result;
    for (const TouchNumberRow &row : report.byTouchNumber)
        result.append(describe(row.tally));
    return result;
}

template<typename Key, typename KeyName>
QStringList describe(const QMap<Key, Tally> &tallies, KeyName keyName)
{
    QStringList result;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it)
        result.append(keyName(it.key()) + QLatin1Char(':') + describe(it.value()));
    return result;
}

QStringList channelTallies(const Report &report)
{
    return describe(
        report.byChannel, [](TouchChannel channel) -> QString { return channelKey(channel); });
}

QStringList idTallies(const QMap<qint64, Tally> &tallies)
{
    return describe(tallies, [](qint64 id) -> QString { return QString::number(id); });
}

// Non-empty cells as "dayOfWeek hour tally".
QStringList heatCells(const Report &report)
{
    QStringList result;
    for (int day = 1; day <= 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const Tally &tally = report.atWeekHour(day, hour);
            if (tally != Tally())
                result.append(QStringLiteral("%1 %2 ").arg(day).arg(hour) + describe(tally));
        }
    }
    return result;
}

QList<SpeedBucket> speedBuckets()
{
    return {SpeedBucket::UnderHour, SpeedBucket::UnderDay, SpeedBucket::UnderWeek,
        SpeedBucket::Later, SpeedBucket::Never};
}

// Per bucket: "prospects tally".
QStringList speedRows(const Report &report)
{
    QStringList result;
    for (SpeedBucket bucket : speedBuckets()) {
        const SpeedRow &row = report.speedRow(bucket);
        result.append(QString::number(row.prospects) + QLatin1Char(' ') + describe(row.tally));
    }
    return result;
}

QList<int> gaveUpCounts(const Report &report)
{
    QList<int> result;
    for (const TouchNumberRow &row : report.byTouchNumber)
        result.append(row.gaveUp);
    return result;
}

// Everything the report says, to compare two reports.
QStringList describe(const Report &report)
{
    QStringList result = rowTallies(report) + channelTallies(report) + idTallies(report.byOwner)
        + idTallies(report.byAuthor) + idTallies(report.byStep) + heatCells(report)
        + speedRows(report);
    for (const TouchNumberRow &row : report.byTouchNumber)
        result.append(QStringLiteral("%1 %2 %3 %4")
                          .arg(row.label())
                          .arg(row.cumulativeReplies)
                          .arg(row.cumulativeShare)
                          .arg(row.gaveUp));
    result.append(QStringLiteral("%1 %2 %3 %4 %5")
                      .arg(report.replies)
                      .arg(report.repliedBeforeOutbound)
                      .arg(report.gaveUp)
                      .arg(report.medianSpeedMs.value_or(-1))
                      .arg(report.speedUnmeasured));
    return result;
}

Tally sum(const QList<Tally> &tallies)
{
    Tally total;
    for (const Tally &tally : tallies) {
        total.settled += tally.settled;
        total.replies += tally.replies;
        total.open += tally.open;
    }
    return total;
}

template<typename Container> QList<Tally> tallyList(const Container &container)
{
    return QList<Tally>(container.cbegin(), container.cend());
}

// compute(), checked for what holds whatever the data: every breakdown counts
// the same trials, and neither the order of the prospects nor that of their
// touches matters.
Report computeChecked(const Scenario &scenario)
{
    const Report report = compute(scenario.prospects, scenario.options, scenario.filter);
    [&] {
        QCOMPARE(report.byTouchNumber.size(), std::max(1, scenario.options.maxTouchNumber));
        QList<Tally> rows;
        int gaveUp = 0;
        for (const TouchNumberRow &row : report.byTouchNumber) {
            rows.append(row.tally);
            gaveUp += row.gaveUp;
        }
        const Tally total = sum(rows);
        QCOMPARE(report.replies, total.replies);
        QCOMPARE(report.gaveUp, gaveUp);
        QCOMPARE(sum(report.byChannel.values()), total);
        QCOMPARE(sum(report.byOwner.values()), total);
        QCOMPARE(sum(report.byAuthor.values()), total);
        QCOMPARE(sum(report.byStep.values()), total);
        QCOMPARE(sum(tallyList(report.byWeekHour)), total);

        QList<ProspectHistory> reversed(scenario.prospects.crbegin(), scenario.prospects.crend());
        for (ProspectHistory &prospect : reversed)
            prospect.touches
                = QList<HistoryTouch>(prospect.touches.crbegin(), prospect.touches.crend());
        QCOMPARE(describe(compute(reversed, scenario.options, scenario.filter)), describe(report));
    }();
    return report;
}

void compareInterval(double actual, double expected)
{
    if (std::isnan(expected))
        QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
    else
        QVERIFY2(std::abs(actual - expected) < 1e-6,
            qPrintable(QStringLiteral("%1 != %2").arg(actual, 0, 'g', 10).arg(expected)));
}

} // namespace

class TestReplyStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wilson_data();
    void wilson();
    void tallyRate_data();
    void tallyRate();
    void byTouchNumber_data();
    void byTouchNumber();
    void cumulative_data();
    void cumulative();
    void giveUp_data();
    void giveUp();
    void breakdowns_data();
    void breakdowns();
    void speed_data();
    void speed();
    void heatMap_data();
    void heatMap();
    void filters_data();
    void filters();
    void labels_data();
    void labels();
    void speedLabels();
};

void TestReplyStats::wilson_data()
{
    QTest::addColumn<int>("hits");
    QTest::addColumn<int>("total");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    // With z = 1.959964, z^2 = 3.8414588 and, for n trials and p = hits / n:
    //   centre = (p + z^2 / 2n) / (1 + z^2 / n)
    //   half = z sqrt(p (1 - p) / n + z^2 / 4n^2) / (1 + z^2 / n)
    // n = 10: 1 + z^2 / n = 1.38414588.
    // 0 of 10: centre = 0.19207294 / 1.38414588 = 0.13876640; half = z (z / 20) /
    //   1.38414588 = 0.13876640, so [0, 0.27753280].
    // 5 of 10: centre = 0.5; half = z sqrt(0.025 + 0.00960365) / 1.38414588
    //   = 1.959964 x 0.18602055 / 1.38414588 = 0.26340691, so [0.23659309, 0.76340691].
    // 10 of 10: the mirror of 0 of 10: [0.72246720, 1].
    // 1 of 1: 1 + z^2 = 4.8414588; centre = (1 + 1.9207294) / 4.8414588 = 0.60327466;
    //   half = z (z / 2) / 4.8414588 = 0.39672534, so [0.20654931, 1].
    // 1 of 4: 1 + z^2 / 4 = 1.9603647; centre = (0.25 + 0.48018235) / 1.9603647
    //   = 0.37247271; half = z sqrt(0.046875 + 0.06001842) / 1.9603647 = 0.32688545,
    //   so [0.04558726, 0.69935816].
    const double none = std::nan("");
    QTest::newRow("0 of 0: no rate") << 0 << 0 << none << none;
    QTest::newRow("0 of 10") << 0 << 10 << 0.0 << 0.27753280;
    QTest::newRow("5 of 10") << 5 << 10 << 0.23659309 << 0.76340691;
    QTest::newRow("10 of 10") << 10 << 10 << 0.72246720 << 1.0;
    QTest::newRow("1 of 1") << 1 << 1 << 0.20654931 << 1.0;
    QTest::newRow("1 of 4") << 1 << 4 << 0.04558726 << 0.69935816;
}

void TestReplyStats::wilson()
{
    QFETCH(int, hits);
    QFETCH(int, total);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const WilsonInterval interval = wilsonInterval(hits, total);
    compareInterval(interval.lower, lower);
    compareInterval(interval.upper, upper);
    if (total > 0) {
        QVERIFY(interval.lower >= 0.0);
        QVERIFY(interval.upper <= 1.0);
    }
}

void TestReplyStats::tallyRate_data()
{
    QTest::addColumn<int>("settled");
    QTest::addColumn<int>("replies");
    QTest::addColumn<int>("open");
    QTest::addColumn<bool>("hasRate");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    const double none = std::nan("");
    // Open trials are not in the denominator: 5 of 10 whatever the open count.
    QTest::newRow("nothing") << 0 << 0 << 0 << false << none << none << none;
    QTest::newRow("only open") << 0 << 0 << 3 << false << none << none << none;
    QTest::newRow("5 of 10, 4 open") << 10 << 5 << 4 << true << 0.5 << 0.23659309 << 0.76340691;
    QTest::newRow("0 of 10") << 10 << 0 << 0 << true << 0.0 << 0.0 << 0.27753280;
}

void TestReplyStats::tallyRate()
{
    QFETCH(int, settled);
    QFETCH(int, replies);
    QFETCH(int, open);
    QFETCH(bool, hasRate);
    QFETCH(double, rate);
    QFETCH(double, lower);
    QFETCH(double, upper);
    Tally tally;
    tally.settled = settled;
    tally.replies = replies;
    tally.open = open;
    QCOMPARE(tally.hasRate(), hasRate);
    compareInterval(tally.rate(), rate);
    compareInterval(tally.interval().lower, lower);
    compareInterval(tally.interval().upper, upper);
}

void TestReplyStats::byTouchNumber_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<int>("repliedBeforeOutbound");

    const QStringList nothing = strings({"0/0/0", "0/0/0", "0/0/0"});
    QTest::newRow("empty") << scenarioOf({}) << nothing << 0;
    QTest::newRow("prospect without touches") << scenarioOf({prospectOf(1, {})}) << nothing << 0;
    QTest::newRow("one touch, no reply, settled") << scenarioOf({prospectOf(1, {out(1, jan(6))})})
                                                  << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("one touch, replied")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7))})})
        << strings({"1/1/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("one touch, open, not a no-reply")
        << scenarioOf({prospectOf(1, {out(1, jan(30))})}) << strings({"0/0/1", "0/0/0", "0/0/0"})
        << 0;
    // Touch 3 came after the reply: not a trial.
    QTest::newRow("reply after touch 2") << scenarioOf(
        {prospectOf(1, {out(1, jan(6)), out(2, jan(9)), in(3, jan(10)), out(4, jan(13))})})
                                         << strings({"1/0/0", "1/1/0", "0/0/0"}) << 0;
    QTest::newRow("reply before any outbound touch") << scenarioOf(
        {prospectOf(1, {in(1, jan(5)), out(2, jan(6)), out(3, jan(9)), in(4, jan(10))})})
                                                     << nothing << 1;
    QTest::newRow("only the first reply counts") << scenarioOf(
        {prospectOf(1, {out(1, jan(6)), in(2, jan(7)), out(3, jan(9)), in(4, jan(10), C::Phone)})})
                                                 << strings({"1/1/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("a reply at the same instant answers touch 1")
        << scenarioOf({prospectOf(1, {in(1, jan(6, 9)), out(2, jan(6, 9))})})
        << strings({"1/1/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("a reply at the same instant as touch 2 credits it")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(9)), out(3, jan(9))})})
        << strings({"1/0/0", "1/1/0", "0/0/0"}) << 0;
    QTest::newRow("touch 2 settles a recent touch 1")
        << scenarioOf({prospectOf(1, {out(1, jan(29)), out(2, jan(30))})})
        << strings({"1/0/0", "0/0/1", "0/0/0"}) << 0;
    QTest::newRow("a reply settles a recent touch")
        << scenarioOf({prospectOf(1, {out(1, jan(30)), in(2, jan(30, 12))})})
        << strings({"1/1/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("exactly 14 days settles") << scenarioOf({prospectOf(1, {out(1, jan(17))})})
                                             << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("a millisecond short of 14 days is open")
        << scenarioOf({prospectOf(1, {out(1, utc(2025, 1, 17, 0, 0, 0, 1))})})
        << strings({"0/0/1", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("settling period of 7 days")
        << withOptions(scenarioOf({prospectOf(1, {out(1, jan(24))})}), 7)
        << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("settling period of 7 days, a minute short")
        << withOptions(scenarioOf({prospectOf(1, {out(1, jan(24, 0, 1))})}), 7)
        << strings({"0/0/1", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("cadence ended after the last touch")
        << scenarioOf({prospectOf(1, {out(1, jan(30))}, 1, jan(30, 12))})
        << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("cadence ended at the last touch")
        << scenarioOf({prospectOf(1, {out(1, jan(30))}, 1, jan(30))})
        << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("cadence ended before the last touch")
        << scenarioOf({prospectOf(1, {out(1, jan(30))}, 1, jan(29))})
        << strings({"0/0/1", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("an inbound meeting is a reply")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7), C::Meeting)})})
        << strings({"1/1/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("an inbound note is not a reply")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7), C::Note)})})
        << strings({"1/0/0", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("an outbound meeting neither counts nor settles")
        << scenarioOf({prospectOf(1, {out(1, jan(30)), out(2, jan(30, 10), C::Meeting)})})
        << strings({"0/0/1", "0/0/0", "0/0/0"}) << 0;
    QTest::newRow("notes are not numbered") << scenarioOf({prospectOf(
        1, {out(1, jan(6)), out(2, jan(7), C::Note), out(3, jan(8), C::Phone), in(4, jan(9))})})
                                            << strings({"1/0/0", "1/1/0", "0/0/0"}) << 0;
    QTest::newRow("every contact channel is numbered")
        << scenarioOf({prospectOf(1,
                          {out(1, jan(6)), out(2, jan(7), C::Phone), out(3, jan(8), C::LinkedIn),
                              out(4, jan(9), C::Sms), in(5, jan(10), C::Sms)})},
               4)
        << strings({"1/0/0", "1/0/0", "1/0/0", "1/1/0"}) << 0;
    const QList<HistoryTouch> fiveTouches
        = {out(1, jan(6)), out(2, jan(7)), out(3, jan(8)), out(4, jan(9)), out(5, jan(10))};
    // The "3+" row holds touches 3, 4 and 5: three trials of one prospect.
    QTest::newRow("tail: touches 3 and later")
        << scenarioOf({prospectOf(1, fiveTouches)}) << strings({"1/0/0", "1/0/0", "3/0/0"}) << 0;
    QTest::newRow("tail: reply after touch 4")
        << scenarioOf({prospectOf(1, fiveTouches + QList<HistoryTouch> {in(6, jan(9, 12))})})
        << strings({"1/0/0", "1/0/0", "2/1/0"}) << 0;
    QTest::newRow("tail: last touch open") << scenarioOf(
        {prospectOf(1, {out(1, jan(6)), out(2, jan(7)), out(3, jan(8)), out(4, jan(30))})})
                                           << strings({"1/0/0", "1/0/0", "1/0/1"}) << 0;
    QTest::newRow("tail: exactly K touches")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), out(2, jan(7)), out(3, jan(8))})})
        << strings({"1/0/0", "1/0/0", "1/0/0"}) << 0;
    QTest::newRow("K = 1: one row for all")
        << scenarioOf({prospectOf(1, fiveTouches + QList<HistoryTouch> {in(6, jan(7, 12))})}, 1)
        << strings({"2/1/0"}) << 0;
    QTest::newRow("K below 1 acts as 1")
        << scenarioOf({prospectOf(1, {out(1, jan(6))})}, 0) << strings({"1/0/0"}) << 0;
    // Row 1: p1, p2, p3 settled, p2 replied, p4 open. Row 2: p1 (replied), p3.
    // Row 3+: p3's touch 3 settled, touch 4 (11 days old) open. p5 replied first.
    QTest::newRow("several prospects")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), out(2, jan(9)), in(3, jan(10))}),
               prospectOf(2, {out(4, jan(6)), in(5, jan(6, 12))}),
               prospectOf(3, {out(6, jan(6)), out(7, jan(9)), out(8, jan(13)), out(9, jan(20))}),
               prospectOf(4, {out(10, jan(30))}), prospectOf(5, {in(11, jan(2)), out(12, jan(6))})})
        << strings({"3/1/1", "2/1/0", "1/0/1"}) << 1;
}

void TestReplyStats::byTouchNumber()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, rows);
    QFETCH(int, repliedBeforeOutbound);
    const Report report = computeChecked(scenario);
    QCOMPARE(rowTallies(report), rows);
    QCOMPARE(report.repliedBeforeOutbound, repliedBeforeOutbound);
}

void TestReplyStats::cumulative_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QList<int>>("cumulativeReplies");
    QTest::addColumn<QList<double>>("shares");

    QTest::newRow("no replies") << scenarioOf({prospectOf(1, {out(1, jan(6))})})
                                << QList<int> {0, 0, 0} << QList<double> {0, 0, 0};
    // Replies after touch 1, 1, 2 and 4 (in "3+"); one before any touch and one
    // prospect without a reply do not count.
    QTest::newRow("replies by touch") << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7))}),
        prospectOf(2, {out(3, jan(6)), in(4, jan(7))}),
        prospectOf(3, {out(5, jan(6)), out(6, jan(8)), in(7, jan(9))}),
        prospectOf(
            4, {out(8, jan(6)), out(9, jan(7)), out(10, jan(8)), out(11, jan(9)), in(12, jan(10))}),
        prospectOf(5, {in(13, jan(5)), out(14, jan(6))}), prospectOf(6, {out(15, jan(6))})})
                                      << QList<int> {2, 3, 4} << QList<double> {0.5, 0.75, 1.0};
    QTest::newRow("open touches do not change shares")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7))}),
               prospectOf(2, {out(3, jan(6)), out(4, jan(30))})})
        << QList<int> {1, 1, 1} << QList<double> {1.0, 1.0, 1.0};
}

void TestReplyStats::cumulative()
{
    QFETCH(Scenario, scenario);
    QFETCH(QList<int>, cumulativeReplies);
    QFETCH(QList<double>, shares);
    const Report report = computeChecked(scenario);
    QList<int> actualReplies;
    QList<double> actualShares;
    for (const TouchNumberRow &row : report.byTouchNumber) {
        actualReplies.append(row.cumulativeReplies);
        actualShares.append(row.cumulativeShare);
    }
    QCOMPARE(actualReplies, cumulativeReplies);
    QCOMPARE(actualShares, shares);
}

void TestReplyStats::giveUp_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QList<int>>("gaveUp");

    QTest::newRow("empty") << scenarioOf({}) << QList<int> {0, 0, 0};
    QTest::newRow("after touch 1")
        << scenarioOf({prospectOf(1, {out(1, jan(6))})}) << QList<int> {1, 0, 0};
    QTest::newRow("an open last touch is no give-up")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), out(2, jan(30))})}) << QList<int> {0, 0, 0};
    QTest::newRow("the cadence ended after the last touch")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), out(2, jan(30))}, 1, jan(30, 1))})
        << QList<int> {0, 1, 0};
    QTest::newRow("a prospect who replied did not give up")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7)), out(3, jan(8))})})
        << QList<int> {0, 0, 0};
    QTest::newRow("nor one who replied before any touch")
        << scenarioOf({prospectOf(1, {in(1, jan(5)), out(2, jan(6))})}) << QList<int> {0, 0, 0};
    QTest::newRow("never touched") << scenarioOf({prospectOf(1, {})}) << QList<int> {0, 0, 0};
    QTest::newRow("tail: after touch 5") << scenarioOf({prospectOf(
        1, {out(1, jan(6)), out(2, jan(7)), out(3, jan(8)), out(4, jan(9)), out(5, jan(10))})})
                                         << QList<int> {0, 0, 1};
    QTest::newRow("tail: after touch 3")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), out(2, jan(7)), out(3, jan(8))})})
        << QList<int> {0, 0, 1};
    QTest::newRow("several prospects") << scenarioOf(
        {prospectOf(1, {out(1, jan(6))}), prospectOf(2, {out(2, jan(6)), out(3, jan(7), C::Phone)}),
            prospectOf(3, {out(4, jan(6)), out(5, jan(8))}),
            prospectOf(4, {out(6, jan(6)), out(7, jan(7)), out(8, jan(8)), out(9, jan(9))}),
            prospectOf(5, {out(10, jan(6)), in(11, jan(7))})})
                                       << QList<int> {1, 2, 1};
}

void TestReplyStats::giveUp()
{
    QFETCH(Scenario, scenario);
    QFETCH(QList<int>, gaveUp);
    const Report report = computeChecked(scenario);
    QCOMPARE(gaveUpCounts(report), gaveUp);
}

void TestReplyStats::breakdowns_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<QStringList>("owners");
    QTest::addColumn<QStringList>("authors");
    QTest::addColumn<QStringList>("steps");

    QTest::newRow("empty") << scenarioOf({}) << QStringList() << QStringList() << QStringList()
                           << QStringList();
    QTest::newRow("a reply credits the last touch before it")
        << scenarioOf({prospectOf(1,
               {stepOut(1, jan(6), 1, 11, C::Email, 7), stepOut(2, jan(9), 1, 12, C::Phone, 8),
                   in(3, jan(9, 12))})})
        << strings({"email:1/0/0", "phone:1/1/0"}) << strings({"1:2/1/0"})
        << strings({"7:1/0/0", "8:1/1/0"}) << strings({"11:1/0/0", "12:1/1/0"});
    QTest::newRow("an email, then a call back, credits the email")
        << scenarioOf({prospectOf(1, {out(1, jan(6)), in(2, jan(7), C::Phone)})})
        << strings({"email:1/1/0"}) << strings({"1:1/1/0"}) << strings({"0:1/1/0"})
        << strings({"0:1/1/0"});
    // Touch 4 (LinkedIn) is touch 1, touch 9 (SMS) touch 2, as the repository numbers them.
    QTest::newRow("touches at the same instant, by id") << scenarioOf(
        {prospectOf(1, {out(9, jan(6), C::Sms), out(4, jan(6), C::LinkedIn), in(10, jan(7))})})
                                                        << strings({"linkedin:1/0/0", "sms:1/1/0"})
                                                        << strings({"1:2/1/0"})
                                                        << strings({"0:2/1/0"})
                                                        << strings({"0:2/1/0"});
    QTest::newRow("owners, authors and steps")
        << scenarioOf({prospectOf(1, {stepOut(1, jan(6), 1, 11, C::Email, 7), in(2, jan(7))}, 1),
               prospectOf(2, {stepOut(3, jan(6), 1, 11, C::Email, 7), out(4, jan(8), C::Phone)}, 2),
               prospectOf(3, {stepOut(5, jan(30), 2, 21, C::LinkedIn, 8)}, 2)})
        << strings({"email:2/1/0", "phone:1/0/0", "linkedin:0/0/1"})
        << strings({"1:1/1/0", "2:2/0/1"}) << strings({"0:1/0/0", "7:2/1/0", "8:0/0/1"})
        << strings({"0:1/0/0", "11:2/1/0", "21:0/0/1"});
}

void TestReplyStats::breakdowns()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, channels);
    QFETCH(QStringList, owners);
    QFETCH(QStringList, authors);
    QFETCH(QStringList, steps);
    const Report report = computeChecked(scenario);
    QCOMPARE(channelTallies(report), channels);
    QCOMPARE(idTallies(report.byOwner), owners);
    QCOMPARE(idTallies(report.byAuthor), authors);
    QCOMPARE(idTallies(report.byStep), steps);
}

void TestReplyStats::speed_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("buckets"); // under an hour, a day, a week, later, never
    QTest::addColumn<qint64>("median");       // -1: none
    QTest::addColumn<int>("unmeasured");

    QTest::newRow("empty") << scenarioOf({})
                           << strings({"0 0/0/0", "0 0/0/0", "0 0/0/0", "0 0/0/0", "0 0/0/0"})
                           << qint64(-1) << 0;
    // Delays: 59:59.999 (no reply, settled), 1 h (replied), 24 h (open), 7 days
    // (no reply, settled), never, 45 min (replied before the touch: counted, no
    // rate); two unmeasured. Sorted: 45 min, 59:59.999, 1 h, 24 h, 7 days.
    QTest::newRow("bucket boundaries")
        << scenarioOf({createdAt(jan(6, 9), {out(1, utc(2025, 1, 6, 9, 59, 59, 999))}),
               createdAt(jan(6, 9), {out(2, jan(6, 10)), in(3, jan(7))}),
               createdAt(jan(23), {out(4, jan(24))}), createdAt(jan(1), {out(5, jan(8))}),
               createdAt(jan(1), {}),
               createdAt(jan(6, 9), {in(6, jan(6, 9, 30)), out(7, jan(6, 9, 45))}),
               createdAt(jan(10), {out(8, jan(9))}), createdAt(QDateTime(), {out(9, jan(9))})})
        << strings({"2 1/0/0", "1 1/1/0", "1 0/0/1", "1 1/0/0", "1 0/0/0"}) << qint64(3600000) << 2;
    QTest::newRow("median of two rounds down")
        << scenarioOf({createdAt(jan(6), {out(1, utc(2025, 1, 6, 0, 0, 1))}),
               createdAt(jan(6), {out(2, utc(2025, 1, 6, 0, 0, 2, 1))})})
        << strings({"2 2/0/0", "0 0/0/0", "0 0/0/0", "0 0/0/0", "0 0/0/0"}) << qint64(1500) << 0;
    QTest::newRow("the first numbered touch, not a note or a meeting")
        << scenarioOf({createdAt(jan(6),
               {out(1, jan(6, 0, 10), C::Note), out(2, jan(6, 0, 20), C::Meeting),
                   out(3, jan(8), C::Phone)})})
        << strings({"0 0/0/0", "0 0/0/0", "1 1/0/0", "0 0/0/0", "0 0/0/0"})
        << qint64(2 * 24 * 3600 * 1000) << 0;
}

void TestReplyStats::speed()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, buckets);
    QFETCH(qint64, median);
    QFETCH(int, unmeasured);
    const Report report = computeChecked(scenario);
    QCOMPARE(speedRows(report), buckets);
    QCOMPARE(report.medianSpeedMs.value_or(-1), median);
    QCOMPARE(report.medianSpeedMs.has_value(), median >= 0);
    QCOMPARE(report.speedUnmeasured, unmeasured);
}

void TestReplyStats::heatMap_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("cells");

    QTest::newRow("empty") << scenarioOf({}) << QStringList();
    // 12 January 2025 is a Sunday.
    const Scenario sundayNight
        = scenarioOf({prospectOf(1, {out(1, jan(12, 23, 30)), in(2, jan(14))})});
    QTest::newRow("UTC: Sunday 23:30") << sundayNight << strings({"7 23 1/1/0"});
    QTest::newRow("Paris, winter: Monday 00:30")
        << withOptions(sundayNight, 14, QTimeZone("Europe/Paris")) << strings({"1 0 1/1/0"});
    QTest::newRow("New York: Sunday 18:30")
        << withOptions(sundayNight, 14, QTimeZone("America/New_York")) << strings({"7 18 1/1/0"});
    // 6 July 2025 is a Sunday; Paris is UTC+2 then.
    QTest::newRow("Paris, summer: Monday 00:30") << withOptions(
        scenarioOf({prospectOf(1, {out(1, utc(2025, 7, 6, 22, 30)), in(2, utc(2025, 7, 7, 9))})}),
        14, QTimeZone("Europe/Paris")) << strings({"1 0 1/1/0"});
    // St John's moves its clocks from 02:00 (UTC-3:30) to 03:00 (UTC-2:30) at 05:30 UTC
    // on Sunday 9 March 2025: within one UTC hour the offset changes.
    QTest::newRow("St John's, the hour its clocks go forward: 01:45 and 03:15") << withOptions(
        scenarioOf({prospectOf(1,
            {out(1, utc(2025, 3, 9, 5, 15)), out(2, utc(2025, 3, 9, 5, 45)),
                in(3, utc(2025, 3, 10))})}),
        14, QTimeZone("America/St_Johns")) << strings({"7 1 1/0/0", "7 3 1/1/0"});
    QTest::newRow("the touch's hour, not the reply's")
        << scenarioOf(
               {prospectOf(1, {out(1, jan(6, 9, 15)), out(2, jan(7, 14, 5)), in(3, jan(8, 20))}),
                   prospectOf(2, {out(4, jan(6, 9, 59)), out(5, jan(30, 14))})})
        << strings({"1 9 2/0/0", "2 14 1/1/0", "4 14 0/0/1"});
}

void TestReplyStats::heatMap()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, cells);
    QCOMPARE(heatCells(computeChecked(scenario)), cells);
}

void TestReplyStats::filters_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QList<int>>("gaveUp");
    QTest::addColumn<int>("repliedBeforeOutbound");
    QTest::addColumn<QList<int>>("speedProspects");

    // p1 (owner 1, created 6 Jan): touches 1-2 in cadence 1, touch 3 by hand,
    //   reply after touch 3; first touch at once.
    // p2 (owner 2, created 1 Jan): touches 1-2 in cadence 2, no reply: gave up
    //   after touch 2; first touch after 6 days.
    // p3 (owner 1, created 2 Jan): replied before touch 1 (6 days later).
    // p4 (owner 2, created 20 Jan): never touched.
    const Scenario base
        = scenarioOf({prospectOf(1,
                          {stepOut(1, jan(6), 1, 11), stepOut(2, jan(9), 1, 12, C::Phone),
                              out(3, jan(13)), in(4, jan(14))},
                          1, QDateTime(), jan(6)),
            prospectOf(2, {stepOut(5, jan(7), 2, 21, C::LinkedIn), stepOut(6, jan(10), 2, 22)}, 2,
                QDateTime(), jan(1)),
            prospectOf(3, {in(7, jan(3)), stepOut(8, jan(8), 1, 11)}, 1, QDateTime(), jan(2)),
            prospectOf(4, {}, 2, QDateTime(), jan(20))});
    const auto filtered = [&](const Filter &selection) { return withFilter(base, selection); };
    Filter filter;

    QTest::newRow("no filter") << base << strings({"2/0/0", "2/0/0", "1/1/0"})
                               << QList<int> {0, 1, 0} << 1 << QList<int> {1, 0, 2, 0, 1};
    filter = Filter();
    filter.ownerId = 1;
    QTest::newRow("owner 1") << filtered(filter) << strings({"1/0/0", "1/0/0", "1/1/0"})
                             << QList<int> {0, 0, 0} << 1 << QList<int> {1, 0, 1, 0, 0};
    filter.ownerId = 2;
    QTest::newRow("owner 2") << filtered(filter) << strings({"1/0/0", "1/0/0", "0/0/0"})
                             << QList<int> {0, 1, 0} << 0 << QList<int> {0, 0, 1, 0, 1};
    filter.ownerId = 3;
    QTest::newRow("an owner without prospects")
        << filtered(filter) << strings({"0/0/0", "0/0/0", "0/0/0"}) << QList<int> {0, 0, 0} << 0
        << QList<int> {0, 0, 0, 0, 0};
    // Touches keep their numbers: p1's touch 2 on 9 Jan (the start, included)
    // is still touch 2.
    filter = Filter();
    filter.from = jan(9);
    QTest::newRow("from 9 Jan") << filtered(filter) << strings({"0/0/0", "2/0/0", "1/1/0"})
                                << QList<int> {0, 1, 0} << 1 << QList<int> {0, 0, 0, 0, 1};
    filter = Filter();
    filter.to = jan(9);
    QTest::newRow("until 9 Jan, excluded")
        << filtered(filter) << strings({"2/0/0", "0/0/0", "0/0/0"}) << QList<int> {0, 0, 0} << 1
        << QList<int> {1, 0, 2, 0, 0};
    filter.from = jan(7);
    filter.to = jan(10);
    QTest::newRow("7 to 10 Jan") << filtered(filter) << strings({"1/0/0", "1/0/0", "0/0/0"})
                                 << QList<int> {0, 0, 0} << 1 << QList<int> {0, 0, 0, 0, 0};
    filter = Filter();
    filter.channel = C::Email;
    QTest::newRow("email") << filtered(filter) << strings({"1/0/0", "1/0/0", "1/1/0"})
                           << QList<int> {0, 1, 0} << 1 << QList<int> {1, 0, 2, 0, 1};
    filter.channel = C::Phone;
    QTest::newRow("phone") << filtered(filter) << strings({"0/0/0", "1/0/0", "0/0/0"})
                           << QList<int> {0, 0, 0} << 1 << QList<int> {1, 0, 2, 0, 1};
    // The reply credits p1's touch 3, which is outside cadence 1.
    filter = Filter();
    filter.cadenceId = 1;
    QTest::newRow("cadence 1") << filtered(filter) << strings({"1/0/0", "1/0/0", "0/0/0"})
                               << QList<int> {0, 0, 0} << 1 << QList<int> {1, 0, 2, 0, 1};
    filter.cadenceId = 2;
    QTest::newRow("cadence 2") << filtered(filter) << strings({"1/0/0", "1/0/0", "0/0/0"})
                               << QList<int> {0, 1, 0} << 1 << QList<int> {1, 0, 2, 0, 1};
    filter = Filter();
    filter.ownerId = 1;
    filter.channel = C::Email;
    filter.from = jan(13);
    QTest::newRow("owner, channel and date together")
        << filtered(filter) << strings({"0/0/0", "0/0/0", "1/1/0"}) << QList<int> {0, 0, 0} << 1
        << QList<int> {0, 0, 0, 0, 0};
}

void TestReplyStats::filters()
{
    QFETCH(Scenario, scenario);
    QFETCH(QStringList, rows);
    QFETCH(QList<int>, gaveUp);
    QFETCH(int, repliedBeforeOutbound);
    QFETCH(QList<int>, speedProspects);
    const Report report = computeChecked(scenario);
    QCOMPARE(rowTallies(report), rows);
    QCOMPARE(gaveUpCounts(report), gaveUp);
    QCOMPARE(report.repliedBeforeOutbound, repliedBeforeOutbound);
    QList<int> prospects;
    for (SpeedBucket bucket : speedBuckets())
        prospects.append(report.speedRow(bucket).prospects);
    QCOMPARE(prospects, speedProspects);
}

void TestReplyStats::labels_data()
{
    QTest::addColumn<int>("maxTouchNumber");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("K = 3") << 3 << strings({"1", "2", "3+"});
    QTest::newRow("K = 1") << 1 << strings({"1+"});
    QTest::newRow("K = 12") << 12
                            << strings({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                                   "12+"});
}

void TestReplyStats::labels()
{
    QFETCH(int, maxTouchNumber);
    QFETCH(QStringList, labels);
    const Report report = computeChecked(scenarioOf({}, maxTouchNumber));
    QStringList actual;
    for (const TouchNumberRow &row : report.byTouchNumber) {
        actual.append(row.label());
        QCOMPARE(row.tail, row.touchNumber == maxTouchNumber);
    }
    QCOMPARE(actual, labels);
}

void TestReplyStats::speedLabels()
{
    QStringList actual;
    for (SpeedBucket bucket : speedBuckets())
        actual.append(speedBucketLabel(bucket));
    QCOMPARE(actual,
        strings({"Within an hour", "Within a day", "Within a week", "Later", "Not touched yet"}));
}

QTEST_GUILESS_MAIN(TestReplyStats)
#include "tst_replystats.moc"
