// vCard files read and written (io/VCard.h): files as address books export
// them (tests/data/vcard), the edge cases of the format, and round trips.

#include "io/VCard.h"

#include <QFile>
#include <QStringDecoder>
#include <QTest>

#include <initializer_list>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::VCardContact)
Q_DECLARE_METATYPE(Touchline::Prospect)

namespace {

QStringList utf8List(std::initializer_list<const char *> values)
{
    QStringList list;
    for (const char *value : values)
        list.append(QString::fromUtf8(value));
    return list;
}

// Builds the expected cards of the data tables in one expression.
struct Card
{
    VCardContact contact;

    explicit Card(int line) { contact.line = line; }
    Card &fn(const char *value)
    {
        contact.formattedName = QString::fromUtf8(value);
        return *this;
    }
    Card &name(const char *family, const char *given)
    {
        contact.familyName = QString::fromUtf8(family);
        contact.givenName = QString::fromUtf8(given);
        return *this;
    }
    Card &org(const char *value)
    {
        contact.organization = QString::fromUtf8(value);
        return *this;
    }
    Card &title(const char *value)
    {
        contact.title = QString::fromUtf8(value);
        return *this;
    }
    Card &emails(std::initializer_list<const char *> values)
    {
        contact.emails = utf8List(values);
        return *this;
    }
    Card &phones(std::initializer_list<const char *> values)
    {
        contact.phones = utf8List(values);
        return *this;
    }
    Card &urls(std::initializer_list<const char *> values)
    {
        contact.urls = utf8List(values);
        return *this;
    }
    Card &note(const char *value)
    {
        contact.note = QString::fromUtf8(value);
        return *this;
    }
    operator VCardContact() const { return contact; }
};

using Cards = QList<VCardContact>;

// Every field of every card, one entry each, so that a failed comparison shows
// the field that differs.
QStringList described(const Cards &contacts)
{
    QStringList lines;
    for (const VCardContact &c : contacts) {
        const QString card = QStringLiteral("card at line %1: ").arg(c.line);
        lines << card + QLatin1String("FN ") + c.formattedName
              << card + QLatin1String("family ") + c.familyName
              << card + QLatin1String("given ") + c.givenName
              << card + QLatin1String("ORG ") + c.organization
              << card + QLatin1String("TITLE ") + c.title
              << card + QLatin1String("EMAIL ") + c.emails.join(QLatin1String(" | "))
              << card + QLatin1String("TEL ") + c.phones.join(QLatin1String(" | "))
              << card + QLatin1String("URL ") + c.urls.join(QLatin1String(" | "))
              << card + QLatin1String("NOTE ") + c.note;
    }
    return lines;
}

QList<int> linesOf(const QList<RowProblem> &problems)
{
    QList<int> lines;
    for (const RowProblem &problem : problems)
        lines.append(problem.line);
    return lines;
}

bool readFixture(const QString &name, QString *text)
{
    QFile file(QStringLiteral(TOUCHLINE_TEST_DATA "/vcard/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *text = QString::fromUtf8(file.readAll());
    return true;
}

const Cards appleCards {
    Card(1)
        .fn("Dr. Jane Quinn Doe PhD")
        .name("Doe", "Jane")
        .org("Acme, Inc., Sales")
        .title("Head of Sales")
        .emails({"jane@home.example", "jane.doe@acme.example"})
        .phones({"+1 555 0199", "+1 555 0100"})
        .urls({"https://www.linkedin.com/in/janedoe"})
        .note("Met at the trade fair, booth 12.\nFollow up in spring; bring samples. This note "
              "is long enough that the address book folded it over two lines."),
    Card(20)
        .fn("Globex Corporation")
        .org("Globex Corporation")
        .emails({"info@globex.example"})
        .phones({"+1 555 0123"}),
    Card(30)
        .fn("John Smith, Jr.")
        .name("Smith, Jr.", "John")
        .org("Initech")
        .title("Director, Software; Platforms")
        .emails({"john@initech.example", "jsmith@initech.example"}),
};

const Cards googleCards {
    Card(1)
        .fn("Ada Lovelace")
        .name("Lovelace", "Ada")
        .org("Analytical Engines Ltd")
        .title("Chief Mathematician")
        .emails({"ada@analytical.example", "ada.home@example.org"})
        .phones({"+44 20 7946 0000"})
        .urls({"https://www.linkedin.com/in/ada-lovelace"})
        .note("Prefers email, not calls.\nLondon time."),
    Card(15)
        .fn("Charles Babbage")
        .name("Babbage", "Charles")
        .org("Analytical Engines Ltd, Research")
        .emails({"charles@analytical.example"})
        .phones({"+44 20 7946 0001", "+44 7700 900001"}),
};

const Cards brokenCards {
    Card(6).fn("Good Card").emails({"good@example.com"}),
};

// The physical lines of written text, without their CRLF; false when a line
// does not end with CRLF or holds a lone CR.
bool crlfLines(const QString &text, QList<QByteArray> *lines)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith("\r\n"))
        return false;
    bytes.chop(2);
    *lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines->size(); ++i) {
        QByteArray &line = (*lines)[i];
        if (i + 1 < lines->size()) {
            if (!line.endsWith('\r'))
                return false;
            line.chop(1);
        }
        if (line.contains('\r'))
            return false;
    }
    return true;
}

} // namespace

class TestVCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksLikeVCard_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("begin first") << QStringLiteral("BEGIN:VCARD\r\nVERSION:3.0\r\n") << true;
        QTest::newRow("lower case") << QStringLiteral("begin:vcard\n") << true;
        QTest::newRow("after blank lines") << QStringLiteral("\n  \r\n\tBEGIN:VCARD  \n") << true;
        QTest::newRow("csv") << QStringLiteral("First name,Last name\nAda,Lovelace\n") << false;
        QTest::newRow("begin on a later line")
            << QStringLiteral("Contacts\nBEGIN:VCARD\n") << false;
        QTest::newRow("calendar") << QStringLiteral("BEGIN:VCALENDAR\r\n") << false;
        QTest::newRow("begin with a value after") << QStringLiteral("BEGIN:VCARDS\r\n") << false;
        QTest::newRow("blank") << QStringLiteral(" \n\r\n") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void looksLikeVCard()
    {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(VCard::looksLikeVCard(text), expected);
    }

    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        // "LF" or "CRLF": the file's line ends are made these before parsing.
        QTest::addColumn<QString>("lineEnds");
        QTest::addColumn<Cards>("expected");
        QTest::addColumn<QList<int>>("problemLines");

        QTest::newRow("Apple 3.0, CRLF")
            << QStringLiteral("apple-3.0.vcf") << QString() << appleCards << QList<int>();
        QTest::newRow("Apple 3.0 as LF") << QStringLiteral("apple-3.0.vcf") << QStringLiteral("LF")
                                         << appleCards << QList<int>();
        QTest::newRow("Google 3.0, LF")
            << QStringLiteral("google-3.0.vcf") << QString() << googleCards << QList<int>();
        QTest::newRow("Google 3.0 as CRLF")
            << QStringLiteral("google-3.0.vcf") << QStringLiteral("CRLF") << googleCards
            << QList<int>();
        QTest::newRow("4.0") << QStringLiteral("vcard-4.0.vcf") << QString()
                             << Cards {Card(1)
                                           .fn("Grace Hopper")
                                           .name("Hopper", "Grace")
                                           .org("US Navy, Computer Programming")
                                           .emails({"grace@home.example", "grace@navy.example"})
                                           .phones({"+1-555-555-0122;ext=7", "+1-555-555-0111",
                                               "+1-555-555-0100"})
                                           .urls({"https://www.linkedin.com/in/gracehopper"})
                                           .note("Wrote the first compiler.")}
                             << QList<int>();
        QTest::newRow("2.1 quoted-printable")
            << QStringLiteral("vcard-2.1.vcf") << QString()
            << Cards {Card(1)
                          .fn("Jürgen Müller")
                          .name("Müller", "Jürgen")
                          .org("Bäckerei Schön")
                          .title("Geschäftsführer")
                          .emails({"juergen@baeckerei.example"})
                          .phones({"+49 30 1234567", "+49 170 1234567"})
                          .note("Erster Kontakt auf der Messe.\nBitte im Frühjahr anrufen, "
                                "Grüße."),
                   Card(14)
                       .fn("王小明")
                       .name("王", "小明")
                       .emails({"wang@example.cn", "xiaoming@example.cn"})
                       .phones({"+86 10 1234 5678"})}
            << QList<int>();
        QTest::newRow("non-Latin and emoji")
            << QStringLiteral("unicode.vcf") << QString()
            << Cards {Card(1)
                          .fn("Мария Иванова")
                          .name("Иванова", "Мария")
                          .org("ООО «Ромашка»")
                          .title("Директор по продажам 🚀")
                          .emails({"maria@romashka.example"}),
                   Card(9)
                       .fn("山田 太郎")
                       .name("山田", "太郎")
                       .org("株式会社サンプル")
                       .note("よろしくお願いします 🙇‍♂️"),
                   Card(17)
                       .fn("فاطمة العلي")
                       .name("العلي", "فاطمة")
                       .emails({"fatima@example.ae"})
                       .phones({"+971 4 123 4567"})}
            << QList<int>();
        // An unclosed card, a good one, one with nothing to import, text
        // between cards, and a card cut off by the end of the file.
        QTest::newRow("broken cards")
            << QStringLiteral("broken.vcf") << QString() << brokenCards << QList<int> {2, 11, 18};
        QTest::newRow("broken cards as LF") << QStringLiteral("broken.vcf") << QStringLiteral("LF")
                                            << brokenCards << QList<int> {2, 11, 18};
        QTest::newRow("empty file")
            << QStringLiteral("empty.vcf") << QString() << Cards() << QList<int>();
    }

    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, lineEnds);
        QFETCH(Cards, expected);
        QFETCH(QList<int>, problemLines);
        QString text;
        QVERIFY2(readFixture(file, &text), qPrintable(file));
        if (!lineEnds.isEmpty()) {
            const bool hadCrlf = text.contains(QLatin1String("\r\n"));
            // Converting to what the file already has would test nothing new.
            QCOMPARE(hadCrlf, lineEnds == QLatin1String("LF"));
            text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            if (lineEnds == QLatin1String("CRLF"))
                text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
        }
        QList<VCardContact> contacts;
        QList<RowProblem> problems;
        VCard::parse(text, &contacts, &problems);
        QCOMPARE(described(contacts), described(expected));
        QCOMPARE(linesOf(problems), problemLines);
        QCOMPARE(VCard::looksLikeVCard(text), !expected.isEmpty() && expected.first().line == 1);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Cards>("expected");
        QTest::addColumn<QList<int>>("problemLines");

        QTest::newRow("minimal") << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEND:VCARD\n")
                                 << Cards {Card(1).fn("Ada")} << QList<int>();
        QTest::newRow("no line end at the end of the text")
            << QStringLiteral("BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD") << Cards {Card(1).fn("Ada")}
            << QList<int>();
        QTest::newRow("CR line ends")
            << QStringLiteral("BEGIN:VCARD\rFN:Ada\rEMAIL:ada@example.com\rEND:VCARD\r")
            << Cards {Card(1).fn("Ada").emails({"ada@example.com"})} << QList<int>();
        QTest::newRow("mixed line ends count physical lines")
            << QStringLiteral("\r\n\nBEGIN:VCARD\r\nFN:Ada\nEND:VCARD\r\n\nBEGIN:VCARD\nFN:Bo\r\n"
                              "END:VCARD\n")
            << Cards {Card(3).fn("Ada"), Card(7).fn("Bo")} << QList<int>();
        QTest::newRow("names case-insensitive")
            << QStringLiteral("begin:vcard\nfn:Ada\nEmail;type=pref:ada@example.com\nend:VCard\n")
            << Cards {Card(1).fn("Ada").emails({"ada@example.com"})} << QList<int>();
        QTest::newRow("folded with a space and a tab")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada Love\n lace\nTIT\n\tLE:Count\n ess\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada Lovelace").title("Countess")} << QList<int>();
        QTest::newRow("folded after the line ends")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nNOTE:one\\n\n two\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").note("one\ntwo")} << QList<int>();
        QTest::newRow("escapes") << QStringLiteral(
            "BEGIN:VCARD\nFN:A\\, B\\; C\\\\D\nNOTE:x\\Ny\\nz\nEND:VCARD\n")
                                 << Cards {Card(1).fn("A, B; C\\D").note("x\ny\nz")}
                                 << QList<int>();
        QTest::newRow("escaped backslash before n")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nNOTE:C:\\\\new\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").note("C:\\new")} << QList<int>();
        QTest::newRow("N components")
            << QStringLiteral("BEGIN:VCARD\nN:Lovelace;Ada;Augusta;Lady;\nEND:VCARD\n")
            << Cards {Card(1).name("Lovelace", "Ada")} << QList<int>();
        QTest::newRow("N with escaped semicolon")
            << QStringLiteral("BEGIN:VCARD\nN:Smith\\;Jones;Ann\nEND:VCARD\n")
            << Cards {Card(1).name("Smith;Jones", "Ann")} << QList<int>();
        QTest::newRow("N with the family name only")
            << QStringLiteral("BEGIN:VCARD\nN:Plato\nEND:VCARD\n")
            << Cards {Card(1).name("Plato", "")} << QList<int>();
        QTest::newRow("ORG units joined")
            << QStringLiteral("BEGIN:VCARD\nORG:Acme;;Sales;EMEA\\, North\nEND:VCARD\n")
            << Cards {Card(1).org("Acme, Sales, EMEA, North")} << QList<int>();
        QTest::newRow("groups") << QStringLiteral(
            "BEGIN:VCARD\nitem1.FN:Ada\nitem1.EMAIL:ada@example.com\n"
            "item1.X-ABLabel:Work\nEND:VCARD\n")
                                << Cards {Card(1).fn("Ada").emails({"ada@example.com"})}
                                << QList<int>();
        QTest::newRow("TYPE=pref")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEMAIL:a@x.example\nEMAIL;TYPE=work,pref:"
                              "b@x.example\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").emails({"b@x.example", "a@x.example"})} << QList<int>();
        QTest::newRow("TYPE=WORK;TYPE=PREF")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nTEL:1\nTEL;TYPE=WORK;TYPE=PREF:2\nTEL:3\n"
                              "END:VCARD\n")
            << Cards {Card(1).fn("Ada").phones({"2", "1", "3"})} << QList<int>();
        QTest::newRow("quoted TYPE")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nTEL:1\nTEL;TYPE=\"cell,pref\":2\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").phones({"2", "1"})} << QList<int>();
        QTest::newRow("PREF ranks in 4.0")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEMAIL:a@x.example\nEMAIL;PREF=3:b@x.example\n"
                              "EMAIL;PREF=1:c@x.example\nEMAIL;PREF=3:d@x.example\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").emails(
                   {"c@x.example", "b@x.example", "d@x.example", "a@x.example"})}
            << QList<int>();
        QTest::newRow("bare 2.1 parameters")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEMAIL;INTERNET:a@x.example\n"
                              "EMAIL;INTERNET;PREF:b@x.example\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").emails({"b@x.example", "a@x.example"})} << QList<int>();
        QTest::newRow("TEL as a URI")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nTEL;VALUE=uri;TYPE=cell:tel:+1-555-0100\n"
                              "END:VCARD\n")
            << Cards {Card(1).fn("Ada").phones({"+1-555-0100"})} << QList<int>();
        QTest::newRow("EMAIL as a mailto URI")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEMAIL:mailto:ada@example.com\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").emails({"ada@example.com"})} << QList<int>();
        QTest::newRow("colon in a value")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nURL:https://example.com:8080/a\nNOTE:Time: "
                              "9:30\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").urls({"https://example.com:8080/a"}).note("Time: 9:30")}
            << QList<int>();
        QTest::newRow("several notes and URLs")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nNOTE:first\nURL:https://a.example\n"
                              "NOTE:second\nURL:https://b.example\nEND:VCARD\n")
            << Cards {Card(1)
                          .fn("Ada")
                          .urls({"https://a.example", "https://b.example"})
                          .note("first\n\nsecond")}
            << QList<int>();
        QTest::newRow("empty values skipped")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEMAIL:\nTEL: \nURL:\nNOTE:\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada")} << QList<int>();
        QTest::newRow("first FN kept")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nFN:Augusta\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada")} << QList<int>();
        QTest::newRow("unknown properties ignored")
            << QStringLiteral("BEGIN:VCARD\nVERSION:3.0\nX-FOO;X-BAR=1:baz\nPHOTO;ENCODING=b;"
                              "TYPE=JPEG:/9j/4AAQ\n AAAA==\nBDAY:1815-12-10\nFN:Ada\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada")} << QList<int>();
        QTest::newRow("quoted-printable soft breaks")
            << QStringLiteral("BEGIN:VCARD\nVERSION:2.1\nFN:Ada\nNOTE;ENCODING=QUOTED-PRINTABLE:"
                              "caf=C3=A9 =\nau lait=3D=\nyes=0D=0Ano\nEND:VCARD\n")
            << Cards {Card(1).fn("Ada").note("café au lait=yes\nno")} << QList<int>();
        QTest::newRow("quoted-printable CR and LF line breaks")
            << QStringLiteral("BEGIN:VCARD\nVERSION:2.1\nFN:Ada\nNOTE;QUOTED-PRINTABLE:a=0Db=0Ac\n"
                              "END:VCARD\n")
            << Cards {Card(1).fn("Ada").note("a\nb\nc")} << QList<int>();
        QTest::newRow("quoted-printable ISO-8859-1")
            << QStringLiteral("BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:"
                              "G=F6del;Kurt\nEND:VCARD\n")
            << Cards {Card(1).name("Gödel", "Kurt")} << QList<int>();
        QTest::newRow("quoted-printable with a stray equals sign") << QStringLiteral(
            "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:a=ZZb=4\n"
            "END:VCARD\n") << Cards {Card(1).fn("a=ZZb=4")} << QList<int>();
        QTest::newRow("equals sign ends a value that is not quoted-printable")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nURL:https://x.example/?a=\nTITLE:Countess\n"
                              "END:VCARD\n")
            << Cards {Card(1).fn("Ada").title("Countess").urls({"https://x.example/?a="})}
            << QList<int>();
        QTest::newRow("nothing to import")
            << QStringLiteral("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nTEL:+1 555 0100\nEND:VCARD\n")
            << Cards() << QList<int> {1};
        QTest::newRow("an email address is enough")
            << QStringLiteral("BEGIN:VCARD\nEMAIL:ada@example.com\nEND:VCARD\n")
            << Cards {Card(1).emails({"ada@example.com"})} << QList<int>();
        QTest::newRow("unclosed before the next card")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nBEGIN:VCARD\nFN:Bo\nEND:VCARD\n")
            << Cards {Card(3).fn("Bo")} << QList<int> {1};
        QTest::newRow("unclosed at the end")
            << QStringLiteral("BEGIN:VCARD\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\n")
            << Cards {Card(1).fn("Ada")} << QList<int> {4};
        QTest::newRow("END without BEGIN ignored")
            << QStringLiteral("END:VCARD\nFN:Nobody\nBEGIN:VCARD\nFN:Ada\nEND:VCARD\n")
            << Cards {Card(3).fn("Ada")} << QList<int>();
        QTest::newRow("text only")
            << QStringLiteral("Just a note\nwith two lines\n") << Cards() << QList<int>();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(Cards, expected);
        QFETCH(QList<int>, problemLines);
        QList<VCardContact> contacts {Card(99).fn("left over")};
        QList<RowProblem> problems {{99, QStringLiteral("left over")}};
        VCard::parse(text, &contacts, &problems);
        QCOMPARE(described(contacts), described(expected));
        QCOMPARE(linesOf(problems), problemLines);
    }

    void problemReasons()
    {
        QList<VCardContact> contacts;
        QList<RowProblem> problems;
        VCard::parse(QStringLiteral("BEGIN:VCARD\nTEL:1\nEND:VCARD\nBEGIN:VCARD\nFN:Ada\n"),
            &contacts, &problems);
        QVERIFY(contacts.isEmpty());
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).line, 1);
        QVERIFY2(problems.at(0).reason.contains(QLatin1String("nothing to import")),
            qPrintable(problems.at(0).reason));
        QCOMPARE(problems.at(1).line, 4);
        QVERIFY2(problems.at(1).reason.contains(QLatin1String("END:VCARD")),
            qPrintable(problems.at(1).reason));
    }

    void write()
    {
        Prospect jane;
        jane.firstName = QStringLiteral("Jane");
        jane.lastName = QStringLiteral("Doe");
        jane.company = QStringLiteral("Acme, Inc.");
        jane.title = QStringLiteral("VP; Sales");
        jane.email = QStringLiteral("jane@acme.example");
        jane.phone = QStringLiteral("+1 555 0100");
        jane.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/janedoe");
        Prospect bo;
        bo.firstName = QStringLiteral("Bo");
        QCOMPARE(VCard::write({jane, bo}),
            QStringLiteral("BEGIN:VCARD\r\n"
                           "VERSION:3.0\r\n"
                           "N:Doe;Jane;;;\r\n"
                           "FN:Jane Doe\r\n"
                           "ORG:Acme\\, Inc.\r\n"
                           "TITLE:VP\\; Sales\r\n"
                           "EMAIL;TYPE=INTERNET:jane@acme.example\r\n"
                           "TEL:+1 555 0100\r\n"
                           "URL:https://www.linkedin.com/in/janedoe\r\n"
                           "END:VCARD\r\n"
                           "BEGIN:VCARD\r\n"
                           "VERSION:3.0\r\n"
                           "N:;Bo;;;\r\n"
                           "FN:Bo\r\n"
                           "END:VCARD\r\n"));
        QCOMPARE(VCard::write({}), QString());
    }

    void roundTrip_data()
    {
        QTest::addColumn<Prospect>("prospect");
        QTest::addColumn<QString>("formattedName");
        QTest::addColumn<bool>("folds"); // whether some line is long enough to fold

        const auto prospect
            = [](const char *first, const char *last, const char *company, const char *title,
                  const char *email, const char *phone, const char *url) {
                  Prospect p;
                  p.firstName = QString::fromUtf8(first);
                  p.lastName = QString::fromUtf8(last);
                  p.company = QString::fromUtf8(company);
                  p.title = QString::fromUtf8(title);
                  p.email = QString::fromUtf8(email);
                  p.phone = QString::fromUtf8(phone);
                  p.linkedInUrl = QString::fromUtf8(url);
                  return p;
              };
        QTest::newRow("every field") << prospect("Jane", "Doe", "Acme", "Head of Sales",
            "jane@acme.example", "+1 555 0100", "https://www.linkedin.com/in/janedoe")
                                     << QStringLiteral("Jane Doe") << false;
        QTest::newRow("commas and semicolons") << prospect("Ann; Marie", "Smith, Jr.",
            "Acme; Sons, Ltd.", "VP, Sales; EMEA", "ann@acme.example",
            "555-0100, ext. 7; ask for Ann", "https://www.linkedin.com/in/a,b;c")
                                               << QStringLiteral("Ann; Marie Smith, Jr.") << false;
        QTest::newRow("backslashes and colons") << prospect("A\\n", "B\\\\", "C:\\new", "x\\",
            "back\\slash@example.com", "\\1", "https://x.example:8080/a\\b")
                                                << QStringLiteral("A\\n B\\\\") << false;
        QTest::newRow("line breaks")
            << prospect("Jane", "Doe", "Acme\nEurope", "Head\nof\n\nSales", "", "", "")
            << QStringLiteral("Jane Doe") << false;
        QTest::newRow("non-Latin and emoji") << prospect("Мария", "Иванова", "株式会社サンプル",
            "مدير المبيعات 🚀", "maria@example.com", "", "https://www.linkedin.com/in/мария")
                                             << QStringLiteral("Мария Иванова") << false;
        QTest::newRow("long values fold")
            << prospect("Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine",
                   "The Very Long Company Name of International Business Machines and "
                   "Associates, Incorporated",
                   "Senior Vice President of Everything That Has to Do With Sales and Marketing",
                   "a.very.long.email.address.that.keeps.going@subdomain.example-company.example",
                   "+1 555 0100",
                   "https://www.linkedin.com/in/"
                   "a-very-long-profile-name-with-many-words-in-it-1234567890abcdef")
            << QStringLiteral("Wolfeschlegelsteinhausenbergerdorff Hubert Blaine") << true;
        QTest::newRow("long multi-byte values fold")
            << prospect("Александра", "Константинопольская",
                   "株式会社サンプルインターナショナルホールディングスグループ本社営業部",
                   "🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀", "", "", "")
            << QStringLiteral("Александра Константинопольская") << true;
        QTest::newRow("company only")
            << prospect("", "", "Globex", "", "info@globex.example", "", "")
            << QStringLiteral("Globex") << false;
        QTest::newRow("email only") << prospect("", "", "", "", "info@globex.example", "", "")
                                    << QStringLiteral("info@globex.example") << false;
    }

    void roundTrip()
    {
        QFETCH(Prospect, prospect);
        QFETCH(QString, formattedName);
        QFETCH(bool, folds);

        const QString text = VCard::write({prospect});
        QList<QByteArray> lines;
        QVERIFY2(crlfLines(text, &lines), qPrintable(text));
        bool folded = false;
        for (const QByteArray &line : std::as_const(lines)) {
            QVERIFY2(line.size() <= 75, line.constData());
            QStringDecoder decoder(QStringConverter::Utf8);
            const QString decoded = decoder.decode(line);
            // A whole line decodes on its own: no character was split.
            QVERIFY2(!decoder.hasError(), line.constData());
            QVERIFY(!decoded.isEmpty());
            folded = folded || line.startsWith(' ');
        }
        QCOMPARE(folded, folds);

        QList<VCardContact> contacts;
        QList<RowProblem> problems;
        VCard::parse(text, &contacts, &problems);
        QCOMPARE(linesOf(problems), QList<int>());
        QCOMPARE(contacts.size(), 1);
        const VCardContact &c = contacts.first();
        const auto listOf = [](const QString &value) {
            return value.isEmpty() ? QStringList() : QStringList {value};
        };
        QCOMPARE(c.line, 1);
        QCOMPARE(c.formattedName, formattedName);
        QCOMPARE(c.givenName, prospect.firstName);
        QCOMPARE(c.familyName, prospect.lastName);
        QCOMPARE(c.organization, prospect.company);
        QCOMPARE(c.title, prospect.title);
        QCOMPARE(c.emails, listOf(prospect.email));
        QCOMPARE(c.phones, listOf(prospect.phone));
        QCOMPARE(c.urls, listOf(prospect.linkedInUrl));
        QCOMPARE(c.note, QString());
    }

    void roundTripOfSeveral()
    {
        QList<Prospect> prospects;
        for (int i = 1; i <= 3; ++i) {
            Prospect p;
            p.firstName = QStringLiteral("First%1").arg(i);
            p.lastName = QStringLiteral("Last%1").arg(i);
            p.email = QStringLiteral("p%1@example.com").arg(i);
            prospects.append(p);
        }
        QList<VCardContact> contacts;
        QList<RowProblem> problems;
        VCard::parse(VCard::write(prospects), &contacts, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(contacts.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(contacts.at(i).line, 1 + 6 * i); // BEGIN, VERSION, N, FN, EMAIL, END
            QCOMPARE(contacts.at(i).givenName, prospects.at(i).firstName);
            QCOMPARE(contacts.at(i).emails, QStringList {prospects.at(i).email});
        }
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
