#include "TimelineModel.h"

#include "storage/Database.h"

#include <QLocale>

#include <algorithm>

namespace Touchline {

TimelineModel::TimelineModel(Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_prospects(db)
    , m_touches(db)
    , m_enrollments(db)
{
    connect(&db, &Database::changed, this,
        [this](Database::Tables tables, const QList<qint64> &prospectIds) {
            const bool relevant = tables
                & (Database::Table::Touches | Database::Table::Prospects | Database::Table::Users
                    | Database::Table::Enrollments | Database::Table::Cadences);
            if (m_prospectId && relevant
                && (prospectIds.isEmpty() || prospectIds.contains(m_prospectId)))
                refresh();
        });
}

void TimelineModel::setProspect(qint64 prospectId)
{
    if (prospectId == m_prospectId)
        return;
    m_prospectId = prospectId;
    refresh();
}

void TimelineModel::setNewestFirst(bool newestFirst)
{
    if (newestFirst == m_newestFirst)
        return;
    beginResetModel();
    m_newestFirst = newestFirst;
    endResetModel();
}

bool TimelineModel::Item::isSameItem(const Item &other) const
{
    if (kind != other.kind)
        return false;
    switch (kind) {
    case ItemKind::Touch:
        return touch.id == other.touch.id;
    case ItemKind::Event:
        return event.id == other.event.id && event.enrollmentId == other.event.enrollmentId;
    case ItemKind::Planned:
        return planned.step.id == other.planned.step.id;
    }
    return false;
}

bool TimelineModel::load(QList<Item> *items, Summary *summary, Error *error)
{
    const std::optional<Prospect> prospect = m_prospects.get(m_prospectId, error);
    QList<Touch> touches;
    QList<ProspectEvent> events;
    QList<Enrollment> enrollments;
    QList<PlannedStep> planned;
    if (!prospect || !m_touches.listForProspect(m_prospectId, &touches, error)
        || !m_touches.listEvents(m_prospectId, &events, error)
        || !m_enrollments.listForProspect(m_prospectId, &enrollments, error)
        || !m_enrollments.planned(m_prospectId, &planned, error))
        return false;
    summary->prospect = *prospect;
    for (const Touch &touch : std::as_const(touches)) {
        items->append({ItemKind::Touch, touch.occurredAt, touch, {}, {}, {}});
        if (touch.touchNumber > 0) {
            ++summary->outboundTouches;
            if (!summary->firstTouchAt.isValid())
                summary->firstTouchAt = touch.occurredAt;
            summary->lastTouchAt = touch.occurredAt;
        }
        if (touch.direction == TouchDirection::In)
            summary->replied = true;
    }
    for (const ProspectEvent &event : std::as_const(events))
        items->append({ItemKind::Event, event.occurredAt, {}, event, {}, eventDisplayText(event)});
    // Ends are derived from touches and decisions, so they have no event row.
    for (const Enrollment &enrollment : std::as_const(enrollments)) {
        const QString text = enrollmentEndText(enrollment.state, enrollment.cadenceName);
        if (text.isEmpty() || !enrollment.endedAt.isValid())
            continue;
        ProspectEvent end;
        end.prospectId = m_prospectId;
        end.occurredAt = enrollment.endedAt;
        end.enrollmentId = enrollment.id;
        items->append({ItemKind::Event, enrollment.endedAt, {}, end, {}, text});
    }
    // Stable: at the same moment a touch comes before the event it caused.
    std::stable_sort(
        items->begin(), items->end(), [](const Item &a, const Item &b) { return a.time < b.time; });
    // Planned steps come after everything that happened, even when overdue.
    for (const PlannedStep &step : std::as_const(planned)) {
        const QString text = tr("Planned: %1, step %2 of %3 (%4)")
                                 .arg(channelDisplayName(step.step.channel))
                                 .arg(step.step.position)
                                 .arg(step.stepCount)
                                 .arg(step.step.purpose);
        items->append({ItemKind::Planned, step.dueAt, {}, {}, step, text});
    }
    return true;
}

void TimelineModel::refresh()
{
    QList<Item> items;
    std::optional<Summary> summary;
    if (m_prospectId) {
        Error error;
        Summary loaded;
        if (load(&items, &loaded, &error)) {
            summary = loaded;
        } else {
            items.clear();
            if (error.kind != Error::Kind::NotFound)
                Q_EMIT errorOccurred(error.message);
        }
    }
    // The same items as before (a write elsewhere, an edited note): update them in
    // place, so the view keeps its current item and scroll position.
    const bool sameItems = items.size() == m_items.size()
        && std::equal(items.cbegin(), items.cend(), m_items.cbegin(),
            [](const Item &a, const Item &b) { return a.isSameItem(b); });
    if (sameItems) {
        m_items = items;
        m_summary = summary;
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
    } else {
        beginResetModel();
        m_items = items;
        m_summary = summary;
        endResetModel();
    }
    Q_EMIT summaryChanged();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

const TimelineModel::Item &TimelineModel::itemAt(int row) const
{
    return m_newestFirst ? m_items.at(m_items.size() - 1 - row) : m_items.at(row);
}

std::optional<Touch> TimelineModel::touchAt(int row) const
{
    if (row < 0 || row >= m_items.size() || itemAt(row).kind != ItemKind::Touch)
        return std::nullopt;
    return itemAt(row).touch;
}

int TimelineModel::rowOfTouch(qint64 touchId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        const Item &item = itemAt(row);
        if (item.kind == ItemKind::Touch && item.touch.id == touchId)
            return row;
    }
    return -1;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = itemAt(index.row());
    const bool isTouch = item.kind == ItemKind::Touch;
    const Touch &touch = item.touch;
    switch (role) {
    case KindRole:
        return QVariant::fromValue(item.kind);
    case IdRole:
        return isTouch                       ? touch.id
            : item.kind == ItemKind::Planned ? item.planned.step.id
                                             : item.event.id;
    case TimeRole:
        return item.time;
    case Qt::ToolTipRole:
        return QLocale().toString(item.time.toLocalTime(), QLocale::LongFormat);
    case ChannelRole:
        if (item.kind == ItemKind::Planned)
            return channelKey(item.planned.step.channel);
        return isTouch ? QVariant(channelKey(touch.channel)) : QVariant();
    case DirectionRole:
        return isTouch ? QVariant(directionKey(touch.direction)) : QVariant();
    case OutcomeRole:
        return isTouch ? QVariant(outcomeKey(touch.outcome)) : QVariant();
    case TouchNumberRole:
        return isTouch ? touch.touchNumber : 0;
    case AuthorRole:
        return isTouch ? touch.authorName : item.event.authorName;
    case NotesRole:
        return isTouch ? touch.notes : QString();
    case StepPurposeRole:
        if (item.kind == ItemKind::Planned)
            return item.planned.step.purpose;
        return isTouch ? touch.stepPurpose : QString();
    case TitleRole:
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (!isTouch)
            return item.text;
        return tr("%1 · %2").arg(
            channelDisplayName(touch.channel), outcomeDisplayName(touch.outcome));
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(IdRole, "id");
    names.insert(TimeRole, "time");
    names.insert(ChannelRole, "channel");
    names.insert(DirectionRole, "direction");
    names.insert(OutcomeRole, "outcome");
    names.insert(TouchNumberRole, "touchNumber");
    names.insert(AuthorRole, "author");
    names.insert(NotesRole, "notes");
    names.insert(StepPurposeRole, "stepPurpose");
    names.insert(TitleRole, "title");
    return names;
}

} // namespace Touchline
