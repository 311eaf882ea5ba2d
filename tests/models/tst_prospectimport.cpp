#include "TestData.h"
#include "TestDatabase.h"
#include "io/ProspectImport.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Test::TestDatabase;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(TOUCHLINE_TEST_DATA "/") + name;
}

// A table as ProspectFileReader would read it, for the cases no real file needs.
ImportTable tableOf(const QStringList &header, const QList<QStringList> &rows,
    ImportPreset preset = ImportPreset::Spreadsheet)
{
    ImportTable table;
    table.preset = preset;
    table.header = header;
    table.headerLine = 1;
    table.mapping = ProspectFileReader::mapColumns(header, preset);
    int line = 2;
    for (const QStringList &row : rows)
        table.rows.append({line++, row});
    return table;
}

QStringList prospectValues(const Prospect &p)
{
    return {p.firstName, p.lastName, p.company, p.title, p.email, p.phone, p.linkedInUrl};
}

QString problemsText(const QList<RowProblem> &problems)
{
    QStringList lines;
    for (const RowProblem &problem : problems)
        lines.append(QString::number(problem.line) + QLatin1String(": ") + problem.reason);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestProspectImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsAreRecognised_data();
    void presetsAreRecognised();
    void chosenPresetOverridesDetection();
    void mapColumns_data();
    void mapColumns();
    void cellsBecomeProspects_data();
    void cellsBecomeProspects();
    void badRowsAreListed_data();
    void badRowsAreListed();
    void undecodableRowsAreRefused();
    void unreadableFilesAreRefused_data();
    void unreadableFilesAreRefused();
    void keysRoundTrip();

    void newProspectsAreStored();
    void duplicatesFollowTheChosenAction_data();
    void duplicatesFollowTheChosenAction();
    void linkedInProfileMatchesWithoutEmail();
    void repeatedRowsInTheFileAreListed();
    void profileOfARowWithEmailIsRemembered();
    void applyMatchesTheFileAsItIsNow();
    void dryRunWritesNothing();
    void cancelLeavesTheFileAsItWas();
    void readOnlyFileFails();
};

void TestProspectImport::presetsAreRecognised_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportPreset>("preset");
    QTest::addColumn<int>("headerLine");
    QTest::addColumn<int>("count");
    // The first prospect: first, last, company, title, email, phone, LinkedIn.
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("owner");

    QTest::newRow("LinkedIn") << QStringLiteral("presets/linkedin-connections.csv")
                              << ImportPreset::LinkedIn << 4 << 2
                              << QStringList {QStringLiteral("Amara"), QStringLiteral("Okafor"),
                                     QStringLiteral("Brightpath"),
                                     QStringLiteral("Head of Revenue Operations"),
                                     QStringLiteral("amara.okafor@brightpath.io"), QString(),
                                     QStringLiteral(
                                         "https://www.linkedin.com/in/amara-okafor-3b1a2")}
                              << QString() << QString();
    QTest::newRow("Google")
        << QStringLiteral("presets/google-contacts.csv") << ImportPreset::Google << 1 << 2
        << QStringList {QStringLiteral("Sofia"), QStringLiteral("Marques"),
               QStringLiteral("Lusitania Foods"), QStringLiteral("Procurement Lead"),
               QStringLiteral("sofia.marques@lusitania.pt"), QStringLiteral("+351 912 345 678"),
               QStringLiteral("https://www.linkedin.com/in/sofia-marques")}
        << QStringLiteral("Met at the Lisbon trade fair.\nPrefers calls.\nOther email "
                          "addresses: s.marques@gmail.com, sofia.home@example.org")
        << QString();
    QTest::newRow("Google, older format")
        << QStringLiteral("presets/google-contacts-legacy.csv") << ImportPreset::Google << 1 << 1
        << QStringList {QStringLiteral("Ines"), QStringLiteral("Duarte"),
               QStringLiteral("Portomar"), QStringLiteral("Export Manager"),
               QStringLiteral("ines.duarte@portomar.pt"), QStringLiteral("+351 22 123 4567"),
               QString()}
        << QString() << QString();
    QTest::newRow("Outlook") << QStringLiteral("presets/outlook-contacts.csv")
                             << ImportPreset::Outlook << 1 << 1
                             << QStringList {QStringLiteral("Margaret"), QStringLiteral("Holloway"),
                                    QStringLiteral("Fenwick Partners"),
                                    QStringLiteral("Managing Partner"),
                                    QStringLiteral("m.holloway@fenwick-partners.co.uk"),
                                    QStringLiteral("+44 20 7946 0123"), QString()}
                             << QStringLiteral(
                                    "Prefers email before 10am\nOther email addresses: "
                                    "maggie.h@outlook.com\nOther phone numbers: +44 7700 "
                                    "900456\nWeb addresses: https://fenwick-partners.co.uk")
                             << QString();
    QTest::newRow("HubSpot") << QStringLiteral("presets/hubspot-contacts.csv")
                             << ImportPreset::HubSpot << 1 << 2
                             << QStringList {QStringLiteral("Priya"), QStringLiteral("Raman"),
                                    QStringLiteral("Quantaloop"), QStringLiteral("VP Engineering"),
                                    QStringLiteral("priya.raman@quantaloop.com"),
                                    QStringLiteral("+1 (415) 555-0142"), QString()}
                             << QString() << QStringLiteral("Maya Chen");
    QTest::newRow("Salesforce contacts")
        << QStringLiteral("presets/salesforce-contacts.csv") << ImportPreset::Salesforce << 1 << 1
        << QStringList {QStringLiteral("Olusegun"), QStringLiteral("Adeyemi"),
               QStringLiteral("Lagos Harbour Trust"), QStringLiteral("Chief Financial Officer"),
               QStringLiteral("o.adeyemi@lht.ng"), QStringLiteral("+234 1 234 5678"), QString()}
        << QStringLiteral("Asked for pricing in Q3") << QStringLiteral("Maya Chen");
    QTest::newRow("Salesforce leads")
        << QStringLiteral("presets/salesforce-leads.csv") << ImportPreset::Salesforce << 1 << 1
        << QStringList {QStringLiteral("Chloé"), QStringLiteral("Lambert"),
               QStringLiteral("Atelier Lumen"), QStringLiteral("Directrice commerciale"),
               QStringLiteral("chloe.lambert@atelierlumen.fr"), QStringLiteral("+33 6 12 34 56 78"),
               QString()}
        << QString() << QString();
    QTest::newRow("spreadsheet, English")
        << QStringLiteral("presets/spreadsheet-en.csv") << ImportPreset::Spreadsheet << 1 << 2
        << QStringList {QStringLiteral("Helen"), QStringLiteral("Carter"),
               QStringLiteral("Carter & Sons"), QStringLiteral("Owner"),
               QStringLiteral("helen@carterandsons.com"), QStringLiteral("020 7946 0958"),
               QStringLiteral("https://linkedin.com/in/helencarter")}
        << QStringLiteral("Warm intro from Sam; call after the 15th") << QString();
    QTest::newRow("spreadsheet, French")
        << QStringLiteral("presets/spreadsheet-fr.csv") << ImportPreset::Spreadsheet << 1 << 1
        << QStringList {QStringLiteral("Élodie"), QStringLiteral("Fontaine"),
               QStringLiteral("Boulangeries Réunies"), QStringLiteral("Responsable achats"),
               QStringLiteral("elodie.fontaine@boulangeries-reunies.fr"),
               QStringLiteral("01 23 45 67 89"), QString()}
        << QStringLiteral("Rappeler en janvier") << QString();
    QTest::newRow("spreadsheet, German")
        << QStringLiteral("presets/spreadsheet-de.tsv") << ImportPreset::Spreadsheet << 1 << 1
        << QStringList {QStringLiteral("Jürgen"), QStringLiteral("Schäfer"),
               QStringLiteral("Müller Maschinenbau AG"), QStringLiteral("Einkaufsleiter"),
               QStringLiteral("j.schaefer@mueller-mb.de"), QStringLiteral("+49 89 1234567"),
               QString()}
        << QStringLiteral("Messe München") << QString();
    QTest::newRow("Touchline export")
        << QStringLiteral("presets/touchline-export.csv") << ImportPreset::Touchline << 1 << 1
        << QStringList {QStringLiteral("Nadia"), QStringLiteral("Haddad"),
               QStringLiteral("Cedar Analytics"), QStringLiteral("Head of Data"),
               QStringLiteral("nadia@cedar-analytics.com"), QStringLiteral("+961 1 234 567"),
               QStringLiteral("https://www.linkedin.com/in/nadiahaddad")}
        << QString() << QStringLiteral("Maya Chen");
    QTest::newRow("no header") << QStringLiteral("presets/no-header.csv")
                               << ImportPreset::Spreadsheet << 0 << 2
                               << QStringList {QString(), QString(), QString(), QString(),
                                      QStringLiteral("ana.silva@rioverde.com.br"),
                                      QStringLiteral("+55 11 91234-5678"), QString()}
                               << QString() << QString();
    QTest::newRow("vCard") << QStringLiteral("vcard/apple-3.0.vcf") << ImportPreset::VCard << 0 << 3
                           << QStringList {QStringLiteral("Jane"), QStringLiteral("Doe"),
                                  QStringLiteral("Acme, Inc., Sales"),
                                  QStringLiteral("Head of Sales"),
                                  QStringLiteral("jane@home.example"),
                                  QStringLiteral("+1 555 0199"),
                                  QStringLiteral("https://www.linkedin.com/in/janedoe")}
                           << QStringLiteral(
                                  "Met at the trade fair, booth 12.\nFollow up in spring; bring "
                                  "samples. This note is long enough that the address book "
                                  "folded it over two lines.\nOther email addresses: "
                                  "jane.doe@acme.example\nOther phone numbers: +1 555 0100")
                           << QString();
}

void TestProspectImport::presetsAreRecognised()
{
    QFETCH(QString, file);
    QFETCH(ImportPreset, preset);
    QFETCH(int, headerLine);
    QFETCH(int, count);
    QFETCH(QStringList, first);
    QFETCH(QString, notes);
    QFETCH(QString, owner);

    ImportTable table;
    Error error;
    QVERIFY2(ProspectFileReader::readFile(dataFile(file), ImportPreset::Auto, &table, &error),
        qPrintable(error.message));
    QCOMPARE(presetKey(table.preset), presetKey(preset));
    QCOMPARE(table.headerLine, headerLine);
    QCOMPARE(table.mapping.size(), table.header.size());

    QList<ImportCandidate> candidates;
    QList<RowProblem> problems;
    ProspectFileReader::candidates(table, &candidates, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problemsText(problems)));
    QCOMPARE(candidates.size(), count);
    QCOMPARE(prospectValues(candidates.first().prospect), first);
    QCOMPARE(candidates.first().notes, notes);
    QCOMPARE(candidates.first().ownerName, owner);
    QCOMPARE(candidates.first().line, table.rows.first().line);
}

void TestProspectImport::chosenPresetOverridesDetection()
{
    // Under the Outlook preset "Title" is Mr or Ms and is left out; as a plain
    // spreadsheet it is the job title.
    const QByteArray bytes
        = "First Name,Last Name,Title,E-mail Address\r\nAnn,Lee,Ms.,ann@lee.io\r\n";
    for (const auto &[preset, title] : {std::pair {ImportPreset::Outlook, QString()},
             std::pair {ImportPreset::Spreadsheet, QStringLiteral("Ms.")}}) {
        ImportTable table;
        Error error;
        QVERIFY2(
            ProspectFileReader::read(bytes, preset, &table, &error), qPrintable(error.message));
        QCOMPARE(presetKey(table.preset), presetKey(preset));
        QList<ImportCandidate> candidates;
        QList<RowProblem> problems;
        ProspectFileReader::candidates(table, &candidates, &problems);
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().prospect.title, title);
    }
}

void TestProspectImport::mapColumns_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<ImportPreset>("preset");
    QTest::addColumn<ImportField>("field");

    QTest::newRow("case and space")
        << QStringLiteral("  FIRST   name ") << ImportPreset::Auto << ImportField::FirstName;
    QTest::newRow("underscore") << QStringLiteral("linkedin_url") << ImportPreset::Auto
                                << ImportField::LinkedInUrl;
    QTest::newRow("hyphen") << QStringLiteral("E-Mail") << ImportPreset::Auto << ImportField::Email;
    QTest::newRow("accent") << QStringLiteral("Société") << ImportPreset::Spreadsheet
                            << ImportField::Company;
    QTest::newRow("umlaut") << QStringLiteral("Vollständiger Name") << ImportPreset::Spreadsheet
                            << ImportField::FullName;
    QTest::newRow("French nom is the last name")
        << QStringLiteral("Nom") << ImportPreset::Spreadsheet << ImportField::LastName;
    QTest::newRow("Google numbered email")
        << QStringLiteral("E-mail 3 - Value") << ImportPreset::Google << ImportField::Email;
    QTest::newRow("Google label is left out")
        << QStringLiteral("E-mail 1 - Label") << ImportPreset::Google << ImportField::Ignore;
    QTest::newRow("Outlook title")
        << QStringLiteral("Title") << ImportPreset::Outlook << ImportField::Ignore;
    QTest::newRow("Outlook job title")
        << QStringLiteral("Job Title") << ImportPreset::Outlook << ImportField::Title;
    QTest::newRow("Salesforce title")
        << QStringLiteral("Title") << ImportPreset::Salesforce << ImportField::Title;
    QTest::newRow("Salesforce lead status")
        << QStringLiteral("Status") << ImportPreset::Salesforce << ImportField::Ignore;
    QTest::newRow("LinkedIn URL") << QStringLiteral("URL") << ImportPreset::LinkedIn
                                  << ImportField::LinkedInUrl;
    QTest::newRow("HubSpot owner")
        << QStringLiteral("Contact owner") << ImportPreset::HubSpot << ImportField::Owner;
    QTest::newRow("neutralised header")
        << QStringLiteral("'=Email") << ImportPreset::Auto << ImportField::Email;
    QTest::newRow("unknown") << QStringLiteral("Favourite colour") << ImportPreset::Auto
                             << ImportField::Ignore;
    QTest::newRow("empty") << QString() << ImportPreset::Auto << ImportField::Ignore;
}

void TestProspectImport::mapColumns()
{
    QFETCH(QString, header);
    QFETCH(ImportPreset, preset);
    QFETCH(ImportField, field);
    const QList<ImportField> mapping = ProspectFileReader::mapColumns({header}, preset);
    QCOMPARE(mapping.size(), 1);
    QCOMPARE(importFieldDisplayName(mapping.first()), importFieldDisplayName(field));
}

void TestProspectImport::cellsBecomeProspects_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<QStringList>(
        "expected"); // first, last, company, title, email, phone, LinkedIn
    QTest::addColumn<QString>("notes");

    const QStringList nameOnly {QStringLiteral("Name")};
    const auto names = [](const char *first, const char *last) -> QStringList {
        return {QString::fromUtf8(first), QString::fromUtf8(last), QString(), QString(), QString(),
            QString(), QString()};
    };
    QTest::newRow("first and last") << nameOnly << QStringList {QStringLiteral("Jane Doe")}
                                    << names("Jane", "Doe") << QString();
    QTest::newRow("last, first") << nameOnly << QStringList {QStringLiteral("Doe, Jane")}
                                 << names("Jane", "Doe") << QString();
    QTest::newRow("honorific") << nameOnly << QStringList {QStringLiteral("Mme Claire Dubois")}
                               << names("Claire", "Dubois") << QString();
    QTest::newRow("particle") << nameOnly << QStringList {QStringLiteral("Ludwig van Beethoven")}
                              << names("Ludwig", "van Beethoven") << QString();
    QTest::newRow("two first names") << nameOnly << QStringList {QStringLiteral("Mary Ann Evans")}
                                     << names("Mary Ann", "Evans") << QString();
    QTest::newRow("one name") << nameOnly << QStringList {QStringLiteral("Madonna")}
                              << names("Madonna", "") << QString();
    QTest::newRow("non-Latin") << nameOnly << QStringList {QStringLiteral("山田 太郎")}
                               << names("山田", "太郎") << QString();
    QTest::newRow("first and last columns win over the full name")
        << QStringList {QStringLiteral("Name"), QStringLiteral("First name"),
               QStringLiteral("Last name")}
        << QStringList {QStringLiteral("J. Doe"), QStringLiteral("Jane"), QStringLiteral("Doe")}
        << names("Jane", "Doe") << QString();

    const QStringList email {QStringLiteral("Email")};
    const auto withEmail = [](const char *address) -> QStringList {
        return {QString(), QString(), QString(), QString(), QString::fromLatin1(address), QString(),
            QString()};
    };
    QTest::newRow("emails split by semicolons")
        << email << QStringList {QStringLiteral("a@x.io; b@y.io;c@z.io")} << withEmail("a@x.io")
        << QStringLiteral("Other email addresses: b@y.io, c@z.io");
    QTest::newRow("emails split by Google's :::")
        << email << QStringList {QStringLiteral("a@x.io ::: b@y.io")} << withEmail("a@x.io")
        << QStringLiteral("Other email addresses: b@y.io");
    QTest::newRow("invalid before valid")
        << email << QStringList {QStringLiteral("n/a, a@x.io")} << withEmail("a@x.io") << QString();
    QTest::newRow("name and address")
        << email << QStringList {QStringLiteral("Ann Lee <ann@lee.io>")} << withEmail("ann@lee.io")
        << QString();
    QTest::newRow("mailto") << email << QStringList {QStringLiteral("mailto:ann@lee.io")}
                            << withEmail("ann@lee.io") << QString();
    QTest::newRow("neutralised cell")
        << QStringList {QStringLiteral("Email"), QStringLiteral("Phone")}
        << QStringList {QStringLiteral("ann@lee.io"), QStringLiteral("'+44 20 7946 0000")}
        << QStringList {QString(), QString(), QString(), QString(), QStringLiteral("ann@lee.io"),
               QStringLiteral("+44 20 7946 0000"), QString()}
        << QString();
    QTest::newRow("phone with extension goes to the notes")
        << QStringList {QStringLiteral("Email"), QStringLiteral("Phone")}
        << QStringList {QStringLiteral("ann@lee.io"), QStringLiteral("555-0100 ext. 12")}
        << withEmail("ann@lee.io") << QStringLiteral("Other phone numbers: 555-0100 ext. 12");
    QTest::newRow("profile without scheme")
        << QStringList {QStringLiteral("Email"), QStringLiteral("LinkedIn")}
        << QStringList {QStringLiteral("ann@lee.io"), QStringLiteral("www.linkedin.com/in/annlee")}
        << QStringList {QString(), QString(), QString(), QString(), QStringLiteral("ann@lee.io"),
               QString(), QStringLiteral("https://www.linkedin.com/in/annlee")}
        << QString();
    QTest::newRow("emoji and long text are kept")
        << QStringList {QStringLiteral("Company"), QStringLiteral("Notes")}
        << QStringList {QStringLiteral("Café ☕ Crème 🚀"), QString(5000, QLatin1Char('n'))}
        << QStringList {QString(), QString(), QStringLiteral("Café ☕ Crème 🚀"), QString(),
               QString(), QString(), QString()}
        << QString(5000, QLatin1Char('n'));
}

void TestProspectImport::cellsBecomeProspects()
{
    QFETCH(QStringList, header);
    QFETCH(QStringList, row);
    QFETCH(QStringList, expected);
    QFETCH(QString, notes);

    QList<ImportCandidate> candidates;
    QList<RowProblem> problems;
    ProspectFileReader::candidates(tableOf(header, {row}), &candidates, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problemsText(problems)));
    QCOMPARE(candidates.size(), 1);
    QCOMPARE(prospectValues(candidates.first().prospect), expected);
    QCOMPARE(candidates.first().notes, notes);
}

void TestProspectImport::badRowsAreListed_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    const QStringList header {QStringLiteral("Name"), QStringLiteral("Email"),
        QStringLiteral("Status"), QStringLiteral("Created")};
    const QStringList good {QStringLiteral("Ann Lee"), QStringLiteral("ann@lee.io")};
    QTest::newRow("invalid email")
        << header << QList<QStringList> {good, {QStringLiteral("Bo"), QStringLiteral("bo@")}} << 1
        << 3 << QStringLiteral("\"bo@\" is not a valid email address");
    QTest::newRow("nothing to know them by")
        << header << QList<QStringList> {{QString(), QString(), QStringLiteral("new")}, good} << 1
        << 2 << QStringLiteral("Enter at least a name");
    QTest::newRow("unknown status")
        << header
        << QList<QStringList> {good, {QStringLiteral("Bo"), QString(), QStringLiteral("Hot")}} << 1
        << 3 << QStringLiteral("\"Hot\" is not a status");
    QTest::newRow("bad date") << header
                              << QList<QStringList> {{QStringLiteral("Bo"), QString(), QString(),
                                                         QStringLiteral("31/02/2026")},
                                     good}
                              << 1 << 2 << QStringLiteral("\"31/02/2026\" is not a date");
    QTest::newRow("too many fields") << header
                                     << QList<QStringList> {good,
                                            {QStringLiteral("Bo"), QStringLiteral("bo@x.io"),
                                                QString(), QString(), QStringLiteral("extra")}}
                                     << 1 << 3 << QStringLiteral("5 fields but the header has 4");
    QTest::newRow("name too long")
        << header << QList<QStringList> {{QString(300, QLatin1Char('x'))}, good} << 1 << 2
        << QStringLiteral("limited to 200 characters");
}

void TestProspectImport::badRowsAreListed()
{
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, rows);
    QFETCH(int, imported);
    QFETCH(int, line);
    QFETCH(QString, reason);

    QList<ImportCandidate> candidates;
    QList<RowProblem> problems;
    ProspectFileReader::candidates(tableOf(header, rows), &candidates, &problems);
    QCOMPARE(candidates.size(), imported);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().line, line);
    QVERIFY2(problems.first().reason.contains(reason), qPrintable(problems.first().reason));
}

void TestProspectImport::undecodableRowsAreRefused()
{
    ImportTable table;
    Error error;
    QVERIFY2(ProspectFileReader::readFile(dataFile(QStringLiteral("import/invalid-utf8.csv")),
                 ImportPreset::Auto, &table, &error),
        qPrintable(error.message));
    QList<ImportCandidate> candidates;
    QList<RowProblem> problems;
    ProspectFileReader::candidates(table, &candidates, &problems);
    QStringList names;
    for (const ImportCandidate &candidate : std::as_const(candidates))
        names.append(candidate.prospect.firstName);
    QCOMPARE(names, (QStringList {QStringLiteral("José"), QStringLiteral("Jürgen")}));
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).line, 3);
    QCOMPARE(problems.at(1).line, 5);
    QCOMPARE(problems.at(0).reason, ImportText::undecodableRow(table.encoding));
    QVERIFY2(problems.at(0).reason.contains(QLatin1String("not UTF-8 text")),
        qPrintable(problems.at(0).reason));
}

void TestProspectImport::unreadableFilesAreRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing") << QStringLiteral("presets/no-such-file.csv")
                             << QStringLiteral("no-such-file.csv cannot be read");
    QTest::newRow("empty") << QStringLiteral("import/empty.csv") << QStringLiteral("empty");
    QTest::newRow("binary") << QStringLiteral("import/png-renamed.csv")
                            << QStringLiteral("not a text file");
    QTest::newRow("unclosed quote")
        << QStringLiteral("import/unterminated-quote.csv") << QStringLiteral("never closed");
}

void TestProspectImport::unreadableFilesAreRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    ImportTable table;
    Error error;
    QVERIFY(!ProspectFileReader::readFile(dataFile(file), ImportPreset::Auto, &table, &error));
    QVERIFY2(error.message.contains(message, Qt::CaseInsensitive), qPrintable(error.message));
    QVERIFY2(error.message.contains(QFileInfo(file).fileName()), qPrintable(error.message));
}

void TestProspectImport::keysRoundTrip()
{
    for (const ImportPreset preset : allPresets()) {
        ImportPreset read = ImportPreset::Auto;
        QVERIFY(presetFromKey(presetKey(preset), &read));
        QCOMPARE(read, preset);
        QVERIFY(!presetDisplayName(preset).isEmpty());
    }
    for (const DuplicateAction action :
        {DuplicateAction::Skip, DuplicateAction::UpdateEmpty, DuplicateAction::Overwrite}) {
        DuplicateAction read = DuplicateAction::Skip;
        QVERIFY(duplicateActionFromKey(duplicateActionKey(action), &read));
        QCOMPARE(read, action);
    }
    ImportPreset unused;
    QVERIFY(!presetFromKey(QStringLiteral("excel"), &unused));
    QCOMPARE(allImportFields().size(), 14);
}

void TestProspectImport::newProspectsAreStored()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    const qint64 author = UserRepository(db).ensure(QStringLiteral("Maya Chen"), nullptr);

    ImportTable table;
    Error error;
    QVERIFY2(ProspectFileReader::readFile(dataFile(QStringLiteral("presets/hubspot-contacts.csv")),
                 ImportPreset::Auto, &table, &error),
        qPrintable(error.message));
    // HubSpot's file has no notes column: add one.
    table.header.append(QStringLiteral("Notes"));
    table.mapping.append(ImportField::Notes);
    table.rows.first().fields.append(QStringLiteral("Intro via Sam"));
    table.rows[1].fields[7] = QStringLiteral("Lee Park"); // an owner who is no user yet

    ProspectImporter importer(db);
    ImportPlan plan;
    QVERIFY2(importer.plan(table, &plan, &error), qPrintable(error.message));
    QCOMPARE(plan.rows.size(), 2);
    QCOMPARE(plan.duplicateCount(), 0);

    QSignalSpy changed(&db, &Database::changed);
    ImportSummary summary;
    ImportOptions options;
    options.authorId = author;
    QCOMPARE(importer.apply(plan, options, {}, &summary, &error), ImportResult::Finished);
    QCOMPARE(summary.imported, 2);
    QCOMPARE(summary.updated + summary.skipped + int(summary.failed.size()), 0);
    QCOMPARE(changed.count(), 1);

    ProspectRepository prospects(db);
    QList<qint64> ids;
    QVERIFY(prospects.ids({}, &ids, &error));
    QList<Prospect> stored;
    QVERIFY(prospects.fetch(ids, &stored, &error));
    QCOMPARE(stored.size(), 2);
    std::sort(stored.begin(), stored.end(),
        [](const Prospect &a, const Prospect &b) { return a.firstName < b.firstName; });
    QCOMPARE(stored.at(0).firstName, QStringLiteral("Priya"));
    QCOMPARE(stored.at(0).ownerId, author);
    QCOMPARE(stored.at(0).createdAt,
        QDateTime(QDate(2026, 6, 3), QTime(14, 22)).toUTC()); // local time, as written
    QCOMPARE(stored.at(0).updatedByName, QStringLiteral("Maya Chen"));
    QCOMPARE(stored.at(1).firstName, QStringLiteral("Tomás"));
    QCOMPARE(stored.at(1).ownerName, QStringLiteral("Lee Park"));
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 2);

    QList<Touch> touches;
    QVERIFY(TouchRepository(db).listForProspect(stored.at(0).id, &touches, &error));
    QCOMPARE(touches.size(), 1);
    QCOMPARE(touches.first().channel, TouchChannel::Note);
    QCOMPARE(touches.first().notes, QStringLiteral("Intro via Sam"));
    QCOMPARE(touches.first().authorId, author);
    QCOMPARE(stored.at(0).touchCount, 0);
    QVERIFY(!stored.at(0).lastTouchAt.isValid());
}

void TestProspectImport::duplicatesFollowTheChosenAction_data()
{
    QTest::addColumn<DuplicateAction>("action");
    QTest::addColumn<bool>("perRow");          // chosen for the row instead of for all
    QTest::addColumn<QStringList>("expected"); // company, title, phone of the existing prospect
    QTest::addColumn<int>("updated");
    QTest::addColumn<int>("skipped");

    const QStringList asItWas {QStringLiteral("Old Co"), QString(), QStringLiteral("+1 555 0000")};
    QTest::newRow("skip") << DuplicateAction::Skip << false << asItWas << 0 << 1;
    QTest::newRow("update empty fields")
        << DuplicateAction::UpdateEmpty << false
        << QStringList {QStringLiteral("Old Co"), QStringLiteral("CTO"),
               QStringLiteral("+1 555 0000")}
        << 1 << 0;
    QTest::newRow("overwrite") << DuplicateAction::Overwrite << false
                               << QStringList {QStringLiteral("New Co"), QStringLiteral("CTO"),
                                      QStringLiteral("+1 555 0000")}
                               << 1 << 0;
    QTest::newRow("overwrite for this row only")
        << DuplicateAction::Overwrite << true
        << QStringList {QStringLiteral("New Co"), QStringLiteral("CTO"),
               QStringLiteral("+1 555 0000")}
        << 1 << 0;
}

void TestProspectImport::duplicatesFollowTheChosenAction()
{
    QFETCH(DuplicateAction, action);
    QFETCH(bool, perRow);
    QFETCH(QStringList, expected);
    QFETCH(int, updated);
    QFETCH(int, skipped);

    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    Prospect existing = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Lee"),
        QStringLiteral("Old Co"), QStringLiteral("Ann.Lee@Example.com"));
    existing.phone = QStringLiteral("+1 555 0000");
    Error error;
    ProspectRepository prospects(db);
    QVERIFY2(prospects.add(&existing, &error), qPrintable(error.message));

    // The same address in other case; the empty phone cell never clears a value.
    const ImportTable table
        = tableOf({QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("Company"),
                      QStringLiteral("Title"), QStringLiteral("Phone")},
            {{QStringLiteral("Ann Lee"), QStringLiteral("ann.lee@example.COM"),
                 QStringLiteral("New Co"), QStringLiteral("CTO"), QString()},
                {QStringLiteral("Bo Berg"), QStringLiteral("bo@berg.se"), QString(), QString(),
                    QString()}});
    ProspectImporter importer(db);
    ImportPlan plan;
    QVERIFY2(importer.plan(table, &plan, &error), qPrintable(error.message));
    QCOMPARE(plan.duplicateCount(), 1);
    QCOMPARE(plan.rows.first().existing->id, existing.id);

    ImportOptions options;
    if (perRow) {
        options.onDuplicate = DuplicateAction::Skip;
        options.perLine.insert(2, action);
    } else {
        options.onDuplicate = action;
    }
    ImportSummary summary;
    QCOMPARE(importer.apply(plan, options, {}, &summary, &error), ImportResult::Finished);
    QCOMPARE(summary.imported, 1);
    QCOMPARE(summary.updated, updated);
    QCOMPARE(summary.skipped, skipped);

    const auto stored = prospects.get(existing.id, &error);
    QVERIFY(stored);
    QCOMPARE((QStringList {stored->company, stored->title, stored->phone}), expected);
    QCOMPARE(stored->email, existing.email);
    QCOMPARE(prospects.count(&error), 2);
}

void TestProspectImport::linkedInProfileMatchesWithoutEmail()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    Prospect existing = Test::makeProspect(QStringLiteral("Lukas"), QStringLiteral("Brandt"));
    existing.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/lukasbrandt");
    Error error;
    QVERIFY2(ProspectRepository(db).add(&existing, &error), qPrintable(error.message));

    const ImportTable table = tableOf({QStringLiteral("Name"), QStringLiteral("LinkedIn")},
        {{QStringLiteral("Lukas Brandt"), QStringLiteral("linkedin.com/in/LukasBrandt/")},
            {QStringLiteral("Other Lukas"), QStringLiteral("linkedin.com/in/lukas-other")}});
    ImportPlan plan;
    QVERIFY2(ProspectImporter(db).plan(table, &plan, &error), qPrintable(error.message));
    QCOMPARE(plan.rows.size(), 2);
    QVERIFY(plan.rows.at(0).existing);
    QCOMPARE(plan.rows.at(0).existing->id, existing.id);
    QVERIFY(!plan.rows.at(1).existing);
}

void TestProspectImport::repeatedRowsInTheFileAreListed()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const ImportTable table = tableOf({QStringLiteral("Name"), QStringLiteral("Email")},
        {{QStringLiteral("Ann Lee"), QStringLiteral("ann@lee.io")},
            {QStringLiteral("Bo Berg"), QStringLiteral("bo@berg.se")},
            {QStringLiteral("Ann L."), QStringLiteral("ANN@lee.io")}});
    ImportPlan plan;
    Error error;
    QVERIFY2(ProspectImporter(file.db()).plan(table, &plan, &error), qPrintable(error.message));
    QCOMPARE(plan.rows.size(), 2);
    QCOMPARE(plan.problems.size(), 1);
    QCOMPARE(plan.problems.first().line, 4);
    QVERIFY2(plan.problems.first().reason.contains(QLatin1String("line 2")),
        qPrintable(plan.problems.first().reason));

    ImportSummary summary;
    QCOMPARE(
        ProspectImporter(file.db()).apply(plan, {}, {}, &summary, &error), ImportResult::Finished);
    QCOMPARE(summary.imported, 2);
    QCOMPARE(summary.failed, plan.problems);
}

void TestProspectImport::profileOfARowWithEmailIsRemembered()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const ImportTable table
        = tableOf({QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("LinkedIn")},
            {{QStringLiteral("Ann Lee"), QStringLiteral("ann@lee.io"),
                 QStringLiteral("https://www.linkedin.com/in/annlee")},
                {QStringLiteral("Ann Lee"), QString(), QStringLiteral("linkedin.com/in/annlee/")}});
    ImportPlan plan;
    Error error;
    QVERIFY2(ProspectImporter(file.db()).plan(table, &plan, &error), qPrintable(error.message));
    QCOMPARE(plan.rows.size(), 1);
    QCOMPARE(plan.problems.size(), 1);
    QCOMPARE(plan.problems.first().line, 3);
    QVERIFY2(plan.problems.first().reason.contains(QLatin1String("LinkedIn profile as line 2")),
        qPrintable(plan.problems.first().reason));
}

void TestProspectImport::applyMatchesTheFileAsItIsNow()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    Prospect deletedLater = Test::makeProspect(
        QStringLiteral("Bo"), QStringLiteral("Berg"), QString(), QStringLiteral("bo@berg.se"));
    Error error;
    QVERIFY2(ProspectRepository(db).add(&deletedLater, &error), qPrintable(error.message));
    const ImportTable table = tableOf({QStringLiteral("Name"), QStringLiteral("Email")},
        {{QStringLiteral("Ann Lee"), QStringLiteral("ann@lee.io")},
            {QStringLiteral("Bo Berg"), QStringLiteral("bo@berg.se")}});
    ImportPlan plan;
    QVERIFY2(ProspectImporter(db).plan(table, &plan, &error), qPrintable(error.message));
    QVERIFY(!plan.rows.at(0).existing);
    QVERIFY(plan.rows.at(1).existing);

    // Between the plan and the import, a teammate adds Ann and deletes Bo.
    const auto teammate = file.openSecondConnection();
    QVERIFY(teammate);
    Prospect ann = Test::makeProspect(
        QStringLiteral("Ann"), QStringLiteral("Lee"), QString(), QStringLiteral("ANN@lee.io"));
    QVERIFY2(ProspectRepository(*teammate).add(&ann, &error), qPrintable(error.message));
    QVERIFY2(ProspectRepository(*teammate).remove({deletedLater.id}, nullptr, &error),
        qPrintable(error.message));

    ImportSummary summary;
    QCOMPARE(ProspectImporter(db).apply(plan, {}, {}, &summary, &error), ImportResult::Finished);
    QCOMPARE(summary.skipped, 1);  // Ann, now a duplicate
    QCOMPARE(summary.imported, 1); // Bo, now new again
    QCOMPARE(ProspectRepository(db).count(&error), 2);
}

void TestProspectImport::dryRunWritesNothing()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    ImportTable table;
    Error error;
    QVERIFY2(ProspectFileReader::readFile(dataFile(QStringLiteral("presets/google-contacts.csv")),
                 ImportPreset::Auto, &table, &error),
        qPrintable(error.message));
    ImportPlan plan;
    QVERIFY2(ProspectImporter(db).plan(table, &plan, &error), qPrintable(error.message));
    const QList<QVariantList> before = Test::tableRows(db, QStringLiteral("prospects"));

    QSignalSpy changed(&db, &Database::changed);
    ImportOptions options;
    options.dryRun = true;
    ImportSummary summary;
    QCOMPARE(
        ProspectImporter(db).apply(plan, options, {}, &summary, &error), ImportResult::Finished);
    QCOMPARE(summary.imported, 2);
    QCOMPARE(Test::tableRows(db, QStringLiteral("prospects")), before);
    QCOMPARE(Test::tableRows(db, QStringLiteral("touches")).size(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestProspectImport::cancelLeavesTheFileAsItWas()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    Database &db = file.db();
    QList<QStringList> rows;
    for (int i = 0; i < 2500; ++i)
        rows.append({QStringLiteral("Person %1").arg(i), QStringLiteral("p%1@example.com").arg(i),
            QStringLiteral("Buyer %1").arg(i)});
    const ImportTable table
        = tableOf({QStringLiteral("Name"), QStringLiteral("Email"), QStringLiteral("Owner")}, rows);
    ImportPlan plan;
    Error error;
    QVERIFY2(ProspectImporter(db).plan(table, &plan, &error), qPrintable(error.message));

    int calls = 0;
    const ImportProgress cancelLate = [&calls](int done, int total) {
        [&] { QCOMPARE(total, 2500); }();
        ++calls;
        return done < 2000; // after two batches were written
    };
    ImportSummary summary;
    QCOMPARE(ProspectImporter(db).apply(plan, {}, cancelLate, &summary, &error),
        ImportResult::Cancelled);
    QCOMPARE(calls, 3);
    QCOMPARE(Test::tableRows(db, QStringLiteral("prospects")).size(), 0);
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")).size(), 0);
}

void TestProspectImport::readOnlyFileFails()
{
    TestDatabase file;
    QVERIFY2(file.isValid(), qPrintable(file.openError().message));
    const auto readOnly = file.openSecondConnection(Database::Access::ReadOnly);
    QVERIFY(readOnly);
    const ImportTable table = tableOf({QStringLiteral("Email")}, {{QStringLiteral("a@b.io")}});
    ImportPlan plan;
    Error error;
    QVERIFY2(ProspectImporter(*readOnly).plan(table, &plan, &error), qPrintable(error.message));
    ImportSummary summary;
    QCOMPARE(
        ProspectImporter(*readOnly).apply(plan, {}, {}, &summary, &error), ImportResult::Failed);
    QCOMPARE(error.kind, Error::Kind::ReadOnly);
}

QTEST_GUILESS_MAIN(TestProspectImport)
#include "tst_prospectimport.moc"
