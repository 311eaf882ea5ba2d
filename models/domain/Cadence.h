#pragma once

#include "Touch.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Touchline {

// One step of a follow-up sequence (table cadence_steps).
struct CadenceStep
{
    qint64 id = 0;    // stable across edits: touches and skips refer to it
    int position = 0; // 1, 2, ... in the cadence; kept by the repository
    TouchChannel channel = TouchChannel::Email;
    int waitDays = 0;          // after the previous step (step 1: after enrolling)
    bool businessDays = false; // count Monday to Friday only
    // Send window in minutes after local midnight, [start, end). -1/-1: any time.
    int windowStartMinute = -1;
    int windowEndMinute = -1;
    QString purpose;
    QString subject; // email only
    QString body;    // the message template, or talking points for a call

    bool hasWindow() const { return windowStartMinute >= 0 && windowEndMinute > windowStartMinute; }
    // Whether the values that decide when the step is due differ.
    bool sameTiming(const CadenceStep &other) const;
    bool operator==(const CadenceStep &other) const;
    bool operator!=(const CadenceStep &other) const { return !(*this == other); }
};

struct Cadence
{
    qint64 id = 0;
    QString name;
    QString description;
    bool archived = false;
    QList<CadenceStep> steps; // in position order
    QDateTime createdAt;
    QDateTime updatedAt;

    // The step with this id, or nullptr.
    const CadenceStep *step(qint64 stepId) const;
    bool operator==(const Cadence &other) const;
    bool operator!=(const Cadence &other) const { return !(*this == other); }
};

// The channels a cadence step can use (meetings and notes are not steps).
QList<TouchChannel> stepChannels();
bool isStepChannel(TouchChannel channel);

constexpr int maxCadenceNameLength = 100;
constexpr int maxStepWaitDays = 365;
constexpr int maxStepTextLength = 20000;

struct CadenceFieldError
{
    enum class Field {
        Name,
        Description,
        StepChannel,
        StepWait,
        StepWindow,
        StepPurpose,
        StepSubject,
        StepBody
    } field;
    int position = 0; // the step's position for step fields, 0 for the cadence's own fields
    QString message;
};

// What a user can get wrong in the editor: an empty or too long name, a step on
// a channel that is not a step channel, a negative or too long wait, a send
// window that is empty or outside the day, texts over maxStepTextLength.
// Practices (too short waits, no opt-out line...) are the linter's business, not
// errors. An empty list means the cadence can be stored.
QList<CadenceFieldError> validateCadence(const Cadence &cadence);

// "08:00-10:00" for 480/600; empty for a step without a window.
QString formatSendWindow(int startMinute, int endMinute);
// Parses "08:00-10:00" (also "8:00-10:00", "08:00 - 10:00"); an empty string is
// "any time" (-1/-1). Returns false for anything else, or an empty window.
bool parseSendWindow(const QString &text, int *startMinute, int *endMinute);

// The life of an enrollment (table enrollments, column state). Active, Paused
// and Bounced are running: the prospect is in this cadence and in no other.
enum class EnrollmentState {
    Active,    // steps become due
    Paused,    // paused by hand; nothing is due until resumed
    Bounced,   // an email bounced: paused until someone resumes it
    Replied,   // the prospect answered: ended
    Meeting,   // a meeting was booked or held: ended
    OptedOut,  // the prospect asked to stop, or is marked do not contact: ended
    Completed, // every step was done without an answer: ended
    Stopped,   // taken out of the cadence by hand: ended
};

QString enrollmentStateKey(EnrollmentState state);
bool enrollmentStateFromKey(const QString &key, EnrollmentState *state);
QString enrollmentStateDisplayName(EnrollmentState state);
bool isRunning(EnrollmentState state);

} // namespace Touchline
