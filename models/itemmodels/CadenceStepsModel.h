#pragma once

#include "domain/Cadence.h"
#include "domain/CadenceLinter.h"

#include <QAbstractListModel>

#include <functional>

namespace Touchline {

// The steps of one cadence, in order, for the cadence editor. The model never
// writes: every change (a move by drag and drop or by keyboard, an added or a
// removed step) is handed to the commit function as the whole new list of
// steps, which stores it (CadenceEditor, undoable). When that succeeds the model
// shows the new order; the editor then gives it the stored steps with
// setSteps(), which only updates what differs. Without a commit function, or
// while read-only, the steps cannot be changed.
class CadenceStepsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        StepIdRole = Qt::UserRole + 1, // qint64
        PositionRole,                  // int, 1-based
        ChannelRole,                   // QString key, e.g. "email"
        ChannelNameRole,               // QString, e.g. "Email"
        WaitDaysRole,                  // int
        BusinessDaysRole,              // bool
        WindowStartRole,               // int minutes after midnight, -1: any time
        WindowEndRole,                 // int
        SendWindowRole,                // QString, "08:00-10:00" or empty for any time
        TimingRole,                    // QString, e.g. "3 business days later, 08:00-10:00"
        PurposeRole,                   // QString
        SubjectRole,                   // QString
        BodyRole,                      // QString
        WarningsRole,                  // QStringList: the linter's advice on this step
    };
    Q_ENUM(Role)

    // Stores `steps` (the cadence's steps in their new order) as one undoable
    // change described by `undoText`; returns whether that worked.
    using CommitFunction
        = std::function<bool(const QList<CadenceStep> &steps, const QString &undoText)>;

    static QString mimeType();

    explicit CadenceStepsModel(QObject *parent = nullptr);

    void setCommitFunction(CommitFunction commit) { m_commit = std::move(commit); }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Shows the steps of cadence `cadenceId`. The same cadence again updates the
    // rows in place (moves, insertions and removals by step id, then changed
    // values), so a view keeps its current step.
    void setSteps(qint64 cadenceId, const QList<CadenceStep> &steps);
    qint64 cadenceId() const { return m_cadenceId; }
    const QList<CadenceStep> &steps() const { return m_steps; }
    CadenceStep stepAt(int row) const { return m_steps.value(row); }
    int rowOfStep(qint64 stepId) const;

    // The linter's advice, shown on the steps it names.
    void setWarnings(const QList<LintWarning> &warnings);

    // Changes through the commit function. Each returns whether it was made.
    bool insertStep(int row, const CadenceStep &step);
    bool removeStep(int row);
    bool moveStep(int from, int to); // `to`: the row the step ends up in

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Moves go through the commit function too. `destinationChild` is the row
    // before which the rows are put, counted before the move (as in
    // beginMoveRows()).
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
        const QModelIndex &destinationParent, int destinationChild) override;

    // Drag and drop inside the list: the dragged steps are named by id and moved.
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    // "At once", "3 days later", "5 business days later, 08:00-10:00"...
    static QString timingText(const CadenceStep &step, int position);

private:
    bool canChange() const { return m_commit && !m_readOnly; }
    bool commit(const QList<CadenceStep> &steps, const QString &undoText);
    QList<qint64> draggedIds(const QMimeData *data) const;
    void emitAllChanged();
    void renumberShown();

    qint64 m_cadenceId = 0;
    QList<CadenceStep> m_steps;
    QHash<int, QStringList> m_warnings; // by 1-based position
    CommitFunction m_commit;
    bool m_readOnly = false;
};

} // namespace Touchline
