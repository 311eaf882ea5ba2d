#include "ProspectItemDelegate.h"

#include "domain/Prospect.h"

#include <QComboBox>
#include <QDateTime>

namespace Touchline {

QString ProspectItemDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (value.typeId() == QMetaType::QDateTime)
        return locale.toString(value.toDateTime(), QLocale::ShortFormat);
    return QStyledItemDelegate::displayText(value, locale);
}

QWidget *ProspectItemDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != int(ProspectField::Status))
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    for (ProspectStatus status : allStatuses())
        combo->addItem(statusDisplayName(status), statusKey(status));
    return combo;
}

void ProspectItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ProspectItemDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace Touchline
