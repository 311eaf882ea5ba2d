// The exports of io/Exporter.h on a real file: the exact CSV they write, formula
// neutralisation that the touch reader undoes, vCards and the due calendar, and
// QSaveFile leaving no partial file when an export fails.

#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "io/Exporter.h"
#include "io/TouchImport.h"
#include "io/VCard.h"
#include "storage/CadenceRepository.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Touchline::Test::TestDatabase;

namespace {

QDateTime utc(int month, int dayOfMonth, int hour)
{
    return QDateTime(QDate(2024, month, dayOfMonth), QTime(hour, 0), QTimeZone::utc());
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(cannot read %1)").arg(path);
    return QString::fromUtf8(file.readAll());
}

const QString prospectHeader = QStringLiteral(
    "first_name,last_name,company,title,email,phone,linkedin_url,owner,status,time_zone,"
    "created_at,last_touch_at,next_due_at,touch_count\r\n");
const QString touchHeader
    = QStringLiteral("prospect_email,prospect_linkedin_url,prospect_name,channel,direction,"
                     "outcome,occurred_at,touch_number,notes,author\r\n");

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }
    void init();
    void cleanup();

    void prospectsCsv();
    void prospectsCsvOfSomeProspects();
    void touchesCsv();
    void touchesCsvOfSomeProspects();
    void formulasAreNeutralised_data();
    void formulasAreNeutralised();
    void vCards();
    void dueCalendar();
    void missingFolderLeavesNoFile_data();
    void missingFolderLeavesNoFile();
    void failedExportKeepsTheOldFile_data();
    void failedExportKeepsTheOldFile();
    void progressReportsAsItGoes_data();
    void progressReportsAsItGoes();
    void cancelKeepsTheOldFile_data();
    void cancelKeepsTheOldFile();

private:
    QString path(const QString &name) const { return m_file->dirPath() + QLatin1Char('/') + name; }
    qint64 add(Prospect prospect);
    void log(qint64 prospectId, const QString &spec, const QDateTime &at, const QString &notes,
        qint64 authorId);
    bool exportTo(const QString &kind, const QString &path, Error *error);

    bool exportWithProgress(const QString &kind, const QString &target,
        const Exporter::Progress &progress, Error *error);

    std::unique_ptr<TestDatabase> m_file;
    qint64 m_grace = 0;
    qint64 m_ada = 0;
    qint64 m_bob = 0;
};

void TestExporter::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    Error error;
    m_grace = UserRepository(m_file->db()).ensure(QStringLiteral("Grace"), &error);
    QVERIFY2(m_grace, qPrintable(error.message));

    Prospect ada = Test::makeProspect(QStringLiteral("Ada"), QStringLiteral("Lovelace"),
        QStringLiteral("Analytical Engines"), QStringLiteral("ada@example.com"));
    ada.title = QStringLiteral("Countess");
    ada.phone = QStringLiteral("+44 20 7946 0000");
    ada.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/ada");
    ada.ownerId = m_grace;
    ada.timeZone = QStringLiteral("Europe/London");
    ada.createdAt = utc(4, 1, 8);
    m_ada = add(ada);
    Prospect bob = Test::makeProspect(QStringLiteral("Bob"), QStringLiteral("Stone"),
        QStringLiteral("Stone, Inc."), QStringLiteral("bob@example.com"));
    bob.createdAt = utc(4, 2, 8);
    m_bob = add(bob);
    QVERIFY(m_ada && m_bob);

    log(m_ada, QStringLiteral("email/out/sent"), utc(5, 1, 10), QStringLiteral("Hello, Ada"),
        m_grace);
    log(m_ada, QStringLiteral("email/in/replied"), utc(5, 2, 10), QStringLiteral("Yes.\nCall me"),
        0);
    log(m_bob, QStringLiteral("phone/out/no_answer"), utc(5, 1, 9), QString(), m_grace);
}

void TestExporter::cleanup()
{
    m_file.reset();
}

qint64 TestExporter::add(Prospect prospect)
{
    Error error;
    if (!ProspectRepository(m_file->db()).add(&prospect, &error))
        qWarning().noquote() << error.message;
    return prospect.id;
}

void TestExporter::log(qint64 prospectId, const QString &spec, const QDateTime &at,
    const QString &notes, qint64 authorId)
{
    Touch touch = Test::makeTouch(prospectId, spec, at);
    touch.notes = notes;
    touch.authorId = authorId;
    Error error;
    if (!TouchRepository(m_file->db()).log(&touch, nullptr, &error))
        qWarning().noquote() << error.message;
}

bool TestExporter::exportWithProgress(
    const QString &kind, const QString &target, const Exporter::Progress &progress, Error *error)
{
    Exporter exporter(m_file->db());
    exporter.setProgress(progress);
    if (kind == QLatin1String("prospects"))
        return exporter.prospectsCsv(target, {}, error);
    if (kind == QLatin1String("touches"))
        return exporter.touchesCsv(target, {}, error);
    return exporter.vCards(target, {}, error);
}

bool TestExporter::exportTo(const QString &kind, const QString &target, Error *error)
{
    Exporter exporter(m_file->db());
    if (kind == QLatin1String("prospects"))
        return exporter.prospectsCsv(target, {}, error);
    if (kind == QLatin1String("touches"))
        return exporter.touchesCsv(target, {}, error);
    if (kind == QLatin1String("vcard"))
        return exporter.vCards(target, {}, error);
    DueFilter filter;
    filter.until = QDateTime::currentDateTimeUtc().addDays(30);
    return exporter.dueCalendar(target, filter, error);
}

void TestExporter::prospectsCsv()
{
    Error error;
    QVERIFY2(Exporter(m_file->db()).prospectsCsv(path(QStringLiteral("p.csv")), {}, &error),
        qPrintable(error.message));
    // The oldest first; times in UTC; the phone's plus sign neutralised.
    QCOMPARE(readText(path(QStringLiteral("p.csv"))),
        prospectHeader
            + QStringLiteral(
                "Ada,Lovelace,Analytical Engines,Countess,ada@example.com,'+44 20 7946 0000,"
                "https://www.linkedin.com/in/ada,Grace,replied,Europe/London,"
                "2024-04-01T08:00:00Z,2024-05-02T10:00:00Z,,1\r\n"
                "Bob,Stone,\"Stone, Inc.\",,bob@example.com,,,,new,,2024-04-02T08:00:00Z,"
                "2024-05-01T09:00:00Z,,1\r\n"));
}

void TestExporter::prospectsCsvOfSomeProspects()
{
    const QString target = path(QStringLiteral("some.csv"));
    Error error;
    QVERIFY2(
        Exporter(m_file->db()).prospectsCsv(target, {m_bob}, &error), qPrintable(error.message));
    const QStringList lines = readText(target).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 3); // header, Bob, and the empty rest after the last CRLF
    QVERIFY2(lines.at(1).startsWith(QLatin1String("Bob,Stone,")), qPrintable(lines.at(1)));

    // In the order given.
    QVERIFY(Exporter(m_file->db()).prospectsCsv(target, {m_bob, m_ada}, &error));
    const QStringList both = readText(target).split(QStringLiteral("\r\n"));
    QCOMPARE(both.size(), 4);
    QVERIFY(both.at(1).startsWith(QLatin1String("Bob,")));
    QVERIFY(both.at(2).startsWith(QLatin1String("Ada,")));
}

void TestExporter::touchesCsv()
{
    Error error;
    int written = -1;
    QVERIFY2(Exporter(m_file->db()).touchesCsv(path(QStringLiteral("t.csv")), {}, &error, &written),
        qPrintable(error.message));
    QCOMPARE(written, 3);
    // In time order across prospects; an answer has no number, a touch without an
    // author no author.
    QCOMPARE(readText(path(QStringLiteral("t.csv"))),
        touchHeader
            + QStringLiteral("bob@example.com,,Bob Stone,phone,out,no_answer,"
                             "2024-05-01T09:00:00Z,1,,Grace\r\n"
                             "ada@example.com,https://www.linkedin.com/in/ada,Ada Lovelace,"
                             "email,out,sent,2024-05-01T10:00:00Z,1,\"Hello, Ada\",Grace\r\n"
                             "ada@example.com,https://www.linkedin.com/in/ada,Ada Lovelace,"
                             "email,in,replied,2024-05-02T10:00:00Z,,\"Yes.\nCall me\",\r\n"));
}

void TestExporter::touchesCsvOfSomeProspects()
{
    const QString target = path(QStringLiteral("ada.csv"));
    Error error;
    int written = -1;
    QVERIFY2(Exporter(m_file->db()).touchesCsv(target, {m_ada}, &error, &written),
        qPrintable(error.message));
    QCOMPARE(written, 2);
    QList<TouchImportRow> rows;
    QList<RowProblem> problems;
    QVERIFY2(
        TouchFileReader::readFile(target, &rows, &problems, &error), qPrintable(error.message));
    QCOMPARE(problems, QList<RowProblem>());
    QCOMPARE(rows.size(), 2);
    for (const TouchImportRow &row : std::as_const(rows))
        QCOMPARE(row.prospectEmail, QStringLiteral("ada@example.com"));
    QCOMPARE(rows.at(1).touch.notes, QStringLiteral("Yes.\nCall me"));
}

void TestExporter::formulasAreNeutralised_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell"); // as the file holds it
    // A prospect's fields are trimmed when stored, so only notes start with white space.
    QTest::addColumn<bool>("inProspect");

    QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")")
                       << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"") << true;
    QTest::newRow("+") << QStringLiteral("+1 555 0100") << QStringLiteral("'+1 555 0100") << true;
    QTest::newRow("-") << QStringLiteral("-2+3") << QStringLiteral("'-2+3") << true;
    QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)") << true;
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1") << false;
    QTest::newRow("CR") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"") << false;
    QTest::newRow("plain") << QStringLiteral("1+1") << QStringLiteral("1+1") << true;
}

void TestExporter::formulasAreNeutralised()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QFETCH(bool, inProspect);

    // In a prospect's text fields and a touch's notes.
    Prospect risky = Test::makeProspect(QStringLiteral("Risky"), QStringLiteral("Formula"),
        inProspect ? value : QStringLiteral("Acme"), QStringLiteral("risky@example.com"));
    risky.title = risky.company;
    risky.createdAt = utc(4, 3, 8);
    const qint64 id = add(risky);
    QVERIFY(id);
    log(id, QStringLiteral("note/out/noted"), utc(5, 3, 9), value, 0);

    Error error;
    const QString prospects = path(QStringLiteral("p.csv"));
    QVERIFY2(
        Exporter(m_file->db()).prospectsCsv(prospects, {id}, &error), qPrintable(error.message));
    const QString prospectCell = inProspect ? cell : QStringLiteral("Acme");
    QCOMPARE(readText(prospects),
        prospectHeader + QStringLiteral("Risky,Formula,") + prospectCell + QLatin1Char(',')
            + prospectCell
            + QStringLiteral(",risky@example.com,,,,new,,2024-04-03T08:00:00Z,,,0\r\n"));

    const QString touches = path(QStringLiteral("t.csv"));
    QVERIFY2(Exporter(m_file->db()).touchesCsv(touches, {id}, &error), qPrintable(error.message));
    QCOMPARE(readText(touches),
        touchHeader
            + QStringLiteral("risky@example.com,,Risky Formula,note,out,noted,"
                             "2024-05-03T09:00:00Z,,")
            + cell + QStringLiteral(",\r\n"));

    // The touch reader takes the neutralising quote off again.
    QList<TouchImportRow> rows;
    QList<RowProblem> problems;
    QVERIFY2(
        TouchFileReader::readFile(touches, &rows, &problems, &error), qPrintable(error.message));
    QCOMPARE(problems, QList<RowProblem>());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().touch.notes, value);
}

void TestExporter::vCards()
{
    const QString target = path(QStringLiteral("cards.vcf"));
    Error error;
    QVERIFY2(Exporter(m_file->db()).vCards(target, {}, &error), qPrintable(error.message));
    // Every prospect, the oldest first, as VCard writes them.
    QList<Prospect> prospects;
    QVERIFY(ProspectRepository(m_file->db()).fetch({m_ada, m_bob}, &prospects, &error));
    QCOMPARE(readText(target), VCard::write(prospects));
    QCOMPARE(readText(target).count(QLatin1String("BEGIN:VCARD\r\n")), 2);

    QVERIFY(Exporter(m_file->db()).vCards(target, {m_bob}, &error));
    QVERIFY(ProspectRepository(m_file->db()).fetch({m_bob}, &prospects, &error));
    QCOMPARE(readText(target), VCard::write(prospects));
}

void TestExporter::dueCalendar()
{
    QList<Cadence> cadences;
    Error error;
    QVERIFY2(CadenceRepository(m_file->db()).list(&cadences, &error), qPrintable(error.message));
    QVERIFY(!cadences.isEmpty());
    EnrollResult result;
    QVERIFY2(EnrollmentRepository(m_file->db())
                 .enroll(cadences.first().id, {m_bob}, m_grace, &result, &error),
        qPrintable(error.message));
    QCOMPARE(result.enrolled.size(), 1);

    DueFilter filter;
    filter.until = QDateTime::currentDateTimeUtc().addDays(30);
    QList<DueItem> items;
    QVERIFY(EnrollmentRepository(m_file->db()).due(filter, &items, &error));
    QCOMPARE(items.size(), 1);

    const QString target = path(QStringLiteral("due.ics"));
    QVERIFY2(Exporter(m_file->db()).dueCalendar(target, filter, &error), qPrintable(error.message));
    const QString text = readText(target);
    QVERIFY2(text.startsWith(QLatin1String("BEGIN:VCALENDAR\r\n")), qPrintable(text));
    QCOMPARE(text.count(QLatin1String("BEGIN:VEVENT\r\n")), 1);
    QVERIFY2(text.contains(QLatin1String("Bob Stone (Stone\\, Inc.)")), qPrintable(text));

    // Nobody's steps: an empty calendar, still a valid file.
    filter.ownerId = m_grace + 1000;
    QVERIFY(Exporter(m_file->db()).dueCalendar(target, filter, &error));
    QCOMPARE(readText(target).count(QLatin1String("BEGIN:VEVENT")), 0);
    QVERIFY(readText(target).contains(QLatin1String("END:VCALENDAR\r\n")));
}

void TestExporter::missingFolderLeavesNoFile_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"prospects", "touches", "vcard", "ics"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestExporter::missingFolderLeavesNoFile()
{
    QFETCH(QString, kind);
    const QString target = path(QStringLiteral("missing/out.file"));
    Error error;
    QVERIFY(!exportTo(kind, target, &error));
    QCOMPARE(error.kind, Error::Kind::Io);
    QVERIFY2(error.message.startsWith(
                 QStringLiteral("Cannot write %1: ").arg(QDir::toNativeSeparators(target))),
        qPrintable(error.message));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("missing"))));
}

void TestExporter::failedExportKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("kind");
    // The touches are read while the file is being written; the others before.
    for (const char *kind : {"prospects", "touches", "vcard", "ics"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestExporter::failedExportKeepsTheOldFile()
{
    QFETCH(QString, kind);
    const QString target = path(QStringLiteral("export.csv"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous export\n");
    }
    const QStringList before = QDir(m_file->dirPath()).entryList(QDir::Files | QDir::Hidden);

    // A connection that fails half-way: the rows cannot be read.
    m_file->db().close();
    Error error;
    QVERIFY(!exportTo(kind, target, &error));
    QVERIFY(error.isError());
    QCOMPARE(readText(target), QStringLiteral("the previous export\n"));
    QCOMPARE(QDir(m_file->dirPath()).entryList(QDir::Files | QDir::Hidden), before);
}

void TestExporter::progressReportsAsItGoes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("added"); // prospects with one touch each, beside init()'s
    QTest::addColumn<QList<qint64>>("reported");
    QTest::addColumn<qint64>("total");

    // Prospects a page of 1,000 at a time; touches every 1,000 and at the end.
    QTest::newRow("prospects, small")
        << QStringLiteral("prospects") << 0 << QList<qint64> {2} << qint64(2);
    QTest::newRow("prospects, pages")
        << QStringLiteral("prospects") << 2500 << QList<qint64> {1000, 2000, 2502} << qint64(2502);
    QTest::newRow("vcards, pages")
        << QStringLiteral("vcard") << 2500 << QList<qint64> {1000, 2000, 2502} << qint64(2502);
    QTest::newRow("touches, small")
        << QStringLiteral("touches") << 0 << QList<qint64> {3} << qint64(3);
    QTest::newRow("touches, thousands")
        << QStringLiteral("touches") << 1997 << QList<qint64> {1000, 2000, 2000} << qint64(2000);
}

void TestExporter::progressReportsAsItGoes()
{
    QFETCH(QString, kind);
    QFETCH(int, added);
    QFETCH(QList<qint64>, reported);
    QFETCH(qint64, total);
    QCOMPARE(Test::insertProspectsWithTouches(m_file->db(), added, 1, utc(6, 1, 9)).size(), added);
    QList<qint64> done;
    QList<qint64> totals;
    Error error;
    QVERIFY2(exportWithProgress(
                 kind, path(QStringLiteral("out")),
                 [&](qint64 soFar, qint64 all) {
                     done.append(soFar);
                     totals.append(all);
                     return true;
                 },
                 &error),
        qPrintable(error.message));
    QCOMPARE(done, reported);
    QCOMPARE(totals, QList<qint64>(reported.size(), total));
}

void TestExporter::cancelKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("cancelAt"); // the report that answers "stop", from 1

    QTest::newRow("prospects, first page") << QStringLiteral("prospects") << 1;
    QTest::newRow("prospects, last page") << QStringLiteral("prospects") << 3;
    QTest::newRow("vcards") << QStringLiteral("vcard") << 2;
    QTest::newRow("touches, first thousand") << QStringLiteral("touches") << 1;
    QTest::newRow("touches, at the end") << QStringLiteral("touches") << 3;
}

void TestExporter::cancelKeepsTheOldFile()
{
    QFETCH(QString, kind);
    QFETCH(int, cancelAt);
    QCOMPARE(Test::insertProspectsWithTouches(m_file->db(), 2500, 1, utc(6, 1, 9)).size(), 2500);
    const QString target = path(QStringLiteral("out"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old export\n");
    }
    int reports = 0;
    Error error;
    QVERIFY(!exportWithProgress(
        kind, target, [&](qint64, qint64) { return ++reports < cancelAt; }, &error));
    QCOMPARE(reports, cancelAt);
    QCOMPARE(error.kind, Error::Kind::Cancelled);
    QCOMPARE(error.message, QStringLiteral("The export was cancelled; nothing was written."));
    QCOMPARE(readText(target), QStringLiteral("the old export\n"));
    QCOMPARE(QDir(m_file->dirPath()).entryList(QDir::Files).filter(QStringLiteral("out")),
        QStringList {QStringLiteral("out")});
}

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
