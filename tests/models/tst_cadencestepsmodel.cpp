// The steps of one cadence as a list model: itemmodels/CadenceStepsModel.h.

#include "Translations.h"
#include "itemmodels/CadenceStepsModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Touchline;

namespace {

CadenceStep makeStep(qint64 id, TouchChannel channel, int waitDays, const QString &purpose)
{
    CadenceStep step;
    step.id = id;
    step.channel = channel;
    step.waitDays = waitDays;
    step.purpose = purpose;
    return step;
}

QList<CadenceStep> fourSteps()
{
    QList<CadenceStep> steps {makeStep(11, TouchChannel::Email, 0, QStringLiteral("Hello")),
        makeStep(12, TouchChannel::Phone, 3, QStringLiteral("Call")),
        makeStep(13, TouchChannel::LinkedIn, 4, QStringLiteral("Connect")),
        makeStep(14, TouchChannel::Email, 7, QStringLiteral("Close"))};
    for (int i = 0; i < steps.size(); ++i)
        steps[i].position = i + 1;
    return steps;
}

QList<qint64> idsOf(const CadenceStepsModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row).data(CadenceStepsModel::StepIdRole).toLongLong());
    return ids;
}

QList<qint64> idsOf(const QList<CadenceStep> &steps)
{
    QList<qint64> ids;
    for (const CadenceStep &step : steps)
        ids.append(step.id);
    return ids;
}

} // namespace

class TestCadenceStepsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }
    void init();
    void cleanup();

    void showsSteps();
    void setStepsUpdatesInPlace();
    void anotherCadenceResets();
    void moveRowsCommitsTheNewOrder_data();
    void moveRowsCommitsTheNewOrder();
    void moveShownByTheCommitIsNotRepeated();
    void refusedCommitChangesNothing();
    void readOnlyRefusesChanges();
    void insertAndRemoveSteps();
    void dragAndDropMoves_data();
    void dragAndDropMoves();
    void dropFromAnotherCadenceIsRefused();
    void warningsShowOnTheirSteps();
    void timingText_data();
    void timingText();

private:
    // What the commit function received, and whether it shows it like the editor does.
    struct Commit
    {
        QList<CadenceStep> steps;
        QString text;
    };
    QList<Commit> m_commits;
    bool m_accept = true;
    bool m_showCommitted = false;
    std::unique_ptr<CadenceStepsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCadenceStepsModel::init()
{
    m_commits.clear();
    m_accept = true;
    m_showCommitted = false;
    m_model = std::make_unique<CadenceStepsModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCommitFunction([this](const QList<CadenceStep> &steps, const QString &text) {
        m_commits.append({steps, text});
        if (m_accept && m_showCommitted)
            m_model->setSteps(m_model->cadenceId(), steps);
        return m_accept;
    });
    m_model->setSteps(1, fourSteps());
}

void TestCadenceStepsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestCadenceStepsModel::showsSteps()
{
    QCOMPARE(m_model->rowCount(), 4);
    const QModelIndex second = m_model->index(1);
    QCOMPARE(second.data().toString(), QStringLiteral("2. Phone call: Call"));
    QCOMPARE(second.data(CadenceStepsModel::ChannelRole).toString(), QStringLiteral("phone"));
    QCOMPARE(second.data(CadenceStepsModel::WaitDaysRole).toInt(), 3);
    QCOMPARE(second.data(CadenceStepsModel::PositionRole).toInt(), 2);
    QCOMPARE(second.data(CadenceStepsModel::StepIdRole).toLongLong(), 12);
    QCOMPARE(second.data(CadenceStepsModel::TimingRole).toString(),
        QStringLiteral("3 days later, any time"));
    QCOMPARE(m_model->rowOfStep(13), 2);
    QCOMPARE(m_model->rowOfStep(99), -1);
    QVERIFY(m_model->flags(second) & Qt::ItemIsDragEnabled);
    QVERIFY(!(m_model->flags(second) & Qt::ItemIsDropEnabled)); // dropped between steps only
    QVERIFY(m_model->flags(QModelIndex()) & Qt::ItemIsDropEnabled);
}

void TestCadenceStepsModel::setStepsUpdatesInPlace()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QPersistentModelIndex call = m_model->index(1);

    QList<CadenceStep> steps = fourSteps();
    steps.removeAt(0);                                                           // 11 goes
    steps.move(2, 0);                                                            // 14 first
    steps.insert(1, makeStep(15, TouchChannel::Sms, 2, QStringLiteral("Text"))); // 15 comes
    steps[2].purpose = QStringLiteral("Call again");                             // 12 changes
    m_model->setSteps(1, steps);

    QCOMPARE(idsOf(*m_model), QList<qint64>({14, 15, 12, 13}));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(moved.count() >= 1);
    QVERIFY(changed.count() >= 1);
    QVERIFY(call.isValid()); // the call step kept its index, now in row 2
    QCOMPARE(call.row(), 2);
    QCOMPARE(call.data(CadenceStepsModel::PurposeRole).toString(), QStringLiteral("Call again"));

    // The same steps again: nothing to say.
    changed.clear();
    m_model->setSteps(1, steps);
    QCOMPARE(changed.count(), 0);
}

void TestCadenceStepsModel::anotherCadenceResets()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setSteps(2, {makeStep(21, TouchChannel::Email, 0, QStringLiteral("Other"))});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->cadenceId(), 2);
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setSteps(0, {});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestCadenceStepsModel::moveRowsCommitsTheNewOrder_data()
{
    QTest::addColumn<int>("sourceRow");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("destinationChild");
    QTest::addColumn<QList<qint64>>("order");
    QTest::addColumn<QString>("undoText");

    QTest::newRow("first down one") << 0 << 1 << 2 << QList<qint64>({12, 11, 13, 14})
                                    << QStringLiteral("Move step 1 to position 2");
    QTest::newRow("last to top") << 3 << 1 << 0 << QList<qint64>({14, 11, 12, 13})
                                 << QStringLiteral("Move step 4 to position 1");
    QTest::newRow("first to end") << 0 << 1 << 4 << QList<qint64>({12, 13, 14, 11})
                                  << QStringLiteral("Move step 1 to position 4");
    QTest::newRow("two up") << 2 << 2 << 0 << QList<qint64>({13, 14, 11, 12})
                            << QStringLiteral("Move 2 steps");
}

void TestCadenceStepsModel::moveRowsCommitsTheNewOrder()
{
    QFETCH(int, sourceRow);
    QFETCH(int, count);
    QFETCH(int, destinationChild);
    QFETCH(QList<qint64>, order);
    QFETCH(QString, undoText);

    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QVERIFY(m_model->moveRows(QModelIndex(), sourceRow, count, QModelIndex(), destinationChild));
    QCOMPARE(m_commits.size(), 1);
    QCOMPARE(idsOf(m_commits.first().steps), order);
    QCOMPARE(m_commits.first().text, undoText);
    for (int i = 0; i < m_commits.first().steps.size(); ++i)
        QCOMPARE(m_commits.first().steps.at(i).position, i + 1);
    QCOMPARE(idsOf(*m_model), order);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(m_model->index(0).data(CadenceStepsModel::PositionRole).toInt(), 1);
}

void TestCadenceStepsModel::moveShownByTheCommitIsNotRepeated()
{
    // The editor stores the steps and shows them at once, inside the commit.
    m_showCommitted = true;
    QVERIFY(m_model->moveStep(3, 1));
    QCOMPARE(idsOf(*m_model), QList<qint64>({11, 14, 12, 13}));
    QVERIFY(m_model->moveStep(0, 3));
    QCOMPARE(idsOf(*m_model), QList<qint64>({14, 12, 13, 11}));
    QCOMPARE(m_commits.size(), 2);

    // Moving onto itself is no move.
    QVERIFY(!m_model->moveStep(2, 2));
    QVERIFY(!m_model->moveRows(QModelIndex(), 1, 1, QModelIndex(), 2));
    QCOMPARE(m_commits.size(), 2);
}

void TestCadenceStepsModel::refusedCommitChangesNothing()
{
    m_accept = false;
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QVERIFY(!m_model->moveStep(0, 2));
    QVERIFY(!m_model->insertStep(0, makeStep(0, TouchChannel::Sms, 1, QString())));
    QVERIFY(!m_model->removeStep(1));
    QCOMPARE(m_commits.size(), 3);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(idsOf(*m_model), QList<qint64>({11, 12, 13, 14}));
}

void TestCadenceStepsModel::readOnlyRefusesChanges()
{
    m_model->setReadOnly(true);
    QVERIFY(!(m_model->flags(m_model->index(0)) & Qt::ItemIsDragEnabled));
    QVERIFY(!(m_model->flags(QModelIndex()) & Qt::ItemIsDropEnabled));
    QVERIFY(!m_model->moveStep(0, 2));
    QVERIFY(!m_model->removeStep(0));
    QVERIFY(!m_model->insertStep(0, CadenceStep()));
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(0)}));
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::MoveAction, 3, 0, QModelIndex()));
    QVERIFY(m_commits.isEmpty());

    m_model->setReadOnly(false);
    QVERIFY(m_model->moveStep(0, 2));

    // Without a commit function nothing can be changed either.
    CadenceStepsModel unconnected;
    unconnected.setSteps(1, fourSteps());
    QVERIFY(!unconnected.moveStep(0, 1));
    QVERIFY(!(unconnected.flags(unconnected.index(0)) & Qt::ItemIsDragEnabled));
}

void TestCadenceStepsModel::insertAndRemoveSteps()
{
    CadenceStep sms = makeStep(0, TouchChannel::Sms, 2, QStringLiteral("Text"));
    QVERIFY(m_model->insertStep(2, sms));
    QCOMPARE(m_commits.last().text, QStringLiteral("Add step 3"));
    QCOMPARE(m_commits.last().steps.size(), 5);
    QCOMPARE(m_commits.last().steps.at(2).channel, TouchChannel::Sms);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(
        m_model->index(2).data(CadenceStepsModel::ChannelRole).toString(), QStringLiteral("sms"));
    QCOMPARE(m_model->index(4).data(CadenceStepsModel::PositionRole).toInt(), 5);

    // The editor gives the stored step its id.
    QList<CadenceStep> stored = m_commits.last().steps;
    stored[2].id = 15;
    m_model->setSteps(1, stored);
    QCOMPARE(idsOf(*m_model), QList<qint64>({11, 12, 15, 13, 14}));

    QVERIFY(m_model->removeStep(0));
    QCOMPARE(m_commits.last().text, QStringLiteral("Remove step 1 (Hello)"));
    QCOMPARE(idsOf(*m_model), QList<qint64>({12, 15, 13, 14}));
    QVERIFY(!m_model->removeStep(4));

    m_showCommitted = true;
    QVERIFY(m_model->removeStep(3));
    QCOMPARE(idsOf(*m_model), QList<qint64>({12, 15, 13}));
}

void TestCadenceStepsModel::dragAndDropMoves_data()
{
    QTest::addColumn<QList<int>>("dragged");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("parentRow");
    QTest::addColumn<QList<qint64>>("order");

    QTest::newRow("first below the third")
        << QList<int>({0}) << 3 << -1 << QList<qint64>({12, 13, 11, 14});
    QTest::newRow("last onto the first")
        << QList<int>({3}) << -1 << 0 << QList<qint64>({14, 11, 12, 13});
    QTest::newRow("second past the end")
        << QList<int>({1}) << -1 << -1 << QList<qint64>({11, 13, 14, 12});
    QTest::newRow("first and third together")
        << QList<int>({0, 2}) << 4 << -1 << QList<qint64>({12, 14, 11, 13});
}

void TestCadenceStepsModel::dragAndDropMoves()
{
    QFETCH(QList<int>, dragged);
    QFETCH(int, row);
    QFETCH(int, parentRow);
    QFETCH(QList<qint64>, order);

    QModelIndexList indexes;
    for (int r : dragged)
        indexes.append(m_model->index(r));
    std::unique_ptr<QMimeData> data(m_model->mimeData(indexes));
    QVERIFY(data);
    QVERIFY(data->hasFormat(CadenceStepsModel::mimeType()));
    const QModelIndex parent = parentRow >= 0 ? m_model->index(parentRow) : QModelIndex();
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, row, 0, parent));
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::CopyAction, row, 0, parent));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, row, 0, parent));
    QCOMPARE(m_commits.size(), 1);
    QCOMPARE(idsOf(m_commits.first().steps), order);
    QCOMPARE(idsOf(*m_model), order);
}

void TestCadenceStepsModel::dropFromAnotherCadenceIsRefused()
{
    CadenceStepsModel other;
    other.setSteps(2, {makeStep(21, TouchChannel::Email, 0, QStringLiteral("Other"))});
    std::unique_ptr<QMimeData> data(other.mimeData({other.index(0)}));
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));
    QVERIFY(!m_model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));

    QMimeData text;
    text.setText(QStringLiteral("11"));
    QVERIFY(!m_model->canDropMimeData(&text, Qt::MoveAction, 0, 0, QModelIndex()));
    QVERIFY(m_commits.isEmpty());
}

void TestCadenceStepsModel::warningsShowOnTheirSteps()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    LintWarning missing;
    missing.kind = LintWarning::Kind::MissingOptOut;
    missing.position = 1;
    missing.message = QStringLiteral("Step 1 has no opt-out line.");
    LintWarning tooMany;
    tooMany.kind = LintWarning::Kind::TooManySteps;
    tooMany.position = 0;
    tooMany.message = QStringLiteral("Many steps.");
    m_model->setWarnings({missing, tooMany});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(0).data(CadenceStepsModel::WarningsRole).toStringList(),
        QStringList({missing.message}));
    QVERIFY(m_model->index(0).data(Qt::ToolTipRole).toString().contains(missing.message));
    QVERIFY(m_model->index(1).data(CadenceStepsModel::WarningsRole).toStringList().isEmpty());
    m_model->setWarnings({missing, tooMany});
    QCOMPARE(changed.count(), 1);
}

void TestCadenceStepsModel::timingText_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("waitDays");
    QTest::addColumn<bool>("businessDays");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<QString>("text");

    QTest::newRow("first at once")
        << 1 << 0 << false << 480 << 600 << QStringLiteral("At once, 08:00-10:00");
    QTest::newRow("first later") << 1 << 2 << true << -1 << -1
                                 << QStringLiteral("2 business days after enrolling, any time");
    QTest::newRow("one day") << 2 << 1 << false << -1 << -1
                             << QStringLiteral("1 day later, any time");
    QTest::newRow("business days")
        << 3 << 5 << true << 840 << 960 << QStringLiteral("5 business days later, 14:00-16:00");
    QTest::newRow("same day") << 2 << 0 << false << -1 << -1
                              << QStringLiteral("Same day, any time");
}

void TestCadenceStepsModel::timingText()
{
    QFETCH(int, position);
    QFETCH(int, waitDays);
    QFETCH(bool, businessDays);
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(QString, text);
    CadenceStep step;
    step.waitDays = waitDays;
    step.businessDays = businessDays;
    step.windowStartMinute = start;
    step.windowEndMinute = end;
    QCOMPARE(CadenceStepsModel::timingText(step, position), text);
}

QTEST_GUILESS_MAIN(TestCadenceStepsModel)
#include "tst_cadencestepsmodel.moc"
