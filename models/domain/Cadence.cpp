#include "Cadence.h"

#include "KeyTable.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Touchline {

namespace {

constexpr int minutesPerDay = 24 * 60;

constexpr KeyTable::Key<EnrollmentState> stateKeys[] = {
    {EnrollmentState::Active, "active", QT_TRANSLATE_NOOP("Touchline::Cadence", "Active")},
    {EnrollmentState::Paused, "paused", QT_TRANSLATE_NOOP("Touchline::Cadence", "Paused")},
    {EnrollmentState::Bounced, "bounced", QT_TRANSLATE_NOOP("Touchline::Cadence", "Bounced")},
    {EnrollmentState::Replied, "replied", QT_TRANSLATE_NOOP("Touchline::Cadence", "Replied")},
    {EnrollmentState::Meeting, "meeting", QT_TRANSLATE_NOOP("Touchline::Cadence", "Meeting")},
    {EnrollmentState::OptedOut, "opted_out", QT_TRANSLATE_NOOP("Touchline::Cadence", "Opted out")},
    {EnrollmentState::Completed, "completed", QT_TRANSLATE_NOOP("Touchline::Cadence", "Completed")},
    {EnrollmentState::Stopped, "stopped", QT_TRANSLATE_NOOP("Touchline::Cadence", "Stopped")},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::Cadence", text);
}

// Steps without a window compare equal whatever their (meaningless) minutes.
bool sameWindow(const CadenceStep &a, const CadenceStep &b)
{
    if (!a.hasWindow() || !b.hasWindow())
        return a.hasWindow() == b.hasWindow();
    return a.windowStartMinute == b.windowStartMinute && a.windowEndMinute == b.windowEndMinute;
}

QString formatMinute(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

bool CadenceStep::sameTiming(const CadenceStep &other) const
{
    return waitDays == other.waitDays && businessDays == other.businessDays
        && sameWindow(*this, other);
}

bool CadenceStep::operator==(const CadenceStep &other) const
{
    return id == other.id && position == other.position && channel == other.channel
        && waitDays == other.waitDays && businessDays == other.businessDays
        && windowStartMinute == other.windowStartMinute && windowEndMinute == other.windowEndMinute
        && purpose == other.purpose && subject == other.subject && body == other.body;
}

const CadenceStep *Cadence::step(qint64 stepId) const
{
    for (const CadenceStep &candidate : steps) {
        if (candidate.id == stepId)
            return &candidate;
    }
    return nullptr;
}

bool Cadence::operator==(const Cadence &other) const
{
    return id == other.id && name == other.name && description == other.description
        && archived == other.archived && steps == other.steps && createdAt == other.createdAt
        && updatedAt == other.updatedAt;
}

QList<TouchChannel> stepChannels()
{
    return {TouchChannel::Email, TouchChannel::Phone, TouchChannel::LinkedIn, TouchChannel::Sms};
}

bool isStepChannel(TouchChannel channel)
{
    return stepChannels().contains(channel);
}

QList<CadenceFieldError> validateCadence(const Cadence &cadence)
{
    using Field = CadenceFieldError::Field;
    QList<CadenceFieldError> errors;
    if (cadence.name.trimmed().isEmpty())
        errors.append({Field::Name, 0, tr("Enter a name for the cadence.")});
    else if (cadence.name.size() > maxCadenceNameLength)
        errors.append({Field::Name, 0,
            tr("Cadence names are limited to %1 characters.").arg(maxCadenceNameLength)});
    if (cadence.description.size() > maxStepTextLength)
        errors.append({Field::Description, 0,
            tr("The description is limited to %1 characters.").arg(maxStepTextLength)});

    for (int i = 0; i < cadence.steps.size(); ++i) {
        const CadenceStep &step = cadence.steps.at(i);
        // The position the editor shows, whatever the stored one says.
        const int position = i + 1;
        if (!isStepChannel(step.channel))
            errors.append({Field::StepChannel, position,
                tr("Step %1: %2 cannot be a cadence step; use an email, a phone call, a "
                   "LinkedIn message or an SMS.")
                    .arg(position)
                    .arg(channelDisplayName(step.channel))});
        if (step.waitDays < 0 || step.waitDays > maxStepWaitDays)
            errors.append({Field::StepWait, position,
                tr("Step %1: the wait is between 0 and %2 days.")
                    .arg(position)
                    .arg(maxStepWaitDays)});
        const bool anyTime = step.windowStartMinute == -1 && step.windowEndMinute == -1;
        if (!anyTime
            && (step.windowStartMinute < 0 || step.windowEndMinute > minutesPerDay
                || step.windowStartMinute >= step.windowEndMinute))
            errors.append({Field::StepWindow, position,
                tr("Step %1: the send window must start before it ends, within one day "
                   "(00:00-24:00).")
                    .arg(position)});
        const struct
        {
            Field field;
            const QString &text;
            const char *message;
        } texts[] = {
            {Field::StepPurpose, step.purpose,
                QT_TRANSLATE_NOOP(
                    "Touchline::Cadence", "Step %1: the purpose is limited to %2 characters.")},
            {Field::StepSubject, step.subject,
                QT_TRANSLATE_NOOP(
                    "Touchline::Cadence", "Step %1: the subject is limited to %2 characters.")},
            {Field::StepBody, step.body,
                QT_TRANSLATE_NOOP(
                    "Touchline::Cadence", "Step %1: the message is limited to %2 characters.")},
        };
        for (const auto &text : texts) {
            if (text.text.size() > maxStepTextLength)
                errors.append(
                    {text.field, position, tr(text.message).arg(position).arg(maxStepTextLength)});
        }
    }
    return errors;
}

QString formatSendWindow(int startMinute, int endMinute)
{
    if (startMinute < 0 || endMinute <= startMinute)
        return QString();
    return formatMinute(startMinute) % QLatin1Char('-') % formatMinute(endMinute);
}

bool parseSendWindow(const QString &text, int *startMinute, int *endMinute)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *startMinute = -1;
        *endMinute = -1;
        return true;
    }
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]{1,2}):([0-9]{2})\\s*-\\s*([0-9]{1,2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch())
        return false;
    const auto minuteOf = [&match](int hourGroup) {
        const int hours = match.captured(hourGroup).toInt();
        const int minutes = match.captured(hourGroup + 1).toInt();
        return hours > 24 || minutes > 59 ? -1 : hours * 60 + minutes;
    };
    const int start = minuteOf(1);
    const int end = minuteOf(3);
    // 24:00 only closes a window that runs to midnight.
    if (start < 0 || start >= minutesPerDay || end < 0 || end > minutesPerDay || start >= end)
        return false;
    *startMinute = start;
    *endMinute = end;
    return true;
}

QString enrollmentStateKey(EnrollmentState state)
{
    return KeyTable::keyOf(stateKeys, state);
}

bool enrollmentStateFromKey(const QString &key, EnrollmentState *state)
{
    return KeyTable::fromKey(stateKeys, key, state);
}

QString enrollmentStateDisplayName(EnrollmentState state)
{
    return tr(KeyTable::entryOf(stateKeys, state).display);
}

bool isRunning(EnrollmentState state)
{
    return state == EnrollmentState::Active || state == EnrollmentState::Paused
        || state == EnrollmentState::Bounced;
}

} // namespace Touchline
