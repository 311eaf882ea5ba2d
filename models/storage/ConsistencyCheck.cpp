#include "ConsistencyCheck.h"

#include "Database.h"
#include "EnrollmentRepository.h"
#include "SqlUtil.h"
#include "domain/Prospect.h"
#include "domain/Touch.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>

namespace Touchline {

namespace {

// The enrollment states of schema v1 (its CHECK constraint); there is no
// enrollment domain type yet to take them from.
const QStringList enrollmentStates = {
    QStringLiteral("active"),
    QStringLiteral("paused"),
    QStringLiteral("replied"),
    QStringLiteral("meeting"),
    QStringLiteral("opted_out"),
    QStringLiteral("bounced"),
    QStringLiteral("completed"),
    QStringLiteral("stopped"),
};

// A list of keys bound as one value, for `NOT IN (SELECT value FROM json_each(?))`.
QString jsonList(const QStringList &keys)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
}

QString timeText(const QVariant &value)
{
    if (value.isNull())
        return ConsistencyCheck::tr("none");
    return Database::fromDbTime(value).toString(Qt::ISODateWithMs);
}

// Keeps the first `limit` problems of each kind and counts the others.
class Collector
{
public:
    Collector(QList<ConsistencyProblem> *problems, int limit)
        : m_problems(problems)
        , m_limit(limit)
    {
    }

    void add(
        ConsistencyProblem::Kind kind, const QString &table, qint64 rowId, const QString &message)
    {
        int &count = m_counts[kind];
        if (++count <= m_limit)
            m_problems->append({kind, table, rowId, message});
    }

    void finish()
    {
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
            const int more = it.value() - m_limit;
            if (more > 0)
                m_problems->append({it.key(), QString(), 0,
                    ConsistencyCheck::tr("%n more problem(s) of this kind (%1).", nullptr, more)
                        .arg(problemKindKey(it.key()))});
        }
    }

private:
    QList<ConsistencyProblem> *m_problems;
    int m_limit;
    QMap<ConsistencyProblem::Kind, int> m_counts;
};

// A read transaction, so that every check sees the same state of a shared file.
class Snapshot
{
public:
    explicit Snapshot(const QSqlDatabase &db)
        : m_db(db)
    {
    }
    ~Snapshot()
    {
        if (m_active) {
            QSqlQuery query(m_db);
            query.exec(QStringLiteral("ROLLBACK"));
        }
    }
    Snapshot(const Snapshot &) = delete;
    Snapshot &operator=(const Snapshot &) = delete;

    bool begin(QSqlQuery *query)
    {
        m_active = query->exec(QStringLiteral("BEGIN"));
        return m_active;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

// The columns refreshing an enrollment writes, against what the engine derives
// now. A due time is compared only in the prospect's own zone: without one, it
// was derived in the zone of whoever refreshed it last.
bool checkEnrollmentProgress(Database &db, Collector &found, Error *error)
{
    using Kind = ConsistencyProblem::Kind;
    QList<EnrollmentDerivation> derivations;
    if (!EnrollmentRepository::deriveLatest(db, &derivations, error))
        return false;
    const QString table = QStringLiteral("enrollments");
    const auto sameDue = [](const QDateTime &a, const QDateTime &b, bool zoneKnown) {
        return zoneKnown ? a == b : a.isValid() == b.isValid();
    };
    const auto shown = [](const QDateTime &time) { return timeText(Database::toDbTime(time)); };
    for (const EnrollmentDerivation &d : std::as_const(derivations)) {
        const Enrollment &stored = d.stored;
        // Each message names the enrollment and its prospect (%1, %2), then the
        // stored and the derived value (%3, %4).
        const auto differs
            = [&](const QString &message, const QString &storedValue, const QString &derivedValue) {
                  found.add(Kind::EnrollmentProgress, table, stored.id,
                      message.arg(stored.id).arg(stored.prospectId).arg(storedValue, derivedValue));
              };
        if (stored.state != d.derived.state)
            differs(ConsistencyCheck::tr(
                        "Enrollment %1 of prospect %2 is %3, but its history makes it %4."),
                enrollmentStateKey(stored.state), enrollmentStateKey(d.derived.state));
        if (stored.nextPosition != d.derived.nextPosition)
            differs(ConsistencyCheck::tr("Enrollment %1 of prospect %2 is at step %3, but its "
                                         "history puts it at step %4."),
                QString::number(stored.nextPosition), QString::number(d.derived.nextPosition));
        if (stored.endedAt != d.derived.endedAt)
            differs(ConsistencyCheck::tr("Enrollment %1 of prospect %2 has ended_at %3, but its "
                                         "history says %4."),
                shown(stored.endedAt), shown(d.derived.endedAt));
        if (!sameDue(stored.dueAt, d.derived.dueAt, d.zoneKnown))
            differs(ConsistencyCheck::tr("Enrollment %1 of prospect %2 has due_at %3, but its "
                                         "cadence makes it %4."),
                shown(stored.dueAt), shown(d.derived.dueAt));
        if (!sameDue(d.storedNextDueAt, d.derivedNextDueAt, d.zoneKnown))
            found.add(Kind::EnrollmentProgress, QStringLiteral("prospects"), stored.prospectId,
                ConsistencyCheck::tr("Prospect %1 has next_due_at %2, but its cadence makes it "
                                     "%3.")
                    .arg(stored.prospectId)
                    .arg(shown(d.storedNextDueAt), shown(d.derivedNextDueAt)));
    }
    return true;
}

} // namespace

QString problemKindKey(ConsistencyProblem::Kind kind)
{
    switch (kind) {
    case ConsistencyProblem::Kind::Integrity:
        return QStringLiteral("integrity");
    case ConsistencyProblem::Kind::ForeignKey:
        return QStringLiteral("foreign_key");
    case ConsistencyProblem::Kind::TouchNumbering:
        return QStringLiteral("touch_numbering");
    case ConsistencyProblem::Kind::InboundNumbered:
        return QStringLiteral("inbound_numbered");
    case ConsistencyProblem::Kind::TouchCount:
        return QStringLiteral("touch_count");
    case ConsistencyProblem::Kind::LastTouch:
        return QStringLiteral("last_touch_at");
    case ConsistencyProblem::Kind::RunningEnrollments:
        return QStringLiteral("running_enrollments");
    case ConsistencyProblem::Kind::UnknownValue:
        return QStringLiteral("unknown_value");
    case ConsistencyProblem::Kind::EnrollmentProgress:
        return QStringLiteral("enrollment_progress");
    }
    Q_UNREACHABLE();
}

ConsistencyCheck::ConsistencyCheck(Database &db)
    : m_db(db)
{
}

bool ConsistencyCheck::run(QList<ConsistencyProblem> *problems, Error *error) const
{
    using Kind = ConsistencyProblem::Kind;
    problems->clear();
    Collector found(problems, m_limitPerKind);
    const QSqlDatabase db = m_db.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto failed = [&](const QString &action) {
        if (error)
            *error = m_db.queryError(query, action);
        return false;
    };
    // Prepares, binds and runs one statement of the checks.
    auto run = [&](const QString &sql, const QVariantList &values = {}) {
        if (!query.prepare(sql))
            return false;
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec();
    };

    Snapshot snapshot(db);
    if (!snapshot.begin(&query))
        return failed(tr("starting the check"));

    if (!run(QStringLiteral("PRAGMA integrity_check")))
        return failed(tr("checking the file's integrity"));
    while (query.next()) {
        const QString verdict = query.value(0).toString();
        if (verdict != QLatin1String("ok"))
            found.add(Kind::Integrity, QString(), 0, verdict);
    }

    // PRAGMA foreign_key_check names the constraint by number; the column says more.
    if (!run(QStringLiteral("SELECT c.\"table\", c.rowid, c.parent, coalesce(l.\"from\", '') "
                            "FROM pragma_foreign_key_check AS c "
                            "LEFT JOIN pragma_foreign_key_list(c.\"table\") AS l ON l.id = c.fkid "
                            "ORDER BY c.\"table\", c.rowid")))
        return failed(tr("checking references between tables"));
    while (query.next()) {
        const QString table = query.value(0).toString();
        const qint64 rowId = query.value(1).toLongLong();
        found.add(Kind::ForeignKey, table, rowId,
            tr("Row %1 of %2 refers in %3 to a row of %4 that does not exist.")
                .arg(rowId)
                .arg(table, query.value(3).toString(), query.value(2).toString()));
    }

    // Only the first wrong number of each prospect is shown: the ones after it
    // are usually wrong for the same reason.
    const QString numbered = SqlUtil::numberedTouchCondition();
    if (!run(QStringLiteral("SELECT id, prospect_id, touch_number, expected FROM ("
                            "  SELECT id, prospect_id, touch_number, row_number() OVER ("
                            "    PARTITION BY prospect_id ORDER BY occurred_at, id) AS expected "
                            "  FROM touches WHERE ")
            + numbered
            + QStringLiteral(
                ") WHERE touch_number IS NOT expected ORDER BY prospect_id, expected")))
        return failed(tr("checking the touch numbers"));
    qint64 lastProspect = 0;
    while (query.next()) {
        const qint64 prospectId = query.value(1).toLongLong();
        if (prospectId == lastProspect)
            continue;
        lastProspect = prospectId;
        const qint64 touchId = query.value(0).toLongLong();
        const qint64 expected = query.value(3).toLongLong();
        found.add(Kind::TouchNumbering, QStringLiteral("touches"), touchId,
            query.value(2).isNull()
                ? tr("Outbound touch %1 of prospect %2 has no touch number; it is touch %3 "
                     "in time order.")
                      .arg(touchId)
                      .arg(prospectId)
                      .arg(expected)
                : tr("Outbound touch %1 of prospect %2 is numbered %3, but it is touch %4 "
                     "in time order.")
                      .arg(touchId)
                      .arg(prospectId)
                      .arg(query.value(2).toLongLong())
                      .arg(expected));
    }

    // Inbound touches, meetings and notes are not contact attempts: no number.
    if (!run(QStringLiteral("SELECT id, prospect_id, touch_number, channel, direction FROM touches "
                            "WHERE touch_number IS NOT NULL AND NOT ")
            + numbered + QStringLiteral(" ORDER BY id")))
        return failed(tr("checking the touch numbers"));
    while (query.next()) {
        const qint64 touchId = query.value(0).toLongLong();
        found.add(Kind::InboundNumbered, QStringLiteral("touches"), touchId,
            tr("Touch %1 of prospect %2 (%3, %4) has touch number %5; only outbound email, "
               "phone, LinkedIn and SMS touches are numbered.")
                .arg(touchId)
                .arg(query.value(1).toLongLong())
                .arg(query.value(3).toString(), query.value(4).toString())
                .arg(query.value(2).toLongLong()));
    }

    // Both derived columns from one pass over the touches.
    if (!run(QStringLiteral(
                 "SELECT p.id, p.touch_count, coalesce(t.outbound, 0), p.last_touch_at, t.latest "
                 "FROM prospects p LEFT JOIN ("
                 "  SELECT prospect_id, sum(")
            + numbered
            + QStringLiteral(") AS outbound, "
                             // Notes are not contact: they do not move the last touch.
                             "max(CASE WHEN channel <> 'note' THEN occurred_at END) AS latest "
                             "  FROM touches GROUP BY prospect_id) t ON t.prospect_id = p.id "
                             "WHERE p.touch_count IS NOT coalesce(t.outbound, 0) "
                             "OR p.last_touch_at IS NOT t.latest ORDER BY p.id")))
        return failed(tr("checking the touch counts"));
    while (query.next()) {
        const qint64 prospectId = query.value(0).toLongLong();
        const qint64 stored = query.value(1).toLongLong();
        const qint64 outbound = query.value(2).toLongLong();
        if (stored != outbound)
            found.add(Kind::TouchCount, QStringLiteral("prospects"), prospectId,
                tr("Prospect %1 has touch_count %2, but %3 numbered touches.")
                    .arg(prospectId)
                    .arg(stored)
                    .arg(outbound));
        const QVariant lastTouch = query.value(3);
        const QVariant latest = query.value(4);
        if (lastTouch.isNull() != latest.isNull() || lastTouch.toLongLong() != latest.toLongLong())
            found.add(Kind::LastTouch, QStringLiteral("prospects"), prospectId,
                tr("Prospect %1 has last_touch_at %2, but its latest touch is at %3.")
                    .arg(prospectId)
                    .arg(timeText(lastTouch), timeText(latest)));
    }

    // Bounced enrollments are running too, as in the schema's unique index.
    if (!run(QStringLiteral("SELECT prospect_id, count(*), group_concat(id, ', ') FROM ("
                            "  SELECT prospect_id, id FROM enrollments WHERE ")
            + SqlUtil::runningEnrollmentCondition()
            + QStringLiteral("  ORDER BY id) "
                             "GROUP BY prospect_id HAVING count(*) > 1 ORDER BY prospect_id")))
        return failed(tr("checking the enrollments"));
    while (query.next()) {
        const qint64 prospectId = query.value(0).toLongLong();
        found.add(Kind::RunningEnrollments, QStringLiteral("prospects"), prospectId,
            tr("Prospect %1 is in %2 running cadences at once (enrollments %3); at most "
               "one may be active, paused or bounced.")
                .arg(prospectId)
                .arg(query.value(1).toLongLong())
                .arg(query.value(2).toString()));
    }

    if (!checkEnrollmentProgress(m_db, found, error))
        return false;

    QStringList statuses;
    for (ProspectStatus status : allStatuses())
        statuses.append(statusKey(status));
    if (!run(QStringLiteral("SELECT id, status FROM prospects "
                            "WHERE status NOT IN (SELECT value FROM json_each(?)) ORDER BY id"),
            {jsonList(statuses)}))
        return failed(tr("checking the statuses"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        found.add(Kind::UnknownValue, QStringLiteral("prospects"), id,
            tr("Prospect %1 has the unknown status \"%2\".")
                .arg(id)
                .arg(query.value(1).toString()));
    }

    if (!run(QStringLiteral("SELECT id, state FROM enrollments "
                            "WHERE state NOT IN (SELECT value FROM json_each(?)) ORDER BY id"),
            {jsonList(enrollmentStates)}))
        return failed(tr("checking the enrollments"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        found.add(Kind::UnknownValue, QStringLiteral("enrollments"), id,
            tr("Enrollment %1 has the unknown state \"%2\".")
                .arg(id)
                .arg(query.value(1).toString()));
    }

    QStringList channels;
    for (TouchChannel channel : allChannels())
        channels.append(channelKey(channel));
    const QStringList directions
        = {directionKey(TouchDirection::Out), directionKey(TouchDirection::In)};
    QStringList outcomes;
    for (TouchOutcome outcome : allOutcomes())
        outcomes.append(outcomeKey(outcome));
    if (!run(QStringLiteral("SELECT id, channel, direction, outcome FROM touches "
                            "WHERE channel NOT IN (SELECT value FROM json_each(?)) "
                            "OR direction NOT IN (SELECT value FROM json_each(?)) "
                            "OR outcome NOT IN (SELECT value FROM json_each(?)) ORDER BY id"),
            {jsonList(channels), jsonList(directions), jsonList(outcomes)}))
        return failed(tr("checking the touches"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString channel = query.value(1).toString();
        const QString direction = query.value(2).toString();
        const QString outcome = query.value(3).toString();
        const QString table = QStringLiteral("touches");
        if (!channels.contains(channel))
            found.add(Kind::UnknownValue, table, id,
                tr("Touch %1 has the unknown channel \"%2\".").arg(id).arg(channel));
        if (!directions.contains(direction))
            found.add(Kind::UnknownValue, table, id,
                tr("Touch %1 has the unknown direction \"%2\".").arg(id).arg(direction));
        if (!outcomes.contains(outcome))
            found.add(Kind::UnknownValue, table, id,
                tr("Touch %1 has the unknown outcome \"%2\".").arg(id).arg(outcome));
    }
    query.finish();
    found.finish();
    return true;
}

} // namespace Touchline
