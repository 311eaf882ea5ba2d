#include "TestData.h"
#include "TestDatabase.h"
#include "domain/Prospect.h"
#include "storage/DataGenerator.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"

#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Touchline;
using Touchline::Test::TestDatabase;

namespace {

// Tests fix "now", so that a seed gives the same rows whenever they run.
QDateTime fixedNow()
{
    return QDateTime::fromString(QStringLiteral("2025-06-01T12:00:00Z"), Qt::ISODate);
}

GeneratorOptions options(int prospects, int touches, quint64 seed = 1)
{
    GeneratorOptions result;
    result.prospects = prospects;
    result.touches = touches;
    result.seed = seed;
    result.now = fixedNow();
    return result;
}

DataGenerator::Result generate(
    Database &db, const GeneratorOptions &generatorOptions, Error *error = nullptr)
{
    Error ignored;
    return DataGenerator(db).generate(generatorOptions, {}, error ? error : &ignored);
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << "query failed:" << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

qint64 count(Database &db, const QString &table)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM ") + table);
}

// Every stored value of these tables (by default all the generator writes), one
// line per row, in id order.
QStringList dump(Database &db,
    const QStringList &tables
    = {QStringLiteral("users"), QStringLiteral("prospects"), QStringLiteral("touches"),
        QStringLiteral("enrollments"), QStringLiteral("prospect_events")})
{
    QStringList lines;
    for (const QString &table : tables) {
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table)))
            return {QStringLiteral("query failed")};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(
                    query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            lines.append(table + QLatin1Char(':') + values.join(QLatin1Char('|')));
        }
    }
    return lines;
}

} // namespace

class TestDataGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedGivesIdenticalRows();
    void differentSeedGivesDifferentRows();
    void countsAreExact_data();
    void countsAreExact();
    void statusesFollowTheTouches();
    void touchesAreRealistic();
    void enrollmentsFollowTheTouches();
    void enrollmentsAreWhatTheEngineDerives();
    void prospectsAreValidAndVaried();
    void replyRateFallsWithTouchNumber();
    void addsToExistingData();
    void usesTheCurrentTimeByDefault();
    void reportsProgress();
    void cancellationLeavesFileUnchanged_data();
    void cancellationLeavesFileUnchanged();
    void invalidOptionsAreRefused_data();
    void invalidOptionsAreRefused();
    void readOnlyFileIsRefused();
};

void TestDataGenerator::sameSeedGivesIdenticalRows()
{
    TestDatabase first;
    TestDatabase second;
    QVERIFY(first.isValid() && second.isValid());
    QCOMPARE(generate(first.db(), options(300, 2500, 7)), DataGenerator::Result::Finished);
    QCOMPARE(generate(second.db(), options(300, 2500, 7)), DataGenerator::Result::Finished);
    const QStringList rows = dump(first.db());
    const qint64 enrollments = count(first.db(), QStringLiteral("enrollments"));
    const qint64 events = count(first.db(), QStringLiteral("prospect_events"));
    QVERIFY(enrollments > 200 && events >= enrollments);
    QCOMPARE(rows.size(), 5 + 300 + 2500 + enrollments + events);
    QCOMPARE(dump(second.db()), rows);
}

void TestDataGenerator::differentSeedGivesDifferentRows()
{
    TestDatabase first;
    TestDatabase second;
    QVERIFY(first.isValid() && second.isValid());
    QCOMPARE(generate(first.db(), options(300, 2500, 7)), DataGenerator::Result::Finished);
    QCOMPARE(generate(second.db(), options(300, 2500, 8)), DataGenerator::Result::Finished);
    // Only the prospects line up: the number of enrollments and events varies.
    const QStringList a = dump(first.db(), {QStringLiteral("prospects")});
    const QStringList b = dump(second.db(), {QStringLiteral("prospects")});
    QCOMPARE(a.size(), b.size());
    // Not just one value: nearly every prospect differs.
    int differentProspects = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i) != b.at(i))
            ++differentProspects;
    }
    QVERIFY2(differentProspects > 290, qPrintable(QString::number(differentProspects)));
}

void TestDataGenerator::countsAreExact_data()
{
    QTest::addColumn<int>("prospects");
    QTest::addColumn<int>("touches");
    QTest::addColumn<int>("owners");

    QTest::newRow("nothing") << 0 << 0 << 5;
    QTest::newRow("one prospect, no touches") << 1 << 0 << 5;
    QTest::newRow("one prospect, one touch") << 1 << 1 << 1;
    QTest::newRow("one prospect, seven touches") << 1 << 7 << 2;
    QTest::newRow("fewer touches than prospects") << 30 << 7 << 5;
    QTest::newRow("no touches") << 40 << 0 << 3;
    QTest::newRow("ten touches each") << 200 << 2000 << 5;
    QTest::newRow("many touches each") << 20 << 1500 << 10;
    QTest::newRow("the most touches allowed") << 3 << 3 * DataGenerator::maxTouchesPerProspect << 4;
    QTest::newRow("not a round number") << 997 << 4321 << 7;
}

void TestDataGenerator::countsAreExact()
{
    QFETCH(int, prospects);
    QFETCH(int, touches);
    QFETCH(int, owners);
    TestDatabase test;
    QVERIFY(test.isValid());
    GeneratorOptions generatorOptions = options(prospects, touches, 3);
    generatorOptions.owners = owners;
    Error error;
    QCOMPARE(generate(test.db(), generatorOptions, &error), DataGenerator::Result::Finished);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), prospects);
    QCOMPARE(count(test.db(), QStringLiteral("touches")), touches);
    QCOMPARE(count(test.db(), QStringLiteral("users")), owners);
    QCOMPARE(Test::consistencyProblems(test.db()), QStringList());
}

void TestDataGenerator::statusesFollowTheTouches()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(600, 6000, 11)), DataGenerator::Result::Finished);
    // The status each prospect must have, from its touches; without an answer, a
    // prospect is in_cadence while a cadence runs for it, as the app keeps it.
    QCOMPARE(scalar(test.db(), QStringLiteral(R"(
        SELECT count(*) FROM prospects p WHERE status IS NOT CASE
          WHEN EXISTS (SELECT 1 FROM touches t WHERE t.prospect_id = p.id
                       AND t.outcome = 'opted_out') THEN 'do_not_contact'
          WHEN EXISTS (SELECT 1 FROM touches t WHERE t.prospect_id = p.id
                       AND t.outcome = 'meeting_booked') THEN 'meeting_booked'
          WHEN EXISTS (SELECT 1 FROM touches t WHERE t.prospect_id = p.id
                       AND t.direction = 'in') THEN 'replied'
          WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.prospect_id = p.id
                       AND e.state IN ('active', 'paused', 'bounced')) THEN 'in_cadence'
          ELSE 'new' END)")),
        0);
    for (const char *status : {"new", "in_cadence", "replied", "meeting_booked", "do_not_contact"})
        QVERIFY2(scalar(test.db(),
                     QStringLiteral("SELECT count(*) FROM prospects WHERE status = '%1'")
                         .arg(QLatin1String(status)))
                > 0,
            status);
    // The derived columns, checked here directly as well as by ConsistencyCheck.
    QCOMPARE(scalar(test.db(), QStringLiteral(R"(
        SELECT count(*) FROM prospects p WHERE
          touch_count != (SELECT count(*) FROM touches t WHERE t.prospect_id = p.id
                          AND t.direction = 'out')
          OR last_touch_at IS NOT (SELECT max(occurred_at) FROM touches t
                                   WHERE t.prospect_id = p.id)
          OR updated_at != coalesce(last_touch_at, created_at))")),
        0);
}

void TestDataGenerator::touchesAreRealistic()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(800, 8000, 5)), DataGenerator::Result::Finished);
    Database &db = test.db();
    const qint64 now = fixedNow().toMSecsSinceEpoch();
    const qint64 yearAgo = now - 365LL * 24 * 3600 * 1000;

    // Each outcome fits its channel; inbound touches are replies, opt-outs or a
    // booked meeting.
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches WHERE NOT (
          (direction = 'out' AND (
             (channel = 'email' AND outcome IN ('sent', 'bounced'))
             OR (channel = 'phone' AND outcome IN ('no_answer', 'voicemail', 'connected'))
             OR (channel = 'linkedin' AND outcome IN ('sent', 'accepted'))
             OR (channel = 'sms' AND outcome = 'sent')))
          OR (direction = 'in' AND (
             (channel IN ('email', 'phone', 'linkedin', 'sms')
              AND outcome IN ('replied', 'opted_out'))
             OR (channel = 'meeting' AND outcome = 'meeting_booked')))))")),
        0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT channel) FROM touches")), 5);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT outcome) FROM touches")), 9);
    // Each opt-out is recorded as TouchRepository records it, and ends the sequence.
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM touches WHERE outcome = 'opted_out'")) > 0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches t WHERE t.outcome = 'opted_out' AND NOT EXISTS (
          SELECT 1 FROM prospect_events v WHERE v.prospect_id = t.prospect_id
            AND v.kind = 'do_not_contact_set' AND v.occurred_at = t.occurred_at
            AND v.detail = t.channel AND v.author_id = t.author_id))")),
        0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches o JOIN touches x ON x.prospect_id = o.prospect_id
        WHERE x.outcome = 'opted_out' AND o.id != x.id AND o.occurred_at >= x.occurred_at)")),
        0);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM touches WHERE direction = 'in' "
                                "AND touch_number IS NOT NULL")),
        0);
    // A reply ends the sequence: no outbound touch after it, one reply at most, and a
    // meeting only after a reply.
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches o JOIN touches i ON i.prospect_id = o.prospect_id
        WHERE o.direction = 'out' AND i.direction = 'in'
          AND (o.occurred_at, o.id) > (i.occurred_at, i.id))")),
        0);
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n "
                                "FROM touches WHERE outcome = 'replied' "
                                "GROUP BY prospect_id)")),
        1);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches m WHERE m.outcome = 'meeting_booked' AND NOT EXISTS (
          SELECT 1 FROM touches r WHERE r.prospect_id = m.prospect_id
            AND r.outcome = 'replied' AND r.occurred_at <= m.occurred_at))")),
        0);
    // Dates: prospects over the past year, touches after their prospect was created
    // and not in the future, logged when they happened, by the prospect's owner.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM prospects WHERE created_at < %1 "
                                "OR created_at > %2")
                     .arg(yearAgo)
                     .arg(now)),
        0);
    QVERIFY(scalar(db, QStringLiteral("SELECT min(created_at) FROM prospects"))
        < yearAgo + 7LL * 24 * 3600 * 1000);
    QVERIFY(scalar(db, QStringLiteral("SELECT max(created_at) FROM prospects"))
        > now - 7LL * 24 * 3600 * 1000);
    QCOMPARE(scalar(db,
                 QStringLiteral(
                     "SELECT count(*) FROM touches t JOIN prospects p ON p.id = t.prospect_id "
                     "WHERE t.occurred_at < p.created_at OR t.occurred_at > %1 "
                     "OR t.created_at != t.occurred_at OR t.author_id IS NOT p.owner_id")
                     .arg(now)),
        0);
    // Ids follow age.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM prospects a JOIN prospects b "
                                "ON b.id = a.id + 1 WHERE b.created_at < a.created_at")),
        0);
    // Most outbound touches happen in working hours on weekdays (UTC).
    const qint64 outbound = scalar(db,
        QStringLiteral("SELECT count(*) FROM touches "
                       "WHERE direction = 'out'"));
    const qint64 working = scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches WHERE direction = 'out'
          AND CAST(strftime('%H', occurred_at / 1000, 'unixepoch') AS INTEGER) BETWEEN 8 AND 17
          AND strftime('%w', occurred_at / 1000, 'unixepoch') NOT IN ('0', '6'))"));
    QVERIFY2(working > outbound * 9 / 10,
        qPrintable(QStringLiteral("%1 of %2").arg(working).arg(outbound)));
}

void TestDataGenerator::enrollmentsFollowTheTouches()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(1500, 15000, 13)), DataGenerator::Result::Finished);
    Database &db = test.db();
    const qint64 now = fixedNow().toMSecsSinceEpoch();
    const qint64 dayMs = 24LL * 3600 * 1000;

    // Most prospects with touches are in one of the file's cadences, once; every
    // cadence has some.
    const qint64 touched
        = scalar(db, QStringLiteral("SELECT count(DISTINCT prospect_id) FROM touches"));
    const qint64 enrolled = scalar(db,
        QStringLiteral("SELECT count(*) FROM enrollments e WHERE EXISTS ("
                       "SELECT 1 FROM touches t WHERE t.prospect_id = e.prospect_id)"));
    QVERIFY2(enrolled > touched * 8 / 10 && enrolled < touched,
        qPrintable(QStringLiteral("%1 of %2").arg(enrolled).arg(touched)));
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM (SELECT prospect_id FROM enrollments "
                                "GROUP BY prospect_id HAVING count(*) > 1)")),
        0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT cadence_id) FROM enrollments")),
        count(db, QStringLiteral("cadences")));

    // The touches that did a step: outbound touches of the enrollment's prospect
    // after it was enrolled, doing the steps of its cadence in order from its first
    // touch on, on the step's channel unless the prospect cannot be reached there.
    QCOMPARE(scalar(db,
                 QStringLiteral("SELECT count(*) FROM touches "
                                "WHERE (enrollment_id IS NULL) != (step_id IS NULL)")),
        0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches t JOIN enrollments e ON e.id = t.enrollment_id
        JOIN cadence_steps s ON s.id = t.step_id
        WHERE t.direction != 'out' OR t.prospect_id != e.prospect_id
          OR t.occurred_at < e.enrolled_at OR s.cadence_id != e.cadence_id
          OR s.position IS NOT t.touch_number)")),
        0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM touches t JOIN cadence_steps s ON s.id = t.step_id
        JOIN prospects p ON p.id = t.prospect_id
        WHERE t.channel != s.channel AND NOT (s.channel IN ('phone', 'sms') AND p.phone = '')
          AND NOT (s.channel = 'linkedin' AND p.linkedin_url = ''))")),
        0);
    const qint64 outbound
        = scalar(db, QStringLiteral("SELECT count(*) FROM touches WHERE direction = 'out'"));
    const qint64 steps
        = scalar(db, QStringLiteral("SELECT count(*) FROM touches WHERE step_id IS NOT NULL"));
    QVERIFY2(steps > outbound / 4, qPrintable(QStringLiteral("%1 of %2").arg(steps).arg(outbound)));

    // Every way an enrollment goes, each as its touches say.
    for (const char *state : {"active", "bounced", "replied", "opted_out", "completed", "stopped"})
        QVERIFY2(scalar(db,
                     QStringLiteral("SELECT count(*) FROM enrollments WHERE state = '%1'")
                         .arg(QLatin1String(state)))
                > 0,
            state);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM enrollments e WHERE e.state IN ('replied', 'opted_out')
          AND NOT EXISTS (SELECT 1 FROM touches t WHERE t.prospect_id = e.prospect_id
            AND t.direction = 'in' AND t.occurred_at = e.ended_at
            AND t.outcome = CASE e.state WHEN 'replied' THEN 'replied' ELSE 'opted_out' END))")),
        0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM enrollments e WHERE e.state = 'completed'
          AND (e.next_position != 1 + (SELECT count(*) FROM cadence_steps s
                                       WHERE s.cadence_id = e.cadence_id)
               OR e.ended_at IS NOT (SELECT max(occurred_at) FROM touches t
                                     WHERE t.enrollment_id = e.id)))")),
        0);
    QCOMPARE(scalar(db,
                 QStringLiteral(R"(
        SELECT count(*) FROM enrollments e WHERE (e.stopped_at IS NOT NULL) != (e.state = 'stopped')
          OR (e.state = 'stopped' AND (e.ended_at != e.stopped_at
            OR e.stopped_at < (SELECT max(occurred_at) FROM touches t
                               WHERE t.prospect_id = e.prospect_id) + 21 * %1
            OR NOT EXISTS (SELECT 1 FROM prospect_events v WHERE v.enrollment_id = e.id
                           AND v.kind = 'unenrolled' AND v.occurred_at = e.stopped_at))))")
                     .arg(dayMs)),
        0);
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM enrollments e WHERE e.state = 'bounced'
          AND NOT EXISTS (SELECT 1 FROM touches t WHERE t.enrollment_id = e.id
                          AND t.outcome = 'bounced'))")),
        0);
    // Running enrollments have no end; only the active ones are due, and none of
    // them was left for more than three weeks (stale ones were stopped).
    QCOMPARE(scalar(db,
                 QStringLiteral(R"(
        SELECT count(*) FROM enrollments WHERE (ended_at IS NULL)
          != (state IN ('active', 'paused', 'bounced')) OR (due_at IS NULL) != (state != 'active')
          OR due_at < %1)")
                     .arg(now - 21 * dayMs)),
        0);
    QVERIFY(
        scalar(db, QStringLiteral("SELECT count(*) FROM enrollments WHERE due_at > %1").arg(now))
        > 0);
    // The prospect follows its enrollment.
    QCOMPARE(scalar(db, QStringLiteral(R"(
        SELECT count(*) FROM prospects p LEFT JOIN enrollments e ON e.prospect_id = p.id
        WHERE p.next_due_at IS NOT e.due_at
          OR (p.status = 'in_cadence') != coalesce(e.state IN ('active', 'bounced'), 0))")),
        0);
    // Enrolled by the owner, as recorded in the timeline, and dated by the history.
    QCOMPARE(scalar(db,
                 QStringLiteral(R"(
        SELECT count(*) FROM enrollments e JOIN prospects p ON p.id = e.prospect_id
        WHERE e.enrolled_by IS NOT p.owner_id OR e.enrolled_at < p.created_at
          OR e.updated_at < e.enrolled_at OR e.updated_at > %1 OR e.ended_at > %1
          OR (SELECT count(*) FROM prospect_events v WHERE v.enrollment_id = e.id
              AND v.kind = 'enrolled' AND v.occurred_at = e.enrolled_at
              AND v.author_id = e.enrolled_by) != 1)")
                     .arg(now)),
        0);

    // The due list of the day shows the active enrollments due by its end.
    DueFilter filter;
    filter.until = fixedNow().addDays(1);
    QList<DueItem> items;
    Error error;
    QVERIFY2(EnrollmentRepository(db).due(filter, &items, &error), qPrintable(error.message));
    QVERIFY(!items.isEmpty());
    QCOMPARE(items.size(),
        scalar(db,
            QStringLiteral(
                "SELECT count(*) FROM enrollments WHERE state = 'active' AND due_at < %1")
                .arg(filter.until.toMSecsSinceEpoch())));
    QCOMPARE(Test::consistencyProblems(db), QStringList());
}

void TestDataGenerator::enrollmentsAreWhatTheEngineDerives()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(800, 8000, 17)), DataGenerator::Result::Finished);
    Database &db = test.db();
    // The generator wrote the statuses the engine derives: no refresh changed one.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM prospects WHERE row_version != 1")), 0);
    QList<qint64> ids;
    Error error;
    QVERIFY(ProspectRepository(db).ids({}, &ids, &error));
    QCOMPARE(ids.size(), 800);
    // Deriving every prospect's enrollment again changes nothing (a change would
    // also stamp updated_at with the wall clock).
    const QStringList tables = {QStringLiteral("prospects"), QStringLiteral("enrollments")};
    const QStringList before = dump(db, tables);
    WriteTransaction transaction(db);
    QVERIFY(transaction.begin(&error));
    QVERIFY2(EnrollmentRepository::refreshProspects(db, ids, &error), qPrintable(error.message));
    QCOMPARE(dump(db, tables), before);
}

void TestDataGenerator::prospectsAreValidAndVaried()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(1500, 0, 21)), DataGenerator::Result::Finished);
    ProspectRepository repository(test.db());
    QList<qint64> ids;
    QList<Prospect> prospects;
    Error error;
    QVERIFY(repository.ids({}, &ids, &error));
    QVERIFY(repository.fetch(ids, &prospects, &error));
    QCOMPARE(prospects.size(), 1500);
    QSet<QString> names;
    QSet<QString> companies;
    QSet<qint64> owners;
    for (const Prospect &prospect : std::as_const(prospects)) {
        // Whatever the form accepts, the generator writes.
        const QList<FieldError> invalid = validateProspect(prospect);
        QVERIFY2(invalid.isEmpty(),
            qPrintable(prospect.email + QLatin1String(": ") + invalid.value(0).message));
        QVERIFY(!prospect.firstName.isEmpty() && !prospect.lastName.isEmpty());
        QVERIFY(!prospect.company.isEmpty() && !prospect.title.isEmpty());
        QVERIFY(prospect.ownerId != 0);
        // Addresses are plain ASCII, derived from the name and the company.
        const QString email = prospect.email;
        QVERIFY2(QString::fromLatin1(email.toLatin1()) == email && email == email.toLower(),
            qPrintable(email));
        QVERIFY(prospect.linkedInUrl.isEmpty()
            || prospect.linkedInUrl.startsWith(QLatin1String("https://www.linkedin.com/in/")));
        names.insert(prospect.firstName + QLatin1Char(' ') + prospect.lastName);
        companies.insert(prospect.company);
        owners.insert(prospect.ownerId);
    }
    QVERIFY2(names.size() > 1000, qPrintable(QString::number(names.size())));
    QVERIFY2(companies.size() > 300, qPrintable(QString::number(companies.size())));
    QCOMPARE(owners.size(), 5);
    // Some prospects lack a phone or a LinkedIn profile, as in real lists.
    QVERIFY(
        scalar(test.db(), QStringLiteral("SELECT count(*) FROM prospects WHERE phone = ''")) > 0);
    QVERIFY(scalar(test.db(),
                QStringLiteral("SELECT count(*) FROM prospects "
                               "WHERE linkedin_url = ''"))
        > 0);
    // Names from outside English keep their letters.
    QVERIFY(scalar(test.db(),
                QStringLiteral("SELECT count(*) FROM prospects "
                               "WHERE first_name || last_name GLOB '*[^ -~]*'"))
        > 0);
}

void TestDataGenerator::replyRateFallsWithTouchNumber()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QCOMPARE(generate(test.db(), options(4000, 40000, 5)), DataGenerator::Result::Finished);
    // The dashboard's rate: replies credited to the last outbound touch before them,
    // over the prospects who got that touch.
    auto rate = [&](const QString &numbers) {
        const qint64 replies = scalar(test.db(),
            QStringLiteral(R"(
            SELECT count(*) FROM touches r WHERE r.direction = 'in' AND r.outcome = 'replied'
              AND (SELECT max(o.touch_number) FROM touches o WHERE o.prospect_id = r.prospect_id
                   AND o.direction = 'out' AND o.occurred_at <= r.occurred_at) %1)")
                .arg(numbers));
        const qint64 reached = scalar(test.db(),
            QStringLiteral("SELECT count(*) FROM touches "
                           "WHERE direction = 'out' "
                           "AND touch_number %1")
                .arg(numbers));
        return double(replies) / double(reached);
    };
    const double first = rate(QStringLiteral("= 1"));
    const double sixthOn = rate(QStringLiteral(">= 6"));
    QVERIFY2(first > 0.05 && first < 0.11, qPrintable(QString::number(first)));
    QVERIFY2(sixthOn > 0.01 && sixthOn < 0.04, qPrintable(QString::number(sixthOn)));
}

void TestDataGenerator::addsToExistingData()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    // A prospect added and deleted by hand: its id must not come back.
    ProspectRepository repository(test.db());
    Prospect kept;
    kept.firstName = QStringLiteral("Kept");
    Prospect removed;
    removed.firstName = QStringLiteral("Removed");
    Error error;
    QVERIFY(repository.add(&kept, &error));
    QVERIFY(repository.add(&removed, &error));
    QVERIFY(repository.remove({removed.id}, nullptr, &error));

    QCOMPARE(generate(test.db(), options(50, 300, 1)), DataGenerator::Result::Finished);
    QCOMPARE(generate(test.db(), options(50, 300, 2)), DataGenerator::Result::Finished);
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), 101);
    QCOMPARE(count(test.db(), QStringLiteral("touches")), 600);
    QCOMPARE(count(test.db(), QStringLiteral("users")), 5); // owners are reused
    QCOMPARE(scalar(test.db(),
                 QStringLiteral("SELECT min(id) FROM prospects WHERE id != %1").arg(kept.id)),
        removed.id + 1);
    QCOMPARE(scalar(test.db(), QStringLiteral("SELECT max(id) FROM prospects")), removed.id + 100);
    QVERIFY(repository.get(kept.id, &error).has_value());
    QCOMPARE(Test::consistencyProblems(test.db()), QStringList());
}

void TestDataGenerator::usesTheCurrentTimeByDefault()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    GeneratorOptions generatorOptions = options(100, 500, 1);
    generatorOptions.now = QDateTime();
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(generate(test.db(), generatorOptions), DataGenerator::Result::Finished);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(scalar(test.db(), QStringLiteral("SELECT max(occurred_at) FROM touches")) <= after);
    QVERIFY(scalar(test.db(), QStringLiteral("SELECT min(created_at) FROM prospects"))
        >= before - 365LL * 24 * 3600 * 1000);
}

void TestDataGenerator::reportsProgress()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    QList<std::pair<int, int>> calls;
    Error error;
    const auto result = DataGenerator(test.db()).generate(
        options(1000, 3000),
        [&](int done, int total) {
            calls.append({done, total});
            return true;
        },
        &error);
    QCOMPARE(result, DataGenerator::Result::Finished);
    QVERIFY(calls.size() >= 3);
    QCOMPARE(calls.first(), std::make_pair(0, 1000));
    QCOMPARE(calls.last(), std::make_pair(1000, 1000));
    for (qsizetype i = 1; i < calls.size(); ++i) {
        QVERIFY(calls.at(i).first > calls.at(i - 1).first);
        QCOMPARE(calls.at(i).second, 1000);
    }
}

void TestDataGenerator::cancellationLeavesFileUnchanged_data()
{
    QTest::addColumn<int>("cancelAtCall");
    QTest::newRow("at the start") << 1;
    QTest::newRow("half-way") << 3;
    QTest::newRow("after the last prospect") << -1;
}

void TestDataGenerator::cancellationLeavesFileUnchanged()
{
    QFETCH(int, cancelAtCall);
    TestDatabase test;
    QVERIFY(test.isValid());
    Prospect existing;
    existing.firstName = QStringLiteral("Existing");
    Error error;
    QVERIFY(ProspectRepository(test.db()).add(&existing, &error));
    const qint64 cacheSize = scalar(test.db(), QStringLiteral("PRAGMA cache_size"));
    const QByteArray before = Test::fileChecksum(test.path());
    QVERIFY(!before.isEmpty());

    int calls = 0;
    const auto result = DataGenerator(test.db()).generate(
        options(1000, 5000),
        [&](int done, int total) {
            ++calls;
            return cancelAtCall < 0 ? done < total : calls < cancelAtCall;
        },
        &error);
    QCOMPARE(result, DataGenerator::Result::Cancelled);
    QCOMPARE(Test::fileChecksum(test.path()), before);
    QVERIFY(!QFile::exists(test.path() + QLatin1String("-journal")));
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), 1);
    QCOMPARE(count(test.db(), QStringLiteral("touches")), 0);
    QCOMPARE(count(test.db(), QStringLiteral("users")), 0);
    QCOMPARE(scalar(test.db(), QStringLiteral("PRAGMA cache_size")), cacheSize);
    // The connection is usable again: the next generation works.
    QCOMPARE(generate(test.db(), options(10, 20)), DataGenerator::Result::Finished);
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), 11);
}

void TestDataGenerator::invalidOptionsAreRefused_data()
{
    QTest::addColumn<int>("prospects");
    QTest::addColumn<int>("touches");
    QTest::addColumn<int>("owners");

    QTest::newRow("negative prospects") << -1 << 0 << 5;
    QTest::newRow("negative touches") << 10 << -5 << 5;
    QTest::newRow("touches without prospects") << 0 << 1 << 5;
    QTest::newRow("too many touches per prospect")
        << 2 << 2 * DataGenerator::maxTouchesPerProspect + 1 << 5;
    QTest::newRow("no owners") << 10 << 10 << 0;
    QTest::newRow("too many owners") << 10 << 10 << DataGenerator::maxOwners + 1;
}

void TestDataGenerator::invalidOptionsAreRefused()
{
    QFETCH(int, prospects);
    QFETCH(int, touches);
    QFETCH(int, owners);
    TestDatabase test;
    QVERIFY(test.isValid());
    GeneratorOptions generatorOptions = options(prospects, touches);
    generatorOptions.owners = owners;
    Error error;
    QVERIFY(!DataGenerator::validate(generatorOptions, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QVERIFY(!error.message.isEmpty());
    error = {};
    QCOMPARE(generate(test.db(), generatorOptions, &error), DataGenerator::Result::Failed);
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), 0);
    QCOMPARE(count(test.db(), QStringLiteral("users")), 0);
}

void TestDataGenerator::readOnlyFileIsRefused()
{
    TestDatabase test;
    QVERIFY(test.isValid());
    const auto readOnly = test.openSecondConnection(Database::Access::ReadOnly);
    QVERIFY(readOnly);
    Error error;
    QCOMPARE(generate(*readOnly, options(10, 10), &error), DataGenerator::Result::Failed);
    QCOMPARE(error.kind, Error::Kind::ReadOnly);
    QCOMPARE(count(test.db(), QStringLiteral("prospects")), 0);
}

QTEST_GUILESS_MAIN(TestDataGenerator)
#include "tst_datagenerator.moc"
