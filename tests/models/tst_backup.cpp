// Backups of a Touchline file: storage/Backup.h, and the backup Database makes
// before it upgrades a file of an older format.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/Backup.h"
#include "storage/Database.h"
#include "storage/Schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Touchline;
using Touchline::Test::TestDatabase;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList fileNames(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QVariant pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return {};
    return query.value(0);
}

// A file at an older schema version, as an older build left it, on a
// connection that does not go through Database.
bool makeOlderFile(const QString &path, int version)
{
    const QString name = QStringLiteral("older-file");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        Error error;
        ok = db.open() && db.transaction() && Schema::migrate(db, 0, version, &error)
            && db.commit();
        if (!ok)
            qWarning().noquote() << error.message << db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The file's user_version and the SQL of its tables and indexes, read on a
// connection that does not go through Database (which reads only the latest format).
QStringList schemaOf(const QString &path)
{
    const QString name = QStringLiteral("schema-of");
    QStringList schema;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            schema.append(QStringLiteral("user_version %1")
                              .arg(pragma(db, QStringLiteral("user_version")).toInt()));
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                                      "ORDER BY name"));
            while (query.next())
                schema.append(query.value(0).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return schema;
}

QString made(const Database &db, const QString &folder = QString())
{
    QString path;
    Error error;
    if (Backup::make(db, folder, &path, &error) != Backup::Result::Finished)
        qWarning().noquote() << error.message;
    return path;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copyHasTheSameRowsAndPassesTheCheck();
    void copyIsNamedAfterTheFileAndTheTime();
    void fileName_data();
    void fileName();
    void neverOverwritesAFile();
    void badFolderIsNamedAndLeavesNoFile_data();
    void badFolderIsNamedAndLeavesNoFile();
    void readOnlyOpenCanBeBackedUp();
    void progressIsReportedAndCancelLeavesNoFile();
    void listsBackupsNewestFirst_data();
    void listsBackupsNewestFirst();
    void olderFileIsBackedUpBeforeItIsUpgraded();
    void currentAndNewFilesAreNotBackedUpOnOpen();
};

void TestBackup::copyHasTheSameRowsAndPassesTheCheck()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    QList<Prospect> prospects;
    for (int i = 0; i < 50; ++i)
        prospects.append(Test::makeProspect(QStringLiteral("P%1").arg(i), QStringLiteral("Q")));
    const QList<qint64> ids = Test::insertProspects(file.db(), prospects);
    QCOMPARE(ids.size(), 50);
    QVERIFY(Test::insertTouch(file.db(), ids.first(), 0, 1, QDateTime::currentDateTimeUtc()));

    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    const QString path = made(file.db(), elsewhere.path());
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(elsewhere.path()).absoluteFilePath());
    QVERIFY2(!Database::checkIntegrity(path).isError(),
        qPrintable(Database::checkIntegrity(path).message));
    // No temporary file or journal stays behind.
    QCOMPARE(fileNames(elsewhere.path()), QStringList {QFileInfo(path).fileName()});

    Database copy;
    Error error;
    QVERIFY2(copy.open(path, Database::Creation::MustExist, Database::Access::ReadOnly, &error),
        qPrintable(error.message));
    for (const QString &table : {QStringLiteral("prospects"), QStringLiteral("touches"),
             QStringLiteral("cadences"), QStringLiteral("users")})
        QCOMPARE(Test::tableRows(copy, table), Test::tableRows(file.db(), table));
    QCOMPARE(copy.schemaVersion(), Schema::latestVersion);
    QCOMPARE(pragma(copy.connection(), QStringLiteral("journal_mode")).toString(),
        QStringLiteral("delete"));
}

void TestBackup::copyIsNamedAfterTheFileAndTheTime()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    // Names hold whole seconds.
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    const QString path = made(file.db());
    const QDateTime after = QDateTime::currentDateTime().addSecs(1);
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(file.path()).absolutePath());
    const QRegularExpressionMatch match = QRegularExpression(
        QStringLiteral("^test-backup-(\\d{4}-\\d\\d-\\d\\d-\\d{6})\\.touchline$"))
                                              .match(QFileInfo(path).fileName());
    QVERIFY2(match.hasMatch(), qPrintable(path));
    const QDateTime madeAt
        = QDateTime::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd-HHmmss"));
    QVERIFY(madeAt >= before && madeAt <= after);

    const std::optional<BackupFile> latest = Backup::latest(file.path());
    QVERIFY(latest);
    QCOMPARE(latest->path, path);
    QCOMPARE(latest->madeAt, madeAt);
}

void TestBackup::fileName_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("copy");
    QTest::addColumn<QString>("expected");

    QTest::newRow("touchline file")
        << QStringLiteral("/data/prospects.touchline") << 1
        << QStringLiteral("prospects-backup-2026-03-01-074502.touchline");
    QTest::newRow("sqlite file") << QStringLiteral("/data/touchline.sqlite") << 1
                                 << QStringLiteral("touchline-backup-2026-03-01-074502.touchline");
    QTest::newRow("dots in the name")
        << QStringLiteral("team.2026.touchline") << 1
        << QStringLiteral("team.2026-backup-2026-03-01-074502.touchline");
    QTest::newRow("no suffix") << QStringLiteral("/data/crm") << 1
                               << QStringLiteral("crm-backup-2026-03-01-074502.touchline");
    QTest::newRow("second in the same second")
        << QStringLiteral("/data/prospects.touchline") << 2
        << QStringLiteral("prospects-backup-2026-03-01-074502-2.touchline");
}

void TestBackup::fileName()
{
    QFETCH(QString, database);
    QFETCH(int, copy);
    QFETCH(QString, expected);
    const QDateTime madeAt(QDate(2026, 3, 1), QTime(7, 45, 2));
    QCOMPARE(Backup::fileName(database, madeAt, copy), expected);
}

void TestBackup::neverOverwritesAFile()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    // Files already have the names of this second and the next ones.
    const QDateTime now = QDateTime::currentDateTime();
    QStringList taken;
    for (int second = -1; second <= 30; ++second) {
        const QString path
            = QDir(file.dirPath()).filePath(Backup::fileName(file.path(), now.addSecs(second)));
        QVERIFY(writeFile(path, "not a backup"));
        taken.append(path);
    }
    const QString first = made(file.db());
    const QString second = made(file.db());
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QVERIFY2(!taken.contains(first), qPrintable(first));
    QVERIFY2(!taken.contains(second), qPrintable(second));
    for (const QString &path : std::as_const(taken))
        QCOMPARE(Test::fileChecksum(path), Test::fileChecksum(taken.first()));
    QVERIFY(!Database::checkIntegrity(first).isError());
    QVERIFY(!Database::checkIntegrity(second).isError());
}

void TestBackup::badFolderIsNamedAndLeavesNoFile_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("kind");

    QTest::newRow("missing") << QStringLiteral("missing/folder") << int(Error::Kind::NotFound);
    QTest::newRow("a file") << QStringLiteral("plain-file") << int(Error::Kind::Invalid);
    QTest::newRow("not writable") << QStringLiteral("locked") << int(Error::Kind::ReadOnly);
}

void TestBackup::badFolderIsNamedAndLeavesNoFile()
{
    QFETCH(QString, folder);
    QFETCH(int, kind);

    TestDatabase file;
    QVERIFY(file.isValid());
    const QDir dir(file.dirPath());
    const QString target = dir.filePath(folder);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("plain-file")), "text"));
    QVERIFY(dir.mkdir(QStringLiteral("locked")));
    QVERIFY(QFile::setPermissions(
        dir.filePath(QStringLiteral("locked")), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    if (kind == int(Error::Kind::ReadOnly) && ::geteuid() == 0)
        QSKIP("root may write to any folder");
    const QStringList before = fileNames(file.dirPath());

    QString path;
    Error error;
    QCOMPARE(Backup::make(file.db(), target, &path, &error), Backup::Result::Failed);
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(QDir::toNativeSeparators(target)), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("test.touchline")), qPrintable(error.message));
    QVERIFY(path.isEmpty());
    QCOMPARE(fileNames(file.dirPath()), before);
    QVERIFY(Backup::list(file.path(), target).isEmpty());
}

void TestBackup::readOnlyOpenCanBeBackedUp()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    QCOMPARE(
        Test::insertProspects(file.db(), {Test::makeProspect(QStringLiteral("Ada"), {})}).size(),
        1);
    file.db().close();
    const QByteArray before = Test::fileChecksum(file.path());

    Database reader;
    Error error;
    QVERIFY2(
        reader.open(file.path(), Database::Creation::MustExist, Database::Access::ReadOnly, &error),
        qPrintable(error.message));
    const QString path = made(reader);
    QVERIFY(!path.isEmpty());
    reader.close();
    QCOMPARE(Test::fileChecksum(file.path()), before);

    Database copy;
    QVERIFY(copy.open(path, Database::Creation::MustExist, Database::Access::ReadOnly, &error));
    QCOMPARE(Test::tableRows(copy, QStringLiteral("prospects")).size(), 1);
}

void TestBackup::progressIsReportedAndCancelLeavesNoFile()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    // Enough pages for several steps.
    QVERIFY(Test::execSql(file.db(), QStringLiteral("CREATE TABLE filler (data BLOB)")));
    QVERIFY(Test::execSql(file.db(), QStringLiteral("INSERT INTO filler VALUES (zeroblob(?))"),
        {Backup::pagesPerStep * 4096 * 3}));

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QList<std::pair<qint64, qint64>> reported;
    QString path;
    Error error;
    QCOMPARE(Backup::make(file.db(), folder.path(), &path, &error,
                 [&](qint64 copied, qint64 total) {
                     reported.append({copied, total});
                     return true;
                 }),
        Backup::Result::Finished);
    QVERIFY(reported.size() >= 2);
    for (int i = 0; i < reported.size(); ++i) {
        QCOMPARE(reported.at(i).first, qint64(Backup::pagesPerStep) * (i + 1));
        QCOMPARE(reported.at(i).second, reported.first().second);
    }
    QVERIFY(reported.last().first < reported.last().second);
    QCOMPARE(QFileInfo(path).size(), QFileInfo(file.path()).size());

    int calls = 0;
    path.clear();
    QCOMPARE(Backup::make(file.db(), folder.path(), &path, &error,
                 [&](qint64, qint64) { return ++calls < 2; }),
        Backup::Result::Cancelled);
    QCOMPARE(calls, 2);
    QVERIFY(path.isEmpty());
    // Only the first, finished backup is there.
    QCOMPARE(fileNames(folder.path()).size(), 1);
    QCOMPARE(Backup::list(file.path(), folder.path()).size(), 1);
}

void TestBackup::listsBackupsNewestFirst_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("expected");

    const QStringList others = {
        QStringLiteral("prospects.touchline"),
        QStringLiteral("prospects-backup-2026-05-01-120000.touchline.part"),
        QStringLiteral("prospects-backup-2026-05-01-120000.touchline-journal"),
        QStringLiteral("prospects-backup-2026-05-01-120000.sqlite"),
        QStringLiteral("prospects-backup-2026-13-01-120000.touchline"),
        QStringLiteral("prospects-backup-2026-05-01-1200.touchline"),
        QStringLiteral("prospects-backup-2026-05-01-120000-x.touchline"),
        QStringLiteral("Prospects-backup-2026-05-01-120000.touchline"),
        QStringLiteral("other-backup-2026-05-01-120000.touchline"),
        QStringLiteral("my-prospects-backup-2026-05-01-120000.touchline"),
        QStringLiteral("prospects-backup-2026-01-01-120000-backup-2026-05-01-120000.touchline"),
    };
    QTest::newRow("none") << QStringList() << QStringList();
    QTest::newRow("only other files") << others << QStringList();
    QTest::newRow("one among others")
        << (others + QStringList {QStringLiteral("prospects-backup-2025-12-31-235959.touchline")})
        << QStringList {QStringLiteral("prospects-backup-2025-12-31-235959.touchline")};
    QTest::newRow("by time, not by name or order")
        << QStringList {QStringLiteral("prospects-backup-2026-01-02-090000.touchline"),
               QStringLiteral("prospects-backup-2026-11-01-080000.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-100000.touchline"),
               QStringLiteral("prospects-backup-2025-12-31-235959.touchline")}
        << QStringList {QStringLiteral("prospects-backup-2026-11-01-080000.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-100000.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-090000.touchline"),
               QStringLiteral("prospects-backup-2025-12-31-235959.touchline")};
    QTest::newRow("several in one second")
        << QStringList {QStringLiteral("prospects-backup-2026-01-02-090000-2.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-090000.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-090000-10.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-085959-3.touchline")}
        << QStringList {QStringLiteral("prospects-backup-2026-01-02-090000-10.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-090000-2.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-090000.touchline"),
               QStringLiteral("prospects-backup-2026-01-02-085959-3.touchline")};
}

void TestBackup::listsBackupsNewestFirst()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : std::as_const(files))
        QVERIFY(writeFile(dir.filePath(name), "x"));
    // A folder with a backup's name is no backup.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("prospects-backup-2027-01-01-000000.touchline")));
    const QString database = dir.filePath(QStringLiteral("prospects.touchline"));

    QStringList listed;
    for (const BackupFile &file : Backup::list(database))
        listed.append(QFileInfo(file.path).fileName());
    QCOMPARE(listed, expected);
    // The same when the folder is named, and when the file is missing.
    QStringList inFolder;
    for (const BackupFile &file :
        Backup::list(QStringLiteral("/elsewhere/prospects.sqlite"), dir.path()))
        inFolder.append(QFileInfo(file.path).fileName());
    QCOMPARE(inFolder, expected);

    const std::optional<BackupFile> latest = Backup::latest(database);
    QCOMPARE(latest.has_value(), !expected.isEmpty());
    if (latest)
        QCOMPARE(latest->path, dir.filePath(expected.first()));
}

void TestBackup::olderFileIsBackedUpBeforeItIsUpgraded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.touchline"));
    const int olderVersion = 1;
    QVERIFY(makeOlderFile(path, olderVersion));
    const QStringList schemaBefore = schemaOf(path);
    QVERIFY(schemaBefore.size() > 5);

    Database db;
    Error error;
    QVERIFY2(db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error),
        qPrintable(error.message));
    QCOMPARE(db.schemaVersion(), Schema::latestVersion);
    QVERIFY(schemaOf(path) != schemaBefore);

    // The backup is the file as it was before the upgrade.
    const QList<BackupFile> backups = Backup::list(path);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(schemaOf(backups.first().path), schemaBefore);
    QCOMPARE(schemaBefore.first(), QStringLiteral("user_version %1").arg(olderVersion));

    // Opening it again, now upgraded, makes no other backup.
    db.close();
    QVERIFY(db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error));
    QCOMPARE(Backup::list(path).size(), 1);
}

void TestBackup::currentAndNewFilesAreNotBackedUpOnOpen()
{
    TestDatabase file;
    QVERIFY(file.isValid());
    file.db().close();
    Database again;
    Error error;
    QVERIFY(again.open(
        file.path(), Database::Creation::MustExist, Database::Access::ReadWrite, &error));
    QCOMPARE(fileNames(file.dirPath()), QStringList {QStringLiteral("test.touchline")});
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
