#include "UserNameDialog.h"

#include "AppSettings.h"
#include "PaletteColors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Touchline {

UserNameDialog::UserNameDialog(const QString &name, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Your Name"));
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(tr("In files you share with your team, the touches you log "
                                      "and the edits you make are recorded under this name."));
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    m_name = new QLineEdit(name);
    m_name->setObjectName(QStringLiteral("nameField"));
    m_name->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    m_name->selectAll();
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("nameError"));
    m_error->setWordWrap(true);
    PaletteColors::setWarningText(m_error);
    m_error->hide();
    layout->addWidget(m_error);
    connect(m_name, &QLineEdit::textEdited, m_error, &QWidget::hide);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &UserNameDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UserNameDialog::reject);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString UserNameDialog::name() const
{
    return m_name->text().trimmed();
}

QString UserNameDialog::problemWith(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Please enter your name: touches cannot be recorded under a blank one.");
    if (trimmed.size() > maxNameLength)
        return tr("This name has %1 characters; please keep it to %2.")
            .arg(trimmed.size())
            .arg(maxNameLength);
    return QString();
}

void UserNameDialog::accept()
{
    const QString problem = problemWith(m_name->text());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_name->setFocus();
        return;
    }
    QDialog::accept();
}

std::optional<QString> UserNameDialog::ask(QWidget *parent)
{
    UserNameDialog dialog(AppSettings::userName(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    AppSettings::setUserName(dialog.name());
    return dialog.name();
}

} // namespace Touchline
