#include "Translations.h"
#include "io/TextDecoder.h"

#include <QFile>
#include <QTest>

using namespace Touchline;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TOUCHLINE_TEST_DATA "/import/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Missing fixture %s", name);
    return file.readAll();
}

const QString multilingual = QStringLiteral("Name,Company,City\n"
                                            "山田 太郎,株式会社トヨタ,東京\n"
                                            "محمد العلي,شركة المراعي,الرياض\n"
                                            "Иван Петров,Газпром,Москва\n"
                                            "Zoë 🎉 Smith,Café ☕ & Co,Zürich 🇨🇭\n");

const QString replacement(QChar::ReplacementCharacter);

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }

    void decode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("replacedLines");

        QTest::newRow("UTF-8, non-Latin scripts and emoji")
            << fixture("utf8.csv") << "UTF-8" << multilingual << QList<int>();
        QTest::newRow("UTF-8 with BOM")
            << fixture("utf8-bom.csv") << "UTF-8 with BOM" << multilingual << QList<int>();
        QTest::newRow("UTF-16LE with BOM, CRLF")
            << fixture("utf16le-bom.csv") << "UTF-16LE"
            << QString(multilingual).replace(QLatin1String("\n"), QLatin1String("\r\n"))
            << QList<int>();
        QTest::newRow("UTF-16BE with BOM")
            << fixture("utf16be-bom.csv") << "UTF-16BE" << multilingual << QList<int>();
        QTest::newRow("UTF-16LE without BOM (Outlook)")
            << fixture("utf16le-nobom.csv") << "UTF-16LE"
            << QStringLiteral("First Name\tLast Name\tE-mail Address\r\n"
                              "José\tGarcía\tjose@example.com\r\n"
                              "Anna\tMüller\tanna@example.de\r\n")
            << QList<int>();
        QTest::newRow("UTF-16BE without BOM")
            << QByteArray("\0N\0a\0m\0e\0\n\0Z\0o\0\xeb", 16) << "UTF-16BE"
            << QStringLiteral("Name\nZoë") << QList<int>();
        QTest::newRow("Cyrillic UTF-16LE without BOM: zeros only in punctuation") << QByteArray(
            "\x18\x04\x32\x04\x30\x04\x3d\x04,\0\x1f\x04\x51\x04\x42\x04\x40\x04"
            "\r\0\n\0",
            22) << "UTF-16LE" << QStringLiteral("Иван,Пётр\r\n") << QList<int>();
        QTest::newRow("Windows-1252")
            << fixture("windows1252.csv") << "Windows-1252"
            << QStringLiteral("Name,Note\r\nRenée,Budget 500 €\r\nO’Brien,It’s done\r\n")
            << QList<int>();
        QTest::newRow("Latin-1 letters alone are Windows-1252")
            << QByteArray("Fran\xe7ois,M\xfcller") << "Windows-1252"
            << QStringLiteral("François,Müller") << QList<int>();
        QTest::newRow("Windows-1252 bytes 0x80-0x9F")
            << QByteArray("\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8e\x91\x92\x93\x94"
                          "\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9e\x9f")
            << "Windows-1252" << QStringLiteral("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ") << QList<int>();
        QTest::newRow("mostly UTF-8 with bad bytes on lines 3 and 5")
            << fixture("invalid-utf8.csv") << "UTF-8"
            << QStringLiteral("Name,City\nJosé,Málaga\nRen") + replacement
                + QStringLiteral("e,Paris\nJürgen,Köln\nBad ") + replacement
                + QStringLiteral(",End\n")
            << QList<int> {3, 5};
        QTest::newRow("CR, LF and CRLF count one line each")
            << QByteArray("\xc3\xa9\xc3\xa9\xc3\xa9\r\n\xff\r\xff\n\xff") << "UTF-8"
            << QStringLiteral("ééé\r\n") + replacement + QStringLiteral("\r") + replacement
                + QStringLiteral("\n") + replacement
            << QList<int> {2, 3, 4};
        // Unicode's "maximal subpart" rule: one U+FFFD per ill-formed part.
        QTest::newRow("overlong, surrogate and cut-off sequences") << QByteArray(
            "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 \xc0\xaf|\xed\xa0\x80|\xf0\x9f\x8e")
                                                                   << "UTF-8"
                                                                   << QStringLiteral("éééééé ")
                + replacement + replacement + QStringLiteral("|") + replacement + replacement
                + replacement + QStringLiteral("|") + replacement << QList<int> {1};
        QTest::newRow("UTF-8 BOM decides even with bad bytes")
            << QByteArray("\xef\xbb\xbf\xe9t\xe9") << "UTF-8 with BOM"
            << replacement + QStringLiteral("t") + replacement << QList<int> {1};
        QTest::newRow("UTF-16LE lone surrogate and odd last byte")
            << QByteArray("\xff\xfe"
                          "a\0\n\0\x00\xd8z\0\x3c\xd8\x89\xdf!",
                   15)
            << "UTF-16LE"
            << QStringLiteral("a\n") + replacement + QStringLiteral("z🎉") + replacement
            << QList<int> {2};
        QTest::newRow("control characters are rare in text")
            << QByteArray("name,note\nAnn,tab\tform\ffeed\x1b escape and plenty more text here")
            << "UTF-8"
            << QStringLiteral("name,note\nAnn,tab\tform\ffeed\x1b escape and plenty more text here")
            << QList<int>();
    }

    void decode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, text);
        QFETCH(QList<int>, replacedLines);
        DecodedText decoded;
        Error error;
        QVERIFY2(TextDecoder::decode(bytes, &decoded, &error), qPrintable(error.message));
        QCOMPARE(decoded.encoding, encoding);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.replacedLines, replacedLines);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");

        const QString notText = QStringLiteral("This is not a text file. If it is a spreadsheet, "
                                               "save it as CSV from the spreadsheet program and "
                                               "import that file.");
        QTest::newRow("0 bytes") << fixture("empty.csv") << "The file is empty.";
        QTest::newRow("only a UTF-8 BOM") << QByteArray("\xef\xbb\xbf") << "The file is empty.";
        QTest::newRow("only a UTF-16 BOM") << QByteArray("\xff\xfe") << "The file is empty.";
        QTest::newRow("PNG renamed .csv") << fixture("png-renamed.csv") << notText;
        QTest::newRow("XLSX renamed .csv") << fixture("xlsx-renamed.csv") << notText;
        QTest::newRow("NUL byte in UTF-8") << QByteArray("a,b\n\0\n", 6) << notText;
        QTest::newRow("many control bytes")
            << QByteArray("\x01\x02\x03\x04 some text between \x05\x06\x07\x08") << notText;
        QTest::newRow("UTF-16 of control characters")
            << QByteArray("\x01\0\x02\0\x03\0\x04\0a\0", 10) << notText;
    }

    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        DecodedText decoded;
        decoded.text = QStringLiteral("untouched");
        Error error;
        QVERIFY(!TextDecoder::decode(bytes, &decoded, &error));
        QCOMPARE(error.kind, Error::Kind::Invalid);
        QCOMPARE(error.message, message);
        QCOMPARE(decoded.text, QStringLiteral("untouched"));
    }

    void everyDamagedLineOnce()
    {
        QByteArray bytes;
        QList<int> expected;
        for (int line = 1; line <= 150; ++line) {
            // Two bad bytes on every third line, none on the others.
            bytes += line % 3 == 0 ? "Jos\xc3\xa9,\xff,Bj\xc3\xb6rk,\xfe\n"
                                   : "Jos\xc3\xa9,Bj\xc3\xb6rk\n";
            if (line % 3 == 0)
                expected.append(line);
        }
        DecodedText decoded;
        Error error;
        QVERIFY2(TextDecoder::decode(bytes, &decoded, &error), qPrintable(error.message));
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(decoded.replacedLines, expected);
        QCOMPARE(decoded.text.count(replacement), 100);
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
