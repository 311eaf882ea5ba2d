#include "StatsRepository.h"

#include "Database.h"
#include "domain/Cadence.h"

#include <QSqlQuery>

namespace Touchline {

StatsRepository::StatsRepository(Database &db)
    : m_db(db)
{
}

bool StatsRepository::load(QList<ReplyStats::ProspectHistory> *prospects, Error *error) const
{
    QList<ReplyStats::ProspectHistory> result;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // Only a cadence stopped by hand or by an opt-out settles the last touch as
    // unanswered. A completed cadence ends the moment its last step is sent,
    // which would settle that touch at once; replies and meetings settle through
    // the reply itself.
    query.prepare(QStringLiteral(
        "SELECT p.id, p.created_at, p.owner_id, "
        "CASE WHEN e.state IN (?, ?) THEN e.ended_at END "
        "FROM prospects p LEFT JOIN enrollments e ON e.id = (SELECT l.id FROM enrollments l "
        "WHERE l.prospect_id = p.id ORDER BY l.enrolled_at DESC, l.id DESC LIMIT 1) "
        "ORDER BY p.id"));
    query.addBindValue(enrollmentStateKey(EnrollmentState::Stopped));
    query.addBindValue(enrollmentStateKey(EnrollmentState::OptedOut));
    if (!m_db.exec(query, tr("reading the prospects for the statistics"), error))
        return false;
    while (query.next()) {
        ReplyStats::ProspectHistory prospect;
        prospect.id = query.value(0).toLongLong();
        prospect.createdAt = Database::fromDbTime(query.value(1));
        prospect.ownerId = query.value(2).toLongLong();
        prospect.cadenceEndedAt = Database::fromDbTime(query.value(3));
        result.append(prospect);
    }

    // touches_by_prospect (prospect_id, occurred_at, id) gives this order without
    // sorting, the same as the prospects', so one pass merges the two.
    query.prepare(QStringLiteral(
        "SELECT t.prospect_id, t.id, t.occurred_at, t.channel, t.direction, s.cadence_id, "
        "t.step_id, t.author_id FROM touches t LEFT JOIN cadence_steps s ON s.id = t.step_id "
        "ORDER BY t.prospect_id, t.occurred_at, t.id"));
    if (!m_db.exec(query, tr("reading the touches for the statistics"), error))
        return false;
    qsizetype index = 0;
    while (query.next()) {
        const qint64 prospectId = query.value(0).toLongLong();
        while (index < result.size() && result.at(index).id < prospectId)
            ++index;
        // Only when the file changed between the two queries (no transaction
        // spans them): the touch's prospect was added after the first one.
        if (index == result.size() || result.at(index).id != prospectId)
            continue;
        ReplyStats::HistoryTouch touch;
        touch.id = query.value(1).toLongLong();
        touch.occurredAt = Database::fromDbTime(query.value(2));
        // Unknown keys (a newer Touchline, or a hand edit) keep the defaults; `check` reports them.
        channelFromKey(query.value(3).toString(), &touch.channel);
        directionFromKey(query.value(4).toString(), &touch.direction);
        touch.cadenceId = query.value(5).toLongLong();
        touch.stepId = query.value(6).toLongLong();
        touch.authorId = query.value(7).toLongLong();
        result[index].touches.append(touch);
    }
    *prospects = result;
    return true;
}

} // namespace Touchline
