#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Touchline {

// The vocabulary of the touches table (docs/schema.md). The keys are what the
// database stores; the generator writes them and the consistency check accepts
// only them, so a new outcome is added here first.
enum class TouchChannel {
    Email,
    Phone,
    LinkedIn,
    Sms,
    Meeting,
    Note,
};

enum class TouchDirection {
    Out, // we contacted the prospect; numbered 1, 2, 3... per prospect (see isNumbered())
    In,  // the prospect answered; never numbered
};

// New values go at the end: the generator indexes tables by the enum's value.
enum class TouchOutcome {
    Sent,
    Bounced,
    NoAnswer,
    Voicemail,
    Connected,
    Accepted, // a LinkedIn connection request was accepted
    Replied,
    MeetingBooked,
    MeetingHeld,
    OptedOut, // asked to stop
    Noted,    // a note: nothing happened with the prospect
};

QString channelKey(TouchChannel channel);
QString directionKey(TouchDirection direction);
QString outcomeKey(TouchOutcome outcome);

// Parse keys written by the functions above; return false for anything else.
bool channelFromKey(const QString &key, TouchChannel *channel);
bool directionFromKey(const QString &key, TouchDirection *direction);
bool outcomeFromKey(const QString &key, TouchOutcome *outcome);

QString channelDisplayName(TouchChannel channel);
QString directionDisplayName(TouchDirection direction);
QString outcomeDisplayName(TouchOutcome outcome);

QList<TouchChannel> allChannels();
QList<TouchOutcome> allOutcomes();

// The outcomes a touch on this channel in this direction can have, the most
// common first (the form offers them in this order). Empty: the combination is
// not allowed (a note is always ours, so there are no inbound notes).
QList<TouchOutcome> outcomesFor(TouchChannel channel, TouchDirection direction);

// Whether such touches count as contact attempts, numbered 1, 2, 3... per
// prospect: outbound email, phone, LinkedIn and SMS. Meetings and notes are not
// attempts to reach someone, and inbound touches are answers.
bool isNumbered(TouchChannel channel, TouchDirection direction);

struct Touch
{
    qint64 id = 0;
    qint64 prospectId = 0;
    TouchChannel channel = TouchChannel::Email;
    TouchDirection direction = TouchDirection::Out;
    TouchOutcome outcome = TouchOutcome::Sent;
    QDateTime occurredAt;
    int touchNumber = 0; // 0: not numbered; kept by the repository
    QString notes;
    qint64 authorId = 0;     // 0: unknown
    QString authorName;      // read-only, joined from users
    qint64 enrollmentId = 0; // 0: not part of a cadence
    qint64 stepId = 0;
    QString stepPurpose; // read-only, joined from cadence_steps
    QDateTime createdAt;

    bool operator==(const Touch &other) const;
    // Whether the values a user edits (channel, direction, outcome, time, notes) match.
    bool sameContent(const Touch &other) const;
    bool operator!=(const Touch &other) const { return !(*this == other); }
};

struct TouchFieldError
{
    enum class Field { Channel, Direction, Outcome, OccurredAt, Notes } field;
    QString message;
};

// A clock may run a little ahead of another machine's on a shared file.
constexpr qint64 allowedClockSkewMs = 60 * 1000;
constexpr int maxTouchNotesLength = 10000;

// Checks what a user can get wrong: the outcome fits the channel and direction,
// the time is valid and not in the future (beyond the clock skew above), the
// notes are not too long. An empty list means the touch can be stored.
QList<TouchFieldError> validateTouch(const Touch &touch, const QDateTime &now);

} // namespace Touchline
