#include "ProspectEditor.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

namespace Touchline {

namespace {

// A change that may fail. The editor makes it once before pushing the command,
// because QUndoStack::push() clears the redo history even for a command that it
// then drops; a command whose later undo or redo fails marks itself obsolete,
// which makes QUndoStack drop it instead of keeping a step that never happened.
class ProspectCommand : public QUndoCommand
{
public:
    ProspectCommand(ProspectEditor &editor, const QString &text)
        : QUndoCommand(text)
        , m_editor(editor)
    {
    }

    // Makes the change before push(), which then skips the redo() it would run.
    void runFirst()
    {
        perform();
        m_skipRedo = !isObsolete();
    }

    void redo() final
    {
        if (m_skipRedo)
            m_skipRedo = false;
        else
            perform();
    }

protected:
    virtual void perform() = 0; // what redo() does

    void finish(bool ok, const Error &error)
    {
        if (!m_editor.report(ok, error))
            setObsolete(true);
    }

    ProspectRepository &repository() { return m_editor.repository(); }

private:
    ProspectEditor &m_editor;
    bool m_skipRedo = false;
};

class AddProspectCommand : public ProspectCommand
{
public:
    AddProspectCommand(ProspectEditor &editor, const Prospect &prospect)
        : ProspectCommand(
            editor, ProspectEditor::tr("Add %1").arg(normalizedProspect(prospect).displayName()))
        , m_prospect(prospect)
    {
    }

    void perform() override
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
        : ProspectCommand(
            editor, ProspectEditor::tr("Edit %1").arg(normalizedProspect(after).displayName()))
        , m_before(before)
        , m_after(after)
    {
    }

    // Each direction expects the version the other one left, so undo never
    // overwrites a teammate's later change.
    void perform() override { store(&m_after, m_before.rowVersion); }
    void undo() override { store(&m_before, m_after.rowVersion); }

private:
    void store(Prospect *target, qint64 expectedVersion)
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
        : ProspectCommand(
            editor, ProspectEditor::tr("Delete %n prospect(s)", nullptr, int(ids.size())))
        , m_ids(ids)
    {
    }

    void perform() override
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
    static_cast<ProspectCommand *>(command)->runFirst(); // every command here is one
    m_callerError = nullptr;
    if (!m_lastOk) {
        delete command; // never pushed: the undo history stays as it was
        return false;
    }
    m_undoStack->push(command);
    return true;
}

bool ProspectEditor::add(const Prospect &prospect, qint64 *newId, Error *error)
{
    auto *command = new AddProspectCommand(*this, prospect);
    if (!pushCommand(command, error))
        return false; // pushCommand() has deleted the failed command
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
