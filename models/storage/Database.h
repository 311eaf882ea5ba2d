#pragma once

#include "Error.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QVariant>

class QSqlQuery;
struct sqlite3;

namespace Touchline {

// One connection to a Touchline file. Several processes may open the same file,
// so nothing here caches rows or holds a write lock between calls.
class Database : public QObject
{
    Q_OBJECT
public:
    enum class Access { ReadWrite, ReadOnly };
    enum class Creation {
        CreateIfMissing, // the default file: made on first start
        MustExist,       // File > Open
        MustNotExist,    // File > New and `touchline-cli init`
    };
    enum class Table {
        Prospects = 0x1,
        Touches = 0x2,
        Cadences = 0x4,
        Enrollments = 0x8,
        Users = 0x10,
        Settings = 0x20,
    };
    Q_DECLARE_FLAGS(Tables, Table)
    Q_FLAG(Tables)

    static constexpr int busyTimeoutMs = 5000;

    explicit Database(QObject *parent = nullptr);
    ~Database() override;

    // Opens the file, creating or migrating its schema as needed. On failure the
    // object stays closed and `error` names the file and the problem.
    bool open(const QString &path, Creation creation, Access access, Error *error);
    void close();

    // SQLite's quick_check over the whole file, on a connection of its own, so
    // it may run in another thread. Takes about a second per 200 MB.
    static Error checkIntegrity(const QString &path);

    bool isOpen() const;
    // SQLite's PRAGMA data_version: changes whenever another connection (this
    // process or another) commits to the file. -1 when it cannot be read.
    int dataVersion() const;
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    // Repositories call this after a committed write so that views refresh.
    // `prospectIds`, when given, says the write touched only these prospects'
    // rows (and rows that belong to them), so a view may refresh just those.
    // Inside an outer WriteTransaction the signal waits for its commit, and
    // is dropped if it rolls back.
    void notifyChanged(Tables tables, const QList<qint64> &prospectIds = {});

    // Unix milliseconds, UTC, are the one time format in the file; null means unknown.
    static QVariant toDbTime(const QDateTime &time);
    static QDateTime fromDbTime(const QVariant &value);
    static QDateTime fromDbTime(qint64 msecs);

    // The connection's own SQLite handle, for reads too large to afford
    // QSqlQuery's QVariant per value; nullptr when closed.
    sqlite3 *handle() const;

    // Turns a failed query into an Error naming what was being done.
    Error queryError(const QSqlQuery &query, const QString &action) const;
    // The same for a SQLite result code and message from the handle.
    Error sqliteError(int code, const QString &detail, const QString &action) const;
    // Runs a prepared query; on failure fills `error` (if given) with queryError().
    bool exec(QSqlQuery &query, const QString &action, Error *error) const;

Q_SIGNALS:
    void changed(Touchline::Database::Tables tables, const QList<qint64> &prospectIds);

private:
    friend class WriteTransaction;

    bool initialize(bool fileExisted, Error *error);
    // Copies a file in an older format next to it before it is upgraded.
    bool backUpBeforeMigrating(int version, Error *error);

    QString m_connectionName;
    QString m_path;
    Access m_access = Access::ReadWrite;
    int m_transactionDepth = 0; // WriteTransactions open on this connection
    // What writes inside the outermost open transaction changed, told on its commit.
    Tables m_pendingTables;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed. Immediate so that a
// writer takes the lock up front instead of failing half-way with SQLITE_BUSY.
// BEGIN and COMMIT each wait up to the busy timeout for the lock, and try again
// after a pause (firstRetryPauseMs, then twice that, each +/- 50%) until
// busyAttempts attempts failed; only then does an Error::Kind::Busy reach the
// caller, which keeps the user's input to try again.
// A transaction begun inside another is a savepoint: its changes are kept by
// the outer commit, so bulk work (an import) can reuse a repository's writes
// and still store all or nothing.
class WriteTransaction
{
public:
    static constexpr int busyAttempts = 3;
    static constexpr int firstRetryPauseMs = 100;

    explicit WriteTransaction(Database &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool begin(Error *error);
    bool commit(Error *error);

private:
    Database &m_db;
    bool m_active = false;
    bool m_nested = false;
};

} // namespace Touchline

Q_DECLARE_OPERATORS_FOR_FLAGS(Touchline::Database::Tables)
