#include "Translations.h"
#include "io/CsvReader.h"
#include "io/TextDecoder.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <initializer_list>

using namespace Touchline;

Q_DECLARE_METATYPE(Touchline::CsvRecord)

namespace {

using Records = QList<CsvRecord>;

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TOUCHLINE_TEST_DATA "/import/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Missing fixture %s", qPrintable(name));
    return file.readAll();
}

QString fixtureText(const QString &name)
{
    DecodedText decoded;
    Error error;
    if (!TextDecoder::decode(fixture(name), &decoded, &error))
        qFatal("%s: %s", qPrintable(name), qPrintable(error.message));
    return decoded.text;
}

QStringList strings(std::initializer_list<QStringView> views)
{
    QStringList list;
    for (const QStringView view : views)
        list.append(view.toString());
    return list;
}

CsvRecord record(int line, std::initializer_list<QStringView> fields)
{
    return CsvRecord {line, strings(fields)};
}

// Record by record, so that a failure names the record.
void compareRecords(const Records &actual, const Records &expected)
{
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i) {
        const CsvRecord &got = actual.at(i);
        const CsvRecord &want = expected.at(i);
        QVERIFY2(got.line == want.line,
            qPrintable(QStringLiteral("record %1: line %2, expected %3")
                           .arg(i)
                           .arg(got.line)
                           .arg(want.line)));
        QVERIFY2(got.fields == want.fields,
            qPrintable(
                QStringLiteral("record %1: %2, expected %3")
                    .arg(i)
                    .arg(got.fields.join(QLatin1Char('|')), want.fields.join(QLatin1Char('|')))));
    }
    QCOMPARE(actual.size(), expected.size());
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<Records>("expected");

        const QChar comma(u',');
        QTest::newRow("LF") << "a,b\n1,2\n"
                            << comma << Records {record(1, {u"a", u"b"}), record(2, {u"1", u"2"})};
        QTest::newRow("CRLF, no final line break")
            << "a,b\r\n1,2" << comma << Records {record(1, {u"a", u"b"}), record(2, {u"1", u"2"})};
        QTest::newRow("lone CR (old Mac)")
            << "a,b\r1,2\r" << comma << Records {record(1, {u"a", u"b"}), record(2, {u"1", u"2"})};
        QTest::newRow("empty fields") << ",a,,\n"
                                      << comma << Records {record(1, {u"", u"a", u"", u""})};
        QTest::newRow("a single empty quoted field is a record")
            << "\"\"\nx" << comma << Records {record(1, {u""}), record(2, {u"x"})};
        QTest::newRow("blank lines skipped, lines still counted")
            << "\n\na\r\n\r\n\rb\n\n"
            << comma << Records {record(3, {u"a"}), record(6, {u"b"})};
        QTest::newRow("spaces are kept") << " a , b \n"
                                         << comma << Records {record(1, {u" a ", u" b "})};
        QTest::newRow("quoted delimiter and doubled quotes")
            << "\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n"
            << comma << Records {record(1, {u"a,b", u"say \"hi\"", u"\""})};
        QTest::newRow("line breaks inside quotes move the line count")
            << "\"1\n2\",x\n\"3\r\n4\r5\",y\nz" << comma
            << Records {
                   record(1, {u"1\n2", u"x"}), record(3, {u"3\r\n4\r5", u"y"}), record(6, {u"z"})};
        QTest::newRow("quote inside an unquoted field is text")
            << "5'10\",a\"b\"c\n"
            << comma << Records {record(1, {u"5'10\"", u"a\"b\"c"})};
        QTest::newRow("text after the closing quote is kept")
            << "\"Carol\"x,\"a\"\"\" b\n"
            << comma << Records {record(1, {u"Carolx", u"a\" b"})};
        QTest::newRow("ragged rows") << "a,b,c\n1\n1,2,3,4\n"
                                     << comma
                                     << Records {record(1, {u"a", u"b", u"c"}), record(2, {u"1"}),
                                            record(3, {u"1", u"2", u"3", u"4"})};
        QTest::newRow("semicolon: commas are text")
            << "a;1,5;\"x;y\"\n"
            << QChar(u';') << Records {record(1, {u"a", u"1,5", u"x;y"})};
        QTest::newRow("tab") << "a\tb c\t\n"
                             << QChar(u'\t') << Records {record(1, {u"a", u"b c", u""})};
        QTest::newRow("empty text") << "" << comma << Records {};
        QTest::newRow("only line breaks") << "\r\n\n\r" << comma << Records {};
        QTest::newRow("delimiter at the very end")
            << "a," << comma << Records {record(1, {u"a", u""})};
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QChar, delimiter);
        QFETCH(Records, expected);
        Records records;
        Error error;
        QVERIFY2(CsvReader::parse(text, delimiter, &records, &error), qPrintable(error.message));
        compareRecords(records, expected);
    }

    void files_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<Records>("expected");

        const QChar comma(u',');
        const Records multilingual {
            record(1, {u"Name", u"Company", u"City"}),
            record(2, {u"山田 太郎", u"株式会社トヨタ", u"東京"}),
            record(3, {u"محمد العلي", u"شركة المراعي", u"الرياض"}),
            record(4, {u"Иван Петров", u"Газпром", u"Москва"}),
            record(5, {u"Zoë 🎉 Smith", u"Café ☕ & Co", u"Zürich 🇨🇭"}),
        };
        QTest::newRow("UTF-8") << "utf8.csv" << comma << multilingual;
        QTest::newRow("UTF-8 with BOM") << "utf8-bom.csv" << comma << multilingual;
        QTest::newRow("UTF-16LE with BOM") << "utf16le-bom.csv" << comma << multilingual;
        QTest::newRow("UTF-16BE with BOM") << "utf16be-bom.csv" << comma << multilingual;
        QTest::newRow("UTF-16LE without BOM, tabs")
            << "utf16le-nobom.csv" << QChar(u'\t')
            << Records {record(1, {u"First Name", u"Last Name", u"E-mail Address"}),
                   record(2, {u"José", u"García", u"jose@example.com"}),
                   record(3, {u"Anna", u"Müller", u"anna@example.de"})};
        QTest::newRow("Windows-1252")
            << "windows1252.csv" << comma
            << Records {record(1, {u"Name", u"Note"}), record(2, {u"Renée", u"Budget 500 €"}),
                   record(3, {u"O’Brien", u"It’s done"})};
        QTest::newRow("CRLF") << "crlf.csv" << comma
                              << Records {record(1, {u"id", u"name"}), record(2, {u"1", u"Alice"}),
                                     record(3, {u"2", u"Bob"})};
        QTest::newRow("quotes and line breaks in cells")
            << "quotes.csv" << comma
            << Records {record(1, {u"name", u"quote", u"notes"}),
                   record(
                       2, {u"Smith, Anna", u"She said \"hello\" to me", u"line one\r\nline two"}),
                   record(4, {u"Bob", u"5'10\" tall", u"a\nb\nc"}),
                   record(7, {u"Carolx", u"", u"end"})};
        QTest::newRow("empty lines")
            << "empty-lines.csv" << comma
            << Records {record(1, {u"a", u"b"}), record(3, {u"1", u"2"}), record(6, {u"3", u"4"})};
        QTest::newRow("ragged rows")
            << "ragged.csv" << comma
            << Records {record(1, {u"a", u"b", u"c"}), record(2, {u"1"}), record(3, {u"1", u"2"}),
                   record(4, {u"1", u"2", u"3", u"4"}), record(5, {u"", u""})};
        QTest::newRow("invalid UTF-8 replaced")
            << "invalid-utf8.csv" << comma
            << Records {record(1, {u"Name", u"City"}), record(2, {u"José", u"Málaga"}),
                   record(3, {u"Ren\uFFFDe", u"Paris"}), record(4, {u"Jürgen", u"Köln"}),
                   record(5, {u"Bad \uFFFD", u"End"})};
        QTest::newRow("semicolon, decimal commas")
            << "semicolon.csv" << QChar(u';')
            << Records {record(1, {u"Name", u"Betrag", u"Stadt"}),
                   record(2, {u"Müller", u"3,50", u"Köln"}),
                   record(3, {u"Weber; Hans", u"12,00", u"Berlin"})};
        QTest::newRow("tab, commas in text")
            << "tab.csv" << QChar(u'\t')
            << Records {record(1, {u"Name", u"Email", u"Notes"}),
                   record(2, {u"Ann", u"ann@example.com", u"Likes, commas"}),
                   record(3, {u"Ben", u"ben@example.com", u"Tab\tinside"})};
        QTest::newRow("long field")
            << "long-field.csv" << comma
            << Records {record(1, {u"id", u"bio"}),
                   record(2, {u"1", QStringLiteral("0123456789").repeated(10000)}),
                   record(3, {u"2", u"short"})};
    }

    // What an import does with a file: decode, detect, parse.
    void files()
    {
        QFETCH(QString, file);
        QFETCH(QChar, delimiter);
        QFETCH(Records, expected);
        const QString text = fixtureText(file);
        QCOMPARE(CsvReader::detectDelimiter(text), delimiter);
        Records records;
        Error error;
        QVERIFY2(CsvReader::parse(text, delimiter, &records, &error), qPrintable(error.message));
        compareRecords(records, expected);
    }

    void unclosedQuote_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");

        QTest::newRow("fixture: opens on line 3")
            << fixtureText(QStringLiteral("unterminated-quote.csv")) << 3;
        QTest::newRow("only a quote") << "\"" << 1;
        QTest::newRow("after line breaks inside an earlier quoted field")
            << "\"a\nb\nc\",x\n\n\"y" << 5;
        QTest::newRow("doubled quote at the end does not close") << "a\nb,\"c\"\"" << 2;
        QTest::newRow("second field of a later record") << "a,b\r\nc,\"d\r\ne\r\n" << 2;
    }

    void unclosedQuote()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        Records records {record(1, {u"untouched"})};
        Error error;
        QVERIFY(!CsvReader::parse(text, QLatin1Char(','), &records, &error));
        QCOMPARE(error.kind, Error::Kind::Invalid);
        QCOMPARE(error.message,
            QStringLiteral("Line %1: a quoted field is never closed (a \" is missing).").arg(line));
        QCOMPARE(records, Records {record(1, {u"untouched"})});
    }

    void detectDelimiter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("delimiter");

        QTest::newRow("comma") << "a,b,c\n1,2,3\n" << QChar(u',');
        QTest::newRow("semicolon with decimal commas")
            << "name;price;qty\nx;1,5;2\ny;2,25;3\nz;3;4\n"
            << QChar(u';');
        QTest::newRow("tab with commas in text") << "name\tnote\nAnn\tHi, there, you\nBob\tfine\n"
                                                 << QChar(u'\t');
        QTest::newRow("delimiters inside quotes do not count") << "a;\"b,c,d\"\n1;\"2,3,4\"\n"
                                                               << QChar(u';');
        QTest::newRow("every field quoted, commas inside")
            << "\"Name\";\"Betrag\"\n\"Weber, Hans\";\"12,00\"\n\"Ott, Eva\";\"1,5\"\n"
            << QChar(u';');
        QTest::newRow("quoted field across lines") << "a;b\n\"x,y\nz,w\";2\n" << QChar(u';');
        QTest::newRow("one column: comma") << "name\nAnn\nBob\n" << QChar(u',');
        QTest::newRow("empty: comma") << "" << QChar(u',');
        QTest::newRow("equal evidence: comma") << "a,b;c\n" << QChar(u',');
        QTest::newRow("more consistent wins over more fields") << "a;b,c,d,e\n1;2\n3;4,5\n6;7\n"
                                                               << QChar(u';');
        QTest::newRow("only the first 20 records count") << QStringLiteral("a;b\n").repeated(20)
                + QStringLiteral("a,b,c\n").repeated(30) << QChar(u';');
    }

    void detectDelimiter()
    {
        QFETCH(QString, text);
        QFETCH(QChar, delimiter);
        QCOMPARE(CsvReader::detectDelimiter(text), delimiter);
    }

    // The import reads files of this size; the time is printed, not asserted.
    void hundredThousandRows()
    {
        const QString row = QStringLiteral("Ann,Smith,\"Acme, Inc.\",ann@example.com,+1 555 0100,"
                                           "Boston,MA,USA,\"said \"\"hi\"\"\",2024-01-02\r\n");
        const QString text = row.repeated(100000);
        Records records;
        Error error;
        bool parsed = false;
        QBENCHMARK_ONCE
        {
            parsed = CsvReader::parse(text, QLatin1Char(','), &records, &error);
        }
        QVERIFY(parsed);
        QCOMPARE(records.size(), 100000);
        QCOMPARE(records.last().line, 100000);
        QCOMPARE(records.last().fields,
            strings({u"Ann", u"Smith", u"Acme, Inc.", u"ann@example.com", u"+1 555 0100", u"Boston",
                u"MA", u"USA", u"said \"hi\"", u"2024-01-02"}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
