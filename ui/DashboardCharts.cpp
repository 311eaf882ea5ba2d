#include "DashboardCharts.h"

#include "PaletteColors.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPalette>
#include <QStackedWidget>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Touchline::DashboardCharts {

namespace {

// A percent axis whose labels sit on round values, written the locale's way
// (QValueAxis only knows printf formats).
QCategoryAxis *percentAxis(double largest, const QLocale &locale)
{
    const double top = std::clamp(largest, 0.01, 1.0);
    double step = 0.25;
    for (double candidate : {0.01, 0.02, 0.05, 0.1, 0.2}) {
        if (top / candidate <= 6) {
            step = candidate;
            break;
        }
    }
    const int steps = std::max(1, int(std::ceil(top / step - 1e-9)));
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(0);
    for (int i = 0; i <= steps; ++i)
        axis->append(percentText(locale, i * step, 0), i * step);
    axis->setRange(0, steps * step);
    return axis;
}

// Charts follow the widget palette rather than a built-in theme, so they sit
// on the page like the rest of it in light and dark mode.
void stylize(QChart *chart, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    // Room for the half of the top and rightmost labels that passes the plot.
    chart->setMargins(QMargins(4, 10, 18, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setLabelColor(text);
    chart->legend()->setAlignment(Qt::AlignTop);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(PaletteColors::mix(base, text, 0.12));
        axis->setLinePenColor(PaletteColors::mix(base, text, 0.4));
        QFont title = axis->titleFont();
        title.setBold(false);
        axis->setTitleFont(title);
    }
}

void showToolTip(bool on, const QString &text)
{
    if (on)
        QToolTip::showText(QCursor::pos(), text);
    else
        QToolTip::hideText();
}

// Error bars: a candlestick whose body is the rate and whose wicks reach the
// interval's ends, one per category (the timestamp is the category's index).
QCandlestickSeries *intervalSeries(const BarChartSpec &spec, const QPalette &palette)
{
    auto *candles = new QCandlestickSeries;
    candles->setName(ChartPanel::tr("95% interval"));
    const QColor ink = inkColor(palette);
    candles->setPen(QPen(ink, 1.5));
    candles->setBrush(ink);
    candles->setIncreasingColor(ink);
    candles->setDecreasingColor(ink);
    candles->setBodyWidth(0.35);
    candles->setCapsVisible(true);
    candles->setCapsWidth(0.6);
    candles->setMaximumColumnWidth(60);
    const QList<double> &rates = spec.sets.constFirst().values;
    for (int i = 0; i < spec.intervals.size() && i < rates.size(); ++i) {
        if (const auto &interval = spec.intervals.at(i); interval && !std::isnan(rates.at(i))) {
            candles->append(new QCandlestickSet(
                rates.at(i), interval->second, interval->first, rates.at(i), i));
        }
    }
    return candles;
}

// Horizontal bar series draw their first category at the bottom; readers
// expect a list to start at the top.
BarChartSpec topDown(const BarChartSpec &spec)
{
    BarChartSpec reversed = spec;
    std::reverse(reversed.categories.begin(), reversed.categories.end());
    for (BarSetSpec &set : reversed.sets)
        std::reverse(set.values.begin(), set.values.end());
    if (spec.toolTip) {
        const int last = int(spec.categories.size()) - 1;
        reversed.toolTip = [toolTip = spec.toolTip, last](int set, int index) -> QString {
            return toolTip(set, last - index);
        };
    }
    return reversed;
}

} // namespace

QString percentText(const QLocale &locale, double fraction, int decimals)
{
    return locale.toString(fraction * 100, 'f', decimals) + locale.percent();
}

QColor primaryColor(const QPalette &palette)
{
    return PaletteColors::isDark(palette) ? QColor(0x3d, 0x9b, 0xe0) : QColor(0x00, 0x72, 0xb2);
}

QColor secondaryColor(const QPalette &palette)
{
    return PaletteColors::isDark(palette) ? QColor(0xf0, 0xa8, 0x30) : QColor(0xd5, 0x5e, 0x00);
}

QColor inkColor(const QPalette &palette)
{
    return PaletteColors::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.2);
}

QChart *barChart(const BarChartSpec &given, const QPalette &palette, const QLocale &locale)
{
    const bool vertical = given.orientation == Qt::Vertical;
    const BarChartSpec spec = vertical ? given : topDown(given);
    auto *chart = new QChart;
    QAbstractBarSeries *series
        = vertical ? static_cast<QAbstractBarSeries *>(new QBarSeries) : new QHorizontalBarSeries;
    double largest = 0;
    for (int s = 0; s < spec.sets.size(); ++s) {
        const BarSetSpec &setSpec = spec.sets.at(s);
        auto *set = new QBarSet(setSpec.name);
        for (double value : setSpec.values) {
            set->append(std::isnan(value) ? 0 : value);
            if (!std::isnan(value))
                largest = std::max(largest, value);
        }
        set->setColor(setSpec.color);
        set->setBorderColor(setSpec.color);
        if (spec.toolTip) {
            QObject::connect(
                set, &QBarSet::hovered, chart, [toolTip = spec.toolTip, s](bool on, int index) {
                    showToolTip(on, toolTip(s, index));
                });
        }
        series->append(set);
    }
    series->setBarWidth(spec.sets.size() > 1 ? 0.8 : 0.6);
    chart->addSeries(series);

    QCandlestickSeries *candles = nullptr;
    if (vertical && !spec.intervals.isEmpty() && !spec.sets.isEmpty()) {
        candles = intervalSeries(spec, palette);
        for (const QCandlestickSet *set : candles->sets())
            largest = std::max(largest, set->high());
        if (spec.toolTip) {
            QObject::connect(candles, &QCandlestickSeries::hovered, chart,
                [toolTip = spec.toolTip](bool on, QCandlestickSet *set) {
                    showToolTip(on, toolTip(0, int(set->timestamp())));
                });
        }
        chart->addSeries(candles);
    }

    auto *categories = new QBarCategoryAxis;
    categories->append(spec.categories);
    categories->setTitleText(spec.categoryTitle);
    QCategoryAxis *values = percentAxis(largest * 1.05, locale);
    values->setTitleText(spec.valueTitle);
    chart->addAxis(categories, vertical ? Qt::AlignBottom : Qt::AlignLeft);
    chart->addAxis(values, vertical ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    if (candles) {
        candles->attachAxis(categories);
        candles->attachAxis(values);
        for (QLegendMarker *marker : chart->legend()->markers(candles))
            marker->setVisible(false);
    }
    chart->legend()->setVisible(spec.sets.size() > 1);
    stylize(chart, palette);
    return chart;
}

QChart *lineChart(const QStringList &categories, const QList<double> &values,
    const QString &categoryTitle, const QString &valueTitle,
    const std::function<QString(int index)> &toolTip, const QPalette &palette,
    const QLocale &locale)
{
    auto *chart = new QChart;
    auto *line = new QLineSeries;
    for (int i = 0; i < values.size(); ++i)
        line->append(i, values.at(i));
    line->setPen(QPen(primaryColor(palette), 2.5));
    line->setColor(primaryColor(palette));
    line->setPointsVisible(true);
    line->setMarkerSize(9);
    if (toolTip) {
        QObject::connect(
            line, &QLineSeries::hovered, chart, [toolTip](const QPointF &point, bool on) {
                showToolTip(on, toolTip(int(std::lround(point.x()))));
            });
    }
    chart->addSeries(line);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setTitleText(categoryTitle);
    QCategoryAxis *valueAxis = percentAxis(1.0, locale);
    // A little above 100%, so that a point there shows whole.
    valueAxis->setRange(0, 1.04);
    valueAxis->setTitleText(valueTitle);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    line->attachAxis(categoryAxis);
    line->attachAxis(valueAxis);
    chart->legend()->setVisible(false);
    stylize(chart, palette);
    return chart;
}

ChartPanel::ChartPanel(const QString &key, const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("chart-") + key);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    m_canvas = new QWidget;
    m_canvas->setObjectName(QStringLiteral("chartCanvas"));
    m_canvas->setAutoFillBackground(true);
    m_canvas->setBackgroundRole(QPalette::Base);
    auto *canvasLayout = new QVBoxLayout(m_canvas);
    canvasLayout->setContentsMargins(8, 6, 8, 6);
    auto *titleLabel = new QLabel(title);
    titleLabel->setObjectName(QStringLiteral("chartTitle"));
    QFont titleFont = titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleLabel->setFont(titleFont);
    titleLabel->setWordWrap(true);
    canvasLayout->addWidget(titleLabel);

    m_stack = new QStackedWidget;
    m_view = new QChartView;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumHeight(220);
    m_stack->addWidget(m_view);
    m_content = m_view;
    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("chartEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(16);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_empty);
    canvasLayout->addWidget(m_stack, 1);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("chartNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    canvasLayout->addWidget(m_note);

    auto *menuButton = new QToolButton;
    menuButton->setObjectName(QStringLiteral("exportButton"));
    menuButton->setText(QStringLiteral("⋯"));
    menuButton->setAutoRaise(true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    menuButton->setToolTip(tr("Save or copy this chart"));
    menuButton->setAccessibleName(tr("Export chart"));
    auto *menu = new QMenu(menuButton);
    menu->addAction(addExport("savePngAction", tr("Save as &PNG…"), Export::Png));
    menu->addAction(addExport("savePdfAction", tr("Save as P&DF…"), Export::Pdf));
    menu->addAction(addExport("saveCsvAction", tr("Save Numbers as &CSV…"), Export::Csv));
    menu->addSeparator();
    menu->addAction(addExport("copyChartAction", tr("C&opy Chart"), Export::Clipboard));
    menuButton->setMenu(menu);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(menuButton, 0, Qt::AlignTop);
}

QAction *ChartPanel::addExport(const char *objectName, const QString &text, Export format)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    connect(action, &QAction::triggered, this, [this, format] { Q_EMIT exportRequested(format); });
    addAction(action);
    return action;
}

void ChartPanel::setChart(QChart *chart)
{
    QChart *previous = m_view->chart();
    m_view->setChart(chart);
    m_view->setBackgroundBrush(chart->backgroundBrush());
    delete previous;
    showContent();
}

void ChartPanel::showContent()
{
    m_stack->setCurrentWidget(m_content);
}

void ChartPanel::setContent(QWidget *content)
{
    m_stack->removeWidget(m_content);
    delete m_content;
    m_view = nullptr;
    m_content = content;
    m_stack->insertWidget(0, content);
    m_stack->setCurrentWidget(content);
}

void ChartPanel::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_stack->setCurrentWidget(m_empty);
}

void ChartPanel::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

} // namespace Touchline::DashboardCharts
