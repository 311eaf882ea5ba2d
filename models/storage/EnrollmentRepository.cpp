#include "EnrollmentRepository.h"

#include "CadenceRepository.h"
#include "Database.h"
#include "ProspectEventStore.h"
#include "SqlUtil.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace Touchline {

namespace {

// An enrollment with everything the engine needs to derive it again.
struct Loaded
{
    Enrollment stored;
    EnrollmentFacts facts;
    ProspectFacts prospect;
    ProspectStatus prospectStatus = ProspectStatus::New;
    QDateTime prospectNextDueAt;
    QList<Touch> history;
};

// The columns readEnrollment() reads, for enrollments `e` joined with cadences `c`.
const QString enrollmentColumns = QStringLiteral(
    "SELECT e.id, e.prospect_id, e.cadence_id, c.name, e.state, e.next_position, "
    "(SELECT count(*) FROM cadence_steps s WHERE s.cadence_id = e.cadence_id), e.enrolled_at, "
    "e.ended_at, e.due_at, e.paused_at, e.snoozed_until");
const QString selectEnrollments = enrollmentColumns
    + QStringLiteral(" FROM enrollments e JOIN cadences c ON c.id = e.cadence_id ");

// True for the enrollments `e` that are their prospect's latest, the only ones
// refreshing derives again: the earlier ones ended before it began.
const QString latestEnrollment
    = QStringLiteral("e.id = (SELECT l.id FROM enrollments l WHERE l.prospect_id = e.prospect_id "
                     "ORDER BY l.enrolled_at DESC, l.id DESC LIMIT 1)");

// The decisions undoDecisions() takes back; the placeholders of its query
// count them.
constexpr ProspectEventKind undoableDecisions[]
    = {ProspectEventKind::Paused, ProspectEventKind::Resumed, ProspectEventKind::Snoozed,
        ProspectEventKind::StepSkipped, ProspectEventKind::Unenrolled};

Enrollment readEnrollment(const QSqlQuery &query)
{
    Enrollment enrollment;
    enrollment.id = query.value(0).toLongLong();
    enrollment.prospectId = query.value(1).toLongLong();
    enrollment.cadenceId = query.value(2).toLongLong();
    enrollment.cadenceName = query.value(3).toString();
    enrollmentStateFromKey(query.value(4).toString(), &enrollment.state);
    enrollment.nextPosition = query.value(5).toInt();
    enrollment.stepCount = query.value(6).toInt();
    enrollment.enrolledAt = Database::fromDbTime(query.value(7));
    enrollment.endedAt = Database::fromDbTime(query.value(8));
    enrollment.dueAt = Database::fromDbTime(query.value(9));
    enrollment.pausedAt = Database::fromDbTime(query.value(10));
    enrollment.snoozedUntil = Database::fromDbTime(query.value(11));
    return enrollment;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Touchline::EnrollmentRepository", text);
}

// Reads the enrollments with these ids, their facts, their prospects' facts and
// the touches since each enrollment began: four queries, however many.
bool load(Database &db, const QList<qint64> &ids, QList<Loaded> *loaded, Error *error)
{
    loaded->clear();
    if (ids.isEmpty())
        return true;
    const QString json = SqlUtil::idsToJson(ids);
    const QString action = tr("reading the cadence progress of prospects");
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    query.prepare(enrollmentColumns
        + QStringLiteral(
            ", e.resumed_at, e.stopped_at, e.snoozed_step_id, p.status, p.agreed_next_touch_at, "
            "p.time_zone, p.next_due_at, (SELECT max(occurred_at) FROM prospect_events d "
            "WHERE d.prospect_id = e.prospect_id AND d.kind = ?) "
            "FROM json_each(?) j JOIN enrollments e ON e.id = j.value "
            "JOIN cadences c ON c.id = e.cadence_id JOIN prospects p ON p.id = e.prospect_id"));
    query.addBindValue(eventKindKey(ProspectEventKind::DoNotContactSet));
    query.addBindValue(json);
    if (!db.exec(query, action, error))
        return false;
    QHash<qint64, int> indexById;
    while (query.next()) {
        Loaded item;
        item.stored = readEnrollment(query);
        item.facts.enrollmentId = item.stored.id;
        item.facts.enrolledAt = item.stored.enrolledAt;
        item.facts.pausedAt = item.stored.pausedAt;
        item.facts.snoozedUntil = item.stored.snoozedUntil;
        item.facts.resumedAt = Database::fromDbTime(query.value(12));
        item.facts.stoppedAt = Database::fromDbTime(query.value(13));
        item.facts.snoozedStepId = query.value(14).toLongLong();
        statusFromKey(query.value(15).toString(), &item.prospectStatus);
        item.prospect.agreedNextTouchAt = Database::fromDbTime(query.value(16));
        item.prospect.timeZoneId = query.value(17).toString();
        item.prospectNextDueAt = Database::fromDbTime(query.value(18));
        if (item.prospectStatus == ProspectStatus::DoNotContact) {
            const QDateTime since = Database::fromDbTime(query.value(19));
            item.prospect.doNotContactSince = since.isValid() ? since : item.facts.enrolledAt;
        }
        indexById.insert(item.stored.id, int(loaded->size()));
        loaded->append(item);
    }

    query.prepare(QStringLiteral("SELECT enrollment_id, step_id, occurred_at FROM prospect_events "
                                 "WHERE kind = ? AND step_id IS NOT NULL AND enrollment_id IN "
                                 "(SELECT value FROM json_each(?)) "
                                 "ORDER BY occurred_at, id"));
    query.addBindValue(eventKindKey(ProspectEventKind::StepSkipped));
    query.addBindValue(json);
    if (!db.exec(query, action, error))
        return false;
    while (query.next()) {
        const auto index = indexById.constFind(query.value(0).toLongLong());
        if (index != indexById.constEnd())
            (*loaded)[*index].facts.skips.append(
                {query.value(1).toLongLong(), Database::fromDbTime(query.value(2))});
    }

    query.prepare(QStringLiteral(
        "SELECT e.id, t.id, t.channel, t.direction, t.outcome, t.occurred_at, t.enrollment_id, "
        "t.step_id FROM json_each(?) j JOIN enrollments e ON e.id = j.value "
        "JOIN touches t ON t.prospect_id = e.prospect_id AND t.occurred_at >= e.enrolled_at "
        "ORDER BY e.id, t.occurred_at, t.id"));
    query.addBindValue(json);
    if (!db.exec(query, action, error))
        return false;
    while (query.next()) {
        const auto index = indexById.constFind(query.value(0).toLongLong());
        if (index == indexById.constEnd())
            continue;
        Touch touch;
        touch.id = query.value(1).toLongLong();
        touch.prospectId = (*loaded)[*index].stored.prospectId;
        channelFromKey(query.value(2).toString(), &touch.channel);
        directionFromKey(query.value(3).toString(), &touch.direction);
        outcomeFromKey(query.value(4).toString(), &touch.outcome);
        touch.occurredAt = Database::fromDbTime(query.value(5));
        touch.enrollmentId = query.value(6).toLongLong();
        touch.stepId = query.value(7).toLongLong();
        (*loaded)[*index].history.append(touch);
    }
    return true;
}

// The cadences of these enrollments, each read once.
bool loadCadences(
    Database &db, const QList<Loaded> &loaded, QHash<qint64, Cadence> *cadences, Error *error)
{
    CadenceRepository repository(db);
    for (const Loaded &item : loaded) {
        if (cadences->contains(item.stored.cadenceId))
            continue;
        const std::optional<Cadence> cadence = repository.get(item.stored.cadenceId, error);
        if (!cadence)
            return false;
        cadences->insert(cadence->id, *cadence);
    }
    return true;
}

// A new prospect is in a cadence when one starts running. When it ends, a
// meeting (booked or held, on any channel) shows as meeting booked and anything
// else makes the prospect new again; when the meeting is undone, the cadence
// runs again. Any other status (set by hand, or learned from touches) stays.
ProspectStatus statusFor(ProspectStatus status, EnrollmentState before, EnrollmentState after)
{
    const bool metBefore
        = before == EnrollmentState::Meeting && status == ProspectStatus::MeetingBooked;
    if (isRunning(after) && !isRunning(before) && (status == ProspectStatus::New || metBefore))
        return ProspectStatus::InCadence;
    if (isRunning(before) && !isRunning(after) && status == ProspectStatus::InCadence)
        return after == EnrollmentState::Meeting ? ProspectStatus::MeetingBooked
                                                 : ProspectStatus::New;
    return status;
}

// Outside a running cadence, the next touch due is the one agreed with the prospect.
QDateTime nextDueFor(const EnrollmentStatus &status, const QDateTime &agreedNextTouchAt)
{
    return isRunning(status.state) ? status.dueAt : agreedNextTouchAt;
}

bool writeProspect(Database &db, qint64 prospectId, ProspectStatus before, ProspectStatus after,
    const QDateTime &nextDueBefore, const QDateTime &nextDueAfter, Error *error)
{
    if (before == after && nextDueBefore == nextDueAfter)
        return true;
    QSqlQuery query(db.connection());
    // A status change is an edit of a column people edit too: bumping row_version
    // makes a teammate's form that still shows the old status refuse to save.
    // The cadence made this change, not a person editing the prospect.
    const int statusChanged = before == after ? 0 : 1;
    query.prepare(QStringLiteral(
        "UPDATE prospects SET status = ?, next_due_at = ?, row_version = row_version + ?, "
        "updated_at = CASE WHEN ? THEN ? ELSE updated_at END, "
        "updated_by = CASE WHEN ? THEN NULL ELSE updated_by END "
        "WHERE id = ?"));
    query.addBindValue(statusKey(after));
    query.addBindValue(Database::toDbTime(nextDueAfter));
    query.addBindValue(statusChanged);
    query.addBindValue(statusChanged);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(statusChanged);
    query.addBindValue(prospectId);
    return db.exec(query, tr("updating the next due time of prospect %1").arg(prospectId), error);
}

// What the engine derives for a loaded enrollment, as refreshEnrollments() stores it.
EnrollmentStatus derive(const Loaded &item, const Cadence &cadence, const QTimeZone &zone)
{
    EnrollmentStatus status
        = CadenceEngine::evaluate(cadence, item.facts, item.prospect, item.history, zone);
    status.nextPosition = std::max(1, status.nextPosition);
    return status;
}

bool refreshEnrollments(Database &db, const QList<qint64> &ids, Error *error)
{
    QList<Loaded> loaded;
    QHash<qint64, Cadence> cadences;
    if (!load(db, ids, &loaded, error) || !loadCadences(db, loaded, &cadences, error))
        return false;
    const QTimeZone zone = EnrollmentRepository::userZone();
    const QVariant now = Database::toDbTime(QDateTime::currentDateTimeUtc());
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("UPDATE enrollments SET state = ?, next_position = ?, "
                                 "ended_at = ?, due_at = ?, updated_at = ? WHERE id = ?"));
    for (const Loaded &item : std::as_const(loaded)) {
        const EnrollmentStatus status = derive(item, cadences.value(item.stored.cadenceId), zone);
        if (status.state != item.stored.state || status.nextPosition != item.stored.nextPosition
            || status.endedAt != item.stored.endedAt || status.dueAt != item.stored.dueAt) {
            query.addBindValue(enrollmentStateKey(status.state));
            query.addBindValue(status.nextPosition);
            query.addBindValue(Database::toDbTime(status.endedAt));
            query.addBindValue(Database::toDbTime(status.dueAt));
            query.addBindValue(now);
            query.addBindValue(item.stored.id);
            if (!db.exec(query, tr("updating the cadence progress of prospects"), error))
                return false;
        }
        if (!writeProspect(db, item.stored.prospectId, item.prospectStatus,
                statusFor(item.prospectStatus, item.stored.state, status.state),
                item.prospectNextDueAt, nextDueFor(status, item.prospect.agreedNextTouchAt), error))
            return false;
    }
    return true;
}

bool readIds(
    Database &db, QSqlQuery &query, const QString &action, QList<qint64> *ids, Error *error)
{
    if (!db.exec(query, action, error))
        return false;
    while (query.next())
        ids->append(query.value(0).toLongLong());
    return true;
}

} // namespace

QString DueItem::prospectName() const
{
    Prospect prospect;
    prospect.firstName = firstName;
    prospect.lastName = lastName;
    prospect.email = email;
    return prospect.displayName();
}

EnrollmentRepository::EnrollmentRepository(Database &db)
    : m_db(db)
{
}

bool EnrollmentRepository::deriveLatest(
    Database &db, QList<EnrollmentDerivation> *derivations, Error *error)
{
    derivations->clear();
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT e.id FROM enrollments e WHERE ") + latestEnrollment
        + QStringLiteral(" ORDER BY e.id"));
    QList<qint64> ids;
    QList<Loaded> loaded;
    QHash<qint64, Cadence> cadences;
    if (!readIds(db, query, tr("reading the cadence progress of prospects"), &ids, error)
        || !load(db, ids, &loaded, error) || !loadCadences(db, loaded, &cadences, error))
        return false;
    const QTimeZone zone = userZone();
    for (const Loaded &item : std::as_const(loaded)) {
        EnrollmentDerivation derivation;
        derivation.stored = item.stored;
        derivation.storedNextDueAt = item.prospectNextDueAt;
        derivation.derived = derive(item, cadences.value(item.stored.cadenceId), zone);
        derivation.derivedNextDueAt
            = nextDueFor(derivation.derived, item.prospect.agreedNextTouchAt);
        derivation.zoneKnown = CadenceEngine::zoneFor(item.prospect, QTimeZone()).isValid();
        derivations->append(derivation);
    }
    return true;
}

QTimeZone EnrollmentRepository::userZone()
{
    return QTimeZone::systemTimeZone();
}

QDate EnrollmentRepository::calendarExportLastDay()
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(userZone())
        .date()
        .addDays(calendarExportDays - 1);
}

QDateTime EnrollmentRepository::dueUntilEndOf(QDate day)
{
    return day.addDays(1).startOfDay(userZone());
}

bool EnrollmentRepository::refreshProspects(
    Database &db, const QList<qint64> &prospectIds, Error *error)
{
    if (prospectIds.isEmpty())
        return true;
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    // Only the latest enrollment can change: the earlier ones ended before it began.
    query.prepare(QStringLiteral(
        "SELECT (SELECT e.id FROM enrollments e WHERE e.prospect_id = p.id "
        "ORDER BY e.enrolled_at DESC, e.id DESC LIMIT 1), p.id, p.status, p.next_due_at, "
        "p.agreed_next_touch_at FROM json_each(?) j JOIN prospects p ON p.id = j.value"));
    query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!db.exec(query, tr("reading the cadence progress of prospects"), error))
        return false;
    QList<qint64> enrollmentIds;
    struct Unenrolled
    {
        qint64 id;
        ProspectStatus status;
        QDateTime nextDueAt;
        QDateTime agreedNextTouchAt;
    };
    QList<Unenrolled> unenrolled;
    while (query.next()) {
        if (!query.value(0).isNull()) {
            enrollmentIds.append(query.value(0).toLongLong());
            continue;
        }
        Unenrolled prospect {query.value(1).toLongLong(), ProspectStatus::New,
            Database::fromDbTime(query.value(3)), Database::fromDbTime(query.value(4))};
        statusFromKey(query.value(2).toString(), &prospect.status);
        unenrolled.append(prospect);
    }
    for (const Unenrolled &prospect : std::as_const(unenrolled)) {
        if (!writeProspect(db, prospect.id, prospect.status, prospect.status, prospect.nextDueAt,
                prospect.agreedNextTouchAt, error))
            return false;
    }
    return refreshEnrollments(db, enrollmentIds, error);
}

bool EnrollmentRepository::refreshCadence(Database &db, qint64 cadenceId, Error *error)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    // The enrollments refreshProspects() derives: each prospect's latest. An ended
    // one changes too (a step added after the last one takes up completed ones
    // again); left alone, it would change at its prospect's next touch instead.
    query.prepare(QStringLiteral("SELECT e.id FROM enrollments e WHERE e.cadence_id = ? AND ")
        + latestEnrollment);
    query.addBindValue(cadenceId);
    QList<qint64> ids;
    return readIds(db, query, tr("reading the prospects in a cadence"), &ids, error)
        && refreshEnrollments(db, ids, error);
}

bool EnrollmentRepository::enroll(qint64 cadenceId, const QList<qint64> &prospectIds,
    qint64 authorId, EnrollResult *result, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const std::optional<Cadence> cadence = CadenceRepository(m_db).get(cadenceId, error);
    if (!cadence)
        return false;
    if (cadence->archived)
        return fail(error, Error::Kind::Invalid,
            tr("Cadence \"%1\" is archived; restore it before enrolling prospects.")
                .arg(cadence->name));
    if (cadence->steps.isEmpty())
        return fail(error, Error::Kind::Invalid,
            tr("Cadence \"%1\" has no steps yet; add a step before enrolling prospects.")
                .arg(cadence->name));

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT p.id, p.status, EXISTS (SELECT 1 FROM enrollments e "
                                 "WHERE e.prospect_id = p.id AND ")
        + SqlUtil::runningEnrollmentCondition(QStringLiteral("e."))
        + QStringLiteral(") FROM prospects p WHERE p.id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!m_db.exec(query, tr("enrolling prospects"), error))
        return false;
    EnrollResult outcome;
    QSet<qint64> found;
    QList<qint64> toEnroll;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        found.insert(id);
        if (query.value(1).toString() == statusKey(ProspectStatus::DoNotContact))
            outcome.doNotContact.append(id);
        else if (query.value(2).toBool())
            outcome.alreadyRunning.append(id);
        else
            toEnroll.append(id);
    }
    for (qint64 id : prospectIds) {
        if (!found.contains(id))
            outcome.notFound.append(id);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    query.prepare(QStringLiteral(
        "INSERT INTO enrollments (prospect_id, cadence_id, state, next_position, enrolled_at, "
        "updated_at, enrolled_by) VALUES (?, ?, ?, 1, ?, ?, ?)"));
    for (qint64 prospectId : std::as_const(toEnroll)) {
        query.addBindValue(prospectId);
        query.addBindValue(cadenceId);
        query.addBindValue(enrollmentStateKey(EnrollmentState::Active));
        query.addBindValue(Database::toDbTime(now));
        query.addBindValue(Database::toDbTime(now));
        query.addBindValue(SqlUtil::idOrNull(authorId));
        if (!m_db.exec(query, tr("enrolling prospect %1").arg(prospectId), error))
            return false;
        const qint64 enrollmentId = query.lastInsertId().toLongLong();
        outcome.enrolled.append(enrollmentId);
        ProspectEvent event;
        event.prospectId = prospectId;
        event.kind = ProspectEventKind::Enrolled;
        event.occurredAt = now;
        event.authorId = authorId;
        event.detail = cadence->name;
        event.enrollmentId = enrollmentId;
        if (!ProspectEventStore::insert(m_db, event, nullptr, error))
            return false;
    }
    // Enrolling starts the follow-up of new prospects.
    query.prepare(QStringLiteral(
        "UPDATE prospects SET status = ?, row_version = row_version + 1, updated_at = ?, "
        "updated_by = NULL WHERE status = ? "
        "AND id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(statusKey(ProspectStatus::InCadence));
    query.addBindValue(Database::toDbTime(now));
    query.addBindValue(statusKey(ProspectStatus::New));
    query.addBindValue(SqlUtil::idsToJson(toEnroll));
    if (!m_db.exec(query, tr("enrolling prospects"), error)
        || !refreshEnrollments(m_db, outcome.enrolled, error) || !transaction.commit(error))
        return false;
    if (result)
        *result = outcome;
    if (!outcome.enrolled.isEmpty())
        m_db.notifyChanged(Database::Table::Enrollments | Database::Table::Prospects, toEnroll);
    return true;
}

bool EnrollmentRepository::unenroll(const QList<qint64> &prospectIds, qint64 authorId, int *stopped,
    Error *error, QList<qint64> *eventIds)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT e.id, e.prospect_id, c.name FROM enrollments e "
                                 "JOIN cadences c ON c.id = e.cadence_id WHERE ")
        + SqlUtil::runningEnrollmentCondition(QStringLiteral("e."))
        + QStringLiteral(" AND e.prospect_id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!m_db.exec(query, tr("taking prospects out of their cadence"), error))
        return false;
    QList<ProspectEvent> events;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (query.next()) {
        ProspectEvent event;
        event.enrollmentId = query.value(0).toLongLong();
        event.prospectId = query.value(1).toLongLong();
        event.detail = query.value(2).toString();
        event.kind = ProspectEventKind::Unenrolled;
        event.occurredAt = now;
        event.authorId = authorId;
        events.append(event);
    }
    QList<qint64> ids;
    QList<qint64> affected;
    QList<qint64> recorded;
    query.prepare(QStringLiteral("UPDATE enrollments SET stopped_at = ? WHERE id = ?"));
    for (const ProspectEvent &event : std::as_const(events)) {
        query.addBindValue(Database::toDbTime(now));
        query.addBindValue(event.enrollmentId);
        qint64 eventId = 0;
        if (!m_db.exec(query, tr("taking prospects out of their cadence"), error)
            || !ProspectEventStore::insert(m_db, event, &eventId, error))
            return false;
        ids.append(event.enrollmentId);
        affected.append(event.prospectId);
        recorded.append(eventId);
    }
    if (!refreshEnrollments(m_db, ids, error) || !transaction.commit(error))
        return false;
    if (stopped)
        *stopped = int(ids.size());
    if (eventIds)
        *eventIds = recorded;
    if (!ids.isEmpty())
        m_db.notifyChanged(Database::Table::Enrollments | Database::Table::Prospects, affected);
    return true;
}

bool EnrollmentRepository::removeUntouched(const QList<qint64> &enrollmentIds, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const QString json = SqlUtil::idsToJson(enrollmentIds);
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // Plain placeholders: Qt's SQLite driver refuses numbered ones (?1) bound by position.
    query.prepare(QStringLiteral("SELECT (SELECT count(*) FROM touches WHERE enrollment_id IN "
                                 "(SELECT value FROM json_each(?))) "
                                 "+ (SELECT count(*) FROM prospect_events WHERE kind <> ? "
                                 "AND enrollment_id IN (SELECT value FROM json_each(?)))"));
    query.addBindValue(json);
    query.addBindValue(eventKindKey(ProspectEventKind::Enrolled));
    query.addBindValue(json);
    const QString action = tr("undoing an enrollment");
    if (!m_db.exec(query, action, error) || !query.next())
        return false;
    if (query.value(0).toInt() > 0)
        return fail(error, Error::Kind::Conflict,
            tr("Someone already worked on these enrollments (a touch, a skip, a pause...); "
               "take the prospects out of the cadence instead."));
    QList<qint64> prospectIds;
    query.prepare(QStringLiteral(
        "SELECT prospect_id FROM enrollments WHERE id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(json);
    if (!readIds(m_db, query, action, &prospectIds, error))
        return false;
    query.prepare(
        QStringLiteral("DELETE FROM enrollments WHERE id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(json);
    if (!m_db.exec(query, action, error))
        return false;
    // The prospects are as before they were enrolled: new again, unless someone
    // set another status meanwhile.
    query.prepare(QStringLiteral(
        "UPDATE prospects SET status = ?, row_version = row_version + 1, updated_at = ?, "
        "updated_by = NULL WHERE status = ? "
        "AND id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(statusKey(ProspectStatus::New));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(statusKey(ProspectStatus::InCadence));
    query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!m_db.exec(query, action, error) || !refreshProspects(m_db, prospectIds, error)
        || !transaction.commit(error))
        return false;
    m_db.notifyChanged(Database::Table::Enrollments | Database::Table::Prospects, prospectIds);
    return true;
}

bool EnrollmentRepository::decide(qint64 enrollmentId, qint64 authorId,
    const QList<EnrollmentState> &allowed, const QString &refusal,
    const std::function<Decision(const Enrollment &, const CadenceStep &, const QVariant &now)>
        &decision,
    Error *error, qint64 *eventId)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const std::optional<Enrollment> enrollment = get(enrollmentId, error);
    if (!enrollment)
        return false;
    if (!allowed.contains(enrollment->state))
        return fail(error, Error::Kind::Conflict,
            refusal.arg(enrollment->cadenceName, enrollmentStateDisplayName(enrollment->state)));
    const std::optional<Cadence> cadence
        = CadenceRepository(m_db).get(enrollment->cadenceId, error);
    if (!cadence)
        return false;
    const CadenceStep next = enrollment->nextPosition <= cadence->steps.size()
        ? cadence->steps.at(enrollment->nextPosition - 1)
        : CadenceStep();
    // The event and the columns share one time, so undo can restore one from the other.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Decision decided = decision(*enrollment, next, Database::toDbTime(now));
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE enrollments SET ") + decided.assignments
        + QStringLiteral(" WHERE id = ?"));
    for (const QVariant &value : decided.values)
        query.addBindValue(value);
    query.addBindValue(enrollmentId);
    ProspectEvent event;
    event.prospectId = enrollment->prospectId;
    event.kind = decided.kind;
    event.occurredAt = now;
    event.authorId = authorId;
    event.detail = decided.detail;
    event.enrollmentId = enrollmentId;
    event.stepId = decided.stepId;
    if (!m_db.exec(
            query, tr("changing the cadence of prospect %1").arg(enrollment->prospectId), error)
        || !ProspectEventStore::insert(m_db, event, eventId, error)
        || !refreshEnrollments(m_db, {enrollmentId}, error) || !transaction.commit(error))
        return false;
    m_db.notifyChanged(
        Database::Table::Enrollments | Database::Table::Prospects, {enrollment->prospectId});
    return true;
}

bool EnrollmentRepository::pause(
    qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId)
{
    return decide(
        enrollmentId, authorId, {EnrollmentState::Active}, tr("%1 cannot be paused: it is %2."),
        [](const Enrollment &enrollment, const CadenceStep &, const QVariant &now) {
            return Decision {QStringLiteral("paused_at = ?"), {now}, ProspectEventKind::Paused,
                enrollment.cadenceName, 0};
        },
        error, eventId);
}

bool EnrollmentRepository::resume(
    qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId)
{
    return decide(
        enrollmentId, authorId, {EnrollmentState::Paused, EnrollmentState::Bounced},
        tr("%1 cannot be resumed: it is %2."),
        [](const Enrollment &enrollment, const CadenceStep &, const QVariant &now) {
            return Decision {QStringLiteral("paused_at = NULL, resumed_at = ?"), {now},
                ProspectEventKind::Resumed, enrollment.cadenceName, 0};
        },
        error, eventId);
}

bool EnrollmentRepository::snooze(
    qint64 enrollmentId, const QDateTime &until, qint64 authorId, Error *error, qint64 *eventId)
{
    if (!until.isValid() || until <= QDateTime::currentDateTimeUtc())
        return fail(error, Error::Kind::Invalid, tr("A step can only be snoozed to a later time."));
    return decide(
        enrollmentId, authorId, {EnrollmentState::Active}, tr("%1 cannot be snoozed: it is %2."),
        [&until](const Enrollment &, const CadenceStep &next, const QVariant &) {
            const QVariant time = Database::toDbTime(until);
            return Decision {QStringLiteral("snoozed_until = ?, snoozed_step_id = ?"),
                {time, SqlUtil::idOrNull(next.id)}, ProspectEventKind::Snoozed,
                QString::number(time.toLongLong()), next.id};
        },
        error, eventId);
}

bool EnrollmentRepository::skipStep(
    qint64 enrollmentId, qint64 authorId, Error *error, qint64 *eventId)
{
    return decide(
        enrollmentId, authorId, {EnrollmentState::Active, EnrollmentState::Paused},
        tr("A step of %1 cannot be skipped: it is %2."),
        [](const Enrollment &, const CadenceStep &next, const QVariant &) {
            // The update changes nothing: the skip is the event, read by the engine.
            return Decision {QStringLiteral("updated_at = updated_at"), {},
                ProspectEventKind::StepSkipped, next.purpose, next.id};
        },
        error, eventId);
}

bool EnrollmentRepository::undoDecisions(const QList<qint64> &eventIds, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const QString action = tr("undoing a change of cadence");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    QList<qint64> enrollmentIds;
    QList<qint64> prospectIds;
    for (const qint64 eventId : eventIds) {
        // Only the enrollment's latest decision can be taken back: a later one
        // (a teammate's) was made on top of it.
        query.prepare(
            QStringLiteral(
                "SELECT pe.kind, pe.enrollment_id, pe.prospect_id, c.name, "
                "(SELECT count(*) FROM prospect_events d WHERE d.enrollment_id = pe.enrollment_id "
                "AND d.kind IN (?, ?, ?, ?, ?) AND (d.occurred_at > pe.occurred_at "
                "OR (d.occurred_at = pe.occurred_at AND d.id > pe.id))), ")
            + latestEnrollment
            + QStringLiteral(
                " FROM prospect_events pe JOIN enrollments e ON e.id = pe.enrollment_id "
                "JOIN cadences c ON c.id = e.cadence_id WHERE pe.id = ?"));
        for (const ProspectEventKind kind : undoableDecisions)
            query.addBindValue(eventKindKey(kind));
        query.addBindValue(eventId);
        if (!m_db.exec(query, action, error))
            return false;
        if (!query.next())
            return fail(error, Error::Kind::NotFound,
                tr("The change to undo no longer exists; someone may have deleted the prospect."));
        ProspectEventKind kind = ProspectEventKind::DoNotContactSet;
        eventKindFromKey(query.value(0).toString(), &kind);
        const qint64 enrollmentId = query.value(1).toLongLong();
        const qint64 prospectId = query.value(2).toLongLong();
        const QString cadenceName = query.value(3).toString();
        const bool superseded = query.value(4).toInt() > 0;
        const bool isLatest = query.value(5).toBool();
        query.finish();
        if (std::find(std::begin(undoableDecisions), std::end(undoableDecisions), kind)
            == std::end(undoableDecisions))
            return fail(error, Error::Kind::Invalid,
                tr("Only a pause, a resume, a snooze, a skip or taking out of a cadence can be "
                   "undone here."));
        if (superseded || (kind == ProspectEventKind::Unenrolled && !isLatest))
            return fail(error, Error::Kind::Conflict,
                tr("%1 of prospect %2 was changed again since; undo that first.")
                    .arg(cadenceName)
                    .arg(prospectId));
        if (!undoOneDecision(eventId, kind, enrollmentId, error))
            return false;
        enrollmentIds.append(enrollmentId);
        prospectIds.append(prospectId);
    }
    if (!refreshEnrollments(m_db, enrollmentIds, error) || !transaction.commit(error))
        return false;
    if (!prospectIds.isEmpty())
        m_db.notifyChanged(Database::Table::Enrollments | Database::Table::Prospects, prospectIds);
    return true;
}

bool EnrollmentRepository::undoOneDecision(
    qint64 eventId, ProspectEventKind kind, qint64 enrollmentId, Error *error)
{
    const QString action = tr("undoing a change of cadence");
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM prospect_events WHERE id = ?"));
    query.addBindValue(eventId);
    if (!m_db.exec(query, action, error))
        return false;
    // The enrollment's columns hold the latest decision of each kind; the
    // remaining events tell what they were before this one. `values` follow the
    // placeholders in the order the SQL is built.
    QVariantList values;
    const auto latest = [&](ProspectEventKind of, const QString &column) -> QString {
        values << enrollmentId << eventKindKey(of);
        return QStringLiteral("(SELECT ") + column
            + QStringLiteral(" FROM prospect_events WHERE enrollment_id = ? AND kind = ? "
                             "ORDER BY occurred_at DESC, id DESC LIMIT 1)");
    };
    QString assignments;
    switch (kind) {
    case ProspectEventKind::Snoozed:
        assignments = QStringLiteral("(snoozed_until, snoozed_step_id) = ")
            + latest(
                ProspectEventKind::Snoozed, QStringLiteral("CAST(detail AS INTEGER), step_id"));
        break;
    case ProspectEventKind::Paused:
        assignments = QStringLiteral("paused_at = NULL");
        break;
    case ProspectEventKind::Resumed: {
        // Paused by hand again if a pause came after the resume before this one.
        assignments = QStringLiteral("resumed_at = ")
            + latest(ProspectEventKind::Resumed, QStringLiteral("occurred_at"));
        values << enrollmentId << eventKindKey(ProspectEventKind::Paused);
        assignments += QStringLiteral(
            ", paused_at = (SELECT p.occurred_at FROM prospect_events p WHERE p.enrollment_id = ? "
            "AND p.kind = ? AND p.occurred_at >= coalesce(");
        assignments += latest(ProspectEventKind::Resumed, QStringLiteral("occurred_at"))
            + QStringLiteral(", 0) ORDER BY p.occurred_at DESC, p.id DESC LIMIT 1)");
        break;
    }
    case ProspectEventKind::Unenrolled:
        assignments = QStringLiteral("stopped_at = NULL");
        break;
    default: // a skip is only its event
        return true;
    }
    query.prepare(
        QStringLiteral("UPDATE enrollments SET ") + assignments + QStringLiteral(" WHERE id = ?"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(enrollmentId);
    return m_db.exec(query, action, error);
}

std::optional<Enrollment> EnrollmentRepository::get(qint64 enrollmentId, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectEnrollments + QStringLiteral("WHERE e.id = ?"));
    query.addBindValue(enrollmentId);
    if (!m_db.exec(query, tr("reading enrollment %1").arg(enrollmentId), error))
        return std::nullopt;
    if (!query.next()) {
        fail(error, Error::Kind::NotFound,
            tr("Enrollment %1 no longer exists; someone may have deleted the prospect.")
                .arg(enrollmentId));
        return std::nullopt;
    }
    return readEnrollment(query);
}

bool EnrollmentRepository::listForProspect(
    qint64 prospectId, QList<Enrollment> *enrollments, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectEnrollments
        + QStringLiteral("WHERE e.prospect_id = ? ORDER BY e.enrolled_at DESC, e.id DESC"));
    query.addBindValue(prospectId);
    if (!m_db.exec(query, tr("reading the cadences of prospect %1").arg(prospectId), error))
        return false;
    enrollments->clear();
    while (query.next())
        enrollments->append(readEnrollment(query));
    return true;
}

bool EnrollmentRepository::listRunning(
    const QList<qint64> &prospectIds, QList<Enrollment> *enrollments, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectEnrollments + QStringLiteral("WHERE ")
        + SqlUtil::runningEnrollmentCondition(QStringLiteral("e."))
        + QStringLiteral(" AND e.prospect_id IN (SELECT value FROM json_each(?)) ORDER BY e.id"));
    query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!m_db.exec(query, tr("reading the running cadences of prospects"), error))
        return false;
    enrollments->clear();
    while (query.next())
        enrollments->append(readEnrollment(query));
    return true;
}

bool EnrollmentRepository::planned(qint64 prospectId, QList<PlannedStep> *steps, Error *error) const
{
    steps->clear();
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM enrollments WHERE prospect_id = ? AND state = ?"));
    query.addBindValue(prospectId);
    query.addBindValue(enrollmentStateKey(EnrollmentState::Active));
    QList<qint64> ids;
    QList<Loaded> loaded;
    QHash<qint64, Cadence> cadences;
    if (!readIds(m_db, query, tr("reading the planned touches of prospect %1").arg(prospectId),
            &ids, error)
        || !load(m_db, ids, &loaded, error) || !loadCadences(m_db, loaded, &cadences, error))
        return false;
    if (loaded.isEmpty())
        return true;
    Loaded item = loaded.first();
    const Cadence cadence = cadences.value(item.stored.cadenceId);
    // Each later step is planned as if the one before it were done when due: the
    // engine sees a touch of that step at that time.
    for (;;) {
        const EnrollmentStatus status
            = CadenceEngine::evaluate(cadence, item.facts, item.prospect, item.history, userZone());
        const CadenceStep *next = cadence.step(status.nextStepId);
        if (status.state != EnrollmentState::Active || !next || !status.dueAt.isValid())
            return true;
        steps->append(
            {item.stored.id, cadence.name, *next, int(cadence.steps.size()), status.dueAt});
        Touch done;
        done.channel = next->channel;
        done.occurredAt = status.dueAt;
        done.enrollmentId = item.stored.id;
        done.stepId = next->id;
        item.history.append(done);
        item.prospect.agreedNextTouchAt = QDateTime();
    }
}

bool EnrollmentRepository::due(const DueFilter &filter, QList<DueItem> *items, Error *error) const
{
    QString sql = QStringLiteral(
        "SELECT e.id, p.id, p.first_name, p.last_name, p.company, p.title, p.email, p.phone, "
        "p.linkedin_url, p.owner_id, u.name, p.time_zone, p.last_touch_at, c.id, c.name, "
        "(SELECT count(*) FROM cadence_steps n WHERE n.cadence_id = c.id), s.id, s.position, "
        "s.channel, s.wait_days, s.business_days, s.window_start_minute, s.window_end_minute, "
        "s.purpose, s.subject, s.body, e.due_at "
        "FROM enrollments e JOIN prospects p ON p.id = e.prospect_id "
        "JOIN cadences c ON c.id = e.cadence_id "
        "JOIN cadence_steps s ON s.cadence_id = e.cadence_id AND s.position = e.next_position "
        "LEFT JOIN users u ON u.id = p.owner_id "
        // The state is written out, from the domain's key: SQLite uses the partial
        // index enrollments_due only when the query names its condition's value.
        "WHERE e.state = '%1' AND e.due_at < ?")
                      .arg(enrollmentStateKey(EnrollmentState::Active));
    QVariantList values {Database::toDbTime(filter.until)};
    if (filter.ownerId != 0) {
        sql += QStringLiteral(" AND p.owner_id = ?");
        values.append(filter.ownerId);
    }
    if (!filter.channelKey.isEmpty()) {
        sql += QStringLiteral(" AND s.channel = ?");
        values.append(filter.channelKey);
    }
    sql += QStringLiteral(" ORDER BY e.due_at, s.window_start_minute, e.id");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!m_db.exec(query, tr("reading the due list"), error))
        return false;
    items->clear();
    while (query.next()) {
        DueItem item;
        item.enrollmentId = query.value(0).toLongLong();
        item.prospectId = query.value(1).toLongLong();
        item.firstName = query.value(2).toString();
        item.lastName = query.value(3).toString();
        item.company = query.value(4).toString();
        item.title = query.value(5).toString();
        item.email = query.value(6).toString();
        item.phone = query.value(7).toString();
        item.linkedInUrl = query.value(8).toString();
        item.ownerId = query.value(9).toLongLong();
        item.ownerName = query.value(10).toString();
        item.timeZoneId = query.value(11).toString();
        item.lastTouchAt = Database::fromDbTime(query.value(12));
        item.cadenceId = query.value(13).toLongLong();
        item.cadenceName = query.value(14).toString();
        item.stepCount = query.value(15).toInt();
        item.step.id = query.value(16).toLongLong();
        item.step.position = query.value(17).toInt();
        channelFromKey(query.value(18).toString(), &item.step.channel);
        item.step.waitDays = query.value(19).toInt();
        item.step.businessDays = query.value(20).toInt() != 0;
        item.step.windowStartMinute = query.value(21).isNull() ? -1 : query.value(21).toInt();
        item.step.windowEndMinute = query.value(22).isNull() ? -1 : query.value(22).toInt();
        item.step.purpose = query.value(23).toString();
        item.step.subject = query.value(24).toString();
        item.step.body = query.value(25).toString();
        item.dueAt = Database::fromDbTime(query.value(26));
        items->append(item);
    }
    return true;
}

} // namespace Touchline
