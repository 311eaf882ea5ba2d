#include "ProspectItemDelegate.h"

#include "domain/Prospect.h"

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>

namespace Touchline {

namespace {

// Set on a status editor once the user picks a status in it.
constexpr char chosenByUser[] = "touchlineChosenByUser";

bool changedByUser(const QWidget *editor)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(editor))
        return line->isModified();
    return editor->property(chosenByUser).toBool();
}

} // namespace

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
    connect(
        combo, &QComboBox::activated, combo, [combo] { combo->setProperty(chosenByUser, true); });
    return combo;
}

void ProspectItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // The view passes every refresh (a teammate's write, a touch logged) on to
    // open editors: what the user typed or chose there stays until they finish.
    if (changedByUser(editor))
        return;
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
