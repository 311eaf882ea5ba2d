#pragma once

#include <QDateTime>
#include <QString>

namespace Touchline {

// Things that happen to a prospect other than touches, shown in its timeline
// (table prospect_events). Issue 4 will add enrollment events.
enum class ProspectEventKind {
    DoNotContactSet,    // detail: the key of the channel of the opt-out touch
    DoNotContactLifted, // detail: empty
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
};

// One line for the timeline, such as "Marked do not contact (opted out by email)"
// or "Do-not-contact lifted by Maya".
QString eventDisplayText(const ProspectEvent &event);

} // namespace Touchline
