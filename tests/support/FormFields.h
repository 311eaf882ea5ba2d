#pragma once

#include <QComboBox>
#include <QLabel>
#include <QString>
#include <QWidget>

// Forms filled in as a person does: a field is found by the text of its label.
namespace Touchline::Test {

// The field a form label (without its '&') stands for; stops the run when there is none.
template<typename T> T *formField(const QWidget *form, const QString &label)
{
    const auto labels = form->findChildren<QLabel *>();
    for (QLabel *l : labels) {
        if (l->text().remove(QLatin1Char('&')) == label) {
            if (auto *widget = qobject_cast<T *>(l->buddy()))
                return widget;
        }
    }
    qFatal("no field %s", qPrintable(label));
    return nullptr;
}

// Selects the item whose data is `key`; false when the list has none.
inline bool choose(QComboBox *combo, const QString &key)
{
    const int index = combo->findData(key);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

} // namespace Touchline::Test
