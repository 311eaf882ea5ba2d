#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "commands/EnrollmentEditor.h"
#include "itemmodels/DueListModel.h"
#include "storage/CadenceRepository.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

#include <memory>

using namespace Touchline;

namespace {

struct StepSpec
{
    TouchChannel channel;
    int waitDays;
    int windowStart; // minutes; -1: any time
    int windowEnd;
};

// A local time `daysAgo` days before today, on the test's clock.
QDateTime localTime(int daysAgo, int hour, int minute = 0)
{
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(hour, minute)).toUTC();
}

} // namespace

class TestDueListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_file;
    // "Now": email, then phone after 2 days, then SMS after 2 more; no send windows.
    qint64 m_now = 0;
    // "Calls": one phone step, due at once.
    qint64 m_calls = 0;
    // Send windows 08:00-10:00 and 07:00-10:00.
    qint64 m_morning = 0;
    qint64 m_early = 0;

    Database &db() { return m_file->db(); }

    qint64 addCadence(const QString &name, const QList<StepSpec> &specs)
    {
        Cadence cadence;
        cadence.name = name;
        int position = 0;
        for (const StepSpec &spec : specs) {
            CadenceStep step;
            step.channel = spec.channel;
            step.waitDays = spec.waitDays;
            step.windowStartMinute = spec.windowStart;
            step.windowEndMinute = spec.windowEnd;
            step.purpose = QStringLiteral("Step %1 of %2").arg(++position).arg(name);
            step.body = QStringLiteral("Hi {{first_name}}");
            cadence.steps.append(step);
        }
        Error error;
        if (!CadenceRepository(db()).add(&cadence, &error))
            qWarning("adding a cadence failed: %s", qPrintable(error.message));
        return cadence.id;
    }

    qint64 addProspect(const QString &firstName, qint64 ownerId = 0, const QString &zone = {})
    {
        Prospect p;
        p.firstName = firstName;
        p.lastName = QStringLiteral("Tester");
        p.company = firstName + QStringLiteral(" Corp");
        p.ownerId = ownerId;
        p.timeZone = zone;
        Error error;
        if (!ProspectRepository(db()).add(&p, &error))
            qWarning("adding a prospect failed: %s", qPrintable(error.message));
        return p.id;
    }

    // Enrolled now, through the repository, as the app does.
    qint64 enroll(qint64 cadenceId, qint64 prospectId)
    {
        EnrollResult result;
        Error error;
        if (!EnrollmentRepository(db()).enroll(cadenceId, {prospectId}, 0, &result, &error)
            || result.enrolled.size() != 1) {
            qWarning("enrolling failed: %s", qPrintable(error.message));
            return 0;
        }
        return result.enrolled.first();
    }

    // Enrolled at a past time: written directly, then derived by the engine.
    bool enrollAt(qint64 cadenceId, qint64 prospectId, const QDateTime &enrolledAt)
    {
        const qint64 ms = enrolledAt.toMSecsSinceEpoch();
        Error error;
        if (!Test::execSql(db(),
                QStringLiteral("INSERT INTO enrollments (prospect_id, cadence_id, state, "
                               "next_position, enrolled_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)"),
                {prospectId, cadenceId, QStringLiteral("active"), ms, ms})
            || !EnrollmentRepository::refreshProspects(db(), {prospectId}, &error)) {
            qWarning("enrolling in the past failed: %s", qPrintable(error.message));
            return false;
        }
        return true;
    }

    static QStringList names(const DueListModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(model.index(row).data(DueListModel::ProspectNameRole).toString());
        return result;
    }

    static QStringList column(const DueListModel &model, int role)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(model.index(row).data(role).toString());
        return result;
    }

    static QString name(const char *firstName)
    {
        return QString::fromLatin1(firstName) + QStringLiteral(" Tester");
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Away from UTC, so that local days and UTC days differ.
        qputenv("TZ", "Europe/Berlin");
        installTranslations();
    }

    void init()
    {
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_file->isValid());
        m_now = addCadence(QStringLiteral("Now"),
            {{TouchChannel::Email, 0, -1, -1}, {TouchChannel::Phone, 2, -1, -1},
                {TouchChannel::Sms, 2, -1, -1}});
        m_calls = addCadence(QStringLiteral("Calls"), {{TouchChannel::Phone, 0, -1, -1}});
        m_morning = addCadence(QStringLiteral("Morning"),
            {{TouchChannel::Email, 0, 480, 600}, {TouchChannel::Email, 3, 480, 600}});
        m_early = addCadence(QStringLiteral("Early"), {{TouchChannel::Email, 0, 420, 600}});
        QVERIFY(m_now && m_calls && m_morning && m_early);
    }

    void cleanup() { m_file.reset(); }

    void emptyWithoutEnrollments()
    {
        addProspect(QStringLiteral("Ada"));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.dueTodayCount(), 0);
        QCOMPARE(model.overdueCount(), 0);
    }

    // By due time, then by the start of the send window; the rest of the step's facts.
    void ordersByDueTimeThenWindow()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 bob = addProspect(QStringLiteral("Bob"));
        const qint64 cy = addProspect(QStringLiteral("Cy"));
        const qint64 dee = addProspect(QStringLiteral("Dee"));
        // Ada and Bob are due yesterday at 08:30; Bob's window starts earlier.
        QVERIFY(enrollAt(m_morning, ada, localTime(1, 8, 30)));
        QVERIFY(enrollAt(m_early, bob, localTime(1, 8, 30)));
        // Cy enrolled two days ago at noon, after no window: due then.
        QVERIFY(enrollAt(m_now, cy, localTime(2, 12)));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(enroll(m_calls, dee));

        QCOMPARE(names(model), QStringList({name("Cy"), name("Bob"), name("Ada"), name("Dee")}));
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), name("Cy"));
        QCOMPARE(model.index(0).data(DueListModel::DueAtRole).toDateTime(), localTime(2, 12));
        QCOMPARE(model.index(1).data(DueListModel::DueAtRole).toDateTime(), localTime(1, 8, 30));
        QCOMPARE(model.index(2).data(DueListModel::DueAtRole).toDateTime(), localTime(1, 8, 30));
        QCOMPARE(column(model, DueListModel::OverdueRole),
            QStringList({QStringLiteral("true"), QStringLiteral("true"), QStringLiteral("true"),
                QStringLiteral("false")}));
        QCOMPARE(column(model, DueListModel::CompanyRole),
            QStringList({QStringLiteral("Cy Corp"), QStringLiteral("Bob Corp"),
                QStringLiteral("Ada Corp"), QStringLiteral("Dee Corp")}));
        QCOMPARE(column(model, DueListModel::ChannelRole),
            QStringList({QStringLiteral("email"), QStringLiteral("email"), QStringLiteral("email"),
                QStringLiteral("phone")}));
        QCOMPARE(column(model, DueListModel::StepRole),
            QStringList({QStringLiteral("1 of 3"), QStringLiteral("1 of 1"),
                QStringLiteral("1 of 2"), QStringLiteral("1 of 1")}));
        QCOMPARE(column(model, DueListModel::CadenceRole),
            QStringList({QStringLiteral("Now"), QStringLiteral("Early"), QStringLiteral("Morning"),
                QStringLiteral("Calls")}));
        QCOMPARE(model.index(2).data(DueListModel::PurposeRole).toString(),
            QStringLiteral("Step 1 of Morning"));
        QCOMPARE(model.index(0).data(DueListModel::ProspectIdRole).toLongLong(), cy);
        const qint64 enrollmentId
            = model.index(3).data(DueListModel::EnrollmentIdRole).toLongLong();
        QCOMPARE(model.rowOfEnrollment(enrollmentId), 3);
        QCOMPARE(model.itemAt(3)->prospectId, dee);
        QCOMPARE(model.rowOfEnrollment(-1), -1);
        QVERIFY(!model.itemAt(4));

        // Today: the time; earlier days: the day and the time, on the local clock.
        const QString dueNow
            = QLocale().toString(model.itemAt(3)->dueAt.toLocalTime().time(), QLocale::ShortFormat);
        QCOMPARE(model.index(3).data(DueListModel::DueTextRole).toString(), dueNow);
        QCOMPARE(model.index(1).data(DueListModel::DueTextRole).toString(),
            QStringLiteral("yesterday ") + QLocale().toString(QTime(8, 30), QLocale::ShortFormat));
        QCOMPARE(model.index(0).data(DueListModel::DueTextRole).toString(),
            QLocale().dayName(QDate::currentDate().addDays(-2).dayOfWeek(), QLocale::ShortFormat)
                + QLatin1Char(' ') + QLocale().toString(QTime(12, 0), QLocale::ShortFormat));
    }

    void theirTime_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("window");
        QTest::addColumn<QString>("expected"); // "%1" for the due time on their clock
        QTest::newRow("unknown zone") << QString() << true << QString();
        QTest::newRow("same offset as ours") << "Europe/Paris" << true << QString();
        QTest::newRow("window elsewhere") << "America/New_York" << true << "08:00-10:00 their time";
        QTest::newRow("no window elsewhere") << "America/New_York" << false << "%1 their time";
    }

    void theirTime()
    {
        QFETCH(QString, zone);
        QFETCH(bool, window);
        QFETCH(QString, expected);
        const qint64 ada = addProspect(QStringLiteral("Ada"), 0, zone);
        // Early enough on their clock too that the item is overdue wherever they are.
        QVERIFY(enrollAt(window ? m_morning : m_now, ada, localTime(3, 12)));
        DueListModel model(db());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(DueListModel::TimeZoneRole).toString(), zone);
        if (expected.contains(QLatin1String("%1"))) {
            const QDateTime theirs = model.itemAt(0)->dueAt.toTimeZone(QTimeZone(zone.toUtf8()));
            expected = expected.arg(QLocale().toString(theirs.time(), QLocale::ShortFormat));
        }
        QCOMPARE(model.index(0).data(DueListModel::TheirTimeRole).toString(), expected);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("owner"); // "", "maya" or "sam"
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("everything")
            << QString() << QString()
            << QStringList({name("Ada"), name("Bob"), name("Cy"), name("Dee")});
        QTest::newRow("maya") << "maya" << QString() << QStringList({name("Ada"), name("Cy")});
        QTest::newRow("sam") << "sam" << QString() << QStringList({name("Bob")});
        QTest::newRow("email") << QString() << "email" << QStringList({name("Ada"), name("Bob")});
        QTest::newRow("phone") << QString() << "phone" << QStringList({name("Cy"), name("Dee")});
        QTest::newRow("maya by phone") << "maya"
                                       << "phone" << QStringList({name("Cy")});
        QTest::newRow("sam by phone") << "sam"
                                      << "phone" << QStringList();
        QTest::newRow("sms") << QString() << "sms" << QStringList();
    }

    void filters()
    {
        QFETCH(QString, owner);
        QFETCH(QString, channel);
        QFETCH(QStringList, expected);
        UserRepository users(db());
        Error error;
        const qint64 maya = users.ensure(QStringLiteral("Maya"), &error);
        const qint64 sam = users.ensure(QStringLiteral("Sam"), &error);
        QVERIFY(maya && sam);
        const qint64 ada = addProspect(QStringLiteral("Ada"), maya);
        const qint64 bob = addProspect(QStringLiteral("Bob"), sam);
        const qint64 cy = addProspect(QStringLiteral("Cy"), maya);
        const qint64 dee = addProspect(QStringLiteral("Dee"));
        QVERIFY(enrollAt(m_now, ada, localTime(4, 12)));
        QVERIFY(enrollAt(m_now, bob, localTime(3, 12)));
        QVERIFY(enrollAt(m_calls, cy, localTime(2, 12)));
        QVERIFY(enrollAt(m_calls, dee, localTime(1, 12)));

        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &DueListModel::countsChanged);
        model.setOwnerFilter(owner.isEmpty() ? 0 : owner == QLatin1String("maya") ? maya : sam);
        model.setChannelFilter(channel);
        QCOMPARE(names(model), expected);
        QCOMPARE(model.overdueCount(), expected.size());
        QCOMPARE(model.dueTodayCount(), 0);
        QCOMPARE(model.ownerFilter(),
            owner.isEmpty()                      ? 0
                : owner == QLatin1String("maya") ? maya
                                                 : sam);
        QCOMPARE(model.channelFilter(), channel);
        // The counts follow the filters, and are announced only when they change.
        QCOMPARE(counts.isEmpty(), expected.size() == 4);
        if (!counts.isEmpty())
            QCOMPARE(counts.last(), QVariantList({0, int(expected.size())}));

        model.setOwnerFilter(0);
        model.setChannelFilter({});
        QCOMPARE(model.rowCount(), 4);
    }

    void countsSplitTodayAndOverdue()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 bob = addProspect(QStringLiteral("Bob"));
        const qint64 cy = addProspect(QStringLiteral("Cy"));
        QVERIFY(enrollAt(m_now, ada, localTime(2, 12)));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.overdueCount(), 1);
        QCOMPARE(model.dueTodayCount(), 0);
        QSignalSpy counts(&model, &DueListModel::countsChanged);
        QVERIFY(enroll(m_now, bob));
        QVERIFY(enroll(m_calls, cy));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.dueTodayCount(), 2);
        QCOMPARE(model.overdueCount(), 1);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts.at(0), QVariantList({1, 1}));
        QCOMPARE(counts.at(1), QVariantList({2, 1}));
        // Nothing changed: no signal.
        model.refresh();
        QCOMPARE(counts.size(), 2);
    }

    // Working an item takes it off the list with a row removal, and the current
    // item and the selection stay on their enrollments.
    void workingAnItemRemovesIt_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("touch for the step") << "touch";
        QTest::newRow("skip") << "skip";
        QTest::newRow("snooze to tomorrow") << "snooze";
    }

    void workingAnItemRemovesIt()
    {
        QFETCH(QString, how);
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 bob = addProspect(QStringLiteral("Bob"));
        const qint64 cy = addProspect(QStringLiteral("Cy"));
        QVERIFY(enrollAt(m_now, ada, localTime(2, 12)));
        QVERIFY(enrollAt(m_now, bob, localTime(1, 12)));
        QVERIFY(enroll(m_now, cy));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(names(model), QStringList({name("Ada"), name("Bob"), name("Cy")}));
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(2), QItemSelectionModel::ClearAndSelect);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy counts(&model, &DueListModel::countsChanged);

        const DueItem bobsItem = *model.itemAt(1);
        Error error;
        EnrollmentRepository enrollments(db());
        if (how == QLatin1String("touch")) {
            Touch touch;
            touch.prospectId = bob;
            touch.channel = TouchChannel::Email;
            touch.outcome = TouchOutcome::Sent;
            touch.occurredAt = QDateTime::currentDateTimeUtc();
            touch.enrollmentId = bobsItem.enrollmentId;
            touch.stepId = bobsItem.step.id;
            QVERIFY2(TouchRepository(db()).log(&touch, nullptr, &error), qPrintable(error.message));
        } else if (how == QLatin1String("skip")) {
            QVERIFY2(
                enrollments.skipStep(bobsItem.enrollmentId, 0, &error), qPrintable(error.message));
        } else {
            QVERIFY2(enrollments.snooze(bobsItem.enrollmentId,
                         QDate::currentDate().addDays(1).startOfDay(QTimeZone::systemTimeZone()), 0,
                         &error),
                qPrintable(error.message));
        }

        QCOMPARE(names(model), QStringList({name("Ada"), name("Cy")}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(selection.currentIndex().row(), 1);
        QCOMPARE(selection.selectedIndexes(), QModelIndexList({model.index(1)}));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.first(), QVariantList({1, 1}));
    }

    // A touch outside the cadence counts as contact but completes no step.
    void touchOutsideTheCadenceKeepsTheStep()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        QVERIFY(enroll(m_now, ada));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        Touch touch;
        touch.prospectId = ada;
        touch.channel = TouchChannel::Email;
        touch.outcome = TouchOutcome::Sent;
        touch.occurredAt = QDateTime::currentDateTimeUtc();
        Error error;
        QVERIFY2(TouchRepository(db()).log(&touch, nullptr, &error), qPrintable(error.message));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(DueListModel::StepRole).toString(), QStringLiteral("1 of 3"));
    }

    // The next step replaces the done one in place when it is due at once.
    void nextStepDueAtOnceUpdatesTheRow()
    {
        const qint64 zed = addCadence(QStringLiteral("Zero waits"),
            {{TouchChannel::Email, 0, -1, -1}, {TouchChannel::Sms, 0, -1, -1}});
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        QVERIFY(enroll(zed, ada));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Error error;
        QVERIFY2(EnrollmentRepository(db()).skipStep(model.itemAt(0)->enrollmentId, 0, &error),
            qPrintable(error.message));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(DueListModel::StepRole).toString(), QStringLiteral("2 of 2"));
        QCOMPARE(model.index(0).data(DueListModel::ChannelRole).toString(), QStringLiteral("sms"));
    }

    // Undoing a skip or snooze puts the step back on the list, and redo takes it off again.
    void undoingSkipAndSnooze_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::newRow("skip") << true;
        QTest::newRow("snooze") << false;
    }

    void undoingSkipAndSnooze()
    {
        QFETCH(bool, skip);
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 enrollmentId = enroll(m_now, ada);
        QVERIFY(enrollmentId);
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DueItem before = *model.itemAt(0);
        QUndoStack undoStack;
        EnrollmentEditor editor(db(), &undoStack, 0);
        Error error;
        const QDateTime tomorrow
            = QDate::currentDate().addDays(1).startOfDay(QTimeZone::systemTimeZone());
        QVERIFY2(skip ? editor.skipStep(enrollmentId, &error)
                      : editor.snooze(enrollmentId, tomorrow, &error),
            qPrintable(error.message));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(undoStack.count(), 1);

        QList<ProspectEvent> events;
        QVERIFY(TouchRepository(db()).listEvents(ada, &events, &error));
        QCOMPARE(events.size(), 2);
        QCOMPARE(
            events.last().kind, skip ? ProspectEventKind::StepSkipped : ProspectEventKind::Snoozed);
        QCOMPARE(events.last().stepId, before.step.id);

        QSignalSpy failures(&editor, &Editor::failed);
        undoStack.undo();
        QCOMPARE(failures, QList<QVariantList>());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.itemAt(0)->step.id, before.step.id);
        QCOMPARE(model.itemAt(0)->dueAt, before.dueAt);
        QVERIFY(TouchRepository(db()).listEvents(ada, &events, &error));
        QCOMPARE(events.size(), 1);
        QCOMPARE(EnrollmentRepository(db()).get(enrollmentId, &error)->snoozedUntil, QDateTime());

        undoStack.redo();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(TouchRepository(db()).listEvents(ada, &events, &error));
        QCOMPARE(events.size(), 2);
    }

    // Undoing the second of two snoozes restores the first.
    void undoingASnoozeRestoresTheOneBefore()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 enrollmentId = enroll(m_now, ada);
        QUndoStack undoStack;
        EnrollmentEditor editor(db(), &undoStack, 0);
        const QDateTime first
            = QDate::currentDate().addDays(2).startOfDay(QTimeZone::systemTimeZone());
        const QDateTime second = first.addDays(3);
        Error error;
        QVERIFY2(editor.snooze(enrollmentId, first, &error), qPrintable(error.message));
        QVERIFY2(editor.snooze(enrollmentId, second, &error), qPrintable(error.message));
        EnrollmentRepository enrollments(db());
        QCOMPARE(enrollments.get(enrollmentId, &error)->dueAt, second);
        undoStack.undo();
        QCOMPARE(enrollments.get(enrollmentId, &error)->snoozedUntil, first);
        QCOMPARE(enrollments.get(enrollmentId, &error)->dueAt, first);
    }

    void undoDecisionRefusesOtherEvents()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        QVERIFY(enroll(m_now, ada));
        QList<ProspectEvent> events;
        Error error;
        QVERIFY(TouchRepository(db()).listEvents(ada, &events, &error));
        QCOMPARE(events.size(), 1); // enrolled
        EnrollmentRepository enrollments(db());
        QVERIFY(!enrollments.undoDecisions({events.first().id}, &error));
        QCOMPARE(error.kind, Error::Kind::Invalid);
        QVERIFY(!enrollments.undoDecisions({events.first().id + 100}, &error));
        QCOMPARE(error.kind, Error::Kind::NotFound);
        QVERIFY(TouchRepository(db()).listEvents(ada, &events, &error));
        QCOMPARE(events.size(), 1);
    }

    void followsRenamesAndDeletions()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        const qint64 bob = addProspect(QStringLiteral("Bob"));
        QVERIFY(enroll(m_now, ada));
        QVERIFY(enroll(m_now, bob));
        DueListModel model(db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProspectRepository prospects(db());
        Error error;
        std::optional<Prospect> p = prospects.get(ada, &error);
        QVERIFY(p);
        p->firstName = QStringLiteral("Augusta");
        QVERIFY2(prospects.update(&*p, &error), qPrintable(error.message));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Augusta Tester"));
        QVERIFY2(prospects.remove({bob}, nullptr, &error), qPrintable(error.message));
        QCOMPARE(names(model), QStringList({QStringLiteral("Augusta Tester")}));
    }
};

QTEST_MAIN(TestDueListModel)
#include "tst_duelistmodel.moc"
