#include "DashboardCharts.h"
#include "DashboardPage.h"
#include "WeekHourHeatMap.h"
#include "domain/ReportTables.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <cmath>
#include <memory>

using namespace Touchline;
using Touchline::DashboardCharts::ChartPanel;
using Touchline::ReportTables::Kind;

Q_DECLARE_METATYPE(Touchline::ReportTables::Kind)

namespace {

ReplyStats::Tally tally(int settled, int replies, int open = 0)
{
    ReplyStats::Tally result;
    result.settled = settled;
    result.replies = replies;
    result.open = open;
    return result;
}

ReplyStats::TouchNumberRow row(int number, const ReplyStats::Tally &t, int cumulative, int gaveUp)
{
    ReplyStats::TouchNumberRow result;
    result.touchNumber = number;
    result.tally = t;
    result.cumulativeReplies = cumulative;
    result.cumulativeShare = cumulative / 16.0;
    result.gaveUp = gaveUp;
    return result;
}

// Three rows (the last one "3+"), 16 first replies, 10 give-ups, two owners.
ReplyStats::Report sampleReport()
{
    ReplyStats::Report report;
    report.byTouchNumber = {row(1, tally(100, 10), 10, 2), row(2, tally(50, 5, 4), 15, 3),
        row(3, tally(20, 1, 7), 16, 5)};
    report.byTouchNumber.last().tail = true;
    report.replies = 16;
    report.gaveUp = 10;
    report.byChannel.insert(TouchChannel::Email, tally(120, 12, 5));
    report.byChannel.insert(TouchChannel::Phone, tally(50, 4, 6));
    report.byOwner.insert(1, tally(90, 9, 3));
    report.byOwner.insert(2, tally(80, 7, 8));
    report.byStep.insert(0, tally(30, 3));
    report.byStep.insert(21, tally(60, 6, 2));
    report.byStep.insert(22, tally(0, 0, 4));    // open only: listed, no rate yet
    report.byWeekHour.at(9) = tally(10, 2);      // Monday 9:00
    report.byWeekHour.at(24 + 14) = tally(3, 1); // Tuesday 14:00
    report.speed.at(0).prospects = 20;
    report.speed.at(0).tally = tally(18, 4, 2);
    report.speed.at(4).prospects = 5;
    report.medianSpeedMs = 2 * 3'600'000;
    return report;
}

ReportTables::Labels labels()
{
    ReportTables::Labels result;
    result.owners = {{1, QStringLiteral("Alice")}, {2, QStringLiteral("Bob & Co")}};
    result.steps = {{21, QStringLiteral("Intro"), 1, TouchChannel::Email},
        {22, QStringLiteral("Intro"), 2, TouchChannel::Phone}};
    return result;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestDashboardPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_asked;

    std::unique_ptr<DashboardPage> makePage(const QString &fileName = QString())
    {
        auto page = std::make_unique<DashboardPage>();
        page->setFileChooser(
            [this, fileName](const QString &title, const QString &, const QString &) -> QString {
                m_asked.append(title);
                return fileName.startsWith(QLatin1Char('/')) ? fileName : m_dir->filePath(fileName);
            });
        page->resize(1300, 1000);
        return page;
    }

    static ChartPanel *panel(DashboardPage &page, Kind kind)
    {
        auto *found
            = page.findChild<ChartPanel *>(QStringLiteral("chart-") + ReportTables::kindKey(kind));
        if (!found)
            qFatal("no panel for %s", qPrintable(ReportTables::kindKey(kind)));
        return found;
    }

    template<typename T> static T *child(QObject &parent, const char *objectName)
    {
        auto *found = parent.findChild<T *>(QString::fromLatin1(objectName));
        if (!found)
            qFatal("no child %s", objectName);
        return found;
    }

    template<typename T> static T *series(ChartPanel *chartPanel)
    {
        for (QAbstractSeries *s : chartPanel->chartView()->chart()->series()) {
            if (auto *found = qobject_cast<T *>(s))
                return found;
        }
        return nullptr;
    }

    static QStringList categories(ChartPanel *chartPanel, Qt::Orientation orientation)
    {
        for (QAbstractAxis *axis : chartPanel->chartView()->chart()->axes(orientation)) {
            if (auto *barAxis = qobject_cast<QBarCategoryAxis *>(axis))
                return barAxis->categories();
        }
        return {};
    }

    static QList<double> values(const QBarSet *set)
    {
        QList<double> result;
        for (int i = 0; i < set->count(); ++i)
            result.append(set->at(i));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The page remembers its settling days: never in the user's settings.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TouchlineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardpage"));
        QSettings().clear();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_asked.clear();
        QSettings().clear();
    }

    void replyRateShowsRatesIntervalsAndSampleSizes()
    {
        auto page = makePage();
        page->setReport(sampleReport(), labels());
        ChartPanel *rates = panel(*page, Kind::ReplyRate);
        auto *bars = series<QBarSeries>(rates);
        QVERIFY(bars);
        QCOMPARE(bars->count(), 1);
        QCOMPARE(values(bars->barSets().first()), QList<double>({0.1, 0.1, 0.05}));
        QCOMPARE(categories(rates, Qt::Horizontal),
            QStringList({QStringLiteral("<center>1<br>n = 100</center>"),
                QStringLiteral("<center>2<br>n = 50</center>"),
                QStringLiteral("<center>3+<br>n = 20</center>")}));

        auto *intervals = series<QCandlestickSeries>(rates);
        QVERIFY(intervals);
        QCOMPARE(intervals->count(), 3);
        const QList<std::pair<int, int>> trials = {{10, 100}, {5, 50}, {1, 20}};
        for (int i = 0; i < 3; ++i) {
            const QCandlestickSet *set = intervals->sets().at(i);
            const ReplyStats::WilsonInterval expected
                = ReplyStats::wilsonInterval(trials.at(i).first, trials.at(i).second);
            QCOMPARE(set->timestamp(), double(i));
            QCOMPARE(set->low(), expected.lower);
            QCOMPARE(set->high(), expected.upper);
            QCOMPARE(set->open(), values(bars->barSets().first()).at(i));
        }

        const QString note = rates->noteLabel()->text();
        QVERIFY2(note.contains(QStringLiteral("whatever its channel")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("4 at touch 2")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("7 at touch 3+")), qPrintable(note));
    }

    void otherChartsShowTheirNumbers()
    {
        auto page = makePage();
        page->setReport(sampleReport(), labels());

        auto *line = series<QLineSeries>(panel(*page, Kind::Cumulative));
        QVERIFY(line);
        QCOMPARE(line->points(),
            QList<QPointF>({QPointF(0, 10 / 16.0), QPointF(1, 15 / 16.0), QPointF(2, 1.0)}));

        ChartPanel *owners = panel(*page, Kind::Owners);
        QVERIFY(series<QHorizontalBarSeries>(owners));
        // Bottom up: Alice's bar on top.
        QCOMPARE(categories(owners, Qt::Vertical), // escaped: labels are rich text
            QStringList(
                {QStringLiteral("Bob &amp; Co (n = 80)"), QStringLiteral("Alice (n = 90)")}));
        QCOMPARE(values(series<QHorizontalBarSeries>(owners)->barSets().first()),
            QList<double>({7 / 80.0, 9 / 90.0}));

        // Steps in cadence order from the top, then touches outside cadences.
        ChartPanel *steps = panel(*page, Kind::Steps);
        QCOMPARE(categories(steps, Qt::Vertical),
            QStringList({QStringLiteral("Not in a cadence (n = 30)"),
                QStringLiteral("Intro, step 2: %1 (n = 0)")
                    .arg(channelDisplayName(TouchChannel::Phone)),
                QStringLiteral("Intro, step 1: %1 (n = 60)")
                    .arg(channelDisplayName(TouchChannel::Email))}));
        const QList<double> stepRates
            = values(series<QHorizontalBarSeries>(steps)->barSets().first());
        QCOMPARE(stepRates.size(), 3);
        QCOMPARE(stepRates.at(0), 0.1);
        QCOMPARE(stepRates.at(1), 0.0); // no rate yet: no bar
        QCOMPARE(stepRates.at(2), 0.1);

        ChartPanel *channels = panel(*page, Kind::Channels);
        QCOMPARE(categories(channels, Qt::Vertical),
            QStringList({channelDisplayName(TouchChannel::Phone) + QStringLiteral(" (n = 50)"),
                channelDisplayName(TouchChannel::Email) + QStringLiteral(" (n = 120)")}));

        auto *giveUp = series<QBarSeries>(panel(*page, Kind::GiveUp));
        QVERIFY(giveUp);
        QCOMPARE(giveUp->count(), 2);
        QCOMPARE(values(giveUp->barSets().at(0)), QList<double>({0.2, 0.3, 0.5}));
        QCOMPARE(values(giveUp->barSets().at(1)), QList<double>({0.1, 0.1, 0.05}));

        ChartPanel *speed = panel(*page, Kind::Speed);
        // Listed from the top: the first bucket is the last bar of the series.
        auto *speedBars = series<QHorizontalBarSeries>(speed);
        QVERIFY(speedBars);
        QCOMPARE(values(speedBars->barSets().first()).last(), 4 / 18.0);
        QVERIFY2(speed->noteLabel()->text().contains(QStringLiteral("2.0 hours")),
            qPrintable(speed->noteLabel()->text()));
    }

    void hoveringABarTellsItsNumbers()
    {
        auto page = makePage();
        page->setReport(sampleReport(), labels());
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));

        QBarSet *rates = series<QBarSeries>(panel(*page, Kind::ReplyRate))->barSets().first();
        Q_EMIT rates->hovered(true, 1);
        QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QStringLiteral("Touch 2")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("5 of 50 settled touches")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("4 still open")), qPrintable(tip));

        // Horizontal bars count from the bottom; the tip names the bar's own owner.
        QBarSet *owners
            = series<QHorizontalBarSeries>(panel(*page, Kind::Owners))->barSets().first();
        Q_EMIT owners->hovered(true, 1);
        tip = QToolTip::text();
        QVERIFY2(tip.startsWith(QStringLiteral("Alice\n9 of 90")), qPrintable(tip));
        Q_EMIT owners->hovered(false, 1);
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    void copyPutsTheChartOnTheClipboard()
    {
        auto page = makePage();
        page->setReport(sampleReport(), labels());
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        ChartPanel *chartPanel = panel(*page, Kind::Heatmap);
        child<QAction>(*chartPanel, "copyChartAction")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->image().size(),
            chartPanel->canvas()->size() * chartPanel->canvas()->devicePixelRatio());
        QVERIFY(m_asked.isEmpty());
    }

    void emptyReportExplainsWhatToDo()
    {
        auto page = makePage();
        ReplyStats::Report report;
        report.byTouchNumber = {row(1, {}, 0, 0), row(2, {}, 0, 0)};
        page->setReport(report, {});
        auto *empty = child<QLabel>(*page, "dashboardEmpty");
        QVERIFY(empty->isVisibleTo(page.get()));
        QCOMPARE(empty->text(),
            QStringLiteral("Log some touches, or widen the date range, to see reply rates here."));
        QVERIFY(!child<QWidget>(*page, "dashboardCharts")->isVisibleTo(page.get()));

        // Numbers afterwards replace the message.
        page->setReport(sampleReport(), labels());
        QVERIFY(!empty->isVisibleTo(page.get()));
    }

    void openTouchesOnlySayThereIsNoRateYet()
    {
        auto page = makePage();
        ReplyStats::Report report;
        report.byTouchNumber = {row(1, tally(0, 0, 12), 0, 0)};
        page->setReport(report, {});
        ChartPanel *rates = panel(*page, Kind::ReplyRate);
        QVERIFY(rates->emptyLabel()->isVisibleTo(page.get()));
        // Plurals come from the catalogue, which these new strings may not be in yet.
        QVERIFY2(rates->emptyLabel()->text().contains(QStringLiteral("no reply rate: 12 touch")),
            qPrintable(rates->emptyLabel()->text()));
        QVERIFY(!rates->chartView()->isVisibleTo(page.get()));
    }

    void filterFollowsThePeriod_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("days");
        QTest::newRow("last 30 days") << 0 << 30;
        QTest::newRow("last 90 days") << 1 << 90;
        QTest::newRow("last 365 days") << 2 << 365;
        QTest::newRow("all time") << 3 << 0;
    }

    void filterFollowsThePeriod()
    {
        QFETCH(int, index);
        QFETCH(int, days);
        auto page = makePage();
        auto *period = child<QComboBox>(*page, "dashboardPeriod");
        QCOMPARE(period->currentIndex(), 1); // the default: the last 90 days
        period->setCurrentIndex(index);
        const ReplyStats::Filter filter = page->filter();
        if (days == 0) {
            QVERIFY(!filter.from.isValid());
            QVERIFY(!filter.to.isValid());
        } else {
            const QDate today = QDate::currentDate();
            QCOMPARE(filter.from, QDateTime(today.addDays(1 - days), QTime(0, 0)).toUTC());
            QCOMPARE(filter.to, QDateTime(today.addDays(1), QTime(0, 0)).toUTC());
            QCOMPARE(filter.from.timeSpec(), Qt::UTC);
        }
        QVERIFY(!filter.ownerId && !filter.cadenceId && !filter.channel);
    }

    void filterFollowsTheChoices()
    {
        auto page = makePage();
        page->setChoices(labels().owners, {{7, QStringLiteral("Outbound")}});
        auto *owner = child<QComboBox>(*page, "dashboardOwner");
        auto *cadence = child<QComboBox>(*page, "dashboardCadence");
        auto *channel = child<QComboBox>(*page, "dashboardChannel");
        QCOMPARE(owner->itemText(0), QStringLiteral("Everyone"));
        QCOMPARE(channel->count(), 5);
        owner->setCurrentIndex(owner->findText(QStringLiteral("Bob & Co")));
        cadence->setCurrentIndex(cadence->findText(QStringLiteral("Outbound")));
        channel->setCurrentIndex(channel->findText(channelDisplayName(TouchChannel::Sms)));
        child<QSpinBox>(*page, "dashboardSettling")->setValue(21);
        ReplyStats::Filter filter = page->filter();
        QCOMPARE(filter.ownerId, std::optional<qint64>(2));
        QCOMPARE(filter.cadenceId, std::optional<qint64>(7));
        QCOMPARE(filter.channel, std::optional<TouchChannel>(TouchChannel::Sms));
        QCOMPARE(page->settlingDays(), 21);

        // New choices keep Bob; without Bob the filter goes back to everyone.
        page->setChoices({{2, QStringLiteral("Bob")}, {3, QStringLiteral("Cy")}}, {});
        QCOMPARE(page->filter().ownerId, std::optional<qint64>(2));
        QVERIFY(!page->filter().cadenceId);
        page->setChoices({{3, QStringLiteral("Cy")}}, {});
        QVERIFY(!page->filter().ownerId);
    }

    void settlingDaysAreRemembered()
    {
        const int fallback = ReplyStats::Options().settlingDays;
        QCOMPARE(makePage()->settlingDays(), fallback);
        {
            auto page = makePage();
            child<QSpinBox>(*page, "dashboardSettling")->setValue(fallback + 7);
        }
        QCOMPARE(makePage()->settlingDays(), fallback + 7);
    }

    void filterChangedFiresOncePerChange()
    {
        auto page = makePage();
        page->setChoices(labels().owners, {});
        QSignalSpy changed(page.get(), &DashboardPage::filterChanged);
        auto *period = child<QComboBox>(*page, "dashboardPeriod");
        period->setCurrentIndex(0);
        QVERIFY(changed.wait());
        QTest::qWait(400);
        QCOMPARE(changed.size(), 1);

        // Quick successive changes make one.
        period->setCurrentIndex(2);
        child<QComboBox>(*page, "dashboardOwner")->setCurrentIndex(1);
        QVERIFY(changed.wait());
        QTest::qWait(400);
        QCOMPARE(changed.size(), 2);

        // Choices that keep the selection change nothing.
        page->setChoices(labels().owners, {});
        QTest::qWait(400);
        QCOMPARE(changed.size(), 2);
    }

    void filterLabelsHaveMnemonics()
    {
        auto page = makePage();
        QHash<QString, QString> buddies;
        for (QLabel *label : page->findChildren<QLabel *>()) {
            if (label->buddy())
                buddies.insert(label->text(), label->buddy()->objectName());
        }
        QCOMPARE(buddies.value(QStringLiteral("&Period:")), QStringLiteral("dashboardPeriod"));
        QCOMPARE(buddies.value(QStringLiteral("&Owner:")), QStringLiteral("dashboardOwner"));
        QCOMPARE(buddies.value(QStringLiteral("&Cadence:")), QStringLiteral("dashboardCadence"));
        QCOMPARE(buddies.value(QStringLiteral("C&hannel:")), QStringLiteral("dashboardChannel"));
    }

    void exportsWriteFiles_data()
    {
        QTest::addColumn<Kind>("kind");
        for (Kind kind : ReportTables::allKinds())
            QTest::newRow(qPrintable(ReportTables::kindKey(kind))) << kind;
    }

    void exportsWriteFiles()
    {
        QFETCH(Kind, kind);
        const ReplyStats::Report report = sampleReport();
        for (const char *name : {"chart.png", "chart.pdf", "chart.csv"}) {
            auto page = makePage(QString::fromLatin1(name));
            page->setReport(report, labels());
            page->show();
            QVERIFY(QTest::qWaitForWindowExposed(page.get()));
            ChartPanel *chartPanel = panel(*page, kind);
            const QString path = m_dir->filePath(QString::fromLatin1(name));
            const char *action = QByteArray(name).endsWith("png")
                ? "savePngAction"
                : (QByteArray(name).endsWith("pdf") ? "savePdfAction" : "saveCsvAction");
            child<QAction>(*chartPanel, action)->trigger();
            QVERIFY2(QFile::exists(path), name);
            QVERIFY(!child<QWidget>(*page, "errorBanner")->isVisibleTo(page.get()));
            if (QByteArray(name).endsWith("png")) {
                const QImage image(path);
                QVERIFY(!image.isNull());
                QCOMPARE(image.size(),
                    chartPanel->canvas()->size() * chartPanel->canvas()->devicePixelRatio());
            } else if (QByteArray(name).endsWith("pdf")) {
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY(file.readAll().startsWith("%PDF"));
            } else {
                QCOMPARE(readAll(path),
                    ReportTables::toCsv(ReportTables::table(kind, report, labels())));
            }
        }
        QCOMPARE(m_asked,
            QStringList({QStringLiteral("Save Chart as PNG"), QStringLiteral("Save Chart as PDF"),
                QStringLiteral("Save Numbers as CSV")}));
    }

    void unwritablePathShowsAnError()
    {
        const QString path = m_dir->filePath(QStringLiteral("missing/chart.png"));
        auto page = makePage(path);
        page->setReport(sampleReport(), labels());
        child<QAction>(*panel(*page, Kind::ReplyRate), "savePngAction")->trigger();
        QVERIFY(!QFile::exists(path));
        QVERIFY(child<QWidget>(*page, "errorBanner")->isVisibleTo(page.get()));
        const QString message = child<QLabel>(*page, "errorText")->text();
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    }

    void heatMapColoursRiseWithCounts()
    {
        auto page = makePage();
        ReplyStats::Report report = sampleReport();
        report.byWeekHour.at(6 * 24 + 20) = tally(0, 0, 1); // Sunday 20:00, one open touch
        page->setReport(report, labels());
        auto *map = child<WeekHourHeatMap>(*page, "weekHourHeatMap");
        QCOMPARE(map->touches(Qt::Monday, 9), 10);
        QCOMPARE(map->touches(Qt::Tuesday, 14), 3);
        QCOMPARE(map->touches(Qt::Sunday, 20), 1);
        const QColor base = map->palette().color(QPalette::Base);
        const auto distance = [&base](const QColor &color) {
            return std::abs(color.red() - base.red()) + std::abs(color.green() - base.green())
                + std::abs(color.blue() - base.blue());
        };
        const QList<int> distances
            = {distance(map->cellColor(Qt::Wednesday, 3)), distance(map->cellColor(Qt::Sunday, 20)),
                distance(map->cellColor(Qt::Tuesday, 14)), distance(map->cellColor(Qt::Monday, 9))};
        for (int i = 1; i < distances.size(); ++i)
            QVERIFY2(distances.at(i) > distances.at(i - 1), qPrintable(QString::number(i)));
        const QString tip = map->cellToolTip(Qt::Monday, 9);
        QVERIFY2(tip.contains(QStringLiteral("\n10 touch")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("\n2 first repl")), qPrintable(tip));
    }

    void busyShowsAndHides()
    {
        auto page = makePage();
        auto *busy = child<QLabel>(*page, "dashboardBusy");
        page->setBusy(true);
        QVERIFY(busy->isVisibleTo(page.get()));
        page->setBusy(false);
        QVERIFY(!busy->isVisibleTo(page.get()));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
