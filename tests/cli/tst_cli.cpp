#include "CliRunner.h"
#include "TestData.h"
#include "storage/Database.h"
#include "storage/Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Touchline;
using Test::CliRun;
using Test::jsonOf;
using Test::parseCsv;

namespace {

const QStringList prospectKeys = {
    QStringLiteral("id"),
    QStringLiteral("first_name"),
    QStringLiteral("last_name"),
    QStringLiteral("company"),
    QStringLiteral("title"),
    QStringLiteral("email"),
    QStringLiteral("phone"),
    QStringLiteral("linkedin_url"),
    QStringLiteral("owner"),
    QStringLiteral("status"),
    QStringLiteral("created_at"),
    QStringLiteral("last_touch_at"),
    QStringLiteral("next_due_at"),
    QStringLiteral("touch_count"),
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void help_data();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();

    void initCreatesFileAndNeverOverwrites();
    void defaultFileIsInTheUsersDataFolder();
    void unusableFile_data();
    void unusableFile();
    void readOnlyFileCanBeReadButNotChanged();

    void addPrintsIdAndShowPrintsProspect();
    void addRefusesInvalidValues_data();
    void addRefusesInvalidValues();
    void listFormats();
    void csvNeutralizesFormulas_data();
    void csvNeutralizesFormulas();
    void listFiltersAndSorts();
    void listStreamsManyRows();
    void deleteRemovesProspectsAndTheirTouches();
    void unknownIdsAreRefused();

    void generateIsReproducibleAndConsistent();
    void checkReportsProblems();

private:
    CliRun run(const QStringList &arguments) const { return m_cli->run(arguments); }
    CliRun cli(const QStringList &arguments) const { return m_cli->cli(arguments); }
    QString path(const QString &name) const { return m_cli->path(name); }
    QList<qint64> listedIds(const QStringList &arguments) const;
    bool sql(const QString &file, const QStringList &statements) const;

    std::unique_ptr<Test::CliRunner> m_cli;
    QString m_db;
};

void TestCli::init()
{
    m_cli = std::make_unique<Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    m_db = m_cli->databasePath();
}

QList<qint64> TestCli::listedIds(const QStringList &arguments) const
{
    QList<qint64> ids;
    const QJsonArray rows
        = jsonOf(cli(QStringList {QStringLiteral("prospects"), QStringLiteral("list"),
                         QStringLiteral("--format"), QStringLiteral("json")}
            + arguments));
    for (const QJsonValue &row : rows)
        ids.append(row.toObject().value(QLatin1String("id")).toInteger());
    return ids;
}

bool TestCli::sql(const QString &file, const QStringList &statements) const
{
    Database db;
    Error error;
    if (!db.open(file, Database::Creation::MustExist, Database::Access::ReadWrite, &error)) {
        qWarning() << error.message;
        return false;
    }
    QSqlQuery query(db.connection());
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qWarning() << statement << query.lastError().text();
            return false;
        }
    }
    return true;
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    const QString help = QStringLiteral("--help");
    QTest::newRow("program") << QStringList {help}
                             << QStringList {QStringLiteral("init"),
                                    QStringLiteral("prospects list"), QStringLiteral("generate"),
                                    QStringLiteral("check"), QStringLiteral("--db")};
    QTest::newRow("program, short")
        << QStringList {QStringLiteral("-h")} << QStringList {QStringLiteral("prospects add")};
    QTest::newRow("help command") << QStringList {QStringLiteral("help")}
                                  << QStringList {QStringLiteral("prospects delete")};
    QTest::newRow("init") << QStringList {QStringLiteral("init"), help}
                          << QStringList {QStringLiteral("init"), QStringLiteral("--db")};
    QTest::newRow("prospects") << QStringList {QStringLiteral("prospects"), help}
                               << QStringList {QStringLiteral("add"), QStringLiteral("list"),
                                      QStringLiteral("show"), QStringLiteral("delete")};
    QTest::newRow("prospects add")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("add"), help}
        << QStringList {QStringLiteral("--first-name"), QStringLiteral("--email"),
               QStringLiteral("--linkedin"), QStringLiteral("--owner"),
               QStringLiteral("in_cadence")};
    QTest::newRow("prospects list")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("list"), help}
        << QStringList {QStringLiteral("--search"), QStringLiteral("--status"),
               QStringLiteral("--sort"), QStringLiteral("--format"),
               QStringLiteral("last_touch_at")};
    QTest::newRow("prospects show")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("-h")}
        << QStringList {QStringLiteral("ID"), QStringLiteral("--format")};
    QTest::newRow("prospects delete")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("delete"), help}
        << QStringList {QStringLiteral("ID...")};
    QTest::newRow("generate") << QStringList {QStringLiteral("generate"), help}
                              << QStringList {QStringLiteral("--prospects"),
                                     QStringLiteral("--touches"), QStringLiteral("--seed"),
                                     QStringLiteral("--now")};
    QTest::newRow("check") << QStringList {QStringLiteral("check"), help}
                           << QStringList {QStringLiteral("--format")};
    // Help needs no file, so an unusable one does not matter.
    QTest::newRow("with a missing file") << QStringList {QStringLiteral("--db"),
        QStringLiteral("/nonexistent/folder/x.touchline"), QStringLiteral("prospects"),
        QStringLiteral("list"), help} << QStringList {QStringLiteral("--search")};
    // Help wins over other mistakes on the same line.
    QTest::newRow("with a bad value") << QStringList {QStringLiteral("prospects"),
        QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml"), help}
                                      << QStringList {QStringLiteral("--format")};
}

void TestCli::help()
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
    QVERIFY(!QFile::exists(m_db));
}

void TestCli::version()
{
    const CliRun result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^touchline-cli \d+\.\d+\.\d+\n$)"))
                 .match(result.out)
                 .hasMatch(),
        qPrintable(result.out));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString prospects = QStringLiteral("prospects");
    const QString list = QStringLiteral("list");
    QTest::newRow("no command") << QStringList {} << QStringLiteral("No command given");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")}
                                     << QStringLiteral("Unknown command \"frobnicate\"");
    QTest::newRow("unknown global option")
        << QStringList {QStringLiteral("--frob"), list} << QStringLiteral("frob");
    QTest::newRow("--db without a value")
        << QStringList {QStringLiteral("--db")} << QStringLiteral("db");
    QTest::newRow("--db empty") << QStringList {QStringLiteral("--db="), QStringLiteral("init")}
                                << QStringLiteral("--db needs the path");
    QTest::newRow("prospects without command")
        << QStringList {prospects} << QStringLiteral("needs a command");
    QTest::newRow("unknown prospects command") << QStringList {
        prospects, QStringLiteral("frob")} << QStringLiteral("Unknown command \"prospects frob\"");
    QTest::newRow("unknown option")
        << QStringList {prospects, list, QStringLiteral("--colour")} << QStringLiteral("colour");
    QTest::newRow("option without its value")
        << QStringList {prospects, list, QStringLiteral("--status")} << QStringLiteral("status");
    QTest::newRow("unknown format") << QStringList {prospects, list, QStringLiteral("--format"),
        QStringLiteral("xml")} << QStringLiteral("Unknown format \"xml\"; use table, csv or json");
    // The message lists the valid keys, so the user need not look them up.
    QTest::newRow("unknown status in list")
        << QStringList {prospects, list, QStringLiteral("--status"), QStringLiteral("zombie")}
        << QStringLiteral("new, in_cadence, replied, meeting_booked, won, lost, do_not_contact");
    QTest::newRow("unknown status in add")
        << QStringList {prospects, QStringLiteral("add"), QStringLiteral("--first-name"),
               QStringLiteral("Ada"), QStringLiteral("--status"), QStringLiteral("Replied")}
        << QStringLiteral("Unknown status \"Replied\"; use one of: new, in_cadence");
    QTest::newRow("unknown sort field")
        << QStringList {prospects, list, QStringLiteral("--sort"), QStringLiteral("shoe_size")}
        << QStringLiteral("Cannot sort by \"shoe_size\"; use one of: first_name");
    QTest::newRow("unexpected argument") << QStringList {prospects, list, QStringLiteral("extra")}
                                         << QStringLiteral("Unexpected argument \"extra\"");
    QTest::newRow("show without id")
        << QStringList {prospects, QStringLiteral("show")} << QStringLiteral("Missing argument ID");
    QTest::newRow("show with two ids")
        << QStringList {prospects, QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("2")}
        << QStringLiteral("Unexpected argument \"2\"");
    QTest::newRow("show a word") << QStringList {prospects, QStringLiteral("show"),
        QStringLiteral("one")} << QStringLiteral("\"one\" is not a prospect id");
    QTest::newRow("show zero") << QStringList {prospects, QStringLiteral("show"),
        QStringLiteral("0")} << QStringLiteral("\"0\" is not a prospect id");
    QTest::newRow("delete without ids") << QStringList {prospects, QStringLiteral("delete")}
                                        << QStringLiteral("Missing argument ID...");
    QTest::newRow("delete a word among ids") << QStringList {prospects, QStringLiteral("delete"),
        QStringLiteral("1"), QStringLiteral("x")}
                                             << QStringLiteral("\"x\" is not a prospect id");
    QTest::newRow("init with an argument") << QStringList {QStringLiteral("init"),
        QStringLiteral("now")} << QStringLiteral("Unexpected argument \"now\"");
    const QString generate = QStringLiteral("generate");
    const QString count = QStringLiteral("--prospects");
    QTest::newRow("generate without count")
        << QStringList {generate} << QStringLiteral("--prospects is required");
    QTest::newRow("generate a word") << QStringList {generate, count, QStringLiteral("ten")}
                                     << QStringLiteral("--prospects needs a whole number");
    QTest::newRow("generate a negative count") << QStringList {generate, count,
        QStringLiteral("-5")} << QStringLiteral("--prospects needs a whole number");
    QTest::newRow("generate too many") << QStringList {generate, count,
        QStringLiteral("99999999999")} << QStringLiteral("--prospects needs a whole number");
    QTest::newRow("generate touches without prospects") << QStringList {generate, count,
        QStringLiteral("0"), QStringLiteral("--touches"), QStringLiteral("5")}
                                                        << QStringLiteral("Touches need prospects");
    QTest::newRow("generate too many touches") << QStringList {generate, count, QStringLiteral("1"),
        QStringLiteral("--touches"),
        QStringLiteral("1001")} << QStringLiteral("At most 1000 touches per prospect");
    QTest::newRow("generate a bad seed") << QStringList {generate, count, QStringLiteral("1"),
        QStringLiteral("--seed"), QStringLiteral("-1")}
                                         << QStringLiteral("--seed needs a whole number");
    QTest::newRow("generate too many owners") << QStringList {generate, count, QStringLiteral("1"),
        QStringLiteral("--owners"),
        QStringLiteral("11")} << QStringLiteral("--owners needs a whole number from 1 to 10");
    QTest::newRow("generate a bad time") << QStringList {generate, count, QStringLiteral("1"),
        QStringLiteral("--now"), QStringLiteral("yesterday")}
                                         << QStringLiteral("--now needs a time in ISO 8601");
    QTest::newRow("check with a bad format") << QStringList {QStringLiteral("check"),
        QStringLiteral("--format=yaml")} << QStringLiteral("Unknown format \"yaml\"");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // A file exists, so that only the usage can be wrong; it must stay untouched.
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QByteArray before = Test::fileChecksum(m_db);
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.startsWith(QLatin1String("touchline-cli: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("--help")), qPrintable(result.err));
    QCOMPARE(Test::fileChecksum(m_db), before);
}

void TestCli::initCreatesFileAndNeverOverwrites()
{
    const CliRun created = cli({QStringLiteral("init")});
    QCOMPARE(created.exitCode, 0);
    QVERIFY2(created.out.contains(QDir::toNativeSeparators(m_db)), qPrintable(created.out));
    QVERIFY(created.err.isEmpty());
    {
        Database db;
        Error error;
        QVERIFY2(db.open(m_db, Database::Creation::MustExist, Database::Access::ReadOnly, &error),
            qPrintable(error.message));
        QCOMPARE(db.schemaVersion(), Schema::latestVersion);
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM cadences")) && query.next());
        QVERIFY(query.value(0).toInt() > 0); // the default cadences
    }
    const QByteArray before = Test::fileChecksum(m_db);
    const CliRun again = cli({QStringLiteral("init")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.contains(QLatin1String("already exists")), qPrintable(again.err));
    QCOMPARE(Test::fileChecksum(m_db), before);

    // Not even a file that is not Touchline's.
    const QString notes = path(QStringLiteral("notes.txt"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me\n");
    file.close();
    QCOMPARE(run({QStringLiteral("--db"), notes, QStringLiteral("init")}).exitCode, 1);
    QCOMPARE(Test::fileChecksum(notes),
        QCryptographicHash::hash("keep me\n", QCryptographicHash::Sha256));
}

void TestCli::defaultFileIsInTheUsersDataFolder()
{
    const QString expected = path(QStringLiteral("xdg/Touchline/Touchline/touchline.sqlite"));
    const CliRun help = run({QStringLiteral("--help")});
    QVERIFY2(help.out.contains(QDir::toNativeSeparators(expected)), qPrintable(help.out));
    QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
    QVERIFY(QFile::exists(expected));
    const CliRun added = run({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("Ada")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out, QStringLiteral("1\n"));
    const CliRun listed = run({QStringLiteral("prospects"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(QLatin1String("Ada")));
}

void TestCli::unusableFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QStringList list = {QStringLiteral("prospects"), QStringLiteral("list")};
    const QStringList add = {QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("Ada")};
    const QStringList check = {QStringLiteral("check")};
    const QString notSqlite = QStringLiteral("not a Touchline database: it is not a SQLite file");
    QTest::newRow("text file, list") << QStringLiteral("text") << list << notSqlite;
    QTest::newRow("text file, add") << QStringLiteral("text") << add << notSqlite;
    QTest::newRow("text file, check") << QStringLiteral("text") << check << notSqlite;
    QTest::newRow("text file, generate") << QStringLiteral("text")
                                         << QStringList {QStringLiteral("generate"),
                                                QStringLiteral("--prospects"), QStringLiteral("3")}
                                         << notSqlite;
    QTest::newRow("missing file, list")
        << QStringLiteral("missing") << list << QStringLiteral("does not exist");
    QTest::newRow("missing file, add")
        << QStringLiteral("missing") << add << QStringLiteral("does not exist");
    QTest::newRow("missing file, show")
        << QStringLiteral("missing")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("1")}
        << QStringLiteral("does not exist");
    QTest::newRow("missing file, delete")
        << QStringLiteral("missing")
        << QStringList {QStringLiteral("prospects"), QStringLiteral("delete"), QStringLiteral("1")}
        << QStringLiteral("does not exist");
    QTest::newRow("missing file, check")
        << QStringLiteral("missing") << check << QStringLiteral("does not exist");
    QTest::newRow("folder, list") << QStringLiteral("folder") << list
                                  << QStringLiteral("is a folder");
    QTest::newRow("folder, init") << QStringLiteral("folder")
                                  << QStringList {QStringLiteral("init")}
                                  << QStringLiteral("is a folder");
    QTest::newRow("folder, generate") << QStringLiteral("folder")
                                      << QStringList {QStringLiteral("generate"),
                                             QStringLiteral("--prospects"), QStringLiteral("3")}
                                      << QStringLiteral("is a folder");
    QTest::newRow("empty file, list")
        << QStringLiteral("empty") << list << QStringLiteral("is an empty file");
    QTest::newRow("another program's database, list")
        << QStringLiteral("sqlite") << list << QStringLiteral("not a Touchline one");
}

void TestCli::unusableFile()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    if (kind == QLatin1String("text") || kind == QLatin1String("empty")) {
        QFile file(m_db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == QLatin1String("text"))
            file.write("Dear diary, this is not a database.\n");
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(m_db));
    } else if (kind == QLatin1String("sqlite")) {
        {
            QSqlDatabase other
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(m_db);
            QVERIFY(other.open());
            QSqlQuery query(other);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
    const QByteArray before = Test::fileChecksum(m_db);

    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.startsWith(QLatin1String("touchline-cli: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    // The message names the file, so that the user knows which one.
    QVERIFY2(result.err.contains(QDir::toNativeSeparators(m_db)), qPrintable(result.err));
    if (kind == QLatin1String("missing")) {
        QVERIFY2(result.err.contains(QLatin1String("init")), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(m_db));
    } else if (kind != QLatin1String("folder")) {
        QCOMPARE(Test::fileChecksum(m_db), before);
    }
}

void TestCli::readOnlyFileCanBeReadButNotChanged()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"),
                     QStringLiteral("--first-name"), QStringLiteral("Ada")})
                 .exitCode,
        0);
    const auto readable = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(m_db, readable));
    QVERIFY(QFile::setPermissions(m_cli->dirPath(),
        readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther
            | QFileDevice::WriteOwner));
    m_cli->setUnprivileged(true);

    const CliRun added = cli({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("Grace")});
    QCOMPARE(added.exitCode, 1);
    QVERIFY2(added.err.contains(QLatin1String("cannot be written")), qPrintable(added.err));
    QCOMPARE(
        cli({QStringLiteral("prospects"), QStringLiteral("delete"), QStringLiteral("1")}).exitCode,
        1);
    QCOMPARE(listedIds({}), QList<qint64> {1});
    const CliRun checked = cli({QStringLiteral("check")});
    QCOMPARE(checked.exitCode, 0);
}

void TestCli::addPrintsIdAndShowPrintsProspect()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const CliRun added = cli({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--first-name"), QStringLiteral("  Ada "),
        QStringLiteral("--last-name=Lovelace"), QStringLiteral("--company"),
        QStringLiteral("Analytical Engines"), QStringLiteral("--title"),
        QStringLiteral("Mathematician"), QStringLiteral("--email"),
        QStringLiteral("ada@example.com"), QStringLiteral("--phone"),
        QStringLiteral("+44 20 7946 0001"), QStringLiteral("--linkedin"),
        QStringLiteral("https://www.linkedin.com/in/ada"), QStringLiteral("--owner"),
        QStringLiteral("Grace Hopper"), QStringLiteral("--status"), QStringLiteral("in_cadence")});
    QCOMPARE(added.exitCode, 0);
    QVERIFY2(added.err.isEmpty(), qPrintable(added.err));
    QCOMPARE(added.out, QStringLiteral("1\n"));

    // --db may come after the command too.
    const CliRun shown
        = run({QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("1"),
            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--db"), m_db});
    QCOMPARE(shown.exitCode, 0);
    const QJsonArray rows = jsonOf(shown);
    QCOMPARE(rows.size(), 1);
    const QJsonObject prospect = rows.first().toObject();
    QCOMPARE(prospect.keys().size(), prospectKeys.size());
    for (const QString &key : prospectKeys)
        QVERIFY2(prospect.contains(key), qPrintable(key));
    QCOMPARE(prospect.value(QLatin1String("id")).toInteger(), 1);
    QCOMPARE(prospect.value(QLatin1String("first_name")).toString(), QStringLiteral("Ada"));
    QCOMPARE(prospect.value(QLatin1String("last_name")).toString(), QStringLiteral("Lovelace"));
    QCOMPARE(
        prospect.value(QLatin1String("company")).toString(), QStringLiteral("Analytical Engines"));
    QCOMPARE(prospect.value(QLatin1String("title")).toString(), QStringLiteral("Mathematician"));
    QCOMPARE(prospect.value(QLatin1String("email")).toString(), QStringLiteral("ada@example.com"));
    QCOMPARE(prospect.value(QLatin1String("phone")).toString(), QStringLiteral("+44 20 7946 0001"));
    QCOMPARE(prospect.value(QLatin1String("linkedin_url")).toString(),
        QStringLiteral("https://www.linkedin.com/in/ada"));
    QCOMPARE(prospect.value(QLatin1String("owner")).toString(), QStringLiteral("Grace Hopper"));
    QCOMPARE(prospect.value(QLatin1String("status")).toString(), QStringLiteral("in_cadence"));
    QCOMPARE(prospect.value(QLatin1String("touch_count")).toInteger(), 0);
    QVERIFY(prospect.value(QLatin1String("last_touch_at")).isNull());
    QVERIFY(prospect.value(QLatin1String("next_due_at")).isNull());
    const QDateTime created = QDateTime::fromString(
        prospect.value(QLatin1String("created_at")).toString(), Qt::ISODate);
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 120);

    // The table shows every field on its own line, in full.
    const CliRun table
        = cli({QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QLatin1String("First name:")));
    QVERIFY(table.out.contains(QLatin1String("https://www.linkedin.com/in/ada\n")));
    QVERIFY(table.out.contains(QLatin1String("Grace Hopper")));

    // The owner was added as a user, and is found again case-insensitively.
    const CliRun second = cli({QStringLiteral("prospects"), QStringLiteral("add"),
        QStringLiteral("--email"), QStringLiteral("grace@example.com"), QStringLiteral("--owner"),
        QStringLiteral("grace hopper")});
    QCOMPARE(second.out, QStringLiteral("2\n"));
    QCOMPARE(listedIds({QStringLiteral("--owner"), QStringLiteral("Grace Hopper")}),
        (QList<qint64> {2, 1}));
}

void TestCli::addRefusesInvalidValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("invalid email") << QStringList {QStringLiteral("--email"),
        QStringLiteral("ada@home")} << QStringLiteral("\"ada@home\" is not a valid email address");
    QTest::newRow("email with a space")
        << QStringList {QStringLiteral("--email"), QStringLiteral("ada lovelace@example.com")}
        << QStringLiteral("is not a valid email address");
    QTest::newRow("invalid phone") << QStringList {QStringLiteral("--first-name"),
        QStringLiteral("Ada"), QStringLiteral("--phone"), QStringLiteral("call me")}
                                   << QStringLiteral("\"call me\" is not a phone number");
    QTest::newRow("LinkedIn without https") << QStringList {QStringLiteral("--first-name"),
        QStringLiteral("Ada"), QStringLiteral("--linkedin"), QStringLiteral("linkedin.com/in/ada")}
                                            << QStringLiteral("is not a web address");
    QTest::newRow("nothing to know the prospect by")
        << QStringList {QStringLiteral("--title"), QStringLiteral("CEO")}
        << QStringLiteral("Enter at least a name, a company or an email address");
    QTest::newRow("only spaces") << QStringList {QStringLiteral("--first-name"),
        QStringLiteral("   ")} << QStringLiteral("Enter at least a name");
    QTest::newRow("name too long")
        << QStringList {QStringLiteral("--first-name"), QString(201, QLatin1Char('a'))}
        << QStringLiteral("limited to 200 characters");
    QTest::newRow("empty owner") << QStringList {QStringLiteral("--first-name"),
        QStringLiteral("Ada"), QStringLiteral("--owner"), QStringLiteral(" ")}
                                 << QStringLiteral("A user needs a name");
}

void TestCli::addRefusesInvalidValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    QStringList all = {QStringLiteral("prospects"), QStringLiteral("add")};
    all += arguments;
    if (!arguments.contains(QLatin1String("--owner")))
        all += {QStringLiteral("--owner"), QStringLiteral("Nobody")};
    const CliRun result = cli(all);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    // Nothing was stored: no prospect, and no owner either.
    QCOMPARE(listedIds({}), QList<qint64> {});
    Database db;
    Error error;
    QVERIFY(db.open(m_db, Database::Creation::MustExist, Database::Access::ReadOnly, &error));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM users")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestCli::listFormats()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QString company = QStringLiteral("Smith, Jones & \"Partners\"");
    const QString title = QStringLiteral("Head of\nOperations");
    QCOMPARE(
        cli({QStringLiteral("prospects"), QStringLiteral("add"), QStringLiteral("--first-name"),
                QStringLiteral("Zoë"), QStringLiteral("--last-name"), QStringLiteral("Öztürk"),
                QStringLiteral("--company"), company, QStringLiteral("--title"), title,
                QStringLiteral("--phone"), QStringLiteral("+1 (415) 555-0100")})
            .exitCode,
        0);
    QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"), QStringLiteral("--email"),
                     QStringLiteral("b@example.com"), QStringLiteral("--title"),
                     QStringLiteral("=HYPERLINK(\"http://evil.example\")")})
                 .exitCode,
        0);

    // JSON: an array of objects with every field, in id order by --sort.
    const QJsonArray rows = jsonOf(
        cli({QStringLiteral("prospects"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--sort"), QStringLiteral("created_at")}));
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows.at(0).toObject();
    const QStringList keys = first.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
        QSet<QString>(prospectKeys.cbegin(), prospectKeys.cend()));
    QCOMPARE(first.value(QLatin1String("first_name")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(first.value(QLatin1String("company")).toString(), company);
    QCOMPARE(first.value(QLatin1String("title")).toString(), title);
    QVERIFY(first.value(QLatin1String("owner")).isNull());
    QVERIFY(first.value(QLatin1String("id")).isDouble()); // a number, not a string
    // JSON needs no spreadsheet protection: values stay as stored.
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("title")).toString(),
        QStringLiteral("=HYPERLINK(\"http://evil.example\")"));

    // CSV: a header with the same keys, then one record per prospect.
    const CliRun csvRun = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format=csv"), QStringLiteral("--sort"), QStringLiteral("created_at")});
    QCOMPARE(csvRun.exitCode, 0);
    const auto csv = parseCsv(csvRun.out);
    QVERIFY2(csv, qPrintable(csvRun.out));
    QCOMPARE(csv->size(), 3);
    QCOMPARE(csv->at(0), prospectKeys);
    const QStringList zoe = csv->at(1);
    QCOMPARE(zoe.size(), prospectKeys.size());
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("id"))), QStringLiteral("1"));
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("last_name"))), QStringLiteral("Öztürk"));
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("company"))), company);
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("title"))), title);
    QCOMPARE(
        zoe.at(prospectKeys.indexOf(QLatin1String("phone"))), QStringLiteral("'+1 (415) 555-0100"));
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("owner"))), QString());
    QCOMPARE(zoe.at(prospectKeys.indexOf(QLatin1String("touch_count"))), QStringLiteral("0"));
    QVERIFY(QDateTime::fromString(
        zoe.at(prospectKeys.indexOf(QLatin1String("created_at"))), Qt::ISODate)
                .isValid());
    QCOMPARE(csv->at(2).at(prospectKeys.indexOf(QLatin1String("title"))),
        QStringLiteral("'=HYPERLINK(\"http://evil.example\")"));

    // Table: aligned columns, one line per prospect, line breaks flattened.
    const CliRun table = cli({QStringLiteral("prospects"), QStringLiteral("list")});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // header, rule, two prospects
    QVERIFY(lines.at(0).startsWith(QLatin1String("ID  First name")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("--  ----------")));
    const qsizetype companyColumn = lines.at(0).indexOf(QLatin1String("Company"));
    QCOMPARE(lines.at(3).indexOf(QLatin1String("Smith, Jones")), companyColumn);
    // The last column holds numbers, right-aligned, so every line ends at the same place.
    for (const QString &line : lines)
        QCOMPARE(line.size(), lines.at(0).size());
}

void TestCli::csvNeutralizesFormulas_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("raw");

    QTest::newRow("formula") << QStringLiteral("=SUM(A1:A9)") << QStringLiteral("'=SUM(A1:A9)")
                             << QStringLiteral(",'=SUM(A1:A9),");
    QTest::newRow("plus") << QStringLiteral("+1 555") << QStringLiteral("'+1 555")
                          << QStringLiteral(",'+1 555,");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3")
                           << QStringLiteral(",'-2+3,");
    QTest::newRow("at") << QStringLiteral("@cmd") << QStringLiteral("'@cmd")
                        << QStringLiteral(",'@cmd,");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1")
                         << QStringLiteral(",'\t=1,");
    QTest::newRow("carriage return")
        << QStringLiteral("\r=1") << QStringLiteral("'\r=1") << QStringLiteral(",\"'\r=1\",");
    QTest::newRow("equals later") << QStringLiteral("a=b") << QStringLiteral("a=b")
                                  << QStringLiteral(",a=b,");
    QTest::newRow("already quoted")
        << QStringLiteral("'x") << QStringLiteral("'x") << QStringLiteral(",'x,");
    QTest::newRow("comma and formula")
        << QStringLiteral("=1,2") << QStringLiteral("'=1,2") << QStringLiteral(",\"'=1,2\",");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("say \"hi\"")
                            << QStringLiteral(",\"say \"\"hi\"\"\",");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral(",,");
}

void TestCli::csvNeutralizesFormulas()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QFETCH(QString, raw);
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    // Stored directly: the form trims leading tabs and line breaks, other writers may not.
    Database db;
    Error error;
    QVERIFY(db.open(m_db, Database::Creation::MustExist, Database::Access::ReadWrite, &error));
    QSqlQuery query(db.connection());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO prospects (first_name, company, created_at, "
                                         "updated_at) VALUES ('X', ?, 0, 0)")));
    query.addBindValue(value.isNull() ? QStringLiteral("") : value);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    db.close();

    const CliRun result = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(result.exitCode, 0);
    const auto rows = parseCsv(result.out);
    QVERIFY2(rows, qPrintable(result.out));
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(1).at(prospectKeys.indexOf(QLatin1String("company"))), cell);
    // The cell as written, between the last name and the title around it.
    QVERIFY2(result.out.contains(raw), qPrintable(result.out));
}

void TestCli::listFiltersAndSorts()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const QList<QStringList> people = {
        {QStringLiteral("Charlie"), QStringLiteral("Brown"), QStringLiteral("replied"),
            QStringLiteral("Dana")},
        {QStringLiteral("alice"), QStringLiteral("Smith"), QStringLiteral("new"),
            QStringLiteral("Eve")},
        {QStringLiteral("Bob"), QStringLiteral("Jones"), QStringLiteral("new"),
            QStringLiteral("Dana")},
    };
    for (const QStringList &person : people)
        QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"),
                         QStringLiteral("--first-name"), person.at(0),
                         QStringLiteral("--last-name"), person.at(1), QStringLiteral("--status"),
                         person.at(2), QStringLiteral("--owner"), person.at(3)})
                     .exitCode,
            0);

    // Newest first by default.
    QCOMPARE(listedIds({}), (QList<qint64> {3, 2, 1}));
    // Names sort without regard to case.
    QCOMPARE(listedIds({QStringLiteral("--sort"), QStringLiteral("first_name")}),
        (QList<qint64> {2, 3, 1}));
    QCOMPARE(listedIds({QStringLiteral("--sort"), QStringLiteral("first_name"),
                 QStringLiteral("--descending")}),
        (QList<qint64> {1, 3, 2}));
    QCOMPARE(
        listedIds({QStringLiteral("--sort"), QStringLiteral("owner")}), (QList<qint64> {1, 3, 2}));
    QCOMPARE(listedIds({QStringLiteral("--search"), QStringLiteral("SMITH")}), QList<qint64> {2});
    QCOMPARE(
        listedIds({QStringLiteral("--search"), QStringLiteral("bob jones")}), QList<qint64> {3});
    QCOMPARE(listedIds({QStringLiteral("--search"), QStringLiteral("nobody")}), QList<qint64> {});
    QCOMPARE(listedIds({QStringLiteral("--status"), QStringLiteral("replied")}), QList<qint64> {1});
    QCOMPARE(listedIds({QStringLiteral("--owner"), QStringLiteral("Dana"), QStringLiteral("--sort"),
                 QStringLiteral("last_name")}),
        (QList<qint64> {1, 3}));

    const CliRun noOwner = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--owner"), QStringLiteral("Mallory")});
    QCOMPARE(noOwner.exitCode, 1);
    QVERIFY2(
        noOwner.err.contains(QLatin1String("no user named \"Mallory\"")), qPrintable(noOwner.err));

    // An empty result is still valid output in every format.
    const QStringList none = {QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--search"), QStringLiteral("nobody"), QStringLiteral("--format")};
    QCOMPARE(cli(none + QStringList {QStringLiteral("json")}).out, QStringLiteral("[]\n"));
    QCOMPARE(parseCsv(cli(none + QStringList {QStringLiteral("csv")}).out)->size(), 1);
    QCOMPARE(cli(none + QStringList {QStringLiteral("table")}).out.count(QLatin1Char('\n')), 2);
}

void TestCli::listStreamsManyRows()
{
    // More rows than one page of the listing.
    const CliRun generated = cli({QStringLiteral("generate"), QStringLiteral("--prospects"),
        QStringLiteral("1234"), QStringLiteral("--touches"), QStringLiteral("3000")});
    QCOMPARE(generated.exitCode, 0);

    const CliRun csvRun = cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csvRun.exitCode, 0);
    const auto csv = parseCsv(csvRun.out);
    QVERIFY(csv);
    QCOMPARE(csv->size(), 1235);
    QSet<QString> ids;
    for (qsizetype i = 1; i < csv->size(); ++i)
        ids.insert(csv->at(i).at(0));
    QCOMPARE(ids.size(), 1234);

    const QJsonArray json = jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--sort"),
        QStringLiteral("touch_count"), QStringLiteral("--descending")}));
    QCOMPARE(json.size(), 1234);
    for (qsizetype i = 1; i < json.size(); ++i)
        QVERIFY(json.at(i - 1).toObject().value(QLatin1String("touch_count")).toInt()
            >= json.at(i).toObject().value(QLatin1String("touch_count")).toInt());

    // The table is aligned over all pages, not page by page.
    const CliRun table = cli({QStringLiteral("prospects"), QStringLiteral("list")});
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1236);
    for (const QString &line : lines)
        QCOMPARE(line.size(), lines.first().size());
}

void TestCli::deleteRemovesProspectsAndTheirTouches()
{
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--prospects"), QStringLiteral("5"),
                     QStringLiteral("--touches"), QStringLiteral("40")})
                 .exitCode,
        0);
    // Repeated ids count once.
    const CliRun deleted = cli({QStringLiteral("prospects"), QStringLiteral("delete"),
        QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("4")});
    QCOMPARE(deleted.exitCode, 0);
    QVERIFY2(deleted.out.startsWith(QLatin1String("Deleted 2 prospect")), qPrintable(deleted.out));
    QCOMPARE(listedIds({QStringLiteral("--sort"), QStringLiteral("created_at")}),
        (QList<qint64> {1, 3, 5}));
    Database db;
    Error error;
    QVERIFY(db.open(m_db, Database::Creation::MustExist, Database::Access::ReadOnly, &error));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM touches WHERE prospect_id IN (2, 4)"))
        && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    query.finish();
    db.close();
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
}

void TestCli::unknownIdsAreRefused()
{
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("prospects"), QStringLiteral("add"),
                     QStringLiteral("--first-name"), QStringLiteral("Ada")})
                 .exitCode,
        0);
    const CliRun shown
        = cli({QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("42")});
    QCOMPARE(shown.exitCode, 1);
    QVERIFY(shown.out.isEmpty());
    QVERIFY2(shown.err.contains(QLatin1String("no prospect with id 42")), qPrintable(shown.err));

    // One unknown id and nothing is deleted, not even the known ones.
    const CliRun deleted = cli({QStringLiteral("prospects"), QStringLiteral("delete"),
        QStringLiteral("1"), QStringLiteral("42"), QStringLiteral("43")});
    QCOMPARE(deleted.exitCode, 1);
    QVERIFY(deleted.out.isEmpty());
    QVERIFY2(deleted.err.contains(QLatin1String("no prospect with id 42"))
            && deleted.err.contains(QLatin1String("no prospect with id 43"))
            && deleted.err.contains(QLatin1String("nothing was deleted")),
        qPrintable(deleted.err));
    QCOMPARE(listedIds({}), QList<qint64> {1});
}

void TestCli::generateIsReproducibleAndConsistent()
{
    const QStringList arguments = {QStringLiteral("generate"), QStringLiteral("--prospects"),
        QStringLiteral("300"), QStringLiteral("--touches"), QStringLiteral("2500"),
        QStringLiteral("--seed"), QStringLiteral("12345"), QStringLiteral("--now"),
        QStringLiteral("2025-06-01T12:00:00Z")};
    // The file is created when missing.
    const CliRun generated = cli(arguments);
    QCOMPARE(generated.exitCode, 0);
    QVERIFY2(generated.out.contains(QLatin1String("Prospects added: 300"))
            && generated.out.contains(QLatin1String("Touches added: 2500")),
        qPrintable(generated.out));

    const CliRun checked = cli({QStringLiteral("check")});
    QCOMPARE(checked.exitCode, 0);
    QCOMPARE(checked.out, QStringLiteral("No problems found.\n"));
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")}).out,
        QStringLiteral("[]\n"));
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("csv")}).out,
        QStringLiteral("kind,table,row_id,message\r\n"));

    const QStringList listJson = {QStringLiteral("prospects"), QStringLiteral("list"),
        QStringLiteral("--format"), QStringLiteral("json")};
    const CliRun listed = cli(listJson);
    const QJsonArray rows = jsonOf(listed);
    QCOMPARE(rows.size(), 300);
    qint64 touches = 0;
    for (const QJsonValue &row : rows)
        touches += row.toObject().value(QLatin1String("touch_count")).toInteger();
    QVERIFY(touches > 0 && touches <= 2500); // replies are touches too, but not counted

    // The same seed and time in another file: the same data.
    const QString other = path(QStringLiteral("other.touchline"));
    QCOMPARE(run(QStringList {QStringLiteral("--db"), other} + arguments).exitCode, 0);
    QCOMPARE(run(QStringList {QStringLiteral("--db"), other} + listJson).out, listed.out);
}

void TestCli::checkReportsProblems()
{
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--prospects"), QStringLiteral("20"),
                     QStringLiteral("--touches"), QStringLiteral("150")})
                 .exitCode,
        0);
    QVERIFY(sql(m_db,
        {QStringLiteral("UPDATE prospects SET touch_count = touch_count + 5 "
                        "WHERE id = 7"),
            QStringLiteral("UPDATE touches SET outcome = 'teleported' WHERE id = 1")}));

    const CliRun table = cli({QStringLiteral("check")});
    QCOMPARE(table.exitCode, 1);
    QVERIFY2(table.out.contains(QLatin1String("touch_count"))
            && table.out.contains(QLatin1String("Prospect 7 has touch_count"))
            && table.out.contains(QLatin1String("unknown outcome \"teleported\"")),
        qPrintable(table.out));
    QVERIFY2(table.err.contains(QLatin1String("problems")), qPrintable(table.err));

    const CliRun json
        = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonArray problems = jsonOf(json);
    QCOMPARE(problems.size(), 2);
    QSet<QString> found;
    for (const QJsonValue &value : problems) {
        const QJsonObject problem = value.toObject();
        const QStringList keys = problem.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
            (QSet<QString> {QStringLiteral("kind"), QStringLiteral("table"),
                QStringLiteral("row_id"), QStringLiteral("message")}));
        found.insert(QStringLiteral("%1 %2 %3")
                         .arg(problem.value(QLatin1String("kind")).toString(),
                             problem.value(QLatin1String("table")).toString())
                         .arg(problem.value(QLatin1String("row_id")).toInteger()));
    }
    QCOMPARE(found,
        (QSet<QString> {
            QStringLiteral("touch_count prospects 7"), QStringLiteral("unknown_value touches 1")}));

    const CliRun csvRun
        = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csvRun.exitCode, 1);
    const auto csv = parseCsv(csvRun.out);
    QVERIFY(csv);
    QCOMPARE(csv->size(), 3);
    QCOMPARE(csv->first(),
        (QStringList {QStringLiteral("kind"), QStringLiteral("table"), QStringLiteral("row_id"),
            QStringLiteral("message")}));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
