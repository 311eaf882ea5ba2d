#include "ProspectConflictDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Touchline {

namespace {

QString shownValue(const Prospect &p, ProspectField field)
{
    if (const auto member = prospectTextMember(field)) {
        const QString text = p.*member;
        return text.isEmpty() ? ProspectConflictDialog::tr("(empty)") : text;
    }
    switch (field) {
    case ProspectField::Owner:
        return p.ownerName.isEmpty() ? ProspectConflictDialog::tr("(nobody)") : p.ownerName;
    case ProspectField::Status:
        return statusDisplayName(p.status);
    case ProspectField::AgreedNextTouchAt:
        return p.agreedNextTouchAt.isValid()
            ? QLocale().toString(p.agreedNextTouchAt.toLocalTime(), QLocale::ShortFormat)
            : ProspectConflictDialog::tr("(none)");
    default:
        return {};
    }
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text);
    return item;
}

} // namespace

ProspectConflictDialog::ProspectConflictDialog(
    const Prospect &base, const Prospect &mine, const Prospect &theirs, QWidget *parent)
    : QDialog(parent)
    , m_base(base)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_conflicts(conflictingFields(base, mine, theirs))
{
    setWindowTitle(tr("%1 Was Changed by Someone Else").arg(theirs.displayName()));
    auto *layout = new QVBoxLayout(this);

    const QString when = QLocale().toString(theirs.updatedAt.toLocalTime(), QLocale::ShortFormat);
    auto *intro = new QLabel(theirs.updatedByName.isEmpty()
            ? tr("While you were editing <b>%1</b>, someone else changed it at %2. "
                 "Which values should it keep?")
                  .arg(theirs.displayName().toHtmlEscaped(), when)
            : tr("While you were editing <b>%1</b>, %2 changed it at %3. "
                 "Which values should it keep?")
                  .arg(theirs.displayName().toHtmlEscaped(), theirs.updatedByName.toHtmlEscaped(),
                      when));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    layout->addWidget(intro);

    m_table = new QTableWidget(int(m_conflicts.size()), 3);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Yours"),
        theirs.updatedByName.isEmpty() ? tr("Theirs")
                                       : tr("Theirs (%1)").arg(theirs.updatedByName)});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Conflicting fields"));
    for (int row = 0; row < m_conflicts.size(); ++row) {
        const ProspectField field = m_conflicts.at(row);
        m_table->setItem(row, 0, readOnlyItem(fieldDisplayName(field)));
        m_table->setItem(row, 1, readOnlyItem(shownValue(mine, field)));
        m_table->setItem(row, 2, readOnlyItem(shownValue(theirs, field)));
    }
    // As tall as its rows, so a one-field conflict is not a mostly empty box.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    layout->addWidget(m_table);

    if (changedFields(base, mine).size() > m_conflicts.size()) {
        auto *others = new QLabel(tr("Your changes to other fields are saved either way."));
        others->setWordWrap(true);
        layout->addWidget(others);
    }

    auto *buttons = new QDialogButtonBox;
    m_keepMine = buttons->addButton(tr("Keep &Mine"), QDialogButtonBox::AcceptRole);
    m_keepMine->setToolTip(tr("Save your values over theirs."));
    m_keepTheirs = buttons->addButton(tr("Keep &Theirs"), QDialogButtonBox::AcceptRole);
    m_keepTheirs->setToolTip(tr("Drop your values for these fields."));
    m_editAgain = buttons->addButton(tr("&Back to Editing"), QDialogButtonBox::RejectRole);
    m_editAgain->setToolTip(tr("Nothing is saved; your input stays in the form."));
    // Enter must not overwrite anyone's work: the safe choice is the default.
    m_editAgain->setDefault(true);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { choose(Choice::KeepMine); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { choose(Choice::KeepTheirs); });
    connect(m_editAgain, &QPushButton::clicked, this, [this] { choose(Choice::EditAgain); });
    layout->addWidget(buttons);
    m_editAgain->setFocus();
    setMinimumWidth(520);
}

QPushButton *ProspectConflictDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::KeepMine:
        return m_keepMine;
    case Choice::KeepTheirs:
        return m_keepTheirs;
    case Choice::EditAgain:
        return m_editAgain;
    }
    Q_UNREACHABLE();
}

Prospect ProspectConflictDialog::prospectToSave() const
{
    Prospect result = mergedProspect(m_base, m_mine, m_theirs);
    if (m_choice == Choice::KeepTheirs) {
        for (ProspectField field : m_conflicts)
            copyProspectField(m_theirs, &result, field);
    }
    return result;
}

void ProspectConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::EditAgain)
        reject();
    else
        accept();
}

} // namespace Touchline
