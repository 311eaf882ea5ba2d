#pragma once

#include "storage/ProspectRepository.h"

#include <QAbstractTableModel>
#include <QCache>

namespace Touchline {

class Database;
class ProspectEditor;

// The prospect table. Holds only the ordered ids of the matching prospects and
// fetches rows a page at a time, so 100,000 prospects cost a list of integers.
// Searching, filtering and sorting run in SQLite.
class ProspectTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Columns are the values of ProspectField, in that order.
    enum Role {
        ProspectIdRole = Qt::UserRole + 1, // qint64
        StatusKeyRole,                     // QString, e.g. "in_cadence"
    };
    Q_ENUM(Role)

    static constexpr int pageSize = 200;

    // Edits made in the table go through `editor`, so they are undoable.
    ProspectTableModel(Database &db, ProspectEditor *editor, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    ProspectQuery query() const { return m_query; }
    void setQuery(const ProspectQuery &query);
    void setSearch(const QString &search);
    void setStatusFilter(std::optional<ProspectStatus> status);

    qint64 idAt(int row) const;
    int rowOf(qint64 id) const;
    std::optional<Prospect> prospectAt(int row) const;
    // All prospects in the file, whatever the filter; -1 if it cannot be read.
    int totalCount() const;

public Q_SLOTS:
    // Re-reads the ids and rows from the file, keeping selections and the current
    // item on the same prospects where they still match.
    void refresh();

Q_SIGNALS:
    void errorOccurred(const QString &message);
    // An edit in a cell met someone else's change of the same field since the row
    // was read; nothing was saved. `mine` is `base` with the typed value.
    void editConflicted(const Touchline::Prospect &base, const Touchline::Prospect &mine);

private:
    void applyIds(const QList<qint64> &ids);
    bool orderDependsOnTouches() const;
    // Re-reads these prospects' rows only; for writes that cannot move or hide them.
    void refreshRows(const QList<qint64> &prospectIds);
    const QList<Prospect> *page(int pageIndex) const;

    Database &m_db;
    ProspectRepository m_repository;
    ProspectEditor *m_editor;
    ProspectQuery m_query;
    QList<qint64> m_ids;
    mutable QCache<int, QList<Prospect>> m_pages;
    mutable bool m_fetchErrorShown = false;
};

} // namespace Touchline
