#include "StatsRepository.h"

#include "CadenceRepository.h"
#include "Database.h"
#include "UserRepository.h"
#include "domain/Cadence.h"

#include <QFile>
#include <QHash>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

namespace Touchline {

StatsRepository::StatsRepository(Database &db)
    : m_db(db)
{
}

namespace {

// A prepared statement on a SQLite handle: the connection's own
// (Database::handle()) or a second one on the same file. A million touches read
// through QSqlQuery cost a QVariant per value, most of the load's time.
class Statement
{
public:
    Statement(const Database &db, sqlite3 *handle, const QString &sql, const QString &action)
        : m_db(db)
        , m_handle(handle)
        , m_action(action)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (handle)
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

    // Binds an integer to a named parameter (":name").
    void bind(const char *name, qint64 value)
    {
        if (m_result == SQLITE_OK)
            m_result = sqlite3_bind_int64(
                m_statement, sqlite3_bind_parameter_index(m_statement, name), value);
    }

    // Calls `row` with the statement for each row, then resets it to run again;
    // false with `error` filled when SQLite fails.
    template<typename Row> bool forEachRow(Row &&row, Error *error)
    {
        if (m_result == SQLITE_OK) {
            while ((m_result = sqlite3_step(m_statement)) == SQLITE_ROW)
                row(m_statement);
        }
        if (m_result == SQLITE_DONE) {
            m_result = sqlite3_reset(m_statement);
            return true;
        }
        if (error)
            *error = m_handle ? m_db.sqliteError(sqlite3_extended_errcode(m_handle),
                         QString::fromUtf8(sqlite3_errmsg(m_handle)), m_action)
                              : m_db.sqliteError(SQLITE_MISUSE, QString(), m_action);
        return false;
    }

private:
    const Database &m_db;
    sqlite3 *const m_handle;
    const QString m_action;
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_ERROR;
};

// A second read-only connection to the database's file, opened and closed in
// the thread that uses it (SQLite connections cannot cross threads).
class SecondConnection
{
public:
    explicit SecondConnection(const Database &db)
    {
        if (sqlite3_open_v2(QFile::encodeName(db.path()).constData(), &m_handle,
                SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr)
                == SQLITE_OK
            && sqlite3_busy_timeout(m_handle, Database::busyTimeoutMs) == SQLITE_OK)
            m_opened = true;
    }
    ~SecondConnection() { sqlite3_close(m_handle); }
    SecondConnection(const SecondConnection &) = delete;
    SecondConnection &operator=(const SecondConnection &) = delete;

    sqlite3 *handle() const { return m_opened ? m_handle : nullptr; } // null: not opened

private:
    sqlite3 *m_handle = nullptr;
    bool m_opened = false;
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

// Where each prospect id is in the loaded list, looked up once per touch. Ids
// come from AUTOINCREMENT and are nearly dense, so a table indexed by the id
// answers with one memory access; ids too far apart for a table (rows written
// by hand with huge ids) take a binary search instead.
class ProspectIndex
{
public:
    // At most this many table entries per prospect.
    static constexpr quint64 maxSpread = 8;

    explicit ProspectIndex(const QList<ReplyStats::ProspectHistory> &prospects) // by id
    {
        m_ids.reserve(std::size_t(prospects.size()));
        for (const ReplyStats::ProspectHistory &prospect : prospects)
            m_ids.push_back(prospect.id);
        if (m_ids.empty())
            return;
        // Compared before adding one, which wraps to 0 for ids spanning all of int64.
        const quint64 lastOffset = offsetOf(m_ids.back());
        if (lastOffset >= maxSpread * m_ids.size())
            return;
        m_table.assign(lastOffset + 1, -1);
        for (std::size_t i = 0; i < m_ids.size(); ++i)
            m_table[offsetOf(m_ids[i])] = int(i);
    }

    std::size_t size() const { return m_ids.size(); }

    // -1: no prospect has this id.
    int position(qint64 id) const
    {
        if (!m_table.empty()) {
            const quint64 offset = offsetOf(id);
            return offset < m_table.size() ? m_table[offset] : -1;
        }
        const auto found = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
        return found != m_ids.cend() && *found == id ? int(found - m_ids.cbegin()) : -1;
    }

private:
    // From the first id; ids below it wrap around to large offsets.
    quint64 offsetOf(qint64 id) const { return quint64(id) - quint64(m_ids.front()); }

    std::vector<qint64> m_ids;
    std::vector<int> m_table; // empty: the ids are too far apart
};

// Every prospect by id, without touches.
bool readProspects(const Database &db, sqlite3 *handle,
    QList<ReplyStats::ProspectHistory> *prospects, Error *error)
{
    Statement rows(db, handle,
        QStringLiteral("SELECT id, created_at, owner_id FROM prospects ORDER BY id"),
        StatsRepository::tr("reading the prospects for the statistics"));
    return rows.forEachRow(
        [prospects](sqlite3_stmt *row) {
            ReplyStats::ProspectHistory &prospect = prospects->emplace_back();
            prospect.id = integer(row, 0);
            prospect.createdAtMs = optionalInteger(row, 1);
            prospect.ownerId = integer(row, 2);
        },
        error);
}

// When each prospect's latest enrollment (by enrolled_at, then id) ended. Only
// a cadence stopped by hand or by an opt-out settles the last touch as
// unanswered. A completed cadence ends the moment its last step is sent, which
// would settle that touch at once; replies and meetings settle through the
// reply itself. One pass over the enrollments costs less than looking each
// prospect's latest up in the index.
bool readCadenceEnds(const Database &db, sqlite3 *handle, const ProspectIndex &index,
    ReplyStats::ProspectHistory *prospects, Error *error)
{
    Statement rows(db, handle,
        QStringLiteral("SELECT prospect_id, enrolled_at, id, state IN (?, ?), "
                       "ended_at FROM enrollments"),
        StatsRepository::tr("reading the prospects for the statistics"));
    rows.bind({enrollmentStateKey(EnrollmentState::Stopped),
        enrollmentStateKey(EnrollmentState::OptedOut)});
    std::vector<std::optional<std::pair<qint64, qint64>>> latest(index.size());
    return rows.forEachRow(
        [&](sqlite3_stmt *row) {
            const int position = index.position(integer(row, 0));
            if (position < 0)
                return;
            const std::pair<qint64, qint64> enrolled(integer(row, 1), integer(row, 2));
            std::optional<std::pair<qint64, qint64>> &latestSoFar = latest[std::size_t(position)];
            if (latestSoFar && enrolled < *latestSoFar)
                return;
            latestSoFar = enrolled;
            prospects[position].cadenceEndedAtMs
                = integer(row, 3) == 1 ? optionalInteger(row, 4) : std::nullopt;
        },
        error);
}

// The keys of an enum's values as SQLite stores them, matched against a
// column's bytes without making a string per row.
template<typename Value> class KeyMatcher
{
public:
    KeyMatcher(const QList<Value> &values, QString (*keyOf)(Value))
    {
        for (Value value : values)
            m_keys.append({keyOf(value).toUtf8(), value});
    }

    // Nothing for NULL or an unknown key (a newer Touchline, or a hand edit).
    std::optional<Value> match(sqlite3_stmt *row, int column) const
    {
        const void *bytes = sqlite3_column_blob(row, column);
        const int size = sqlite3_column_bytes(row, column);
        for (const auto &[key, value] : m_keys) {
            if (key.size() == size && std::memcmp(key.constData(), bytes, std::size_t(size)) == 0)
                return value;
        }
        return std::nullopt;
    }

private:
    QList<std::pair<QByteArray, Value>> m_keys;
};

// A touch as read, before it joins its prospect.
struct TouchRow
{
    qint64 prospectId = 0;
    ReplyStats::HistoryTouch touch;
};

// The touches in storage order (reading them in prospect order through
// touches_by_prospect costs a b-tree seek per touch, more than sorting each
// prospect's few touches afterwards), in chunks of their id range that two
// connections in two threads claim in turn: stepping through a million rows is
// most of the load's time, and either thread may be held up by other work on
// the machine. Each chunk's rows are kept apart, so the threads share only the
// counter and read-only data.
class TouchChunks
{
public:
    static constexpr int count = 64;
    static constexpr quint64 maxReserved = 1 << 16; // rows per chunk

    // Reads the touches' id range; false with `error` filled when SQLite fails.
    bool prepare(const Database &db, sqlite3 *handle, Error *error)
    {
        std::optional<qint64> firstId;
        qint64 lastId = 0;
        Statement range(db, handle,
            QStringLiteral("SELECT (SELECT min(id) FROM touches), "
                           "(SELECT max(id) FROM touches)"),
            action());
        const bool read = range.forEachRow(
            [&](sqlite3_stmt *row) {
                firstId = optionalInteger(row, 0);
                lastId = integer(row, 1);
            },
            error);
        if (!read)
            return false;
        if (!firstId) {
            stop();
            return true;
        }
        m_firstId = *firstId;
        m_span = quint64(lastId) - quint64(m_firstId);
        m_size = m_span / count + 1;
        return true;
    }

    // Reads the unclaimed chunks on `handle` until none is left, each touch
    // with the cadence of its step; false with `error` filled when SQLite fails,
    // which stops the claims of the other thread too.
    bool read(const Database &db, sqlite3 *handle, const QHash<qint64, qint64> &cadenceOfStep,
        Error *error)
    {
        const KeyMatcher<TouchChannel> channels(allChannels(), channelKey);
        const KeyMatcher<TouchDirection> directions(
            {TouchDirection::Out, TouchDirection::In}, directionKey);
        Statement touches(db, handle,
            QStringLiteral("SELECT prospect_id, id, occurred_at, channel, direction, step_id, "
                           "author_id FROM touches WHERE id BETWEEN :first AND :last"),
            action());
        const auto readRow = [&](sqlite3_stmt *row, std::vector<TouchRow> *rows) {
            TouchRow &read = rows->emplace_back();
            read.prospectId = integer(row, 0);
            ReplyStats::HistoryTouch &touch = read.touch;
            touch.id = integer(row, 1);
            touch.occurredAtMs = integer(row, 2);
            // Unknown keys keep the defaults; `check` reports them.
            touch.channel = channels.match(row, 3).value_or(touch.channel);
            touch.direction = directions.match(row, 4).value_or(touch.direction);
            touch.stepId = integer(row, 5);
            touch.cadenceId = cadenceOfStep.value(touch.stepId);
            touch.authorId = integer(row, 6);
        };
        for (int chunk = m_next++; chunk < count; chunk = m_next++) {
            const quint64 from = quint64(chunk) * m_size;
            if (from > m_span)
                continue;
            touches.bind(":first", qint64(quint64(m_firstId) + from));
            touches.bind(":last", qint64(quint64(m_firstId) + std::min(m_span, from + m_size - 1)));
            std::vector<TouchRow> *rows = &m_rows[std::size_t(chunk)];
            // A chunk holds at most one touch per id: room for them all when
            // the ids are dense, so the rows are not copied as they grow.
            rows->reserve(std::size_t(std::min(m_size, maxReserved)));
            if (!touches.forEachRow([&](sqlite3_stmt *row) { readRow(row, rows); }, error)) {
                stop();
                return false;
            }
        }
        return true;
    }

    // Leaves the chunks not claimed yet unread.
    void stop() { m_next = count; }

    // Calls `touch` with each touch read and its prospect's id, chunk by chunk.
    template<typename Touch> void forEachTouch(Touch &&touch) const
    {
        for (const std::vector<TouchRow> &rows : m_rows) {
            for (const TouchRow &row : rows)
                touch(row.prospectId, row.touch);
        }
    }

private:
    static QString action()
    {
        return StatsRepository::tr("reading the touches for the statistics");
    }

    // Ids as offsets from the first: unsigned, so that ids anywhere in SQLite's
    // range (a hand edit may write any) cannot overflow.
    qint64 m_firstId = 0;
    quint64 m_span = 0; // the last id's offset
    quint64 m_size = 1; // ids per chunk
    std::atomic<int> m_next {0};
    std::array<std::vector<TouchRow>, count> m_rows;
};

} // namespace

bool StatsRepository::load(QList<ReplyStats::ProspectHistory> *prospects, Error *error) const
{
    sqlite3 *handle = m_db.handle();
    // The cadence of each step: a few rows, looked up here rather than joined per touch.
    QHash<qint64, qint64> cadenceOfStep;
    Statement steps(m_db, handle, QStringLiteral("SELECT id, cadence_id FROM cadence_steps"),
        tr("reading the cadence steps for the statistics"));
    TouchChunks chunks;
    if (!steps.forEachRow(
            [&cadenceOfStep](
                sqlite3_stmt *row) { cadenceOfStep.insert(integer(row, 0), integer(row, 1)); },
            error)
        || !chunks.prepare(m_db, handle, error))
        return false;

    // A second connection reads touches while this one reads the prospects,
    // then both read what is left. This one reads them all if the second
    // cannot be opened, or if this one is inside a transaction, whose changes
    // the second would not see. Each chunk, like the prospects, is read in a
    // transaction of its own, as the queries on one connection were: a write
    // in between can show in part, and changes SQLite's data_version, which has
    // StatsComputation load again for the next request.
    Error helperError;
    bool helperRead = true;
    std::thread helper;
    if (handle && sqlite3_get_autocommit(handle))
        helper = std::thread([&] {
            const SecondConnection second(m_db);
            if (second.handle())
                helperRead = chunks.read(m_db, second.handle(), cadenceOfStep, &helperError);
        });
    QList<ReplyStats::ProspectHistory> result;
    std::optional<ProspectIndex> index;
    bool read = readProspects(m_db, handle, &result, error);
    if (read) {
        index.emplace(result);
        read = readCadenceEnds(m_db, handle, *index, result.data(), error)
            && chunks.read(m_db, handle, cadenceOfStep, error);
    }
    if (!read)
        chunks.stop();
    if (helper.joinable())
        helper.join();
    if (!read)
        return false;
    if (!helperRead) {
        if (error)
            *error = helperError;
        return false;
    }

    // Each touch joins its prospect once room is made for each prospect's
    // touches at once. A touch whose prospect is not in the list was added
    // after the prospects were read (or, with foreign keys off, without one):
    // it is left out.
    std::vector<int> positions; // of each touch's prospect in `result`, in chunk order; -1: none
    std::vector<int> counts(std::size_t(result.size()));
    chunks.forEachTouch([&](qint64 prospectId, const ReplyStats::HistoryTouch &) {
        positions.push_back(index->position(prospectId));
        if (positions.back() >= 0)
            ++counts[std::size_t(positions.back())];
    });
    // Two threads fill and sort half the prospects each: the lists take memory
    // that is new to the process, and touching it for the first time costs as
    // much as the copying.
    ReplyStats::ProspectHistory *data = result.data();
    const auto fill = [&](int from, int to) {
        for (int i = from; i < to; ++i)
            data[i].touches.reserve(counts[std::size_t(i)]);
        auto position = positions.cbegin();
        chunks.forEachTouch([&](qint64, const ReplyStats::HistoryTouch &touch) {
            const int at = *position++;
            if (at >= from && at < to)
                data[at].touches.append(touch);
        });
        const auto inOrder = [](const ReplyStats::HistoryTouch &a,
                                 const ReplyStats::HistoryTouch &b) {
            return a.occurredAtMs != b.occurredAtMs ? a.occurredAtMs < b.occurredAtMs : a.id < b.id;
        };
        for (int i = from; i < to; ++i)
            std::sort(data[i].touches.begin(), data[i].touches.end(), inOrder);
    };
    const int middle = int(result.size() / 2);
    std::thread upper(fill, middle, int(result.size()));
    fill(0, middle);
    upper.join();
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
