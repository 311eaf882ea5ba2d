#include "StatsRepository.h"

#include "Database.h"
#include "domain/Cadence.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

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

    // The cadence of each step: a few rows, looked up here rather than joined per touch.
    QHash<qint64, qint64> cadenceOfStep;
    query.prepare(QStringLiteral("SELECT id, cadence_id FROM cadence_steps"));
    if (!m_db.exec(query, tr("reading the cadence steps for the statistics"), error))
        return false;
    while (query.next())
        cadenceOfStep.insert(query.value(0).toLongLong(), query.value(1).toLongLong());

    // The touches in storage order: reading them in prospect order through
    // touches_by_prospect costs a b-tree seek per touch, more than sorting each
    // prospect's few touches afterwards. The channel and direction come as
    // indexes into allChannels() and 0/1 (1: inbound), as a key read as text
    // would cost a string per touch.
    const QList<TouchChannel> channels = allChannels();
    QString channelIndex = QStringLiteral("CASE channel");
    for (qsizetype i = 0; i < channels.size(); ++i)
        channelIndex += QStringLiteral(" WHEN ? THEN %1").arg(i);
    query.prepare(QStringLiteral("SELECT prospect_id, id, occurred_at, ") + channelIndex
        + QStringLiteral(" END, CASE direction WHEN ? THEN 0 WHEN ? THEN 1 END, step_id, "
                         "author_id FROM touches"));
    for (const TouchChannel channel : channels)
        query.addBindValue(channelKey(channel));
    query.addBindValue(directionKey(TouchDirection::Out));
    query.addBindValue(directionKey(TouchDirection::In));
    if (!m_db.exec(query, tr("reading the touches for the statistics"), error))
        return false;
    const auto byId
        = [](const ReplyStats::ProspectHistory &prospect, qint64 id) { return prospect.id < id; };
    while (query.next()) {
        const qint64 prospectId = query.value(0).toLongLong();
        const auto prospect = std::lower_bound(result.begin(), result.end(), prospectId, byId);
        // Only when the file changed between the queries (no transaction spans
        // them): the touch's prospect was added after the first one.
        if (prospect == result.end() || prospect->id != prospectId)
            continue;
        ReplyStats::HistoryTouch touch;
        touch.id = query.value(1).toLongLong();
        touch.occurredAt = Database::fromDbTime(query.value(2));
        // Unknown keys (NULL here: a newer Touchline, or a hand edit) keep the
        // defaults; `check` reports them.
        const QVariant channel = query.value(3);
        if (!channel.isNull())
            touch.channel = channels.at(channel.toInt());
        const QVariant direction = query.value(4);
        if (!direction.isNull())
            touch.direction = direction.toInt() == 1 ? TouchDirection::In : TouchDirection::Out;
        touch.stepId = query.value(5).toLongLong();
        touch.cadenceId = cadenceOfStep.value(touch.stepId);
        touch.authorId = query.value(6).toLongLong();
        prospect->touches.append(touch);
    }
    const auto inOrder = [](const ReplyStats::HistoryTouch &a, const ReplyStats::HistoryTouch &b) {
        const qint64 aMs = a.occurredAt.toMSecsSinceEpoch();
        const qint64 bMs = b.occurredAt.toMSecsSinceEpoch();
        return aMs != bMs ? aMs < bMs : a.id < b.id;
    };
    for (ReplyStats::ProspectHistory &prospect : result)
        std::sort(prospect.touches.begin(), prospect.touches.end(), inOrder);
    *prospects = result;
    return true;
}

} // namespace Touchline
