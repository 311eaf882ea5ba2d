#include "ProspectEditor.h"

#include <QCoreApplication>

namespace Touchline {

namespace {

// The commands reach the repository through their editor.
class ProspectCommand : public EditCommand
{
public:
    ProspectCommand(ProspectEditor &editor, const QString &text)
        : EditCommand(editor, text)
        , m_editor(editor)
    {
    }

protected:
    ProspectRepository &repository() { return m_editor.repository(); }

private:
    ProspectEditor &m_editor;
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

    // Each direction starts from the row the other one left: it stores only the
    // fields this edit changed, so a teammate's later change to another field
    // stays, and one to the same field makes the undo or redo a conflict.
    void perform() override { store(&m_after, m_before); }
    void undo() override { store(&m_before, m_after); }

private:
    void store(Prospect *target, const Prospect &from)
    {
        Prospect stored = *target;
        stored.rowVersion = from.rowVersion;
        Error error;
        const bool ok = repository().update(&stored, &error, &from);
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
    : Editor(undoStack, parent)
    , m_repository(db)
{
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
