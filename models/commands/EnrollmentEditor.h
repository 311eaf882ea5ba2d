#pragma once

#include "EditCommand.h"
#include "storage/EnrollmentRepository.h"

namespace Touchline {

class Database;

// Enrolling prospects as an undoable command over EnrollmentRepository. Undo
// removes the enrollments again as long as nobody worked on them yet (no touch,
// skip, snooze or pause); otherwise it fails with the repository's message.
class EnrollmentEditor : public Editor
{
    Q_OBJECT
public:
    EnrollmentEditor(
        Database &db, QUndoStack *undoStack, qint64 authorId, QObject *parent = nullptr);

    EnrollmentRepository &repository() { return m_repository; }
    qint64 authorId() const { return m_authorId; }

    // Returns whether the change was made; `result` lists who was left out and why.
    bool enroll(const Cadence &cadence, const QList<qint64> &prospectIds, EnrollResult *result,
        Error *error = nullptr);
    // Snoozing and skipping the next step; undo takes back the event that records it.
    bool snooze(qint64 enrollmentId, const QDateTime &until, Error *error = nullptr);
    bool skipStep(qint64 enrollmentId, Error *error = nullptr);

private:
    EnrollmentRepository m_repository;
    qint64 m_authorId;
};

} // namespace Touchline
