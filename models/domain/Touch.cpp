#include "Touch.h"

namespace Touchline {

namespace {

template<typename Enum> struct Key
{
    Enum value;
    const char *key;
};

constexpr Key<TouchChannel> channelKeys[] = {
    {TouchChannel::Email, "email"},
    {TouchChannel::Phone, "phone"},
    {TouchChannel::LinkedIn, "linkedin"},
    {TouchChannel::Sms, "sms"},
    {TouchChannel::Meeting, "meeting"},
    {TouchChannel::Note, "note"},
};

constexpr Key<TouchOutcome> outcomeKeys[] = {
    {TouchOutcome::Sent, "sent"},
    {TouchOutcome::Bounced, "bounced"},
    {TouchOutcome::NoAnswer, "no_answer"},
    {TouchOutcome::Voicemail, "voicemail"},
    {TouchOutcome::Connected, "connected"},
    {TouchOutcome::Accepted, "accepted"},
    {TouchOutcome::Replied, "replied"},
    {TouchOutcome::MeetingBooked, "meeting_booked"},
    {TouchOutcome::MeetingHeld, "meeting_held"},
    {TouchOutcome::OptedOut, "opted_out"},
};

template<typename Enum, std::size_t N> QString keyOf(const Key<Enum> (&keys)[N], Enum value)
{
    for (const auto &entry : keys) {
        if (entry.value == value)
            return QString::fromLatin1(entry.key);
    }
    Q_UNREACHABLE();
}

template<typename Enum, std::size_t N> QList<Enum> valuesOf(const Key<Enum> (&keys)[N])
{
    QList<Enum> values;
    for (const auto &entry : keys)
        values.append(entry.value);
    return values;
}

} // namespace

QString channelKey(TouchChannel channel)
{
    return keyOf(channelKeys, channel);
}

QString directionKey(TouchDirection direction)
{
    return direction == TouchDirection::Out ? QStringLiteral("out") : QStringLiteral("in");
}

QString outcomeKey(TouchOutcome outcome)
{
    return keyOf(outcomeKeys, outcome);
}

QList<TouchChannel> allChannels()
{
    return valuesOf(channelKeys);
}

QList<TouchOutcome> allOutcomes()
{
    return valuesOf(outcomeKeys);
}

} // namespace Touchline
