#include "ProspectDialog.h"

#include "PaletteColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Touchline {

ProspectDialog::ProspectDialog(
    const Prospect &prospect, const QList<User> &users, SaveHandler save, QWidget *parent)
    : QDialog(parent)
    , m_original(prospect)
    , m_users(users)
    , m_save(std::move(save))
{
    setWindowTitle(prospect.id ? tr("Edit %1").arg(prospect.displayName()) : tr("New Prospect"));
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);

    addLineEdit(ProspectField::FirstName, tr("&First name:"), {});
    addLineEdit(ProspectField::LastName, tr("&Last name:"), {});
    addLineEdit(ProspectField::Company, tr("&Company:"), {});
    addLineEdit(ProspectField::Title, tr("&Title:"), tr("e.g. Head of Sales"));
    addLineEdit(ProspectField::Email, tr("&Email:"), tr("name@example.com"));
    addLineEdit(ProspectField::Phone, tr("&Phone:"), tr("+44 20 7946 0000"));
    addLineEdit(
        ProspectField::LinkedInUrl, tr("Lin&kedIn:"), tr("https://www.linkedin.com/in/..."));

    m_owner = new QComboBox;
    m_owner->setEditable(true);
    m_owner->setInsertPolicy(QComboBox::NoInsert);
    m_owner->addItem(QString(), 0);
    for (const User &user : users)
        m_owner->addItem(user.name, user.id);
    m_owner->lineEdit()->setPlaceholderText(tr("Nobody yet"));
    m_form->addRow(tr("&Owner:"), m_owner);

    m_status = new QComboBox;
    for (ProspectStatus status : allStatuses())
        m_status->addItem(statusDisplayName(status), statusKey(status));
    m_form->addRow(tr("&Status:"), m_status);

    // Cadence steps are sent in their send window on the prospect's clock.
    QLineEdit *zone = addLineEdit(
        ProspectField::TimeZone, tr("Time &zone:"), tr("Unknown: your own time zone is used"));
    QStringList zoneIds;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zoneIds.append(QString::fromUtf8(id));
    auto *completer = new QCompleter(zoneIds, zone);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    zone->setCompleter(completer);

    m_hasAgreedDate = new QCheckBox(tr("&Agreed next touch:"));
    m_hasAgreedDate->setToolTip(
        tr("A date agreed with the prospect; it replaces the cadence's next due time."));
    m_agreedDate = new QDateTimeEdit(QDateTime(QDate::currentDate().addDays(7), QTime(9, 0)));
    m_agreedDate->setCalendarPopup(true);
    m_agreedDate->setEnabled(false);
    connect(m_hasAgreedDate, &QCheckBox::toggled, m_agreedDate, &QWidget::setEnabled);
    m_form->addRow(m_hasAgreedDate, m_agreedDate);

    m_saveError = new QLabel;
    m_saveError->setWordWrap(true);
    m_saveError->setForegroundRole(QPalette::BrightText);
    m_saveError->setAutoFillBackground(true);
    m_saveError->setBackgroundRole(QPalette::Highlight);
    m_saveError->setMargin(6);
    m_saveError->hide();
    layout->addWidget(m_saveError);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProspectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProspectDialog::reject);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    setInput(prospect);
}

QLineEdit *ProspectDialog::addLineEdit(
    ProspectField field, const QString &label, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto *error = new QLabel;
    error->setWordWrap(true);
    PaletteColors::setWarningText(error);
    error->hide();

    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(edit);
    column->addWidget(error);
    m_form->addRow(label, column);
    if (auto *labelWidget = qobject_cast<QLabel *>(m_form->labelForField(column)))
        labelWidget->setBuddy(edit);
    m_edits.insert(field, edit);
    m_errorLabels.insert(field, error);
    return edit;
}

Prospect ProspectDialog::prospect() const
{
    Prospect p = m_original;
    p.firstName = m_edits.value(ProspectField::FirstName)->text();
    p.lastName = m_edits.value(ProspectField::LastName)->text();
    p.company = m_edits.value(ProspectField::Company)->text();
    p.title = m_edits.value(ProspectField::Title)->text();
    p.email = m_edits.value(ProspectField::Email)->text();
    p.phone = m_edits.value(ProspectField::Phone)->text();
    p.linkedInUrl = m_edits.value(ProspectField::LinkedInUrl)->text();
    p.ownerName = m_owner->currentText().trimmed();
    const int ownerIndex = m_owner->findText(p.ownerName, Qt::MatchFixedString);
    p.ownerId = ownerIndex >= 0 ? m_owner->itemData(ownerIndex).toLongLong() : 0;
    statusFromKey(m_status->currentData().toString(), &p.status);
    p.timeZone = m_edits.value(ProspectField::TimeZone)->text();
    p.agreedNextTouchAt
        = m_hasAgreedDate->isChecked() ? m_agreedDate->dateTime().toUTC() : QDateTime();
    return normalizedProspect(p);
}

void ProspectDialog::setInput(const Prospect &values)
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        it.value()->setText(values.*prospectTextMember(it.key()));
    const int owner = values.ownerId ? m_owner->findData(values.ownerId) : -1;
    if (owner >= 0 || values.ownerName.isEmpty())
        m_owner->setCurrentIndex(std::max(0, owner));
    else
        m_owner->setEditText(values.ownerName); // a user added since the list was read
    m_status->setCurrentIndex(m_status->findData(statusKey(values.status)));
    m_hasAgreedDate->setChecked(values.agreedNextTouchAt.isValid());
    if (values.agreedNextTouchAt.isValid())
        m_agreedDate->setDateTime(values.agreedNextTouchAt.toLocalTime());
}

void ProspectDialog::rebase(const Prospect &theirs)
{
    const Prospect typed = prospect();
    const Prospect kept = mergedProspect(m_original, typed, theirs);
    m_original = theirs;
    setInput(kept);
}

void ProspectDialog::showErrors(const QList<FieldError> &errors)
{
    for (QLabel *label : std::as_const(m_errorLabels))
        label->hide();
    for (const FieldError &error : errors) {
        QLabel *label = m_errorLabels.value(error.field);
        label->setText(error.message);
        label->show();
    }
    if (!errors.isEmpty())
        m_edits.value(errors.first().field)->setFocus();
}

void ProspectDialog::accept()
{
    const Prospect p = prospect();
    const QList<FieldError> errors = validateProspect(p);
    showErrors(errors);
    if (!errors.isEmpty())
        return;
    QString saveError;
    if (m_save && !m_save(p, &saveError)) {
        m_saveError->setText(saveError);
        m_saveError->show();
        return;
    }
    QDialog::accept();
}

} // namespace Touchline
