#include "CadenceEngine.h"

#include <algorithm>
#include <optional>

namespace Touchline {

namespace {

constexpr qint64 msPerMinute = 60 * 1000;
constexpr qint64 msPerDay = 24 * 60 * msPerMinute;

QDateTime utcAt(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

qint64 offsetMsAt(const QTimeZone &zone, qint64 ms)
{
    return qint64(zone.offsetFromUtc(utcAt(ms))) * 1000;
}

QDate localDate(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

// The instant the clocks of `zone` show `minute` minutes after the midnight that
// starts `date` (1440: the next midnight). Qt versions resolve a local time the
// clocks skipped differently, so this does it itself: a skipped time is the first
// instant after the jump, a time shown twice is its first occurrence.
qint64 localInstant(QDate date, int minute, const QTimeZone &zone)
{
    const qint64 wall
        = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * msPerDay + minute * msPerMinute;
    // The offsets in force a day either side; zones change them months apart.
    const qint64 before = offsetMsAt(zone, wall - msPerDay);
    const qint64 after = offsetMsAt(zone, wall + msPerDay);
    const qint64 withBefore = wall - before;
    const qint64 withAfter = wall - after;
    const bool beforeFits = offsetMsAt(zone, withBefore) == before;
    const bool afterFits = offsetMsAt(zone, withAfter) == after;
    if (beforeFits && afterFits)
        return std::min(withBefore, withAfter);
    if (beforeFits)
        return withBefore;
    if (afterFits)
        return withAfter;
    // Neither fits: the clocks jumped forward between withAfter and withBefore.
    // Find the jump, where the offset becomes `after`.
    qint64 low = withAfter;
    qint64 high = withBefore;
    while (high - low > 1) {
        const qint64 middle = low + (high - low) / 2;
        if (offsetMsAt(zone, middle) == after)
            high = middle;
        else
            low = middle;
    }
    return high;
}

// Send window of a step on one local day, [opens, closes); a step without a
// window may be sent all day.
struct Window
{
    qint64 opens;
    qint64 closes;
};

Window windowOn(QDate day, const CadenceStep &step, const QTimeZone &zone)
{
    if (!step.hasWindow())
        return {localInstant(day, 0, zone), localInstant(day.addDays(1), 0, zone)};
    return {localInstant(day, step.windowStartMinute, zone),
        localInstant(day, step.windowEndMinute, zone)};
}

std::optional<EnrollmentState> endingStateOf(const Touch &touch)
{
    if (touch.outcome == TouchOutcome::OptedOut)
        return EnrollmentState::OptedOut;
    if (touch.channel == TouchChannel::Meeting || touch.outcome == TouchOutcome::MeetingBooked
        || touch.outcome == TouchOutcome::MeetingHeld)
        return EnrollmentState::Meeting;
    if (touch.direction == TouchDirection::In)
        return EnrollmentState::Replied;
    return std::nullopt;
}

// What can end the enrollment or complete a step. At the same millisecond,
// touches come first (by id), then skips, the manual stop and do-not-contact:
// an opt-out touch, rather than the do-not-contact mark it set, is the cause.
struct Event
{
    enum class Kind { Touch, Skip, Stop, DoNotContact } kind;
    qint64 at;
    const Touch *touch; // Kind::Touch
    qint64 stepId;      // Kind::Skip
};

struct Ending
{
    EnrollmentState state;
    qint64 at;
    qint64 cause;
};

int indexOfStep(const Cadence &cadence, qint64 stepId)
{
    for (int i = 0; i < cadence.steps.size(); ++i) {
        if (cadence.steps.at(i).id == stepId)
            return i;
    }
    return -1;
}

} // namespace

bool EnrollmentStatus::operator==(const EnrollmentStatus &other) const
{
    return state == other.state && nextPosition == other.nextPosition
        && nextStepId == other.nextStepId && endedAt == other.endedAt && cause == other.cause
        && dueAt == other.dueAt && windowEndsAt == other.windowEndsAt
        && dueReason == other.dueReason && zone == other.zone;
}

namespace CadenceEngine {

QDate addBusinessDays(QDate date, int days)
{
    while (days > 0) {
        date = date.addDays(1);
        if (!isWeekend(date))
            --days;
    }
    return date;
}

QDateTime moveIntoWindow(const QDateTime &earliest, const CadenceStep &step, const QTimeZone &zone)
{
    if (!earliest.isValid())
        return QDateTime();
    const qint64 from = earliest.toMSecsSinceEpoch();
    for (QDate day = localDate(from, zone);; day = day.addDays(1)) {
        if (step.businessDays && isWeekend(day))
            continue;
        const Window window = windowOn(day, step, zone);
        if (from < window.closes)
            return utcAt(std::max(from, window.opens));
    }
}

QTimeZone zoneFor(const ProspectFacts &prospect, const QTimeZone &fallbackZone)
{
    if (!prospect.timeZoneId.isEmpty()) {
        const QTimeZone zone(prospect.timeZoneId.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return fallbackZone;
}

EnrollmentStatus evaluate(const Cadence &cadence, const EnrollmentFacts &enrollment,
    const ProspectFacts &prospect, const QList<Touch> &history, const QTimeZone &fallbackZone)
{
    EnrollmentStatus status;
    status.zone = zoneFor(prospect, fallbackZone);
    const qint64 enrolled = enrollment.enrolledAt.toMSecsSinceEpoch();

    QList<const Touch *> touches;
    for (const Touch &touch : history) {
        if (touch.occurredAt.isValid() && touch.occurredAt.toMSecsSinceEpoch() >= enrolled)
            touches.append(&touch);
    }
    std::sort(touches.begin(), touches.end(), [](const Touch *a, const Touch *b) {
        const qint64 aAt = a->occurredAt.toMSecsSinceEpoch();
        const qint64 bAt = b->occurredAt.toMSecsSinceEpoch();
        return aAt != bAt ? aAt < bAt : a->id < b->id;
    });

    using Kind = Event::Kind;
    QList<Event> events;
    for (const Touch *touch : touches)
        events.append({Kind::Touch, touch->occurredAt.toMSecsSinceEpoch(), touch, 0});
    for (const StepSkip &skip : enrollment.skips) {
        if (skip.at.isValid())
            events.append({Kind::Skip, skip.at.toMSecsSinceEpoch(), nullptr, skip.stepId});
    }
    if (enrollment.stoppedAt.isValid())
        events.append({Kind::Stop, enrollment.stoppedAt.toMSecsSinceEpoch(), nullptr, 0});
    if (prospect.doNotContactSince.isValid())
        events.append({Kind::DoNotContact,
            std::max(prospect.doNotContactSince.toMSecsSinceEpoch(), enrolled), nullptr, 0});
    // Touches are already in (occurredAt, id) order, so a stable sort keeps it.
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.at != b.at ? a.at < b.at : a.kind < b.kind;
    });

    const int lastIndex = int(cadence.steps.size()) - 1;
    int furthestDone = -1;
    // Whether doing the step completes the cadence. Step id 0 names no step, even
    // while the editor holds a new step that has no id yet.
    const auto markDone = [&](qint64 stepId) {
        if (stepId != 0)
            furthestDone = std::max(furthestDone, indexOfStep(cadence, stepId));
        return furthestDone == lastIndex;
    };
    std::optional<Ending> ending;
    if (cadence.steps.isEmpty())
        ending = Ending {EnrollmentState::Completed, enrolled, 0};
    for (const Event &event : events) {
        if (ending)
            break;
        switch (event.kind) {
        case Kind::Touch: {
            const Touch &touch = *event.touch;
            // A call that books a meeting still did its step, but ends as Meeting.
            const bool completes = touch.enrollmentId != 0
                && touch.enrollmentId == enrollment.enrollmentId && markDone(touch.stepId);
            if (const auto state = endingStateOf(touch))
                ending = Ending {*state, event.at, touch.id};
            else if (completes)
                ending = Ending {EnrollmentState::Completed, event.at, touch.id};
            break;
        }
        case Kind::Skip:
            if (markDone(event.stepId))
                ending = Ending {EnrollmentState::Completed, event.at, 0};
            break;
        case Kind::Stop:
            ending = Ending {EnrollmentState::Stopped, event.at, 0};
            break;
        case Kind::DoNotContact:
            ending = Ending {EnrollmentState::OptedOut, event.at, 0};
            break;
        }
    }

    status.nextPosition = furthestDone + 2;
    const CadenceStep *next
        = furthestDone < lastIndex ? &cadence.steps.at(furthestDone + 1) : nullptr;
    status.nextStepId = next ? next->id : 0;
    if (ending) {
        status.state = ending->state;
        status.endedAt = utcAt(ending->at);
        status.cause = ending->cause;
        return status;
    }

    const qint64 bouncesFrom = enrollment.resumedAt.isValid()
        ? std::max(enrolled, enrollment.resumedAt.toMSecsSinceEpoch())
        : enrolled;
    for (const Touch *touch : touches) {
        if (touch->channel == TouchChannel::Email && touch->direction == TouchDirection::Out
            && touch->outcome == TouchOutcome::Bounced
            && touch->occurredAt.toMSecsSinceEpoch() >= bouncesFrom) {
            status.state = EnrollmentState::Bounced;
            status.cause = touch->id;
            return status;
        }
    }
    if (enrollment.pausedAt.isValid()) {
        status.state = EnrollmentState::Paused;
        return status;
    }

    std::optional<qint64> lastOutbound;
    for (const Touch *touch : touches) {
        if (isNumbered(touch->channel, touch->direction))
            lastOutbound = touch->occurredAt.toMSecsSinceEpoch(); // in time order
    }
    qint64 base = std::max(enrolled, lastOutbound.value_or(enrolled));
    for (const StepSkip &skip : enrollment.skips) {
        if (skip.at.isValid())
            base = std::max(base, skip.at.toMSecsSinceEpoch());
    }
    const QTimeZone &zone = status.zone;
    qint64 earliest = base;
    if (next->waitDays > 0) {
        const QDate baseDate = localDate(base, zone);
        const QDate day = next->businessDays ? addBusinessDays(baseDate, next->waitDays)
                                             : baseDate.addDays(next->waitDays);
        earliest = localInstant(day, 0, zone);
    }
    status.dueAt = moveIntoWindow(utcAt(earliest), *next, zone);

    if (prospect.agreedNextTouchAt.isValid()
        && (!lastOutbound || prospect.agreedNextTouchAt.toMSecsSinceEpoch() > *lastOutbound)) {
        status.dueAt = prospect.agreedNextTouchAt.toUTC();
        status.dueReason = DueReason::AgreedDate;
    }
    if (enrollment.snoozedUntil.isValid() && enrollment.snoozedStepId == next->id
        && enrollment.snoozedUntil > status.dueAt) {
        status.dueAt = moveIntoWindow(enrollment.snoozedUntil, *next, zone);
        status.dueReason = DueReason::Snoozed;
    }

    if (next->hasWindow()) {
        const qint64 due = status.dueAt.toMSecsSinceEpoch();
        const Window window = windowOn(localDate(due, zone), *next, zone);
        if (due >= window.opens && due < window.closes)
            status.windowEndsAt = utcAt(window.closes);
    }
    return status;
}

} // namespace CadenceEngine

} // namespace Touchline
