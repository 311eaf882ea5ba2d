// Touch history from files (io/TouchImport.h): the reader's header names, times
// and values, and the importer on a real file: matching, numbering, status,
// duplicates, refusals, dry runs and cancelling.

#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "domain/Csv.h"
#include "io/TouchImport.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;

Q_DECLARE_METATYPE(Touchline::ProspectStatus)

namespace {

QString fixturePath(const QString &name)
{
    return QStringLiteral(TOUCHLINE_TEST_DATA "/touches/") + name;
}

// Day 1 is 1 May 2024, at 10:00 UTC.
QDateTime day(int dayOfMay)
{
    return QDateTime(QDate(2024, 5, 1).addDays(dayOfMay - 1), QTime(10, 0), QTimeZone::utc());
}

// A file in the columns the touches export writes, one touch per spec:
// "who,channel/direction/outcome@day[,notes[,author]]".
QByteArray touchFile(const QStringList &specs)
{
    QString text = QStringLiteral("prospect_email,channel,direction,outcome,occurred_at,notes,"
                                  "author\r\n");
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(','));
        const QStringList at = parts.value(1).split(QLatin1Char('@'));
        const QStringList kind = at.value(0).split(QLatin1Char('/'));
        text += Csv::record({parts.value(0), kind.value(0), kind.value(1), kind.value(2),
            day(at.value(1).toInt()), parts.value(2), parts.value(3)});
    }
    return text.toUtf8();
}

struct Read
{
    bool ok = false;
    QList<TouchImportRow> rows;
    QList<RowProblem> problems;
    Error error;
};

Read readBytes(const QByteArray &bytes)
{
    Read read;
    read.ok = TouchFileReader::read(bytes, &read.rows, &read.problems, &read.error);
    return read;
}

Read readFile(const QString &path)
{
    Read read;
    read.ok = TouchFileReader::readFile(path, &read.rows, &read.problems, &read.error);
    return read;
}

} // namespace

class TestTouchImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }
    void init();
    void cleanup();

    // Reader
    void headerVariants_data();
    void headerVariants();
    void times_data();
    void times();
    void dateAndTimeColumns_data();
    void dateAndTimeColumns();
    void badRows_data();
    void badRows();
    void missingColumns_data();
    void missingColumns();
    void neutralisedCellsReadBack_data();
    void neutralisedCellsReadBack();
    void fixtureFile();
    void damagedBytesRefuseTheirRow();
    void unreadableFile();

    // Importer
    void numberingAndStatus_data();
    void numberingAndStatus();
    void matchesByEmailElseProfile();
    void duplicatesAreSkipped();
    void unknownProspectIsListed();
    void refusedTouches_data();
    void refusedTouches();
    void doNotContact_data();
    void doNotContact();
    void liftedDoNotContact_data();
    void liftedDoNotContact();
    void authors();
    void dryRunWritesNothing();
    void cancelRollsBack();

private:
    qint64 addProspect(const QString &first, const QString &email, const QString &linkedIn = {});
    ImportSummary import(const QByteArray &bytes, bool dryRun = false);
    ImportResult applyNotingProgress(const QList<TouchImportRow> &rows, int cancelAtCall,
        QList<std::pair<int, int>> *calls, ImportSummary *summary, Error *error);
    Prospect prospect(qint64 id);
    QList<int> numbers(qint64 prospectId);
    QList<QVariantList> dump();
    bool logTouches(const QStringList &specs);
    bool markDoNotContactWithoutTouch();
    void verifyRefusedForDoNotContact(
        const QStringList &file, int imported, const QList<int> &refusedLines);

    std::unique_ptr<TestDatabase> m_file;
    qint64 m_me = 0;
    qint64 m_ada = 0;
};

void TestTouchImport::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    Error error;
    m_me = UserRepository(m_file->db()).ensure(QStringLiteral("Me"), &error);
    QVERIFY2(m_me, qPrintable(error.message));
    m_ada = addProspect(QStringLiteral("Ada"), QStringLiteral("ada@example.com"));
    QVERIFY(m_ada);
}

void TestTouchImport::cleanup()
{
    m_file.reset();
}

qint64 TestTouchImport::addProspect(
    const QString &first, const QString &email, const QString &linkedIn)
{
    Prospect p = makeProspect(first, QStringLiteral("Tester"), QStringLiteral("Acme"), email);
    p.linkedInUrl = linkedIn;
    Error error;
    if (!ProspectRepository(m_file->db()).add(&p, &error))
        qWarning().noquote() << error.message;
    return p.id;
}

ImportSummary TestTouchImport::import(const QByteArray &bytes, bool dryRun)
{
    const Read read = readBytes(bytes);
    if (!read.ok || !read.problems.isEmpty())
        qWarning().noquote() << "the file does not read cleanly:" << read.error.message
                             << read.problems.size();
    ImportSummary summary;
    Error error;
    const ImportResult result
        = TouchImporter(m_file->db()).apply(read.rows, m_me, dryRun, {}, &summary, &error);
    if (result != ImportResult::Finished)
        qWarning().noquote() << "import failed:" << error.message;
    return summary;
}

// Applies the rows, noting each progress call as (done, total); the call numbered
// `cancelAtCall` cancels (0: none does).
ImportResult TestTouchImport::applyNotingProgress(const QList<TouchImportRow> &rows,
    int cancelAtCall, QList<std::pair<int, int>> *calls, ImportSummary *summary, Error *error)
{
    return TouchImporter(m_file->db())
        .apply(
            rows, m_me, false,
            [calls, cancelAtCall](int done, int total) {
                calls->append({done, total});
                return calls->size() != cancelAtCall;
            },
            summary, error);
}

Prospect TestTouchImport::prospect(qint64 id)
{
    Error error;
    const std::optional<Prospect> found = ProspectRepository(m_file->db()).get(id, &error);
    if (!found)
        qWarning().noquote() << error.message;
    return found.value_or(Prospect());
}

QList<int> TestTouchImport::numbers(qint64 prospectId)
{
    QList<Touch> touches;
    Error error;
    if (!TouchRepository(m_file->db()).listForProspect(prospectId, &touches, &error))
        qWarning().noquote() << error.message;
    QList<int> result;
    for (const Touch &touch : std::as_const(touches))
        result.append(touch.touchNumber);
    return result;
}

// Every table an import writes.
QList<QVariantList> TestTouchImport::dump()
{
    QList<QVariantList> rows;
    for (const char *table : {"prospects", "touches", "prospect_events", "users", "enrollments"})
        rows += Test::tableRows(m_file->db(), QString::fromLatin1(table));
    return rows;
}

// "channel/direction/outcome@day" specs, logged for Ada one by one as the user logs them.
bool TestTouchImport::logTouches(const QStringList &specs)
{
    TouchRepository touches(m_file->db());
    for (const QString &spec : specs) {
        const QStringList at = spec.split(QLatin1Char('@'));
        Touch touch = Test::makeTouch(m_ada, at.first(), day(at.last().toInt()));
        Error error;
        if (!touches.log(&touch, nullptr, &error)) {
            qWarning().noquote() << "cannot log" << spec << error.message;
            return false;
        }
    }
    return true;
}

// Ada's status as an edit of the status, or a prospect import, leaves it: set, with
// no opt-out touch behind it.
bool TestTouchImport::markDoNotContactWithoutTouch()
{
    return Test::execSql(m_file->db(),
        QStringLiteral("UPDATE prospects SET status = 'do_not_contact' WHERE id = ?"), {m_ada});
}

// Imports the touch file; exactly the rows on `refusedLines` are refused, each for
// the do-not-contact block, and `imported` rows are written.
void TestTouchImport::verifyRefusedForDoNotContact(
    const QStringList &file, int imported, const QList<int> &refusedLines)
{
    const ImportSummary summary = import(touchFile(file));
    QCOMPARE(summary.imported, imported);
    QList<int> lines;
    for (const RowProblem &problem : summary.failed) {
        lines.append(problem.line);
        QVERIFY2(problem.reason.contains(QLatin1String("asked not to be contacted")),
            qPrintable(problem.reason));
    }
    QCOMPARE(lines, refusedLines);
}

void TestTouchImport::headerVariants_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("linkedIn");
    QTest::addColumn<QString>("notes");

    QTest::newRow("export's keys")
        << QByteArray("prospect_email,prospect_linkedin_url,channel,direction,outcome,"
                      "occurred_at,notes\nada@example.com,,email,out,sent,"
                      "2024-05-01T10:00:00Z,hello\n")
        << QStringLiteral("ada@example.com") << QString() << QStringLiteral("hello");
    QTest::newRow("words, capitals, semicolons")
        << QByteArray("Prospect Email;Channel;Direction;Outcome;Timestamp;Note\n"
                      "ada@example.com;email;out;sent;2024-05-01T10:00:00Z;hello\n")
        << QStringLiteral("ada@example.com") << QString() << QStringLiteral("hello");
    QTest::newRow("short names, tabs, column order")
        << QByteArray("notes\tdate\toutcome\tdirection\tchannel\temail\n"
                      "hello\t2024-05-01T10:00:00Z\tsent\tout\temail\tada@example.com\n")
        << QStringLiteral("ada@example.com") << QString() << QStringLiteral("hello");
    QTest::newRow("LinkedIn only, spaces around names")
        << QByteArray(" LinkedIn_URL , CHANNEL , direction,outcome, time \n"
                      "https://www.linkedin.com/in/ada,linkedin,out,sent,2024-05-01T10:00:00Z\n")
        << QString() << QStringLiteral("https://www.linkedin.com/in/ada") << QString();
    QTest::newRow("hyphen and extra columns")
        << QByteArray("id,E-mail,channel,direction,outcome,occurred_at,touch_number,notes\n"
                      "7,ada@example.com,email,out,sent,2024-05-01T10:00:00Z,3,hello\n")
        << QStringLiteral("ada@example.com") << QString() << QStringLiteral("hello");
    QTest::newRow("occurred_at wins over date")
        << QByteArray("date,email,channel,direction,outcome,occurred_at\n"
                      "2020-01-01,ada@example.com,email,out,sent,2024-05-01T10:00:00Z\n")
        << QStringLiteral("ada@example.com") << QString() << QString();
}

void TestTouchImport::headerVariants()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, email);
    QFETCH(QString, linkedIn);
    QFETCH(QString, notes);

    const Read read = readBytes(text);
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.problems, QList<RowProblem>());
    QCOMPARE(read.rows.size(), 1);
    const TouchImportRow &row = read.rows.first();
    QCOMPARE(row.line, 2);
    QCOMPARE(row.prospectEmail, email);
    QCOMPARE(row.prospectLinkedInUrl, linkedIn);
    QCOMPARE(row.touch.occurredAt, day(1));
    QCOMPARE(row.touch.notes, notes);
    QCOMPARE(row.touch.outcome, TouchOutcome::Sent);
}

void TestTouchImport::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDate may1(2024, 5, 1);
    QTest::newRow("UTC") << QStringLiteral("2024-05-01T10:00:00Z") << day(1);
    QTest::newRow("offset") << QStringLiteral("2024-05-01T12:00:00+02:00") << day(1);
    QTest::newRow("negative offset") << QStringLiteral("2024-05-01T05:30:00-04:30") << day(1);
    QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T10:00:00.250Z")
                                  << day(1).addMSecs(250);
    QTest::newRow("space for the T, offset")
        << QStringLiteral("2024-05-01 11:00:00+01:00") << day(1);
    QTest::newRow("local, minutes")
        << QStringLiteral("2024-05-01 09:30") << QDateTime(may1, QTime(9, 30));
    QTest::newRow("local, seconds")
        << QStringLiteral("2024-05-01 09:30:15") << QDateTime(may1, QTime(9, 30, 15));
    QTest::newRow("local, ISO") << QStringLiteral("2024-05-01T09:30")
                                << QDateTime(may1, QTime(9, 30));
    QTest::newRow("date only") << QStringLiteral("2024-05-01") << may1.startOfDay();
    QTest::newRow("spaces around") << QStringLiteral("  2024-05-01T10:00:00Z ") << day(1);
}

void TestTouchImport::times()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const Read read = readBytes(
        QStringLiteral("email,channel,direction,outcome,occurred_at\nada@example.com,email,out,"
                       "sent,\"%1\"\n")
            .arg(text)
            .toUtf8());
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.problems, QList<RowProblem>());
    QCOMPARE(read.rows.size(), 1);
    QCOMPARE(read.rows.first().touch.occurredAt, expected);
    QCOMPARE(read.rows.first().touch.occurredAt.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestTouchImport::dateAndTimeColumns_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDate may1(2024, 5, 1);
    QTest::newRow("date and time")
        << QByteArray("email,channel,direction,outcome,date,time\n"
                      "ada@example.com,email,out,sent,2024-05-01,09:30\n")
        << QDateTime(may1, QTime(9, 30));
    QTest::newRow("time before date, seconds")
        << QByteArray("Time;Date;email;channel;direction;outcome\n"
                      "14:05:30;2024-05-01;ada@example.com;email;out;sent\n")
        << QDateTime(may1, QTime(14, 5, 30));
    QTest::newRow("empty time: the start of the day")
        << QByteArray("email,channel,direction,outcome,date,time\n"
                      "ada@example.com,email,out,sent,2024-05-01,\n")
        << may1.startOfDay();
    QTest::newRow("date alone") << QByteArray("email,channel,direction,outcome,date\n"
                                              "ada@example.com,email,out,sent,2024-05-01\n")
                                << may1.startOfDay();
    QTest::newRow("time alone holds the whole time")
        << QByteArray("email,channel,direction,outcome,time\n"
                      "ada@example.com,email,out,sent,2024-05-01T10:00:00Z\n")
        << day(1);
    QTest::newRow("occurred_at wins over date and time")
        << QByteArray("email,channel,direction,outcome,date,time,occurred_at\n"
                      "ada@example.com,email,out,sent,2020-01-01,08:00,2024-05-01T10:00:00Z\n")
        << day(1);
}

void TestTouchImport::dateAndTimeColumns()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);

    const Read read = readBytes(text);
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.problems, QList<RowProblem>());
    QCOMPARE(read.rows.size(), 1);
    QCOMPARE(read.rows.first().touch.occurredAt.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestTouchImport::badRows_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("reasonContains"); // each |-separated part

    // Columns: email, linkedin, channel, direction, outcome, occurred_at.
    QTest::newRow("day first") << QStringLiteral("ada@example.com,,email,out,sent,31/01/2024")
                               << QStringLiteral("\"31/01/2024\" is not a time");
    QTest::newRow("words") << QStringLiteral("ada@example.com,,email,out,sent,yesterday")
                           << QStringLiteral("\"yesterday\" is not a time|ISO 8601");
    QTest::newRow("no time") << QStringLiteral("ada@example.com,,email,out,sent,")
                             << QStringLiteral("\"\" is not a time");
    QTest::newRow("month 13") << QStringLiteral("ada@example.com,,email,out,sent,2024-13-01")
                              << QStringLiteral("\"2024-13-01\" is not a time");
    QTest::newRow("hour 25") << QStringLiteral(
        "ada@example.com,,email,out,sent,2024-05-01T25:00:00Z")
                             << QStringLiteral("\"2024-05-01T25:00:00Z\" is not a time");
    QTest::newRow("unknown channel")
        << QStringLiteral("ada@example.com,,fax,out,sent,2024-05-01T10:00:00Z")
        << QStringLiteral("Unknown channel \"fax\"|email, phone, linkedin, sms, meeting, note");
    QTest::newRow("unknown direction")
        << QStringLiteral("ada@example.com,,email,sideways,sent,2024-05-01T10:00:00Z")
        << QStringLiteral("Unknown direction \"sideways\"|out, in");
    QTest::newRow("unknown outcome")
        << QStringLiteral("ada@example.com,,email,out,lost,2024-05-01T10:00:00Z")
        << QStringLiteral("Unknown outcome \"lost\"|no_answer");
    QTest::newRow("no prospect") << QStringLiteral(",,email,out,sent,2024-05-01T10:00:00Z")
                                 << QStringLiteral("neither the prospect's email address nor");
}

void TestTouchImport::badRows()
{
    QFETCH(QString, row);
    QFETCH(QString, reasonContains);

    // A good row around the bad one: it is read, and the bad one is named by its line.
    const QString good = QStringLiteral("ada@example.com,,email,out,sent,2024-05-01T10:00:00Z");
    const Read read
        = readBytes((QStringLiteral("email,linkedin_url,channel,direction,outcome,occurred_at\n")
            + good + QLatin1Char('\n') + row + QLatin1Char('\n') + good + QLatin1Char('\n'))
                        .toUtf8());
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.rows.size(), 2);
    QCOMPARE(read.rows.at(0).line, 2);
    QCOMPARE(read.rows.at(1).line, 4);
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.first().line, 3);
    for (const QString &part : reasonContains.split(QLatin1Char('|')))
        QVERIFY2(
            read.problems.first().reason.contains(part), qPrintable(read.problems.first().reason));
}

void TestTouchImport::missingColumns_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("missing");

    QTest::newRow("no prospect") << QByteArray("name,channel,direction,outcome,occurred_at")
                                 << QStringLiteral("prospect_email or prospect_linkedin_url");
    QTest::newRow("no channel") << QByteArray("email,medium,direction,outcome,occurred_at")
                                << QStringLiteral("channel");
    QTest::newRow("no direction") << QByteArray("email,channel,outcome,occurred_at")
                                  << QStringLiteral("direction");
    QTest::newRow("no outcome") << QByteArray("email,channel,direction,result,occurred_at")
                                << QStringLiteral("outcome");
    QTest::newRow("no time") << QByteArray("email,channel,direction,outcome,notes")
                             << QStringLiteral("occurred_at");
}

void TestTouchImport::missingColumns()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, missing);

    const Read read = readBytes(header + "\nada@example.com,email,out,sent,2024-05-01\n");
    QVERIFY(!read.ok);
    QCOMPARE(read.error.kind, Error::Kind::Invalid);
    QCOMPARE(
        read.error.message, QStringLiteral("The header on line 1 has no %1 column.").arg(missing));
}

void TestTouchImport::neutralisedCellsReadBack_data()
{
    QTest::addColumn<QString>("value");

    QTest::newRow("formula") << QStringLiteral("=SUM(A1:A9)");
    QTest::newRow("plus") << QStringLiteral("+33 1 23 45 67 89");
    QTest::newRow("minus") << QStringLiteral("-5 days, then call");
    QTest::newRow("at") << QStringLiteral("@grace, see below");
    QTest::newRow("tab") << QStringLiteral("\tindented");
    QTest::newRow("carriage return") << QStringLiteral("\rreturn");
    QTest::newRow("apostrophe kept") << QStringLiteral("'quoted' text");
    QTest::newRow("apostrophe before a formula start") << QStringLiteral("'=kept once");
    QTest::newRow("apostrophes before a formula start") << QStringLiteral("''@kept twice");
    QTest::newRow("quotes and lines") << QStringLiteral("She said \"no\",\nthen yes");
}

void TestTouchImport::neutralisedCellsReadBack()
{
    QFETCH(QString, value);

    // As the touches export writes them: Csv::cell() neutralises, the reader undoes it.
    const QString text
        = Csv::record({QStringLiteral("email"), QStringLiteral("channel"),
              QStringLiteral("direction"), QStringLiteral("outcome"), QStringLiteral("occurred_at"),
              QStringLiteral("notes"), QStringLiteral("author")})
        + Csv::record({QStringLiteral("ada@example.com"), QStringLiteral("email"),
            QStringLiteral("out"), QStringLiteral("sent"), day(1), value, value})
        + Csv::record(
            {QStringLiteral("ada@example.com"), QStringLiteral("email"), QStringLiteral("out"),
                QStringLiteral("sent"), day(2), QStringLiteral("plain"), QStringLiteral("Me")});
    const Read read = readBytes(text.toUtf8());
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.problems, QList<RowProblem>());
    QCOMPARE(read.rows.size(), 2);
    QCOMPARE(read.rows.first().touch.notes, value);
    QCOMPARE(read.rows.first().touch.authorName, value.trimmed());
}

void TestTouchImport::fixtureFile()
{
    const Read read = readFile(fixturePath(QStringLiteral("history.csv")));
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.problems, QList<RowProblem>());
    const QList<TouchImportRow> &rows = read.rows;
    QCOMPARE(rows.size(), 3);

    QCOMPARE(rows.at(0).line, 2);
    QCOMPARE(rows.at(0).prospectEmail, QStringLiteral("ada@example.com"));
    QCOMPARE(rows.at(0).touch.channel, TouchChannel::Email);
    QCOMPARE(rows.at(0).touch.occurredAt, day(1));
    QCOMPARE(rows.at(0).touch.notes, QStringLiteral("First email"));
    QCOMPARE(rows.at(0).touch.authorName, QStringLiteral("Grace Hopper"));

    // Display names, local time, and notes over two lines (the row starts on line 3).
    QCOMPARE(rows.at(1).line, 3);
    QCOMPARE(rows.at(1).prospectEmail, QStringLiteral("ADA@example.com"));
    QCOMPARE(rows.at(1).touch.channel, TouchChannel::Phone);
    QCOMPARE(rows.at(1).touch.direction, TouchDirection::Out);
    QCOMPARE(rows.at(1).touch.outcome, TouchOutcome::Voicemail);
    QCOMPARE(rows.at(1).touch.occurredAt, QDateTime(QDate(2024, 5, 3), QTime(10, 0)));
    QCOMPARE(rows.at(1).touch.notes, QStringLiteral("Left a message,\r\nasked to call back"));
    QCOMPARE(rows.at(1).touch.authorName, QString());

    // After a blank line.
    QCOMPARE(rows.at(2).line, 6);
    QCOMPARE(rows.at(2).prospectEmail, QString());
    QCOMPARE(rows.at(2).prospectLinkedInUrl, QStringLiteral("https://www.linkedin.com/in/bob/"));
    QCOMPARE(rows.at(2).touch.outcome, TouchOutcome::Accepted);
    QCOMPARE(rows.at(2).touch.occurredAt, QDate(2024, 5, 2).startOfDay());
}

void TestTouchImport::damagedBytesRefuseTheirRow()
{
    const Read read = readFile(fixturePath(QStringLiteral("damaged-utf8.csv")));
    QVERIFY2(read.ok, qPrintable(read.error.message));
    QCOMPARE(read.rows.size(), 1);
    QCOMPARE(read.rows.first().touch.notes, QStringLiteral("Zo\u00eb said hi"));
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.first().line, 3);
    QVERIFY2(read.problems.first().reason.contains(QLatin1String("UTF-8")),
        qPrintable(read.problems.first().reason));
}

void TestTouchImport::unreadableFile()
{
    const QString missing = m_file->dirPath() + QStringLiteral("/missing.csv");
    const Read notFound = readFile(missing);
    QVERIFY(!notFound.ok);
    QCOMPARE(notFound.error.kind, Error::Kind::NotFound);
    QVERIFY2(notFound.error.message.contains(missing), qPrintable(notFound.error.message));

    // A reading error names the file too.
    const QString headerOnly = m_file->dirPath() + QStringLiteral("/header.csv");
    QFile file(headerOnly);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("email,channel,direction\n");
    file.close();
    const Read invalid = readFile(headerOnly);
    QVERIFY(!invalid.ok);
    QCOMPARE(invalid.error.kind, Error::Kind::Invalid);
    QCOMPARE(invalid.error.message,
        headerOnly + QStringLiteral(": The header on line 1 has no outcome column."));
}

void TestTouchImport::numberingAndStatus_data()
{
    QTest::addColumn<QStringList>("logged"); // through TouchRepository::log first
    QTest::addColumn<QStringList>("file");
    QTest::addColumn<QList<int>>("numbers"); // in time order
    QTest::addColumn<int>("lastTouchDay");
    QTest::addColumn<ProspectStatus>("status");
    QTest::addColumn<bool>("bounced");

    const QString ada = QStringLiteral("ada@example.com,");
    QTest::newRow("out of order") << QStringList()
                                  << QStringList {ada + QStringLiteral("email/out/sent@5"),
                                         ada + QStringLiteral("phone/out/no_answer@1"),
                                         ada + QStringLiteral("sms/out/sent@3")}
                                  << QList<int> {1, 2, 3} << 5 << ProspectStatus::New << false;
    QTest::newRow("between logged touches")
        << QStringList {QStringLiteral("email/out/sent@2"), QStringLiteral("email/out/sent@6")}
        << QStringList {ada + QStringLiteral("linkedin/out/sent@4"),
               ada + QStringLiteral("email/out/sent@1")}
        << QList<int> {1, 2, 3, 4} << 6 << ProspectStatus::New << false;
    QTest::newRow("reply") << QStringList {QStringLiteral("email/out/sent@1")}
                           << QStringList {ada + QStringLiteral("email/in/replied@2")}
                           << QList<int> {1, 0} << 2 << ProspectStatus::Replied << false;
    QTest::newRow("meeting after reply")
        << QStringList()
        << QStringList {ada + QStringLiteral("meeting/in/meeting_booked@3"),
               ada + QStringLiteral("email/in/replied@2"), ada + QStringLiteral("email/out/sent@1")}
        << QList<int> {1, 0, 0} << 3 << ProspectStatus::MeetingBooked << false;
    QTest::newRow("opt-out") << QStringList {QStringLiteral("email/out/sent@1")}
                             << QStringList {ada + QStringLiteral("email/in/opted_out@2")}
                             << QList<int> {1, 0} << 2 << ProspectStatus::DoNotContact << false;
    QTest::newRow("bounce") << QStringList()
                            << QStringList {ada + QStringLiteral("email/out/bounced@2")}
                            << QList<int> {1} << 2 << ProspectStatus::New << true;
    QTest::newRow("a note is not the last touch")
        << QStringList()
        << QStringList {ada + QStringLiteral("email/out/sent@2"),
               ada + QStringLiteral("note/out/noted@4")}
        << QList<int> {1, 0} << 2 << ProspectStatus::New << false;
}

void TestTouchImport::numberingAndStatus()
{
    QFETCH(QStringList, logged);
    QFETCH(QStringList, file);
    QFETCH(QList<int>, numbers);
    QFETCH(int, lastTouchDay);
    QFETCH(ProspectStatus, status);
    QFETCH(bool, bounced);

    QVERIFY(logTouches(logged));
    const ImportSummary summary = import(touchFile(file));
    QCOMPARE(summary.imported, file.size());
    QCOMPARE(summary.failed, QList<RowProblem>());

    QCOMPARE(this->numbers(m_ada), numbers);
    const Prospect p = prospect(m_ada);
    QCOMPARE(p.touchCount, int(numbers.size() - numbers.count(0)));
    QCOMPARE(p.lastTouchAt, day(lastTouchDay));
    QCOMPARE(p.status, status);
    QCOMPARE(p.emailBounced, bounced);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());

    QList<ProspectEvent> events;
    Error error;
    QVERIFY(TouchRepository(m_file->db()).listEvents(m_ada, &events, &error));
    const bool optedOut = status == ProspectStatus::DoNotContact;
    QCOMPARE(events.size(), optedOut ? 1 : 0);
    if (optedOut) {
        QCOMPARE(events.first().kind, ProspectEventKind::DoNotContactSet);
        QCOMPARE(events.first().occurredAt, day(2));
    }
}

void TestTouchImport::matchesByEmailElseProfile()
{
    const qint64 bob = addProspect(
        QStringLiteral("Bob"), QString(), QStringLiteral("https://www.linkedin.com/in/bob"));
    const QByteArray file
        = "email,prospect_linkedin_url,channel,direction,outcome,occurred_at\n"
          " ADA@Example.COM ,,email,out,sent,2024-05-01T10:00:00Z\n"
          ",https://www.linkedin.com/in/bob/,linkedin,out,sent,2024-05-02T10:00:00Z\n"
          ",linkedin.com/in/BOB?trk=profile,linkedin,out,accepted,2024-05-03T10:00:00Z\n"
          // With an email, the email decides, as when prospects are imported.
          "bob@elsewhere.example,https://www.linkedin.com/in/bob,email,out,sent,"
          "2024-05-04T10:00:00Z\n"
          "ada@example.com,https://www.linkedin.com/in/bob,phone,out,connected,"
          "2024-05-05T10:00:00Z\n";
    const ImportSummary summary = import(file);
    QCOMPARE(summary.imported, 4);
    QCOMPARE(summary.failed,
        (QList<RowProblem> {
            {5, QStringLiteral("No prospect has the email address bob@elsewhere.example.")}}));
    QCOMPARE(numbers(m_ada), (QList<int> {1, 2}));
    QCOMPARE(numbers(bob), (QList<int> {1, 2}));
}

void TestTouchImport::duplicatesAreSkipped()
{
    // Stored with milliseconds: a file carries whole seconds and still repeats it.
    Touch stored = Test::makeTouch(m_ada, QStringLiteral("email/out/sent"), day(2).addMSecs(400));
    Error error;
    QVERIFY2(
        TouchRepository(m_file->db()).log(&stored, nullptr, &error), qPrintable(error.message));

    const QString ada = QStringLiteral("ada@example.com,");
    const QByteArray file = touchFile({ada + QStringLiteral("email/out/sent@1"),
        ada + QStringLiteral("email/out/sent@2,other notes"), // repeats the stored touch
        ada + QStringLiteral("email/out/sent@1"),             // repeats line 2
        ada + QStringLiteral("email/out/bounced@2"),          // another outcome
        ada + QStringLiteral("phone/out/no_answer@1")});      // another channel
    ImportSummary summary = import(file);
    QCOMPARE(summary.imported, 3);
    QCOMPARE(summary.skipped, 2);
    QCOMPARE(summary.failed, QList<RowProblem>());
    QCOMPARE(numbers(m_ada), (QList<int> {1, 2, 3, 4}));

    // Importing the same file again adds nothing.
    summary = import(file);
    QCOMPARE(summary.imported, 0);
    QCOMPARE(summary.skipped, 5);
    QCOMPARE(numbers(m_ada).size(), 4);
}

void TestTouchImport::unknownProspectIsListed()
{
    const QByteArray file = "email,linkedin_url,channel,direction,outcome,occurred_at\n"
                            "ada@example.com,,email,out,sent,2024-05-01T10:00:00Z\n"
                            "zoe@example.com,,email,out,sent,2024-05-01T10:00:00Z\n"
                            ",https://www.linkedin.com/in/nobody,email,out,sent,"
                            "2024-05-01T10:00:00Z\n";
    const ImportSummary summary = import(file);
    QCOMPARE(summary.imported, 1);
    QCOMPARE(summary.failed,
        (QList<RowProblem> {
            {3, QStringLiteral("No prospect has the email address zoe@example.com.")},
            {4,
                QStringLiteral(
                    "No prospect has the LinkedIn URL https://www.linkedin.com/in/nobody.")},
        }));
}

void TestTouchImport::refusedTouches_data()
{
    QTest::addColumn<QString>("row"); // after the email column
    QTest::addColumn<QString>("reason");

    const QString future = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate);
    QTest::newRow("future") << QStringLiteral("email,out,sent,%1,").arg(future)
                            << QStringLiteral("%1 is in the future; log touches once they have "
                                              "happened.")
                                   .arg(future);
    QTest::newRow("outcome of another channel")
        << QStringLiteral("email,out,voicemail,2024-05-01T10:00:00Z,")
        << QStringLiteral("The outcome \"voicemail\" does not fit channel email, direction out; "
                          "use one of: sent, bounced.");
    QTest::newRow("inbound note") << QStringLiteral("note,in,noted,2024-05-01T10:00:00Z,")
                                  << QStringLiteral(
                                         "A note records what we did or learned; it cannot be "
                                         "inbound.");
    QTest::newRow("notes too long")
        << QStringLiteral("email,out,sent,2024-05-01T10:00:00Z,")
            + QString(maxTouchNotesLength + 1, QLatin1Char('x'))
        << QStringLiteral("Notes are limited to %1 characters.").arg(maxTouchNotesLength);
}

void TestTouchImport::refusedTouches()
{
    QFETCH(QString, row);
    QFETCH(QString, reason);

    const QByteArray file = (QStringLiteral("email,channel,direction,outcome,occurred_at,notes\n"
                                            "ada@example.com,email,out,sent,"
                                            "2024-05-02T10:00:00Z,\nada@example.com,")
        + row + QLatin1Char('\n'))
                                .toUtf8();
    const ImportSummary summary = import(file);
    QCOMPARE(summary.imported, 1);
    QCOMPARE(summary.failed, (QList<RowProblem> {{3, reason}}));
    QCOMPARE(numbers(m_ada), QList<int> {1});
}

void TestTouchImport::doNotContact_data()
{
    QTest::addColumn<QStringList>("logged");
    QTest::addColumn<bool>("markedWithoutTouch"); // status set, no opt-out touch
    QTest::addColumn<QStringList>("file");
    QTest::addColumn<QList<int>>("refusedLines");
    QTest::addColumn<int>("imported");

    const QString ada = QStringLiteral("ada@example.com,");
    QTest::newRow("attempts before the stored opt-out are history")
        << QStringList {QStringLiteral("email/in/opted_out@5")} << false
        << QStringList {ada + QStringLiteral("email/out/sent@1"),
               ada + QStringLiteral("phone/out/no_answer@3"),
               ada + QStringLiteral("email/out/sent@6"), ada + QStringLiteral("email/in/replied@7"),
               ada + QStringLiteral("note/out/noted@8")}
        << QList<int> {4} << 4;
    QTest::newRow("the file's own opt-out")
        << QStringList() << false
        << QStringList {ada + QStringLiteral("email/out/sent@1"),
               ada + QStringLiteral("phone/in/opted_out@2"),
               ada + QStringLiteral("meeting/out/meeting_held@3"),
               ada + QStringLiteral("sms/out/sent@4")}
        << QList<int> {4, 5} << 2;
    QTest::newRow("marked without an opt-out touch")
        << QStringList() << true
        << QStringList {ada + QStringLiteral("email/out/sent@1"),
               ada + QStringLiteral("email/in/replied@2")}
        << QList<int> {2} << 1;
}

void TestTouchImport::doNotContact()
{
    QFETCH(QStringList, logged);
    QFETCH(bool, markedWithoutTouch);
    QFETCH(QStringList, file);
    QFETCH(QList<int>, refusedLines);
    QFETCH(int, imported);

    if (markedWithoutTouch)
        QVERIFY(markDoNotContactWithoutTouch());
    QVERIFY(logTouches(logged));
    verifyRefusedForDoNotContact(file, imported, refusedLines);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(prospect(m_ada).status, ProspectStatus::DoNotContact);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchImport::liftedDoNotContact_data()
{
    QTest::addColumn<QStringList>("logged");
    QTest::addColumn<bool>("markedWithoutTouch");
    QTest::addColumn<QStringList>("file");
    QTest::addColumn<QList<int>>("refusedLines");
    QTest::addColumn<int>("imported");
    QTest::addColumn<ProspectStatus>("status");

    // Do-not-contact is lifted on day 10.
    const QString ada = QStringLiteral("ada@example.com,");
    QTest::newRow("the file repeats the stored opt-out, and has an older one")
        << QStringList {QStringLiteral("email/in/opted_out@5")} << false
        << QStringList {ada + QStringLiteral("email/out/sent@1"),
               ada + QStringLiteral("phone/in/opted_out@2"),
               ada + QStringLiteral("email/in/opted_out@5"),
               ada + QStringLiteral("email/out/sent@8"),
               ada + QStringLiteral("phone/out/no_answer@9")}
        << QList<int>() << 4 << ProspectStatus::New;
    QTest::newRow("the opt-out is only in the file")
        << QStringList() << true
        << QStringList {ada + QStringLiteral("phone/in/opted_out@4"),
               ada + QStringLiteral("email/out/sent@6"), ada + QStringLiteral("sms/out/sent@9")}
        << QList<int>() << 3 << ProspectStatus::New;
    QTest::newRow("an opt-out after the lift counts")
        << QStringList {QStringLiteral("email/in/opted_out@5")} << false
        << QStringList {ada + QStringLiteral("email/out/sent@8"),
               ada + QStringLiteral("email/in/opted_out@11"),
               ada + QStringLiteral("email/out/sent@12")}
        << QList<int> {4} << 2 << ProspectStatus::DoNotContact;
}

void TestTouchImport::liftedDoNotContact()
{
    QFETCH(QStringList, logged);
    QFETCH(bool, markedWithoutTouch);
    QFETCH(QStringList, file);
    QFETCH(QList<int>, refusedLines);
    QFETCH(int, imported);
    QFETCH(ProspectStatus, status);

    if (markedWithoutTouch)
        QVERIFY(markDoNotContactWithoutTouch());
    QVERIFY(logTouches(logged));
    Error error;
    QVERIFY2(TouchRepository(m_file->db()).liftDoNotContact(m_ada, m_me, &error),
        qPrintable(error.message));
    QVERIFY(Test::execSql(m_file->db(),
        QStringLiteral("UPDATE prospect_events SET occurred_at = ? WHERE kind = ?"),
        {Database::toDbTime(day(10)), eventKindKey(ProspectEventKind::DoNotContactLifted)}));

    verifyRefusedForDoNotContact(file, imported, refusedLines);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(prospect(m_ada).status, status);
    QCOMPARE(Test::consistencyProblems(m_file->db()), QStringList());
}

void TestTouchImport::authors()
{
    const QString ada = QStringLiteral("ada@example.com,");
    QSignalSpy changed(&m_file->db(), &Database::changed);
    const ImportSummary summary = import(touchFile({
        ada + QStringLiteral("email/out/sent@1,,Grace Hopper"),
        ada + QStringLiteral("email/out/sent@2,,"),
        ada + QStringLiteral("email/out/sent@3,, me "), // an existing user, another case
        ada + QStringLiteral("email/out/sent@4,,grace hopper"),
        QStringLiteral("zoe@example.com,email/out/sent@5,,Ghost"), // no such prospect
    }));
    QCOMPARE(summary.imported, 4);
    QCOMPARE(summary.failed.size(), 1);

    Error error;
    const qint64 grace = UserRepository(m_file->db()).find(QStringLiteral("Grace Hopper"), &error);
    QVERIFY(grace);
    QList<Touch> touches;
    QVERIFY(TouchRepository(m_file->db()).listForProspect(m_ada, &touches, &error));
    QList<qint64> authorIds;
    for (const Touch &touch : std::as_const(touches))
        authorIds.append(touch.authorId);
    QCOMPARE(authorIds, (QList<qint64> {grace, m_me, m_me, grace}));
    // The author of a row that was not imported is not added.
    QList<User> users;
    QVERIFY(UserRepository(m_file->db()).list(&users, &error));
    QCOMPARE(users.size(), 2);

    // One signal, after the commit, for everything the import changed.
    QCOMPARE(changed.size(), 1);
    const auto tables = changed.first().first().value<Database::Tables>();
    QVERIFY(tables.testFlag(Database::Table::Touches));
    QVERIFY(tables.testFlag(Database::Table::Prospects));
    QVERIFY(tables.testFlag(Database::Table::Users));
}

void TestTouchImport::dryRunWritesNothing()
{
    const QString ada = QStringLiteral("ada@example.com,");
    const QByteArray file = touchFile({ada + QStringLiteral("email/out/sent@1,,New Person"),
        ada + QStringLiteral("email/in/opted_out@2"), ada + QStringLiteral("email/out/sent@3"),
        ada + QStringLiteral("email/in/opted_out@2"),
        QStringLiteral("zoe@example.com,") + QStringLiteral("email/out/sent@1")});
    const QList<QVariantList> before = dump();
    QSignalSpy changed(&m_file->db(), &Database::changed);

    const ImportSummary dry = import(file, true);
    QCOMPARE(dump(), before);
    QCOMPARE(changed.size(), 0);

    // The counts are those of the real run.
    const ImportSummary real = import(file, false);
    QCOMPARE(dry.imported, 2);
    QCOMPARE(dry.imported, real.imported);
    QCOMPARE(dry.skipped, 1);
    QCOMPARE(dry.skipped, real.skipped);
    QCOMPARE(dry.failed.size(), 2);
    QCOMPARE(dry.failed, real.failed);
    QVERIFY(dump() != before);
}

void TestTouchImport::cancelRollsBack()
{
    QStringList specs;
    specs.append(QStringLiteral("zoe@example.com,email/out/sent@1")); // no such prospect
    for (int minute = 0; minute < 1200; ++minute)
        specs.append(QStringLiteral("ada@example.com,email/out/sent@1"));
    // Distinct times, so that none is a duplicate.
    QList<TouchImportRow> rows = readBytes(touchFile(specs)).rows;
    QCOMPARE(rows.size(), 1201);
    for (int i = 1; i < rows.size(); ++i)
        rows[i].touch.occurredAt = day(1).addSecs(60 * i);

    const QList<QVariantList> before = dump();
    QList<std::pair<int, int>> calls;
    ImportSummary summary;
    Error error;
    QCOMPARE(applyNotingProgress(rows, 2, &calls, &summary, &error), ImportResult::Cancelled);
    QCOMPARE(error.kind, Error::Kind::None);
    QCOMPARE(calls, (QList<std::pair<int, int>> {{501, 1201}, {1001, 1201}}));
    QCOMPARE(dump(), before);

    // Without cancelling, every call comes, the last one at the end.
    calls.clear();
    QCOMPARE(applyNotingProgress(rows, 0, &calls, &summary, &error), ImportResult::Finished);
    QCOMPARE(calls, (QList<std::pair<int, int>> {{501, 1201}, {1001, 1201}, {1201, 1201}}));
    QCOMPARE(summary.imported, 1200);
    QCOMPARE(prospect(m_ada).touchCount, 1200);
}

QTEST_GUILESS_MAIN(TestTouchImport)
#include "tst_touchimport.moc"
