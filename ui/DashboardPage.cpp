#include "DashboardPage.h"

#include "AppSettings.h"
#include "EmptyStateLabel.h"
#include "ErrorBanner.h"
#include "WeekHourHeatMap.h"

#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace Touchline {

using ReportTables::Kind;
using namespace DashboardCharts;

namespace {

constexpr int debounceMs = 250;
constexpr double noRate = std::numeric_limits<double>::quiet_NaN();
// A two-line axis label, the lines centred on each other. Qt Charts draws axis
// labels as rich text, where a newline would only be a space.
QString twoLines(const QString &first, const QString &second)
{
    return QStringLiteral("<center>") + first + QStringLiteral("<br>") + second
        + QStringLiteral("</center>");
}

int trialsOf(const ReplyStats::Tally &tally)
{
    return tally.settled + tally.open;
}

double rateOf(const ReplyStats::Tally &tally)
{
    return tally.hasRate() ? tally.rate() : noRate;
}

// "Email: 12 of 230 settled touches got the first reply (5.2%; 95% interval
// 3.0% to 8.9%)", the same words for every bar that shows a tally.
QString tallyText(const QString &what, const ReplyStats::Tally &tally, const QLocale &locale)
{
    QString text = what + QLatin1Char('\n');
    if (tally.hasRate()) {
        const ReplyStats::WilsonInterval interval = tally.interval();
        text += DashboardPage::tr("%1 of %2 settled touches got the first reply (%3)")
                    .arg(locale.toString(tally.replies), locale.toString(tally.settled),
                        percentText(locale, tally.rate()))
            + QLatin1Char('\n')
            + DashboardPage::tr("95% interval: %1 to %2")
                  .arg(percentText(locale, interval.lower), percentText(locale, interval.upper));
    } else {
        text += DashboardPage::tr("No settled touches yet");
    }
    if (tally.open > 0)
        text += QLatin1Char('\n') + DashboardPage::tr("%n still open", nullptr, tally.open);
    return text;
}

QString sampleText(const ReplyStats::Tally &tally, const QLocale &locale)
{
    return DashboardPage::tr("n = %1").arg(locale.toString(tally.settled));
}

QString durationText(qint64 ms, const QLocale &locale)
{
    const double hours = double(ms) / 3'600'000;
    if (hours < 1)
        return DashboardPage::tr("%n minute(s)", nullptr, int(ms / 60'000));
    if (hours < 48)
        return DashboardPage::tr("%1 hours").arg(locale.toString(hours, 'f', 1));
    return DashboardPage::tr("%1 days").arg(locale.toString(hours / 24, 'f', 1));
}

// A combo's choices by name, keeping the one chosen when it is still offered.
// Returns whether the choice stayed.
bool fillChoices(QComboBox *combo, const QString &anyText, const QHash<qint64, QString> &choices)
{
    const QVariant chosen = combo->currentData();
    QList<qint64> ids = choices.keys();
    std::sort(ids.begin(), ids.end(), [&choices](qint64 a, qint64 b) {
        return QString::localeAwareCompare(choices.value(a), choices.value(b)) < 0;
    });
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(anyText);
    for (qint64 id : ids)
        combo->addItem(choices.value(id), id);
    const int index = chosen.isValid() ? combo->findData(chosen) : 0;
    combo->setCurrentIndex(std::max(index, 0));
    return index >= 0;
}

// The bytes of `widget` as a one-page PDF of its size, drawn as vectors.
QByteArray pdfOf(QWidget *widget, const QString &title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Touchline"));
    writer.setResolution(96);
    writer.setPageSize(QPageSize(
        QSizeF(widget->size()) * 0.75, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF());
    QPainter painter(&writer);
    widget->render(&painter);
    painter.end();
    return bytes;
}

} // namespace

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
    , m_chooseFile([this](const QString &title, const QString &suggestedName,
                       const QString &nameFilter) -> QString {
        const QDir folder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        return QFileDialog::getSaveFileName(
            this, title, folder.filePath(suggestedName), nameFilter);
    })
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DashboardPage::filterChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(createFilterBar());

    m_banner = new ErrorBanner;
    layout->addWidget(m_banner);

    m_content = new QStackedWidget;
    m_empty = new EmptyStateLabel(tr("The reply rates appear here once they are computed."));
    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    m_content->addWidget(m_empty);
    m_content->addWidget(createCharts());
    layout->addWidget(m_content, 1);
}

QWidget *DashboardPage::createFilterBar()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addFilter = [this, layout](QWidget *field, const QString &label) {
        auto *buddy = new QLabel(label);
        buddy->setBuddy(field);
        if (layout->count() > 0)
            layout->addSpacing(12);
        layout->addWidget(buddy);
        layout->addWidget(field);
        if (auto *combo = qobject_cast<QComboBox *>(field)) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            connect(
                combo, &QComboBox::currentIndexChanged, m_debounce, qOverload<>(&QTimer::start));
        }
    };

    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Last 365 days"), 365);
    m_period->addItem(tr("All time"), 0);
    m_period->setCurrentIndex(1);
    m_period->setToolTip(tr("Counts the touches sent in this period, today included"));
    addFilter(m_period, tr("&Period:"));

    m_owner = new QComboBox;
    m_owner->setObjectName(QStringLiteral("dashboardOwner"));
    m_owner->setToolTip(tr("Counts the prospects of one owner only"));
    addFilter(m_owner, tr("&Owner:"));

    m_cadence = new QComboBox;
    m_cadence->setObjectName(QStringLiteral("dashboardCadence"));
    m_cadence->setToolTip(tr("Counts only the touches that did a step of this cadence"));
    addFilter(m_cadence, tr("&Cadence:"));
    setChoices({}, {});

    m_channel = new QComboBox;
    m_channel->setObjectName(QStringLiteral("dashboardChannel"));
    m_channel->addItem(tr("All channels"));
    for (TouchChannel channel : allChannels()) {
        if (isNumbered(channel, TouchDirection::Out))
            m_channel->addItem(channelDisplayName(channel), int(channel));
    }
    m_channel->setToolTip(tr("Counts only the touches on this channel"));
    addFilter(m_channel, tr("C&hannel:"));

    m_settling = new QSpinBox;
    m_settling->setObjectName(QStringLiteral("dashboardSettling"));
    m_settling->setRange(1, 365);
    m_settling->setValue(AppSettings::settlingDays(ReplyStats::Options().settlingDays));
    m_settling->setSuffix(tr(" days"));
    m_settling->setToolTip(tr("A touch without a reply or a next touch counts as unanswered "
                              "after this long; before that it is \"still open\""));
    connect(m_settling, &QSpinBox::valueChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_settling, &QSpinBox::valueChanged, this, &AppSettings::setSettlingDays);
    addFilter(m_settling, tr("&Settled after:"));

    layout->addStretch();
    m_busy = new QLabel(tr("Updating…"));
    m_busy->setObjectName(QStringLiteral("dashboardBusy"));
    m_busy->setForegroundRole(QPalette::PlaceholderText);
    m_busy->hide();
    layout->addWidget(m_busy);
    return bar;
}

DashboardCharts::ChartPanel *DashboardPage::addPanel(Kind kind)
{
    auto *panel = new Panel(ReportTables::kindKey(kind), ReportTables::kindTitle(kind));
    connect(panel, &Panel::exportRequested, this,
        [this, kind](Panel::Export format) { exportChart(kind, format); });
    m_panels.insert(kind, panel);
    return panel;
}

QWidget *DashboardPage::createCharts()
{
    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 6, 0, 6);
    grid->setSpacing(10);
    // The headline takes the wider column, the others pair up.
    grid->addWidget(addPanel(Kind::ReplyRate), 0, 0, 1, 3);
    grid->addWidget(addPanel(Kind::Cumulative), 0, 3, 1, 2);
    grid->addWidget(addPanel(Kind::Channels), 1, 0, 1, 2);
    grid->addWidget(addPanel(Kind::Owners), 1, 2, 1, 3);
    grid->addWidget(addPanel(Kind::GiveUp), 2, 0, 1, 3);
    grid->addWidget(addPanel(Kind::Speed), 2, 3, 1, 2);
    grid->addWidget(addPanel(Kind::Steps), 3, 0, 1, 5);
    grid->addWidget(addPanel(Kind::Heatmap), 4, 0, 1, 5);
    for (int column = 0; column < 5; ++column)
        grid->setColumnStretch(column, 1);
    // Room left over goes below the charts rather than stretching them apart.
    grid->setRowStretch(5, 1);
    // Tall enough for two-line labels (touch number and n, bucket and prospects).
    for (Kind kind : {Kind::ReplyRate, Kind::Cumulative, Kind::GiveUp, Kind::Speed})
        m_panels.value(kind)->setMinimumHeight(380);
    for (Kind kind : {Kind::Channels, Kind::Owners})
        m_panels.value(kind)->setMinimumHeight(320);
    m_heatMap = new WeekHourHeatMap;
    m_panels.value(Kind::Heatmap)->setContent(m_heatMap);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("dashboardCharts"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);
    return scroll;
}

void DashboardPage::setChoices(
    const QHash<qint64, QString> &owners, const QHash<qint64, QString> &cadences)
{
    const bool ownerStayed = fillChoices(m_owner, tr("Everyone"), owners);
    const bool cadenceStayed = fillChoices(m_cadence, tr("All cadences"), cadences);
    if (!ownerStayed || !cadenceStayed)
        m_debounce->start();
}

void DashboardPage::setFileChooser(FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
}

ReplyStats::Filter DashboardPage::filter() const
{
    ReplyStats::Filter result;
    if (const int days = m_period->currentData().toInt(); days > 0) {
        const QDate today = QDate::currentDate();
        result.from = today.addDays(1 - days).startOfDay().toUTC();
        result.to = today.addDays(1).startOfDay().toUTC();
    }
    if (const QVariant owner = m_owner->currentData(); owner.isValid())
        result.ownerId = owner.toLongLong();
    if (const QVariant cadence = m_cadence->currentData(); cadence.isValid())
        result.cadenceId = cadence.toLongLong();
    if (const QVariant channel = m_channel->currentData(); channel.isValid())
        result.channel = TouchChannel(channel.toInt());
    return result;
}

int DashboardPage::settlingDays() const
{
    return m_settling->value();
}

void DashboardPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

void DashboardPage::showError(const QString &message)
{
    m_banner->showMessage(message);
}

void DashboardPage::clearError()
{
    m_banner->clear();
}

void DashboardPage::setReport(const ReplyStats::Report &report, const ReportTables::Labels &labels)
{
    m_report = report;
    m_labels = labels;
    m_hasReport = true;
    clearError();
    rebuild();
}

void DashboardPage::changeEvent(QEvent *event)
{
    // The charts carry their colours and number formats; draw them anew.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::LocaleChange)
        && m_hasReport) {
        rebuild();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::rebuild()
{
    const bool anyTouches
        = std::any_of(m_report.byTouchNumber.cbegin(), m_report.byTouchNumber.cend(),
            [](const ReplyStats::TouchNumberRow &row) { return trialsOf(row.tally) > 0; });
    const bool anyProspects = std::any_of(m_report.speed.cbegin(), m_report.speed.cend(),
        [](const ReplyStats::SpeedRow &row) { return row.prospects > 0; });
    if (!anyTouches && !anyProspects) {
        m_empty->setText(tr("Log some touches, or widen the date range, to see reply rates here."));
        m_content->setCurrentWidget(m_empty);
        return;
    }
    m_content->setCurrentIndex(1);
    showReplyRate();
    showCumulative();
    showChannels();
    showOwners();
    showSteps();
    showGiveUp();
    showSpeed();
    showHeatMap();
}

QString DashboardPage::openNote() const
{
    QStringList parts;
    for (const ReplyStats::TouchNumberRow &row : m_report.byTouchNumber) {
        if (row.tally.open > 0)
            parts.append(tr("%1 at touch %2").arg(locale().toString(row.tally.open), row.label()));
    }
    if (parts.isEmpty())
        return {};
    return tr("Still open, not counted until they settle: %1.")
        .arg(locale().createSeparatedList(parts));
}

void DashboardPage::showReplyRate()
{
    Panel *panel = m_panels.value(Kind::ReplyRate);
    const QLocale loc = locale();
    BarChartSpec spec;
    spec.categoryTitle = tr("Touch number (n = settled touches)");
    spec.valueTitle = tr("Reply rate");
    BarSetSpec rates {tr("Reply rate"), {}, primaryColor(palette())};
    int settled = 0;
    int open = 0;
    for (const ReplyStats::TouchNumberRow &row : m_report.byTouchNumber) {
        spec.categories.append(twoLines(row.label(), sampleText(row.tally, loc)));
        rates.values.append(rateOf(row.tally));
        if (row.tally.hasRate()) {
            const ReplyStats::WilsonInterval interval = row.tally.interval();
            spec.intervals.append(std::make_pair(interval.lower, interval.upper));
        } else {
            spec.intervals.append(std::nullopt);
        }
        settled += row.tally.settled;
        open += row.tally.open;
    }
    spec.sets.append(rates);
    const QList<ReplyStats::TouchNumberRow> rows = m_report.byTouchNumber;
    spec.toolTip = [rows, loc](int, int index) -> QString {
        const ReplyStats::TouchNumberRow &row = rows.at(index);
        return tallyText(tr("Touch %1").arg(row.label()), row.tally, loc);
    };

    const QString channelNote = tr("A reply counts for the last touch before it, whatever its "
                                   "channel. The lines show the 95% interval.");
    if (settled + open == 0) {
        panel->showEmpty(tr("Log some touches, or widen the date range, to see reply rates here."));
    } else if (settled == 0) {
        panel->showEmpty(
            tr("No touch has settled yet, so there is no reply rate: %n touch(es) still open. "
               "A touch settles when a reply comes, the next touch goes out, the cadence ends "
               "or %1 days have passed.",
                nullptr, open)
                .arg(settlingDays()));
    } else {
        panel->setChart(barChart(spec, palette(), loc));
    }
    const QString openText = openNote();
    panel->setNote(openText.isEmpty() ? channelNote : channelNote + QLatin1Char('\n') + openText);
}

void DashboardPage::showCumulative()
{
    Panel *panel = m_panels.value(Kind::Cumulative);
    const QLocale loc = locale();
    if (m_report.replies == 0) {
        panel->showEmpty(tr("No first replies in this selection yet. Once prospects answer, "
                            "this shows by which touch they had answered."));
        panel->setNote({});
        return;
    }
    QStringList categories;
    QList<double> shares;
    for (const ReplyStats::TouchNumberRow &row : m_report.byTouchNumber) {
        categories.append(row.label());
        shares.append(row.cumulativeShare);
    }
    const QList<ReplyStats::TouchNumberRow> rows = m_report.byTouchNumber;
    const int replies = m_report.replies;
    panel->setChart(lineChart(
        categories, shares, tr("Touch number"), tr("Share of first replies"),
        [rows, replies, loc](int index) -> QString {
            const ReplyStats::TouchNumberRow &row = rows.at(index);
            return tr("By touch %1: %2 of %3 first replies (%4)")
                .arg(row.label(), loc.toString(row.cumulativeReplies), loc.toString(replies),
                    percentText(loc, row.cumulativeShare));
        },
        palette(), loc));
    panel->setNote(
        tr("%n first reply(s) in all; each point: the share that had come by that touch.", nullptr,
            m_report.replies));
}

namespace {

// Channels, owners and steps: one horizontal bar per tally, in the order given.
BarChartSpec tallyBars(const QList<std::pair<QString, ReplyStats::Tally>> &tallies,
    const QPalette &palette, const QLocale &locale, const QString &categoryTitle)
{
    BarChartSpec spec;
    spec.orientation = Qt::Horizontal;
    spec.categoryTitle = categoryTitle;
    spec.valueTitle = DashboardPage::tr("Reply rate");
    BarSetSpec rates {DashboardPage::tr("Reply rate"), {}, primaryColor(palette)};
    for (const auto &[name, tally] : tallies) {
        spec.categories.append(
            DashboardPage::tr("%1 (%2)").arg(name.toHtmlEscaped(), sampleText(tally, locale)));
        rates.values.append(rateOf(tally));
    }
    spec.sets.append(rates);
    spec.toolTip = [tallies, locale](int, int index) -> QString {
        return tallyText(tallies.at(index).first, tallies.at(index).second, locale);
    };
    return spec;
}

} // namespace

void DashboardPage::showChannels()
{
    QList<std::pair<QString, ReplyStats::Tally>> tallies;
    for (auto it = m_report.byChannel.cbegin(); it != m_report.byChannel.cend(); ++it) {
        if (trialsOf(it.value()) > 0)
            tallies.append({channelDisplayName(it.key()), it.value()});
    }
    Panel *panel = m_panels.value(Kind::Channels);
    if (tallies.isEmpty()) {
        panel->showEmpty(tr("No touches on any channel in this selection."));
        return;
    }
    panel->setChart(barChart(
        tallyBars(tallies, palette(), locale(), tr("Channel of the touch")), palette(), locale()));
}

void DashboardPage::showOwners()
{
    QList<std::pair<QString, ReplyStats::Tally>> tallies;
    for (auto it = m_report.byOwner.cbegin(); it != m_report.byOwner.cend(); ++it) {
        if (trialsOf(it.value()) == 0)
            continue;
        const QString name = it.key() == 0
            ? tr("No owner")
            : m_labels.owners.value(it.key(), tr("User #%1").arg(it.key()));
        tallies.append({name, it.value()});
    }
    std::sort(tallies.begin(), tallies.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    Panel *panel = m_panels.value(Kind::Owners);
    if (tallies.isEmpty()) {
        panel->showEmpty(tr("No owner's prospects were touched in this selection."));
        return;
    }
    panel->setChart(barChart(
        tallyBars(tallies, palette(), locale(), tr("Owner of the prospect")), palette(), locale()));
}

void DashboardPage::showSteps()
{
    QList<std::pair<QString, ReplyStats::Tally>> tallies;
    const auto add = [this, &tallies](qint64 stepId, const QString &name) {
        if (const auto it = m_report.byStep.constFind(stepId);
            it != m_report.byStep.cend() && trialsOf(*it) > 0)
            tallies.append({name, *it});
    };
    for (const ReportTables::StepLabel &step : std::as_const(m_labels.steps))
        add(step.id,
            tr("%1, step %2: %3")
                .arg(step.cadence)
                .arg(step.position)
                .arg(channelDisplayName(step.channel)));
    add(0, tr("Not in a cadence"));
    Panel *panel = m_panels.value(Kind::Steps);
    if (tallies.isEmpty()) {
        panel->showEmpty(tr("No touches in this selection."));
        return;
    }
    // A bar per step: the panel grows with the cadences rather than squeezing them.
    panel->setMinimumHeight(int(160 + 26 * tallies.size()));
    panel->setChart(
        barChart(tallyBars(tallies, palette(), locale(), tr("Cadence step of the touch")),
            palette(), locale()));
}

void DashboardPage::showGiveUp()
{
    Panel *panel = m_panels.value(Kind::GiveUp);
    const QLocale loc = locale();
    if (m_report.gaveUp == 0) {
        panel->showEmpty(tr("No prospect was given up in this selection: each one replied or "
                            "is still being followed up."));
        panel->setNote({});
        return;
    }
    BarChartSpec spec;
    spec.categoryTitle = tr("Touch number");
    spec.valueTitle = tr("Share");
    BarSetSpec stopped {
        tr("Stopped after this touch (share of give-ups)"), {}, secondaryColor(palette())};
    BarSetSpec rates {tr("Reply rate of this touch"), {}, primaryColor(palette())};
    for (const ReplyStats::TouchNumberRow &row : m_report.byTouchNumber) {
        spec.categories.append(row.label());
        stopped.values.append(double(row.gaveUp) / m_report.gaveUp);
        rates.values.append(rateOf(row.tally));
    }
    spec.sets = {stopped, rates};
    const QList<ReplyStats::TouchNumberRow> rows = m_report.byTouchNumber;
    const int gaveUp = m_report.gaveUp;
    spec.toolTip = [rows, gaveUp, loc](int set, int index) -> QString {
        const ReplyStats::TouchNumberRow &row = rows.at(index);
        if (set == 1)
            return tallyText(tr("Touch %1").arg(row.label()), row.tally, loc);
        return tr("Touch %1\n%2 of %3 given-up prospects stopped here (%4)")
            .arg(row.label(), loc.toString(row.gaveUp), loc.toString(gaveUp),
                percentText(loc, double(row.gaveUp) / gaveUp));
    };
    panel->setChart(barChart(spec, palette(), loc));
    panel->setNote(tr("%n prospect(s) never replied and got no further touch. Where the reply "
                      "rate stays high, stopping there leaves replies behind.",
        nullptr, m_report.gaveUp));
}

void DashboardPage::showSpeed()
{
    Panel *panel = m_panels.value(Kind::Speed);
    const QLocale loc = locale();
    BarChartSpec spec;
    spec.orientation = Qt::Horizontal;
    spec.categoryTitle = tr("Created to first touch");
    spec.valueTitle = tr("Reply rate");
    BarSetSpec rates {tr("Reply rate"), {}, primaryColor(palette())};
    int prospects = 0;
    for (int i = 0; i < ReplyStats::speedBucketCount; ++i) {
        const ReplyStats::SpeedRow &row = m_report.speed.at(std::size_t(i));
        spec.categories.append(
            twoLines(ReplyStats::speedBucketLabel(ReplyStats::SpeedBucket(i)).toHtmlEscaped(),
                tr("%n prospect(s)", nullptr, row.prospects)));
        rates.values.append(rateOf(row.tally));
        prospects += row.prospects;
    }
    spec.sets.append(rates);
    const auto speed = m_report.speed;
    spec.toolTip = [speed, loc](int, int index) -> QString {
        const ReplyStats::SpeedRow &row = speed.at(std::size_t(index));
        return ReplyStats::speedBucketLabel(ReplyStats::SpeedBucket(index)) + QLatin1Char('\n')
            + tr("%n prospect(s)", nullptr, row.prospects) + QLatin1Char('\n')
            + (row.tally.hasRate()
                    ? tr("%1 of %2 replied (%3)")
                          .arg(loc.toString(row.tally.replies), loc.toString(row.tally.settled),
                              percentText(loc, row.tally.rate()))
                    : tr("No reply rate yet"));
    };
    if (prospects == 0) {
        panel->showEmpty(tr("No prospects were created in this period."));
        panel->setNote({});
        return;
    }
    panel->setChart(barChart(spec, palette(), loc));
    QString note = m_report.medianSpeedMs
        ? tr("Median time to first touch: %1.").arg(durationText(*m_report.medianSpeedMs, loc))
        : tr("No prospect has been touched yet.");
    if (m_report.speedUnmeasured > 0) {
        note += QLatin1Char(' ')
            + tr("%n prospect(s) touched before they were created (imported) are left out.",
                nullptr, m_report.speedUnmeasured);
    }
    panel->setNote(note);
}

void DashboardPage::showHeatMap()
{
    Panel *panel = m_panels.value(Kind::Heatmap);
    m_heatMap->setTallies(m_report.byWeekHour);
    const bool any = std::any_of(m_report.byWeekHour.cbegin(), m_report.byWeekHour.cend(),
        [](const ReplyStats::Tally &tally) { return trialsOf(tally) > 0; });
    if (!any) {
        panel->showEmpty(tr("No touches in this selection."));
        panel->setNote({});
        return;
    }
    panel->showContent();
    panel->setNote(tr("Hours of the day in local time; the stronger the blue, the more "
                      "touches. Point at a cell for its replies."));
}

void DashboardPage::exportChart(Kind kind, Panel::Export format)
{
    QWidget *canvas = m_panels.value(kind)->canvas();
    if (format == Panel::Export::Clipboard) {
        QGuiApplication::clipboard()->setImage(canvas->grab().toImage());
        return;
    }
    const QString key = ReportTables::kindKey(kind);
    const QString date = QDate::currentDate().toString(Qt::ISODate);
    QString title;
    QString extension;
    QString nameFilter;
    switch (format) {
    case Panel::Export::Png:
        title = tr("Save Chart as PNG");
        extension = QStringLiteral("png");
        nameFilter = tr("PNG images (*.png)");
        break;
    case Panel::Export::Pdf:
        title = tr("Save Chart as PDF");
        extension = QStringLiteral("pdf");
        nameFilter = tr("PDF documents (*.pdf)");
        break;
    case Panel::Export::Csv:
    case Panel::Export::Clipboard:
        title = tr("Save Numbers as CSV");
        extension = QStringLiteral("csv");
        nameFilter = tr("CSV files (*.csv)");
        break;
    }
    const QString path = m_chooseFile(
        title, QStringLiteral("touchline-%1-%2.%3").arg(key, date, extension), nameFilter);
    if (path.isEmpty())
        return;

    QByteArray bytes;
    if (format == Panel::Export::Png) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        canvas->grab().save(&buffer, "PNG");
    } else if (format == Panel::Export::Pdf) {
        bytes = pdfOf(canvas, ReportTables::kindTitle(kind));
    } else {
        bytes = ReportTables::toCsv(ReportTables::table(kind, m_report, m_labels)).toUtf8();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showError(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
}

} // namespace Touchline
