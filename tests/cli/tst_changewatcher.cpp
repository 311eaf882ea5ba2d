// Live updates between copies of Touchline on one file: ChangeWatcher turns
// another connection's commit into Database::changed, the signal every view
// follows, and a prospect added by a separate touchline-cli process reaches the
// table of this one, its selection kept.

#include "CliRunner.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "itemmodels/ProspectTableModel.h"
#include "storage/ChangeWatcher.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Touchline;
using Test::execSql;

class TestChangeWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void pollsUntilStopped();
    void otherProcessReachesTheTable();
};

void TestChangeWatcher::check_data()
{
    QTest::addColumn<QString>("writer");
    QTest::addColumn<bool>("announced");
    QTest::newRow("nothing written") << QString() << false;
    // This copy's own writes announce themselves, with what they changed.
    QTest::newRow("own connection") << QStringLiteral("own") << false;
    QTest::newRow("another connection") << QStringLiteral("other") << true;
    QTest::newRow("a read-only reader") << QStringLiteral("reader") << false;
}

void TestChangeWatcher::check()
{
    QFETCH(QString, writer);
    QFETCH(bool, announced);
    Test::TestDatabase file;
    QVERIFY(file.isValid());
    std::unique_ptr<Database> other = file.openSecondConnection(writer == QLatin1String("reader")
            ? Database::Access::ReadOnly
            : Database::Access::ReadWrite);
    QVERIFY(other && other->isOpen());
    ChangeWatcher watcher(file.db());
    watcher.start();
    QSignalSpy changed(&file.db(), &Database::changed);
    QSignalSpy elsewhere(&watcher, &ChangeWatcher::changedElsewhere);

    const QString insert = QStringLiteral(
        "INSERT INTO prospects (first_name, created_at, updated_at) VALUES ('Ada', 0, 0)");
    if (writer == QLatin1String("own"))
        QVERIFY(execSql(file.db(), insert));
    else if (writer == QLatin1String("other"))
        QVERIFY(execSql(*other, insert));
    else if (writer == QLatin1String("reader"))
        QVERIFY(execSql(*other, QStringLiteral("SELECT count(*) FROM prospects")));

    QCOMPARE(watcher.check(), announced);
    QCOMPARE(elsewhere.count(), announced ? 1 : 0);
    QCOMPARE(changed.count(), announced ? 1 : 0);
    if (announced) {
        // Nothing says what changed: every table, every prospect.
        const auto tables = changed.first().at(0).value<Database::Tables>();
        for (Database::Table table : {Database::Table::Prospects, Database::Table::Touches,
                 Database::Table::Cadences, Database::Table::Enrollments, Database::Table::Users})
            QVERIFY(tables.testFlag(table));
        QVERIFY(changed.first().at(1).value<QList<qint64>>().isEmpty());
    }
    // Once announced, the same change is not announced again.
    QVERIFY(!watcher.check());
}

void TestChangeWatcher::pollsUntilStopped()
{
    Test::TestDatabase file;
    QVERIFY(file.isValid());
    std::unique_ptr<Database> other = file.openSecondConnection();
    ChangeWatcher watcher(file.db());
    QSignalSpy elsewhere(&watcher, &ChangeWatcher::changedElsewhere);
    watcher.start(20);
    QVERIFY(watcher.isRunning());
    QVERIFY(
        execSql(*other, QStringLiteral("INSERT INTO users (name, created_at) VALUES ('Sam', 0)")));
    QTRY_COMPARE_WITH_TIMEOUT(elsewhere.count(), 1, 5000);

    watcher.stop();
    QVERIFY(!watcher.isRunning());
    QVERIFY(
        execSql(*other, QStringLiteral("INSERT INTO users (name, created_at) VALUES ('Zoe', 0)")));
    QTest::qWait(100);
    QCOMPARE(elsewhere.count(), 1);
}

void TestChangeWatcher::otherProcessReachesTheTable()
{
    Test::CliRunner cli(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(cli.isValid());
    QCOMPARE(cli.cli({QStringLiteral("init")}).exitCode, 0);
    for (const char *name : {"Ada", "Grace"})
        QCOMPARE(cli.cli({QStringLiteral("prospects"), QStringLiteral("add"),
                             QStringLiteral("--first-name"), QLatin1String(name)})
                     .exitCode,
            0);

    Database db;
    Error error;
    QVERIFY(db.open(
        cli.databasePath(), Database::Creation::MustExist, Database::Access::ReadWrite, &error));
    ProspectTableModel model(db, nullptr);
    QItemSelectionModel selection(&model);
    QCOMPARE(model.rowCount(), 2);
    const qint64 grace = model.idAt(model.rowCount() - 1);
    selection.setCurrentIndex(model.index(model.rowOf(grace), 0),
        QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
    ChangeWatcher watcher(db);
    watcher.start(50);

    const Test::CliRun added = cli.cli({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("Alan")});
    QCOMPARE(added.exitCode, 0);
    // Well within the two seconds a teammate should wait.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 2000);
    QCOMPARE(model.idAt(selection.currentIndex().row()), grace);
    QVERIFY(selection.isRowSelected(selection.currentIndex().row(), {}));
}

QTEST_GUILESS_MAIN(TestChangeWatcher)
#include "tst_changewatcher.moc"
