#pragma once

#include "EditCommand.h"
#include "storage/EnrollmentRepository.h"

namespace Touchline {

class Database;

// Enrolling prospects and deciding about their enrollments as undoable commands
// over EnrollmentRepository. Undoing an enrollment removes it again as long as
// nobody worked on it yet (no touch, skip, snooze or pause); undoing a decision
// needs it to be the enrollment's latest. Otherwise undo fails with the
// repository's message.
class EnrollmentEditor : public Editor
{
    Q_OBJECT
public:
    EnrollmentEditor(
        Database &db, QUndoStack *undoStack, qint64 authorId, QObject *parent = nullptr);

    EnrollmentRepository &repository() { return m_repository; }
    qint64 authorId() const { return m_authorId; }
    // Changes made from now on are recorded under this user (0: unknown).
    void setAuthorId(qint64 userId) { m_authorId = userId; }

    // Returns whether the change was made; `result` lists who was left out and why.
    bool enroll(const Cadence &cadence, const QList<qint64> &prospectIds, EnrollResult *result,
        Error *error = nullptr);
    // Decisions; undo takes back the events that record them. Each is all or
    // nothing: when one enrollment refuses, none changes.
    bool unenroll(const QList<qint64> &prospectIds, int *stopped, Error *error = nullptr);
    bool pause(const QList<qint64> &enrollmentIds, Error *error = nullptr);
    bool resume(const QList<qint64> &enrollmentIds, Error *error = nullptr);
    bool snooze(qint64 enrollmentId, const QDateTime &until, Error *error = nullptr);
    bool skipStep(qint64 enrollmentId, Error *error = nullptr);

private:
    EnrollmentRepository m_repository;
    qint64 m_authorId;
};

} // namespace Touchline
