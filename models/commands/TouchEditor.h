#pragma once

#include "EditCommand.h"
#include "domain/Touch.h"
#include "storage/TouchRepository.h"

namespace Touchline {

class Database;

// The one path by which the app changes touches: every change is an undoable
// command over TouchRepository, which applies the rules (numbering, status,
// do-not-contact). A change that fails is not put on the undo stack.
class TouchEditor : public Editor
{
    Q_OBJECT
public:
    // `authorId` is the user who logs touches and lifts do-not-contact (0: unknown).
    TouchEditor(Database &db, QUndoStack *undoStack, qint64 authorId, QObject *parent = nullptr);

    TouchRepository &repository() { return m_repository; }
    qint64 authorId() const { return m_authorId; }
    // Changes made from now on are recorded under this user (0: unknown).
    void setAuthorId(qint64 userId) { m_authorId = userId; }

    // Each returns whether the change was made. On failure the reason goes to
    // `error`, or, when the caller passes none, to failed().
    // A touch without an author is logged by authorId().
    bool log(const Touch &touch, qint64 *newId = nullptr, Error *error = nullptr);
    // Refused as a conflict when the stored touch no longer matches `before`.
    bool edit(const Touch &before, const Touch &after, Error *error = nullptr);
    bool remove(qint64 touchId, Error *error = nullptr);
    bool liftDoNotContact(qint64 prospectId, Error *error = nullptr);

private:
    TouchRepository m_repository;
    qint64 m_authorId;
};

} // namespace Touchline
