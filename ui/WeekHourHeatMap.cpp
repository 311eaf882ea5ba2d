#include "WeekHourHeatMap.h"

#include "DashboardCharts.h"
#include "PaletteColors.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Touchline {

namespace {

constexpr int headerHeight = 18; // the hour labels
constexpr int legendHeight = 26;
constexpr int minimumCell = 14;

int touchesOf(const ReplyStats::Tally &tally)
{
    return tally.settled + tally.open;
}

} // namespace

WeekHourHeatMap::WeekHourHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("weekHourHeatMap"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void WeekHourHeatMap::setTallies(const std::array<ReplyStats::Tally, 7 * 24> &tallies)
{
    m_tallies = tallies;
    m_most = 0;
    for (const ReplyStats::Tally &t : m_tallies)
        m_most = std::max(m_most, touchesOf(t));
    update();
}

const ReplyStats::Tally &WeekHourHeatMap::tally(int dayOfWeek, int hour) const
{
    return m_tallies.at(std::size_t((dayOfWeek - 1) * 24 + hour));
}

int WeekHourHeatMap::touches(int dayOfWeek, int hour) const
{
    return touchesOf(tally(dayOfWeek, hour));
}

QColor WeekHourHeatMap::colorFor(int count) const
{
    const QColor base = palette().color(QPalette::Base);
    if (count <= 0 || m_most <= 0)
        return PaletteColors::mix(base, palette().color(QPalette::Text), 0.05);
    // The square root spreads the many quiet hours apart from the few busy ones.
    const double share = std::sqrt(double(count) / m_most);
    return PaletteColors::mix(base, DashboardCharts::primaryColor(palette()), 0.12 + 0.88 * share);
}

QColor WeekHourHeatMap::cellColor(int dayOfWeek, int hour) const
{
    return colorFor(touches(dayOfWeek, hour));
}

QString WeekHourHeatMap::cellToolTip(int dayOfWeek, int hour) const
{
    const ReplyStats::Tally &t = tally(dayOfWeek, hour);
    const QLocale loc = locale();
    const QString when = tr("%1, %2–%3")
                             .arg(loc.dayName(dayOfWeek, QLocale::LongFormat),
                                 loc.toString(QTime(hour, 0), QLocale::ShortFormat),
                                 loc.toString(QTime((hour + 1) % 24, 0), QLocale::ShortFormat));
    QString text = when + QLatin1Char('\n') + tr("%n touch(es)", nullptr, touchesOf(t));
    if (t.hasRate()) {
        text += QLatin1Char('\n')
            + tr("%n first reply(s), %1 of the settled touches", nullptr, t.replies)
                  .arg(DashboardCharts::percentText(loc, t.rate()));
    }
    if (t.open > 0)
        text += QLatin1Char('\n') + tr("%n still open", nullptr, t.open);
    return text;
}

int WeekHourHeatMap::labelWidth() const
{
    int widest = 0;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        widest = std::max(
            widest, fontMetrics().horizontalAdvance(locale().dayName(day, QLocale::ShortFormat)));
    return widest + 8;
}

QRect WeekHourHeatMap::gridRect() const
{
    return rect().adjusted(labelWidth(), headerHeight, -1, -legendHeight);
}

QRectF WeekHourHeatMap::cellRect(int dayOfWeek, int hour) const
{
    const QRect grid = gridRect();
    const double width = grid.width() / 24.0;
    const double height = grid.height() / 7.0;
    return QRectF(grid.left() + hour * width, grid.top() + (dayOfWeek - 1) * height, width, height);
}

QSize WeekHourHeatMap::sizeHint() const
{
    return QSize(labelWidth() + 24 * 28, headerHeight + 7 * 24 + legendHeight);
}

QSize WeekHourHeatMap::minimumSizeHint() const
{
    return QSize(labelWidth() + 24 * minimumCell, headerHeight + 7 * minimumCell + legendHeight);
}

bool WeekHourHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
            for (int hour = 0; hour < 24; ++hour) {
                if (cellRect(day, hour).contains(help->pos())) {
                    QToolTip::showText(help->globalPos(), cellToolTip(day, hour), this);
                    return true;
                }
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void WeekHourHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QLocale loc = locale();
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    painter.setPen(text);
    const QRect grid = gridRect();
    for (int hour = 0; hour < 24; hour += 3) {
        const QRectF cell = cellRect(Qt::Monday, hour);
        painter.drawText(QRectF(cell.left(), 0, cell.width() * 3, headerHeight),
            Qt::AlignLeft | Qt::AlignVCenter, loc.toString(hour));
    }
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const QRectF row = cellRect(day, 0);
        painter.setPen(text);
        painter.drawText(QRectF(0, row.top(), grid.left() - 6, row.height()),
            Qt::AlignRight | Qt::AlignVCenter, loc.dayName(day, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour)
            painter.fillRect(
                cellRect(day, hour).adjusted(0.5, 0.5, -0.5, -0.5), cellColor(day, hour));
    }

    // The legend: from no touches to the busiest hour.
    const QString fewer = tr("No touches");
    const QString more = m_most > 0 ? tr("%n touch(es)", nullptr, m_most) : QString();
    const QRect legend(grid.left(), grid.bottom() + 8, grid.width(), legendHeight - 10);
    const int fewerWidth = fontMetrics().horizontalAdvance(fewer) + 8;
    const int moreWidth = fontMetrics().horizontalAdvance(more) + 8;
    const QRect ramp(legend.left() + fewerWidth, legend.top() + 3,
        std::min(200, legend.width() - fewerWidth - moreWidth), legend.height() - 6);
    painter.setPen(text);
    painter.drawText(QRect(legend.left(), legend.top(), fewerWidth, legend.height()),
        Qt::AlignLeft | Qt::AlignVCenter, fewer);
    QLinearGradient gradient(ramp.topLeft(), ramp.topRight());
    gradient.setColorAt(
        0, PaletteColors::mix(base, DashboardCharts::primaryColor(palette()), 0.12));
    gradient.setColorAt(1, DashboardCharts::primaryColor(palette()));
    painter.fillRect(ramp, gradient);
    painter.drawText(QRect(ramp.right() + 6, legend.top(), moreWidth, legend.height()),
        Qt::AlignLeft | Qt::AlignVCenter, more);
}

} // namespace Touchline
