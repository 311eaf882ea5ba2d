#include "CadenceStepsModel.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QSet>

#include <algorithm>

namespace Touchline {

namespace {

QList<qint64> idsOf(const QList<CadenceStep> &steps)
{
    QList<qint64> ids;
    ids.reserve(steps.size());
    for (const CadenceStep &step : steps)
        ids.append(step.id);
    return ids;
}

// Steps without an id (not stored yet) or with the same id twice cannot be
// matched, so a list holding such steps is shown again as a whole.
bool hasMatchableIds(const QList<CadenceStep> &steps)
{
    QSet<qint64> seen;
    for (const CadenceStep &step : steps) {
        if (step.id == 0 || seen.contains(step.id))
            return false;
        seen.insert(step.id);
    }
    return true;
}

// Whether `shown` already is `wanted` in order: the commit function may have
// shown the stored steps (with setSteps()) before the model would.
bool sameOrder(const QList<CadenceStep> &shown, const QList<CadenceStep> &wanted)
{
    return hasMatchableIds(wanted) ? idsOf(shown) == idsOf(wanted) : shown == wanted;
}

void renumber(QList<CadenceStep> *steps)
{
    for (int i = 0; i < steps->size(); ++i)
        (*steps)[i].position = i + 1;
}

} // namespace

QString CadenceStepsModel::mimeType()
{
    return QStringLiteral("application/x-touchline-cadence-steps");
}

CadenceStepsModel::CadenceStepsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CadenceStepsModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    // The flags change: views ask again whether rows can be dragged.
    emitAllChanged();
}

void CadenceStepsModel::setSteps(qint64 cadenceId, const QList<CadenceStep> &steps)
{
    if (cadenceId != m_cadenceId || !hasMatchableIds(steps) || !hasMatchableIds(m_steps)) {
        beginResetModel();
        if (cadenceId != m_cadenceId)
            m_warnings.clear();
        m_cadenceId = cadenceId;
        m_steps = steps;
        endResetModel();
        return;
    }
    QSet<qint64> newIds;
    for (const CadenceStep &step : steps)
        newIds.insert(step.id);
    for (int row = int(m_steps.size()) - 1; row >= 0; --row) {
        if (newIds.contains(m_steps.at(row).id))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_steps.removeAt(row);
        endRemoveRows();
    }
    for (int i = 0; i < steps.size(); ++i) {
        int current = -1;
        for (int j = i; j < m_steps.size(); ++j) {
            if (m_steps.at(j).id == steps.at(i).id) {
                current = j;
                break;
            }
        }
        if (current == i)
            continue;
        if (current > i) {
            beginMoveRows(QModelIndex(), current, current, QModelIndex(), i);
            m_steps.move(current, i);
            endMoveRows();
        } else {
            beginInsertRows(QModelIndex(), i, i);
            m_steps.insert(i, steps.at(i));
            endInsertRows();
        }
    }
    for (int i = 0; i < steps.size(); ++i) {
        if (m_steps.at(i) == steps.at(i))
            continue;
        m_steps[i] = steps.at(i);
        Q_EMIT dataChanged(index(i), index(i));
    }
}

int CadenceStepsModel::rowOfStep(qint64 stepId) const
{
    for (int row = 0; row < m_steps.size(); ++row) {
        if (m_steps.at(row).id == stepId)
            return row;
    }
    return -1;
}

void CadenceStepsModel::setWarnings(const QList<LintWarning> &warnings)
{
    QHash<int, QStringList> byPosition;
    for (const LintWarning &warning : warnings) {
        if (warning.position > 0)
            byPosition[warning.position].append(warning.message);
    }
    if (byPosition == m_warnings)
        return;
    m_warnings = byPosition;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_steps.size()) - 1),
            {WarningsRole, Qt::ToolTipRole, Qt::DisplayRole});
}

void CadenceStepsModel::renumberShown()
{
    // The rows keep their data through an insertion, removal or move, as views
    // expect; the positions change afterwards.
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).position == i + 1)
            continue;
        m_steps[i].position = i + 1;
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last));
}

void CadenceStepsModel::emitAllChanged()
{
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_steps.size()) - 1));
}

bool CadenceStepsModel::commit(const QList<CadenceStep> &steps, const QString &undoText)
{
    return canChange() && m_commit(steps, undoText);
}

bool CadenceStepsModel::insertStep(int row, const CadenceStep &step)
{
    if (!canChange() || row < 0 || row > m_steps.size())
        return false;
    QList<CadenceStep> steps = m_steps;
    steps.insert(row, step);
    renumber(&steps);
    if (!commit(steps, tr("Add step %1").arg(row + 1)))
        return false;
    // The commit may already have shown the stored steps through setSteps().
    if (m_steps.size() != steps.size()) {
        beginInsertRows(QModelIndex(), row, row);
        m_steps.insert(row, steps.at(row));
        endInsertRows();
        renumberShown();
    }
    return true;
}

bool CadenceStepsModel::removeStep(int row)
{
    if (!canChange() || row < 0 || row >= m_steps.size())
        return false;
    QList<CadenceStep> steps = m_steps;
    const CadenceStep removed = steps.takeAt(row);
    renumber(&steps);
    const QString text = removed.purpose.trimmed().isEmpty()
        ? tr("Remove step %1").arg(row + 1)
        : tr("Remove step %1 (%2)").arg(row + 1).arg(removed.purpose.trimmed());
    if (!commit(steps, text))
        return false;
    if (m_steps.size() != steps.size()) {
        beginRemoveRows(QModelIndex(), row, row);
        m_steps.removeAt(row);
        endRemoveRows();
        renumberShown();
    }
    return true;
}

bool CadenceStepsModel::moveStep(int from, int to)
{
    if (from < 0 || from >= m_steps.size() || to < 0 || to >= m_steps.size() || from == to)
        return false;
    return moveRows(QModelIndex(), from, 1, QModelIndex(), to > from ? to + 1 : to);
}

bool CadenceStepsModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
    const QModelIndex &destinationParent, int destinationChild)
{
    const int size = int(m_steps.size());
    if (!canChange() || sourceParent.isValid() || destinationParent.isValid() || count < 1
        || sourceRow < 0 || sourceRow + count > size || destinationChild < 0
        || destinationChild > size
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    QList<CadenceStep> steps = m_steps;
    QList<CadenceStep> moved = steps.mid(sourceRow, count);
    steps.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < moved.size(); ++i)
        steps.insert(insertAt + i, moved.at(i));
    renumber(&steps);
    const QString text = count == 1
        ? tr("Move step %1 to position %2").arg(sourceRow + 1).arg(insertAt + 1)
        : tr("Move %n step(s)", nullptr, count);
    if (!commit(steps, text))
        return false;
    if (!sameOrder(m_steps, steps)) {
        beginMoveRows(
            QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild);
        const QList<CadenceStep> movedSteps = m_steps.mid(sourceRow, count);
        m_steps.remove(sourceRow, count);
        for (int i = 0; i < movedSteps.size(); ++i)
            m_steps.insert(insertAt + i, movedSteps.at(i));
        endMoveRows();
        renumberShown();
    }
    return true;
}

int CadenceStepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QString CadenceStepsModel::timingText(const CadenceStep &step, int position)
{
    QString wait;
    if (position <= 1) {
        if (step.waitDays == 0)
            wait = tr("At once");
        else if (step.businessDays)
            wait = tr("%n business day(s) after enrolling", nullptr, step.waitDays);
        else
            wait = tr("%n day(s) after enrolling", nullptr, step.waitDays);
    } else if (step.waitDays == 0) {
        wait = tr("Same day");
    } else if (step.businessDays) {
        wait = tr("%n business day(s) later", nullptr, step.waitDays);
    } else {
        wait = tr("%n day(s) later", nullptr, step.waitDays);
    }
    if (!step.hasWindow())
        return tr("%1, any time").arg(wait);
    return tr("%1, %2").arg(wait, formatSendWindow(step.windowStartMinute, step.windowEndMinute));
}

QVariant CadenceStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CadenceStep &step = m_steps.at(index.row());
    // The stored position: during an insertion, removal or move, rows keep
    // their data until the model says it changed.
    const int position = step.position > 0 ? step.position : index.row() + 1;
    switch (role) {
    case Qt::DisplayRole: {
        const QString purpose = step.purpose.trimmed();
        return purpose.isEmpty()
            ? tr("%1. %2").arg(position).arg(channelDisplayName(step.channel))
            : tr("%1. %2: %3").arg(position).arg(channelDisplayName(step.channel), purpose);
    }
    case Qt::ToolTipRole: {
        QStringList lines {timingText(step, position)};
        if (!step.purpose.trimmed().isEmpty())
            lines.prepend(step.purpose.trimmed());
        lines.append(m_warnings.value(position));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        return tr("Step %1, %2, %3")
            .arg(position)
            .arg(channelDisplayName(step.channel), timingText(step, position));
    case StepIdRole:
        return step.id;
    case PositionRole:
        return position;
    case ChannelRole:
        return channelKey(step.channel);
    case ChannelNameRole:
        return channelDisplayName(step.channel);
    case WaitDaysRole:
        return step.waitDays;
    case BusinessDaysRole:
        return step.businessDays;
    case WindowStartRole:
        return step.hasWindow() ? step.windowStartMinute : -1;
    case WindowEndRole:
        return step.hasWindow() ? step.windowEndMinute : -1;
    case SendWindowRole:
        return formatSendWindow(step.windowStartMinute, step.windowEndMinute);
    case TimingRole:
        return timingText(step, position);
    case PurposeRole:
        return step.purpose;
    case SubjectRole:
        return step.subject;
    case BodyRole:
        return step.body;
    case WarningsRole:
        return m_warnings.value(position);
    default:
        return {};
    }
}

Qt::ItemFlags CadenceStepsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return canChange() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (canChange())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QHash<int, QByteArray> CadenceStepsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StepIdRole, "stepId");
    names.insert(PositionRole, "position");
    names.insert(ChannelRole, "channel");
    names.insert(ChannelNameRole, "channelName");
    names.insert(WaitDaysRole, "waitDays");
    names.insert(BusinessDaysRole, "businessDays");
    names.insert(WindowStartRole, "windowStart");
    names.insert(WindowEndRole, "windowEnd");
    names.insert(SendWindowRole, "sendWindow");
    names.insert(TimingRole, "timing");
    names.insert(PurposeRole, "purpose");
    names.insert(SubjectRole, "subject");
    names.insert(BodyRole, "body");
    names.insert(WarningsRole, "warnings");
    return names;
}

Qt::DropActions CadenceStepsModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CadenceStepsModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList CadenceStepsModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *CadenceStepsModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && !rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int row : std::as_const(rows))
        ids.append(m_steps.at(row).id);
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << m_cadenceId << ids;
    auto *data = new QMimeData;
    data->setData(mimeType(), encoded);
    return data;
}

QList<qint64> CadenceStepsModel::draggedIds(const QMimeData *data) const
{
    if (!data || !data->hasFormat(mimeType()))
        return {};
    QDataStream stream(data->data(mimeType()));
    qint64 cadenceId = 0;
    QList<qint64> ids;
    stream >> cadenceId >> ids;
    // Steps of another cadence (another window on the same file) are not moved here.
    if (stream.status() != QDataStream::Ok || cadenceId != m_cadenceId)
        return {};
    for (qint64 id : std::as_const(ids)) {
        if (id == 0 || rowOfStep(id) < 0)
            return {};
    }
    return ids;
}

bool CadenceStepsModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
    int column, const QModelIndex &parent) const
{
    Q_UNUSED(row)
    return canChange() && action == Qt::MoveAction && column <= 0
        && (!parent.isValid() || parent.model() == this) && !draggedIds(data).isEmpty();
}

bool CadenceStepsModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Dropped on a step: before it. Dropped below the last one: at the end.
    int destination = parent.isValid() ? parent.row() : row;
    if (destination < 0 || destination > m_steps.size())
        destination = int(m_steps.size());
    const QList<qint64> ids = draggedIds(data);
    QList<int> rows;
    for (qint64 id : ids)
        rows.append(rowOfStep(id));
    std::sort(rows.begin(), rows.end());
    if (rows.last() - rows.first() + 1 == rows.size())
        return moveRows(QModelIndex(), rows.first(), int(rows.size()), QModelIndex(), destination);

    // Steps picked here and there end up together, in their order, at the drop.
    QList<CadenceStep> steps;
    QList<CadenceStep> moved;
    int insertAt = destination;
    for (int r = 0; r < m_steps.size(); ++r) {
        if (rows.contains(r)) {
            moved.append(m_steps.at(r));
            if (r < destination)
                --insertAt;
        } else {
            steps.append(m_steps.at(r));
        }
    }
    for (int i = 0; i < moved.size(); ++i)
        steps.insert(insertAt + i, moved.at(i));
    renumber(&steps);
    if (idsOf(steps) == idsOf(m_steps))
        return false;
    if (!commit(steps, tr("Move %n step(s)", nullptr, int(moved.size()))))
        return false;
    if (!sameOrder(m_steps, steps)) {
        beginResetModel();
        m_steps = steps;
        endResetModel();
    }
    return true;
}

} // namespace Touchline
