#include "CadenceEditor.h"

#include <QCoreApplication>

namespace Touchline {

namespace {

// Any value other commands do not use: saves merge only with saves.
constexpr int saveCommandId = 0x43616465; // "Cade"

Cadence normalized(Cadence cadence)
{
    cadence.name = cadence.name.trimmed();
    for (int i = 0; i < cadence.steps.size(); ++i)
        cadence.steps[i].position = i + 1;
    return cadence;
}

// The commands reach the repository through their editor.
class CadenceCommand : public EditCommand
{
public:
    CadenceCommand(CadenceEditor &editor, const QString &text)
        : EditCommand(editor, text)
        , m_editor(editor)
    {
    }

protected:
    CadenceRepository &repository() { return m_editor.repository(); }

    // finish(), and on success tells views which cadence changed.
    void finishOn(bool ok, const Error &error, qint64 cadenceId, qint64 stepId)
    {
        finish(ok, error);
        if (ok)
            Q_EMIT m_editor.cadenceChanged(cadenceId, stepId);
    }

private:
    CadenceEditor &m_editor;
};

// Creating and duplicating: the first run gives the cadence and its steps their
// ids, which a redo after an undo gives them again.
class AddCadenceCommand : public CadenceCommand
{
public:
    AddCadenceCommand(CadenceEditor &editor, const Cadence &cadence, const QString &text)
        : CadenceCommand(editor, text)
        , m_cadence(cadence)
    {
    }

    void perform() override
    {
        Cadence stored = m_cadence;
        Error error;
        const bool ok = repository().add(&stored, &error);
        if (ok)
            m_cadence = stored;
        finishOn(ok, error, m_cadence.id, 0);
    }

    void undo() override
    {
        Error error;
        finishOn(repository().remove(m_cadence.id, &error), error, m_cadence.id, 0);
    }

    qint64 cadenceId() const { return m_cadence.id; }

private:
    Cadence m_cadence;
};

// A save, renaming or archiving: the cadence before and after, each with the
// time it was stored, which the other direction expects to find in the file.
class SaveCadenceCommand : public CadenceCommand
{
public:
    SaveCadenceCommand(CadenceEditor &editor, const Cadence &before, const Cadence &after,
        const CadenceChange &change)
        : CadenceCommand(editor,
            change.text.isEmpty() ? CadenceEditor::tr("Edit cadence %1").arg(after.name.trimmed())
                                  : change.text)
        , m_before(before)
        , m_after(after)
        , m_change(change)
    {
    }

    // Redo removes the steps `after` lacks; undo puts them back and points what
    // referred to them (touches, skips, snoozes) at them again, and vice versa.
    void perform() override { store(&m_after, m_before, &m_redoRemoved, m_undoRemoved); }
    void undo() override { store(&m_before, m_after, &m_undoRemoved, m_redoRemoved); }

    int id() const override { return m_change.mergeKey.isEmpty() ? -1 : saveCommandId; }

    bool mergeWith(const QUndoCommand *command) override
    {
        const auto *other = static_cast<const SaveCadenceCommand *>(command);
        // Only a change that carries on from this one, in the same field, and
        // that removed no steps (whose links each command keeps for its undo).
        if (other->m_change.mergeKey != m_change.mergeKey || other->m_before != m_after
            || !m_redoRemoved.isEmpty() || !m_undoRemoved.isEmpty()
            || !other->m_redoRemoved.isEmpty())
            return false;
        m_after = other->m_after;
        // Typed and then deleted again: nothing left to undo.
        if (CadenceEditor::sameContent(m_before, m_after))
            setObsolete(true);
        return true;
    }

private:
    void store(Cadence *target, const Cadence &expected, QList<StepLinks> *removed,
        const QList<StepLinks> &relink)
    {
        Cadence stored = *target;
        QList<StepLinks> removedNow;
        Error error;
        bool ok = repository().save(&stored, expected.updatedAt, &removedNow, relink, &error);
        if (!ok && error.kind == Error::Kind::Conflict) {
            // Undoing and redoing the cadence's creation stores it again with a
            // new time but the same content: that is no teammate's change.
            Error readError;
            const std::optional<Cadence> current = repository().get(expected.id, &readError);
            if (current && CadenceEditor::sameContent(*current, expected)) {
                stored = *target;
                removedNow.clear();
                error = Error();
                ok = repository().save(&stored, current->updatedAt, &removedNow, relink, &error);
            }
        }
        if (ok) {
            // The save gave added steps their ids, which undo and redo keep.
            *target = stored;
            *removed = removedNow;
        }
        finishOn(ok, error, target->id, m_change.stepId);
    }

    Cadence m_before;
    Cadence m_after;
    CadenceChange m_change;
    QList<StepLinks> m_redoRemoved; // what pointed at the steps the redo removed
    QList<StepLinks> m_undoRemoved; // what pointed at the steps the undo removed
};

} // namespace

CadenceEditor::CadenceEditor(Database &db, QUndoStack *undoStack, QObject *parent)
    : Editor(undoStack, parent)
    , m_repository(db)
{
}

bool CadenceEditor::sameContent(const Cadence &a, const Cadence &b)
{
    Cadence left = normalized(a);
    const Cadence right = normalized(b);
    left.updatedAt = right.updatedAt;
    return left == right;
}

bool CadenceEditor::failWith(const Error &reason, Error *error)
{
    if (error)
        *error = reason;
    else
        Q_EMIT failed(reason.message);
    return false;
}

bool CadenceEditor::create(const Cadence &cadence, qint64 *newId, Error *error)
{
    auto *command
        = new AddCadenceCommand(*this, cadence, tr("New cadence %1").arg(cadence.name.trimmed()));
    if (!pushCommand(command, error))
        return false; // pushCommand() has deleted the failed command
    if (newId)
        *newId = command->cadenceId();
    return true;
}

bool CadenceEditor::duplicate(const Cadence &source, qint64 *newId, Error *error)
{
    Cadence copy = source;
    Error nameError;
    if (!m_repository.copyName(source.name.trimmed(), &copy.name, &nameError))
        return failWith(nameError, error);
    copy.id = 0;
    copy.archived = false;
    copy.createdAt = QDateTime();
    copy.updatedAt = QDateTime();
    for (CadenceStep &step : copy.steps)
        step.id = 0;
    auto *command = new AddCadenceCommand(
        *this, copy, tr("Duplicate %1 as %2").arg(source.name.trimmed(), copy.name));
    if (!pushCommand(command, error))
        return false;
    if (newId)
        *newId = command->cadenceId();
    return true;
}

bool CadenceEditor::save(
    const Cadence &before, const Cadence &after, const CadenceChange &change, Error *error)
{
    if (sameContent(before, after))
        return true;
    return pushCommand(new SaveCadenceCommand(*this, before, after, change), error);
}

bool CadenceEditor::rename(const Cadence &before, const QString &name, Error *error)
{
    Cadence after = before;
    after.name = name;
    return save(before, after,
        {tr("Rename %1 to %2").arg(before.name.trimmed(), name.trimmed()), {}, 0}, error);
}

bool CadenceEditor::setArchived(const Cadence &before, bool archived, Error *error)
{
    Cadence after = before;
    after.archived = archived;
    const QString text = archived ? tr("Archive %1").arg(before.name.trimmed())
                                  : tr("Restore %1").arg(before.name.trimmed());
    return save(before, after, {text, {}, 0}, error);
}

} // namespace Touchline
