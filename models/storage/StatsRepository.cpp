#include "StatsRepository.h"

#include "CadenceRepository.h"
#include "Database.h"
#include "UserRepository.h"
#include "domain/Cadence.h"

#include <QHash>

#include <sqlite3.h>

#include <algorithm>

namespace Touchline {

StatsRepository::StatsRepository(Database &db)
    : m_db(db)
{
}

namespace {

// A prepared statement on the connection's own handle. A million touches read
// through QSqlQuery cost a QVariant per value, most of the load's time.
class Statement
{
public:
    Statement(const Database &db, const QString &sql, const QString &action)
        : m_db(db)
        , m_action(action)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3 *handle = db.handle())
            m_result = sqlite3_prepare_v2(
                handle, utf8.constData(), int(utf8.size()), &m_statement, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binds texts to the ? placeholders in order.
    void bind(const QStringList &texts)
    {
        for (int i = 0; i < texts.size() && m_result == SQLITE_OK; ++i) {
            const QByteArray utf8 = texts.at(i).toUtf8();
            m_result = sqlite3_bind_text(
                m_statement, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
    }

    // Calls `row` with the statement for each row; false with `error` filled
    // when SQLite fails.
    template<typename Row> bool forEachRow(Row &&row, Error *error)
    {
        if (m_result == SQLITE_OK) {
            while ((m_result = sqlite3_step(m_statement)) == SQLITE_ROW)
                row(m_statement);
        }
        if (m_result == SQLITE_DONE)
            return true;
        if (error) {
            sqlite3 *handle = m_db.handle();
            *error = handle ? m_db.sqliteError(sqlite3_extended_errcode(handle),
                         QString::fromUtf8(sqlite3_errmsg(handle)), m_action)
                            : m_db.sqliteError(SQLITE_MISUSE, QString(), m_action);
        }
        return false;
    }

private:
    const Database &m_db;
    const QString m_action;
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_ERROR;
};

qint64 integer(sqlite3_stmt *row, int column)
{
    return sqlite3_column_int64(row, column);
}

std::optional<qint64> optionalInteger(sqlite3_stmt *row, int column)
{
    return sqlite3_column_type(row, column) == SQLITE_NULL
        ? std::nullopt
        : std::optional<qint64>(integer(row, column));
}

} // namespace

bool StatsRepository::load(QList<ReplyStats::ProspectHistory> *prospects, Error *error) const
{
    QList<ReplyStats::ProspectHistory> result;
    // Only a cadence stopped by hand or by an opt-out settles the last touch as
    // unanswered. A completed cadence ends the moment its last step is sent,
    // which would settle that touch at once; replies and meetings settle through
    // the reply itself.
    Statement prospectRows(m_db,
        QStringLiteral("SELECT p.id, p.created_at, p.owner_id, "
                       "CASE WHEN e.state IN (?, ?) THEN e.ended_at END "
                       "FROM prospects p LEFT JOIN enrollments e ON e.id = (SELECT l.id FROM "
                       "enrollments l WHERE l.prospect_id = p.id "
                       "ORDER BY l.enrolled_at DESC, l.id DESC LIMIT 1) "
                       "ORDER BY p.id"),
        tr("reading the prospects for the statistics"));
    prospectRows.bind({enrollmentStateKey(EnrollmentState::Stopped),
        enrollmentStateKey(EnrollmentState::OptedOut)});
    const bool prospectsRead = prospectRows.forEachRow(
        [&result](sqlite3_stmt *row) {
            ReplyStats::ProspectHistory prospect;
            prospect.id = integer(row, 0);
            prospect.createdAtMs = optionalInteger(row, 1);
            prospect.ownerId = integer(row, 2);
            prospect.cadenceEndedAtMs = optionalInteger(row, 3);
            result.append(prospect);
        },
        error);
    if (!prospectsRead)
        return false;

    // The cadence of each step: a few rows, looked up here rather than joined per touch.
    QHash<qint64, qint64> cadenceOfStep;
    Statement steps(m_db, QStringLiteral("SELECT id, cadence_id FROM cadence_steps"),
        tr("reading the cadence steps for the statistics"));
    if (!steps.forEachRow(
            [&cadenceOfStep](
                sqlite3_stmt *row) { cadenceOfStep.insert(integer(row, 0), integer(row, 1)); },
            error))
        return false;

    // The touches in storage order: reading them in prospect order through
    // touches_by_prospect costs a b-tree seek per touch, more than sorting each
    // prospect's few touches afterwards. The channel and direction come as
    // indexes into allChannels() and 0/1 (1: inbound), as a key read as text
    // would cost a string per touch.
    const QList<TouchChannel> channels = allChannels();
    QString channelIndex = QStringLiteral("CASE channel");
    QStringList keys;
    for (qsizetype i = 0; i < channels.size(); ++i) {
        channelIndex += QStringLiteral(" WHEN ? THEN %1").arg(i);
        keys.append(channelKey(channels.at(i)));
    }
    Statement touches(m_db,
        QStringLiteral("SELECT prospect_id, id, occurred_at, ") + channelIndex
            + QStringLiteral(" END, CASE direction WHEN ? THEN 0 WHEN ? THEN 1 END, step_id, "
                             "author_id FROM touches"),
        tr("reading the touches for the statistics"));
    touches.bind(
        keys + QStringList {directionKey(TouchDirection::Out), directionKey(TouchDirection::In)});
    const auto byId
        = [](const ReplyStats::ProspectHistory &prospect, qint64 id) { return prospect.id < id; };
    const bool touchesRead = touches.forEachRow(
        [&](sqlite3_stmt *row) {
            const qint64 prospectId = integer(row, 0);
            const auto prospect = std::lower_bound(result.begin(), result.end(), prospectId, byId);
            // Only when the file changed between the queries (no transaction spans
            // them): the touch's prospect was added after the first one.
            if (prospect == result.end() || prospect->id != prospectId)
                return;
            ReplyStats::HistoryTouch touch;
            touch.id = integer(row, 1);
            touch.occurredAtMs = integer(row, 2);
            // Unknown keys (NULL here: a newer Touchline, or a hand edit) keep the
            // defaults; `check` reports them.
            if (sqlite3_column_type(row, 3) != SQLITE_NULL)
                touch.channel = channels.at(int(integer(row, 3)));
            if (sqlite3_column_type(row, 4) != SQLITE_NULL)
                touch.direction = integer(row, 4) == 1 ? TouchDirection::In : TouchDirection::Out;
            touch.stepId = integer(row, 5);
            touch.cadenceId = cadenceOfStep.value(touch.stepId);
            touch.authorId = integer(row, 6);
            prospect->touches.append(touch);
        },
        error);
    if (!touchesRead)
        return false;
    const auto inOrder = [](const ReplyStats::HistoryTouch &a, const ReplyStats::HistoryTouch &b) {
        return a.occurredAtMs != b.occurredAtMs ? a.occurredAtMs < b.occurredAtMs : a.id < b.id;
    };
    for (ReplyStats::ProspectHistory &prospect : result)
        std::sort(prospect.touches.begin(), prospect.touches.end(), inOrder);
    *prospects = result;
    return true;
}

bool StatsRepository::loadLabels(ReportTables::Labels *labels, Error *error) const
{
    QList<User> users;
    QList<Cadence> cadences; // by name
    if (!UserRepository(m_db).list(&users, error)
        || !CadenceRepository(m_db).list(&cadences, error))
        return false;
    ReportTables::Labels result;
    for (const User &user : std::as_const(users))
        result.owners.insert(user.id, user.name);
    for (const Cadence &cadence : std::as_const(cadences)) {
        result.cadences.insert(cadence.id, cadence.name);
        for (const CadenceStep &step : cadence.steps)
            result.steps.append({step.id, cadence.name, step.position, step.channel});
    }
    *labels = result;
    return true;
}

} // namespace Touchline
