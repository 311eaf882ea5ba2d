#pragma once

#include <QStyledItemDelegate>

namespace Touchline {

// Draws the items of the cadence editor's lists as small cards.
// - Cadences (a list of the page): the name, and below it DetailRole (steps,
//   prospects running) in a quieter colour. Items with a ForegroundRole (the
//   archived ones, dimmed) use it for both lines.
// - Steps (CadenceStepsModel): a badge of the channel's colour, "Step 2 · Email",
//   the purpose, the timing, and the number of the linter's warnings on the
//   right. Colours derive from the palette, so light and dark themes both work.
class CadenceItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Kind { Cadence, Step };
    static constexpr int DetailRole = Qt::UserRole + 100; // Cadence: the second line

    explicit CadenceItemDelegate(Kind kind, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Kind m_kind;
};

} // namespace Touchline
