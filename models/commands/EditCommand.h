#pragma once

#include "storage/Error.h"

#include <QObject>
#include <QUndoCommand>

class QUndoStack;

namespace Touchline {

class EditCommand;

// What ProspectEditor and TouchEditor share: every change is an undoable command
// over a repository, made once before it is pushed, and a change that fails is
// not put on the undo stack. The reason for a failure goes to the caller's
// Error, or, when the caller passes none (undo, redo), to failed().
class Editor : public QObject
{
    Q_OBJECT
public:
    explicit Editor(QUndoStack *undoStack, QObject *parent = nullptr);

    QUndoStack *undoStack() const { return m_undoStack; }

    // Used by the commands: record the outcome of one repository call.
    bool report(bool ok, const Error &error);

Q_SIGNALS:
    // A change nobody asked to hear about failed, such as an undo or a redo.
    void failed(const QString &message);

protected:
    // Runs the command once and pushes it if that worked; deletes it otherwise.
    bool pushCommand(EditCommand *command, Error *error);

private:
    QUndoStack *m_undoStack;
    bool m_lastOk = false;
    Error *m_callerError = nullptr; // where the running call wants its error
};

// A change that may fail. The editor makes it once before pushing the command,
// because QUndoStack::push() clears the redo history even for a command that it
// then drops; a command whose later undo or redo fails marks itself obsolete,
// which makes QUndoStack drop it instead of keeping a step that never happened.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(Editor &editor, const QString &text);

    // Makes the change before push(), which then skips the redo() it would run.
    void runFirst();
    void redo() final;

protected:
    virtual void perform() = 0; // what redo() does

    // Every perform() and undo() ends here with the repository's answer.
    void finish(bool ok, const Error &error);

private:
    Editor &m_editor;
    bool m_skipRedo = false;
};

} // namespace Touchline
