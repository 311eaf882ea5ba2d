#include "TestData.h"

#include "storage/Database.h"

#include <QDebug>
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

QList<QVariantList> tableRows(Database &db, const QString &table)
{
    return tableRows(db, table, {});
}

QList<QVariantList> tableRows(Database &db, const QString &table, const QStringList &skipColumns)
{
    // Test code names the table; it is never user input.
    QSqlQuery query(db.connection());
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

bool setBusyTimeout(Database &db, int milliseconds)
{
    return execSql(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

} // namespace Touchline::Test
