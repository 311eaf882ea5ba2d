#pragma once

#include <QColor>
#include <QFrame>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QChart;
class QChartView;
class QLabel;
class QLocale;
class QPalette;
class QStackedWidget;

// The pieces of the dashboard's charts: one builder for every bar chart, one
// for the line chart, and the frame each chart sits in with its exports.
namespace Touchline::DashboardCharts {

// "12.5%" with the locale's digits and signs.
QString percentText(const QLocale &locale, double fraction, int decimals = 1);

// The scheme of every chart: blue and orange stay apart for colour-blind
// readers; lighter tones on dark palettes.
QColor primaryColor(const QPalette &palette);
QColor secondaryColor(const QPalette &palette);
QColor inkColor(const QPalette &palette); // intervals, axes: the text colour, softened

struct BarSetSpec
{
    QString name;
    QList<double> values; // fractions of 1; NaN draws no bar
    QColor color;
};

struct BarChartSpec
{
    QStringList categories;
    QList<BarSetSpec> sets;
    // The direction the bars grow; horizontal charts list the first category at
    // the top. Categories are rich text (escape names; "<br>" breaks a line).
    Qt::Orientation orientation = Qt::Vertical;
    QString categoryTitle;
    QString valueTitle;
    // Vertical charts: a 95% interval (low, high) over each bar of the first set.
    QList<std::optional<std::pair<double, double>>> intervals;
    // The text shown while the pointer is on a bar (set, index).
    std::function<QString(int set, int index)> toolTip;
};

// Values on a percent axis from 0 to a round value above the largest.
QChart *barChart(const BarChartSpec &spec, const QPalette &palette, const QLocale &locale);

// A line with its points over the categories, on a 0-100% axis.
QChart *lineChart(const QStringList &categories, const QList<double> &values,
    const QString &categoryTitle, const QString &valueTitle,
    const std::function<QString(int index)> &toolTip, const QPalette &palette,
    const QLocale &locale);

// One chart of the dashboard: its title, the chart (or a message where there is
// nothing to draw), a note under it, and the exports in a tool button and the
// context menu. The exports show the canvas: title, chart and note.
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    enum class Export { Png, Pdf, Csv, Clipboard };
    Q_ENUM(Export)

    // `key` names the panel ("chart-" + key) for tests and style sheets.
    ChartPanel(const QString &key, const QString &title, QWidget *parent = nullptr);

    // Shows `chart`, replacing (and deleting) the one before; not after setContent().
    void setChart(QChart *chart);
    // Shows a widget of its own instead of a chart view (the heat map).
    void setContent(QWidget *content);
    void showContent();
    void showEmpty(const QString &text);
    void setNote(const QString &text);

    QWidget *canvas() const { return m_canvas; }
    QChartView *chartView() const { return m_view; }
    QLabel *emptyLabel() const { return m_empty; }
    QLabel *noteLabel() const { return m_note; }

Q_SIGNALS:
    void exportRequested(Touchline::DashboardCharts::ChartPanel::Export format);

private:
    QAction *addExport(const char *objectName, const QString &text, Export format);

    QWidget *m_canvas = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace Touchline::DashboardCharts
