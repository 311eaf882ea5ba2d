#include "TestData.h"

#include "storage/ConsistencyCheck.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Touchline::Test {

namespace {

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qWarning().noquote() << "Cannot prepare" << sql << ":" << query.lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning().noquote() << "Cannot run" << sql << ":" << query.lastError().text();
        return false;
    }
    return true;
}

QVariant nullableTime(const QDateTime &time)
{
    return Database::toDbTime(time);
}

// The Qt driver binds a null QString as NULL; text columns are NOT NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// Derives the prospects' enrollments again, logging a failure.
bool refresh(Database &db, const QList<qint64> &prospectIds)
{
    Error error;
    if (EnrollmentRepository::refreshProspects(db, prospectIds, &error))
        return true;
    qWarning().noquote() << error.message;
    return false;
}

} // namespace

Prospect makeProspect(
    const QString &firstName, const QString &lastName, const QString &company, const QString &email)
{
    Prospect prospect;
    prospect.firstName = firstName;
    prospect.lastName = lastName;
    prospect.company = company;
    prospect.email = email;
    return prospect;
}

bool execSql(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db.connection());
    return run(query, sql, values);
}

QList<qint64> insertProspects(Database &db, const QList<Prospect> &prospects)
{
    WriteTransaction transaction(db);
    Error error;
    if (!transaction.begin(&error)) {
        qWarning().noquote() << error.message;
        return {};
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(db.connection());
    QList<qint64> ids;
    ids.reserve(prospects.size());
    for (const Prospect &p : prospects) {
        const QVariant created = p.createdAt.isValid() ? nullableTime(p.createdAt) : QVariant(now);
        if (!run(query,
                QStringLiteral(
                    "INSERT INTO prospects (first_name, last_name, company, title, email, phone, "
                    "linkedin_url, owner_id, status, created_at, updated_at, last_touch_at, "
                    "next_due_at, touch_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {text(p.firstName), text(p.lastName), text(p.company), text(p.title), text(p.email),
                    text(p.phone), text(p.linkedInUrl),
                    p.ownerId ? QVariant(p.ownerId) : QVariant(QMetaType::fromType<qint64>()),
                    statusKey(p.status), created, now, nullableTime(p.lastTouchAt),
                    nullableTime(p.nextDueAt), p.touchCount}))
            return {};
        ids.append(query.lastInsertId().toLongLong());
    }
    if (!transaction.commit(&error)) {
        qWarning().noquote() << error.message;
        return {};
    }
    return ids;
}

qint64 insertEnrollment(
    Database &db, qint64 prospectId, const QString &state, const QDateTime &enrolledAt)
{
    QSqlQuery query(db.connection());
    if (!run(query,
            QStringLiteral(
                "INSERT INTO enrollments (prospect_id, cadence_id, state, next_position, "
                "enrolled_at, updated_at) "
                "VALUES (?, (SELECT min(id) FROM cadences), ?, 2, ?, ?)"),
            {prospectId, state, nullableTime(enrolledAt), nullableTime(enrolledAt)}))
        return 0;
    return query.lastInsertId().toLongLong();
}

qint64 insertTouch(Database &db, qint64 prospectId, qint64 enrollmentId, int touchNumber,
    const QDateTime &occurredAt, const QString &notes)
{
    const QVariant enrollment
        = enrollmentId ? QVariant(enrollmentId) : QVariant(QMetaType::fromType<qint64>());
    QSqlQuery query(db.connection());
    if (!run(query,
            QStringLiteral(
                "INSERT INTO touches (prospect_id, channel, direction, outcome, occurred_at, "
                "touch_number, notes, enrollment_id, step_id, created_at) "
                "VALUES (?, 'email', 'out', 'sent', ?, ?, ?, ?, "
                "(SELECT s.id FROM cadence_steps s JOIN enrollments e ON e.cadence_id = "
                "s.cadence_id WHERE e.id = ? AND s.position = ?), ?)"),
            {prospectId, nullableTime(occurredAt), touchNumber, text(notes), enrollment, enrollment,
                touchNumber, nullableTime(occurredAt)}))
        return 0;
    return query.lastInsertId().toLongLong();
}

QList<qint64> insertProspectsWithTouches(
    Database &db, int count, int touches, const QDateTime &at, int times)
{
    QList<Prospect> prospects;
    for (int i = 0; i < count; ++i)
        prospects.append(makeProspect(QStringLiteral("P%1").arg(i), QString(), QString(),
            QStringLiteral("p%1@example.com").arg(i)));
    const QList<qint64> ids = insertProspects(db, prospects);
    WriteTransaction transaction(db);
    Error error;
    if (ids.size() != count || !transaction.begin(&error))
        return {};
    int n = 0;
    for (qint64 id : ids) {
        for (int number = 1; number <= touches; ++number, ++n) {
            if (!insertTouch(db, id, 0, number, at.addSecs(60 * (n % times))))
                return {};
        }
    }
    return transaction.commit(&error) ? ids : QList<qint64>();
}

CadenceStep makeStep(TouchChannel channel, int waitDays, int windowStartMinute, int windowEndMinute,
    bool businessDays)
{
    CadenceStep step;
    step.channel = channel;
    step.waitDays = waitDays;
    step.windowStartMinute = windowStartMinute;
    step.windowEndMinute = windowEndMinute;
    step.businessDays = businessDays;
    step.purpose = QStringLiteral("%1 after %2 days").arg(channelKey(channel)).arg(waitDays);
    return step;
}

Touch makeTouch(qint64 prospectId, const QString &spec, const QDateTime &at)
{
    const QStringList parts = spec.split(QLatin1Char('/'));
    Touch touch;
    touch.prospectId = prospectId;
    touch.occurredAt = at;
    if (!channelFromKey(parts.value(0), &touch.channel)
        || !directionFromKey(parts.value(1), &touch.direction)
        || !outcomeFromKey(parts.value(2), &touch.outcome))
        qFatal("bad touch spec %s", qPrintable(spec));
    return touch;
}

bool backdateEnrollment(Database &db, qint64 enrollmentId, const QDateTime &enrolledAt)
{
    QSqlQuery query(db.connection());
    if (!run(query, QStringLiteral("UPDATE enrollments SET enrolled_at = ? WHERE id = ?"),
            {nullableTime(enrolledAt), enrollmentId})
        || !run(query, QStringLiteral("SELECT prospect_id FROM enrollments WHERE id = ?"),
            {enrollmentId})
        || !query.next())
        return false;
    return refresh(db, {query.value(0).toLongLong()});
}

bool setTimeZone(Database &db, qint64 prospectId, const QString &zoneId)
{
    return execSql(db, QStringLiteral("UPDATE prospects SET time_zone = ? WHERE id = ?"),
               {text(zoneId), prospectId})
        && refresh(db, {prospectId});
}

QList<QVariantList> tableRows(Database &db, const QString &table)
{
    return tableRows(db, table, {});
}

QList<QVariantList> tableRows(Database &db, const QString &table, const QStringList &skipColumns)
{
    return tableRows(db.connection(), table, skipColumns);
}

QList<QVariantList> tableRows(
    const QSqlDatabase &connection, const QString &table, const QStringList &skipColumns)
{
    // Test code names the table; it is never user input.
    QSqlQuery query(connection);
    if (!run(query, QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" ORDER BY 1"), {}))
        return {};
    QList<QVariantList> rows;
    const QSqlRecord record = query.record();
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < record.count(); ++i) {
            if (!skipColumns.contains(record.fieldName(i)))
                row.append(query.value(i));
        }
        rows.append(row);
    }
    return rows;
}

TouchTables TouchTables::of(Database &db)
{
    return {tableRows(db, QStringLiteral("prospects"),
                {QStringLiteral("updated_at"), QStringLiteral("row_version")}),
        tableRows(db, QStringLiteral("touches")), tableRows(db, QStringLiteral("prospect_events"))};
}

QStringList consistencyProblems(Database &db)
{
    QList<ConsistencyProblem> problems;
    Error error;
    if (!ConsistencyCheck(db).run(&problems, &error))
        return {error.message};
    QStringList messages;
    for (const ConsistencyProblem &problem : std::as_const(problems))
        messages.append(problem.message);
    return messages;
}

bool setBusyTimeout(Database &db, int milliseconds)
{
    return execSql(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

QByteArray fileChecksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace Touchline::Test
