#include "Database.h"

#include "Backup.h"
#include "DefaultCadences.h"
#include "Schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <utility>

namespace Touchline {

namespace {

// SQLite's primary result codes, as the Qt driver reports them.
enum SqliteCode {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoErr = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADb = 26
};
// The extended code for a journal that a read-only connection cannot roll back.
constexpr int ReadOnlyRollback = ReadOnly | (3 << 8);

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

// The rollback journal (DELETE), never WAL: WAL shares its index through memory
// mapped from a -shm file, which network file systems do not share between
// machines, so teammates on a shared folder would corrupt the file. A file found
// in WAL mode (set by another program) is converted back; SQLite refuses with
// SQLITE_BUSY while another connection still reads it through its WAL, and then
// it stays WAL until the next read-write open, which is safe on a local disk.
// `query` is the one that read the header: running this on it ends that read,
// as SQLite changes the mode only outside a transaction.
bool useRollbackJournal(const Database &db, QSqlQuery &query, Error *error)
{
    if (query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")))
        return true;
    const Error e = db.queryError(query, Database::tr("choosing the journal mode"));
    return e.kind == Error::Kind::Busy || fail(error, e.kind, e.message);
}

// A writer that died half-way (a crash, kill -9, a power cut) leaves a hot
// journal, which the next connection rolls back before it reads; a read-only one
// cannot, and SQLite refuses it. Then a connection of our own reads the header
// read-write, which puts back what was last committed and writes nothing else,
// so that a read-only copy opens a file a teammate's crash left behind.
bool rollBackUnfinishedWrite(const Database &db, Error *error)
{
    QSqlQuery probe(db.connection());
    if (probe.exec(QStringLiteral("PRAGMA schema_version"))
        || probe.lastError().nativeErrorCode().toInt() != ReadOnlyRollback)
        return true; // any other failure is reported by the reads that follow
    probe.finish();
    const QString name = QStringLiteral("touchline-rollback-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool rolledBack = false;
    {
        QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        writer.setDatabaseName(db.path());
        writer.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(Database::busyTimeoutMs));
        if (writer.open()) {
            QSqlQuery query(writer);
            rolledBack = query.exec(QStringLiteral("PRAGMA schema_version"));
        }
        writer.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rolledBack
        || fail(error, Error::Kind::ReadOnly,
            Database::tr("%1 holds an unfinished change of a program that stopped while writing "
                         "to it. Open it once for editing, or ask someone who can write to it to "
                         "open it, to undo that change; then it opens read-only again.")
                .arg(QDir::toNativeSeparators(db.path())));
}

// Runs BEGIN IMMEDIATE or COMMIT, trying again after a growing, jittered pause
// when SQLite still reports the file busy. The busy timeout already waits for
// the lock; these attempts cover what it does not: a holder that outlasts it,
// and SQLite answering BUSY at once where waiting could deadlock. The jitter
// keeps writers that failed together from trying again together. A COMMIT that
// fails with BUSY leaves the transaction open, so trying it again is safe.
bool execRetryingBusy(const Database &db, QSqlQuery &query, const QString &statement)
{
    for (int attempt = 1;; ++attempt) {
        if (query.exec(statement))
            return true;
        if (attempt >= WriteTransaction::busyAttempts
            || db.queryError(query, QString()).kind != Error::Kind::Busy)
            return false;
        const int pause = WriteTransaction::firstRetryPauseMs << (attempt - 1);
        QThread::msleep(ulong(pause / 2 + QRandomGenerator::global()->bounded(pause)));
    }
}

} // namespace

Database::Database(QObject *parent)
    : QObject(parent)
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_path.clear();
}

bool Database::open(const QString &path, Creation creation, Access access, Error *error)
{
    close();
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    const bool exists = info.exists();

    if (exists && info.isDir())
        return fail(error, Error::Kind::NotADatabase,
            Database::tr("%1 is a folder, not a Touchline file.").arg(shown));
    if (exists && creation == Creation::MustNotExist)
        return fail(error, Error::Kind::Invalid,
            Database::tr("%1 already exists; Touchline will not overwrite it.").arg(shown));
    if (!exists && (creation == Creation::MustExist || access == Access::ReadOnly))
        return fail(error, Error::Kind::NotFound, Database::tr("%1 does not exist.").arg(shown));
    if (exists && info.size() == 0 && creation == Creation::MustExist)
        return fail(error, Error::Kind::NotADatabase,
            Database::tr("%1 is an empty file, not a Touchline database.").arg(shown));
    if (exists && info.size() > 0 && !hasSqliteHeader(path))
        return fail(error, Error::Kind::NotADatabase,
            Database::tr("%1 is not a Touchline database: it is not a SQLite file.").arg(shown));
    if (exists && access == Access::ReadWrite && !info.isWritable())
        return fail(error, Error::Kind::ReadOnly,
            Database::tr("%1 cannot be written to. Open it read-only, or check its permissions.")
                .arg(shown));
    if (!exists && !QDir().mkpath(info.absolutePath()))
        return fail(error, Error::Kind::Io,
            Database::tr("Cannot create the folder %1.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));

    m_connectionName
        = QStringLiteral("touchline-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_path = info.absoluteFilePath();
    m_access = access;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
        if (access == Access::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            const QString reason = db.lastError().text();
            close();
            return fail(
                error, Error::Kind::Io, Database::tr("Cannot open %1: %2").arg(shown, reason));
        }
    }
    if (!initialize(exists && info.size() > 0, error)) {
        close();
        return false;
    }
    return true;
}

bool Database::initialize(bool fileExisted, Error *error)
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    const QString shown = QDir::toNativeSeparators(m_path);
    auto failWith = [&](const QString &action) {
        const Error e = queryError(query, action);
        return fail(error, e.kind, e.message);
    };

    if (isReadOnly() && !rollBackUnfinishedWrite(*this, error))
        return false;
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return failWith(Database::tr("turning on foreign keys"));
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs)))
        return failWith(Database::tr("setting the busy timeout"));

    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return failWith(Database::tr("reading the file header"));
    const qint64 applicationId = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failWith(Database::tr("reading the schema version"));
    const int version = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return failWith(Database::tr("reading the list of tables"));
    const bool empty = query.value(0).toInt() == 0;

    if (applicationId != Schema::applicationId && !(applicationId == 0 && version == 0 && empty))
        return fail(error, Error::Kind::NotADatabase,
            Database::tr("%1 is a SQLite database, but not a Touchline one.").arg(shown));
    if (version > Schema::latestVersion)
        return fail(error, Error::Kind::TooNew,
            Database::tr(
                "%1 was written by a newer Touchline (file format %2; this version reads up "
                "to %3). Update Touchline to open it; the file was not changed.")
                .arg(shown)
                .arg(version)
                .arg(Schema::latestVersion));
    if (!isReadOnly() && !useRollbackJournal(*this, query, error))
        return false;

    // A full check reads every page (a second for a large file), so opening only
    // checks that the file is as long as its header says; checkIntegrity() does
    // the rest in the background.
    if (fileExisted && version > 0) {
        if (!query.exec(QStringLiteral("PRAGMA page_count")) || !query.next())
            return failWith(Database::tr("checking the file"));
        const qint64 pages = query.value(0).toLongLong();
        if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next())
            return failWith(Database::tr("checking the file"));
        if (QFileInfo(m_path).size() < pages * query.value(0).toLongLong())
            return fail(error, Error::Kind::Corrupt,
                Database::tr("%1 is damaged: it is shorter than its contents say. Open a backup, "
                             "or create a new file.")
                    .arg(shown));
    }
    query.finish();
    if (version == Schema::latestVersion)
        return true;
    if (isReadOnly())
        return fail(error, Error::Kind::ReadOnly,
            Database::tr("%1 uses an older file format (%2) and must be upgraded before it can be "
                         "read. Open it once for editing to upgrade it.")
                .arg(shown)
                .arg(version));

    if (fileExisted && version > 0 && !backUpBeforeMigrating(version, error))
        return false;
    WriteTransaction transaction(*this);
    if (!transaction.begin(error))
        return false;
    // Another copy of Touchline may have set the file up while this one waited
    // for the lock: the version read before the lock is then out of date.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failWith(Database::tr("reading the schema version"));
    if (query.value(0).toInt() != version) {
        query.finish();
        return transaction.commit(error);
    }
    query.finish();
    if (!Schema::migrate(db, version, Schema::latestVersion, error))
        return false;
    if (version == 0 && !DefaultCadences::install(db, error))
        return false;
    return transaction.commit(error);
}

bool Database::backUpBeforeMigrating(int version, Error *error)
{
    // Made before the write lock is taken: SQLite copies no file that its own
    // connection is writing to. A teammate's change in between is upgraded with
    // the rest but missing from the backup.
    Error backupError;
    if (Backup::make(*this, QString(), nullptr, &backupError) == Backup::Result::Finished)
        return true;
    return fail(error, backupError.kind,
        Database::tr("%1 uses an older file format (%2) and was not upgraded, because a backup "
                     "must be made first and it failed: %3")
            .arg(QDir::toNativeSeparators(m_path))
            .arg(version)
            .arg(backupError.message));
}

Error Database::checkIntegrity(const QString &path)
{
    Database db;
    Error error;
    if (!db.open(path, Creation::MustExist, Access::ReadOnly, &error))
        return error;
    QSqlQuery query(db.connection());
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
        return db.queryError(query, Database::tr("checking the file"));
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return {Error::Kind::Corrupt,
            Database::tr("%1 is damaged (%2). Open a backup, or create a new file.")
                .arg(shown, verdict)};
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

void Database::notifyChanged(Tables tables, const QList<qint64> &prospectIds)
{
    // Views must not read a write that may still roll back; after a bulk
    // write they refresh everything anyway.
    if (m_transactionDepth > 0) {
        m_pendingTables |= tables;
        return;
    }
    Q_EMIT changed(tables, prospectIds);
}

QVariant Database::toDbTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

QDateTime Database::fromDbTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : fromDbTime(value.toLongLong());
}

QDateTime Database::fromDbTime(qint64 msecs)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
#endif
}

bool Database::exec(QSqlQuery &query, const QString &action, Error *error) const
{
    if (query.exec())
        return true;
    if (error)
        *error = queryError(query, action);
    return false;
}

sqlite3 *Database::handle() const
{
    if (!isOpen())
        return nullptr;
    const QVariant handle = connection().driver()->handle();
    // The QSQLITE driver's handle is a sqlite3* (Qt's documented way to reach it).
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Error Database::queryError(const QSqlQuery &query, const QString &action) const
{
    const QSqlError sqlError = query.lastError();
    return sqliteError(sqlError.nativeErrorCode().toInt(), sqlError.databaseText(), action);
}

Error Database::sqliteError(int code, const QString &detail, const QString &action) const
{
    const QString shown = QDir::toNativeSeparators(m_path);
    switch (code & 0xff) {
    case Busy:
    case Locked:
        return {Error::Kind::Busy,
            Database::tr(
                "%1 is busy: another user or program kept it locked for more than %2 seconds "
                "while %3. Try again in a moment.")
                .arg(shown)
                .arg(busyTimeoutMs / 1000)
                .arg(action)};
    case ReadOnly:
        return {Error::Kind::ReadOnly,
            Database::tr("%1 is read-only; nothing was changed while %2.").arg(shown, action)};
    case Corrupt:
    case NotADb:
        return {Error::Kind::Corrupt,
            Database::tr("%1 is damaged or not a Touchline database (%2, while %3).")
                .arg(shown, detail, action)};
    case Constraint:
        return {Error::Kind::Invalid,
            Database::tr("The change was refused while %1: %2").arg(action, detail)};
    case IoErr:
    case Full:
    case CantOpen:
        return {Error::Kind::Io,
            Database::tr("Cannot read or write %1 while %2: %3").arg(shown, action, detail)};
    default:
        return {Error::Kind::Io,
            Database::tr("Database error in %1 while %2: %3").arg(shown, action, detail)};
    }
}

WriteTransaction::WriteTransaction(Database &db)
    : m_db(db)
{
}

WriteTransaction::~WriteTransaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db.connection());
    if (m_nested) {
        query.exec(QStringLiteral("ROLLBACK TO nested_write"));
        query.exec(QStringLiteral("RELEASE nested_write"));
    } else {
        query.exec(QStringLiteral("ROLLBACK"));
        m_db.m_pendingTables = {};
    }
    --m_db.m_transactionDepth;
}

bool WriteTransaction::begin(Error *error)
{
    if (m_db.isReadOnly())
        return fail(error, Error::Kind::ReadOnly,
            Database::tr("%1 is open read-only; nothing can be changed.")
                .arg(QDir::toNativeSeparators(m_db.path())));
    QSqlQuery query(m_db.connection());
    m_nested = m_db.m_transactionDepth > 0;
    // The outer transaction holds the write lock already: a savepoint never waits.
    const bool begun = m_nested ? query.exec(QStringLiteral("SAVEPOINT nested_write"))
                                : execRetryingBusy(m_db, query, QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun) {
        if (error)
            *error = m_db.queryError(query, Database::tr("starting a change"));
        return false;
    }
    m_active = true;
    ++m_db.m_transactionDepth;
    return true;
}

bool WriteTransaction::commit(Error *error)
{
    QSqlQuery query(m_db.connection());
    const bool committed = m_nested ? query.exec(QStringLiteral("RELEASE nested_write"))
                                    : execRetryingBusy(m_db, query, QStringLiteral("COMMIT"));
    if (!committed) {
        if (error)
            *error = m_db.queryError(query, Database::tr("saving a change"));
        return false;
    }
    m_active = false;
    if (--m_db.m_transactionDepth == 0 && m_db.m_pendingTables) {
        const Database::Tables tables = std::exchange(m_db.m_pendingTables, {});
        m_db.notifyChanged(tables);
    }
    return true;
}

int Database::dataVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace Touchline
