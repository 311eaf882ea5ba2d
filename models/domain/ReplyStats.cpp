#include "ReplyStats.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Touchline {
namespace ReplyStats {

namespace {

constexpr double z95 = 1.959964;
constexpr qint64 msPerHour = 60 * 60 * 1000;
constexpr qint64 msPerDay = 24 * msPerHour;

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::ReplyStats", text);
}

bool isReply(const HistoryTouch &touch)
{
    return touch.direction == TouchDirection::In && touch.channel != TouchChannel::Note;
}

bool inTimeOrder(const HistoryTouch &a, const HistoryTouch &b)
{
    if (a.occurredAtMs != b.occurredAtMs)
        return a.occurredAtMs < b.occurredAtMs;
    if (a.direction != b.direction)
        return a.direction == TouchDirection::Out;
    return a.id < b.id;
}

std::optional<qint64> msOf(const QDateTime &time)
{
    return time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt;
}

// The filter with its period in milliseconds, converted once instead of per touch.
class Selection
{
public:
    explicit Selection(const Filter &filter)
        : m_filter(filter)
        , m_from(msOf(filter.from))
        , m_to(msOf(filter.to))
    {
    }

    bool inPeriod(std::optional<qint64> at) const
    {
        if (m_from && !(at && *at >= *m_from))
            return false;
        return !m_to || (at && *at < *m_to);
    }

    bool passes(const HistoryTouch &touch) const
    {
        return inPeriod(touch.occurredAtMs)
            && (!m_filter.channel || touch.channel == *m_filter.channel)
            && (!m_filter.cadenceId || touch.cadenceId == *m_filter.cadenceId);
    }

private:
    const Filter &m_filter;
    const std::optional<qint64> m_from;
    const std::optional<qint64> m_to;
};

// Options::now and the settling time in milliseconds, converted once.
struct Settling
{
    explicit Settling(const Options &options)
        : nowMs(options.now.toMSecsSinceEpoch())
        , afterMs(qint64(std::max(0, options.settlingDays)) * msPerDay)
    {
    }

    const qint64 nowMs;
    const qint64 afterMs;
};

// One prospect's history, before any filter: its numbered touches and where
// its first reply came.
struct Outline
{
    std::vector<const HistoryTouch *> numbered; // into ProspectHistory::touches
    int creditedNumber = -1;  // touch credited with the first reply; 0: before touch 1; -1: none
    bool lastSettled = false; // the last numbered touch, by the end of the cadence or time
};

// The settling rules that do not depend on what came after the touch.
bool settledByEndOrTime(
    const HistoryTouch &touch, const ProspectHistory &prospect, const Settling &settling)
{
    if (prospect.cadenceEndedAtMs && *prospect.cadenceEndedAtMs >= touch.occurredAtMs)
        return true;
    return settling.nowMs - touch.occurredAtMs >= settling.afterMs;
}

// Fills `result`, reusing its and `ordered`'s storage from the previous
// prospect: compute() calls this for every prospect, and StatsRepository's
// touches already come in time order, so sorting is rarely needed.
void outline(const ProspectHistory &prospect, const Settling &settling, Outline *result,
    std::vector<const HistoryTouch *> *ordered)
{
    ordered->clear();
    for (const HistoryTouch &touch : prospect.touches)
        ordered->push_back(&touch);
    const auto before
        = [](const HistoryTouch *a, const HistoryTouch *b) { return inTimeOrder(*a, *b); };
    if (!std::is_sorted(ordered->cbegin(), ordered->cend(), before))
        std::sort(ordered->begin(), ordered->end(), before);
    result->numbered.clear();
    result->creditedNumber = -1;
    for (const HistoryTouch *touch : std::as_const(*ordered)) {
        if (isReply(*touch) && result->creditedNumber < 0)
            result->creditedNumber = int(result->numbered.size());
        else if (isNumbered(touch->channel, touch->direction))
            result->numbered.push_back(touch);
    }
    result->lastSettled = !result->numbered.empty()
        && settledByEndOrTime(*result->numbered.back(), prospect, settling);
}

void count(Tally *tally, bool settled, bool replied)
{
    if (replied)
        ++tally->replies;
    if (settled || replied)
        ++tally->settled;
    else
        ++tally->open;
}

SpeedBucket bucketOf(qint64 delayMs)
{
    if (delayMs < msPerHour)
        return SpeedBucket::UnderHour;
    if (delayMs < msPerDay)
        return SpeedBucket::UnderDay;
    if (delayMs < 7 * msPerDay)
        return SpeedBucket::UnderWeek;
    return SpeedBucket::Later;
}

// Speed to first touch: the bucket, and the delay when it can be measured.
void countSpeed(
    Report *report, QList<qint64> *delays, const ProspectHistory &prospect, const Outline &outline)
{
    SpeedBucket bucket = SpeedBucket::Never;
    if (!outline.numbered.empty()) {
        const qint64 delay = prospect.createdAtMs
            ? outline.numbered.front()->occurredAtMs - *prospect.createdAtMs
            : -1;
        if (delay < 0) {
            ++report->speedUnmeasured;
            return;
        }
        delays->append(delay);
        bucket = bucketOf(delay);
    }
    SpeedRow &row = report->speed[std::size_t(bucket)];
    ++row.prospects;
    if (outline.creditedNumber > 0)
        count(&row.tally, true, true);
    else if (outline.creditedNumber < 0 && !outline.numbered.empty())
        count(&row.tally, outline.lastSettled, false);
}

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value / divisor - (value % divisor < 0 ? 1 : 0);
}

// The heat map's cell, (weekday - 1) x 24 + hour, of instants in a time zone.
// QDateTime::toTimeZone() per touch looks the zone up each time; a zone's
// offset rarely changes, so it is looked up once per UTC hour, and only the
// hours in which it changes convert each touch.
class WeekHourClock
{
public:
    explicit WeekHourClock(const QTimeZone &zone)
        : m_zone(zone)
    {
    }

    int weekHour(qint64 ms)
    {
        const qint64 hour = floorDiv(ms, msPerHour);
        auto found = m_offsetMs.find(hour);
        if (found == m_offsetMs.end()) {
            // In UTC: a local QDateTime would read the system's zone file again.
            const qint64 start = hour * msPerHour;
            const int first = m_zone.offsetFromUtc(utcTime(start));
            const int last = m_zone.offsetFromUtc(utcTime(start + msPerHour - 1));
            found = m_offsetMs
                        .emplace(hour,
                            first == last ? std::optional<qint64>(first * qint64(1000))
                                          : std::nullopt)
                        .first;
        }
        if (!found->second) {
            const QDateTime local = utcTime(ms).toTimeZone(m_zone);
            return (local.date().dayOfWeek() - 1) * 24 + local.time().hour();
        }
        const qint64 local = ms + *found->second;
        const qint64 day = floorDiv(local, msPerDay);
        // 1970-01-01 was a Thursday, weekday 4 (index 3 from Monday).
        const qint64 weekday = day + 3 - floorDiv(day + 3, 7) * 7;
        return int(weekday * 24 + (local - day * msPerDay) / msPerHour);
    }

private:
    QDateTime utcTime(qint64 ms) const { return QDateTime::fromMSecsSinceEpoch(ms, m_utc); }

    QTimeZone m_zone;
    const QTimeZone m_utc = QTimeZone::utc();
    std::unordered_map<qint64, std::optional<qint64>> m_offsetMs; // nullopt: it changes
};

// Tallies by key, kept in hash maps while counting (a tree lookup per trial and
// breakdown is slower); the report's QMaps are filled once at the end.
template<typename Key>
void copyTallies(const std::unordered_map<Key, Tally> &from, QMap<Key, Tally> *to)
{
    for (const auto &[key, tally] : from)
        to->insert(key, tally);
}

std::optional<qint64> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    const qint64 low = values.at(middle - 1);
    return low + (values.at(middle) - low) / 2;
}

} // namespace

WilsonInterval wilsonInterval(int hits, int total)
{
    if (total <= 0)
        return {qQNaN(), qQNaN()};
    const double n = total;
    const double p = hits / n;
    const double z2 = z95 * z95;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double Tally::rate() const
{
    return hasRate() ? double(replies) / settled : qQNaN();
}

WilsonInterval Tally::interval() const
{
    return wilsonInterval(replies, settled);
}

bool Tally::operator==(const Tally &other) const
{
    return settled == other.settled && replies == other.replies && open == other.open;
}

QString TouchNumberRow::label() const
{
    return tail ? tr("%1+").arg(touchNumber) : QString::number(touchNumber);
}

QString speedBucketLabel(SpeedBucket bucket)
{
    switch (bucket) {
    case SpeedBucket::UnderHour:
        return tr("Within an hour");
    case SpeedBucket::UnderDay:
        return tr("Within a day");
    case SpeedBucket::UnderWeek:
        return tr("Within a week");
    case SpeedBucket::Later:
        return tr("Later");
    case SpeedBucket::Never:
        return tr("Not touched yet");
    }
    Q_UNREACHABLE();
}

const Tally &Report::atWeekHour(int dayOfWeek, int hour) const
{
    Q_ASSERT(dayOfWeek >= 1 && dayOfWeek <= 7 && hour >= 0 && hour < 24);
    return byWeekHour[std::size_t((dayOfWeek - 1) * 24 + hour)];
}

const SpeedRow &Report::speedRow(SpeedBucket bucket) const
{
    return speed[std::size_t(bucket)];
}

Report compute(
    const QList<ProspectHistory> &prospects, const Options &options, const Filter &filter)
{
    const int maxNumber = std::max(1, options.maxTouchNumber);
    Report report;
    for (int number = 1; number <= maxNumber; ++number) {
        TouchNumberRow row;
        row.touchNumber = number;
        row.tail = number == maxNumber;
        report.byTouchNumber.append(row);
    }
    const auto rowOf = [&](int number) -> TouchNumberRow & {
        return report.byTouchNumber[std::min(number, maxNumber) - 1];
    };

    const Selection selection(filter);
    const Settling settling(options);
    QList<qint64> delays;
    WeekHourClock clock(options.zone);
    std::unordered_map<TouchChannel, Tally> byChannel;
    std::unordered_map<qint64, Tally> byOwner;
    std::unordered_map<qint64, Tally> byAuthor;
    std::unordered_map<qint64, Tally> byStep;
    Outline shape;
    std::vector<const HistoryTouch *> ordered;
    for (const ProspectHistory &prospect : prospects) {
        if (filter.ownerId && prospect.ownerId != *filter.ownerId)
            continue;
        outline(prospect, settling, &shape, &ordered);
        if (shape.creditedNumber == 0)
            ++report.repliedBeforeOutbound;

        const int touchCount = int(shape.numbered.size());
        const int trialCount = shape.creditedNumber < 0 ? touchCount : shape.creditedNumber;
        for (int number = 1; number <= trialCount; ++number) {
            const HistoryTouch &touch = *shape.numbered.at(std::size_t(number - 1));
            if (!selection.passes(touch))
                continue;
            const bool replied = number == shape.creditedNumber;
            const bool settled = number < touchCount || shape.lastSettled;
            const int weekHour = clock.weekHour(touch.occurredAtMs);
            for (Tally *tally : {&rowOf(number).tally, &byChannel[touch.channel],
                     &byOwner[prospect.ownerId], &byAuthor[touch.authorId], &byStep[touch.stepId],
                     &report.byWeekHour[std::size_t(weekHour)]})
                count(tally, settled, replied);
        }

        if (shape.creditedNumber < 0 && shape.lastSettled
            && selection.passes(*shape.numbered.back())) {
            ++rowOf(touchCount).gaveUp;
            ++report.gaveUp;
        }

        if (selection.inPeriod(prospect.createdAtMs))
            countSpeed(&report, &delays, prospect, shape);
    }
    copyTallies(byChannel, &report.byChannel);
    copyTallies(byOwner, &report.byOwner);
    copyTallies(byAuthor, &report.byAuthor);
    copyTallies(byStep, &report.byStep);

    for (const TouchNumberRow &row : std::as_const(report.byTouchNumber))
        report.replies += row.tally.replies;
    int cumulative = 0;
    for (TouchNumberRow &row : report.byTouchNumber) {
        cumulative += row.tally.replies;
        row.cumulativeReplies = cumulative;
        row.cumulativeShare = report.replies > 0 ? double(cumulative) / report.replies : 0.0;
    }
    report.medianSpeedMs = median(delays);
    return report;
}

} // namespace ReplyStats
} // namespace Touchline
