// Opening, creating, migrating and refusing Touchline files, the connection
// settings, transactions and locking: storage/Database.h and storage/Schema.h.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/Schema.h"
#include "storage/UserRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <functional>
#include <thread>

using namespace Touchline;
using Touchline::Test::TestDatabase;

namespace {

QString kindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::None:
        return QStringLiteral("None");
    case Error::Kind::NotFound:
        return QStringLiteral("NotFound");
    case Error::Kind::NotADatabase:
        return QStringLiteral("NotADatabase");
    case Error::Kind::Corrupt:
        return QStringLiteral("Corrupt");
    case Error::Kind::TooNew:
        return QStringLiteral("TooNew");
    case Error::Kind::Busy:
        return QStringLiteral("Busy");
    case Error::Kind::ReadOnly:
        return QStringLiteral("ReadOnly");
    case Error::Kind::Invalid:
        return QStringLiteral("Invalid");
    case Error::Kind::Conflict:
        return QStringLiteral("Conflict");
    case Error::Kind::Io:
        return QStringLiteral("Io");
    case Error::Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QStringLiteral("?");
}

// How error messages show a path.
QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QDateTime modificationTime(const QString &path)
{
    QFileInfo info(path);
    info.setCaching(false);
    return info.lastModified();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

// Opens the file as the application does; says why when it cannot.
bool openFile(
    Database &db, const QString &path, Database::Creation creation, Database::Access access)
{
    Error error;
    if (db.open(path, creation, access, &error))
        return true;
    qWarning().noquote() << "cannot open" << path << ":" << error.message;
    return false;
}

// Writes a time as stored into an INTEGER column of a fresh file, and reads it back
// beside `about`, an SQL expression on the column t; empty when that fails.
QVariantList storedInIntegerColumn(const QVariant &stored, const QString &about)
{
    TestDatabase file;
    if (!file.isValid()) {
        qWarning().noquote() << file.openError().message;
        return {};
    }
    QSqlQuery query(file.db().connection());
    if (!query.exec(QStringLiteral("CREATE TEMP TABLE times (t INTEGER)"))
        || !query.prepare(QStringLiteral("INSERT INTO times (t) VALUES (?)"))) {
        qWarning().noquote() << query.lastError().text();
        return {};
    }
    query.addBindValue(stored);
    if (!query.exec() || !query.exec(QStringLiteral("SELECT t, %1 FROM times").arg(about))
        || !query.next()) {
        qWarning().noquote() << query.lastError().text();
        return {};
    }
    return {query.value(0), query.value(1)};
}

// Adding the prospect while another connection holds a lock on the file fails as
// busy, names the file and tells no change; `waitedMs` gets how long it tried.
void verifyAddRefusedAsBusy(TestDatabase &file, Prospect *prospect, qint64 *waitedMs = nullptr)
{
    QSignalSpy changed(&file.db(), &Database::changed);
    Error error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!ProspectRepository(file.db()).add(prospect, &error));
    if (waitedMs)
        *waitedMs = timer.elapsed();
    QCOMPARE(kindName(error.kind), kindName(Error::Kind::Busy));
    QVERIFY2(error.message.contains(shownPath(file.path())), qPrintable(error.message));
    QCOMPARE(changed.count(), 0);
}

// A connection that does not go through Database, as another program would open the file.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool isOpen() const { return db().isOpen(); }

    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (query.exec(sql))
            return true;
        qWarning().noquote() << sql << query.lastError().text();
        return false;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

QVariant pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0);
}

// The full schema, to compare a migrated file with a new one.
QStringList schemaOf(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    QStringList schema;
    if (!query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY name")))
        return {QStringLiteral("error: ") + query.lastError().text()};
    while (query.next())
        schema.append(query.value(0).toString() + QLatin1Char('|') + query.value(1).toString()
            + QLatin1Char('|') + query.value(2).toString());
    return schema;
}

// A Touchline file with enough prospects to span many pages, closed again.
bool createPopulatedFile(const QString &path, int prospects)
{
    Database db;
    Error error;
    if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, &error)) {
        qWarning().noquote() << error.message;
        return false;
    }
    QList<Prospect> rows;
    for (int i = 0; i < prospects; ++i) {
        Prospect p
            = Test::makeProspect(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i),
                QStringLiteral("Company %1").arg(i), QStringLiteral("person%1@example.com").arg(i));
        p.title = QString(120, QLatin1Char('a' + i % 26));
        rows.append(p);
    }
    return Test::insertProspects(db, rows).size() == prospects;
}

// Another copy of Touchline holding a lock on the file for a while, from a
// thread of its own, so that the test's own thread can wait for the lock.
class LockHolder
{
public:
    enum class Lock {
        Write, // BEGIN IMMEDIATE: other writers cannot begin
        Read,  // a read in progress: other writers cannot commit
    };

    LockHolder(const QString &path, Lock lock, int holdMs)
        : m_thread([this, path, lock, holdMs] { hold(path, lock, holdMs); })
    {
    }
    ~LockHolder() { m_thread.join(); }
    LockHolder(const LockHolder &) = delete;
    LockHolder &operator=(const LockHolder &) = delete;

    // Waits until the lock is taken; false if it could not be.
    bool waitUntilHeld() { return m_held.tryAcquire(1, 30000) && m_locked; }

private:
    void hold(const QString &path, Lock lock, int holdMs)
    {
        Database db;
        if (db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, nullptr)) {
            QSqlQuery query(db.connection());
            m_locked = lock == Lock::Write ? query.exec(QStringLiteral("BEGIN IMMEDIATE"))
                                           : query.exec(QStringLiteral("BEGIN"))
                    && query.exec(QStringLiteral("SELECT count(*) FROM cadences")) && query.next();
            m_held.release();
            QThread::msleep(ulong(holdMs));
            query.finish();
            query.exec(QStringLiteral("ROLLBACK"));
        } else {
            m_held.release();
        }
    }

    QSemaphore m_held;
    bool m_locked = false;
    std::thread m_thread;
};

// A Touchline file switched to WAL mode by another program, and closed again.
bool createWalFile(const QString &path)
{
    {
        Database db;
        if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr))
            return false;
    }
    RawConnection raw(path);
    return pragma(raw.db(), QStringLiteral("journal_mode = WAL")).toString() == QLatin1String("wal")
        && raw.exec(QStringLiteral("INSERT INTO users (name, created_at) VALUES ('Ann', 0)"));
}

QString journalModeOf(const QString &path)
{
    RawConnection raw(path);
    return pragma(raw.db(), QStringLiteral("journal_mode")).toString();
}

enum class BadFile {
    Missing,
    TextFile,
    EmptyFile,
    RandomBinary,
    SqliteHeaderThenGarbage,
    Folder,
    OtherApplication,
    OtherApplicationId,
    UnknownEmptyVersion,
    TooNew,
    CorruptPages,
    Truncated,
    OlderFormat,
};

bool createBadFile(BadFile kind, const QString &path)
{
    switch (kind) {
    case BadFile::Missing:
        return true;
    case BadFile::TextFile:
        return writeFile(path, "first_name,last_name\nAnn,Smith\n");
    case BadFile::EmptyFile:
        return writeFile(path, {});
    case BadFile::RandomBinary:
        return writeFile(path, randomBytes(64 * 1024, 1));
    case BadFile::SqliteHeaderThenGarbage:
        return writeFile(path, QByteArray("SQLite format 3\0", 16) + randomBytes(16 * 1024, 2));
    case BadFile::Folder:
        return QDir().mkpath(path);
    case BadFile::OtherApplication: {
        RawConnection raw(path);
        return raw.exec(
                   QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
            && raw.exec(QStringLiteral("INSERT INTO customers (name) VALUES ('Ann')"));
    }
    case BadFile::OtherApplicationId: {
        RawConnection raw(path);
        return raw.exec(QStringLiteral("PRAGMA application_id = 305419896"))
            && raw.exec(QStringLiteral("CREATE TABLE notes (body TEXT)"));
    }
    case BadFile::UnknownEmptyVersion: {
        // No tables, but a schema version someone else gave it.
        RawConnection raw(path);
        return raw.exec(QStringLiteral("PRAGMA user_version = 3"));
    }
    case BadFile::TooNew: {
        if (!createPopulatedFile(path, 10))
            return false;
        RawConnection raw(path);
        return raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Schema::latestVersion + 1));
    }
    case BadFile::CorruptPages: {
        if (!createPopulatedFile(path, 3000))
            return false;
        // Overwrite eight whole pages in the middle; page 1 (the header) stays intact.
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite))
            return false;
        const qint64 pageSize = 4096;
        const qint64 middlePage = file.size() / pageSize / 2;
        return file.seek(middlePage * pageSize)
            && file.write(randomBytes(8 * pageSize, 3)) == 8 * pageSize;
    }
    case BadFile::Truncated: {
        if (!createPopulatedFile(path, 3000))
            return false;
        QFile file(path);
        return file.resize(file.size() / 2);
    }
    case BadFile::OlderFormat: {
        // Version 0 with a page written: what SQLite leaves after creating and dropping a table.
        RawConnection raw(path);
        return raw.exec(QStringLiteral("CREATE TABLE scratch (x)"))
            && raw.exec(QStringLiteral("DROP TABLE scratch"));
    }
    }
    return false;
}

} // namespace

class TestDatabaseFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFileHasLatestSchema();
    void connectionSettings_data();
    void connectionSettings();
    void creationModes_data();
    void creationModes();
    void closeAndReopen();
    void defaultCadences();
    void defaultCadenceSteps_data();
    void defaultCadenceSteps();
    void timeRoundTrip_data();
    void timeRoundTrip();
    void unknownTimeIsNull();

    void badFilesRefused_data();
    void badFilesRefused();

    void integrityCheckFindsDamagedPages();
    void readOnlyRefusesWrites_data();
    void readOnlyRefusesWrites();

    void emptySqliteFileIsMigrated_data();
    void emptySqliteFileIsMigrated();
    void migratesFromEveryVersion_data();
    void migratesFromEveryVersion();
    void migratesVersion1Data();

    void uncommittedTransactionRollsBack();
    void committedTransactionIsVisibleToOthers();
    void nestedTransactionKeepsOrDropsItsPart_data();
    void nestedTransactionKeepsOrDropsItsPart();
    void changesAreToldAfterTheOuterCommit_data();
    void changesAreToldAfterTheOuterCommit();
    void busyFileFailsAfterTimeout();
    void busyCommitRollsBack();
    void shortLockIsWaitedOut_data();
    void shortLockIsWaitedOut();

    void journalModeIsRollback_data();
    void journalModeIsRollback();
    void walFileInUseStillOpens();
    void readOnlyOpensAfterCrashedWrite();
};

void TestDatabaseFile::newFileHasLatestSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/folder/new.touchline"));

    Database db;
    QVERIFY(openFile(db, path, Database::Creation::CreateIfMissing, Database::Access::ReadWrite));
    QVERIFY(db.isOpen());
    QVERIFY(!db.isReadOnly());
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(db.path(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    QCOMPARE(
        pragma(db.connection(), QStringLiteral("user_version")).toInt(), Schema::latestVersion);
    QCOMPARE(pragma(db.connection(), QStringLiteral("application_id")).toLongLong(),
        qint64(Schema::applicationId));
    for (const char *table :
        {"users", "prospects", "cadences", "cadence_steps", "enrollments", "touches", "settings"}) {
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)));
    }

    // What another program sees in the file after it is closed.
    db.close();
    QVERIFY(!db.isOpen());
    RawConnection raw(path);
    QCOMPARE(pragma(raw.db(), QStringLiteral("user_version")).toInt(), Schema::latestVersion);
    QCOMPARE(pragma(raw.db(), QStringLiteral("application_id")).toLongLong(),
        qint64(Schema::applicationId));
}

void TestDatabaseFile::connectionSettings_data()
{
    QTest::addColumn<Database::Access>("access");

    QTest::newRow("read-write") << Database::Access::ReadWrite;
    QTest::newRow("read-only") << Database::Access::ReadOnly;
}

void TestDatabaseFile::connectionSettings()
{
    QFETCH(Database::Access, access);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const auto db = file.openSecondConnection(access);
    QVERIFY(db);
    QCOMPARE(db->isReadOnly(), access == Database::Access::ReadOnly);
    QCOMPARE(pragma(db->connection(), QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(
        pragma(db->connection(), QStringLiteral("busy_timeout")).toInt(), Database::busyTimeoutMs);

    // Foreign keys are enforced, not just declared.
    if (access == Database::Access::ReadWrite) {
        QSqlQuery query(db->connection());
        QVERIFY(!query.exec(QStringLiteral(
            "INSERT INTO touches (prospect_id, channel, direction, outcome, occurred_at, "
            "created_at) VALUES (424242, 'email', 'out', 'sent', 0, 0)")));
    }
}

void TestDatabaseFile::creationModes_data()
{
    QTest::addColumn<bool>("fileExists");
    QTest::addColumn<Database::Creation>("creation");
    QTest::addColumn<Database::Access>("access");
    QTest::addColumn<Error::Kind>("expected");

    using C = Database::Creation;
    using A = Database::Access;
    QTest::newRow("create if missing, missing")
        << false << C::CreateIfMissing << A::ReadWrite << Error::Kind::None;
    QTest::newRow("create if missing, exists")
        << true << C::CreateIfMissing << A::ReadWrite << Error::Kind::None;
    QTest::newRow("must exist, exists")
        << true << C::MustExist << A::ReadWrite << Error::Kind::None;
    QTest::newRow("must exist, missing")
        << false << C::MustExist << A::ReadWrite << Error::Kind::NotFound;
    QTest::newRow("must not exist, missing")
        << false << C::MustNotExist << A::ReadWrite << Error::Kind::None;
    QTest::newRow("must not exist, exists")
        << true << C::MustNotExist << A::ReadWrite << Error::Kind::Invalid;
    QTest::newRow("read-only, exists") << true << C::MustExist << A::ReadOnly << Error::Kind::None;
    QTest::newRow("read-only create if missing, missing")
        << false << C::CreateIfMissing << A::ReadOnly << Error::Kind::NotFound;
    QTest::newRow("read-only must exist, missing")
        << false << C::MustExist << A::ReadOnly << Error::Kind::NotFound;
}

void TestDatabaseFile::creationModes()
{
    QFETCH(bool, fileExists);
    QFETCH(Database::Creation, creation);
    QFETCH(Database::Access, access);
    QFETCH(Error::Kind, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mode.touchline"));
    qint64 prospectId = 0;
    if (fileExists) {
        Database existing;
        QVERIFY(existing.open(
            path, Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr));
        Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
        QVERIFY(ProspectRepository(existing).add(&ann, nullptr));
        prospectId = ann.id;
    }
    const QByteArray before = Test::fileChecksum(path);

    Database db;
    Error error;
    const bool opened = db.open(path, creation, access, &error);
    QCOMPARE(kindName(error.kind), kindName(expected));
    QCOMPARE(opened, expected == Error::Kind::None);
    QCOMPARE(db.isOpen(), opened);
    if (!opened) {
        QVERIFY2(error.message.contains(shownPath(path)), qPrintable(error.message));
        QCOMPARE(QFileInfo::exists(path), fileExists); // a refused open creates nothing
        QCOMPARE(Test::fileChecksum(path), before);
        return;
    }
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    // An existing file is opened as it is, not recreated.
    if (fileExists)
        QVERIFY(ProspectRepository(db).get(prospectId, nullptr).has_value());
    else
        QCOMPARE(ProspectRepository(db).count(nullptr), 0);
}

void TestDatabaseFile::closeAndReopen()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    QVERIFY(ProspectRepository(file.db()).add(&ann, nullptr));

    file.db().close();
    QVERIFY(!file.db().isOpen());
    QVERIFY(file.db().path().isEmpty());
    file.db().close(); // closing twice is harmless

    Error error;
    QVERIFY2(file.db().open(
                 file.path(), Database::Creation::MustExist, Database::Access::ReadWrite, &error),
        qPrintable(error.message));
    const auto stored = ProspectRepository(file.db()).get(ann.id, &error);
    QVERIFY2(stored, qPrintable(error.message));
    QCOMPARE(*stored, ann);

    // Opening another file on the same object closes the first one.
    QTemporaryDir dir;
    QVERIFY(file.db().open(dir.filePath(QStringLiteral("other.touchline")),
        Database::Creation::MustNotExist, Database::Access::ReadWrite, &error));
    QCOMPARE(ProspectRepository(file.db()).count(nullptr), 0);
}

void TestDatabaseFile::defaultCadences()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));

    QSqlQuery query(file.db().connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name, archived FROM cadences ORDER BY id")));
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
        QCOMPARE(query.value(1).toInt(), 0);
    }
    QCOMPARE(names,
        (QStringList {
            QStringLiteral("Respectful six-step"), QStringLiteral("Three-touch 3-7-14")}));

    // Every step is complete: a purpose, a message and a sensible send window.
    QVERIFY(query.exec(QStringLiteral(
        "SELECT count(*) FROM cadence_steps WHERE trim(purpose) = '' OR trim(body) = '' "
        "OR wait_days < 0 OR (window_start_minute IS NULL) <> (window_end_minute IS NULL) "
        "OR window_start_minute >= window_end_minute")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);

    // A second connection to the same file does not install them again.
    const auto second = file.openSecondConnection();
    QVERIFY(second);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM cadences")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2);
}

void TestDatabaseFile::defaultCadenceSteps_data()
{
    QTest::addColumn<QString>("cadence");
    QTest::addColumn<int>("stepCount");
    QTest::addColumn<QList<int>>("waits");     // empty: not pinned
    QTest::addColumn<int>("distinctChannels"); // at least

    QTest::newRow("six-step") << QStringLiteral("Respectful six-step") << 6 << QList<int>() << 3;
    QTest::newRow("3-7-14") << QStringLiteral("Three-touch 3-7-14") << 3 << QList<int> {3, 7, 14}
                            << 2;
}

void TestDatabaseFile::defaultCadenceSteps()
{
    QFETCH(QString, cadence);
    QFETCH(int, stepCount);
    QFETCH(QList<int>, waits);
    QFETCH(int, distinctChannels);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    QSqlQuery query(file.db().connection());
    query.prepare(QStringLiteral(
        "SELECT s.position, s.channel, s.wait_days, s.purpose, s.subject FROM cadence_steps s "
        "JOIN cadences c ON c.id = s.cadence_id WHERE c.name = ? ORDER BY s.position"));
    query.addBindValue(cadence);
    QVERIFY(query.exec());

    QList<int> positions;
    QList<int> stepWaits;
    QStringList channels;
    QString lastPurpose;
    QString lastSubject;
    while (query.next()) {
        positions.append(query.value(0).toInt());
        channels.append(query.value(1).toString());
        stepWaits.append(query.value(2).toInt());
        lastPurpose = query.value(3).toString();
        lastSubject = query.value(4).toString();
    }
    QCOMPARE(positions.size(), stepCount);
    for (int i = 0; i < positions.size(); ++i)
        QCOMPARE(positions.at(i), i + 1);
    if (!waits.isEmpty())
        QCOMPARE(stepWaits, waits);
    channels.removeDuplicates();
    QVERIFY2(channels.size() >= distinctChannels, qPrintable(channels.join(QLatin1Char(','))));
    // Both end with the respectful close ("break-up") message, sent by email.
    QVERIFY2(lastPurpose.contains(QLatin1String("Respectful close")), qPrintable(lastPurpose));
    QVERIFY(!lastSubject.isEmpty());
}

void TestDatabaseFile::timeRoundTrip_data()
{
    QTest::addColumn<QDateTime>("time");

    QTest::newRow("UTC with milliseconds")
        << QDateTime(QDate(2024, 3, 5), QTime(14, 7, 9, 123), QTimeZone::utc());
    QTest::newRow("local time") << QDateTime(QDate(2024, 10, 27), QTime(2, 30));
    QTest::newRow("offset +05:30")
        << QDateTime(QDate(2024, 1, 15), QTime(9, 0), QTimeZone(5 * 3600 + 1800));
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc());
    QTest::newRow("before 1970") << QDateTime(
        QDate(1969, 7, 20), QTime(20, 17, 40), QTimeZone::utc());
    QTest::newRow("far future") << QDateTime(
        QDate(2200, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc());
}

void TestDatabaseFile::timeRoundTrip()
{
    QFETCH(QDateTime, time);
    QVERIFY(time.isValid());

    const QVariant stored = Database::toDbTime(time);
    QVERIFY(!stored.isNull());
    QCOMPARE(stored.toLongLong(), time.toMSecsSinceEpoch());
    const QDateTime back = Database::fromDbTime(stored);
    QCOMPARE(back, time);
    QCOMPARE(back.timeSpec(), Qt::UTC);

    // And through the file.
    const QVariantList row = storedInIntegerColumn(stored, QStringLiteral("typeof(t)"));
    QCOMPARE(row.size(), 2);
    QCOMPARE(row.at(1).toString(), QStringLiteral("integer"));
    QCOMPARE(Database::fromDbTime(row.at(0)), time);
}

void TestDatabaseFile::unknownTimeIsNull()
{
    const QVariant stored = Database::toDbTime(QDateTime());
    QVERIFY(stored.isNull());
    QVERIFY(!Database::fromDbTime(QVariant()).isValid());
    QVERIFY(!Database::fromDbTime(stored).isValid());

    const QVariantList row = storedInIntegerColumn(stored, QStringLiteral("t IS NULL"));
    QCOMPARE(row.size(), 2);
    QCOMPARE(row.at(1).toInt(), 1);
    QVERIFY(!Database::fromDbTime(row.at(0)).isValid());
}

void TestDatabaseFile::badFilesRefused_data()
{
    QTest::addColumn<BadFile>("file");
    QTest::addColumn<Database::Creation>("creation");
    QTest::addColumn<Database::Access>("access");
    QTest::addColumn<Error::Kind>("expected");

    using C = Database::Creation;
    using A = Database::Access;
    QTest::newRow("text file") << BadFile::TextFile << C::CreateIfMissing << A::ReadWrite
                               << Error::Kind::NotADatabase;
    QTest::newRow("0-byte file, must exist")
        << BadFile::EmptyFile << C::MustExist << A::ReadWrite << Error::Kind::NotADatabase;
    QTest::newRow("random binary")
        << BadFile::RandomBinary << C::MustExist << A::ReadWrite << Error::Kind::NotADatabase;
    QTest::newRow("random binary, read-only")
        << BadFile::RandomBinary << C::MustExist << A::ReadOnly << Error::Kind::NotADatabase;
    QTest::newRow("SQLite header, then garbage")
        << BadFile::SqliteHeaderThenGarbage << C::MustExist << A::ReadWrite << Error::Kind::Corrupt;
    QTest::newRow("folder") << BadFile::Folder << C::CreateIfMissing << A::ReadWrite
                            << Error::Kind::NotADatabase;
    QTest::newRow("another application's database")
        << BadFile::OtherApplication << C::MustExist << A::ReadWrite << Error::Kind::NotADatabase;
    QTest::newRow("another application's database, read-only")
        << BadFile::OtherApplication << C::MustExist << A::ReadOnly << Error::Kind::NotADatabase;
    QTest::newRow("another application id")
        << BadFile::OtherApplicationId << C::MustExist << A::ReadWrite << Error::Kind::NotADatabase;
    QTest::newRow("empty database with a foreign version")
        << BadFile::UnknownEmptyVersion << C::MustExist << A::ReadWrite
        << Error::Kind::NotADatabase;
    QTest::newRow("newer Touchline")
        << BadFile::TooNew << C::MustExist << A::ReadWrite << Error::Kind::TooNew;
    QTest::newRow("newer Touchline, read-only")
        << BadFile::TooNew << C::MustExist << A::ReadOnly << Error::Kind::TooNew;
    QTest::newRow("truncated") << BadFile::Truncated << C::MustExist << A::ReadWrite
                               << Error::Kind::Corrupt;
    QTest::newRow("read-only, missing")
        << BadFile::Missing << C::MustExist << A::ReadOnly << Error::Kind::NotFound;
    QTest::newRow("older format, read-only")
        << BadFile::OlderFormat << C::MustExist << A::ReadOnly << Error::Kind::ReadOnly;
}

void TestDatabaseFile::badFilesRefused()
{
    QFETCH(BadFile, file);
    QFETCH(Database::Creation, creation);
    QFETCH(Database::Access, access);
    QFETCH(Error::Kind, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.touchline"));
    QVERIFY(createBadFile(file, path));
    const bool existed = QFileInfo::exists(path);
    const QByteArray before = Test::fileChecksum(path);
    const QDateTime modifiedBefore = modificationTime(path);

    Database db;
    Error error;
    QVERIFY(!db.open(path, creation, access, &error));
    QVERIFY(!db.isOpen());
    QCOMPARE(kindName(error.kind), kindName(expected));
    QVERIFY2(error.message.contains(shownPath(path)), qPrintable(error.message));

    // Refusing a file never changes it, nor creates one.
    QCOMPARE(QFileInfo::exists(path), existed);
    QCOMPARE(Test::fileChecksum(path), before);
    QCOMPARE(modificationTime(path), modifiedBefore);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
}

void TestDatabaseFile::integrityCheckFindsDamagedPages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.touchline"));
    QVERIFY(createPopulatedFile(good, 3000));
    QCOMPARE(kindName(Database::checkIntegrity(good).kind), kindName(Error::Kind::None));

    const QString path = dir.filePath(QStringLiteral("bad.touchline"));
    QVERIFY(createBadFile(BadFile::CorruptPages, path));
    const QByteArray before = Test::fileChecksum(path);
    const Error error = Database::checkIntegrity(path);
    QCOMPARE(kindName(error.kind), kindName(Error::Kind::Corrupt));
    QVERIFY2(error.message.contains(shownPath(path)), qPrintable(error.message));
    QCOMPARE(Test::fileChecksum(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
}

void TestDatabaseFile::readOnlyRefusesWrites_data()
{
    QTest::addColumn<QString>("operation");

    for (const char *operation : {"add prospect", "update prospect", "remove prospect",
             "restore prospects", "add user", "write transaction", "plain SQL"})
        QTest::newRow(operation) << QString::fromLatin1(operation);
}

void TestDatabaseFile::readOnlyRefusesWrites()
{
    QFETCH(QString, operation);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    ProspectRepository writer(file.db());
    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Prospect bob = Test::makeProspect(QStringLiteral("Bob"), QStringLiteral("Stone"));
    QVERIFY(writer.add(&ann, nullptr));
    QVERIFY(writer.add(&bob, nullptr));
    QVERIFY(Test::insertTouch(file.db(), bob.id, 0, 1, QDateTime::currentDateTimeUtc()));
    DeletedProspects deleted;
    QVERIFY(writer.remove({bob.id}, &deleted, nullptr));
    file.db().close();

    const QByteArray before = Test::fileChecksum(file.path());
    const QDateTime modifiedBefore = modificationTime(file.path());

    Database db;
    QVERIFY(openFile(db, file.path(), Database::Creation::MustExist, Database::Access::ReadOnly));
    Error error;
    QVERIFY(db.isReadOnly());
    QSignalSpy changed(&db, &Database::changed);
    ProspectRepository prospects(db);
    // Reading works.
    QList<qint64> ids;
    QVERIFY(prospects.ids({}, &ids, &error));
    QCOMPARE(ids, QList<qint64> {ann.id});

    bool ok = true;
    if (operation == QLatin1String("add prospect")) {
        Prospect carla = Test::makeProspect(QStringLiteral("Carla"), {});
        ok = prospects.add(&carla, &error);
    } else if (operation == QLatin1String("update prospect")) {
        Prospect changedAnn = ann;
        changedAnn.company = QStringLiteral("Acme");
        ok = prospects.update(&changedAnn, &error);
    } else if (operation == QLatin1String("remove prospect")) {
        ok = prospects.remove({ann.id}, nullptr, &error);
    } else if (operation == QLatin1String("restore prospects")) {
        ok = prospects.restore(deleted, &error);
    } else if (operation == QLatin1String("add user")) {
        ok = UserRepository(db).ensure(QStringLiteral("Dana"), &error) != 0;
    } else if (operation == QLatin1String("write transaction")) {
        WriteTransaction transaction(db);
        ok = transaction.begin(&error);
    } else if (operation == QLatin1String("plain SQL")) {
        QSqlQuery query(db.connection());
        ok = query.exec(QStringLiteral("DELETE FROM prospects"));
        if (!ok)
            error = db.queryError(query, QStringLiteral("deleting"));
    } else {
        QFAIL("no such operation");
    }
    QVERIFY(!ok);
    QCOMPARE(kindName(error.kind), kindName(Error::Kind::ReadOnly));
    QVERIFY2(error.message.contains(shownPath(file.path())), qPrintable(error.message));
    QCOMPARE(changed.count(), 0);
    QVERIFY(prospects.ids({}, &ids, &error));
    QCOMPARE(ids, QList<qint64> {ann.id});

    db.close();
    QCOMPARE(Test::fileChecksum(file.path()), before);
    QCOMPARE(modificationTime(file.path()), modifiedBefore);
}

void TestDatabaseFile::emptySqliteFileIsMigrated_data()
{
    QTest::addColumn<bool>("withPage");
    QTest::addColumn<Database::Creation>("creation");

    // SQLite itself leaves a 0-byte file when nothing is written to a new database.
    QTest::newRow("0-byte file") << false << Database::Creation::CreateIfMissing;
    QTest::newRow("empty database with a page") << true << Database::Creation::MustExist;
    QTest::newRow("empty database with a page, create if missing")
        << true << Database::Creation::CreateIfMissing;
}

void TestDatabaseFile::emptySqliteFileIsMigrated()
{
    QFETCH(bool, withPage);
    QFETCH(Database::Creation, creation);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        if (withPage) {
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE scratch (x)")));
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE scratch")));
        }
        QCOMPARE(pragma(raw.db(), QStringLiteral("user_version")).toInt(), 0);
    }
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path).size() > 0, withPage);

    Database db;
    QVERIFY(openFile(db, path, creation, Database::Access::ReadWrite));
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    QCOMPARE(pragma(db.connection(), QStringLiteral("application_id")).toLongLong(),
        qint64(Schema::applicationId));
    QCOMPARE(Test::tableRows(db, QStringLiteral("cadences")).size(), 2);
}

void TestDatabaseFile::migratesFromEveryVersion_data()
{
    QTest::addColumn<int>("version");

    for (int version = 0; version < Schema::latestVersion; ++version)
        QTest::addRow("from version %d", version) << version;
}

void TestDatabaseFile::migratesFromEveryVersion()
{
    QFETCH(int, version);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // The reference: a file made new by this build.
    QStringList freshSchema;
    {
        Database fresh;
        QVERIFY(fresh.open(dir.filePath(QStringLiteral("fresh.touchline")),
            Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr));
        freshSchema = schemaOf(fresh.connection());
    }
    QVERIFY(freshSchema.size() > 10);

    // A file as an older build left it.
    const QString path = dir.filePath(QStringLiteral("old.touchline"));
    {
        RawConnection raw(path);
        QSqlDatabase db = raw.db();
        QVERIFY(raw.exec(QStringLiteral("BEGIN")));
        Error error;
        QVERIFY2(Schema::migrate(db, 0, version, &error), qPrintable(error.message));
        QVERIFY(raw.exec(QStringLiteral("COMMIT")));
        QCOMPARE(pragma(db, QStringLiteral("user_version")).toInt(), version);
    }

    Database db;
    QVERIFY(openFile(db, path, Database::Creation::CreateIfMissing, Database::Access::ReadWrite));
    Error error;
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    QCOMPARE(pragma(db.connection(), QStringLiteral("application_id")).toLongLong(),
        qint64(Schema::applicationId));
    QCOMPARE(schemaOf(db.connection()), freshSchema);
    QCOMPARE(
        pragma(db.connection(), QStringLiteral("quick_check")).toString(), QStringLiteral("ok"));

    // And it is usable.
    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    QVERIFY2(ProspectRepository(db).add(&ann, &error), qPrintable(error.message));
}

void TestDatabaseFile::migratesVersion1Data()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v1.touchline"));
    const QStringList tables {QStringLiteral("users"), QStringLiteral("prospects"),
        QStringLiteral("cadences"), QStringLiteral("cadence_steps"), QStringLiteral("enrollments"),
        QStringLiteral("touches"), QStringLiteral("prospect_events"), QStringLiteral("settings")};
    QHash<QString, QList<QVariantList>> before;
    {
        // A file as version 1 left it: a prospect in a cadence with a touch of its
        // first step, another who opted out.
        RawConnection raw(path);
        QSqlDatabase db = raw.db();
        QVERIFY(raw.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY(raw.exec(QStringLiteral("BEGIN")));
        Error error;
        QVERIFY2(Schema::migrate(db, 0, 1, &error), qPrintable(error.message));
        for (const char *sql : {
                 "INSERT INTO users (id, name, created_at) VALUES (1, 'Maya', 1700000000000)",
                 "INSERT INTO cadences (id, name, created_at, updated_at) "
                 "VALUES (1, 'Legacy', 1700000000000, 1700000000000)",
                 "INSERT INTO cadence_steps (id, cadence_id, position, channel, wait_days, "
                 "window_start_minute, window_end_minute, purpose, body) "
                 "VALUES (1, 1, 1, 'email', 0, 480, 600, 'Intro', 'Hello'), "
                 "(2, 1, 2, 'phone', 3, NULL, NULL, 'Call', '')",
                 "INSERT INTO prospects (id, first_name, last_name, email, owner_id, status, "
                 "time_zone, created_at, updated_at, row_version, last_touch_at, next_due_at, "
                 "touch_count) VALUES (1, 'Ada', 'Lovelace', 'ada@example.com', 1, 'in_cadence', "
                 "'Europe/Paris', 1700000000000, 1700003600000, 3, 1700003600000, "
                 "1700262800000, 1), (2, 'Bob', 'Stone', '', NULL, 'do_not_contact', '', "
                 "1700000000000, 1700007200000, 2, 1700007200000, NULL, 0)",
                 "INSERT INTO enrollments (id, prospect_id, cadence_id, state, next_position, "
                 "enrolled_at, updated_at, enrolled_by) "
                 "VALUES (1, 1, 1, 'active', 2, 1700000000000, 1700003600000, 1)",
                 "INSERT INTO touches (id, prospect_id, channel, direction, outcome, occurred_at, "
                 "touch_number, notes, author_id, enrollment_id, step_id, created_at) "
                 "VALUES (1, 1, 'email', 'out', 'sent', 1700003600000, 1, 'First', 1, 1, 1, "
                 "1700003600000), (2, 2, 'email', 'in', 'opted_out', 1700007200000, NULL, "
                 "'Stop', 1, NULL, NULL, 1700007200000)",
                 "INSERT INTO prospect_events (id, prospect_id, kind, occurred_at, author_id, "
                 "detail) VALUES (1, 2, 'do_not_contact_set', 1700007200000, 1, 'email')",
                 "INSERT INTO settings (key, value) VALUES ('team', 'Blue')",
             })
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        QVERIFY(raw.exec(QStringLiteral("COMMIT")));
        QCOMPARE(pragma(db, QStringLiteral("user_version")).toInt(), 1);
        for (const QString &table : tables) {
            before.insert(table, Test::tableRows(db, table));
            QVERIFY2(!before.value(table).isEmpty(), qPrintable(table));
        }
    }

    Database db;
    QVERIFY(openFile(db, path, Database::Creation::MustExist, Database::Access::ReadWrite));
    Error error;
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    // Every row is still there with every value; the columns versions 2 and 3
    // added are last, and empty.
    for (const QString &table : tables) {
        const QList<QVariantList> rows = Test::tableRows(db, table);
        const QList<QVariantList> &old = before.value(table);
        QCOMPARE(rows.size(), old.size());
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).mid(0, old.at(i).size()), old.at(i));
            for (const QVariant &added : rows.at(i).mid(old.at(i).size()))
                QVERIFY2(added.isNull(), qPrintable(table));
        }
    }
    QCOMPARE(
        pragma(db.connection(), QStringLiteral("quick_check")).toString(), QStringLiteral("ok"));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY2(!query.next(), qPrintable(query.value(0).toString()));
    query.finish();

    // The repositories read it.
    const std::optional<Enrollment> enrollment = EnrollmentRepository(db).get(1, &error);
    QVERIFY2(enrollment, qPrintable(error.message));
    QCOMPARE(enrollment->prospectId, 1);
    QCOMPARE(enrollment->cadenceName, QStringLiteral("Legacy"));
    QCOMPARE(enrollment->state, EnrollmentState::Active);
    QCOMPARE(enrollment->nextPosition, 2);
    QCOMPARE(enrollment->stepCount, 2);

    // Version 3: the prospects keep their row versions, with nobody known as the
    // last editor until someone saves.
    ProspectRepository prospects(db);
    const std::optional<Prospect> ada = prospects.get(1, &error);
    QVERIFY2(ada, qPrintable(error.message));
    QCOMPARE(ada->rowVersion, 3);
    QVERIFY(ada->updatedByName.isEmpty());
    prospects.setEditorId(1);
    Prospect edited = *ada;
    edited.title = QStringLiteral("Countess");
    QVERIFY2(prospects.update(&edited, &error, &*ada), qPrintable(error.message));
    QCOMPARE(edited.rowVersion, 4);
    QCOMPARE(edited.updatedByName, QStringLiteral("Maya"));
}

void TestDatabaseFile::uncommittedTransactionRollsBack()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    {
        WriteTransaction transaction(db);
        Error error;
        QVERIFY2(transaction.begin(&error), qPrintable(error.message));
        QVERIFY(
            Test::execSql(db, QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, 0)"),
                {QStringLiteral("Ann")}));
        QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 1); // visible inside
    }
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 0);

    // The lock went with it: another connection can write at once.
    const auto second = file.openSecondConnection();
    QVERIFY(second);
    QVERIFY(Test::setBusyTimeout(*second, 0));
    Error error;
    QVERIFY2(
        UserRepository(*second).ensure(QStringLiteral("Bob"), &error), qPrintable(error.message));
    // And so can this one.
    QVERIFY2(UserRepository(db).ensure(QStringLiteral("Carla"), &error), qPrintable(error.message));
}

void TestDatabaseFile::nestedTransactionKeepsOrDropsItsPart_data()
{
    QTest::addColumn<bool>("innerCommits");
    QTest::addColumn<bool>("outerCommits");
    QTest::addColumn<QStringList>("expected");

    const QString outer = QStringLiteral("Ann");
    const QString inner = QStringLiteral("Bob");
    QTest::newRow("both commit") << true << true << QStringList {outer, inner};
    QTest::newRow("inner rolls back") << false << true << QStringList {outer};
    QTest::newRow("outer rolls back") << true << false << QStringList {};
    QTest::newRow("both roll back") << false << false << QStringList {};
}

void TestDatabaseFile::nestedTransactionKeepsOrDropsItsPart()
{
    QFETCH(bool, innerCommits);
    QFETCH(bool, outerCommits);
    QFETCH(QStringList, expected);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    const QString insertUser = QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, 0)");
    Error error;
    {
        WriteTransaction outer(db);
        QVERIFY2(outer.begin(&error), qPrintable(error.message));
        QVERIFY(Test::execSql(db, insertUser, {QStringLiteral("Ann")}));
        {
            WriteTransaction inner(db);
            QVERIFY2(inner.begin(&error), qPrintable(error.message));
            QVERIFY(Test::execSql(db, insertUser, {QStringLiteral("Bob")}));
            if (innerCommits)
                QVERIFY2(inner.commit(&error), qPrintable(error.message));
        }
        if (outerCommits)
            QVERIFY2(outer.commit(&error), qPrintable(error.message));
    }
    QStringList names;
    for (const QVariantList &row : Test::tableRows(db, QStringLiteral("users")))
        names.append(row.at(1).toString());
    QCOMPARE(names, expected);

    // Nothing is left open: another connection can write at once.
    const auto second = file.openSecondConnection();
    QVERIFY(second);
    QVERIFY(Test::setBusyTimeout(*second, 0));
    QVERIFY2(
        UserRepository(*second).ensure(QStringLiteral("Carla"), &error), qPrintable(error.message));
}

void TestDatabaseFile::changesAreToldAfterTheOuterCommit_data()
{
    QTest::addColumn<bool>("outerCommits");
    QTest::newRow("commit") << true;
    QTest::newRow("rollback") << false;
}

void TestDatabaseFile::changesAreToldAfterTheOuterCommit()
{
    QFETCH(bool, outerCommits);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    QSignalSpy changed(&db, &Database::changed);
    Error error;
    {
        WriteTransaction outer(db);
        QVERIFY2(outer.begin(&error), qPrintable(error.message));
        // Repositories nest their own transactions inside this one.
        QVERIFY2(
            UserRepository(db).ensure(QStringLiteral("Ann"), &error), qPrintable(error.message));
        Prospect prospect = Test::makeProspect(QStringLiteral("Bo"), QStringLiteral("Lind"));
        QVERIFY2(ProspectRepository(db).add(&prospect, &error), qPrintable(error.message));
        QCOMPARE(changed.count(), 0);
        if (outerCommits)
            QVERIFY2(outer.commit(&error), qPrintable(error.message));
    }
    if (!outerCommits) {
        QCOMPARE(changed.count(), 0);
        QCOMPARE(Test::tableRows(db, QStringLiteral("prospects")).size(), 0);
        return;
    }
    QCOMPARE(changed.count(), 1);
    const auto tables = changed.first().at(0).value<Database::Tables>();
    QCOMPARE(tables, Database::Tables(Database::Table::Users | Database::Table::Prospects));
    QVERIFY(changed.first().at(1).value<QList<qint64>>().isEmpty());
}

void TestDatabaseFile::committedTransactionIsVisibleToOthers()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const auto second = file.openSecondConnection(Database::Access::ReadOnly);
    QVERIFY(second);
    {
        WriteTransaction transaction(file.db());
        Error error;
        QVERIFY2(transaction.begin(&error), qPrintable(error.message));
        QVERIFY(Test::execSql(file.db(),
            QStringLiteral("INSERT INTO users (name, created_at) VALUES (?, 0)"),
            {QStringLiteral("Ann")}));
        QCOMPARE(Test::tableRows(*second, QStringLiteral("users")).size(), 0); // not yet
        QVERIFY2(transaction.commit(&error), qPrintable(error.message));
    }
    QCOMPARE(Test::tableRows(*second, QStringLiteral("users")).size(), 1);
    QCOMPARE(Test::tableRows(file.db(), QStringLiteral("users")).size(), 1);
}

void TestDatabaseFile::busyFileFailsAfterTimeout()
{
    // The one test that waits out the real timeout and every retry after it, to
    // check that they are the ones configured.
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const auto other = file.openSecondConnection();
    QVERIFY(other);
    QSqlQuery lock(other->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    qint64 waited = 0;
    verifyAddRefusedAsBusy(file, &ann, &waited);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(waited >= WriteTransaction::busyAttempts * Database::busyTimeoutMs * 9 / 10,
        qPrintable(QString::number(waited)));
    ProspectRepository prospects(file.db());
    Error error;

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(prospects.count(&error), 0);
    QVERIFY2(prospects.add(&ann, &error), qPrintable(error.message));
    QCOMPARE(prospects.count(&error), 1);
}

void TestDatabaseFile::busyCommitRollsBack()
{
    // A reader keeps its shared lock: our write gets its reserved lock but cannot commit.
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    QVERIFY(Test::setBusyTimeout(file.db(), 200));
    const auto reader = file.openSecondConnection(Database::Access::ReadOnly);
    QVERIFY(reader);
    QSqlQuery read(reader->connection());
    QVERIFY(read.exec(QStringLiteral("BEGIN")));
    QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM cadences")));
    QVERIFY(read.next());

    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    verifyAddRefusedAsBusy(file, &ann);
    if (QTest::currentTestFailed())
        return;
    ProspectRepository prospects(file.db());
    Error error;

    QVERIFY(read.exec(QStringLiteral("COMMIT")));
    // The failed write was rolled back, not left open on the connection.
    QCOMPARE(prospects.count(&error), 0);
    QCOMPARE(ProspectRepository(*reader).count(&error), 0);
    QVERIFY2(prospects.add(&ann, &error), qPrintable(error.message));
    QCOMPARE(ProspectRepository(*reader).count(&error), 1);
}

void TestDatabaseFile::shortLockIsWaitedOut_data()
{
    QTest::addColumn<LockHolder::Lock>("lock");

    QTest::newRow("another writer: BEGIN waits") << LockHolder::Lock::Write;
    QTest::newRow("a reader: COMMIT waits") << LockHolder::Lock::Read;
}

void TestDatabaseFile::shortLockIsWaitedOut()
{
    QFETCH(LockHolder::Lock, lock);

    // Held twice as long as the busy timeout but shorter than the retries after
    // it (at least 2 x 50 ms + 100 ms of pauses): without them the write fails.
    const int timeoutMs = 200;
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    QVERIFY(Test::setBusyTimeout(file.db(), timeoutMs));
    ProspectRepository prospects(file.db());
    Prospect ann = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    {
        LockHolder holder(file.path(), lock, 2 * timeoutMs);
        QVERIFY(holder.waitUntilHeld());
        QVERIFY2(prospects.add(&ann, &error), qPrintable(error.message));
    }
    QCOMPARE(prospects.count(&error), 1);
}

void TestDatabaseFile::journalModeIsRollback_data()
{
    QTest::addColumn<bool>("wal");
    QTest::addColumn<Database::Access>("access");
    QTest::addColumn<QString>("expected");

    QTest::newRow("rollback file, read-write")
        << false << Database::Access::ReadWrite << QStringLiteral("delete");
    QTest::newRow("rollback file, read-only")
        << false << Database::Access::ReadOnly << QStringLiteral("delete");
    QTest::newRow("WAL file, read-write: converted")
        << true << Database::Access::ReadWrite << QStringLiteral("delete");
    QTest::newRow("WAL file, read-only: left as it is")
        << true << Database::Access::ReadOnly << QStringLiteral("wal");
}

void TestDatabaseFile::journalModeIsRollback()
{
    QFETCH(bool, wal);
    QFETCH(Database::Access, access);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("journal.touchline"));
    if (wal) {
        QVERIFY(createWalFile(path));
    } else {
        Database created;
        QVERIFY(created.open(
            path, Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr));
    }
    const QByteArray before = Test::fileChecksum(path);

    Database db;
    QVERIFY(openFile(db, path, Database::Creation::MustExist, access));
    Error error;
    QCOMPARE(pragma(db.connection(), QStringLiteral("journal_mode")).toString(), expected);
    if (access == Database::Access::ReadWrite) {
        QVERIFY2(
            UserRepository(db).ensure(QStringLiteral("Bob"), &error), qPrintable(error.message));
    }
    db.close();

    // What the next copy finds: the mode stays, and a rollback file needs no
    // -wal or -shm beside it.
    QCOMPARE(journalModeOf(path), expected);
    if (expected == QLatin1String("delete")) {
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-shm")));
    }
    if (access == Database::Access::ReadOnly)
        QCOMPARE(Test::fileChecksum(path), before);
}

void TestDatabaseFile::walFileInUseStillOpens()
{
    // A program that reads the file through its WAL keeps SQLite from
    // converting it: the file opens and writes in WAL mode until the next open.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("wal.touchline"));
    QVERIFY(createWalFile(path));
    {
        RawConnection other(path);
        QSqlQuery read(other.db());
        QVERIFY(read.exec(QStringLiteral("BEGIN")));
        QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM users")));
        QVERIFY(read.next());

        Database db;
        QVERIFY(openFile(db, path, Database::Creation::MustExist, Database::Access::ReadWrite));
        Error error;
        QCOMPARE(pragma(db.connection(), QStringLiteral("journal_mode")).toString(),
            QStringLiteral("wal"));
        QVERIFY2(
            UserRepository(db).ensure(QStringLiteral("Bob"), &error), qPrintable(error.message));
        QVERIFY(read.exec(QStringLiteral("COMMIT")));
    }
    Database db;
    QVERIFY(openFile(db, path, Database::Creation::MustExist, Database::Access::ReadWrite));
    QCOMPARE(pragma(db.connection(), QStringLiteral("journal_mode")).toString(),
        QStringLiteral("delete"));
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 2);
}

void TestDatabaseFile::readOnlyOpensAfterCrashedWrite()
{
    // The file and its journal copied in the middle of a write are what a writer
    // killed there leaves: a hot journal that a read-only connection cannot roll back.
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    QVERIFY(UserRepository(file.db()).ensure(QStringLiteral("Ann"), nullptr));
    const QString crashed = file.dirPath() + QStringLiteral("/crashed.touchline");
    {
        RawConnection writer(file.path());
        QVERIFY(writer.exec(QStringLiteral("PRAGMA cache_size = 1"))); // spill to the file
        QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
        for (int i = 0; i < 200; ++i)
            QVERIFY(writer.exec(
                QStringLiteral("INSERT INTO users (name, created_at) VALUES (hex(randomblob(500)) "
                               "|| '%1', 0)")
                    .arg(i)));
        QVERIFY(QFile::copy(file.path(), crashed));
        QVERIFY(QFile::copy(
            file.path() + QStringLiteral("-journal"), crashed + QStringLiteral("-journal")));
        QVERIFY(writer.exec(QStringLiteral("ROLLBACK")));
    }

    Database db;
    QVERIFY(openFile(db, crashed, Database::Creation::MustExist, Database::Access::ReadOnly));
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 1); // all or nothing
    QVERIFY(!QFileInfo::exists(crashed + QStringLiteral("-journal")));
    db.close();
    const Error integrity = Database::checkIntegrity(crashed);
    QVERIFY2(!integrity.isError(), qPrintable(integrity.message));
}

QTEST_GUILESS_MAIN(TestDatabaseFile)
#include "tst_database.moc"
