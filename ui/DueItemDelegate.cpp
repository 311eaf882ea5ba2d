#include "DueItemDelegate.h"

#include "PaletteColors.h"
#include "domain/Touch.h"
#include "itemmodels/DueListModel.h"

#include <QApplication>
#include <QPainter>

namespace Touchline {

namespace {

constexpr int padding = 6;
constexpr int barWidth = 3;
constexpr int lineGap = 2;

QString detailLine(const QModelIndex &index)
{
    TouchChannel channel = TouchChannel::Email;
    channelFromKey(index.data(DueListModel::ChannelRole).toString(), &channel);
    QStringList parts {channelDisplayName(channel),
        DueItemDelegate::tr("step %1").arg(index.data(DueListModel::StepRole).toString())};
    const QString purpose = index.data(DueListModel::PurposeRole).toString();
    if (!purpose.isEmpty())
        parts.append(purpose);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QSize DueItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {option.rect.width(), 2 * metrics.height() + lineGap + 2 * padding};
}

void DueItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QPalette &palette = opt.palette;
    const bool selected = opt.state & QStyle::State_Selected;
    const bool overdue = index.data(DueListModel::OverdueRole).toBool();
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor quiet = selected ? text : palette.color(QPalette::PlaceholderText);
    const QColor warning = selected ? text : PaletteColors::warningColor(palette);

    painter->save();
    if (overdue)
        painter->fillRect(
            QRect(opt.rect.left(), opt.rect.top() + 2, barWidth, opt.rect.height() - 4),
            PaletteColors::warningColor(palette));

    const QRect inner = opt.rect.adjusted(padding + barWidth, padding, -padding, -padding);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(opt.font);
    const int lineHeight = metrics.height();
    const QRect first(inner.left(), inner.top(), inner.width(), lineHeight);
    const QRect second(inner.left(), inner.top() + lineHeight + lineGap, inner.width(), lineHeight);

    // Right-hand texts first, so the left ones are elided to what is left.
    const QString due = index.data(DueListModel::DueTextRole).toString();
    painter->setFont(overdue ? bold : opt.font);
    painter->setPen(overdue ? warning : text);
    const int dueWidth = (overdue ? boldMetrics : metrics).horizontalAdvance(due);
    painter->drawText(first, Qt::AlignRight | Qt::AlignVCenter, due);

    const QString theirs = index.data(DueListModel::TheirTimeRole).toString();
    painter->setFont(opt.font);
    painter->setPen(quiet);
    const int theirsWidth = theirs.isEmpty() ? 0 : metrics.horizontalAdvance(theirs);
    painter->drawText(second, Qt::AlignRight | Qt::AlignVCenter, theirs);

    const QString name = index.data(DueListModel::ProspectNameRole).toString();
    const QString company = index.data(DueListModel::CompanyRole).toString();
    const int nameRoom = first.width() - dueWidth - padding;
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, nameRoom);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    const int companyLeft = boldMetrics.horizontalAdvance(shownName);
    if (!company.isEmpty() && companyLeft < nameRoom) {
        painter->setFont(opt.font);
        painter->setPen(quiet);
        const QRect companyRect(
            first.left() + companyLeft, first.top(), nameRoom - companyLeft, first.height());
        painter->drawText(companyRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(
                QStringLiteral(" · ") + company, Qt::ElideRight, companyRect.width()));
    }

    painter->setFont(opt.font);
    painter->setPen(quiet);
    const int detailRoom = second.width() - theirsWidth - (theirs.isEmpty() ? 0 : padding);
    painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(detailLine(index), Qt::ElideRight, detailRoom));
    painter->restore();
}

} // namespace Touchline
