#include "domain/Csv.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cell_data();
    void cell();
    void plainTextUndoesNeutralising_data();
    void plainTextUndoesNeutralising();
    void recordEndsWithCrLf();
};

void TestCsv::cell_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("null") << QVariant() << QString();
    QTest::newRow("plain") << QVariant(QStringLiteral("Acme")) << QStringLiteral("Acme");
    QTest::newRow("comma") << QVariant(QStringLiteral("Doe, Jane"))
                           << QStringLiteral("\"Doe, Jane\"");
    QTest::newRow("quote") << QVariant(QStringLiteral("say \"hi\""))
                           << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("line break") << QVariant(QStringLiteral("a\nb")) << QStringLiteral("\"a\nb\"");
    QTest::newRow("formula =") << QVariant(QStringLiteral("=1+1")) << QStringLiteral("'=1+1");
    QTest::newRow("formula +") << QVariant(QStringLiteral("+33 1 23"))
                               << QStringLiteral("'+33 1 23");
    QTest::newRow("formula -") << QVariant(QStringLiteral("-2")) << QStringLiteral("'-2");
    QTest::newRow("formula @") << QVariant(QStringLiteral("@SUM(A1)"))
                               << QStringLiteral("'@SUM(A1)");
    QTest::newRow("formula tab") << QVariant(QStringLiteral("\t=1")) << QStringLiteral("'\t=1");
    QTest::newRow("formula CR") << QVariant(QStringLiteral("\r=1")) << QStringLiteral("\"'\r=1\"");
    QTest::newRow("formula with comma")
        << QVariant(QStringLiteral("=A1,B1")) << QStringLiteral("\"'=A1,B1\"");
    QTest::newRow("apostrophe before a formula")
        << QVariant(QStringLiteral("'=1")) << QStringLiteral("''=1");
    QTest::newRow("apostrophe word") << QVariant(QStringLiteral("'tis")) << QStringLiteral("'tis");
    QTest::newRow("negative number") << QVariant(-2) << QStringLiteral("-2");
    QTest::newRow("time") << QVariant(QDateTime(QDate(2026, 3, 1), QTime(9, 30), QTimeZone::utc()))
                          << QStringLiteral("2026-03-01T09:30:00Z");
}

void TestCsv::cell()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    QCOMPARE(Csv::cell(value), expected);
}

void TestCsv::plainTextUndoesNeutralising_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("read");

    for (const char *text : {"=1+1", "+33 1 23", "-x", "@me", "\tx", "\rx"})
        QTest::newRow(text) << QString::fromLatin1(text) << QString::fromLatin1(text);
    // An apostrophe someone typed stays.
    QTest::newRow("apostrophe word") << QStringLiteral("'tis") << QStringLiteral("'tis");
    QTest::newRow("lone apostrophe") << QStringLiteral("'") << QStringLiteral("'");
    QTest::newRow("apostrophe before a formula start")
        << QStringLiteral("'=1") << QStringLiteral("'=1");
    QTest::newRow("apostrophes before a formula start")
        << QStringLiteral("''+1") << QStringLiteral("''+1");
    QTest::newRow("empty") << QString() << QString();
}

void TestCsv::plainTextUndoesNeutralising()
{
    QFETCH(QString, text);
    QFETCH(QString, read);
    // Csv::cell's output without the CSV quoting, as a reader hands it over.
    QString cell = Csv::cell(text);
    if (cell.startsWith(QLatin1Char('"')))
        cell = cell.mid(1, cell.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
    QCOMPARE(Csv::plainText(cell), read);
}

void TestCsv::recordEndsWithCrLf()
{
    QCOMPARE(Csv::record({QStringLiteral("a"), 1, QVariant()}), QStringLiteral("a,1,\r\n"));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
