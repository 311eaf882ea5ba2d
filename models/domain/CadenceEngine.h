#pragma once

#include "Cadence.h"
#include "Touch.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Touchline {

// A step someone chose to skip (recorded as a prospect event).
struct StepSkip
{
    qint64 stepId = 0;
    QDateTime at;
};

// What people decided about one enrollment, as stored. Everything else the
// engine derives from the cadence and the prospect's touches, so that undoing a
// touch also undoes what it did to the enrollment.
struct EnrollmentFacts
{
    qint64 enrollmentId = 0;
    QDateTime enrolledAt;
    QDateTime pausedAt;  // valid: paused by hand since then
    QDateTime resumedAt; // the last resume: bounces before it no longer pause
    QDateTime stoppedAt; // valid: taken out of the cadence by hand then
    // A snooze moves the due time of one step, and only while that step is next.
    QDateTime snoozedUntil;
    qint64 snoozedStepId = 0;
    QList<StepSkip> skips;
};

// What the engine needs to know about the prospect besides its touches.
struct ProspectFacts
{
    QDateTime doNotContactSince; // valid: the prospect is marked do not contact
    QDateTime agreedNextTouchAt; // valid: a next touch agreed with the prospect
    QString timeZoneId;          // IANA id; empty or unknown: the user's zone
};

enum class DueReason {
    Schedule,   // the step's wait and send window
    AgreedDate, // the prospect's agreed next-touch date
    Snoozed,    // someone snoozed the step
};

struct EnrollmentStatus
{
    EnrollmentState state = EnrollmentState::Active;
    int nextPosition = 1;   // position of the next step; steps.size() + 1 once all are done
    qint64 nextStepId = 0;  // 0 when no step is next
    QDateTime endedAt;      // for the ended states (Replied ... Stopped)
    qint64 cause = 0;       // the touch that ended or bounced the enrollment, 0 for none
    QDateTime dueAt;        // Active only: when the next step is due (UTC)
    QDateTime windowEndsAt; // Active with a send window: when that window closes
    DueReason dueReason = DueReason::Schedule;
    QTimeZone zone; // the calendar the due time was computed in

    bool operator==(const EnrollmentStatus &other) const;
    bool operator!=(const EnrollmentStatus &other) const { return !(*this == other); }
};

// The cadence engine: from a cadence, what was decided about an enrollment, the
// prospect's touch history and a calendar, it derives the enrollment's state,
// its next step and when that step is due. No database, no clock: the same
// inputs always give the same answer.
//
// Rules (docs/cadences.md explains them to users):
// - Only touches at or after enrolledAt affect the enrollment. Touches are taken
//   in (occurredAt, id) order; the first ending event wins:
//   an opted_out outcome (either direction) ends it as OptedOut; a meeting
//   (channel meeting, or outcome meeting_booked / meeting_held) as Meeting; any
//   other inbound touch as Replied; stoppedAt as Stopped; the prospect's
//   doNotContactSince (or enrolledAt if later) as OptedOut; the completion of
//   the last step as Completed. endedAt is the time of that event, cause the
//   touch's id when a touch ended it.
// - A step is done when a touch of this enrollment (Touch::enrollmentId) names
//   it (Touch::stepId), or when it was skipped. The next step is the one after
//   the furthest done step in the cadence's current order, so inserting a step
//   before the prospect's progress does not send them back, and removing a done
//   step does not skip the next one. Touches outside the cadence never
//   complete a step. A cadence with no steps completes at enrolledAt.
// - A running enrollment whose last step is done is Completed at the time that
//   step was done (the touch's occurredAt, or the skip's time).
// - Not ended: an outbound email bounced at or after max(enrolledAt, resumedAt)
//   makes it Bounced; else pausedAt makes it Paused; else it is Active.
// - Due time (Active only), in the prospect's zone when valid, else fallbackZone:
//   the wait counts from the base = the latest of enrolledAt, the last numbered
//   outbound touch (in or outside the cadence) and the last skip. With
//   waitDays == 0 the earliest time is the base itself; otherwise it is the
//   start of the local day that is waitDays calendar days after the base's
//   local date, or waitDays business days (Monday to Friday) when the step
//   says so. With businessDays, a Saturday or Sunday moves to Monday's start.
//   The earliest time then moves into the step's send window: before the window
//   it moves to the window's start that day; inside it stays; after it, to the
//   window's start the next day (next business day with businessDays). A
//   window start that does not exist that day (clocks jumped forward) is the
//   first instant after the jump.
// - An agreedNextTouchAt later than the last numbered outbound touch (or with
//   none) replaces the due time as is (DueReason::AgreedDate).
// - A snooze of the next step later than the due time so far moves it: the
//   snooze time, moved into the send window like above (DueReason::Snoozed).
namespace CadenceEngine {

EnrollmentStatus evaluate(const Cadence &cadence, const EnrollmentFacts &enrollment,
    const ProspectFacts &prospect, const QList<Touch> &history, const QTimeZone &fallbackZone);

// The calendar arithmetic above, exposed for tests and for snoozing.
QDate addBusinessDays(QDate date, int days);
// The earliest instant at or after `earliest` that is inside the step's send
// window (and on a business day when the step counts business days).
QDateTime moveIntoWindow(const QDateTime &earliest, const CadenceStep &step, const QTimeZone &zone);
// The zone a prospect's times are computed in.
QTimeZone zoneFor(const ProspectFacts &prospect, const QTimeZone &fallbackZone);

} // namespace CadenceEngine

} // namespace Touchline
