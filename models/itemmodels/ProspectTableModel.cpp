#include "ProspectTableModel.h"

#include "commands/ProspectEditor.h"
#include "storage/Database.h"

#include <QHash>
#include <QSet>

namespace Touchline {

namespace {

constexpr int columnTotal = int(ProspectField::TouchCount) + 1;
// More separate insert/remove blocks than this and a reset is cheaper for the views.
constexpr int maxIncrementalBlocks = 64;

bool isEditable(ProspectField field)
{
    switch (field) {
    case ProspectField::FirstName:
    case ProspectField::LastName:
    case ProspectField::Company:
    case ProspectField::Title:
    case ProspectField::Email:
    case ProspectField::Phone:
    case ProspectField::LinkedInUrl:
    case ProspectField::Status:
        return true;
    default:
        return false;
    }
}

QVariant displayValue(const Prospect &p, ProspectField field)
{
    if (const auto member = prospectTextMember(field))
        return p.*member;
    switch (field) {
    case ProspectField::Owner:
        return p.ownerName;
    case ProspectField::Status:
        return statusDisplayName(p.status);
    case ProspectField::CreatedAt:
        return p.createdAt.toLocalTime();
    case ProspectField::LastTouchAt:
        return p.lastTouchAt.isValid() ? QVariant(p.lastTouchAt.toLocalTime()) : QVariant();
    case ProspectField::NextDueAt:
        return p.nextDueAt.isValid() ? QVariant(p.nextDueAt.toLocalTime()) : QVariant();
    case ProspectField::TouchCount:
        return p.touchCount;
    default:
        return {};
    }
}

int countBlocks(const QList<qint64> &ids, const QSet<qint64> &present)
{
    int blocks = 0;
    bool inBlock = false;
    for (qint64 id : ids) {
        const bool missing = !present.contains(id);
        if (missing && !inBlock)
            ++blocks;
        inBlock = missing;
    }
    return blocks;
}

} // namespace

ProspectTableModel::ProspectTableModel(Database &db, ProspectEditor *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_repository(db)
    , m_editor(editor)
    , m_pages(64)
{
    connect(&db, &Database::changed, this,
        [this](Database::Tables tables, const QList<qint64> &prospectIds) {
            if (!(tables
                    & (Database::Table::Prospects | Database::Table::Users
                        | Database::Table::Touches | Database::Table::Enrollments)))
                return;
            if (!prospectIds.isEmpty() && !orderDependsOnTouches())
                refreshRows(prospectIds);
            else
                refresh();
        });
    refresh();
}

int ProspectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ProspectTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

const QList<Prospect> *ProspectTableModel::page(int pageIndex) const
{
    if (const QList<Prospect> *cached = m_pages.object(pageIndex))
        return cached;
    const QList<qint64> ids = m_ids.mid(qsizetype(pageIndex) * pageSize, pageSize);
    auto *rows = new QList<Prospect>;
    Error error;
    if (!m_repository.fetch(ids, rows, &error)) {
        delete rows;
        if (!m_fetchErrorShown) {
            m_fetchErrorShown = true;
            // data() is const and may run during painting: report from the event loop.
            QMetaObject::invokeMethod(
                const_cast<ProspectTableModel *>(this),
                [this, message = error.message] {
                    Q_EMIT const_cast<ProspectTableModel *>(this)->errorOccurred(message);
                },
                Qt::QueuedConnection);
        }
        return nullptr;
    }
    m_pages.insert(pageIndex, rows);
    return m_pages.object(pageIndex);
}

std::optional<Prospect> ProspectTableModel::prospectAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return std::nullopt;
    const QList<Prospect> *rows = page(row / pageSize);
    if (!rows)
        return std::nullopt;
    // A page skips ids deleted since the list was read, so match by id.
    const qint64 id = m_ids.at(row);
    const int offset = row % pageSize;
    if (offset < rows->size() && rows->at(offset).id == id)
        return rows->at(offset);
    for (const Prospect &p : *rows) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

QVariant ProspectTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto field = ProspectField(index.column());
    if (role == ProspectIdRole)
        return m_ids.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return field == ProspectField::TouchCount ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant();
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole
        && role != StatusKeyRole)
        return {};
    const std::optional<Prospect> p = prospectAt(index.row());
    if (!p)
        return {};
    if (role == StatusKeyRole)
        return statusKey(p->status);
    if (role == Qt::EditRole && field == ProspectField::Status)
        return statusKey(p->status);
    if (role == Qt::ToolTipRole)
        return field == ProspectField::LinkedInUrl || field == ProspectField::Email
            ? displayValue(*p, field)
            : QVariant();
    return displayValue(*p, field);
}

QVariant ProspectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnTotal)
        return QAbstractTableModel::headerData(section, orientation, role);
    return fieldDisplayName(ProspectField(section));
}

Qt::ItemFlags ProspectTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && m_editor && !m_db.isReadOnly()
        && isEditable(ProspectField(index.column())))
        result |= Qt::ItemIsEditable;
    return result;
}

bool ProspectTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_editor
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto field = ProspectField(index.column());
    if (!isEditable(field))
        return false;
    const std::optional<Prospect> before = prospectAt(index.row());
    if (!before)
        return false;
    Prospect after = *before;
    if (field == ProspectField::Status) {
        if (!statusFromKey(value.toString(), &after.status)) {
            Q_EMIT errorOccurred(tr("\"%1\" is not a prospect status.").arg(value.toString()));
            return false;
        }
    } else {
        after.*prospectTextMember(field) = value.toString();
    }
    after = normalizedProspect(after);
    if (after == *before)
        return true;
    const QList<FieldError> errors = validateProspect(after);
    if (!errors.isEmpty()) {
        Q_EMIT errorOccurred(errors.first().message);
        return false;
    }
    // The editor's write refreshes this model through Database::changed.
    Error error;
    if (!m_editor->edit(*before, after, &error)) {
        if (error.kind == Error::Kind::Conflict)
            Q_EMIT editConflicted(*before, after);
        else
            Q_EMIT errorOccurred(error.message);
        return false;
    }
    return true;
}

void ProspectTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnTotal)
        return;
    ProspectQuery query = m_query;
    query.sortField = ProspectField(column);
    query.sortOrder = order;
    setQuery(query);
}

void ProspectTableModel::setSearch(const QString &search)
{
    ProspectQuery query = m_query;
    query.search = search;
    setQuery(query);
}

void ProspectTableModel::setStatusFilter(std::optional<ProspectStatus> status)
{
    ProspectQuery query = m_query;
    query.status = status;
    setQuery(query);
}

qint64 ProspectTableModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int ProspectTableModel::rowOf(qint64 id) const
{
    return int(m_ids.indexOf(id));
}

bool ProspectTableModel::orderDependsOnTouches() const
{
    // Touches change a prospect's status and its touch-derived columns, and
    // nothing else: only a filter or sort on those can move or hide its row.
    switch (m_query.sortField) {
    case ProspectField::Status:
    case ProspectField::LastTouchAt:
    case ProspectField::NextDueAt:
    case ProspectField::TouchCount:
        return true;
    default:
        return m_query.status.has_value();
    }
}

void ProspectTableModel::refreshRows(const QList<qint64> &prospectIds)
{
    for (qint64 id : prospectIds) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        m_pages.remove(row / pageSize);
        Q_EMIT dataChanged(index(row, 0), index(row, columnTotal - 1));
    }
}

int ProspectTableModel::totalCount() const
{
    Error error;
    return m_repository.count(&error);
}

void ProspectTableModel::refresh()
{
    setQuery(m_query);
}

void ProspectTableModel::setQuery(const ProspectQuery &query)
{
    QList<qint64> ids;
    Error error;
    if (!m_repository.ids(query, &ids, &error)) {
        Q_EMIT errorOccurred(error.message);
        return;
    }
    m_query = query;
    applyIds(ids);
}

// Moves from the current ids to `newIds` with the smallest set of signals that
// keeps views, selections and the current item on the same prospects.
//
// Pages are cut by row, so every change to m_ids empties the page cache before
// the signal that announces it: views, selection models and testers read rows
// between the steps, and a page cached for the old rows would hide new ones.
void ProspectTableModel::applyIds(const QList<qint64> &newIds)
{
    m_pages.clear();
    m_fetchErrorShown = false;
    const QSet<qint64> newSet(newIds.cbegin(), newIds.cend());
    const QSet<qint64> oldSet(m_ids.cbegin(), m_ids.cend());

    if (countBlocks(m_ids, newSet) + countBlocks(newIds, oldSet) > maxIncrementalBlocks) {
        beginResetModel();
        m_ids = newIds;
        m_pages.clear();
        endResetModel();
        return;
    }

    for (int row = int(m_ids.size()) - 1; row >= 0;) {
        if (newSet.contains(m_ids.at(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !newSet.contains(m_ids.at(row)))
            --row;
        beginRemoveRows({}, row + 1, last);
        m_ids.remove(row + 1, last - row);
        m_pages.clear();
        endRemoveRows();
    }

    QList<qint64> kept;
    kept.reserve(m_ids.size());
    for (qint64 id : newIds) {
        if (oldSet.contains(id))
            kept.append(id);
    }
    if (kept != m_ids) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QHash<qint64, int> newRows;
        newRows.reserve(kept.size());
        for (int row = 0; row < kept.size(); ++row)
            newRows.insert(kept.at(row), row);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(createIndex(newRows.value(m_ids.at(index.row())), index.column()));
        m_ids = kept;
        m_pages.clear();
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    for (int row = 0; row < newIds.size();) {
        if (oldSet.contains(newIds.at(row))) {
            ++row;
            continue;
        }
        const int first = row;
        while (row < newIds.size() && !oldSet.contains(newIds.at(row)))
            ++row;
        beginInsertRows({}, first, row - 1);
        m_ids.insert(first, row - first, 0);
        std::copy(newIds.cbegin() + first, newIds.cbegin() + row, m_ids.begin() + first);
        m_pages.clear();
        endInsertRows();
    }

    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnTotal - 1));
}

} // namespace Touchline
