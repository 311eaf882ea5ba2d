#pragma once

#include "EditCommand.h"
#include "domain/Prospect.h"
#include "storage/ProspectRepository.h"

namespace Touchline {

class Database;

// The one path by which the app changes prospects: every change is an undoable
// command over the repository. A change that fails is not put on the undo stack.
class ProspectEditor : public Editor
{
    Q_OBJECT
public:
    ProspectEditor(Database &db, QUndoStack *undoStack, QObject *parent = nullptr);

    ProspectRepository &repository() { return m_repository; }
    // The user recorded as the author of the edits (0: unknown).
    void setAuthorId(qint64 userId) { m_repository.setEditorId(userId); }

    // Each returns whether the change was made. On failure the reason goes to
    // `error`, or, when the caller passes none, to failed().
    bool add(const Prospect &prospect, qint64 *newId = nullptr, Error *error = nullptr);
    // Stores the fields `after` changed from `before`; see ProspectRepository::update().
    bool edit(const Prospect &before, const Prospect &after, Error *error = nullptr);
    bool remove(const QList<qint64> &ids, Error *error = nullptr);

private:
    ProspectRepository m_repository;
};

} // namespace Touchline
