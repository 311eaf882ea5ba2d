#include "DueListModel.h"

#include "domain/RelativeTime.h"
#include "storage/Database.h"

#include <QHash>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <tuple>

namespace Touchline {

namespace {

auto shownValues(const DueItem &i)
{
    return std::tie(i.prospectId, i.firstName, i.lastName, i.company, i.title, i.email, i.phone,
        i.linkedInUrl, i.ownerId, i.ownerName, i.timeZoneId, i.lastTouchAt, i.cadenceId,
        i.cadenceName, i.stepCount, i.step, i.dueAt);
}

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.time(), QLocale::ShortFormat);
}

// Today: the time. Before: "yesterday 09:00", "Mon 09:00", or the date for older ones.
QString dueText(const QDateTime &dueAt, bool overdue)
{
    const QDateTime local = dueAt.toTimeZone(EnrollmentRepository::userZone());
    if (!overdue)
        return timeText(local);
    const qint64 days
        = daysBetween(local, QDateTime::currentDateTimeUtc().toTimeZone(local.timeZone()));
    const QString day = days == 1 ? DueListModel::tr("yesterday")
        : days < 7 ? QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat)
                   : QLocale().toString(local.date(), QLocale::ShortFormat);
    return DueListModel::tr("%1 %2", "day and time").arg(day, timeText(local));
}

// The send window (or the due time) on the prospect's clock, when it is not ours.
QString theirTimeText(const DueItem &item)
{
    if (item.timeZoneId.isEmpty())
        return {};
    const QTimeZone theirs(item.timeZoneId.toUtf8());
    const QTimeZone ours = EnrollmentRepository::userZone();
    if (!theirs.isValid() || theirs.offsetFromUtc(item.dueAt) == ours.offsetFromUtc(item.dueAt))
        return {};
    const QString when = item.step.hasWindow()
        ? formatSendWindow(item.step.windowStartMinute, item.step.windowEndMinute)
        : timeText(item.dueAt.toTimeZone(theirs));
    return DueListModel::tr("%1 their time").arg(when);
}

} // namespace

QDateTime DueListModel::startOfLocalDay(int daysFromToday)
{
    const QTimeZone zone = EnrollmentRepository::userZone();
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(zone)
        .date()
        .addDays(daysFromToday)
        .startOfDay(zone);
}

DueListModel::DueListModel(Database &db, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(db)
{
    connect(&db, &Database::changed, this, [this](Database::Tables tables) {
        if (tables
            & (Database::Table::Enrollments | Database::Table::Prospects | Database::Table::Touches
                | Database::Table::Cadences | Database::Table::Users))
            refresh();
    });
    // At midnight today's items become overdue and tomorrow's are due.
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &DueListModel::refresh);
    refresh();
}

int DueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant DueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DueItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ProspectNameRole:
        return item.prospectName();
    case Qt::ToolTipRole:
        return tr("Step %1 of %2 of %3: %4")
            .arg(item.step.position)
            .arg(item.stepCount)
            .arg(item.cadenceName, item.step.purpose);
    case EnrollmentIdRole:
        return item.enrollmentId;
    case ProspectIdRole:
        return item.prospectId;
    case DueAtRole:
        return item.dueAt;
    case OverdueRole:
        return isOverdue(item);
    case CompanyRole:
        return item.company;
    case ChannelRole:
        return channelKey(item.step.channel);
    case StepRole:
        return tr("%1 of %2").arg(item.step.position).arg(item.stepCount);
    case PurposeRole:
        return item.step.purpose;
    case CadenceRole:
        return item.cadenceName;
    case TimeZoneRole:
        return item.timeZoneId;
    case DueTextRole:
        return dueText(item.dueAt, isOverdue(item));
    case TheirTimeRole:
        return theirTimeText(item);
    default:
        return {};
    }
}

void DueListModel::setOwnerFilter(qint64 ownerId)
{
    if (ownerId == m_filter.ownerId)
        return;
    m_filter.ownerId = ownerId;
    refresh();
}

void DueListModel::setChannelFilter(const QString &channelKey)
{
    if (channelKey == m_filter.channelKey)
        return;
    m_filter.channelKey = channelKey;
    refresh();
}

std::optional<DueItem> DueListModel::itemAt(int row) const
{
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items.at(row);
}

int DueListModel::rowOfEnrollment(qint64 enrollmentId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).enrollmentId == enrollmentId)
            return row;
    }
    return -1;
}

void DueListModel::refresh()
{
    const QDateTime startOfToday = startOfLocalDay(0);
    const QDateTime startOfTomorrow = startOfLocalDay(1);
    DueFilter filter = m_filter;
    filter.until = startOfTomorrow;
    QList<DueItem> items;
    Error error;
    if (!m_repository.due(filter, &items, &error)) {
        Q_EMIT errorOccurred(error.message);
        return;
    }
    const bool dayChanged = startOfToday != m_startOfToday;
    m_startOfToday = startOfToday;
    apply(items);
    if (dayChanged && !m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    updateCounts();
    m_midnight.start(int(std::min<qint64>(
        QDateTime::currentDateTimeUtc().msecsTo(startOfTomorrow) + 1000, 24 * 3600 * 1000)));
}

// Moves from the current rows to `items` with removals, one reordering and
// insertions, then updates the rows whose values changed, so that views keep
// the current item and the selection on the same enrollments.
void DueListModel::apply(const QList<DueItem> &items)
{
    QHash<qint64, int> newRows;
    newRows.reserve(items.size());
    for (int row = 0; row < items.size(); ++row)
        newRows.insert(items.at(row).enrollmentId, row);

    for (int row = int(m_items.size()) - 1; row >= 0;) {
        if (newRows.contains(m_items.at(row).enrollmentId)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !newRows.contains(m_items.at(row).enrollmentId))
            --row;
        beginRemoveRows({}, row + 1, last);
        m_items.remove(row + 1, last - row);
        endRemoveRows();
    }

    QHash<qint64, DueItem> old;
    for (const DueItem &item : std::as_const(m_items))
        old.insert(item.enrollmentId, item);
    QList<DueItem> kept;
    kept.reserve(m_items.size());
    for (const DueItem &item : items) {
        const auto found = old.constFind(item.enrollmentId);
        if (found != old.constEnd())
            kept.append(*found);
    }
    const auto sameOrder = [](const QList<DueItem> &a, const QList<DueItem> &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
            [](const DueItem &x, const DueItem &y) { return x.enrollmentId == y.enrollmentId; });
    };
    if (!sameOrder(kept, m_items)) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QHash<qint64, int> keptRows;
        for (int row = 0; row < kept.size(); ++row)
            keptRows.insert(kept.at(row).enrollmentId, row);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(
                createIndex(keptRows.value(m_items.at(index.row()).enrollmentId), index.column()));
        m_items = kept;
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    for (int row = 0; row < items.size();) {
        if (old.contains(items.at(row).enrollmentId)) {
            ++row;
            continue;
        }
        const int first = row;
        while (row < items.size() && !old.contains(items.at(row).enrollmentId))
            ++row;
        beginInsertRows({}, first, row - 1);
        for (int i = first; i < row; ++i)
            m_items.insert(i, items.at(i));
        endInsertRows();
    }

    for (int row = 0; row < items.size(); ++row) {
        if (shownValues(m_items.at(row)) != shownValues(items.at(row))) {
            m_items[row] = items.at(row);
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
}

void DueListModel::updateCounts()
{
    int overdue = 0;
    for (const DueItem &item : std::as_const(m_items))
        overdue += isOverdue(item) ? 1 : 0;
    const int dueToday = int(m_items.size()) - overdue;
    if (dueToday == m_dueToday && overdue == m_overdue)
        return;
    m_dueToday = dueToday;
    m_overdue = overdue;
    Q_EMIT countsChanged(m_dueToday, m_overdue);
}

} // namespace Touchline
