#pragma once

#include "domain/ReplyStats.h"

#include <QWidget>

#include <array>

namespace Touchline {

// When touches go out: 7 rows (Monday to Sunday, the locale's day names) by 24
// hours, each cell coloured by its number of touches, darker for more (lighter
// on dark palettes). The tooltip tells the touches and replies of a cell.
class WeekHourHeatMap : public QWidget
{
    Q_OBJECT
public:
    explicit WeekHourHeatMap(QWidget *parent = nullptr);

    // Indexed like ReplyStats::Report::byWeekHour.
    void setTallies(const std::array<ReplyStats::Tally, 7 * 24> &tallies);

    // dayOfWeek: Qt::Monday (1) .. Qt::Sunday (7); hour: 0..23.
    int touches(int dayOfWeek, int hour) const;
    QColor cellColor(int dayOfWeek, int hour) const;
    QString cellToolTip(int dayOfWeek, int hour) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    const ReplyStats::Tally &tally(int dayOfWeek, int hour) const;
    QColor colorFor(int count) const;
    int labelWidth() const;
    QRect gridRect() const;
    QRectF cellRect(int dayOfWeek, int hour) const;

    std::array<ReplyStats::Tally, 7 * 24> m_tallies {};
    int m_most = 0;
};

} // namespace Touchline
