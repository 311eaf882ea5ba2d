#include "TestDatabase.h"
#include "Translations.h"
#include "itemmodels/TimelineModel.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

namespace {

QDateTime daysAgo(int days, int hour = 10)
{
    return QDateTime(QDate::currentDate().addDays(-days), QTime(hour, 0), QTimeZone::utc());
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_file;
    qint64 m_prospectId = 0;

    qint64 logTouch(TouchChannel channel, TouchDirection direction, TouchOutcome outcome,
        const QDateTime &when, const QString &notes = {})
    {
        Touch touch;
        touch.prospectId = m_prospectId;
        touch.channel = channel;
        touch.direction = direction;
        touch.outcome = outcome;
        touch.occurredAt = when;
        touch.notes = notes;
        Error error;
        TouchRepository repository(m_file->db());
        if (!repository.log(&touch, nullptr, &error))
            qWarning("log failed: %s", qPrintable(error.message));
        return touch.id;
    }

    static QVariantList column(const TimelineModel &model, int role)
    {
        QVariantList values;
        for (int row = 0; row < model.rowCount(); ++row)
            values.append(model.index(row, 0).data(role));
        return values;
    }

private Q_SLOTS:
    void initTestCase() { installTranslations(); }

    void init()
    {
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_file->isValid());
        Prospect p;
        p.firstName = QStringLiteral("Ada");
        p.lastName = QStringLiteral("Lovelace");
        p.company = QStringLiteral("Analytical Engines");
        Error error;
        QVERIFY2(ProspectRepository(m_file->db()).add(&p, &error), qPrintable(error.message));
        m_prospectId = p.id;
        QVERIFY(logTouch(TouchChannel::Email, TouchDirection::Out, TouchOutcome::Sent, daysAgo(9),
            QStringLiteral("Intro")));
        QVERIFY(logTouch(
            TouchChannel::Phone, TouchDirection::Out, TouchOutcome::Voicemail, daysAgo(5)));
        QVERIFY(logTouch(TouchChannel::Email, TouchDirection::In, TouchOutcome::Replied, daysAgo(2),
            QStringLiteral("Sounds good")));
    }

    void cleanup() { m_file.reset(); }

    void showsTouchesNewestFirst()
    {
        TimelineModel model(m_file->db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProspect(m_prospectId);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(column(model, TimelineModel::ChannelRole),
            (QVariantList {
                QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("email")}));
        QCOMPARE(column(model, TimelineModel::DirectionRole),
            (QVariantList {QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("out")}));
        QCOMPARE(column(model, TimelineModel::TouchNumberRole), (QVariantList {0, 2, 1}));
        QCOMPARE(model.index(0, 0).data(TimelineModel::TitleRole),
            QVariant(QStringLiteral("Email · Replied")));
        QCOMPARE(model.index(0, 0).data(TimelineModel::NotesRole),
            QVariant(QStringLiteral("Sounds good")));
        QCOMPARE(model.index(2, 0).data(TimelineModel::TimeRole).toDateTime(), daysAgo(9));
        QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());

        model.setNewestFirst(false);
        QCOMPARE(column(model, TimelineModel::TouchNumberRole), (QVariantList {1, 2, 0}));
        QCOMPARE(model.touchAt(0)->outcome, TouchOutcome::Sent);
        QCOMPARE(model.rowOfTouch(model.touchAt(2)->id), 2);
    }

    void summarisesTheProspect()
    {
        TimelineModel model(m_file->db());
        QSignalSpy summaryChanged(&model, &TimelineModel::summaryChanged);
        model.setProspect(m_prospectId);
        QCOMPARE(summaryChanged.size(), 1);
        const auto summary = model.summary();
        QVERIFY(summary);
        QCOMPARE(summary->prospect.lastName, QStringLiteral("Lovelace"));
        QCOMPARE(summary->outboundTouches, 2);
        QCOMPARE(summary->firstTouchAt, daysAgo(9));
        QCOMPARE(summary->lastTouchAt, daysAgo(5));
        QVERIFY(summary->replied);
        QCOMPARE(summary->prospect.status, ProspectStatus::Replied);
    }

    void followsWritesToTheFile()
    {
        TimelineModel model(m_file->db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProspect(m_prospectId);
        logTouch(TouchChannel::Sms, TouchDirection::Out, TouchOutcome::Sent, daysAgo(1));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(
            model.index(0, 0).data(TimelineModel::ChannelRole), QVariant(QStringLiteral("sms")));
        QCOMPARE(model.summary()->outboundTouches, 3);
    }

    void writesElsewhereKeepTheRows()
    {
        TimelineModel model(m_file->db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProspect(m_prospectId);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Another prospect added: a write to the prospects table that is not ours.
        Prospect other;
        other.firstName = QStringLiteral("Grace");
        QVERIFY(ProspectRepository(m_file->db()).add(&other, nullptr));
        // One of our touches gets a new note: same rows, new text.
        Touch touch = *model.touchAt(0);
        touch.notes = QStringLiteral("Sounds very good");
        Error error;
        QVERIFY2(TouchRepository(m_file->db()).update(&touch, nullptr, &error),
            qPrintable(error.message));

        QCOMPARE(reset.size(), 0);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(model.index(0, 0).data(TimelineModel::NotesRole),
            QVariant(QStringLiteral("Sounds very good")));
    }

    void optOutAddsAnEvent()
    {
        TimelineModel model(m_file->db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProspect(m_prospectId);
        logTouch(TouchChannel::Email, TouchDirection::In, TouchOutcome::OptedOut, daysAgo(0, 0));
        QCOMPARE(model.rowCount(), 5); // the touch and the do-not-contact event
        const QVariantList kinds = column(model, TimelineModel::KindRole);
        QCOMPARE(kinds.count(QVariant::fromValue(TimelineModel::ItemKind::Event)), 1);
        QCOMPARE(model.summary()->prospect.status, ProspectStatus::DoNotContact);
        // An event is not a touch: it cannot be edited as one.
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool isEvent
                = model.index(row, 0).data(TimelineModel::KindRole).value<TimelineModel::ItemKind>()
                == TimelineModel::ItemKind::Event;
            QCOMPARE(model.touchAt(row).has_value(), !isEvent);
        }
    }

    void noProspectMeansNoRows_data()
    {
        QTest::addColumn<qint64>("prospectId");
        QTest::newRow("none") << qint64(0);
        QTest::newRow("unknown") << qint64(987654);
    }

    void noProspectMeansNoRows()
    {
        QFETCH(qint64, prospectId);
        TimelineModel model(m_file->db());
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy errors(&model, &TimelineModel::errorOccurred);
        model.setProspect(m_prospectId);
        model.setProspect(prospectId);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.summary());
        QVERIFY(!model.touchAt(0));
        QCOMPARE(errors.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
