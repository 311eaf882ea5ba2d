#include "CadenceRepository.h"

#include "Database.h"
#include "EnrollmentRepository.h"
#include "SqlUtil.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Touchline {

namespace {

const QString selectSteps = QStringLiteral(
    "SELECT id, cadence_id, position, channel, wait_days, business_days, window_start_minute, "
    "window_end_minute, purpose, subject, body FROM cadence_steps ");

// Steps are renumbered in two passes so that no two share a position on the way:
// first out of the way, then into place.
constexpr int positionOffset = 1000000;

CadenceStep readStep(const QSqlQuery &query)
{
    CadenceStep step;
    step.id = query.value(0).toLongLong();
    step.position = query.value(2).toInt();
    channelFromKey(query.value(3).toString(), &step.channel);
    step.waitDays = query.value(4).toInt();
    step.businessDays = query.value(5).toInt() != 0;
    step.windowStartMinute = query.value(6).isNull() ? -1 : query.value(6).toInt();
    step.windowEndMinute = query.value(7).isNull() ? -1 : query.value(7).toInt();
    step.purpose = query.value(8).toString();
    step.subject = query.value(9).toString();
    step.body = query.value(10).toString();
    return step;
}

void bindStep(QSqlQuery &query, const CadenceStep &step)
{
    query.addBindValue(channelKey(step.channel));
    query.addBindValue(step.waitDays);
    query.addBindValue(step.businessDays ? 1 : 0);
    query.addBindValue(step.hasWindow() ? QVariant(step.windowStartMinute) : QVariant());
    query.addBindValue(step.hasWindow() ? QVariant(step.windowEndMinute) : QVariant());
    query.addBindValue(SqlUtil::text(step.purpose));
    query.addBindValue(SqlUtil::text(step.subject));
    query.addBindValue(SqlUtil::text(step.body));
}

bool insertStep(QSqlQuery &query, qint64 cadenceId, CadenceStep *step)
{
    query.prepare(QStringLiteral(
        "INSERT INTO cadence_steps (id, cadence_id, position, channel, wait_days, business_days, "
        "window_start_minute, window_end_minute, purpose, subject, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(SqlUtil::idOrNull(step->id));
    query.addBindValue(cadenceId);
    query.addBindValue(step->position);
    bindStep(query, *step);
    if (!query.exec())
        return false;
    step->id = query.lastInsertId().toLongLong();
    return true;
}

// Whether the two step lists make steps due at different times.
bool timingDiffers(const QList<CadenceStep> &before, const QList<CadenceStep> &after)
{
    if (before.size() != after.size())
        return true;
    for (int i = 0; i < before.size(); ++i) {
        if (before[i].id != after[i].id || !before[i].sameTiming(after[i]))
            return true;
    }
    return false;
}

// Refuses, with the first problem, a cadence the editor would not accept.
bool checkValid(const Cadence &cadence, Error *error)
{
    const QList<CadenceFieldError> invalid = validateCadence(cadence);
    return invalid.isEmpty() || fail(error, Error::Kind::Invalid, invalid.first().message);
}

QList<qint64> readIds(QSqlQuery &query)
{
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

} // namespace

CadenceRepository::CadenceRepository(Database &db)
    : m_db(db)
{
}

bool CadenceRepository::readCadences(
    const QString &where, const QVariant &value, QList<Cadence> *cadences, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, name, description, archived, created_at, updated_at "
                                 "FROM cadences ")
        + where + QStringLiteral(" ORDER BY name COLLATE NOCASE, id"));
    if (value.isValid())
        query.addBindValue(value);
    if (!m_db.exec(query, tr("reading the cadences"), error))
        return false;
    cadences->clear();
    QHash<qint64, int> indexById;
    while (query.next()) {
        Cadence cadence;
        cadence.id = query.value(0).toLongLong();
        cadence.name = query.value(1).toString();
        cadence.description = query.value(2).toString();
        cadence.archived = query.value(3).toInt() != 0;
        cadence.createdAt = Database::fromDbTime(query.value(4));
        cadence.updatedAt = Database::fromDbTime(query.value(5));
        indexById.insert(cadence.id, int(cadences->size()));
        cadences->append(cadence);
    }
    if (cadences->isEmpty())
        return true;
    query.prepare(selectSteps
        + QStringLiteral("WHERE cadence_id IN (SELECT value FROM json_each(?)) "
                         "ORDER BY cadence_id, position"));
    query.addBindValue(SqlUtil::idsToJson(indexById.keys()));
    if (!m_db.exec(query, tr("reading the steps of the cadences"), error))
        return false;
    while (query.next())
        (*cadences)[indexById.value(query.value(1).toLongLong())].steps.append(readStep(query));
    return true;
}

bool CadenceRepository::list(QList<Cadence> *cadences, Error *error) const
{
    return readCadences(QString(), QVariant(), cadences, error);
}

std::optional<Cadence> CadenceRepository::readOne(
    const QString &where, const QVariant &value, const QString &notFound, Error *error) const
{
    QList<Cadence> found;
    if (!readCadences(where, value, &found, error))
        return std::nullopt;
    if (found.isEmpty()) {
        fail(error, Error::Kind::NotFound, notFound);
        return std::nullopt;
    }
    return found.first();
}

std::optional<Cadence> CadenceRepository::get(qint64 cadenceId, Error *error) const
{
    return readOne(QStringLiteral("WHERE id = ?"), cadenceId,
        tr("There is no cadence %1.").arg(cadenceId), error);
}

std::optional<Cadence> CadenceRepository::find(const QString &idOrName, Error *error) const
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    const QString wanted = idOrName.trimmed();
    if (digits.match(wanted).hasMatch())
        return get(wanted.toLongLong(), error);
    return readOne(QStringLiteral("WHERE name = ?"), wanted,
        tr("There is no cadence named \"%1\".").arg(wanted), error);
}

bool CadenceRepository::runningCounts(QHash<qint64, int> *counts, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT cadence_id, count(*) FROM enrollments WHERE ")
        + SqlUtil::runningEnrollmentCondition() + QStringLiteral(" GROUP BY cadence_id"));
    if (!m_db.exec(query, tr("counting the prospects in each cadence"), error))
        return false;
    counts->clear();
    while (query.next())
        counts->insert(query.value(0).toLongLong(), query.value(1).toInt());
    return true;
}

bool CadenceRepository::checkNameFree(const QString &name, qint64 cadenceId, Error *error) const
{
    QList<Cadence> sameName;
    if (!readCadences(QStringLiteral("WHERE name = ?"), name, &sameName, error))
        return false;
    return sameName.isEmpty() || sameName.first().id == cadenceId
        || fail(error, Error::Kind::Invalid, nameTaken(name));
}

QString CadenceRepository::nameTaken(const QString &name)
{
    return tr("There is already a cadence named \"%1\". Choose another name.").arg(name);
}

bool CadenceRepository::insert(QSqlDatabase &db, Cadence *cadence, Error *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO cadences (id, name, description, archived, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(SqlUtil::idOrNull(cadence->id));
    query.addBindValue(cadence->name);
    query.addBindValue(SqlUtil::text(cadence->description));
    query.addBindValue(cadence->archived ? 1 : 0);
    query.addBindValue(Database::toDbTime(cadence->createdAt));
    query.addBindValue(Database::toDbTime(cadence->updatedAt));
    bool ok = query.exec();
    if (ok) {
        cadence->id = query.lastInsertId().toLongLong();
        int position = 0;
        for (CadenceStep &step : cadence->steps) {
            step.position = ++position;
            if (!insertStep(query, cadence->id, &step)) {
                ok = false;
                break;
            }
        }
    }
    if (!ok)
        return fail(error, Error::Kind::Io,
            tr("Saving cadence \"%1\" failed: %2").arg(cadence->name, query.lastError().text()));
    return true;
}

bool CadenceRepository::add(Cadence *cadence, Error *error)
{
    if (!checkValid(*cadence, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    Cadence stored = *cadence;
    stored.name = stored.name.trimmed();
    // 0, not its id: any cadence of that name already stored counts.
    if (!checkNameFree(stored.name, 0, error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!stored.createdAt.isValid())
        stored.createdAt = now;
    stored.updatedAt = now;
    QSqlDatabase connection = m_db.connection();
    if (!insert(connection, &stored, error) || !transaction.commit(error))
        return false;
    *cadence = stored;
    m_db.notifyChanged(Database::Table::Cadences);
    return true;
}

bool CadenceRepository::save(Cadence *cadence, const QDateTime &expectedUpdatedAt,
    QList<StepLinks> *removed, const QList<StepLinks> &relink, Error *error)
{
    if (!checkValid(*cadence, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QList<Cadence> current;
    if (!readCadences(QStringLiteral("WHERE id = ?"), cadence->id, &current, error))
        return false;
    if (current.isEmpty())
        return fail(error, Error::Kind::NotFound,
            tr("Cadence \"%1\" was deleted by someone else; nothing was saved.")
                .arg(cadence->name));
    if (current.first().updatedAt != expectedUpdatedAt)
        return fail(error, Error::Kind::Conflict,
            tr("Cadence \"%1\" was changed by someone else since you opened it; nothing was "
               "saved. Your change is still in the editor: reload to see theirs.")
                .arg(current.first().name));
    Cadence stored = *cadence;
    stored.name = stored.name.trimmed();
    if (!checkNameFree(stored.name, stored.id, error))
        return false;
    // Milliseconds must move on even for two saves in the same millisecond, or
    // the conflict check above could not tell them apart.
    stored.updatedAt = std::max(QDateTime::currentDateTimeUtc(), expectedUpdatedAt.addMSecs(1));

    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE cadences SET name = ?, description = ?, archived = ?, "
                                 "updated_at = ? WHERE id = ?"));
    query.addBindValue(stored.name);
    query.addBindValue(SqlUtil::text(stored.description));
    query.addBindValue(stored.archived ? 1 : 0);
    query.addBindValue(Database::toDbTime(stored.updatedAt));
    query.addBindValue(stored.id);
    if (!m_db.exec(query, tr("saving cadence \"%1\"").arg(stored.name), error))
        return false;
    QList<StepLinks> removedLinks;
    if (!storeSteps(&stored, current.first().steps, &removedLinks, error)
        || !relinkSteps(relink, error))
        return false;
    if (timingDiffers(current.first().steps, stored.steps) || !relink.isEmpty()) {
        if (!EnrollmentRepository::refreshCadence(m_db, stored.id, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;
    *cadence = stored;
    if (removed)
        *removed = removedLinks;
    m_db.notifyChanged(
        Database::Table::Cadences | Database::Table::Enrollments | Database::Table::Prospects);
    return true;
}

bool CadenceRepository::storeSteps(
    Cadence *cadence, const QList<CadenceStep> &before, QList<StepLinks> *removed, Error *error)
{
    QSet<qint64> keptIds;
    for (const CadenceStep &step : std::as_const(cadence->steps))
        keptIds.insert(step.id);
    QSqlQuery query(m_db.connection());
    const QString action = tr("saving the steps of cadence \"%1\"").arg(cadence->name);
    for (const CadenceStep &step : before) {
        if (keptIds.contains(step.id))
            continue;
        StepLinks links;
        links.stepId = step.id;
        const struct
        {
            const char *sql;
            QList<qint64> *ids;
        } linkQueries[] = {
            {"SELECT id FROM touches WHERE step_id = ?", &links.touchIds},
            {"SELECT id FROM prospect_events WHERE step_id = ?", &links.skipEventIds},
            {"SELECT id FROM enrollments WHERE snoozed_step_id = ?", &links.snoozedEnrollmentIds},
        };
        for (const auto &linkQuery : linkQueries) {
            query.prepare(QString::fromLatin1(linkQuery.sql));
            query.addBindValue(step.id);
            if (!m_db.exec(query, action, error))
                return false;
            *linkQuery.ids = readIds(query);
        }
        query.prepare(QStringLiteral("DELETE FROM cadence_steps WHERE id = ?"));
        query.addBindValue(step.id);
        if (!m_db.exec(query, action, error))
            return false;
        removed->append(links);
    }
    query.prepare(
        QStringLiteral("UPDATE cadence_steps SET position = position + ? WHERE cadence_id = ?"));
    query.addBindValue(positionOffset);
    query.addBindValue(cadence->id);
    if (!m_db.exec(query, action, error))
        return false;
    QSet<qint64> existingIds;
    for (const CadenceStep &step : before)
        existingIds.insert(step.id);
    int position = 0;
    for (CadenceStep &step : cadence->steps) {
        step.position = ++position;
        if (step.id != 0 && existingIds.contains(step.id)) {
            query.prepare(QStringLiteral(
                "UPDATE cadence_steps SET channel = ?, wait_days = ?, business_days = ?, "
                "window_start_minute = ?, window_end_minute = ?, purpose = ?, subject = ?, "
                "body = ?, position = ? WHERE id = ?"));
            bindStep(query, step);
            query.addBindValue(step.position);
            query.addBindValue(step.id);
            if (!m_db.exec(query, action, error))
                return false;
        } else if (!insertStep(query, cadence->id, &step)) {
            if (error)
                *error = m_db.queryError(query, action);
            return false;
        }
    }
    return true;
}

bool CadenceRepository::relinkSteps(const QList<StepLinks> &links, Error *error)
{
    QSqlQuery query(m_db.connection());
    for (const StepLinks &link : links) {
        const struct
        {
            const char *sql;
            const QList<qint64> &ids;
        } updates[] = {
            {"UPDATE touches SET step_id = ? WHERE id IN (SELECT value FROM json_each(?))",
                link.touchIds},
            {"UPDATE prospect_events SET step_id = ? WHERE id IN (SELECT value FROM json_each(?))",
                link.skipEventIds},
            {"UPDATE enrollments SET snoozed_step_id = ? "
             "WHERE id IN (SELECT value FROM json_each(?))",
                link.snoozedEnrollmentIds},
        };
        for (const auto &update : updates) {
            if (update.ids.isEmpty())
                continue;
            query.prepare(QString::fromLatin1(update.sql));
            query.addBindValue(link.stepId);
            query.addBindValue(SqlUtil::idsToJson(update.ids));
            if (!m_db.exec(query, tr("restoring a removed step"), error))
                return false;
        }
    }
    return true;
}

bool CadenceRepository::remove(qint64 cadenceId, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM enrollments WHERE cadence_id = ?"));
    query.addBindValue(cadenceId);
    if (!m_db.exec(query, tr("removing a cadence"), error) || !query.next())
        return false;
    if (query.value(0).toInt() > 0)
        return fail(error, Error::Kind::Conflict,
            tr("This cadence has enrolled prospects, so it cannot be removed; archive it "
               "instead."));
    query.prepare(QStringLiteral("DELETE FROM cadences WHERE id = ?"));
    query.addBindValue(cadenceId);
    if (!m_db.exec(query, tr("removing a cadence"), error) || !transaction.commit(error))
        return false;
    m_db.notifyChanged(Database::Table::Cadences);
    return true;
}

bool CadenceRepository::copyName(const QString &name, QString *copy, Error *error) const
{
    QSqlQuery query(m_db.connection());
    for (int n = 1;; ++n) {
        const QString candidate
            = n == 1 ? tr("%1 (copy)").arg(name) : tr("%1 (copy %2)").arg(name, QString::number(n));
        query.prepare(QStringLiteral("SELECT 1 FROM cadences WHERE name = ?"));
        query.addBindValue(candidate);
        if (!m_db.exec(query, tr("naming a copy of a cadence"), error))
            return false;
        if (!query.next()) {
            *copy = candidate;
            return true;
        }
    }
}

} // namespace Touchline
