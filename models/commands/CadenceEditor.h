#pragma once

#include "EditCommand.h"
#include "domain/Cadence.h"
#include "storage/CadenceRepository.h"

namespace Touchline {

class Database;

// How a save appears in the undo history.
struct CadenceChange
{
    QString text; // "Edit step 2 message"; empty: "Edit cadence <name>"
    // Saves with the same non-empty key in a row become one undo step, such as
    // the pauses while someone types in one field (the key names the field and
    // the time it has the focus).
    QString mergeKey;
    qint64 stepId = 0; // the step the change is about, for cadenceChanged()
};

// The one path by which the app changes cadences: every change is an undoable
// command over CadenceRepository. A change that fails is not put on the undo
// stack; one that would overwrite a teammate's later change fails as a conflict
// (Error::Kind::Conflict), whether it runs the first time or is undone or redone.
class CadenceEditor : public Editor
{
    Q_OBJECT
public:
    CadenceEditor(Database &db, QUndoStack *undoStack, QObject *parent = nullptr);

    CadenceRepository &repository() { return m_repository; }

    // Each returns whether the change was made. On failure the reason goes to
    // `error`, or, when the caller passes none, to failed().

    // Adds a new cadence; undo removes it (CadenceRepository::remove()).
    bool create(const Cadence &cadence, qint64 *newId = nullptr, Error *error = nullptr);
    // Adds a copy of `source` with its steps, unarchived, named "<name> (copy)".
    bool duplicate(const Cadence &source, qint64 *newId = nullptr, Error *error = nullptr);
    // Stores `after` over `before`, the cadence as it was read: its updatedAt is
    // the version the file must still hold. Steps are matched by id; steps
    // without an id are added. Undo stores `before` again, with the touches,
    // skips and snoozes of the steps the save removed pointing at them again.
    // Saving what is already stored changes nothing and pushes nothing.
    bool save(const Cadence &before, const Cadence &after, const CadenceChange &change = {},
        Error *error = nullptr);
    bool rename(const Cadence &before, const QString &name, Error *error = nullptr);
    // Archived cadences keep their history and enrollments but take no new ones.
    bool setArchived(const Cadence &before, bool archived, Error *error = nullptr);

    // Whether the two differ only in when they were stored (and in positions
    // and white space that storing normalises).
    static bool sameContent(const Cadence &a, const Cadence &b);

Q_SIGNALS:
    // A change, its undo or its redo stored (or removed) cadence `cadenceId`;
    // `stepId` is the step it was about, 0 for the cadence itself. An editor
    // view shows them, so that an undo shows what it undid.
    void cadenceChanged(qint64 cadenceId, qint64 stepId);

private:
    bool failWith(const Error &reason, Error *error);

    CadenceRepository m_repository;
};

} // namespace Touchline
