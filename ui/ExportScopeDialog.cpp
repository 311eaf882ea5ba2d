#include "ExportScopeDialog.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Touchline {

ExportScopeDialog::ExportScopeDialog(const QString &title, const QString &question, int all,
    int shown, int selected, QWidget *parent)
    : QDialog(parent)
    , m_scopes(new QButtonGroup(this))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(question));
    const QLocale locale;
    const struct
    {
        Scope scope;
        const char *objectName;
        QString text;
        int count;
    } choices[] = {
        {Scope::All, "allScope", tr("&All prospects (%1)").arg(locale.toString(all)), all},
        {Scope::Shown, "shownScope",
            tr("The prospects s&hown in the table (%1)").arg(locale.toString(shown)), shown},
        {Scope::Selected, "selectedScope",
            tr("The s&elected prospects (%1)").arg(locale.toString(selected)), selected},
    };
    for (const auto &choice : choices) {
        auto *button = new QRadioButton(choice.text);
        button->setObjectName(QString::fromLatin1(choice.objectName));
        button->setEnabled(choice.count > 0);
        m_scopes->addButton(button, int(choice.scope));
        layout->addWidget(button);
    }
    // Several selected rows are a deliberate choice; one is just the current row.
    setScope(selected > 1 ? Scope::Selected : shown > 0 ? Scope::Shown : Scope::All);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *exportButton = buttons->addButton(tr("E&xport…"), QDialogButtonBox::AcceptRole);
    exportButton->setEnabled(all > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addSpacing(6);
    layout->addWidget(buttons);
    // Once in the dialog: before, the dialog does not learn of it and makes the
    // first button it finds, Cancel, the default.
    exportButton->setDefault(true);
    // On the choice, so that Return exports (on Cancel it would cancel) and the
    // arrow keys change the choice.
    if (QAbstractButton *checked = m_scopes->checkedButton())
        checked->setFocus();
}

ExportScopeDialog::Scope ExportScopeDialog::scope() const
{
    return Scope(m_scopes->checkedId());
}

void ExportScopeDialog::setScope(Scope scope)
{
    if (QAbstractButton *button = m_scopes->button(int(scope)); button && button->isEnabled())
        button->setChecked(true);
}

} // namespace Touchline
