// `touchline-cli touches ...` and `prospects lift-dnc`, run as users run them: the
// real executable in a separate process, with the data layer's rules and messages.

#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

using Touchline::Test::CliRun;
using Touchline::Test::jsonOf;

class TestCliTouches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void logNumbersAndLists();
    void listFormats();
    void replySetsStatus();
    void optOutBlocksUntilLifted();
    void deleteRenumbers();
    void usageErrors_data();
    void usageErrors();
    void runtimeErrors_data();
    void runtimeErrors();

private:
    CliRun cli(const QStringList &arguments) const { return m_cli->cli(arguments); }
    CliRun logTouch(const QStringList &arguments) const;
    QString prospectStatus(int id) const;

    std::unique_ptr<Touchline::Test::CliRunner> m_cli;
};

void TestCliTouches::init()
{
    m_cli = std::make_unique<Touchline::Test::CliRunner>(QStringLiteral(TOUCHLINE_CLI_PATH));
    QVERIFY(m_cli->isValid());
    QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
    const CliRun added
        = cli({QStringLiteral("prospects"), QStringLiteral("add"), QStringLiteral("--first-name"),
            QStringLiteral("Ada"), QStringLiteral("--last-name"), QStringLiteral("Lovelace")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out, QStringLiteral("1\n"));
}

// `touches log --prospect 1` with these options.
CliRun TestCliTouches::logTouch(const QStringList &arguments) const
{
    return cli(QStringList {QStringLiteral("touches"), QStringLiteral("log"),
                   QStringLiteral("--prospect"), QStringLiteral("1")}
        + arguments);
}

QString TestCliTouches::prospectStatus(int id) const
{
    const CliRun shown = cli({QStringLiteral("prospects"), QStringLiteral("show"),
        QString::number(id), QStringLiteral("--format"), QStringLiteral("json")});
    return jsonOf(shown).at(0).toObject().value(QLatin1String("status")).toString();
}

QStringList touchArgs(
    const char *channel, const char *direction, const char *outcome, const char *at)
{
    return {QStringLiteral("--channel"), QString::fromLatin1(channel),
        QStringLiteral("--direction"), QString::fromLatin1(direction), QStringLiteral("--outcome"),
        QString::fromLatin1(outcome), QStringLiteral("--at"), QString::fromLatin1(at)};
}

void TestCliTouches::logNumbersAndLists()
{
    const CliRun first = logTouch(touchArgs("email", "out", "sent", "2024-05-10T09:00:00Z")
        + QStringList {QStringLiteral("--note"), QStringLiteral("Intro"),
            QStringLiteral("--author"), QStringLiteral("Maya")});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, QStringLiteral("1\n"));
    // Back-dated: it becomes touch 1.
    QCOMPARE(logTouch(touchArgs("phone", "out", "voicemail", "2024-05-08T15:00:00Z")).exitCode, 0);
    QCOMPARE(logTouch(touchArgs("note", "out", "noted", "2024-05-11T08:00:00Z")).exitCode, 0);

    const QJsonArray rows = jsonOf(
        cli({QStringLiteral("touches"), QStringLiteral("list"), QStringLiteral("--prospect"),
            QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(
        rows.at(0).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("phone"));
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("touch_number")).toInt(), 1);
    const QJsonObject email = rows.at(1).toObject();
    QCOMPARE(email.value(QLatin1String("id")).toInt(), 1);
    QCOMPARE(email.value(QLatin1String("touch_number")).toInt(), 2);
    QCOMPARE(email.value(QLatin1String("occurred_at")).toString(),
        QStringLiteral("2024-05-10T09:00:00Z"));
    QCOMPARE(email.value(QLatin1String("author")).toString(), QStringLiteral("Maya"));
    QCOMPARE(email.value(QLatin1String("notes")).toString(), QStringLiteral("Intro"));
    QVERIFY(rows.at(2).toObject().value(QLatin1String("touch_number")).isNull());

    const QJsonObject prospect
        = jsonOf(cli({QStringLiteral("prospects"), QStringLiteral("show"), QStringLiteral("1"),
                     QStringLiteral("--format"), QStringLiteral("json")}))
              .at(0)
              .toObject();
    QCOMPARE(prospect.value(QLatin1String("touch_count")).toInt(), 2);
    QCOMPARE(prospect.value(QLatin1String("last_touch_at")).toString(),
        QStringLiteral("2024-05-10T09:00:00Z")); // notes do not count
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
}

void TestCliTouches::listFormats()
{
    QCOMPARE(logTouch(touchArgs("sms", "out", "sent", "2024-05-10T09:00:00Z")).exitCode, 0);
    const QStringList list = {QStringLiteral("touches"), QStringLiteral("list"),
        QStringLiteral("--prospect"), QStringLiteral("1"), QStringLiteral("--format")};
    const CliRun csv = cli(list + QStringList {QStringLiteral("csv")});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(csv.out,
        QStringLiteral("id,occurred_at,touch_number,channel,direction,outcome,author,notes\r\n"
                       "1,2024-05-10T09:00:00Z,1,sms,out,sent,,\r\n"));
    const CliRun table = cli(list + QStringList {QStringLiteral("table")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QLatin1String("2024-05-10 09:00")), qPrintable(table.out));
}

void TestCliTouches::replySetsStatus()
{
    QCOMPARE(logTouch(touchArgs("email", "out", "sent", "2024-05-10T09:00:00Z")).exitCode, 0);
    QCOMPARE(prospectStatus(1), QStringLiteral("new"));
    QCOMPARE(logTouch(touchArgs("email", "in", "replied", "2024-05-11T09:00:00Z")).exitCode, 0);
    QCOMPARE(prospectStatus(1), QStringLiteral("replied"));
    QCOMPARE(
        logTouch(touchArgs("meeting", "in", "meeting_booked", "2024-05-12T09:00:00Z")).exitCode, 0);
    QCOMPARE(prospectStatus(1), QStringLiteral("meeting_booked"));
}

void TestCliTouches::optOutBlocksUntilLifted()
{
    QCOMPARE(logTouch(touchArgs("email", "in", "opted_out", "2024-05-10T09:00:00Z")).exitCode, 0);
    QCOMPARE(prospectStatus(1), QStringLiteral("do_not_contact"));
    const CliRun refused = logTouch(touchArgs("phone", "out", "no_answer", "2024-05-11T09:00:00Z"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(refused.err,
        QStringLiteral("touchline-cli: Ada Lovelace asked not to be contacted. Lift "
                       "do-not-contact first if they agreed to hear from you again.\n"));
    // A note is still allowed.
    QCOMPARE(logTouch(touchArgs("note", "out", "noted", "2024-05-11T10:00:00Z")).exitCode, 0);

    const CliRun lifted = cli({QStringLiteral("prospects"), QStringLiteral("lift-dnc"),
        QStringLiteral("1"), QStringLiteral("--author"), QStringLiteral("Maya")});
    QCOMPARE(lifted.exitCode, 0);
    QCOMPARE(lifted.out, QStringLiteral("Ada Lovelace may be contacted again (status: new).\n"));
    QCOMPARE(logTouch(touchArgs("phone", "out", "no_answer", "2024-05-12T09:00:00Z")).exitCode, 0);
    const CliRun again
        = cli({QStringLiteral("prospects"), QStringLiteral("lift-dnc"), QStringLiteral("1")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QLatin1String("not marked do not contact")), qPrintable(again.err));
}

void TestCliTouches::deleteRenumbers()
{
    for (const char *at : {"2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z", "2024-05-03T09:00:00Z"})
        QCOMPARE(logTouch(touchArgs("email", "out", "sent", at)).exitCode, 0);
    const CliRun deleted
        = cli({QStringLiteral("touches"), QStringLiteral("delete"), QStringLiteral("1")});
    QCOMPARE(deleted.exitCode, 0);
    QCOMPARE(deleted.out, QStringLiteral("Deleted touch 1.\n"));
    const QJsonArray rows = jsonOf(
        cli({QStringLiteral("touches"), QStringLiteral("list"), QStringLiteral("--prospect"),
            QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")}));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("touch_number")).toInt(), 1);
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("touch_number")).toInt(), 2);
    const CliRun missing
        = cli({QStringLiteral("touches"), QStringLiteral("delete"), QStringLiteral("1")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QLatin1String("There is no touch with id 1.")));
    QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
}

void TestCliTouches::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString touches = QStringLiteral("touches");
    const QString log = QStringLiteral("log");
    const QStringList logP = {touches, log, QStringLiteral("--prospect"), QStringLiteral("1")};
    QTest::newRow("touches without command")
        << QStringList {touches} << QStringLiteral("needs a command: log, list or delete");
    QTest::newRow("unknown touches command") << QStringList {touches, QStringLiteral("edit")}
                                             << QStringLiteral("Unknown command \"touches edit\"");
    QTest::newRow("unknown channel")
        << logP + touchArgs("fax", "out", "sent", "2024-05-01T09:00:00Z")
        << QStringLiteral("Unknown channel \"fax\"; use one of: email, phone, linkedin, sms, "
                          "meeting, note.");
    QTest::newRow("unknown direction")
        << logP + touchArgs("email", "outbound", "sent", "2024-05-01T09:00:00Z")
        << QStringLiteral("Unknown direction \"outbound\"; use one of: out, in.");
    QTest::newRow("unknown outcome")
        << logP + touchArgs("email", "out", "delivered", "2024-05-01T09:00:00Z")
        << QStringLiteral("Unknown outcome \"delivered\"; use one of: sent, bounced, no_answer, "
                          "voicemail, connected, accepted, replied, meeting_booked, meeting_held, "
                          "opted_out, noted.");
    QTest::newRow("bad time") << logP + touchArgs("email", "out", "sent", "yesterday")
                              << QStringLiteral("--at needs a time in ISO 8601");
    QTest::newRow("missing channel") << QStringList {touches, log, QStringLiteral("--prospect"),
        QStringLiteral("1"), QStringLiteral("--direction"), QStringLiteral("out"),
        QStringLiteral("--outcome"), QStringLiteral("sent")}
                                     << QStringLiteral("--channel is required.");
    QTest::newRow("bad prospect id")
        << QStringList {touches, log, QStringLiteral("--prospect"), QStringLiteral("ada")}
            + touchArgs("email", "out", "sent", "2024-05-01T09:00:00Z")
        << QStringLiteral("\"ada\" is not a prospect id.");
    QTest::newRow("list without prospect") << QStringList {touches, QStringLiteral("list")}
                                           << QStringLiteral("--prospect is required.");
    QTest::newRow("delete a word") << QStringList {touches, QStringLiteral("delete"),
        QStringLiteral("x")} << QStringLiteral("\"x\" is not a touch id.");
    QTest::newRow("lift without id") << QStringList {QStringLiteral("prospects"),
        QStringLiteral("lift-dnc")} << QStringLiteral("Missing argument ID");
}

void TestCliTouches::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("--help")), qPrintable(result.err));
    QCOMPARE(cli({QStringLiteral("touches"), QStringLiteral("list"), QStringLiteral("--prospect"),
                     QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv")})
                 .out.count(QLatin1Char('\n')),
        1); // nothing was logged
}

void TestCliTouches::runtimeErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList logP = {QStringLiteral("touches"), QStringLiteral("log"),
        QStringLiteral("--prospect"), QStringLiteral("1")};
    QTest::newRow("outcome that does not fit the channel")
        << logP + touchArgs("email", "out", "voicemail", "2024-05-01T09:00:00Z")
        << QStringLiteral("The outcome \"voicemail\" does not fit channel email, direction out; "
                          "use one of: sent, bounced.");
    QTest::newRow("future date") << logP + touchArgs("email", "out", "sent", "2999-01-01T09:00:00Z")
                                 << QStringLiteral("2999-01-01T09:00:00Z is in the future");
    QTest::newRow("unknown prospect")
        << QStringList {QStringLiteral("touches"), QStringLiteral("log"),
               QStringLiteral("--prospect"), QStringLiteral("42")}
            + touchArgs("email", "out", "sent", "2024-05-01T09:00:00Z")
        << QStringLiteral("There is no prospect with id 42.");
    QTest::newRow("list of an unknown prospect") << QStringList {QStringLiteral("touches"),
        QStringLiteral("list"), QStringLiteral("--prospect"),
        QStringLiteral("42")} << QStringLiteral("There is no prospect with id 42.");
    QTest::newRow("lift of an unknown prospect") << QStringList {QStringLiteral("prospects"),
        QStringLiteral("lift-dnc"),
        QStringLiteral("42")} << QStringLiteral("There is no prospect with id 42.");
}

void TestCliTouches::runtimeErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = cli(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith(QLatin1String("touchline-cli: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCliTouches)
#include "tst_cli_touches.moc"
