#include "ProspectEvent.h"

#include "Touch.h"

#include <QCoreApplication>

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

} // namespace

QString eventKindKey(ProspectEventKind kind)
{
    switch (kind) {
    case ProspectEventKind::DoNotContactSet:
        return QStringLiteral("do_not_contact_set");
    case ProspectEventKind::DoNotContactLifted:
        return QStringLiteral("do_not_contact_lifted");
    }
    Q_UNREACHABLE();
}

bool eventKindFromKey(const QString &key, ProspectEventKind *kind)
{
    for (ProspectEventKind candidate :
        {ProspectEventKind::DoNotContactSet, ProspectEventKind::DoNotContactLifted}) {
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
    }
    Q_UNREACHABLE();
}

} // namespace Touchline
