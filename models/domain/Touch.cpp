#include "Touch.h"

#include "KeyTable.h"

#include <QCoreApplication>

namespace Touchline {

namespace {

using KeyTable::entryOf;
using KeyTable::fromKey;
using KeyTable::Key;
using KeyTable::keyOf;
using KeyTable::valuesOf;

constexpr Key<TouchChannel> channelKeys[] = {
    {TouchChannel::Email, "email", QT_TRANSLATE_NOOP("Touchline::Touch", "Email")},
    {TouchChannel::Phone, "phone", QT_TRANSLATE_NOOP("Touchline::Touch", "Phone call")},
    {TouchChannel::LinkedIn, "linkedin", QT_TRANSLATE_NOOP("Touchline::Touch", "LinkedIn")},
    {TouchChannel::Sms, "sms", QT_TRANSLATE_NOOP("Touchline::Touch", "SMS")},
    {TouchChannel::Meeting, "meeting", QT_TRANSLATE_NOOP("Touchline::Touch", "Meeting")},
    {TouchChannel::Note, "note", QT_TRANSLATE_NOOP("Touchline::Touch", "Note")},
};

constexpr Key<TouchDirection> directionKeys[] = {
    {TouchDirection::Out, "out", QT_TRANSLATE_NOOP("Touchline::Touch", "Outbound")},
    {TouchDirection::In, "in", QT_TRANSLATE_NOOP("Touchline::Touch", "Inbound")},
};

constexpr Key<TouchOutcome> outcomeKeys[] = {
    {TouchOutcome::Sent, "sent", QT_TRANSLATE_NOOP("Touchline::Touch", "Sent")},
    {TouchOutcome::Bounced, "bounced", QT_TRANSLATE_NOOP("Touchline::Touch", "Bounced")},
    {TouchOutcome::NoAnswer, "no_answer", QT_TRANSLATE_NOOP("Touchline::Touch", "No answer")},
    {TouchOutcome::Voicemail, "voicemail", QT_TRANSLATE_NOOP("Touchline::Touch", "Voicemail left")},
    {TouchOutcome::Connected, "connected", QT_TRANSLATE_NOOP("Touchline::Touch", "Connected")},
    {TouchOutcome::Accepted, "accepted", QT_TRANSLATE_NOOP("Touchline::Touch", "Accepted")},
    {TouchOutcome::Replied, "replied", QT_TRANSLATE_NOOP("Touchline::Touch", "Replied")},
    {TouchOutcome::MeetingBooked, "meeting_booked",
        QT_TRANSLATE_NOOP("Touchline::Touch", "Meeting booked")},
    {TouchOutcome::MeetingHeld, "meeting_held",
        QT_TRANSLATE_NOOP("Touchline::Touch", "Meeting held")},
    {TouchOutcome::OptedOut, "opted_out", QT_TRANSLATE_NOOP("Touchline::Touch", "Opted out")},
    {TouchOutcome::Noted, "noted", QT_TRANSLATE_NOOP("Touchline::Touch", "Noted")},
};

template<typename Enum, std::size_t N> QString displayOf(const Key<Enum> (&keys)[N], Enum value)
{
    return QCoreApplication::translate("Touchline::Touch", entryOf(keys, value).display);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::Touch", text);
}

} // namespace

QString channelKey(TouchChannel channel)
{
    return keyOf(channelKeys, channel);
}

QString directionKey(TouchDirection direction)
{
    return keyOf(directionKeys, direction);
}

QString outcomeKey(TouchOutcome outcome)
{
    return keyOf(outcomeKeys, outcome);
}

bool channelFromKey(const QString &key, TouchChannel *channel)
{
    return fromKey(channelKeys, key, channel);
}

bool directionFromKey(const QString &key, TouchDirection *direction)
{
    return fromKey(directionKeys, key, direction);
}

bool outcomeFromKey(const QString &key, TouchOutcome *outcome)
{
    return fromKey(outcomeKeys, key, outcome);
}

QString channelDisplayName(TouchChannel channel)
{
    return displayOf(channelKeys, channel);
}

QString directionDisplayName(TouchDirection direction)
{
    return displayOf(directionKeys, direction);
}

QString outcomeDisplayName(TouchOutcome outcome)
{
    return displayOf(outcomeKeys, outcome);
}

QList<TouchChannel> allChannels()
{
    return valuesOf(channelKeys);
}

QList<TouchOutcome> allOutcomes()
{
    return valuesOf(outcomeKeys);
}

QList<TouchOutcome> outcomesFor(TouchChannel channel, TouchDirection direction)
{
    using O = TouchOutcome;
    const bool out = direction == TouchDirection::Out;
    // An answer on any channel may book a meeting or ask us to stop; an opt-out
    // we hear about on a call of ours, or from someone else (a note), counts too.
    switch (channel) {
    case TouchChannel::Email:
        return out ? QList<O> {O::Sent, O::Bounced}
                   : QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    case TouchChannel::Phone:
        return out
            ? QList<O> {O::NoAnswer, O::Voicemail, O::Connected, O::MeetingBooked, O::OptedOut}
            : QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    case TouchChannel::LinkedIn:
        return out ? QList<O> {O::Sent, O::Accepted}
                   : QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    case TouchChannel::Sms:
        return out ? QList<O> {O::Sent} : QList<O> {O::Replied, O::MeetingBooked, O::OptedOut};
    case TouchChannel::Meeting:
        return {O::MeetingBooked, O::MeetingHeld};
    case TouchChannel::Note:
        return out ? QList<O> {O::Noted, O::OptedOut} : QList<O> {};
    }
    Q_UNREACHABLE();
}

bool isNumbered(TouchChannel channel, TouchDirection direction)
{
    return direction == TouchDirection::Out
        && (channel == TouchChannel::Email || channel == TouchChannel::Phone
            || channel == TouchChannel::LinkedIn || channel == TouchChannel::Sms);
}

bool Touch::sameContent(const Touch &other) const
{
    return channel == other.channel && direction == other.direction && outcome == other.outcome
        && occurredAt == other.occurredAt && notes == other.notes;
}

bool Touch::operator==(const Touch &other) const
{
    return id == other.id && prospectId == other.prospectId && channel == other.channel
        && direction == other.direction && outcome == other.outcome
        && occurredAt == other.occurredAt && touchNumber == other.touchNumber
        && notes == other.notes && authorId == other.authorId && authorName == other.authorName
        && enrollmentId == other.enrollmentId && stepId == other.stepId
        && stepPurpose == other.stepPurpose && createdAt == other.createdAt;
}

QList<TouchFieldError> validateTouch(const Touch &touch, const QDateTime &now)
{
    using Field = TouchFieldError::Field;
    QList<TouchFieldError> errors;
    const QList<TouchOutcome> allowed = outcomesFor(touch.channel, touch.direction);
    if (allowed.isEmpty())
        errors.append(
            {Field::Direction, tr("A note records what we did or learned; it cannot be inbound.")});
    else if (!allowed.contains(touch.outcome)) {
        QStringList names;
        for (TouchOutcome outcome : allowed)
            names.append(outcomeKey(outcome));
        errors.append({Field::Outcome,
            tr("The outcome \"%1\" does not fit channel %2, direction %3; use one of: %4.")
                .arg(outcomeKey(touch.outcome), channelKey(touch.channel),
                    directionKey(touch.direction), names.join(QLatin1String(", ")))});
    }
    if (!touch.occurredAt.isValid())
        errors.append({Field::OccurredAt, tr("Enter when the touch happened.")});
    else if (touch.occurredAt.toMSecsSinceEpoch() > now.toMSecsSinceEpoch() + allowedClockSkewMs)
        errors.append({Field::OccurredAt,
            tr("%1 is in the future; log touches once they have happened.")
                .arg(touch.occurredAt.toUTC().toString(Qt::ISODate))});
    if (touch.notes.size() > maxTouchNotesLength)
        errors.append(
            {Field::Notes, tr("Notes are limited to %1 characters.").arg(maxTouchNotesLength)});
    return errors;
}

} // namespace Touchline
