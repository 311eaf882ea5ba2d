// `touchline-cli import ...` and `export ...`, run as users run them: the real
// executable in a separate process. Exit codes, the printed summary and rows,
// the files written, and a round trip through a new file that loses nothing.

#include "CliRunner.h"
#include "TestData.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using Touchline::Test::CliRun;
using Touchline::Test::jsonOf;
using Touchline::Test::parseCsv;

namespace {

const QString touchHeader
    = QStringLiteral("prospect_email,prospect_linkedin_url,prospect_name,channel,direction,"
                     "outcome,occurred_at,touch_number,notes,author\r\n");
const QString prospectHeader = QStringLiteral(
    "first_name,last_name,company,title,email,phone,linkedin_url,owner,status,time_zone,"
    "created_at,last_touch_at,next_due_at,touch_count\r\n");

// Touches for the two prospects init() adds: two new, a repeat, an unknown
// prospect, and a time the reader cannot read.
const QByteArray touchFile
    = "prospect_email,prospect_linkedin_url,channel,direction,outcome,occurred_at,notes,author\n"
      "ada@example.com,,email,out,sent,2024-05-01T10:00:00Z,Intro,\n"
      "ada@example.com,,email,out,sent,2024-05-01T10:00:00Z,Intro again,\n"
      "zoe@example.com,,email,out,sent,2024-05-01T10:00:00Z,,\n"
      ",https://www.linkedin.com/in/bob,linkedin,out,sent,2024-05-02T10:00:00Z,Hi Bob,Grace\n"
      "ada@example.com,,email,out,sent,next tuesday,,\n";
// What the import prints about touchFile's rows, written at `path`.
QString touchFileErrors(const QString &path)
{
    return QStringLiteral("%1:4: No prospect has the email address zoe@example.com.\n"
                          "%1:6: \"next tuesday\" is not a time; use ISO 8601 such as "
                          "2025-01-31T09:30:00Z, or 2025-01-31 09:30 in this computer's time "
                          "zone.\n")
        .arg(path);
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(cannot read %1)").arg(path);
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestCliImportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void help_data();
    void help();
    void importTouches();
    void importTouchesDryRun();
    void importProspects();
    void importProspectsDryRunAndDuplicates();
    void importProspectsOwnerForNewOnly_data();
    void importProspectsOwnerForNewOnly();
    void failedImportAddsNoAuthor_data();
    void failedImportAddsNoAuthor();
    void exportProspects();
    void exportTouches();
    void exportVCards();
    void exportCalendar();
    void usageErrors_data();
    void usageErrors();
    void failures_data();
    void failures();
    void roundTripLosesNothing();

private:
    CliRun run(const QStringList &arguments) const { return m_cli->run(arguments); }
    CliRun cli(const QStringList &arguments) const { return m_cli->cli(arguments); }
    QString path(const QString &name) const { return m_cli->path(name); }
    QString write(const QString &name, const QByteArray &bytes) const;
    QJsonArray touches(int prospectId) const;

    std::unique_ptr<Touchline::Test::CliRunner> m_cli;
};

void TestCliImportExport::init()
{
    m_cli = std::make_unique<Touchline::Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(
        cli({QStringLiteral("prospects"), QStringLiteral("add"), QStringLiteral("--first-name"),
                QStringLiteral("Ada"), QStringLiteral("--last-name"), QStringLiteral("Lovelace"),
                QStringLiteral("--email"), QStringLiteral("ada@example.com"),
                QStringLiteral("--owner"), QStringLiteral("Grace")})
            .out,
        QStringLiteral("1\n"));
    QCOMPARE(
        cli({QStringLiteral("prospects"), QStringLiteral("add"), QStringLiteral("--first-name"),
                QStringLiteral("Bob"), QStringLiteral("--company"), QStringLiteral("=Stone"),
                QStringLiteral("--linkedin"), QStringLiteral("https://www.linkedin.com/in/bob")})
            .out,
        QStringLiteral("2\n"));
}

QString TestCliImportExport::write(const QString &name, const QByteArray &bytes) const
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning() << "cannot write" << file.fileName();
    return file.fileName();
}

QJsonArray TestCliImportExport::touches(int prospectId) const
{
    return jsonOf(
        cli({QStringLiteral("touches"), QStringLiteral("list"), QStringLiteral("--prospect"),
            QString::number(prospectId), QStringLiteral("--format"), QStringLiteral("json")}));
}

void TestCliImportExport::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QString help = QStringLiteral("--help");
    QTest::newRow("program") << QStringList {help}
                             << QStringList {QStringLiteral("import prospects"),
                                    QStringLiteral("import touches"),
                                    QStringLiteral("export prospects"),
                                    QStringLiteral("export touches"), QStringLiteral("export ics"),
                                    QStringLiteral("export vcard")};
    QTest::newRow("import") << QStringList {QStringLiteral("import"), help}
                            << QStringList {QStringLiteral("prospects"), QStringLiteral("touches")};
    QTest::newRow("export") << QStringList {QStringLiteral("export"), QStringLiteral("-h")}
                            << QStringList {QStringLiteral("prospects"), QStringLiteral("ics"),
                                   QStringLiteral("vcard")};
    QTest::newRow("import prospects")
        << QStringList {QStringLiteral("import"), QStringLiteral("prospects"), help}
        << QStringList {QStringLiteral("FILE"), QStringLiteral("--preset"),
               QStringLiteral("hubspot"), QStringLiteral("--on-duplicate"),
               QStringLiteral("overwrite"), QStringLiteral("--dry-run"), QStringLiteral("--owner")};
    QTest::newRow("import touches")
        << QStringList {QStringLiteral("import"), QStringLiteral("touches"), help}
        << QStringList {QStringLiteral("FILE"), QStringLiteral("--dry-run"),
               QStringLiteral("--author"), QStringLiteral("occurred_at")};
    QTest::newRow("export ics") << QStringList {QStringLiteral("export"), QStringLiteral("ics"),
        help} << QStringList {QStringLiteral("--owner"), QStringLiteral("--until")};
    QTest::newRow("export vcard") << QStringList {QStringLiteral("export"), QStringLiteral("vcard"),
        help} << QStringList {QStringLiteral("--search")};
}

void TestCliImportExport::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY2(result.out.startsWith(QLatin1String("Usage: touchline-cli")), qPrintable(result.out));
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(result.out.contains(mention),
            qPrintable(mention + QLatin1String(" in:\n") + result.out));
}

void TestCliImportExport::importTouches()
{
    const QString file = write(QStringLiteral("touches.csv"), touchFile);
    const CliRun imported = cli({QStringLiteral("import"), QStringLiteral("touches"), file,
        QStringLiteral("--author"), QStringLiteral("Maya")});
    // Rows that failed do not fail the command: it ran, and says which rows to fix.
    QCOMPARE(imported.exitCode, 0);
    QCOMPARE(imported.out, QStringLiteral("2 imported, 0 updated, 1 skipped, 2 failed\n"));
    QCOMPARE(imported.err, touchFileErrors(file));

    const QJsonArray ada = touches(1);
    QCOMPARE(ada.size(), 1);
    QCOMPARE(
        ada.at(0).toObject().value(QLatin1String("notes")).toString(), QStringLiteral("Intro"));
    QCOMPARE(
        ada.at(0).toObject().value(QLatin1String("author")).toString(), QStringLiteral("Maya"));
    QCOMPARE(ada.at(0).toObject().value(QLatin1String("touch_number")).toInt(), 1);
    const QJsonArray bob = touches(2);
    QCOMPARE(bob.size(), 1);
    QCOMPARE(
        bob.at(0).toObject().value(QLatin1String("author")).toString(), QStringLiteral("Grace"));
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);

    // Again: everything is already there.
    const CliRun again = cli({QStringLiteral("import"), QStringLiteral("touches"), file});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, QStringLiteral("0 imported, 0 updated, 3 skipped, 2 failed\n"));
}

void TestCliImportExport::importTouchesDryRun()
{
    const QString file = write(QStringLiteral("touches.csv"), touchFile);
    const QByteArray before = Touchline::Test::fileChecksum(m_cli->databasePath());
    const CliRun dry = cli({QStringLiteral("import"), QStringLiteral("touches"), file,
        QStringLiteral("--dry-run"), QStringLiteral("--author"), QStringLiteral("Newcomer")});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(dry.out,
        QStringLiteral(
            "2 imported, 0 updated, 1 skipped, 2 failed (dry run: nothing was written)\n"));
    QCOMPARE(dry.err, touchFileErrors(file));
    QCOMPARE(Touchline::Test::fileChecksum(m_cli->databasePath()), before);
    QCOMPARE(touches(1).size(), 0);
    QCOMPARE(touches(2).size(), 0);
    // Not even the author.
    const CliRun owners = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--owner"), QStringLiteral("Newcomer")});
    QCOMPARE(owners.exitCode, 1);
}

void TestCliImportExport::importProspects()
{
    const QString file = write(QStringLiteral("people.csv"),
        "First Name,Last Name,Company,Email Address,Phone\n"
        "Grace,Hopper,Navy,grace@example.com,+1 555 0100\n"
        "Alan,Turing,,alan@example.com,\n"
        ",,,,\n"
        "Ada,Again,,ADA@example.com,\n");
    const CliRun imported = cli({QStringLiteral("import"), QStringLiteral("prospects"), file,
        QStringLiteral("--owner"), QStringLiteral("Maya")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.startsWith(QLatin1String("2 imported, 0 updated, 1 skipped")),
        qPrintable(imported.out + imported.err));

    const QJsonArray rows = jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--owner"), QStringLiteral("Maya"), QStringLiteral("--sort"),
        QStringLiteral("last_name"), QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("email")).toString(),
        QStringLiteral("grace@example.com"));
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("last_name")).toString(),
        QStringLiteral("Turing"));
}

void TestCliImportExport::importProspectsDryRunAndDuplicates()
{
    const QString file = write(QStringLiteral("people.csv"),
        "first_name,last_name,company,title,email,phone,linkedin_url,owner,status,time_zone,"
        "created_at,last_touch_at,next_due_at,touch_count\r\n"
        "Ada,Lovelace,Analytical Engines,Countess,ada@example.com,,,Grace,new,,"
        "2024-04-01T08:00:00Z,,,0\r\n"
        "Zoe,Zed,Zed Ltd,,zoe@example.com,,,Grace,new,,2024-04-02T08:00:00Z,,,0\r\n");
    const QStringList import = {QStringLiteral("import"), QStringLiteral("prospects"), file,
        QStringLiteral("--preset"), QStringLiteral("touchline"), QStringLiteral("--on-duplicate"),
        QStringLiteral("update")};
    const CliRun dry = cli(import + QStringList {QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(dry.out,
        QStringLiteral(
            "1 imported, 1 updated, 0 skipped, 0 failed (dry run: nothing was written)\n"));
    QCOMPARE(jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("list"),
                        QStringLiteral("--format"), QStringLiteral("json")}))
                 .size(),
        2);

    const CliRun real = cli(import);
    QCOMPARE(real.exitCode, 0);
    QCOMPARE(real.out, QStringLiteral("1 imported, 1 updated, 0 skipped, 0 failed\n"));
    const QJsonObject ada
        = jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("1"),
                     QStringLiteral("--format"), QStringLiteral("json")}))
              .at(0)
              .toObject();
    // Only the fields Ada had empty took the file's values.
    QCOMPARE(ada.value(QLatin1String("company")).toString(), QStringLiteral("Analytical Engines"));
    QCOMPARE(ada.value(QLatin1String("title")).toString(), QStringLiteral("Countess"));
}

void TestCliImportExport::importProspectsOwnerForNewOnly_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("adaCompany");

    QTest::newRow("overwrite") << QStringLiteral("overwrite") << QStringLiteral("Engines");
    QTest::newRow("update") << QStringLiteral("update") << QStringLiteral("Engines");
    QTest::newRow("skip") << QStringLiteral("skip") << QString();
}

void TestCliImportExport::importProspectsOwnerForNewOnly()
{
    QFETCH(QString, action);
    QFETCH(QString, adaCompany);

    // Ada (Grace's) again, without an owner, and someone new.
    const QString file = write(QStringLiteral("people.csv"),
        "first_name,last_name,company,email\n"
        "Ada,Lovelace,Engines,ada@example.com\n"
        "Zoe,Zed,Zed Ltd,zoe@example.com\n");
    const CliRun imported = cli(
        {QStringLiteral("import"), QStringLiteral("prospects"), file, QStringLiteral("--owner"),
            QStringLiteral("Maya"), QStringLiteral("--on-duplicate"), action});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.startsWith(QLatin1String("1 imported")),
        qPrintable(imported.out + imported.err));

    const QJsonArray rows = jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(rows.size(), 3);
    QHash<QString, QJsonObject> byEmail;
    for (const QJsonValue &row : rows)
        byEmail.insert(row.toObject().value(QLatin1String("email")).toString(), row.toObject());
    const QJsonObject ada = byEmail.value(QStringLiteral("ada@example.com"));
    QCOMPARE(ada.value(QLatin1String("company")).toString(), adaCompany);
    QCOMPARE(ada.value(QLatin1String("owner")).toString(), QStringLiteral("Grace"));
    QCOMPARE(byEmail.value(QStringLiteral("zoe@example.com")).value(QLatin1String("owner")),
        QJsonValue(QStringLiteral("Maya")));
}

void TestCliImportExport::failedImportAddsNoAuthor_data()
{
    QTest::addColumn<QString>("kind"); // what is imported, and the table that refuses it
    QTest::addColumn<QByteArray>("file");

    QTest::newRow("prospects") << QStringLiteral("prospects")
                               << QByteArray("First Name,Email\nGrace,grace@example.com\n");
    QTest::newRow("touches") << QStringLiteral("touches") << touchFile;
}

// The author --author adds is part of the import's one transaction: an import
// that fails half-way leaves no new user behind.
void TestCliImportExport::failedImportAddsNoAuthor()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, file);
    {
        Touchline::Database db;
        Touchline::Error error;
        QVERIFY2(db.open(m_cli->databasePath(), Touchline::Database::Creation::MustExist,
                     Touchline::Database::Access::ReadWrite, &error),
            qPrintable(error.message));
        QVERIFY(Touchline::Test::execSql(db,
            QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON %1 "
                           "BEGIN SELECT RAISE(ABORT, 'refused by a test'); END")
                .arg(kind)));
    }
    const QString path = write(QStringLiteral("in.csv"), file);
    const CliRun imported = cli({QStringLiteral("import"), kind, path, QStringLiteral("--author"),
        QStringLiteral("Newcomer")});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains(QLatin1String("refused by a test")), qPrintable(imported.err));
    QCOMPARE(imported.out, QString());
    const CliRun owners = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--owner"), QStringLiteral("Newcomer")});
    QCOMPARE(owners.exitCode, 1);
    QVERIFY2(
        owners.err.contains(QLatin1String("no user named \"Newcomer\"")), qPrintable(owners.err));
}

void TestCliImportExport::exportProspects()
{
    const QString target = path(QStringLiteral("prospects.csv"));
    const CliRun all = cli({QStringLiteral("export"), QStringLiteral("prospects"), target});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, QStringLiteral("Exported 2 prospects to %1.\n").arg(target));
    QVERIFY2(all.err.isEmpty(), qPrintable(all.err));
    const std::optional<QList<QStringList>> rows = parseCsv(readText(target));
    QVERIFY(rows);
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(0).join(QLatin1Char(',')) + QLatin1String("\r\n"), prospectHeader);
    QCOMPARE(rows->at(1).mid(0, 10),
        (QStringList {QStringLiteral("Ada"), QStringLiteral("Lovelace"), QString(), QString(),
            QStringLiteral("ada@example.com"), QString(), QString(), QStringLiteral("Grace"),
            QStringLiteral("new"), QString()}));
    // The company a spreadsheet would run as a formula is quoted.
    QCOMPARE(rows->at(2).at(2), QStringLiteral("'=Stone"));

    const CliRun some = cli({QStringLiteral("export"), QStringLiteral("prospects"), target,
        QStringLiteral("--search"), QStringLiteral("bob")});
    QCOMPARE(some.exitCode, 0);
    QCOMPARE(some.out, QStringLiteral("Exported 1 prospect to %1.\n").arg(target));
    QCOMPARE(parseCsv(readText(target))->size(), 2);
}

void TestCliImportExport::exportTouches()
{
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("touches"),
                     write(QStringLiteral("in.csv"), touchFile), QStringLiteral("--author"),
                     QStringLiteral("Maya")})
                 .exitCode,
        0);
    // A prospect without touches adds nothing to the count.
    QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"),
                     QStringLiteral("--first-name"), QStringLiteral("Cy")})
                 .exitCode,
        0);
    const QString target = path(QStringLiteral("touches.csv"));
    const CliRun all = cli({QStringLiteral("export"), QStringLiteral("touches"), target});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, QStringLiteral("Exported 2 touches to %1.\n").arg(target));
    QCOMPARE(readText(target),
        touchHeader
            + QStringLiteral("ada@example.com,,Ada Lovelace,email,out,sent,2024-05-01T10:00:00Z,"
                             "1,Intro,Maya\r\n"
                             ",https://www.linkedin.com/in/bob,Bob,linkedin,out,sent,"
                             "2024-05-02T10:00:00Z,1,Hi Bob,Grace\r\n"));

    const CliRun bob = cli({QStringLiteral("export"), QStringLiteral("touches"), target,
        QStringLiteral("--search"), QStringLiteral("Stone")});
    QCOMPARE(bob.exitCode, 0);
    QCOMPARE(bob.out, QStringLiteral("Exported 1 touch to %1.\n").arg(target));
    QCOMPARE(readText(target),
        touchHeader
            + QStringLiteral(",https://www.linkedin.com/in/bob,Bob,linkedin,out,sent,"
                             "2024-05-02T10:00:00Z,1,Hi Bob,Grace\r\n"));
}

void TestCliImportExport::exportVCards()
{
    const QString target = path(QStringLiteral("cards.vcf"));
    const CliRun all = cli({QStringLiteral("export"), QStringLiteral("vcard"), target});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, QStringLiteral("Exported 2 prospects as vCards to %1.\n").arg(target));
    const QString text = readText(target);
    QCOMPARE(text.count(QLatin1String("BEGIN:VCARD\r\n")), 2);
    QVERIFY2(text.contains(QLatin1String("FN:Ada Lovelace\r\n")), qPrintable(text));
    QVERIFY2(
        text.contains(QLatin1String("URL:https://www.linkedin.com/in/bob\r\n")), qPrintable(text));
}

void TestCliImportExport::exportCalendar()
{
    QCOMPARE(cli({QStringLiteral("enroll"), QStringLiteral("--cadence"), QStringLiteral("1"),
                     QStringLiteral("--prospect"), QStringLiteral("1,2")})
                 .exitCode,
        0);
    const QString target = path(QStringLiteral("due.ics"));
    // touchline-cli runs in UTC.
    // 30 days, today included, as the app's calendar export.
    const QString until = QDateTime::currentDateTimeUtc().date().addDays(29).toString(Qt::ISODate);
    const CliRun all = cli({QStringLiteral("export"), QStringLiteral("ics"), target});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(
        all.out, QStringLiteral("Exported the steps due up to %1 to %2.\n").arg(until, target));
    QCOMPARE(readText(target).count(QLatin1String("BEGIN:VEVENT\r\n")), 2);

    // Only Grace's prospect; and nothing due before the cadences started.
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("ics"), target,
                     QStringLiteral("--owner"), QStringLiteral("Grace")})
                 .exitCode,
        0);
    const QString graces = readText(target);
    QCOMPARE(graces.count(QLatin1String("BEGIN:VEVENT\r\n")), 1);
    QVERIFY2(graces.contains(QLatin1String("Ada Lovelace")), qPrintable(graces));
    const CliRun past = cli({QStringLiteral("export"), QStringLiteral("ics"), target,
        QStringLiteral("--until"), QStringLiteral("2020-01-01")});
    QCOMPARE(past.exitCode, 0);
    QCOMPARE(
        past.out, QStringLiteral("Exported the steps due up to 2020-01-01 to %1.\n").arg(target));
    QCOMPARE(readText(target).count(QLatin1String("BEGIN:VEVENT")), 0);
}

void TestCliImportExport::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString file = QStringLiteral("file.csv");
    QTest::newRow("import alone") << QStringList {QStringLiteral("import")}
                                  << QStringLiteral("\"import\" needs a command: prospects or "
                                                    "touches.");
    QTest::newRow("unknown export")
        << QStringList {QStringLiteral("export"), QStringLiteral("pdf"), file}
        << QStringLiteral("Unknown command \"export pdf\"; use prospects, touches, ics or vcard.");
    QTest::newRow("no file") << QStringList {QStringLiteral("import"), QStringLiteral("touches")}
                             << QStringLiteral("Missing argument FILE.");
    QTest::newRow("two files") << QStringList {QStringLiteral("export"), QStringLiteral("touches"),
        file, file} << QStringLiteral("Unexpected argument \"file.csv\".");
    QTest::newRow("bad preset") << QStringList {QStringLiteral("import"),
        QStringLiteral("prospects"), file, QStringLiteral("--preset"), QStringLiteral("excel")}
                                << QStringLiteral("Unknown preset \"excel\"");
    QTest::newRow("bad duplicate action")
        << QStringList {QStringLiteral("import"), QStringLiteral("prospects"), file,
               QStringLiteral("--on-duplicate"), QStringLiteral("merge")}
        << QStringLiteral("Unknown action \"merge\"; use one of: skip, update, overwrite.");
    QTest::newRow("bad until") << QStringList {QStringLiteral("export"), QStringLiteral("ics"),
        file, QStringLiteral("--until"), QStringLiteral("31/01/2025")}
                               << QStringLiteral("--until needs a day as YYYY-MM-DD");
    QTest::newRow("empty search") << QStringList {QStringLiteral("export"), QStringLiteral("vcard"),
        file, QStringLiteral("--search"), QStringLiteral(" ")}
                                  << QStringLiteral("--search needs at least one word");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("import"),
        QStringLiteral("touches"), file, QStringLiteral("--force")}
                                    << QStringLiteral("Unknown option 'force'.");
}

void TestCliImportExport::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QByteArray before = Touchline::Test::fileChecksum(m_cli->databasePath());
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(Touchline::Test::fileChecksum(m_cli->databasePath()), before);
}

void TestCliImportExport::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // %1: the test's folder

    QTest::newRow("missing file") << QStringList {QStringLiteral("import"),
        QStringLiteral("touches"), QStringLiteral("%1/missing.csv")}
                                  << QStringLiteral(
                                         "touchline-cli: %1/missing.csv cannot be read: ");
    QTest::newRow("missing column")
        << QStringList {QStringLiteral("import"), QStringLiteral("touches"),
               QStringLiteral("%1/columns.csv")}
        << QStringLiteral("touchline-cli: %1/columns.csv: The header on line 1 has no outcome "
                          "column.\n");
    QTest::newRow("missing prospects file") << QStringList {QStringLiteral("import"),
        QStringLiteral("prospects"), QStringLiteral("%1/missing.csv")}
                                            << QStringLiteral("%1/missing.csv");
    QTest::newRow("missing folder")
        << QStringList {QStringLiteral("export"), QStringLiteral("prospects"),
               QStringLiteral("%1/no/such/folder.csv")}
        << QStringLiteral("touchline-cli: Cannot write %1/no/such/folder.csv: ");
    QTest::newRow("no match") << QStringList {QStringLiteral("export"), QStringLiteral("touches"),
        QStringLiteral("%1/out.csv"), QStringLiteral("--search"), QStringLiteral("nobody")}
                              << QStringLiteral("touchline-cli: No prospect matches \"nobody\"; "
                                                "nothing was exported.\n");
    QTest::newRow("unknown owner") << QStringList {QStringLiteral("export"), QStringLiteral("ics"),
        QStringLiteral("%1/out.ics"), QStringLiteral("--owner"), QStringLiteral("Nobody")}
                                   << QStringLiteral("There is no user named \"Nobody\".");
    QTest::newRow("no database") << QStringList {QStringLiteral("--db"),
        QStringLiteral("%1/none.touchline"), QStringLiteral("import"), QStringLiteral("touches"),
        QStringLiteral("%1/valid.csv")}
                                 << QStringLiteral("%1/none.touchline");
}

void TestCliImportExport::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    write(QStringLiteral("columns.csv"), "email,channel,direction,occurred_at\n");
    write(QStringLiteral("valid.csv"), touchFile);
    const QString folder = m_cli->dirPath();
    for (QString &argument : arguments)
        argument.replace(QLatin1String("%1"), folder);
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.err.contains(message.replace(QLatin1String("%1"), folder)), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(path(QStringLiteral("out.csv"))));
    QVERIFY(!QFile::exists(path(QStringLiteral("out.ics"))));
}

void TestCliImportExport::roundTripLosesNothing()
{
    // A file of its own: the one init() made has other prospects.
    const QString source = path(QStringLiteral("source.touchline"));
    const QString copy = path(QStringLiteral("copy.touchline"));
    const QString db = QStringLiteral("--db");
    const CliRun generated = run({db, source, QStringLiteral("generate"),
        QStringLiteral("--prospects"), QStringLiteral("50"), QStringLiteral("--touches"),
        QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("3")});
    QCOMPARE(generated.exitCode, 0);

    const auto exportBoth = [&](const QString &file, const QString &prefix) {
        const CliRun prospects = run({db, file, QStringLiteral("export"),
            QStringLiteral("prospects"), path(prefix + QStringLiteral("-prospects.csv"))});
        const CliRun touches = run({db, file, QStringLiteral("export"), QStringLiteral("touches"),
            path(prefix + QStringLiteral("-touches.csv"))});
        return prospects.exitCode == 0 && touches.exitCode == 0;
    };
    QVERIFY(exportBoth(source, QStringLiteral("first")));

    QCOMPARE(run({db, copy, QStringLiteral("init")}).exitCode, 0);
    const CliRun prospects = run({db, copy, QStringLiteral("import"), QStringLiteral("prospects"),
        path(QStringLiteral("first-prospects.csv"))});
    QCOMPARE(prospects.exitCode, 0);
    QCOMPARE(prospects.out, QStringLiteral("50 imported, 0 updated, 0 skipped, 0 failed\n"));
    QVERIFY2(prospects.err.isEmpty(), qPrintable(prospects.err));
    const CliRun touches = run({db, copy, QStringLiteral("import"), QStringLiteral("touches"),
        path(QStringLiteral("first-touches.csv"))});
    QCOMPARE(touches.exitCode, 0);
    QCOMPARE(touches.out, QStringLiteral("300 imported, 0 updated, 0 skipped, 0 failed\n"));
    QVERIFY2(touches.err.isEmpty(), qPrintable(touches.err));
    QVERIFY(exportBoth(copy, QStringLiteral("second")));

    // Every touch with its notes, author, time and number.
    const QString firstTouches = readText(path(QStringLiteral("first-touches.csv")));
    const std::optional<QList<QStringList>> touchRows = parseCsv(firstTouches);
    QVERIFY(touchRows);
    QCOMPARE(touchRows->size(), 301);
    QCOMPARE(readText(path(QStringLiteral("second-touches.csv"))), firstTouches);

    // Every prospect field; next_due_at follows from enrollments, which are not exported.
    const std::optional<QList<QStringList>> first
        = parseCsv(readText(path(QStringLiteral("first-prospects.csv"))));
    const std::optional<QList<QStringList>> second
        = parseCsv(readText(path(QStringLiteral("second-prospects.csv"))));
    QVERIFY(first && second);
    QCOMPARE(first->size(), 51);
    QCOMPARE(second->size(), first->size());
    const qsizetype nextDue = first->first().indexOf(QStringLiteral("next_due_at"));
    QVERIFY(nextDue > 0);
    for (qsizetype row = 0; row < first->size(); ++row) {
        QStringList a = first->at(row);
        QStringList b = second->at(row);
        a.removeAt(nextDue);
        b.removeAt(nextDue);
        QCOMPARE(b, a);
    }
    // The comparison has something to compare: notes and authors came along.
    int notes = 0;
    int authors = 0;
    for (const QStringList &row : *touchRows) {
        notes += row.at(8).isEmpty() ? 0 : 1;
        authors += row.at(9).isEmpty() ? 0 : 1;
    }
    QVERIFY(notes > 0);
    QVERIFY(authors > 0);
}

QTEST_GUILESS_MAIN(TestCliImportExport)
#include "tst_cli_importexport.moc"
