#include "CadenceItemDelegate.h"

#include "PaletteColors.h"
#include "itemmodels/CadenceStepsModel.h"

#include <QApplication>
#include <QPainter>

namespace Touchline {

namespace {

constexpr int padding = 6;
constexpr int badgeSize = 26;
constexpr int lineSpacing = 1;

QFont smallerFont(const QFont &font)
{
    QFont smaller = font;
    smaller.setPointSizeF(font.pointSizeF() * 0.9);
    return smaller;
}

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    return bold;
}

} // namespace

CadenceItemDelegate::CadenceItemDelegate(Kind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind)
{
}

QSize CadenceItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics title(boldFont(option.font));
    const QFontMetrics small(smallerFont(option.font));
    const int lines = m_kind == Kind::Step ? 2 : 1; // lines under the title
    const int height = title.height() + lines * (small.height() + lineSpacing) + 2 * padding;
    return {title.averageCharWidth() * 24,
        m_kind == Kind::Step ? std::max(height, badgeSize + 2 * padding) : height};
}

void CadenceItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &palette = opt.palette;
    QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QVariant customColor = index.data(Qt::ForegroundRole);
    if (!selected && customColor.canConvert<QBrush>())
        text = customColor.value<QBrush>().color();
    const QColor quiet = PaletteColors::mix(text,
        palette.color(selected ? QPalette::Highlight : QPalette::Base), selected ? 0.2 : 0.35);

    QRect area = opt.rect.adjusted(padding, padding, -padding, -padding);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QFont titleFont = boldFont(opt.font);
    const QFont small = smallerFont(opt.font);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics smallMetrics(small);

    QStringList lines;
    QString title;
    if (m_kind == Kind::Cadence) {
        title = index.data(Qt::DisplayRole).toString();
        lines.append(index.data(DetailRole).toString());
    } else {
        const QString channel = index.data(CadenceStepsModel::ChannelRole).toString();
        const QRect badge(area.left(), area.top() + 1, badgeSize, badgeSize);
        const QString glyph = PaletteColors::channelGlyph(channel);
        QColor color = PaletteColors::channelColor(channel);
        if (PaletteColors::isDark(palette))
            color = color.lighter(125);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(badge);
        QFont glyphFont = opt.font;
        glyphFont.setPointSizeF(opt.font.pointSizeF() * (glyph.size() > 2 ? 0.65 : 0.95));
        glyphFont.setBold(true);
        painter->setFont(glyphFont);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, glyph);
        area.setLeft(badge.right() + padding + 2);

        title = tr("Step %1 · %2")
                    .arg(index.data(CadenceStepsModel::PositionRole).toInt())
                    .arg(index.data(CadenceStepsModel::ChannelNameRole).toString());
        const QString purpose = index.data(CadenceStepsModel::PurposeRole).toString().trimmed();
        lines.append(purpose.isEmpty() ? tr("No purpose yet") : purpose);
        lines.append(index.data(CadenceStepsModel::TimingRole).toString());

        const int warnings = int(index.data(CadenceStepsModel::WarningsRole).toStringList().size());
        if (warnings > 0) {
            const QString mark = QStringLiteral("\u26A0 %1").arg(warnings);
            QColor warningColor = PaletteColors::isDark(palette) ? QColor(0xff, 0xb7, 0x4d)
                                                                 : QColor(0xb3, 0x5c, 0x00);
            if (selected)
                warningColor = text;
            painter->setFont(titleFont);
            painter->setPen(warningColor);
            const int width = titleMetrics.horizontalAdvance(mark);
            painter->drawText(QRect(area.right() - width, area.top(), width, titleMetrics.height()),
                Qt::AlignRight | Qt::AlignVCenter, mark);
            area.setRight(area.right() - width - padding);
        }
    }

    painter->setFont(titleFont);
    painter->setPen(text);
    QRect line(area.left(), area.top(), area.width(), titleMetrics.height());
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(title, Qt::ElideRight, area.width()));
    painter->setFont(small);
    for (int i = 0; i < lines.size(); ++i) {
        // The purpose reads as text; the timing and details as quieter facts.
        painter->setPen(m_kind == Kind::Step && i == 0 ? text : quiet);
        line = QRect(
            area.left(), line.bottom() + 1 + lineSpacing, area.width(), smallMetrics.height());
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(lines.at(i), Qt::ElideRight, area.width()));
    }
    painter->restore();
}

} // namespace Touchline
