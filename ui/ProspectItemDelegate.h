#pragma once

#include <QStyledItemDelegate>

namespace Touchline {

// Edits the status column with a list of statuses and shows times in the
// user's locale, leaving other columns to QStyledItemDelegate. An open editor
// keeps what the user typed or chose when the row is refreshed under it.
class ProspectItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace Touchline
