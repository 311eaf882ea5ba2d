#pragma once

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
    Out, // we contacted the prospect; numbered 1, 2, 3... per prospect
    In,  // the prospect answered; never numbered
};

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
};

QString channelKey(TouchChannel channel);
QString directionKey(TouchDirection direction);
QString outcomeKey(TouchOutcome outcome);

QList<TouchChannel> allChannels();
QList<TouchOutcome> allOutcomes();

} // namespace Touchline
