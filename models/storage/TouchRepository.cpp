#include "TouchRepository.h"

#include "Database.h"
#include "EnrollmentRepository.h"
#include "ProspectEventStore.h"
#include "ProspectRepository.h"
#include "SqlUtil.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <utility>

namespace Touchline {

namespace {

// The columns readTouch() reads, and the tables they come from.
const QString touchColumns = QStringLiteral(
    "SELECT t.id, t.prospect_id, t.channel, t.direction, t.outcome, t.occurred_at, "
    "t.touch_number, t.notes, t.author_id, u.name, t.enrollment_id, t.step_id, s.purpose, "
    "t.created_at");
const QString touchTables
    = QStringLiteral(" FROM touches t LEFT JOIN users u ON u.id = t.author_id "
                     "LEFT JOIN cadence_steps s ON s.id = t.step_id ");
const QString selectTouches = touchColumns + touchTables;

Touch readTouch(const QSqlQuery &query)
{
    Touch t;
    t.id = query.value(0).toLongLong();
    t.prospectId = query.value(1).toLongLong();
    // Unknown keys (a newer Touchline, or a hand edit) keep the defaults; `check` reports them.
    channelFromKey(query.value(2).toString(), &t.channel);
    directionFromKey(query.value(3).toString(), &t.direction);
    outcomeFromKey(query.value(4).toString(), &t.outcome);
    t.occurredAt = Database::fromDbTime(query.value(5));
    t.touchNumber = query.value(6).toInt();
    t.notes = query.value(7).toString();
    t.authorId = query.value(8).toLongLong();
    t.authorName = query.value(9).toString();
    t.enrollmentId = query.value(10).toLongLong();
    t.stepId = query.value(11).toLongLong();
    t.stepPurpose = query.value(12).toString();
    t.createdAt = Database::fromDbTime(query.value(13));
    return t;
}

bool sameKind(const Touch &a, const Touch &b)
{
    return a.channel == b.channel && a.direction == b.direction && a.outcome == b.outcome;
}

// What makes two touches the same for an import: files carry whole seconds.
QString importKey(qint64 prospectId, const QString &channel, const QString &direction,
    const QString &outcome, qint64 occurredAtMs)
{
    return QString::number(prospectId) + QLatin1Char('/') + channel + QLatin1Char('/') + direction
        + QLatin1Char('/') + outcome + QLatin1Char('/') + QString::number(occurredAtMs / 1000);
}

QString importKey(const Touch &touch)
{
    return importKey(touch.prospectId, channelKey(touch.channel), directionKey(touch.direction),
        outcomeKey(touch.outcome), touch.occurredAt.toMSecsSinceEpoch());
}

// Lists of ids are bound as JSON a page at a time, which keeps each statement's
// bound text small on imports of any size.
constexpr qsizetype idPageSize = 1000;
// An export of at most this many prospects reads their touches in one query.
constexpr qsizetype exportFewProspects = 1000;
// Touches per page of a larger export: each page holds teammates' saves off
// for a few tens of milliseconds.
constexpr int exportPageSize = 5000;

} // namespace

TouchRepository::TouchRepository(Database &db)
    : m_db(db)
{
}

bool TouchRepository::listForProspect(qint64 prospectId, QList<Touch> *touches, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // touches_by_prospect (prospect_id, occurred_at, id) gives this order without sorting.
    query.prepare(
        selectTouches + QStringLiteral("WHERE t.prospect_id = ? ORDER BY t.occurred_at, t.id"));
    query.addBindValue(prospectId);
    if (!m_db.exec(query, tr("reading the touches of prospect %1").arg(prospectId), error))
        return false;
    touches->clear();
    while (query.next())
        touches->append(readTouch(query));
    return true;
}

bool TouchRepository::listEvents(
    qint64 prospectId, QList<ProspectEvent> *events, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT e.id, e.prospect_id, e.kind, e.occurred_at, e.author_id, u.name, e.detail, "
        "e.enrollment_id, e.step_id "
        "FROM prospect_events e LEFT JOIN users u ON u.id = e.author_id "
        "WHERE e.prospect_id = ? ORDER BY e.occurred_at, e.id"));
    query.addBindValue(prospectId);
    if (!m_db.exec(query, tr("reading the history of prospect %1").arg(prospectId), error))
        return false;
    events->clear();
    while (query.next()) {
        ProspectEvent event;
        event.id = query.value(0).toLongLong();
        event.prospectId = query.value(1).toLongLong();
        if (!eventKindFromKey(query.value(2).toString(), &event.kind))
            continue; // written by a newer Touchline: nothing this version can show
        event.occurredAt = Database::fromDbTime(query.value(3));
        event.authorId = query.value(4).toLongLong();
        event.authorName = query.value(5).toString();
        event.detail = query.value(6).toString();
        event.enrollmentId = query.value(7).toLongLong();
        event.stepId = query.value(8).toLongLong();
        events->append(event);
    }
    return true;
}

std::optional<Touch> TouchRepository::get(qint64 touchId, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectTouches + QStringLiteral("WHERE t.id = ?"));
    query.addBindValue(touchId);
    if (!m_db.exec(query, tr("reading touch %1").arg(touchId), error))
        return std::nullopt;
    if (!query.next()) {
        fail(error, Error::Kind::NotFound, tr("There is no touch with id %1.").arg(touchId));
        return std::nullopt;
    }
    return readTouch(query);
}

bool TouchRepository::importTouches(QList<PastTouch> *touches,
    const std::function<bool(int done, int total)> &progress, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> prospectIds;
    QSet<qint64> seenProspects;
    for (PastTouch &past : *touches) {
        const QList<TouchFieldError> invalid = validateTouch(past.touch, now);
        if (!invalid.isEmpty()) {
            past.result = PastTouch::Result::Refused;
            past.refusal = invalid.first().message;
        } else if (!seenProspects.contains(past.touch.prospectId)) {
            seenProspects.insert(past.touch.prospectId);
            prospectIds.append(past.touch.prospectId);
        }
    }

    QHash<qint64, ProspectState> states;
    QList<Prospect> prospects;
    const ProspectRepository prospectRepository(m_db);
    for (qsizetype start = 0; start < prospectIds.size(); start += idPageSize) {
        if (!prospectRepository.fetch(prospectIds.mid(start, idPageSize), &prospects, error))
            return false;
        for (const Prospect &prospect : std::as_const(prospects))
            states.insert(prospect.id, stateOf(prospect));
    }
    QSet<QString> keys;
    QHash<qint64, QDateTime> latestOptOut;
    QHash<qint64, QDateTime> latestLift;
    if (!readImportKeys(prospectIds, &keys, &latestOptOut, &latestLift, error))
        return false;
    // An opt-out the prospect took back (do-not-contact lifted after it) neither
    // bounds the touches nor marks the prospect again.
    const auto liftedLater = [&latestLift](const Touch &touch) {
        const QDateTime lift = latestLift.value(touch.prospectId);
        return lift.isValid() && touch.occurredAt <= lift;
    };

    // Repeats are skipped first; the new opt-outs among the rest then bound, with
    // the stored ones, what a do-not-contact prospect may have been sent.
    QSet<qint64> optingOut;
    for (PastTouch &past : *touches) {
        if (past.result != PastTouch::Result::Stored)
            continue;
        if (!states.contains(past.touch.prospectId)) {
            past.result = PastTouch::Result::Refused;
            past.refusal = ProspectRepository::noSuchProspect(past.touch.prospectId);
            continue;
        }
        const QString key = importKey(past.touch);
        if (keys.contains(key)) {
            past.result = PastTouch::Result::Duplicate;
            continue;
        }
        keys.insert(key);
        if (past.touch.outcome == TouchOutcome::OptedOut && !liftedLater(past.touch)) {
            optingOut.insert(past.touch.prospectId);
            QDateTime &latest = latestOptOut[past.touch.prospectId];
            if (!latest.isValid() || past.touch.occurredAt > latest)
                latest = past.touch.occurredAt;
        }
    }
    for (PastTouch &past : *touches) {
        if (past.result != PastTouch::Result::Stored || !contactsProspect(past.touch))
            continue;
        const ProspectState state = states.value(past.touch.prospectId);
        if (state.status != ProspectStatus::DoNotContact
            && !optingOut.contains(past.touch.prospectId))
            continue;
        const QDateTime optOut = latestOptOut.value(past.touch.prospectId);
        if (!optOut.isValid() || past.touch.occurredAt > optOut) {
            past.result = PastTouch::Result::Refused;
            Error blocked;
            blockedError(state, &blocked);
            past.refusal = blocked.message;
        }
    }

    QSqlQuery insert(m_db.connection());
    prepareStore(insert, false);
    QHash<qint64, QList<Touch>> stored;
    const int total = int(touches->size());
    for (int i = 0; i < total; ++i) {
        PastTouch &past = (*touches)[i];
        if (past.result == PastTouch::Result::Stored) {
            if (!past.touch.createdAt.isValid())
                past.touch.createdAt = now;
            if (!execStore(insert, past.touch, &past.touch.id, error))
                return false;
            stored[past.touch.prospectId].append(past.touch);
        }
        if (progress && ((i + 1) % 500 == 0 || i + 1 == total) && !progress(i + 1, total))
            return false;
    }

    // The rules of log(), one touch after the other in time order, as if each had
    // been logged when it happened.
    QList<qint64> affected;
    for (qint64 prospectId : std::as_const(prospectIds)) {
        auto found = stored.find(prospectId);
        if (found == stored.end())
            continue;
        affected.append(prospectId);
        QList<Touch> &history = *found;
        std::stable_sort(history.begin(), history.end(),
            [](const Touch &a, const Touch &b) { return a.occurredAt < b.occurredAt; });
        ProspectState state = states.value(prospectId);
        for (const Touch &touch : std::as_const(history)) {
            if (touch.outcome == TouchOutcome::OptedOut && liftedLater(touch))
                continue;
            TouchUndo change;
            if (!applyRules(state, touch, &change, error))
                return false;
            state.status = change.statusAfter;
            state.emailBounced = change.emailBouncedAfter;
        }
    }
    if (!refreshDerived(affected, error) || !transaction.commit(error))
        return false;
    if (!affected.isEmpty())
        m_db.notifyChanged(
            Database::Table::Touches | Database::Table::Prospects | Database::Table::Enrollments);
    return true;
}

bool TouchRepository::readImportKeys(const QList<qint64> &prospectIds, QSet<QString> *keys,
    QHash<qint64, QDateTime> *latestOptOut, QHash<qint64, QDateTime> *latestLift,
    Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT prospect_id, MAX(occurred_at) FROM prospect_events "
                                 "WHERE kind = ? AND prospect_id IN "
                                 "(SELECT value FROM json_each(?)) GROUP BY prospect_id"));
    for (qsizetype start = 0; start < prospectIds.size(); start += idPageSize) {
        query.addBindValue(eventKindKey(ProspectEventKind::DoNotContactLifted));
        query.addBindValue(SqlUtil::idsToJson(prospectIds.mid(start, idPageSize)));
        if (!m_db.exec(query, tr("reading when do-not-contact was lifted"), error))
            return false;
        while (query.next())
            latestLift->insert(query.value(0).toLongLong(), Database::fromDbTime(query.value(1)));
    }
    query.finish();

    query.prepare(QStringLiteral("SELECT prospect_id, channel, direction, outcome, occurred_at "
                                 "FROM touches WHERE prospect_id IN "
                                 "(SELECT value FROM json_each(?))"));
    const QString optedOut = outcomeKey(TouchOutcome::OptedOut);
    for (qsizetype start = 0; start < prospectIds.size(); start += idPageSize) {
        query.addBindValue(SqlUtil::idsToJson(prospectIds.mid(start, idPageSize)));
        if (!m_db.exec(query, tr("reading the touches already stored"), error))
            return false;
        while (query.next()) {
            const qint64 prospectId = query.value(0).toLongLong();
            const QString outcome = query.value(3).toString();
            const qint64 occurredAt = query.value(4).toLongLong();
            keys->insert(importKey(prospectId, query.value(1).toString(), query.value(2).toString(),
                outcome, occurredAt));
            if (outcome != optedOut)
                continue;
            const QDateTime time = Database::fromDbTime(occurredAt);
            const QDateTime lift = latestLift->value(prospectId);
            QDateTime &latest = (*latestOptOut)[prospectId];
            if ((!lift.isValid() || time > lift) && (!latest.isValid() || time > latest))
                latest = time;
        }
    }
    return true;
}

bool TouchRepository::forExport(const QList<qint64> &prospectIds,
    const std::function<bool(const ExportedTouch &)> &row, Error *error) const
{
    const QString columns = touchColumns
        + QStringLiteral(", p.email, p.linkedin_url, p.first_name, p.last_name") + touchTables
        + QStringLiteral("JOIN prospects p ON p.id = t.prospect_id ");
    // The rows of one query, the prospects' among them when `wanted` names some;
    // false once `row` stopped. `last` receives the time and id of the last row.
    const auto readAll = [&row](QSqlQuery &query, const QSet<qint64> &wanted, int *read,
                             std::pair<qint64, qint64> *last) {
        while (query.next()) {
            ++*read;
            ExportedTouch exported;
            exported.touch = readTouch(query);
            *last = {query.value(5).toLongLong(), exported.touch.id};
            if (!wanted.isEmpty() && !wanted.contains(exported.touch.prospectId))
                continue;
            exported.prospectEmail = query.value(14).toString();
            exported.prospectLinkedInUrl = query.value(15).toString();
            Prospect names;
            names.firstName = query.value(16).toString();
            names.lastName = query.value(17).toString();
            exported.prospectName = names.displayName();
            if (!row(exported))
                return false;
        }
        return true;
    };
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    int read = 0;
    std::pair<qint64, qint64> last(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min());
    // A few prospects' touches come through touches_by_prospect in one short query.
    if (!prospectIds.isEmpty() && prospectIds.size() <= exportFewProspects) {
        query.prepare(columns
            + QStringLiteral("WHERE t.prospect_id IN (SELECT value FROM json_each(?)) "
                             "ORDER BY t.occurred_at, t.id"));
        query.addBindValue(SqlUtil::idsToJson(prospectIds));
        if (!m_db.exec(query, tr("reading touches to export"), error))
            return false;
        readAll(query, {}, &read, &last);
        return true;
    }
    // Otherwise a page at a time in time order through touches_by_time, each
    // page a query of its own: a reader holds writers off in a rollback
    // journal, and teammates save between pages.
    const QSet<qint64> wanted(prospectIds.cbegin(), prospectIds.cend());
    query.prepare(columns
        + QStringLiteral("WHERE (t.occurred_at, t.id) > (?, ?) ORDER BY t.occurred_at, t.id "
                         "LIMIT ?"));
    do {
        query.addBindValue(last.first);
        query.addBindValue(last.second);
        query.addBindValue(exportPageSize);
        if (!m_db.exec(query, tr("reading touches to export"), error))
            return false;
        read = 0;
        if (!readAll(query, wanted, &read, &last))
            return true;
    } while (read == exportPageSize);
    return true;
}

bool TouchRepository::countForExport(
    const QList<qint64> &prospectIds, qint64 *count, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM touches")
        + (prospectIds.isEmpty()
                ? QString()
                : QStringLiteral(" WHERE prospect_id IN (SELECT value FROM json_each(?))")));
    if (!prospectIds.isEmpty())
        query.addBindValue(SqlUtil::idsToJson(prospectIds));
    if (!m_db.exec(query, tr("counting touches to export"), error))
        return false;
    // A count has one row, always.
    query.next();
    *count = query.value(0).toLongLong();
    return true;
}

bool TouchRepository::contactsProspect(const Touch &touch)
{
    return isNumbered(touch.channel, touch.direction)
        || (touch.channel == TouchChannel::Meeting && touch.direction == TouchDirection::Out);
}

ProspectStatus TouchRepository::statusAfter(ProspectStatus status, const Touch &touch)
{
    if (touch.outcome == TouchOutcome::OptedOut)
        return ProspectStatus::DoNotContact;
    const bool closed = status == ProspectStatus::Won || status == ProspectStatus::Lost
        || status == ProspectStatus::DoNotContact;
    if (touch.outcome == TouchOutcome::MeetingBooked && !closed)
        return ProspectStatus::MeetingBooked;
    const bool early = status == ProspectStatus::New || status == ProspectStatus::InCadence;
    if (touch.direction == TouchDirection::In && early)
        return ProspectStatus::Replied;
    return status;
}

TouchRepository::ProspectState TouchRepository::stateOf(const Prospect &prospect)
{
    ProspectState state;
    state.id = prospect.id;
    state.name = prospect.displayName();
    state.status = prospect.status;
    state.emailBounced = prospect.emailBounced;
    return state;
}

bool TouchRepository::readProspect(qint64 prospectId, ProspectState *state, Error *error) const
{
    // The same lookup (and "no prospect with id" message) as everywhere else.
    const std::optional<Prospect> prospect = ProspectRepository(m_db).get(prospectId, error);
    if (!prospect)
        return false;
    *state = stateOf(*prospect);
    return true;
}

bool TouchRepository::blockedError(const ProspectState &state, Error *error) const
{
    return fail(error, Error::Kind::Invalid,
        tr("%1 asked not to be contacted. Lift do-not-contact first if they agreed to hear "
           "from you again.")
            .arg(state.name));
}

bool TouchRepository::setProspectState(
    const ProspectState &state, ProspectStatus status, bool emailBounced, Error *error)
{
    if (status == state.status && emailBounced == state.emailBounced)
        return true;
    // A status change is a change of an editable column: bumping row_version makes
    // a prospect form opened before it refuse to save over it. The bounce flag is
    // not in the form, so it changes nothing there.
    const bool statusChanged = status != state.status;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "UPDATE prospects SET status = ?, email_bounced = ?, "
        "row_version = row_version + ?, updated_at = CASE WHEN ? THEN ? ELSE updated_at END, "
        // The touch made this change, not a person editing the prospect.
        "updated_by = CASE WHEN ? THEN NULL ELSE updated_by END "
        "WHERE id = ?"));
    query.addBindValue(statusKey(status));
    query.addBindValue(emailBounced ? 1 : 0);
    query.addBindValue(statusChanged ? 1 : 0);
    query.addBindValue(statusChanged ? 1 : 0);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(statusChanged ? 1 : 0);
    query.addBindValue(state.id);
    if (!m_db.exec(query, tr("updating the status of %1").arg(state.name), error))
        return false;
    return true;
}

bool TouchRepository::applyRules(
    const ProspectState &state, const Touch &touch, TouchUndo *undo, Error *error)
{
    const ProspectStatus status = statusAfter(state.status, touch);
    const bool bounced = state.emailBounced || touch.outcome == TouchOutcome::Bounced;
    if (status == ProspectStatus::DoNotContact && state.status != ProspectStatus::DoNotContact) {
        // At the opt-out's time, so that the timeline shows it next to the touch.
        ProspectEvent event;
        event.prospectId = state.id;
        event.kind = ProspectEventKind::DoNotContactSet;
        event.occurredAt = touch.occurredAt;
        event.authorId = touch.authorId;
        event.detail = channelKey(touch.channel);
        qint64 eventId = 0;
        if (!ProspectEventStore::insert(m_db, event, &eventId, error))
            return false;
        undo->addedEventIds.append(eventId);
    }
    undo->statusAfter = status;
    undo->emailBouncedAfter = bounced;
    return setProspectState(state, status, bounced, error);
}

bool TouchRepository::storeTouch(const Touch &touch, bool replace, qint64 *id, Error *error)
{
    QSqlQuery query(m_db.connection());
    prepareStore(query, replace);
    return execStore(query, touch, id, error);
}

void TouchRepository::prepareStore(QSqlQuery &query, bool replace)
{
    // touch_number is left to refreshDerived(). An id of 0 binds NULL, which makes
    // SQLite pick the next one; `replace` puts back a row that undo restores.
    query.prepare((replace ? QStringLiteral("INSERT OR REPLACE") : QStringLiteral("INSERT"))
        + QStringLiteral(" INTO touches (id, prospect_id, channel, direction, outcome, "
                         "occurred_at, notes, author_id, enrollment_id, step_id, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
}

bool TouchRepository::execStore(QSqlQuery &query, const Touch &touch, qint64 *id, Error *error)
{
    query.addBindValue(SqlUtil::idOrNull(touch.id));
    query.addBindValue(touch.prospectId);
    query.addBindValue(channelKey(touch.channel));
    query.addBindValue(directionKey(touch.direction));
    query.addBindValue(outcomeKey(touch.outcome));
    query.addBindValue(Database::toDbTime(touch.occurredAt));
    query.addBindValue(SqlUtil::text(touch.notes));
    query.addBindValue(SqlUtil::idOrNull(touch.authorId));
    query.addBindValue(SqlUtil::idOrNull(touch.enrollmentId));
    query.addBindValue(SqlUtil::idOrNull(touch.stepId));
    query.addBindValue(Database::toDbTime(touch.createdAt));
    // The action's text is made only on failure: an import runs this once per row.
    if (!query.exec()) {
        if (error)
            *error = m_db.queryError(query, tr("saving a touch"));
        return false;
    }
    *id = query.lastInsertId().toLongLong();
    return true;
}

bool TouchRepository::refreshDerived(const QList<qint64> &prospectIds, Error *error)
{
    // Only these prospects' rows, found through touches_by_prospect; each statement
    // writes only the rows whose value changes.
    const QString numbered = SqlUtil::numberedTouchCondition();
    const QString statements[] = {
        QStringLiteral("UPDATE touches SET touch_number = NULL WHERE prospect_id IN "
                       "(SELECT value FROM json_each(?)) AND touch_number IS NOT NULL AND NOT ")
            + numbered,
        QStringLiteral("UPDATE touches SET touch_number = numbered.n FROM ("
                       "SELECT id, row_number() OVER (PARTITION BY prospect_id "
                       "ORDER BY occurred_at, id) AS n "
                       "FROM touches WHERE prospect_id IN (SELECT value FROM json_each(?)) AND ")
            + numbered
            + QStringLiteral(") AS numbered WHERE touches.id = numbered.id "
                             "AND touches.touch_number IS NOT numbered.n"),
        QStringLiteral("UPDATE prospects SET touch_count = (SELECT count(*) FROM touches "
                       "WHERE prospect_id = prospects.id AND ")
            + numbered
            + QStringLiteral("), last_touch_at = (SELECT max(occurred_at) FROM touches "
                             "WHERE prospect_id = prospects.id AND channel <> ?) "
                             "WHERE id IN (SELECT value FROM json_each(?))"),
    };
    QSqlQuery query(m_db.connection());
    for (qsizetype start = 0; start < prospectIds.size(); start += idPageSize) {
        const QList<qint64> page = prospectIds.mid(start, idPageSize);
        for (const QString &sql : statements) {
            query.prepare(sql);
            if (&sql == &statements[2])
                query.addBindValue(channelKey(TouchChannel::Note));
            query.addBindValue(SqlUtil::idsToJson(page));
            if (!m_db.exec(query,
                    page.size() == 1
                        ? tr("numbering the touches of prospect %1").arg(page.first())
                        : tr("numbering the touches of %n prospect(s)", nullptr, int(page.size())),
                    error))
                return false;
        }
        // A touch can fulfil a cadence step, end the cadence or move its next due time.
        if (!EnrollmentRepository::refreshProspects(m_db, page, error))
            return false;
    }
    return true;
}

QString TouchRepository::changedBySomeoneElse()
{
    return tr("This touch was changed by someone else since you read it; nothing was changed.");
}

void TouchRepository::notify(qint64 prospectId)
{
    m_db.notifyChanged(
        Database::Table::Touches | Database::Table::Prospects | Database::Table::Enrollments,
        {prospectId});
}

bool TouchRepository::log(Touch *touch, TouchUndo *undo, Error *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<TouchFieldError> invalid = validateTouch(*touch, now);
    if (!invalid.isEmpty())
        return fail(error, Error::Kind::Invalid, invalid.first().message);

    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    ProspectState state;
    if (!readProspect(touch->prospectId, &state, error))
        return false;
    if (state.status == ProspectStatus::DoNotContact && contactsProspect(*touch))
        return blockedError(state, error);

    TouchUndo record;
    record.prospectId = state.id;
    record.statusBefore = state.status;
    record.emailBouncedBefore = state.emailBounced;
    Touch stored = *touch;
    if (!stored.createdAt.isValid())
        stored.createdAt = now;
    qint64 id = 0;
    if (!storeTouch(stored, false, &id, error))
        return false;
    record.addedTouchId = id;
    record.after = stored;
    record.after->id = id;
    if (!applyRules(state, stored, &record, error) || !refreshDerived({state.id}, error))
        return false;
    if (!transaction.commit(error))
        return false;
    if (const auto written = get(id, error))
        *touch = *written;
    if (undo)
        *undo = record;
    notify(state.id);
    return true;
}

bool TouchRepository::update(Touch *touch, TouchUndo *undo, Error *error, const Touch *expected)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<TouchFieldError> invalid = validateTouch(*touch, now);
    if (!invalid.isEmpty())
        return fail(error, Error::Kind::Invalid, invalid.first().message);

    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const std::optional<Touch> before = get(touch->id, error);
    if (!before)
        return false;
    if (expected && !before->sameContent(*expected))
        return fail(error, Error::Kind::Conflict, changedBySomeoneElse());
    ProspectState state;
    if (!readProspect(before->prospectId, &state, error))
        return false;
    // Old attempts may still be corrected; turning a note or an answer into a new
    // attempt is contacting the prospect.
    if (state.status == ProspectStatus::DoNotContact && contactsProspect(*touch)
        && !contactsProspect(*before))
        return blockedError(state, error);

    TouchUndo record;
    record.prospectId = state.id;
    record.before = before;
    record.statusBefore = record.statusAfter = state.status;
    record.emailBouncedBefore = record.emailBouncedAfter = state.emailBounced;
    Touch stored = *before;
    stored.channel = touch->channel;
    stored.direction = touch->direction;
    stored.outcome = touch->outcome;
    stored.occurredAt = touch->occurredAt;
    stored.notes = touch->notes;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE touches SET channel = ?, direction = ?, outcome = ?, "
                                 "occurred_at = ?, notes = ? WHERE id = ?"));
    query.addBindValue(channelKey(stored.channel));
    query.addBindValue(directionKey(stored.direction));
    query.addBindValue(outcomeKey(stored.outcome));
    query.addBindValue(Database::toDbTime(stored.occurredAt));
    query.addBindValue(SqlUtil::text(stored.notes));
    query.addBindValue(stored.id);
    if (!m_db.exec(query, tr("saving touch %1").arg(stored.id), error))
        return false;
    // Editing the notes of an old opt-out must not mark the prospect again after a lift.
    if (!sameKind(stored, *before) && !applyRules(state, stored, &record, error))
        return false;
    record.after = stored;
    if (!refreshDerived({state.id}, error) || !transaction.commit(error))
        return false;
    if (const auto written = get(stored.id, error))
        *touch = *written;
    if (undo)
        *undo = record;
    notify(state.id);
    return true;
}

bool TouchRepository::remove(qint64 touchId, TouchUndo *undo, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const std::optional<Touch> before = get(touchId, error);
    if (!before)
        return false;
    ProspectState state;
    if (!readProspect(before->prospectId, &state, error))
        return false;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("DELETE FROM touches WHERE id = ?"));
    query.addBindValue(touchId);
    if (!m_db.exec(query, tr("deleting touch %1").arg(touchId), error))
        return false;
    if (!refreshDerived({state.id}, error) || !transaction.commit(error))
        return false;
    if (undo) {
        *undo = TouchUndo();
        undo->prospectId = state.id;
        undo->before = before;
        undo->statusBefore = undo->statusAfter = state.status;
        undo->emailBouncedBefore = undo->emailBouncedAfter = state.emailBounced;
    }
    notify(state.id);
    return true;
}

bool TouchRepository::undo(const TouchUndo &undo, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    ProspectState state;
    if (!readProspect(undo.prospectId, &state, error))
        return false;
    // Undo puts back the touch only if it is still as the change left it, so a
    // teammate's later edit is never overwritten.
    if (undo.after) {
        Error lookup;
        const std::optional<Touch> current = get(undo.after->id, &lookup);
        if (!current || !current->sameContent(*undo.after))
            return fail(error, Error::Kind::Conflict, changedBySomeoneElse());
    }
    QSqlQuery query(m_db.connection());
    if (undo.addedTouchId) {
        query.prepare(QStringLiteral("DELETE FROM touches WHERE id = ?"));
        query.addBindValue(undo.addedTouchId);
        if (!m_db.exec(query, tr("undoing a touch"), error))
            return false;
    }
    if (undo.before) {
        qint64 id = 0;
        if (!storeTouch(*undo.before, true, &id, error))
            return false;
    }
    if (!undo.addedEventIds.isEmpty()) {
        query.prepare(QStringLiteral(
            "DELETE FROM prospect_events WHERE id IN (SELECT value FROM json_each(?))"));
        query.addBindValue(SqlUtil::idsToJson(undo.addedEventIds));
        if (!m_db.exec(query, tr("undoing a change of status"), error))
            return false;
    }
    // Each value goes back only if it is still what the change left.
    const ProspectStatus status
        = state.status == undo.statusAfter ? undo.statusBefore : state.status;
    const bool bounced = state.emailBounced == undo.emailBouncedAfter ? undo.emailBouncedBefore
                                                                      : state.emailBounced;
    if (!setProspectState(state, status, bounced, error) || !refreshDerived({state.id}, error)
        || !transaction.commit(error))
        return false;
    notify(undo.prospectId);
    return true;
}

bool TouchRepository::liftDoNotContact(qint64 prospectId, qint64 authorId, Error *error)
{
    return liftDoNotContact(prospectId, authorId, nullptr, error);
}

bool TouchRepository::liftDoNotContact(
    qint64 prospectId, qint64 authorId, TouchUndo *undo, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    ProspectState state;
    if (!readProspect(prospectId, &state, error))
        return false;
    if (state.status != ProspectStatus::DoNotContact)
        return fail(error, Error::Kind::Invalid,
            tr("%1 is not marked do not contact; there is nothing to lift.").arg(state.name));
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM touches WHERE prospect_id = ? "
                                 "AND direction = ? AND outcome <> ?)"));
    query.addBindValue(prospectId);
    query.addBindValue(directionKey(TouchDirection::In));
    query.addBindValue(outcomeKey(TouchOutcome::OptedOut));
    if (!query.exec() || !query.next()) {
        if (error)
            *error = m_db.queryError(query, tr("reading the touches of %1").arg(state.name));
        return false;
    }
    const bool replied = query.value(0).toBool();
    query.finish();

    TouchUndo record;
    record.prospectId = prospectId;
    record.statusBefore = state.status;
    record.statusAfter = replied ? ProspectStatus::Replied : ProspectStatus::New;
    record.emailBouncedBefore = record.emailBouncedAfter = state.emailBounced;
    ProspectEvent event;
    event.prospectId = prospectId;
    event.kind = ProspectEventKind::DoNotContactLifted;
    event.occurredAt = QDateTime::currentDateTimeUtc();
    event.authorId = authorId;
    qint64 eventId = 0;
    if (!ProspectEventStore::insert(m_db, event, &eventId, error))
        return false;
    record.addedEventIds.append(eventId);
    // The mark no longer ends the prospect's cadence; an opt-out touch still does.
    if (!setProspectState(state, record.statusAfter, state.emailBounced, error)
        || !EnrollmentRepository::refreshProspects(m_db, {prospectId}, error)
        || !transaction.commit(error))
        return false;
    if (undo)
        *undo = record;
    notify(prospectId);
    return true;
}

} // namespace Touchline
