#pragma once

#include "Cadence.h"

#include <QDateTime>
#include <QString>

namespace Touchline {

// Things that happen to a prospect other than touches, shown in its timeline
// (table prospect_events). The cadence events carry the enrollment (and step)
// they are about; their detail keeps the cadence's name or the step's purpose as
// it was, so the timeline still reads right after a rename.
enum class ProspectEventKind {
    DoNotContactSet,    // detail: the key of the channel of the opt-out touch
    DoNotContactLifted, // detail: empty
    Enrolled,           // detail: the cadence's name
    Unenrolled,         // detail: the cadence's name
    Paused,             // detail: the cadence's name
    Resumed,            // detail: the cadence's name
    Snoozed,            // detail: the new due time, Unix ms
    StepSkipped,        // detail: the step's purpose
};

QString eventKindKey(ProspectEventKind kind);
bool eventKindFromKey(const QString &key, ProspectEventKind *kind);

struct ProspectEvent
{
    qint64 id = 0;
    qint64 prospectId = 0;
    ProspectEventKind kind = ProspectEventKind::DoNotContactSet;
    QDateTime occurredAt;
    qint64 authorId = 0; // 0: unknown
    QString authorName;  // read-only, joined from users
    QString detail;
    qint64 enrollmentId = 0; // cadence events only
    qint64 stepId = 0;       // Snoozed and StepSkipped
};

// One line for the timeline, such as "Marked do not contact (opted out by email)"
// or "Do-not-contact lifted by Maya".
QString eventDisplayText(const ProspectEvent &event);

// The timeline's line for the end of an enrollment, such as "Respectful six-step
// ended: replied". Empty for the running states.
QString enrollmentEndText(EnrollmentState state, const QString &cadenceName);

} // namespace Touchline
