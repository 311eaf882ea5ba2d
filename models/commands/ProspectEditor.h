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

    // Each returns whether the change was made; on failure failed() says why.
    bool add(const Prospect &prospect, qint64 *newId = nullptr);
    bool edit(const Prospect &before, const Prospect &after);
    bool remove(const QList<qint64> &ids);

    // Used by the commands: record the outcome of one repository call.
    bool report(bool ok, const Error &error);

Q_SIGNALS:
    void failed(const QString &message);

private:
    bool pushCommand(QUndoCommand *command);

    ProspectRepository m_repository;
    QUndoStack *m_undoStack;
    bool m_lastOk = false;
};

} // namespace Touchline
