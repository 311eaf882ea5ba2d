#include "ProspectEditor.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

namespace Touchline {

namespace {

// A command whose first redo() may fail; a failed command marks itself obsolete,
// which makes QUndoStack drop it instead of keeping a step that never happened.
class ProspectCommand : public QUndoCommand
{
public:
    ProspectCommand(ProspectEditor &editor, const QString &text)
        : QUndoCommand(text)
        , m_editor(editor)
    {
    }

protected:
    void finish(bool ok, const Error &error)
    {
        if (!m_editor.report(ok, error))
            setObsolete(true);
    }

    ProspectRepository &repository() { return m_editor.repository(); }

private:
    ProspectEditor &m_editor;
};

class AddProspectCommand : public ProspectCommand
{
public:
    AddProspectCommand(ProspectEditor &editor, const Prospect &prospect)
        : ProspectCommand(editor, ProspectEditor::tr("Add %1").arg(prospect.displayName()))
        , m_prospect(prospect)
    {
    }

    void redo() override
    {
        Error error;
        if (m_deleted.prospectIds.isEmpty())
            finish(repository().add(&m_prospect, &error), error);
        else
            finish(repository().restore(m_deleted, &error), error);
    }

    void undo() override
    {
        Error error;
        finish(repository().remove({m_prospect.id}, &m_deleted, &error), error);
    }

    qint64 prospectId() const { return m_prospect.id; }

private:
    Prospect m_prospect;
    DeletedProspects m_deleted;
};

class EditProspectCommand : public ProspectCommand
{
public:
    EditProspectCommand(ProspectEditor &editor, const Prospect &before, const Prospect &after)
        : ProspectCommand(editor, ProspectEditor::tr("Edit %1").arg(after.displayName()))
        , m_before(before)
        , m_after(after)
    {
    }

    // Each direction expects the version the other one left, so undo never
    // overwrites a teammate's later change.
    void redo() override { apply(&m_after, m_before.rowVersion); }
    void undo() override { apply(&m_before, m_after.rowVersion); }

private:
    void apply(Prospect *target, qint64 expectedVersion)
    {
        Prospect stored = *target;
        stored.rowVersion = expectedVersion;
        Error error;
        const bool ok = repository().update(&stored, &error);
        if (ok)
            target->rowVersion = stored.rowVersion;
        finish(ok, error);
    }

    Prospect m_before;
    Prospect m_after;
};

class DeleteProspectsCommand : public ProspectCommand
{
public:
    DeleteProspectsCommand(ProspectEditor &editor, const QList<qint64> &ids)
        : ProspectCommand(editor, ProspectEditor::tr("Delete %n prospect(s)", nullptr, int(ids.size())))
        , m_ids(ids)
    {
    }

    void redo() override
    {
        Error error;
        finish(repository().remove(m_ids, &m_deleted, &error), error);
    }

    void undo() override
    {
        Error error;
        finish(repository().restore(m_deleted, &error), error);
    }

private:
    QList<qint64> m_ids;
    DeletedProspects m_deleted;
};

} // namespace

ProspectEditor::ProspectEditor(Database &db, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_repository(db)
    , m_undoStack(undoStack)
{
}

bool ProspectEditor::report(bool ok, const Error &error)
{
    m_lastOk = ok;
    if (!ok && m_callerError)
        *m_callerError = error;
    else if (!ok)
        Q_EMIT failed(error.message);
    return ok;
}

bool ProspectEditor::pushCommand(QUndoCommand *command, Error *error)
{
    m_lastOk = false;
    m_callerError = error;
    m_undoStack->push(command);
    m_callerError = nullptr;
    return m_lastOk;
}

bool ProspectEditor::add(const Prospect &prospect, qint64 *newId, Error *error)
{
    auto *command = new AddProspectCommand(*this, prospect);
    if (!pushCommand(command, error))
        return false; // the stack has deleted the obsolete command
    if (newId)
        *newId = command->prospectId();
    return true;
}

bool ProspectEditor::edit(const Prospect &before, const Prospect &after, Error *error)
{
    return pushCommand(new EditProspectCommand(*this, before, after), error);
}

bool ProspectEditor::remove(const QList<qint64> &ids, Error *error)
{
    if (ids.isEmpty())
        return true;
    return pushCommand(new DeleteProspectsCommand(*this, ids), error);
}

} // namespace Touchline
