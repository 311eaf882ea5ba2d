#include "TestData.h"
#include "TestDatabase.h"
#include "storage/CadenceRepository.h"
#include "storage/ConsistencyCheck.h"
#include "storage/DataGenerator.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Touchline::Test::TestDatabase;
using Kind = ConsistencyProblem::Kind;

Q_DECLARE_METATYPE(Touchline::ConsistencyProblem::Kind)

namespace {

// Runs statements with {p} (a prospect with three or more outbound touches and no
// reply), {r} (a prospect who replied) and {in} (an inbound touch) filled in.
class Corrupter
{
public:
    explicit Corrupter(Database &db)
        : m_db(db)
    {
        m_values.insert(QStringLiteral("{p}"),
            scalar(
                QStringLiteral("SELECT prospect_id FROM touches GROUP BY prospect_id "
                               "HAVING sum(direction = 'out') >= 3 AND sum(direction = 'in') = 0 "
                               "ORDER BY prospect_id LIMIT 1")));
        m_values.insert(QStringLiteral("{r}"),
            scalar(QStringLiteral("SELECT min(prospect_id) FROM touches "
                                  "WHERE direction = 'in'")));
        m_values.insert(QStringLiteral("{in}"),
            scalar(QStringLiteral("SELECT min(id) FROM touches "
                                  "WHERE direction = 'in'")));
    }

    bool isValid() const
    {
        for (qint64 value : m_values) {
            if (value <= 0)
                return false;
        }
        return true;
    }

    QString fill(QString sql) const
    {
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            sql.replace(it.key(), QString::number(it.value()));
        return sql;
    }

    bool exec(const QString &sql) const
    {
        QSqlQuery query(m_db.connection());
        if (query.exec(fill(sql)))
            return true;
        qWarning() << fill(sql) << query.lastError().text();
        return false;
    }

    qint64 scalar(const QString &sql) const
    {
        QSqlQuery query(m_db.connection());
        if (!query.exec(fill(sql)) || !query.next()) {
            qWarning() << fill(sql) << query.lastError().text();
            return -1;
        }
        return query.value(0).toLongLong();
    }

private:
    Database &m_db;
    QHash<QString, qint64> m_values;
};

QDateTime fixedNow()
{
    return QDateTime::fromString(QStringLiteral("2025-06-01T12:00:00Z"), Qt::ISODate);
}

bool fillWithDemoData(Database &db, int prospects, int touches, quint64 seed)
{
    GeneratorOptions options;
    options.prospects = prospects;
    options.touches = touches;
    options.seed = seed;
    options.now = fixedNow();
    Error error;
    return DataGenerator(db).generate(options, {}, &error) == DataGenerator::Result::Finished;
}

QList<ConsistencyProblem> problemsIn(
    Database &db, int limit = ConsistencyCheck::defaultLimitPerKind)
{
    ConsistencyCheck check(db);
    check.setLimitPerKind(limit);
    QList<ConsistencyProblem> problems;
    Error error;
    if (!check.run(&problems, &error))
        qWarning() << "check failed:" << error.message;
    return problems;
}

QString describe(const QList<ConsistencyProblem> &problems)
{
    QStringList lines;
    for (const ConsistencyProblem &problem : problems)
        lines.append(QStringLiteral("[%1 %2 %3] %4")
                         .arg(problemKindKey(problem.kind), problem.table)
                         .arg(problem.rowId)
                         .arg(problem.message));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestConsistencyCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFileHasNoProblems();
    void generatedDataHasNoProblems_data();
    void generatedDataHasNoProblems();
    void detectsEachKindOfProblem_data();
    void detectsEachKindOfProblem();
    void detectsStaleEnrollments_data();
    void detectsStaleEnrollments();
    void detectsDamagedIndex();
    void limitsProblemsPerKind();
    void worksOnReadOnlyConnection();
    void kindKeysAreDistinct();
};

void TestConsistencyCheck::newFileHasNoProblems()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    const QList<ConsistencyProblem> problems = problemsIn(test.db());
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestConsistencyCheck::generatedDataHasNoProblems_data()
{
    QTest::addColumn<int>("prospects");
    QTest::addColumn<int>("touches");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("small") << 20 << 100 << quint64(1);
    QTest::newRow("no touches") << 50 << 0 << quint64(2);
    QTest::newRow("sparse") << 500 << 300 << quint64(3);
    QTest::newRow("dense") << 300 << 6000 << quint64(4);
}

void TestConsistencyCheck::generatedDataHasNoProblems()
{
    QFETCH(int, prospects);
    QFETCH(int, touches);
    QFETCH(quint64, seed);
    TestDatabase test;
    QVERIFY(test.isValid());
    QVERIFY(fillWithDemoData(test.db(), prospects, touches, seed));
    const QList<ConsistencyProblem> problems = problemsIn(test.db());
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
}

void TestConsistencyCheck::detectsEachKindOfProblem_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("table");
    // The id of the row the problem must name, run after the statements.
    QTest::addColumn<QString>("rowIdQuery");
    // Kinds that may be reported besides `kind`, when one change breaks two rules
    // (a touch changed behind the repositories' back also changes what its
    // prospect's cadence derives).
    QTest::addColumn<QList<Kind>>("alsoAllowed");

    const QString lastOutbound = QStringLiteral(
        "SELECT max(id) FROM touches WHERE prospect_id = {p} AND direction = 'out'");
    QTest::newRow("gap in touch numbers")
        << QStringList {QStringLiteral("UPDATE touches SET touch_number = touch_number + 1 "
                                       "WHERE id = (")
               + lastOutbound + QLatin1Char(')')}
        << Kind::TouchNumbering << QStringLiteral("touches") << lastOutbound << QList<Kind> {};
    QTest::newRow("duplicate touch number")
        << QStringList {QStringLiteral("UPDATE touches SET touch_number = 1 "
                                       "WHERE prospect_id = {p} AND touch_number = 2")}
        << Kind::TouchNumbering << QStringLiteral("touches")
        << QStringLiteral("SELECT id FROM touches WHERE prospect_id = {p} AND direction = 'out' "
                          "ORDER BY occurred_at, id LIMIT 1 OFFSET 1")
        << QList<Kind> {};
    QTest::newRow("numbers out of time order")
        << QStringList {QStringLiteral("UPDATE touches SET touch_number = 3 - touch_number "
                                       "WHERE prospect_id = {p} AND touch_number IN (1, 2)")}
        << Kind::TouchNumbering << QStringLiteral("touches")
        << QStringLiteral("SELECT min(id) FROM touches WHERE prospect_id = {p}") << QList<Kind> {};
    QTest::newRow("outbound touch without a number")
        << QStringList {QStringLiteral("UPDATE touches SET touch_number = NULL "
                                       "WHERE prospect_id = {p} AND touch_number = 1")}
        << Kind::TouchNumbering << QStringLiteral("touches")
        << QStringLiteral("SELECT min(id) FROM touches WHERE prospect_id = {p}") << QList<Kind> {};
    QTest::newRow("numbered reply")
        << QStringList {QStringLiteral("UPDATE touches SET touch_number = 4 WHERE id = {in}")}
        << Kind::InboundNumbered << QStringLiteral("touches") << QStringLiteral("SELECT {in}")
        << QList<Kind> {};
    QTest::newRow("touch count too high")
        << QStringList {QStringLiteral("UPDATE prospects SET touch_count = touch_count + 1 "
                                       "WHERE id = {p}")}
        << Kind::TouchCount << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {};
    QTest::newRow("touch count counts the reply")
        << QStringList {QStringLiteral("UPDATE prospects SET touch_count = touch_count + 1 "
                                       "WHERE id = {r}")}
        << Kind::TouchCount << QStringLiteral("prospects") << QStringLiteral("SELECT {r}")
        << QList<Kind> {};
    QTest::newRow("touch count without touches")
        << QStringList {QStringLiteral("INSERT INTO prospects (first_name, created_at, updated_at, "
                                       "touch_count) VALUES ('Ghost', 0, 0, 2)")}
        << Kind::TouchCount << QStringLiteral("prospects")
        << QStringLiteral("SELECT max(id) FROM prospects") << QList<Kind> {};
    QTest::newRow("touch deleted behind the prospect's back")
        << QStringList {QStringLiteral("DELETE FROM touches WHERE id = (") + lastOutbound
               + QLatin1Char(')')}
        << Kind::TouchCount << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {Kind::LastTouch, Kind::EnrollmentProgress};
    QTest::newRow("stale last touch")
        << QStringList {QStringLiteral("UPDATE prospects SET last_touch_at = last_touch_at - 60000 "
                                       "WHERE id = {p}")}
        << Kind::LastTouch << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {};
    QTest::newRow("last touch misses the reply") << QStringList {QStringLiteral(
        "UPDATE prospects SET last_touch_at = (SELECT max(occurred_at) "
        "FROM touches WHERE prospect_id = {r} AND direction = 'out') "
        "WHERE id = {r}")} << Kind::LastTouch << QStringLiteral("prospects")
                                                 << QStringLiteral("SELECT {r}") << QList<Kind> {};
    QTest::newRow("last touch missing")
        << QStringList {QStringLiteral("UPDATE prospects SET last_touch_at = NULL WHERE id = {p}")}
        << Kind::LastTouch << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {};
    QTest::newRow("last touch without touches")
        << QStringList {QStringLiteral("INSERT INTO prospects (first_name, created_at, updated_at, "
                                       "last_touch_at) VALUES ('Ghost', 0, 0, 1000)")}
        << Kind::LastTouch << QStringLiteral("prospects")
        << QStringLiteral("SELECT max(id) FROM prospects") << QList<Kind> {};
    // The schema's unique index forbids this; a file from a buggy build or another
    // tool may not have it.
    QTest::newRow("two running cadences")
        << QStringList {QStringLiteral("DROP INDEX enrollments_one_running"),
               QStringLiteral("INSERT INTO enrollments (prospect_id, cadence_id, state, "
                              "enrolled_at, updated_at) VALUES ({p}, 1, 'active', 0, 0), "
                              "({p}, 1, 'paused', 0, 0)")}
        << Kind::RunningEnrollments << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {Kind::EnrollmentProgress};
    QTest::newRow("two running cadences, one bounced")
        << QStringList {QStringLiteral("DROP INDEX enrollments_one_running"),
               QStringLiteral("INSERT INTO enrollments (prospect_id, cadence_id, state, "
                              "enrolled_at, updated_at) VALUES ({p}, 1, 'active', 0, 0), "
                              "({p}, 1, 'bounced', 0, 0)")}
        << Kind::RunningEnrollments << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {Kind::EnrollmentProgress};
    // Values the schema's CHECK constraints forbid; integrity_check reports those too.
    const QString ignoreChecks = QStringLiteral("PRAGMA ignore_check_constraints = ON");
    const QString checkAgain = QStringLiteral("PRAGMA ignore_check_constraints = OFF");
    QTest::newRow("unknown status")
        << QStringList {ignoreChecks,
               QStringLiteral("UPDATE prospects SET status = 'zombie' WHERE id = {p}"), checkAgain}
        << Kind::UnknownValue << QStringLiteral("prospects") << QStringLiteral("SELECT {p}")
        << QList<Kind> {Kind::Integrity};
    QTest::newRow("unknown outcome")
        << QStringList {QStringLiteral("UPDATE touches SET outcome = 'teleported' WHERE id = {in}")}
        << Kind::UnknownValue << QStringLiteral("touches") << QStringLiteral("SELECT {in}")
        << QList<Kind> {Kind::EnrollmentProgress};
    QTest::newRow("unknown channel")
        << QStringList {ignoreChecks,
               QStringLiteral("UPDATE touches SET channel = 'fax' WHERE id = {in}"), checkAgain}
        << Kind::UnknownValue << QStringLiteral("touches") << QStringLiteral("SELECT {in}")
        << QList<Kind> {Kind::Integrity, Kind::EnrollmentProgress};
    QTest::newRow("unknown enrollment state")
        << QStringList {ignoreChecks,
               QStringLiteral("INSERT INTO enrollments (prospect_id, cadence_id, state, "
                              "enrolled_at, updated_at) VALUES ({p}, 1, 'dreaming', 0, 0)"),
               checkAgain}
        << Kind::UnknownValue << QStringLiteral("enrollments")
        << QStringLiteral("SELECT max(id) FROM enrollments")
        << QList<Kind> {Kind::Integrity, Kind::EnrollmentProgress};
    const QString noForeignKeys = QStringLiteral("PRAGMA foreign_keys = OFF");
    const QString foreignKeysAgain = QStringLiteral("PRAGMA foreign_keys = ON");
    QTest::newRow("touch of a missing prospect") << QStringList {noForeignKeys,
        QStringLiteral("INSERT INTO touches (prospect_id, channel, direction, "
                       "outcome, occurred_at, touch_number, created_at) "
                       "VALUES (999999, 'email', 'out', 'sent', 0, 1, 0)"),
        foreignKeysAgain} << Kind::ForeignKey << QStringLiteral("touches")
                                                 << QStringLiteral("SELECT max(id) FROM touches")
                                                 << QList<Kind> {};
    QTest::newRow("owner who does not exist") << QStringList {noForeignKeys,
        QStringLiteral("UPDATE prospects SET owner_id = 424242 WHERE id = {p}"), foreignKeysAgain}
                                              << Kind::ForeignKey << QStringLiteral("prospects")
                                              << QStringLiteral("SELECT {p}") << QList<Kind> {};
}

void TestConsistencyCheck::detectsEachKindOfProblem()
{
    QFETCH(QStringList, statements);
    QFETCH(Kind, kind);
    QFETCH(QString, table);
    QFETCH(QString, rowIdQuery);
    QFETCH(QList<Kind>, alsoAllowed);

    TestDatabase test;
    QVERIFY(test.isValid());
    QVERIFY(fillWithDemoData(test.db(), 40, 400, 9));
    QVERIFY(problemsIn(test.db()).isEmpty());
    const Corrupter corrupter(test.db());
    QVERIFY2(corrupter.isValid(), "the demo data lacks a prospect the statements need");
    for (const QString &statement : std::as_const(statements))
        QVERIFY(corrupter.exec(statement));
    const qint64 rowId = corrupter.scalar(rowIdQuery);
    QVERIFY(rowId > 0);

    const QList<ConsistencyProblem> problems = problemsIn(test.db());
    const QString found = describe(problems);
    bool named = false;
    for (const ConsistencyProblem &problem : problems) {
        QVERIFY2(problem.kind == kind || alsoAllowed.contains(problem.kind), qPrintable(found));
        QVERIFY2(!problem.message.isEmpty(), qPrintable(found));
        if (problem.kind == kind && problem.table == table && problem.rowId == rowId) {
            named = true;
            // The sentence names the row too, for people reading it without the columns.
            QVERIFY2(problem.message.contains(QString::number(rowId)), qPrintable(found));
        }
    }
    QVERIFY2(named,
        qPrintable(QStringLiteral("expected %1 on %2 %3, found:\n%4")
                       .arg(problemKindKey(kind), table)
                       .arg(rowId)
                       .arg(found)));
}

void TestConsistencyCheck::detectsStaleEnrollments_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("table"); // empty: no problem
    QTest::addColumn<QString>("row");   // the key of the row in {...}

    // {ada} and {bob} are active (Ada in Paris, Bob without a time zone), {cy}
    // replied; {adaProspect} is Ada's prospect row.
    const QString enrollments = QStringLiteral("enrollments");
    QTest::newRow("state") << QStringLiteral(
        "UPDATE enrollments SET state = 'paused' WHERE id = {ada}")
                           << enrollments << QStringLiteral("ada");
    QTest::newRow("next step") << QStringLiteral(
        "UPDATE enrollments SET next_position = 3 WHERE id = {ada}")
                               << enrollments << QStringLiteral("ada");
    QTest::newRow("due time") << QStringLiteral(
        "UPDATE enrollments SET due_at = due_at + 3600000 WHERE id = {ada}")
                              << enrollments << QStringLiteral("ada");
    QTest::newRow("due time lost")
        << QStringLiteral("UPDATE enrollments SET due_at = NULL WHERE id = {bob}") << enrollments
        << QStringLiteral("bob");
    // Bob's due time may have been derived in a teammate's zone.
    QTest::newRow("due time without a zone")
        << QStringLiteral("UPDATE enrollments SET due_at = due_at + 3600000 WHERE id = {bob}")
        << QString() << QString();
    QTest::newRow("end time") << QStringLiteral(
        "UPDATE enrollments SET ended_at = ended_at - 1000 WHERE id = {cy}")
                              << enrollments << QStringLiteral("cy");
    QTest::newRow("ended one running") << QStringLiteral(
        "UPDATE enrollments SET state = 'active', ended_at = NULL WHERE id = {cy}")
                                       << enrollments << QStringLiteral("cy");
    QTest::newRow("prospect's next due time")
        << QStringLiteral(
               "UPDATE prospects SET next_due_at = next_due_at + 60000 WHERE id = {adaProspect}")
        << QStringLiteral("prospects") << QStringLiteral("adaProspect");
}

void TestConsistencyCheck::detectsStaleEnrollments()
{
    QFETCH(QString, statement);
    QFETCH(QString, table);
    QFETCH(QString, row);

    TestDatabase test;
    QVERIFY(test.isValid());
    Database &db = test.db();
    Error error;
    const std::optional<Cadence> cadence
        = CadenceRepository(db).find(QStringLiteral("Three-touch 3-7-14"), &error);
    QVERIFY(cadence);
    QHash<QString, qint64> ids;
    const QDateTime enrolledAt(QDate(2024, 6, 3), QTime(8, 0), QTimeZone::utc());
    for (const char *name : {"ada", "bob", "cy"}) {
        Prospect prospect = Test::makeProspect(QString::fromLatin1(name), QStringLiteral("Tester"));
        QVERIFY2(ProspectRepository(db).add(&prospect, &error), qPrintable(error.message));
        if (qstrcmp(name, "bob") != 0)
            QVERIFY(Test::setTimeZone(db, prospect.id, QStringLiteral("Europe/Paris")));
        EnrollResult result;
        QVERIFY2(EnrollmentRepository(db).enroll(cadence->id, {prospect.id}, 0, &result, &error),
            qPrintable(error.message));
        QCOMPARE(result.enrolled.size(), 1);
        QVERIFY(Test::backdateEnrollment(db, result.enrolled.first(), enrolledAt));
        ids.insert(QString::fromLatin1(name), result.enrolled.first());
        ids.insert(QString::fromLatin1(name) + QStringLiteral("Prospect"), prospect.id);
    }
    Touch first = Test::makeTouch(ids.value(QStringLiteral("adaProspect")),
        QStringLiteral("email/out/sent"), enrolledAt.addDays(3));
    first.enrollmentId = ids.value(QStringLiteral("ada"));
    first.stepId = cadence->steps.first().id;
    Touch reply = Test::makeTouch(ids.value(QStringLiteral("cyProspect")),
        QStringLiteral("email/in/replied"), enrolledAt.addDays(1));
    for (Touch *touch : {&first, &reply})
        QVERIFY2(TouchRepository(db).log(touch, nullptr, &error), qPrintable(error.message));
    const QList<ConsistencyProblem> before = problemsIn(db);
    QVERIFY2(before.isEmpty(), qPrintable(describe(before)));

    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        statement.replace(
            QLatin1Char('{') + it.key() + QLatin1Char('}'), QString::number(it.value()));
    QVERIFY(Test::execSql(db, statement));

    const QList<ConsistencyProblem> problems = problemsIn(db);
    const QString found = describe(problems);
    if (table.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(found));
        return;
    }
    QVERIFY2(!problems.isEmpty(), qPrintable(statement));
    const qint64 rowId = ids.value(row);
    for (const ConsistencyProblem &problem : problems) {
        QVERIFY2(problem.kind == Kind::EnrollmentProgress, qPrintable(found));
        QCOMPARE(problem.table, table);
        QCOMPARE(problem.rowId, rowId);
        QVERIFY2(problem.message.contains(QString::number(rowId)), qPrintable(found));
    }
}

void TestConsistencyCheck::detectsDamagedIndex()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QVERIFY(fillWithDemoData(test.db(), 40, 100, 9));
    // Make the index on first names claim to hold last names: its entries no longer
    // match the table. Opening the file still works (its quick check skips index
    // contents), so only the full check finds it.
    QSqlQuery query(test.db().connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA writable_schema = ON")));
    QVERIFY2(
        query.exec(QStringLiteral(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX prospects_by_first_name ON "
            "prospects(last_name COLLATE NOCASE, id)' WHERE name = 'prospects_by_first_name'")),
        qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("PRAGMA writable_schema = OFF")));
    query.finish();

    const auto reopened = test.openSecondConnection();
    QVERIFY(reopened);
    const QList<ConsistencyProblem> problems = problemsIn(*reopened);
    QVERIFY(!problems.isEmpty());
    for (const ConsistencyProblem &problem : problems)
        QCOMPARE(problem.kind, Kind::Integrity);
    QVERIFY2(problems.first().message.contains(QLatin1String("prospects_by_first_name")),
        qPrintable(describe(problems)));
}

void TestConsistencyCheck::limitsProblemsPerKind()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QVERIFY(fillWithDemoData(test.db(), 30, 0, 1));
    QSqlQuery query(test.db().connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE prospects SET touch_count = 1")));
    query.finish();

    const QList<ConsistencyProblem> all = problemsIn(test.db());
    QCOMPARE(all.size(), 30);
    const QList<ConsistencyProblem> some = problemsIn(test.db(), 5);
    QCOMPARE(some.size(), 6);
    for (qsizetype i = 0; i < 5; ++i) {
        QCOMPARE(some.at(i).kind, Kind::TouchCount);
        QCOMPARE(some.at(i).rowId, all.at(i).rowId);
    }
    // The last line sums up the rest.
    QCOMPARE(some.last().kind, Kind::TouchCount);
    QCOMPARE(some.last().rowId, 0);
    QVERIFY2(some.last().message.contains(QLatin1String("25")), qPrintable(some.last().message));
}

void TestConsistencyCheck::worksOnReadOnlyConnection()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QVERIFY(fillWithDemoData(test.db(), 20, 100, 1));
    QSqlQuery query(test.db().connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE prospects SET touch_count = 99 WHERE id = 3")));
    query.finish();

    const auto readOnly = test.openSecondConnection(Database::Access::ReadOnly);
    QVERIFY(readOnly);
    const QList<ConsistencyProblem> problems = problemsIn(*readOnly);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().rowId, 3);
    // The check's read transaction is over: others can write.
    WriteTransaction transaction(test.db());
    Error error;
    QVERIFY2(transaction.begin(&error), qPrintable(error.message));
    QVERIFY(transaction.commit(&error));
}

void TestConsistencyCheck::kindKeysAreDistinct()
{
    const QList<Kind> kinds = {Kind::Integrity, Kind::ForeignKey, Kind::TouchNumbering,
        Kind::InboundNumbered, Kind::TouchCount, Kind::LastTouch, Kind::RunningEnrollments,
        Kind::UnknownValue, Kind::EnrollmentProgress};
    QSet<QString> keys;
    for (Kind kind : kinds) {
        const QString key = problemKindKey(kind);
        QVERIFY(!key.isEmpty());
        QCOMPARE(key, key.toLower());
        keys.insert(key);
    }
    QCOMPARE(keys.size(), kinds.size());
}

QTEST_GUILESS_MAIN(TestConsistencyCheck)
#include "tst_consistencycheck.moc"
