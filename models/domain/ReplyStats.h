#pragma once

#include "Touch.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

#include <array>
#include <optional>

namespace Touchline {

// The dashboard's statistics (docs/domain.md, "Reply rate by touch number"):
// plain rows in, counts and rates out. No database, no clock: the same inputs
// always give the same answer, and the dashboard, the CLI and the tests share it.
//
// Times in the histories are Unix milliseconds, UTC, as in the file: a
// QDateTime per touch costs more to make and compare than counting it.
//
// Definitions:
// - Order: a prospect's touches are taken by occurredAtMs; at the same instant
//   outbound before inbound (a reply logged in the same second as our touch
//   answers it), then by id. The input order does not matter.
// - Touch numbers: numbered touches (isNumbered(): outbound email, phone,
//   LinkedIn, SMS) are 1, 2, 3... over the prospect's whole history, in that
//   order, like touches.touch_number. A bounced email keeps its number. Filters
//   never renumber.
// - Reply: an inbound touch on any channel but note, so a meeting the prospect
//   booked themselves answers us too. Only the prospect's first reply counts;
//   it is credited to the last numbered touch before it, whatever the channels.
//   A first reply before touch 1 credits nothing, and the prospect takes no part
//   in the reply rates (repliedBeforeOutbound counts them). Outcomes of our own
//   touches (a connected call) are not replies: the answer is logged inbound.
// - Trial: each numbered touch before the prospect's first reply (all of them
//   when there is none). Touches after the first reply are not trials.
// - Settled trial (touch N): the reply came, or touch N+1 was sent, or the
//   prospect's latest enrollment ended at or after touch N, or at least
//   settlingDays x 24 hours have passed from touch N to now. A settled trial is
//   in the denominator; an unsettled one is "open" (only the last touch of a
//   prospect who has not replied can be).
// - Every tally (by touch number, channel, owner, author, step, weekday and
//   hour) counts the same trials: settled ones, the one that got the reply, and
//   open ones. So a tally's rate is "share of such touches that got the first
//   reply", and the tallies of one breakdown add up to the same totals.
// - Tail row: with maxTouchNumber K, rows 1..K-1 hold touch N = row; the last
//   row, labelled "K+", holds the trials of every touch K, K+1, ...: a prospect
//   who got touches 6, 7 and 8 counts three times in "6+". Its rate is thus the
//   average per-touch rate of the late touches, comparable with the other rows.
namespace ReplyStats {

struct HistoryTouch
{
    qint64 id = 0; // breaks ties between touches at the same instant
    qint64 occurredAtMs = 0;
    TouchChannel channel = TouchChannel::Email;
    TouchDirection direction = TouchDirection::Out;
    qint64 cadenceId = 0; // the cadence of the step it did; 0: outside any cadence
    qint64 stepId = 0;    // 0: outside any cadence
    qint64 authorId = 0;  // 0: unknown
};

struct ProspectHistory
{
    qint64 id = 0;
    std::optional<qint64> createdAtMs; // none: unknown
    qint64 ownerId = 0;
    std::optional<qint64>
        cadenceEndedAtMs;        // when the latest enrollment ended; none: running or none
    QList<HistoryTouch> touches; // any order
};

// A prospect filter and a touch filter, applied to what is counted, never to
// the numbering nor to settling:
// - ownerId keeps the prospects of that owner, everywhere.
// - from/to (half-open [from, to); an invalid end is open), channel and
//   cadenceId (the touch did a step of that cadence) select trials: a touch N
//   that passes counts in row N, in the breakdowns and in the heat map, with
//   the reply credited to it. Give-ups count when the prospect's last touch
//   passes.
// - Speed to first touch measures prospects, some never touched: there the date
//   range applies to createdAtMs, and channel and cadenceId do not apply.
// - repliedBeforeOutbound has no outbound touch to test: only ownerId applies.
struct Filter
{
    QDateTime from;
    QDateTime to;
    std::optional<qint64> ownerId;
    std::optional<qint64> cadenceId;
    std::optional<TouchChannel> channel;
};

struct Options
{
    QDateTime now; // required: settling is measured up to it
    int settlingDays = 14;
    int maxTouchNumber = 6;                       // K: at least 1
    QTimeZone zone = QTimeZone::systemTimeZone(); // of the weekday and hour heat map
};

struct WilsonInterval
{
    double lower = 0;
    double upper = 0;
};

// The 95% Wilson score interval (z = 1.959964) of `hits` successes in `total`
// trials, clamped to [0, 1]; [NaN, NaN] when there are no trials.
WilsonInterval wilsonInterval(int hits, int total);

struct Tally
{
    int settled = 0; // the denominator
    int replies = 0; // settled trials that got the first reply
    int open = 0;    // not settled yet, no reply

    bool hasRate() const { return settled > 0; }
    double rate() const; // replies / settled; NaN without a rate
    WilsonInterval interval() const;
    bool operator==(const Tally &other) const;
    bool operator!=(const Tally &other) const { return !(*this == other); }
};

struct TouchNumberRow
{
    int touchNumber = 0; // 1..K
    bool tail = false;   // the last row: touches K and later
    Tally tally;
    // First replies credited to touches up to this row (all of them on the tail
    // row), and their share of all credited first replies (0 when there are none).
    int cumulativeReplies = 0;
    double cumulativeShare = 0;
    // Give-ups: prospects who never replied, whose last touch is settled and is
    // this touch number (K or more on the tail row).
    int gaveUp = 0;

    QString label() const; // "3", or "6+" on the tail row
};

enum class SpeedBucket {
    UnderHour, // created to first numbered touch < 1 hour
    UnderDay,  // < 24 hours
    UnderWeek, // < 7 x 24 hours
    Later,
    Never, // not touched yet
};
constexpr int speedBucketCount = 5;
QString speedBucketLabel(SpeedBucket bucket);

struct SpeedRow
{
    int prospects = 0;
    // Per prospect: a reply after an outbound touch, against prospects who
    // replied so or whose last touch is settled; open: the rest, if touched.
    // Prospects who replied before touch 1 count in `prospects` only.
    Tally tally;
};

struct Report
{
    QList<TouchNumberRow> byTouchNumber; // K rows
    int replies = 0;                     // first replies credited to a trial that passed
    int repliedBeforeOutbound = 0;
    int gaveUp = 0; // sum of the rows' gaveUp

    QMap<TouchChannel, Tally> byChannel; // of the touch
    QMap<qint64, Tally> byOwner;         // of the prospect
    QMap<qint64, Tally> byAuthor;        // of the touch; 0: unknown
    QMap<qint64, Tally> byStep;          // step id of the touch; 0: outside any cadence

    // Weekday (Qt::Monday = 1 .. Qt::Sunday = 7) and hour of the touch in
    // Options::zone.
    std::array<Tally, 7 * 24> byWeekHour;
    const Tally &atWeekHour(int dayOfWeek, int hour) const;

    std::array<SpeedRow, speedBucketCount> speed; // indexed by SpeedBucket
    const SpeedRow &speedRow(SpeedBucket bucket) const;
    // Of the touched prospects the speed counts; rounded down to the millisecond.
    std::optional<qint64> medianSpeedMs;
    // Touched before createdAtMs (imported history) or created at an unknown time:
    // there is no delay to measure, so they are in no bucket and not in the median.
    int speedUnmeasured = 0;
};

Report compute(const QList<ProspectHistory> &prospects, const Options &options,
    const Filter &filter = Filter());

} // namespace ReplyStats

} // namespace Touchline
