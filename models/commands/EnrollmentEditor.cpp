#include "EnrollmentEditor.h"

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

// A snooze or skip: each run records a new event, which undo removes again.
class DecisionCommand : public EditCommand
{
public:
    using Decide = std::function<bool(EnrollmentEditor &editor, qint64 *eventId, Error *error)>;

    DecisionCommand(EnrollmentEditor &editor, const QString &text, Decide decide)
        : EditCommand(editor, text)
        , m_editor(editor)
        , m_decide(std::move(decide))
    {
    }

    void perform() override
    {
        Error error;
        finish(m_decide(m_editor, &m_eventId, &error), error);
    }

    void undo() override
    {
        Error error;
        finish(m_editor.repository().undoDecision(m_eventId, &error), error);
    }

private:
    EnrollmentEditor &m_editor;
    Decide m_decide;
    qint64 m_eventId = 0;
};

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

bool EnrollmentEditor::snooze(qint64 enrollmentId, const QDateTime &until, Error *error)
{
    return pushCommand(
        new DecisionCommand(*this, tr("Snooze step"),
            [enrollmentId, until](EnrollmentEditor &editor, qint64 *eventId, Error *failure) {
                return editor.repository().snooze(
                    enrollmentId, until, editor.authorId(), failure, eventId);
            }),
        error);
}

bool EnrollmentEditor::skipStep(qint64 enrollmentId, Error *error)
{
    return pushCommand(
        new DecisionCommand(*this, tr("Skip step"),
            [enrollmentId](EnrollmentEditor &editor, qint64 *eventId, Error *failure) {
                return editor.repository().skipStep(
                    enrollmentId, editor.authorId(), failure, eventId);
            }),
        error);
}

} // namespace Touchline
