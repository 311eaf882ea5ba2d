#include "ProspectEventStore.h"

#include "Database.h"
#include "SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Touchline::ProspectEventStore {

bool insert(Database &db, const ProspectEvent &event, qint64 *id, Error *error)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO prospect_events (prospect_id, kind, occurred_at, author_id, detail, "
        "enrollment_id, step_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(event.prospectId);
    query.addBindValue(eventKindKey(event.kind));
    query.addBindValue(Database::toDbTime(event.occurredAt));
    query.addBindValue(SqlUtil::idOrNull(event.authorId));
    query.addBindValue(SqlUtil::text(event.detail));
    query.addBindValue(SqlUtil::idOrNull(event.enrollmentId));
    query.addBindValue(SqlUtil::idOrNull(event.stepId));
    if (!db.exec(query,
            QCoreApplication::translate(
                "Touchline::ProspectEventStore", "recording the history of a prospect"),
            error))
        return false;
    if (id)
        *id = query.lastInsertId().toLongLong();
    return true;
}

} // namespace Touchline::ProspectEventStore
