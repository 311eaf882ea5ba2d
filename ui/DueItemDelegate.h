#pragma once

#include <QStyledItemDelegate>

namespace Touchline {

// Draws a due-list item (itemmodels/DueListModel.h) on two lines: the prospect
// and company with the due time, then the channel, step and purpose with the
// time on the prospect's clock. Overdue items get a bar and a due time in the
// warning colour.
class DueItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Touchline
