#include "EditCommand.h"

#include <QUndoStack>

namespace Touchline {

Editor::Editor(QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_undoStack(undoStack)
{
}

bool Editor::report(bool ok, const Error &error)
{
    m_lastOk = ok;
    if (!ok && m_callerError)
        *m_callerError = error;
    else if (!ok)
        Q_EMIT failed(error.message);
    return ok;
}

bool Editor::pushCommand(EditCommand *command, Error *error)
{
    m_lastOk = false;
    m_callerError = error;
    command->runFirst();
    m_callerError = nullptr;
    if (!m_lastOk) {
        delete command; // never pushed: the undo history stays as it was
        return false;
    }
    m_undoStack->push(command);
    return true;
}

EditCommand::EditCommand(Editor &editor, const QString &text)
    : QUndoCommand(text)
    , m_editor(editor)
{
}

void EditCommand::runFirst()
{
    perform();
    m_skipRedo = !isObsolete();
}

void EditCommand::redo()
{
    if (m_skipRedo)
        m_skipRedo = false;
    else
        perform();
}

void EditCommand::finish(bool ok, const Error &error)
{
    if (!m_editor.report(ok, error))
        setObsolete(true);
}

} // namespace Touchline
