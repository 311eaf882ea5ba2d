#include "EnrollmentEditor.h"

#include <memory>

namespace Touchline {

namespace {

class EnrollCommand : public EditCommand
{
public:
    // `firstResult` receives what the first run did; later redos do not write it.
    EnrollCommand(EnrollmentEditor &editor, const Cadence &cadence, const QList<qint64> &ids,
        EnrollResult *firstResult)
        : EditCommand(editor, EnrollmentEditor::tr("Enroll in %1").arg(cadence.name))
        , m_editor(editor)
        , m_cadenceId(cadence.id)
        , m_prospectIds(ids)
        , m_firstResult(firstResult)
    {
    }

    // Each redo enrolls afresh: the enrollments undo removed are gone. A run that
    // enrolls nobody fails, so that no empty step lands on the undo stack.
    void perform() override
    {
        Error error;
        bool ok = m_editor.repository().enroll(
            m_cadenceId, m_prospectIds, m_editor.authorId(), &m_result, &error);
        if (m_firstResult) {
            *m_firstResult = m_result;
            m_firstResult = nullptr;
        }
        if (ok && m_result.enrolled.isEmpty())
            ok = fail(&error, Error::Kind::Invalid,
                EnrollmentEditor::tr("None of these prospects could be enrolled."));
        finish(ok, error);
    }

    void undo() override
    {
        Error error;
        finish(m_editor.repository().removeUntouched(m_result.enrolled, &error), error);
    }

private:
    EnrollmentEditor &m_editor;
    qint64 m_cadenceId;
    QList<qint64> m_prospectIds;
    EnrollResult m_result;
    EnrollResult *m_firstResult;
};

// Decisions about enrollments (pause, resume, snooze, skip, take out): each run
// records new events, which undo removes again.
class DecisionCommand : public EditCommand
{
public:
    using Decide
        = std::function<bool(EnrollmentEditor &editor, QList<qint64> *eventIds, Error *error)>;

    DecisionCommand(EnrollmentEditor &editor, const QString &text, Decide decide)
        : EditCommand(editor, text)
        , m_editor(editor)
        , m_decide(std::move(decide))
    {
    }

    void perform() override
    {
        Error error;
        m_eventIds.clear();
        finish(m_decide(m_editor, &m_eventIds, &error), error);
    }

    void undo() override
    {
        Error error;
        finish(m_editor.repository().undoDecisions(m_eventIds, &error), error);
    }

private:
    EnrollmentEditor &m_editor;
    Decide m_decide;
    QList<qint64> m_eventIds;
};

// Runs a decision about one enrollment for each of `enrollmentIds`; when one is
// refused, takes back those already made so that the command is all or nothing.
using DecideOne = std::function<bool(
    EnrollmentRepository &repository, qint64 enrollmentId, qint64 *eventId, Error *error)>;
DecisionCommand::Decide forEach(const QList<qint64> &enrollmentIds, DecideOne decideOne)
{
    return [enrollmentIds, decideOne = std::move(decideOne)](
               EnrollmentEditor &editor, QList<qint64> *eventIds, Error *error) {
        for (const qint64 enrollmentId : enrollmentIds) {
            qint64 eventId = 0;
            if (!decideOne(editor.repository(), enrollmentId, &eventId, error)) {
                editor.repository().undoDecisions(*eventIds, nullptr);
                eventIds->clear();
                return false;
            }
            eventIds->append(eventId);
        }
        return true;
    };
}

} // namespace

EnrollmentEditor::EnrollmentEditor(
    Database &db, QUndoStack *undoStack, qint64 authorId, QObject *parent)
    : Editor(undoStack, parent)
    , m_repository(db)
    , m_authorId(authorId)
{
}

bool EnrollmentEditor::enroll(
    const Cadence &cadence, const QList<qint64> &prospectIds, EnrollResult *result, Error *error)
{
    EnrollResult outcome;
    const bool ok = pushCommand(new EnrollCommand(*this, cadence, prospectIds, &outcome), error);
    if (result)
        *result = outcome;
    return ok;
}

bool EnrollmentEditor::unenroll(const QList<qint64> &prospectIds, int *stopped, Error *error)
{
    // The count of the first run; the command outlives this call.
    const auto count = std::make_shared<int>(0);
    const bool ok
        = pushCommand(new DecisionCommand(*this, tr("Take out of cadence"),
                          [prospectIds, count](
                              EnrollmentEditor &editor, QList<qint64> *eventIds, Error *failure) {
                              // Stopping nobody would leave an empty step on the undo stack.
                              return editor.repository().unenroll(prospectIds, editor.authorId(),
                                         count.get(), failure, eventIds)
                                  && (*count > 0
                                      || fail(failure, Error::Kind::Invalid,
                                          tr("None of these prospects is in a running cadence.")));
                          }),
            error);
    if (stopped)
        *stopped = *count;
    return ok;
}

bool EnrollmentEditor::pause(const QList<qint64> &enrollmentIds, Error *error)
{
    return pushCommand(new DecisionCommand(*this, tr("Pause cadence"),
                           forEach(enrollmentIds,
                               [this](EnrollmentRepository &repository, qint64 id, qint64 *eventId,
                                   Error *failure) {
                                   return repository.pause(id, m_authorId, failure, eventId);
                               })),
        error);
}

bool EnrollmentEditor::resume(const QList<qint64> &enrollmentIds, Error *error)
{
    return pushCommand(new DecisionCommand(*this, tr("Resume cadence"),
                           forEach(enrollmentIds,
                               [this](EnrollmentRepository &repository, qint64 id, qint64 *eventId,
                                   Error *failure) {
                                   return repository.resume(id, m_authorId, failure, eventId);
                               })),
        error);
}

bool EnrollmentEditor::snooze(qint64 enrollmentId, const QDateTime &until, Error *error)
{
    return pushCommand(
        new DecisionCommand(*this, tr("Snooze step"),
            forEach({enrollmentId},
                [this, until](
                    EnrollmentRepository &repository, qint64 id, qint64 *eventId, Error *failure) {
                    return repository.snooze(id, until, m_authorId, failure, eventId);
                })),
        error);
}

bool EnrollmentEditor::skipStep(qint64 enrollmentId, Error *error)
{
    return pushCommand(new DecisionCommand(*this, tr("Skip step"),
                           forEach({enrollmentId},
                               [this](EnrollmentRepository &repository, qint64 id, qint64 *eventId,
                                   Error *failure) {
                                   return repository.skipStep(id, m_authorId, failure, eventId);
                               })),
        error);
}

} // namespace Touchline
