#pragma once

#include "Error.h"
#include "domain/Cadence.h"
#include "domain/CadenceEngine.h"
#include "domain/Prospect.h"
#include "domain/ProspectEvent.h"
#include "domain/Touch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QVariantList>

#include <functional>
#include <optional>

namespace Touchline {

class Database;

// One prospect's time in one cadence (table enrollments).
struct Enrollment
{
    qint64 id = 0;
    qint64 prospectId = 0;
    qint64 cadenceId = 0;
    QString cadenceName; // read-only, joined from cadences
    EnrollmentState state = EnrollmentState::Active;
    int nextPosition = 1;
    int stepCount = 0; // read-only: steps in the cadence now
    QDateTime enrolledAt;
    QDateTime endedAt;
    QDateTime dueAt; // Active only
    QDateTime pausedAt;
    QDateTime snoozedUntil;
};

// A step of a running enrollment, with the time it is due if every earlier step
// is done on time: the next one first, then the planned rest.
struct PlannedStep
{
    qint64 enrollmentId = 0;
    QString cadenceName;
    CadenceStep step;
    int stepCount = 0;
    QDateTime dueAt;
};

// One line of the due list: a step due for a prospect.
struct DueItem
{
    qint64 enrollmentId = 0;
    qint64 prospectId = 0;
    QString firstName;
    QString lastName;
    QString company;
    QString title;
    QString email;
    QString phone;
    QString linkedInUrl;
    qint64 ownerId = 0;
    QString ownerName;
    QString timeZoneId;
    QDateTime lastTouchAt;
    qint64 cadenceId = 0;
    QString cadenceName;
    int stepCount = 0;
    CadenceStep step;
    QDateTime dueAt;

    QString prospectName() const;
};

struct DueFilter
{
    QDateTime until;    // items due before this instant (e.g. the end of today)
    qint64 ownerId = 0; // 0: every owner
    QString channelKey; // empty: every channel
};

struct EnrollResult
{
    QList<qint64> enrolled;       // enrollment ids, one per prospect enrolled
    QList<qint64> alreadyRunning; // prospect ids already in a running cadence
    QList<qint64> doNotContact;   // prospect ids marked do not contact
    QList<qint64> notFound;       // prospect ids that do not exist
};

// An enrollment as stored and as the cadence engine derives it now.
struct EnrollmentDerivation
{
    Enrollment stored;
    QDateTime storedNextDueAt; // the prospect's next_due_at
    EnrollmentStatus derived;  // with nextPosition at least 1, as stored
    QDateTime derivedNextDueAt;
    // False: the prospect has no time zone, so due times are in the zone of
    // whoever derived them last, which may not be this machine's.
    bool zoneKnown = false;
};

// Enrollments: enrolling, pausing, resuming, snoozing, skipping, stopping, and
// the due list. What people decide is stored as they did it, with an event in
// the prospect's timeline; the state, next step and due time are derived by the
// cadence engine (domain/CadenceEngine.h) and stored for lists and sorting, and
// derived again whenever a touch, a skip or the cadence changes. Every write is
// one transaction and notifies Enrollments | Prospects.
class EnrollmentRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::EnrollmentRepository)

public:
    explicit EnrollmentRepository(Database &db);

    // Enrolls each prospect that is not in a running cadence and not marked do
    // not contact; the others are listed in the result. An archived or empty
    // cadence is refused.
    bool enroll(qint64 cadenceId, const QList<qint64> &prospectIds, qint64 authorId,
        EnrollResult *result, Error *error);
    // Takes the prospects out of their running cadence (state stopped).
    // `eventIds`, when given, receives the events recording it, for undoDecisions().
    bool unenroll(const QList<qint64> &prospectIds, qint64 authorId, int *stopped, Error *error,
        QList<qint64> *eventIds = nullptr);
    // Removes enrollments nobody acted on yet (no touch, skip or snooze), to undo
    // enroll(); refuses with Conflict otherwise, changing nothing.
    bool removeUntouched(const QList<qint64> &enrollmentIds, Error *error);
    // `eventId`, when given, receives the event recording a decision, for
    // undoDecisions().
    bool pause(qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId = nullptr);
    // Resumes a paused or bounced enrollment.
    bool resume(qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId = nullptr);
    // Moves the next step's due time to `until` (kept inside its send window).
    bool snooze(qint64 enrollmentId, const QDateTime &until, qint64 authorId, Error *error,
        qint64 *eventId = nullptr);
    // Marks the next step done without a touch.
    bool skipStep(qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId = nullptr);
    // Takes back pauses, resumes, snoozes, skips and unenrollments (undo): removes
    // the events that record them and puts back what was in force before. Refuses
    // other events, and a decision with a later one on the same enrollment.
    bool undoDecisions(const QList<qint64> &eventIds, Error *error);

    std::optional<Enrollment> get(qint64 enrollmentId, Error *error) const;
    // The prospect's enrollments, the latest first.
    bool listForProspect(qint64 prospectId, QList<Enrollment> *enrollments, Error *error) const;
    // The running (active, paused or bounced) enrollments of these prospects.
    bool listRunning(
        const QList<qint64> &prospectIds, QList<Enrollment> *enrollments, Error *error) const;
    // The steps still to come in the prospect's running, active enrollment.
    bool planned(qint64 prospectId, QList<PlannedStep> *steps, Error *error) const;
    // Due steps of active enrollments, by due time then send window start.
    bool due(const DueFilter &filter, QList<DueItem> *items, Error *error) const;

    // Derives again the latest enrollment of each prospect (after their touches,
    // events or time zone changed). Runs inside the caller's transaction.
    static bool refreshProspects(Database &db, const QList<qint64> &prospectIds, Error *error);
    // Derives again the cadence's enrollments that are their prospect's latest
    // (after its steps changed), as refreshProspects() would.
    static bool refreshCadence(Database &db, qint64 cadenceId, Error *error);
    // The latest enrollment of every prospect, as stored and as refreshProspects()
    // would derive it now; writes nothing (for the consistency check).
    static bool deriveLatest(Database &db, QList<EnrollmentDerivation> *derivations, Error *error);
    // The zone used for prospects without a known time zone.
    static QTimeZone userZone();
    // The due window of a calendar export, the same in the app and the CLI: the
    // steps due up to the end of a day in userZone(), by default the last of the
    // calendarExportDays days from today, today included.
    static constexpr int calendarExportDays = 30;
    static QDate calendarExportLastDay();
    // DueFilter::until for a window whose last day is `day`.
    static QDateTime dueUntilEndOf(QDate day);

private:
    // One decision about an enrollment: assignments to its row and an event.
    struct Decision
    {
        QString assignments; // "paused_at = ?", with `values` bound in order
        QVariantList values;
        ProspectEventKind kind;
        QString detail;
        qint64 stepId;
    };
    // Stores a decision about an enrollment in one of the `allowed` states (else
    // refuses with `refusal`, %1 the cadence, %2 the state) and derives it again.
    bool decide(qint64 enrollmentId, qint64 authorId, const QList<EnrollmentState> &allowed,
        const QString &refusal,
        const std::function<Decision(
            const Enrollment &, const CadenceStep &next, const QVariant &now)> &decision,
        Error *error, qint64 *eventId = nullptr);
    // Removes one decision's event and restores the columns it set, inside
    // undoDecisions()' transaction.
    bool undoOneDecision(qint64 eventId, ProspectEventKind kind, qint64 enrollmentId, Error *error);

    Database &m_db;
};

} // namespace Touchline
