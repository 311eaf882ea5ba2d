#pragma once

#include "domain/Prospect.h"
#include "storage/ProspectRepository.h"

#include <QObject>

class QUndoCommand;
class QUndoStack;

namespace Touchline {

class Database;

// The one path by which the app changes prospects: every change is an undoable
// command over the repository. A change that fails is not put on the undo stack.
class ProspectEditor : public QObject
{
    Q_OBJECT
public:
    ProspectEditor(Database &db, QUndoStack *undoStack, QObject *parent = nullptr);

    ProspectRepository &repository() { return m_repository; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // Each returns whether the change was made. On failure the reason goes to
    // `error`, or, when the caller passes none, to failed().
    bool add(const Prospect &prospect, qint64 *newId = nullptr, Error *error = nullptr);
    bool edit(const Prospect &before, const Prospect &after, Error *error = nullptr);
    bool remove(const QList<qint64> &ids, Error *error = nullptr);

    // Used by the commands: record the outcome of one repository call.
    bool report(bool ok, const Error &error);

Q_SIGNALS:
    // A change nobody asked to hear about failed, such as an undo or a redo.
    void failed(const QString &message);

private:
    bool pushCommand(QUndoCommand *command, Error *error);

    ProspectRepository m_repository;
    QUndoStack *m_undoStack;
    bool m_lastOk = false;
    Error *m_callerError = nullptr; // where the running call wants its error
};

} // namespace Touchline
