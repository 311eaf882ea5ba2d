// touchline-cli backup and backups, run as users run them.

#include "CliRunner.h"
#include "storage/Schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Touchline;
using Test::CliRun;
using Test::jsonOf;
using Test::parseCsv;

class TestCliBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void help_data();
    void help();
    void backupPrintsThePathOfACompleteCopy();
    void backupsListsNewestFirst();
    void readOnlyFileIsBackedUpToAWritableFolder();
    void failures_data();
    void failures();
    void olderFileIsNotUpgradedWithoutABackup();

private:
    CliRun run(const QStringList &arguments) const { return m_cli->run(arguments); }
    CliRun cli(const QStringList &arguments) const { return m_cli->cli(arguments); }
    QString backedUp(const QStringList &arguments = {}) const;

    std::unique_ptr<Test::CliRunner> m_cli;
    QString m_db;
};

void TestCliBackup::init()
{
    m_cli = std::make_unique<Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    m_db = m_cli->databasePath();
}

// Runs `backup` and returns the path it printed, empty on failure.
QString TestCliBackup::backedUp(const QStringList &arguments) const
{
    const CliRun result = cli(QStringList {QStringLiteral("backup")} + arguments);
    if (result.exitCode != 0 || !result.err.isEmpty()) {
        qWarning().noquote() << result.exitCode << result.err;
        return {};
    }
    return result.out.trimmed();
}

void TestCliBackup::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("program") << QStringList {QStringLiteral("--help")}
                             << QStringList {QStringLiteral("backup "), QStringLiteral("backups")};
    QTest::newRow("backup") << QStringList {QStringLiteral("backup"), QStringLiteral("--help")}
                            << QStringList {QStringLiteral("--to"), QStringLiteral("--db")};
    QTest::newRow("backups") << QStringList {QStringLiteral("backups"), QStringLiteral("--help")}
                             << QStringList {QStringLiteral("--in"), QStringLiteral("--format")};
}

void TestCliBackup::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(
            result.out.contains(mention), qPrintable(mention + QLatin1Char('\n') + result.out));
}

void TestCliBackup::backupPrintsThePathOfACompleteCopy()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"),
                     QStringLiteral("--first-name"), QStringLiteral("Ada")})
                 .exitCode,
        0);

    const QString path = backedUp();
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_db).absolutePath());
    QVERIFY2(
        QRegularExpression(QStringLiteral("^test-backup-\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.touchline$"))
            .match(QFileInfo(path).fileName())
            .hasMatch(),
        qPrintable(path));
    const CliRun listed = run({QStringLiteral("--db"), path, QStringLiteral("prospects"),
        QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(jsonOf(listed).size(), 1);
    QCOMPARE(run({QStringLiteral("--db"), path, QStringLiteral("check")}).exitCode, 0);

    QVERIFY(QDir(m_cli->dirPath()).mkdir(QStringLiteral("saved")));
    const QString elsewhere
        = backedUp({QStringLiteral("--to"), m_cli->path(QStringLiteral("saved"))});
    QCOMPARE(QFileInfo(elsewhere).absolutePath(), m_cli->path(QStringLiteral("saved")));
    QCOMPARE(QDir(m_cli->path(QStringLiteral("saved"))).entryList(QDir::Files),
        QStringList {QFileInfo(elsewhere).fileName()});
}

void TestCliBackup::backupsListsNewestFirst()
{
    // Listing needs no file: its backups are what is left when it is gone.
    const CliRun none
        = cli({QStringLiteral("backups"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QStringLiteral("[]\n"));

    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QString first = backedUp();
    const QString second = backedUp();
    QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
    QFile other(m_cli->path(QStringLiteral("other-backup-2099-01-01-000000.touchline")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();

    const CliRun json
        = cli({QStringLiteral("backups"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray rows = jsonOf(json);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("path")).toString(), second);
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("path")).toString(), first);
    QCOMPARE(
        rows.at(0).toObject().value(QLatin1String("size")).toInteger(), QFileInfo(second).size());
    QVERIFY(QDateTime::fromString(
        rows.at(0).toObject().value(QLatin1String("made_at")).toString(), Qt::ISODate)
                .isValid());

    const CliRun csv = cli({QStringLiteral("backups"), QStringLiteral("--in"), m_cli->dirPath(),
        QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    const auto table = parseCsv(csv.out);
    QVERIFY(table);
    QCOMPARE(table->size(), 3);
    QCOMPARE(table->at(0),
        (QStringList {QStringLiteral("path"), QStringLiteral("made_at"), QStringLiteral("size")}));
    QCOMPARE(table->at(1).first(), second);
}

void TestCliBackup::readOnlyFileIsBackedUpToAWritableFolder()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QString open = m_cli->path(QStringLiteral("open"));
    QVERIFY(QDir(m_cli->dirPath()).mkdir(QStringLiteral("open")));
    const auto all = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther
        | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(
        open, all | QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    QVERIFY(QFile::setPermissions(
        m_db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(QFile::setPermissions(m_cli->dirPath(), all | QFileDevice::WriteOwner));
    m_cli->setUnprivileged(true);

    const CliRun refused = cli({QStringLiteral("backup")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("may not write")), qPrintable(refused.err));
    QVERIFY2(
        refused.err.contains(QDir::toNativeSeparators(m_cli->dirPath())), qPrintable(refused.err));

    const QString path = backedUp({QStringLiteral("--to"), open});
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFileInfo(path).absolutePath(), open);
    QCOMPARE(run({QStringLiteral("--db"), path, QStringLiteral("check")}).exitCode, 0);
}

void TestCliBackup::failures_data()
{
    QTest::addColumn<bool>("create");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no file") << false << QStringList {QStringLiteral("backup")}
                             << QStringLiteral("does not exist");
    QTest::newRow("missing folder")
        << true
        << QStringList {QStringLiteral("backup"), QStringLiteral("--to"), QStringLiteral("missing")}
        << QStringLiteral("missing");
    QTest::newRow("listing a missing folder")
        << true
        << QStringList {QStringLiteral("backups"), QStringLiteral("--in"),
               QStringLiteral("missing")}
        << QStringLiteral("missing");
}

void TestCliBackup::failures()
{
    QFETCH(bool, create);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    if (create)
        QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QStringList before = QDir(m_cli->dirPath()).entryList(QDir::Files);
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(QDir(m_cli->dirPath()).entryList(QDir::Files), before);
}

void TestCliBackup::olderFileIsNotUpgradedWithoutABackup()
{
    // A file in the first format, as an older build left it.
    const QString connectionName = QStringLiteral("older");
    auto userVersion = [&]() -> int {
        QSqlQuery query(QSqlDatabase::database(connectionName));
        return query.exec(QStringLiteral("PRAGMA user_version")) && query.next()
            ? query.value(0).toInt()
            : -1;
    };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        Error error;
        QVERIFY(db.transaction());
        QVERIFY2(Schema::migrate(db, 0, 1, &error), qPrintable(error.message));
        QVERIFY(db.commit());
        QCOMPARE(userVersion(), 1);
    }
    // The file may be written, its folder not: no backup can be made next to it.
    const auto all = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(
        m_db, all | QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    QVERIFY(QFile::setPermissions(m_cli->dirPath(),
        all | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther
            | QFileDevice::WriteOwner));
    m_cli->setUnprivileged(true);

    const CliRun result = cli({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("Ada")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("not upgraded")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("may not write")), qPrintable(result.err));
    QCOMPARE(userVersion(), 1);
    QCOMPARE(
        QDir(m_cli->dirPath()).entryList(QDir::Files), QStringList {QFileInfo(m_db).fileName()});
    QSqlDatabase::database(connectionName).close();
    QSqlDatabase::removeDatabase(connectionName);
}

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_cli_backup.moc"
