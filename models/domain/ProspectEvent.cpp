#include "ProspectEvent.h"

#include "Touch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace Touchline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::ProspectEvent", text);
}

// Why the prospect was marked, from the channel of the opt-out touch.
QString optOutReason(const QString &channel)
{
    TouchChannel parsed;
    if (!channelFromKey(channel, &parsed))
        return {};
    switch (parsed) {
    case TouchChannel::Email:
        return tr("opted out by email");
    case TouchChannel::Phone:
        return tr("opted out on a call");
    case TouchChannel::LinkedIn:
        return tr("opted out on LinkedIn");
    case TouchChannel::Sms:
        return tr("opted out by SMS");
    case TouchChannel::Meeting:
        return tr("opted out in a meeting");
    case TouchChannel::Note:
        return tr("opt-out noted");
    }
    return {};
}

// "%1" is the event's detail, "%2" its author when known.
QString withAuthor(const QString &anonymous, const QString &byAuthor, const ProspectEvent &event)
{
    return event.authorName.isEmpty() ? anonymous.arg(event.detail)
                                      : byAuthor.arg(event.detail, event.authorName);
}

} // namespace

QString eventKindKey(ProspectEventKind kind)
{
    switch (kind) {
    case ProspectEventKind::DoNotContactSet:
        return QStringLiteral("do_not_contact_set");
    case ProspectEventKind::DoNotContactLifted:
        return QStringLiteral("do_not_contact_lifted");
    case ProspectEventKind::Enrolled:
        return QStringLiteral("enrolled");
    case ProspectEventKind::Unenrolled:
        return QStringLiteral("unenrolled");
    case ProspectEventKind::Paused:
        return QStringLiteral("paused");
    case ProspectEventKind::Resumed:
        return QStringLiteral("resumed");
    case ProspectEventKind::Snoozed:
        return QStringLiteral("snoozed");
    case ProspectEventKind::StepSkipped:
        return QStringLiteral("step_skipped");
    }
    Q_UNREACHABLE();
}

bool eventKindFromKey(const QString &key, ProspectEventKind *kind)
{
    for (ProspectEventKind candidate : {ProspectEventKind::DoNotContactSet,
             ProspectEventKind::DoNotContactLifted, ProspectEventKind::Enrolled,
             ProspectEventKind::Unenrolled, ProspectEventKind::Paused, ProspectEventKind::Resumed,
             ProspectEventKind::Snoozed, ProspectEventKind::StepSkipped}) {
        if (key == eventKindKey(candidate)) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString eventDisplayText(const ProspectEvent &event)
{
    switch (event.kind) {
    case ProspectEventKind::DoNotContactSet: {
        const QString reason = optOutReason(event.detail);
        return reason.isEmpty()
            ? tr("Marked do not contact")
            : QCoreApplication::translate("Touchline::ProspectEvent", "Marked do not contact (%1)")
                  .arg(reason);
    }
    case ProspectEventKind::DoNotContactLifted:
        return event.authorName.isEmpty()
            ? tr("Do-not-contact lifted")
            : QCoreApplication::translate("Touchline::ProspectEvent", "Do-not-contact lifted by %1")
                  .arg(event.authorName);
    case ProspectEventKind::Enrolled:
        return withAuthor(tr("Enrolled in %1"), tr("Enrolled in %1 by %2"), event);
    case ProspectEventKind::Unenrolled:
        return withAuthor(tr("Taken out of %1"), tr("Taken out of %1 by %2"), event);
    case ProspectEventKind::Paused:
        return withAuthor(tr("%1 paused"), tr("%1 paused by %2"), event);
    case ProspectEventKind::Resumed:
        return withAuthor(tr("%1 resumed"), tr("%1 resumed by %2"), event);
    case ProspectEventKind::Snoozed: {
        const QDateTime until
            = QDateTime::fromMSecsSinceEpoch(event.detail.toLongLong(), QTimeZone::utc());
        ProspectEvent shown = event;
        shown.detail = QLocale().toString(until.toLocalTime(), QLocale::ShortFormat);
        return withAuthor(
            tr("Next step snoozed until %1"), tr("Next step snoozed until %1 by %2"), shown);
    }
    case ProspectEventKind::StepSkipped:
        return withAuthor(tr("Step skipped: %1"), tr("Step skipped by %2: %1"), event);
    }
    Q_UNREACHABLE();
}

QString enrollmentEndText(EnrollmentState state, const QString &cadenceName)
{
    switch (state) {
    case EnrollmentState::Active:
    case EnrollmentState::Paused:
    case EnrollmentState::Bounced:
        return {};
    case EnrollmentState::Replied:
        return tr("%1 ended: they replied").arg(cadenceName);
    case EnrollmentState::Meeting:
        return tr("%1 ended: meeting booked").arg(cadenceName);
    case EnrollmentState::OptedOut:
        return tr("%1 ended: do not contact").arg(cadenceName);
    case EnrollmentState::Completed:
        return tr("%1 completed: no reply after the last step").arg(cadenceName);
    case EnrollmentState::Stopped:
        return tr("%1 stopped").arg(cadenceName);
    }
    Q_UNREACHABLE();
}

} // namespace Touchline
