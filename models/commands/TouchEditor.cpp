#include "TouchEditor.h"

#include <QCoreApplication>

namespace Touchline {

namespace {

// Every touch change is undone the same way: TouchRepository::undo() with what
// the change recorded.
class TouchCommand : public EditCommand
{
public:
    TouchCommand(TouchEditor &editor, const QString &text)
        : EditCommand(editor, text)
        , m_editor(editor)
    {
    }

    void undo() override
    {
        Error error;
        finish(repository().undo(m_undo, &error), error);
    }

protected:
    TouchRepository &repository() { return m_editor.repository(); }

    TouchUndo m_undo;

private:
    TouchEditor &m_editor;
};

class LogTouchCommand : public TouchCommand
{
public:
    LogTouchCommand(TouchEditor &editor, const Touch &touch)
        : TouchCommand(editor, TouchEditor::tr("Log %1").arg(channelDisplayName(touch.channel)))
        , m_touch(touch)
    {
    }

    // The first run gives the touch its id and created time; a redo keeps them.
    void perform() override
    {
        Error error;
        finish(repository().log(&m_touch, &m_undo, &error), error);
    }

    qint64 touchId() const { return m_touch.id; }

private:
    Touch m_touch;
};

class EditTouchCommand : public TouchCommand
{
public:
    EditTouchCommand(TouchEditor &editor, const Touch &before, const Touch &after)
        : TouchCommand(editor, TouchEditor::tr("Edit %1").arg(channelDisplayName(after.channel)))
        , m_before(before)
        , m_after(after)
    {
    }

    void perform() override
    {
        // Touches carry no row version: the repository compares the values the
        // user saw, inside its write transaction, to catch a teammate's edit.
        Error error;
        Touch after = m_after;
        after.id = m_before.id;
        finish(repository().update(&after, &m_undo, &error, &m_before), error);
    }

private:
    Touch m_before;
    Touch m_after;
};

class DeleteTouchCommand : public TouchCommand
{
public:
    DeleteTouchCommand(TouchEditor &editor, qint64 touchId)
        : TouchCommand(editor, TouchEditor::tr("Delete touch"))
        , m_touchId(touchId)
    {
    }

    void perform() override
    {
        Error error;
        finish(repository().remove(m_touchId, &m_undo, &error), error);
    }

private:
    qint64 m_touchId;
};

class LiftDoNotContactCommand : public TouchCommand
{
public:
    LiftDoNotContactCommand(TouchEditor &editor, qint64 prospectId, qint64 authorId)
        : TouchCommand(editor, TouchEditor::tr("Lift do-not-contact"))
        , m_prospectId(prospectId)
        , m_authorId(authorId)
    {
    }

    void perform() override
    {
        Error error;
        finish(repository().liftDoNotContact(m_prospectId, m_authorId, &m_undo, &error), error);
    }

private:
    qint64 m_prospectId;
    qint64 m_authorId;
};

} // namespace

TouchEditor::TouchEditor(Database &db, QUndoStack *undoStack, qint64 authorId, QObject *parent)
    : Editor(undoStack, parent)
    , m_repository(db)
    , m_authorId(authorId)
{
}

bool TouchEditor::log(const Touch &touch, qint64 *newId, Error *error)
{
    Touch authored = touch;
    if (!authored.authorId)
        authored.authorId = m_authorId;
    auto *command = new LogTouchCommand(*this, authored);
    if (!pushCommand(command, error))
        return false; // pushCommand() has deleted the failed command
    if (newId)
        *newId = command->touchId();
    return true;
}

bool TouchEditor::edit(const Touch &before, const Touch &after, Error *error)
{
    return pushCommand(new EditTouchCommand(*this, before, after), error);
}

bool TouchEditor::remove(qint64 touchId, Error *error)
{
    return pushCommand(new DeleteTouchCommand(*this, touchId), error);
}

bool TouchEditor::liftDoNotContact(qint64 prospectId, Error *error)
{
    return pushCommand(new LiftDoNotContactCommand(*this, prospectId, m_authorId), error);
}

} // namespace Touchline
