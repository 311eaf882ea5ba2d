// `touchline-cli cadences ...`, `enroll`, `unenroll` and `due`, run as users run
// them: the real executable in a separate process, with what it stored read back
// from the file.

#include "CliRunner.h"
#include "TestData.h"
#include "storage/CadenceRepository.h"
#include "storage/Database.h"
#include "storage/DefaultCadences.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Touchline;
using Test::CliRun;
using Test::jsonOf;
using Test::parseCsv;

namespace {

// The day `due` is asked about when everything enrolled must be due.
const QString farFuture = QStringLiteral("2100-01-01");
const QString json = QStringLiteral("json");

const QStringList dueKeys = {
    QStringLiteral("due_at"),
    QStringLiteral("overdue"),
    QStringLiteral("prospect_id"),
    QStringLiteral("name"),
    QStringLiteral("company"),
    QStringLiteral("channel"),
    QStringLiteral("step"),
    QStringLiteral("purpose"),
    QStringLiteral("cadence"),
    QStringLiteral("owner"),
    QStringLiteral("enrollment_id"),
};

// A JSON value as a CSV cell shows it.
QString cellText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// The cells of a table's line: the columns are two or more spaces apart, and no
// cell holds two spaces in a row.
QStringList tableCells(const QString &line)
{
    static const QRegularExpression gap(QStringLiteral("\\s{2,}"));
    return line.trimmed().split(gap);
}

// The cells of a table's rows, after its title and rule lines.
QList<QStringList> tableBody(const QStringList &lines)
{
    QList<QStringList> rows;
    for (const QString &line : lines.mid(2)) {
        if (!line.isEmpty())
            rows.append(tableCells(line));
    }
    return rows;
}

} // namespace

class TestCliCadences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void listShowsDefaultCadences();
    void listHidesArchivedCadences();
    void showPrintsSteps();
    void enrollByIdsAndSearch();
    void enrollReportsUnknownProspects();
    void unenrollStopsTheCadence();
    void dueListsEnrolledSteps();
    void dueCsvMatchesJson();
    void dueDayIsInclusive();
    void dueFilters_data();
    void dueFilters();
    void usageErrors_data();
    void usageErrors();
    void runtimeErrors_data();
    void runtimeErrors();

private:
    CliRun cli(const QStringList &arguments) const { return m_cli->cli(arguments); }
    CliRun enroll(const QString &cadence, const QStringList &arguments) const;
    // `due --format FORMAT --date DATE` with these options.
    CliRun due(const QString &format, const QStringList &arguments = {},
        const QString &date = farFuture) const;
    std::unique_ptr<Database> openFile() const;
    // Each row of the query's result as "value|value|...", nulls empty.
    QStringList stored(const QString &sql) const;
    QList<QVariantList> snapshot() const;
    // Ada in "Three-touch 3-7-14", Grace in "Call first" (one phone step, added
    // through the repository: the CLI does not create cadences), Charles in
    // "Respectful six-step".
    bool enrollThree() const;

    std::unique_ptr<Test::CliRunner> m_cli;
};

void TestCliCadences::init()
{
    m_cli = std::make_unique<Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QList<QStringList> prospects = {
        {QStringLiteral("--first-name"), QStringLiteral("Ada"), QStringLiteral("--last-name"),
            QStringLiteral("Lovelace"), QStringLiteral("--company"),
            QStringLiteral("Analytical, Ltd"), QStringLiteral("--owner"), QStringLiteral("Maya")},
        {QStringLiteral("--first-name"), QStringLiteral("Grace"), QStringLiteral("--last-name"),
            QStringLiteral("Hopper"), QStringLiteral("--company"), QStringLiteral("Navy"),
            QStringLiteral("--owner"), QStringLiteral("Sam")},
        {QStringLiteral("--first-name"), QStringLiteral("Alan"), QStringLiteral("--last-name"),
            QStringLiteral("Turing"), QStringLiteral("--company"), QStringLiteral("Bletchley"),
            QStringLiteral("--status"), QStringLiteral("do_not_contact")},
        {QStringLiteral("--first-name"), QStringLiteral("Charles"), QStringLiteral("--last-name"),
            QStringLiteral("Babbage"), QStringLiteral("--company"),
            QStringLiteral("Analytical Engines")},
    };
    for (qsizetype i = 0; i < prospects.size(); ++i) {
        const CliRun added
            = cli(QStringList {QStringLiteral("prospects"), QStringLiteral("add")} + prospects[i]);
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out, QStringLiteral("%1\n").arg(i + 1));
    }
}

CliRun TestCliCadences::enroll(const QString &cadence, const QStringList &arguments) const
{
    return cli(
        QStringList {QStringLiteral("enroll"), QStringLiteral("--cadence"), cadence} + arguments);
}

CliRun TestCliCadences::due(
    const QString &format, const QStringList &arguments, const QString &date) const
{
    return cli(QStringList {QStringLiteral("due"), QStringLiteral("--format"), format,
                   QStringLiteral("--date"), date}
        + arguments);
}

std::unique_ptr<Database> TestCliCadences::openFile() const
{
    auto db = std::make_unique<Database>();
    Error error;
    if (!db->open(m_cli->databasePath(), Database::Creation::MustExist, Database::Access::ReadWrite,
            &error)) {
        qWarning() << error.message;
        return nullptr;
    }
    return db;
}

QStringList TestCliCadences::stored(const QString &sql) const
{
    const std::unique_ptr<Database> db = openFile();
    if (!db)
        return {};
    QSqlQuery query(db->connection());
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values.append(query.value(i).toString());
        rows.append(values.join(QLatin1Char('|')));
    }
    return rows;
}

// Everything a refused command must leave as it was.
QList<QVariantList> TestCliCadences::snapshot() const
{
    const std::unique_ptr<Database> db = openFile();
    if (!db)
        return {};
    QList<QVariantList> rows;
    for (const char *table : {"prospects", "enrollments", "prospect_events", "users", "cadences"})
        rows += Test::tableRows(*db, QString::fromLatin1(table));
    return rows;
}

bool TestCliCadences::enrollThree() const
{
    {
        const std::unique_ptr<Database> db = openFile();
        Cadence callFirst;
        callFirst.name = QStringLiteral("Call first");
        callFirst.steps = {Test::makeStep(TouchChannel::Phone, 0)};
        Error error;
        if (!db || !CadenceRepository(*db).add(&callFirst, &error)) {
            qWarning() << error.message;
            return false;
        }
    }
    const auto enrollOne = [this](const char *cadence, const char *prospect) {
        const CliRun result = enroll(QString::fromLatin1(cadence),
            {QStringLiteral("--prospect"), QString::fromLatin1(prospect)});
        const bool enrolled = result.exitCode == 0
            && result.out
                == QStringLiteral("Enrolled 1 prospect in %1.\n").arg(QLatin1String(cadence));
        if (!enrolled)
            qWarning() << "enroll failed:" << result.out << result.err;
        return enrolled;
    };
    return enrollOne("Three-touch 3-7-14", "1") && enrollOne("Call first", "2")
        && enrollOne("Respectful six-step", "4");
}

void TestCliCadences::listShowsDefaultCadences()
{
    const QStringList list = {QStringLiteral("cadences"), QStringLiteral("list")};
    const CliRun table = cli(list);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.err.isEmpty());
    QCOMPARE(table.out,
        QStringLiteral("ID  Name                 Steps  Running  Archived\n"
                       "--  -------------------  -----  -------  --------\n"
                       " 1  Respectful six-step      6        0  no\n"
                       " 2  Three-touch 3-7-14       3        0  no\n"));

    const CliRun csv = cli(list + QStringList {QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    const std::optional<QList<QStringList>> csvRows = parseCsv(csv.out);
    QVERIFY2(csvRows, qPrintable(csv.out));
    QCOMPARE(csvRows->value(0),
        QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("steps"),
            QStringLiteral("running"), QStringLiteral("archived")}));

    // `init` installed the shipped cadences; the list is by name.
    QList<Cadence> shipped = DefaultCadences::load();
    QVERIFY(!shipped.isEmpty());
    std::sort(shipped.begin(), shipped.end(), [](const Cadence &a, const Cadence &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    const QJsonArray rows
        = jsonOf(cli(list + QStringList {QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(rows.size(), shipped.size());
    QCOMPARE(csvRows->size(), shipped.size() + 1);
    for (qsizetype i = 0; i < shipped.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(sortedKeys(row),
            QStringList({QStringLiteral("archived"), QStringLiteral("id"), QStringLiteral("name"),
                QStringLiteral("running"), QStringLiteral("steps")}));
        QCOMPARE(row.value(QLatin1String("name")).toString(), shipped.at(i).name);
        QCOMPARE(row.value(QLatin1String("steps")).toInteger(), qint64(shipped.at(i).steps.size()));
        QCOMPARE(row.value(QLatin1String("running")).toInteger(), qint64(0));
        QCOMPARE(row.value(QLatin1String("archived")), QJsonValue(false));
        const QStringList csvRow = csvRows->at(i + 1);
        QCOMPARE(csvRow,
            QStringList({cellText(row.value(QLatin1String("id"))), shipped.at(i).name,
                QString::number(shipped.at(i).steps.size()), QStringLiteral("0"),
                QStringLiteral("false")}));
    }
}

void TestCliCadences::listHidesArchivedCadences()
{
    {
        const std::unique_ptr<Database> db = openFile();
        QVERIFY(db);
        QVERIFY(
            Test::execSql(*db, QStringLiteral("UPDATE cadences SET archived = 1 WHERE id = 2")));
    }
    const QStringList list = {QStringLiteral("cadences"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("csv")};
    const CliRun current = cli(list);
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(current.out,
        QStringLiteral("id,name,steps,running,archived\r\n1,Respectful six-step,6,0,false\r\n"));
    const CliRun all = cli(list + QStringList {QStringLiteral("--archived")});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out,
        QStringLiteral("id,name,steps,running,archived\r\n1,Respectful six-step,6,0,false\r\n"
                       "2,Three-touch 3-7-14,3,0,true\r\n"));
}

void TestCliCadences::showPrintsSteps()
{
    const QString show = QStringLiteral("show");
    const QString cadences = QStringLiteral("cadences");
    // Names are matched without regard to case.
    const CliRun byName = cli({cadences, show, QStringLiteral("three-touch 3-7-14")});
    QCOMPARE(byName.exitCode, 0);
    QVERIFY(byName.err.isEmpty());
    const CliRun byId = cli({cadences, show, QStringLiteral("2")});
    QCOMPARE(byId.exitCode, 0);
    QCOMPARE(byId.out, byName.out);

    const QList<Cadence> shipped = DefaultCadences::load();
    const auto threeTouch = std::find_if(shipped.cbegin(), shipped.cend(),
        [](const Cadence &cadence) { return cadence.name == QLatin1String("Three-touch 3-7-14"); });
    QVERIFY(threeTouch != shipped.cend());
    const QStringList lines = byName.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), threeTouch->name);
    QCOMPARE(lines.value(1), threeTouch->description);
    QCOMPARE(lines.value(2), QString());
    QCOMPARE(tableCells(lines.value(3)),
        QStringList({QStringLiteral("Step"), QStringLiteral("Channel"), QStringLiteral("Wait"),
            QStringLiteral("Business days"), QStringLiteral("Send window"),
            QStringLiteral("Purpose"), QStringLiteral("Subject"), QStringLiteral("Message")}));
    const QList<QStringList> steps = tableBody(lines.mid(3));
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).mid(0, 5),
        QStringList({QStringLiteral("1"), QStringLiteral("email"), QStringLiteral("3 days"),
            QStringLiteral("no"), QStringLiteral("08:00-10:00")}));
    QCOMPARE(steps.at(1).mid(0, 6),
        QStringList({QStringLiteral("2"), QStringLiteral("phone"),
            QStringLiteral("7 business days"), QStringLiteral("yes"), QStringLiteral("14:00-16:00"),
            QStringLiteral("A call with something new to offer")}));
    QCOMPARE(steps.at(2).mid(0, 6),
        QStringList({QStringLiteral("3"), QStringLiteral("email"), QStringLiteral("14 days"),
            QStringLiteral("no"), QStringLiteral("08:00-10:00"),
            QStringLiteral("Respectful close (break-up)")}));
    const CliRun sixStep = cli({cadences, show, QStringLiteral("1")});
    QCOMPARE(tableBody(sixStep.out.split(QLatin1Char('\n')).mid(3)).value(0).value(2),
        QStringLiteral("at once"));

    // Machine formats carry every field of every step in full, as shipped.
    for (const Cadence &cadence : shipped) {
        const QStringList showAs = {cadences, show, cadence.name, QStringLiteral("--format")};
        const QJsonArray rows = jsonOf(cli(showAs + QStringList {QStringLiteral("json")}));
        const CliRun csv = cli(showAs + QStringList {QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        const std::optional<QList<QStringList>> csvRows = parseCsv(csv.out);
        QVERIFY2(csvRows, qPrintable(csv.out));
        QCOMPARE(rows.size(), cadence.steps.size());
        QCOMPARE(csvRows->size(), cadence.steps.size() + 1);
        const QStringList keys = csvRows->at(0);
        QCOMPARE(keys,
            QStringList(
                {QStringLiteral("position"), QStringLiteral("channel"), QStringLiteral("wait_days"),
                    QStringLiteral("business_days"), QStringLiteral("window"),
                    QStringLiteral("purpose"), QStringLiteral("subject"), QStringLiteral("body")}));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const CadenceStep &step = cadence.steps.at(i);
            const QJsonObject row = rows.at(i).toObject();
            QCOMPARE(row.value(QLatin1String("position")).toInteger(), qint64(i + 1));
            QCOMPARE(row.value(QLatin1String("channel")).toString(), channelKey(step.channel));
            QCOMPARE(row.value(QLatin1String("wait_days")).toInteger(), qint64(step.waitDays));
            QCOMPARE(row.value(QLatin1String("business_days")), QJsonValue(step.businessDays));
            QCOMPARE(row.value(QLatin1String("window")).toString(),
                formatSendWindow(step.windowStartMinute, step.windowEndMinute));
            QCOMPARE(row.value(QLatin1String("purpose")).toString(), step.purpose);
            QCOMPARE(row.value(QLatin1String("subject")).isNull(), step.subject.isEmpty());
            QCOMPARE(row.value(QLatin1String("subject")).toString(), step.subject);
            QCOMPARE(row.value(QLatin1String("body")).toString(), step.body);
            for (qsizetype column = 0; column < keys.size(); ++column)
                QCOMPARE(csvRows->at(i + 1).value(column), cellText(row.value(keys.at(column))));
        }
    }
}

void TestCliCadences::enrollByIdsAndSearch()
{
    // Ids may repeat and be separated by commas.
    const CliRun byIds = enroll(QStringLiteral("Three-touch 3-7-14"),
        {QStringLiteral("--prospect"), QStringLiteral("1,2"), QStringLiteral("--prospect"),
            QStringLiteral("2"), QStringLiteral("--author"), QStringLiteral("Maya")});
    QCOMPARE(byIds.exitCode, 0);
    QCOMPARE(byIds.out, QStringLiteral("Enrolled 2 prospects in Three-touch 3-7-14.\n"));
    QVERIFY(byIds.err.isEmpty());

    // "analytical" finds Ada (already running) and Charles; Alan is do not contact.
    const CliRun bySearch = enroll(QStringLiteral("1"),
        {QStringLiteral("--search"), QStringLiteral("analytical"), QStringLiteral("--prospect"),
            QStringLiteral("3"), QStringLiteral("--author"), QStringLiteral("Dana")});
    QCOMPARE(bySearch.exitCode, 0);
    QCOMPARE(bySearch.out, QStringLiteral("Enrolled 1 prospect in Respectful six-step.\n"));
    QCOMPARE(bySearch.err,
        QStringLiteral("touchline-cli: Left out, already in a running cadence: 1\n"
                       "touchline-cli: Left out, marked do not contact: 3\n"));

    QCOMPARE(stored(QStringLiteral("SELECT e.prospect_id, c.name, e.state, e.next_position, u.name "
                                   "FROM enrollments e JOIN cadences c ON c.id = e.cadence_id "
                                   "LEFT JOIN users u ON u.id = e.enrolled_by ORDER BY e.id")),
        QStringList({QStringLiteral("1|Three-touch 3-7-14|active|1|Maya"),
            QStringLiteral("2|Three-touch 3-7-14|active|1|Maya"),
            QStringLiteral("4|Respectful six-step|active|1|Dana")}));
    QCOMPARE(stored(QStringLiteral("SELECT id, status FROM prospects ORDER BY id")),
        QStringList({QStringLiteral("1|in_cadence"), QStringLiteral("2|in_cadence"),
            QStringLiteral("3|do_not_contact"), QStringLiteral("4|in_cadence")}));
    QCOMPARE(stored(QStringLiteral("SELECT prospect_id, kind, detail FROM prospect_events "
                                   "WHERE kind = 'enrolled' ORDER BY id")),
        QStringList({QStringLiteral("1|enrolled|Three-touch 3-7-14"),
            QStringLiteral("2|enrolled|Three-touch 3-7-14"),
            QStringLiteral("4|enrolled|Respectful six-step")}));

    const QJsonArray cadences = jsonOf(cli({QStringLiteral("cadences"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(cadences.size(), 2);
    QCOMPARE(cadences.at(0).toObject().value(QLatin1String("running")).toInteger(), qint64(1));
    QCOMPARE(cadences.at(1).toObject().value(QLatin1String("running")).toInteger(), qint64(2));
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
}

void TestCliCadences::enrollReportsUnknownProspects()
{
    const CliRun result = enroll(QStringLiteral("Respectful six-step"),
        {QStringLiteral("--prospect"), QStringLiteral("42,2")});
    // The others are enrolled, but the run failed: an id was wrong.
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QStringLiteral("Enrolled 1 prospect in Respectful six-step.\n"));
    QCOMPARE(result.err, QStringLiteral("touchline-cli: Left out, no such prospect: 42\n"));
    QCOMPARE(stored(QStringLiteral("SELECT prospect_id, cadence_id FROM enrollments")),
        QStringList({QStringLiteral("2|1")}));
}

void TestCliCadences::unenrollStopsTheCadence()
{
    const QString threeTouch = QStringLiteral("Three-touch 3-7-14");
    QCOMPARE(enroll(threeTouch, {QStringLiteral("--prospect"), QStringLiteral("1,2")}).exitCode, 0);
    const QStringList unenrollAda = {QStringLiteral("unenroll"), QStringLiteral("1"),
        QStringLiteral("--author"), QStringLiteral("Sam")};
    const CliRun stopped = cli(unenrollAda);
    QCOMPARE(stopped.exitCode, 0);
    QCOMPARE(stopped.out, QStringLiteral("Took 1 prospect out of their cadence.\n"));
    QVERIFY(stopped.err.isEmpty());
    const QString enrollments = QStringLiteral(
        "SELECT prospect_id, state, ended_at IS NOT NULL FROM enrollments ORDER BY id");
    QCOMPARE(stored(enrollments),
        QStringList({QStringLiteral("1|stopped|1"), QStringLiteral("2|active|0")}));
    const QString events = QStringLiteral(
        "SELECT e.prospect_id, e.kind, u.name FROM prospect_events e "
        "LEFT JOIN users u ON u.id = e.author_id WHERE e.kind = 'unenrolled' ORDER BY e.id");
    QCOMPARE(stored(events), QStringList({QStringLiteral("1|unenrolled|Sam")}));
    const CliRun grace = due(json);
    QCOMPARE(grace.exitCode, 0);
    const QJsonArray graceRows = jsonOf(grace);
    QCOMPARE(graceRows.size(), 1);
    QCOMPARE(graceRows.at(0).toObject().value(QLatin1String("prospect_id")).toInteger(), qint64(2));

    // Nothing is left to stop: nothing changes.
    const CliRun again = cli(unenrollAda);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, QStringLiteral("Took 0 prospects out of their cadence.\n"));
    QCOMPARE(stored(enrollments),
        QStringList({QStringLiteral("1|stopped|1"), QStringLiteral("2|active|0")}));
    QCOMPARE(stored(events).size(), 1);

    // An id no prospect has stops nothing, not even the prospects that exist,
    // and adds no author.
    const CliRun unknown = cli({QStringLiteral("unenroll"), QStringLiteral("2,98,99"),
        QStringLiteral("--author"), QStringLiteral("Newcomer")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.out.isEmpty());
    QCOMPARE(unknown.err,
        QStringLiteral("touchline-cli: There is no prospect with id 98; nothing was changed.\n"
                       "touchline-cli: There is no prospect with id 99; nothing was changed.\n"));
    QCOMPARE(stored(enrollments),
        QStringList({QStringLiteral("1|stopped|1"), QStringLiteral("2|active|0")}));
    QCOMPARE(stored(QStringLiteral("SELECT count(*) FROM users WHERE name = 'Newcomer'")),
        QStringList {QStringLiteral("0")});

    // A stopped cadence no longer holds the prospect back.
    const CliRun reenrolled
        = enroll(threeTouch, {QStringLiteral("--prospect"), QStringLiteral("1")});
    QCOMPARE(reenrolled.exitCode, 0);
    QCOMPARE(reenrolled.out, QStringLiteral("Enrolled 1 prospect in Three-touch 3-7-14.\n"));
    const CliRun both = cli({QStringLiteral("unenroll"), QStringLiteral("1,2")});
    QCOMPARE(both.exitCode, 0);
    QCOMPARE(both.out, QStringLiteral("Took 2 prospects out of their cadence.\n"));
    const CliRun nobody = due(json);
    QCOMPARE(nobody.exitCode, 0);
    QCOMPARE(nobody.out, QStringLiteral("[]\n"));
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
}

void TestCliCadences::dueListsEnrolledSteps()
{
    const CliRun empty = due(json);
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out, QStringLiteral("[]\n"));

    QVERIFY(enrollThree());
    // When each prospect was enrolled, and in which enrollment.
    QHash<qint64, QDateTime> enrolledAt;
    QHash<qint64, qint64> enrollmentIds;
    for (const QString &row :
        stored(QStringLiteral("SELECT prospect_id, id, enrolled_at FROM enrollments"))) {
        const QStringList values = row.split(QLatin1Char('|'));
        enrolledAt.insert(
            values.at(0).toLongLong(), Database::fromDbTime(values.at(2).toLongLong()));
        enrollmentIds.insert(values.at(0).toLongLong(), values.at(1).toLongLong());
    }
    QCOMPARE(enrolledAt.size(), 3);

    const CliRun listed = due(json);
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray rows = jsonOf(listed);
    QCOMPARE(rows.size(), 3);
    QStringList sortedDueKeys = dueKeys;
    sortedDueKeys.sort();
    QHash<qint64, QJsonObject> byProspect;
    QDateTime previous;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        QCOMPARE(sortedKeys(row), sortedDueKeys);
        const qint64 prospectId = row.value(QLatin1String("prospect_id")).toInteger();
        byProspect.insert(prospectId, row);
        QCOMPARE(
            row.value(QLatin1String("enrollment_id")).toInteger(), enrollmentIds.value(prospectId));
        // Everything is overdue by 2100; the list is by due time.
        QCOMPARE(row.value(QLatin1String("overdue")), QJsonValue(true));
        const QString dueText = row.value(QLatin1String("due_at")).toString();
        const QDateTime dueAt = QDateTime::fromString(dueText, Qt::ISODate);
        QVERIFY2(dueAt.isValid() && dueText.endsWith(QLatin1Char('Z')), qPrintable(dueText));
        QVERIFY2(!previous.isValid() || previous <= dueAt, qPrintable(dueText));
        previous = dueAt;
        // Times print to the second.
        const QDateTime enrolled
            = enrolledAt.value(prospectId).addMSecs(-enrolledAt.value(prospectId).time().msec());
        QVERIFY2(dueAt >= enrolled, qPrintable(dueText));
    }

    const auto textOf = [&byProspect](qint64 prospectId, const char *key) {
        return byProspect.value(prospectId).value(QLatin1String(key)).toString();
    };
    const auto dueAtOf = [&](qint64 prospectId) {
        return QDateTime::fromString(textOf(prospectId, "due_at"), Qt::ISODate);
    };
    QCOMPARE(textOf(1, "name"), QStringLiteral("Ada Lovelace"));
    QCOMPARE(textOf(1, "company"), QStringLiteral("Analytical, Ltd"));
    QCOMPARE(textOf(1, "channel"), QStringLiteral("email"));
    QCOMPARE(textOf(1, "step"), QStringLiteral("1 of 3"));
    QCOMPARE(textOf(1, "purpose"),
        QStringLiteral("Follow up on the first contact with a concrete next step"));
    QCOMPARE(textOf(1, "cadence"), QStringLiteral("Three-touch 3-7-14"));
    QCOMPARE(textOf(1, "owner"), QStringLiteral("Maya"));
    // Three days after enrolling, at the start of the 08:00-10:00 window (in UTC here).
    QCOMPARE(dueAtOf(1),
        QDateTime(enrolledAt.value(1).toUTC().date().addDays(3), QTime(8, 0), QTimeZone::utc()));

    QCOMPARE(textOf(2, "name"), QStringLiteral("Grace Hopper"));
    QCOMPARE(textOf(2, "channel"), QStringLiteral("phone"));
    QCOMPARE(textOf(2, "step"), QStringLiteral("1 of 1"));
    QCOMPARE(textOf(2, "cadence"), QStringLiteral("Call first"));
    QCOMPARE(textOf(2, "owner"), QStringLiteral("Sam"));
    // No wait and no window: due as soon as enrolled.
    QCOMPARE(textOf(2, "due_at"), enrolledAt.value(2).toUTC().toString(Qt::ISODate));

    QCOMPARE(textOf(4, "name"), QStringLiteral("Charles Babbage"));
    QCOMPARE(textOf(4, "step"), QStringLiteral("1 of 6"));
    QCOMPARE(textOf(4, "cadence"), QStringLiteral("Respectful six-step"));
    QVERIFY(byProspect.value(4).value(QLatin1String("owner")).isNull());
    const QTime windowTime = dueAtOf(4).toUTC().time();
    QVERIFY2(
        windowTime >= QTime(8, 0) && windowTime < QTime(10, 0), qPrintable(textOf(4, "due_at")));

    // The table has the same rows, under a title and a rule.
    const CliRun table = due(QStringLiteral("table"));
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QCOMPARE(tableCells(lines.value(0)),
        QStringList({QStringLiteral("Due"), QStringLiteral("Overdue"), QStringLiteral("Prospect"),
            QStringLiteral("Name"), QStringLiteral("Company"), QStringLiteral("Channel"),
            QStringLiteral("Step"), QStringLiteral("Purpose"), QStringLiteral("Cadence"),
            QStringLiteral("Owner"), QStringLiteral("Enrollment")}));
    const QList<QStringList> cells = tableBody(lines);
    QCOMPARE(cells.size(), 3);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(cells.at(i).value(0),
            QDateTime::fromString(row.value(QLatin1String("due_at")).toString(), Qt::ISODate)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QCOMPARE(cells.at(i).value(2), cellText(row.value(QLatin1String("prospect_id"))));
        QCOMPARE(cells.at(i).value(3), row.value(QLatin1String("name")).toString());
    }
}

void TestCliCadences::dueCsvMatchesJson()
{
    QVERIFY(enrollThree());
    const CliRun csv = due(QStringLiteral("csv"));
    QCOMPARE(csv.exitCode, 0);
    // The comma in Ada's company is quoted, not a column of its own.
    QVERIFY2(csv.out.contains(QLatin1String(",\"Analytical, Ltd\",")), qPrintable(csv.out));
    const std::optional<QList<QStringList>> csvRows = parseCsv(csv.out);
    QVERIFY2(csvRows, qPrintable(csv.out));
    const QJsonArray rows = jsonOf(due(json));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(csvRows->size(), rows.size() + 1);
    QCOMPARE(csvRows->at(0), dueKeys);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        for (qsizetype column = 0; column < dueKeys.size(); ++column)
            QCOMPARE(csvRows->at(i + 1).value(column), cellText(row.value(dueKeys.at(column))));
    }
}

void TestCliCadences::dueDayIsInclusive()
{
    QVERIFY(enrollThree());
    const QStringList ada = {QStringLiteral("--owner"), QStringLiteral("Maya")};
    const QJsonArray all = jsonOf(due(json, ada));
    QCOMPARE(all.size(), 1);
    const QDate day = QDateTime::fromString(
        all.at(0).toObject().value(QLatin1String("due_at")).toString(), Qt::ISODate)
                          .toUTC()
                          .date();
    QVERIFY(day.isValid());
    const auto dueOn
        = [&](const QDate &date) { return jsonOf(due(json, ada, date.toString(Qt::ISODate))); };
    const CliRun dayBefore = due(json, ada, day.addDays(-1).toString(Qt::ISODate));
    QCOMPARE(dayBefore.exitCode, 0);
    QCOMPARE(dayBefore.out, QStringLiteral("[]\n"));
    const QJsonArray onTheDay = dueOn(day);
    QCOMPARE(onTheDay.size(), 1);
    QCOMPARE(onTheDay.at(0).toObject().value(QLatin1String("overdue")), QJsonValue(false));
    const QJsonArray dayAfter = dueOn(day.addDays(1));
    QCOMPARE(dayAfter.size(), 1);
    QCOMPARE(dayAfter.at(0).toObject().value(QLatin1String("overdue")), QJsonValue(true));
}

void TestCliCadences::dueFilters_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QList<qint64>>("prospects");
    const QString owner = QStringLiteral("--owner");
    const QString channel = QStringLiteral("--channel");
    QTest::newRow("none") << QStringList() << QList<qint64> {1, 2, 4};
    QTest::newRow("owner") << QStringList {owner, QStringLiteral("Maya")} << QList<qint64> {1};
    QTest::newRow("owner in another case")
        << QStringList {owner, QStringLiteral("sam")} << QList<qint64> {2};
    QTest::newRow("email") << QStringList {channel, QStringLiteral("email")}
                           << QList<qint64> {1, 4};
    QTest::newRow("phone") << QStringList {channel, QStringLiteral("phone")} << QList<qint64> {2};
    QTest::newRow("linkedin") << QStringList {channel, QStringLiteral("linkedin")}
                              << QList<qint64>();
    QTest::newRow("owner and channel") << QStringList {owner, QStringLiteral("Sam"), channel,
        QStringLiteral("email")} << QList<qint64>();
    QTest::newRow("owner and channel, a match") << QStringList {owner, QStringLiteral("Maya"),
        channel, QStringLiteral("email")} << QList<qint64> {1};
}

void TestCliCadences::dueFilters()
{
    QFETCH(QStringList, filters);
    QFETCH(QList<qint64>, prospects);
    QVERIFY(enrollThree());
    const CliRun result = due(json, filters);
    QCOMPARE(result.exitCode, 0);
    QList<qint64> listed;
    for (const QJsonValue &row : jsonOf(result))
        listed.append(row.toObject().value(QLatin1String("prospect_id")).toInteger());
    std::sort(listed.begin(), listed.end());
    QCOMPARE(listed, prospects);
}

void TestCliCadences::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("command"); // whose --help the message points at
    const QString cadences = QStringLiteral("cadences");
    const QString enroll = QStringLiteral("enroll");
    const QString due = QStringLiteral("due");
    const QStringList enrollIn = {enroll, QStringLiteral("--cadence"), QStringLiteral("1")};
    const QString prospect = QStringLiteral("--prospect");
    const QString search = QStringLiteral("--search");

    QTest::newRow("cadences without command")
        << QStringList {cadences} << QStringLiteral("\"cadences\" needs a command: list or show.")
        << cadences;
    QTest::newRow("unknown cadences command")
        << QStringList {cadences, QStringLiteral("edit")}
        << QStringLiteral("Unknown command \"cadences edit\"; use list or show.") << cadences;
    QTest::newRow("show without cadence")
        << QStringList {cadences, QStringLiteral("show")}
        << QStringLiteral("Missing argument CADENCE.") << QStringLiteral("cadences show");
    QTest::newRow("list in an unknown format") << QStringList {cadences, QStringLiteral("list"),
        QStringLiteral("--format"),
        QStringLiteral("xml")} << QStringLiteral("Unknown format \"xml\"; use table, csv or json.")
                                               << QStringLiteral("cadences list");
    QTest::newRow("enroll without cadence") << QStringList {enroll, prospect, QStringLiteral("1")}
                                            << QStringLiteral("--cadence is required.") << enroll;
    QTest::newRow("enroll without prospects")
        << enrollIn << QStringLiteral("Name the prospects with --prospect or --search.") << enroll;
    QTest::newRow("enroll a word") << enrollIn + QStringList {prospect, QStringLiteral("ada")}
                                   << QStringLiteral("\"ada\" is not a prospect id.") << enroll;
    QTest::newRow("enroll a word after an id")
        << enrollIn + QStringList {prospect, QStringLiteral("1,x")}
        << QStringLiteral("\"x\" is not a prospect id.") << enroll;
    QTest::newRow("enroll id 0") << enrollIn + QStringList {prospect, QStringLiteral("0")}
                                 << QStringLiteral("\"0\" is not a prospect id.") << enroll;
    // Would otherwise match, and enroll, every prospect.
    QTest::newRow("enroll an empty search")
        << enrollIn + QStringList {search, QString()}
        << QStringLiteral("--search needs at least one word to look for.") << enroll;
    QTest::newRow("enroll a blank search")
        << enrollIn + QStringList {search, QStringLiteral("   ")}
        << QStringLiteral("--search needs at least one word to look for.") << enroll;
    QTest::newRow("enroll with an unknown option")
        << enrollIn + QStringList {prospect, QStringLiteral("1"), QStringLiteral("--dry-run")}
        << QStringLiteral("Unknown option 'dry-run'.") << enroll;
    QTest::newRow("enroll with a missing value")
        << QStringList {enroll, prospect, QStringLiteral("1"), QStringLiteral("--cadence")}
        << QStringLiteral("Missing value after '--cadence'.") << enroll;
    // The usage's "ID...", then the sentence's full stop.
    QTest::newRow("unenroll without id")
        << QStringList {QStringLiteral("unenroll")} << QStringLiteral("Missing argument ID....")
        << QStringLiteral("unenroll");
    QTest::newRow("unenroll a word")
        << QStringList {QStringLiteral("unenroll"), QStringLiteral("ada")}
        << QStringLiteral("\"ada\" is not a prospect id.") << QStringLiteral("unenroll");
    QTest::newRow("due on month 13")
        << QStringList {due, QStringLiteral("--date"), QStringLiteral("2026-13-01")}
        << QStringLiteral(
               "--date needs a day as YYYY-MM-DD, such as 2025-01-31, not \"2026-13-01\".")
        << due;
    QTest::newRow("due tomorrow")
        << QStringList {due, QStringLiteral("--date"), QStringLiteral("tomorrow")}
        << QStringLiteral("--date needs a day as YYYY-MM-DD, such as 2025-01-31, not \"tomorrow\".")
        << due;
    QTest::newRow("due on an unknown channel")
        << QStringList {due, QStringLiteral("--channel"), QStringLiteral("fax")}
        << QStringLiteral("Unknown channel \"fax\"; use email, phone, linkedin or sms.") << due;
    // Meetings are touches, never cadence steps.
    QTest::newRow("due on the meeting channel")
        << QStringList {due, QStringLiteral("--channel"), QStringLiteral("meeting")}
        << QStringLiteral("Unknown channel \"meeting\"; use email, phone, linkedin or sms.") << due;
    QTest::newRow("due in an unknown format")
        << QStringList {due, QStringLiteral("--format"), QStringLiteral("yaml")}
        << QStringLiteral("Unknown format \"yaml\"; use table, csv or json.") << due;
    QTest::newRow("due with an argument")
        << QStringList {due, QStringLiteral("today")}
        << QStringLiteral("Unexpected argument \"today\".") << due;
}

void TestCliCadences::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFETCH(QString, command);
    const QList<QVariantList> before = snapshot();
    QVERIFY(!before.isEmpty());
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err,
        QStringLiteral("touchline-cli: %1\nRun \"touchline-cli %2 --help\" for usage.\n")
            .arg(message, command));
    QCOMPARE(snapshot(), before);
}

void TestCliCadences::runtimeErrors_data()
{
    QTest::addColumn<QString>("setup"); // SQL run on the file first, if any
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString cadences = QStringLiteral("cadences");
    const QString show = QStringLiteral("show");
    const QString enroll = QStringLiteral("enroll");
    const QString cadence = QStringLiteral("--cadence");
    const QStringList ada = {QStringLiteral("--prospect"), QStringLiteral("1")};

    QTest::newRow("show an unknown name")
        << QString() << QStringList {cadences, show, QStringLiteral("Weekly")}
        << QStringLiteral("There is no cadence named \"Weekly\".");
    QTest::newRow("show an unknown id")
        << QString() << QStringList {cadences, show, QStringLiteral("99")}
        << QStringLiteral("There is no cadence 99.");
    // The author is not added either.
    QTest::newRow("enroll in an unknown cadence")
        << QString()
        << QStringList {enroll, cadence, QStringLiteral("Weekly"), QStringLiteral("--author"),
               QStringLiteral("Newcomer")}
            + ada
        << QStringLiteral("There is no cadence named \"Weekly\".");
    QTest::newRow("enroll in an unknown id")
        << QString() << QStringList {enroll, cadence, QStringLiteral("99")} + ada
        << QStringLiteral("There is no cadence 99.");
    QTest::newRow("enroll in an archived cadence")
        << QStringLiteral("UPDATE cadences SET archived = 1 WHERE id = 2")
        << QStringList {enroll, cadence, QStringLiteral("Three-touch 3-7-14"),
               QStringLiteral("--prospect"), QStringLiteral("1,2")}
        << QStringLiteral("Cadence \"Three-touch 3-7-14\" is archived; restore it before enrolling "
                          "prospects.");
    QTest::newRow("enroll in a cadence without steps")
        << QStringLiteral("DELETE FROM cadence_steps WHERE cadence_id = 2")
        << QStringList {enroll, cadence, QStringLiteral("2")} + ada
        << QStringLiteral("Cadence \"Three-touch 3-7-14\" has no steps yet; add a step before "
                          "enrolling prospects.");
    QTest::newRow("due for an unknown owner")
        << QString()
        << QStringList {QStringLiteral("due"), QStringLiteral("--owner"), QStringLiteral("Nobody")}
        << QStringLiteral("There is no user named \"Nobody\".");
}

void TestCliCadences::runtimeErrors()
{
    QFETCH(QString, setup);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    if (!setup.isEmpty()) {
        const std::unique_ptr<Database> db = openFile();
        QVERIFY(db);
        QVERIFY(Test::execSql(*db, setup));
    }
    const QList<QVariantList> before = snapshot();
    QVERIFY(!before.isEmpty());
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err, QStringLiteral("touchline-cli: %1\n").arg(message));
    QCOMPARE(snapshot(), before);
}

QTEST_GUILESS_MAIN(TestCliCadences)
#include "tst_cli_cadences.moc"
