#pragma once

#include "DashboardCharts.h"
#include "domain/ReplyStats.h"
#include "domain/ReportTables.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace Touchline {

class ErrorBanner;
class WeekHourHeatMap;

// The numbers of the follow-ups (docs/domain.md, issue #5): reply rate by touch
// number with its 95% interval and sample sizes, where first replies come from,
// reply rate by channel and owner, where prospects are given up, speed to first
// touch and a weekday by hour heat map; each chart exports to PNG, PDF, CSV or
// the clipboard. The page reads no database: whoever owns it computes the
// Report for filter() and settlingDays(), in the background, and hands it over.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    // Asks where to save; an empty answer cancels. Tests replace the dialog.
    using FileChooser = std::function<QString(
        const QString &title, const QString &suggestedName, const QString &filter)>;

    explicit DashboardPage(QWidget *parent = nullptr);

    // Owners and cadences offered in the filter bar (id -> name). The choices
    // made stay when they are still offered.
    void setChoices(const QHash<qint64, QString> &owners, const QHash<qint64, QString> &cadences);
    // Shows the numbers; the labels name owners and cadence steps.
    void setReport(const ReplyStats::Report &report, const ReportTables::Labels &labels);
    // A discreet "Updating…" while a computation runs; the charts stay.
    void setBusy(bool busy);
    void showError(const QString &message);
    void setFileChooser(FileChooser chooser);

    // From the filter bar, with from/to as UTC instants of local days: the
    // last N days end with today.
    ReplyStats::Filter filter() const;
    int settlingDays() const;

Q_SIGNALS:
    // The user changed the filter bar (debounced a little).
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    using Panel = DashboardCharts::ChartPanel;

    QWidget *createFilterBar();
    QWidget *createCharts();
    Panel *addPanel(ReportTables::Kind kind);
    void rebuild();
    void showReplyRate();
    void showCumulative();
    void showChannels();
    void showOwners();
    void showSteps();
    void showGiveUp();
    void showSpeed();
    void showHeatMap();
    QString openNote() const;
    void exportChart(ReportTables::Kind kind, Panel::Export format);
    void clearError();

    FileChooser m_chooseFile;
    ReplyStats::Report m_report;
    ReportTables::Labels m_labels;
    bool m_hasReport = false;
    QMap<ReportTables::Kind, Panel *> m_panels;

    QComboBox *m_period = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_cadence = nullptr;
    QComboBox *m_channel = nullptr;
    QSpinBox *m_settling = nullptr;
    QLabel *m_busy = nullptr;
    QTimer *m_debounce = nullptr;
    ErrorBanner *m_banner = nullptr;
    QStackedWidget *m_content = nullptr;
    QLabel *m_empty = nullptr;
    WeekHourHeatMap *m_heatMap = nullptr;
};

} // namespace Touchline
