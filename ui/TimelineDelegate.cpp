#include "TimelineDelegate.h"

#include "PaletteColors.h"
#include "domain/RelativeTime.h"
#include "itemmodels/TimelineModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace Touchline {

namespace {

constexpr int margin = 6;
constexpr int gutter = 40; // room for the line and the badge
constexpr int padding = 8;

QString detailLine(const QModelIndex &index)
{
    QStringList parts;
    const bool inbound = index.data(TimelineModel::DirectionRole).toString() == QLatin1String("in");
    parts.append(inbound ? TimelineDelegate::tr("Inbound") : TimelineDelegate::tr("Outbound"));
    const int number = index.data(TimelineModel::TouchNumberRole).toInt();
    if (number > 0)
        parts.append(TimelineDelegate::tr("touch %1").arg(number));
    const QString author = index.data(TimelineModel::AuthorRole).toString();
    if (!author.isEmpty())
        parts.append(TimelineDelegate::tr("by %1").arg(author));
    const QString step = index.data(TimelineModel::StepPurposeRole).toString();
    if (!step.isEmpty())
        parts.append(TimelineDelegate::tr("step: %1").arg(step));
    return parts.join(QStringLiteral(" · "));
}

// Lays out `text` in `width` and returns its lines' height, stopping after
// `maxLines` (0: no limit); `truncated` tells whether lines were left out.
qreal textHeight(const QString &text, const QFont &font, qreal width, int maxLines, bool *truncated)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    int lines = 0;
    *truncated = false;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        if (maxLines && lines == maxLines) {
            *truncated = true;
            break;
        }
        line.setLineWidth(width);
        height += line.height();
        ++lines;
    }
    layout.endLayout();
    return height;
}

} // namespace

struct TimelineDelegate::Layout
{
    bool isTouch = false;
    QRect card;
    QRect badge;
    QRect title;
    QRect time;
    QRect detail;
    QRect notes;
    bool notesTruncated = false;
    int height = 0;
};

TimelineDelegate::Layout TimelineDelegate::layoutFor(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Layout l;
    const QFontMetrics metrics(option.font);
    const int width = std::max(200, option.rect.width());
    l.isTouch = index.data(TimelineModel::KindRole).value<TimelineModel::ItemKind>()
        == TimelineModel::ItemKind::Touch;
    const int top = option.rect.top();
    if (!l.isTouch) {
        l.height = metrics.height() + 2 * margin;
        l.title = QRect(option.rect.left() + gutter + padding, top + margin,
            width - gutter - 2 * padding, metrics.height());
        l.badge = QRect(option.rect.left() + gutter / 2 - 4, top + l.height / 2 - 4, 8, 8);
        return l;
    }
    const int cardLeft = option.rect.left() + gutter;
    const int innerWidth = width - gutter - margin - 2 * padding;
    int y = top + margin + padding;
    const QString timeText = relativeTimeText(
        index.data(TimelineModel::TimeRole).toDateTime(), QDateTime::currentDateTime());
    const int timeWidth = metrics.horizontalAdvance(timeText);
    l.title = QRect(cardLeft + padding, y, innerWidth - timeWidth - padding, metrics.height());
    l.time = QRect(cardLeft + padding + innerWidth - timeWidth, y, timeWidth, metrics.height());
    y += metrics.height() + 2;
    l.detail = QRect(cardLeft + padding, y, innerWidth, metrics.height());
    y += metrics.height();
    const QString notes = index.data(TimelineModel::NotesRole).toString();
    if (!notes.isEmpty()) {
        y += 4;
        const int maxLines = isExpanded(index) ? 0 : foldedNoteLines;
        const qreal height
            = textHeight(notes, option.font, innerWidth, maxLines, &l.notesTruncated);
        l.notes = QRect(cardLeft + padding, y, innerWidth, int(std::ceil(height)));
        y += l.notes.height();
        if (l.notesTruncated || isExpanded(index))
            y += metrics.height(); // "Show more" / "Show less"
    }
    y += padding;
    l.card = QRect(cardLeft, top + margin, width - gutter - margin, y - top - margin);
    l.badge = QRect(option.rect.left() + (gutter - 28) / 2, top + margin + padding - 2, 28, 28);
    l.height = y - top + margin;
    return l;
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return {opt.rect.width(), layoutFor(opt, index).height};
}

void TimelineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layoutFor(opt, index);
    const QPalette &palette = opt.palette;
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // The spine that joins the items.
    const QColor spine
        = PaletteColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.25);
    const int spineX = opt.rect.left() + gutter / 2;
    painter->setPen(QPen(spine, 2));
    painter->drawLine(spineX, opt.rect.top(), spineX, opt.rect.bottom());

    if (!l.isTouch) {
        // A hollow dot: planned, not happened yet.
        const bool planned = index.data(TimelineModel::KindRole).value<TimelineModel::ItemKind>()
            == TimelineModel::ItemKind::Planned;
        painter->setPen(planned ? QPen(spine, 2) : QPen(Qt::NoPen));
        painter->setBrush(planned ? palette.color(QPalette::Base) : spine);
        painter->drawEllipse(l.badge);
        QFont font = opt.font;
        font.setItalic(true);
        painter->setFont(font);
        painter->setPen(
            PaletteColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.65));
        const QString text = index.data(Qt::DisplayRole).toString() + QStringLiteral(" · ")
            + relativeTimeText(
                index.data(TimelineModel::TimeRole).toDateTime(), QDateTime::currentDateTime());
        painter->drawText(l.title, Qt::AlignVCenter | Qt::AlignLeft,
            painter->fontMetrics().elidedText(text, Qt::ElideRight, l.title.width()));
        painter->restore();
        return;
    }

    const bool inbound = index.data(TimelineModel::DirectionRole).toString() == QLatin1String("in");
    const QString channel = index.data(TimelineModel::ChannelRole).toString();
    const QColor accent = PaletteColors::channelColor(channel);
    QColor cardColor = inbound
        ? PaletteColors::mix(palette.color(QPalette::Base), accent, 0.14)
        : PaletteColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.04);
    if (selected)
        cardColor = PaletteColors::mix(cardColor, palette.color(QPalette::Highlight), 0.35);
    QPainterPath card;
    card.addRoundedRect(l.card, 6, 6);
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight)
                                  : PaletteColors::mix(palette.color(QPalette::Base),
                                      palette.color(QPalette::Text), 0.15),
        selected ? 2 : 1));
    painter->setBrush(cardColor);
    painter->drawPath(card);

    // The channel badge on the spine.
    painter->setPen(QPen(palette.color(QPalette::Base), 2));
    painter->setBrush(accent);
    painter->drawEllipse(l.badge);
    QFont badgeFont = opt.font;
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(opt.font.pointSizeF() * (channel == QLatin1String("sms") ? 0.6 : 0.85));
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(l.badge, Qt::AlignCenter, PaletteColors::channelGlyph(channel));

    QFont titleFont = opt.font;
    titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(
            index.data(Qt::DisplayRole).toString(), Qt::ElideRight, l.title.width()));
    painter->setFont(opt.font);
    const QColor secondary
        = PaletteColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.65);
    painter->setPen(secondary);
    painter->drawText(l.time, Qt::AlignRight | Qt::AlignVCenter,
        relativeTimeText(
            index.data(TimelineModel::TimeRole).toDateTime(), QDateTime::currentDateTime()));
    painter->drawText(l.detail, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(detailLine(index), Qt::ElideRight, l.detail.width()));

    if (!l.notes.isEmpty()) {
        painter->setPen(palette.color(QPalette::Text));
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        painter->save();
        painter->setClipRect(l.notes);
        painter->drawText(QRectF(l.notes.adjusted(0, 0, 0, 1000)),
            index.data(TimelineModel::NotesRole).toString(), textOption);
        painter->restore();
        if (l.notesTruncated || isExpanded(index)) {
            painter->setPen(palette.color(QPalette::Link));
            painter->drawText(QRect(l.notes.left(), l.notes.bottom() + 1, l.notes.width(),
                                  opt.fontMetrics.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                l.notesTruncated ? tr("Show more") : tr("Show less"));
        }
    }
    painter->restore();
}

bool TimelineDelegate::isExpanded(const QModelIndex &index) const
{
    return m_expanded.contains(index.data(TimelineModel::IdRole).toLongLong());
}

void TimelineDelegate::setExpanded(const QModelIndex &index, bool expanded)
{
    const qint64 id = index.data(TimelineModel::IdRole).toLongLong();
    if (expanded)
        m_expanded.insert(id);
    else
        m_expanded.remove(id);
    Q_EMIT sizeHintChanged(index);
}

bool TimelineDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const Layout l = layoutFor(opt, index);
        if (!l.notes.isEmpty() && (l.notesTruncated || isExpanded(index))
            && mouse->position().y() > l.notes.bottom()) {
            setExpanded(index, !isExpanded(index));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Touchline
