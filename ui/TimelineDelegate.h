#pragma once

#include <QSet>
#include <QStyledItemDelegate>

namespace Touchline {

// Draws a timeline item as a card: a channel badge on a vertical line, the
// channel and outcome, who and when, and the note, folded after a few lines
// (a click unfolds it). Inbound touches are tinted so replies stand out;
// events are a single quiet line. Colours derive from the palette, so light
// and dark themes both work.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int foldedNoteLines = 3;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    bool isExpanded(const QModelIndex &index) const;
    void setExpanded(const QModelIndex &index, bool expanded);

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QSet<qint64> m_expanded; // touch ids whose note is unfolded
};

} // namespace Touchline
