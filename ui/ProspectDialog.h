#pragma once

#include "domain/Prospect.h"
#include "storage/UserRepository.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Touchline {

// The form to add or edit one prospect. Values are checked before saving and
// each problem is shown beside its field; if saving fails the input stays.
class ProspectDialog : public QDialog
{
    Q_OBJECT
public:
    // Saves the prospect; returns false with a message to keep the dialog open.
    using SaveHandler = std::function<bool(const Prospect &prospect, QString *error)>;

    ProspectDialog(const Prospect &prospect, const QList<User> &users, SaveHandler save,
        QWidget *parent = nullptr);

    // The row the edit started from; rebase() moves it.
    const Prospect &original() const { return m_original; }
    // Fills the form with these values; the edit still starts from original().
    void setInput(const Prospect &values);
    // Someone else saved `theirs` meanwhile: the edit now starts from it, the
    // fields the user changed keep their input and the others show their values.
    void rebase(const Prospect &theirs);

    // The values as typed, with the owner's name in ownerName (ownerId is 0 for a new name).
    Prospect prospect() const;

    void accept() override;

private:
    QLineEdit *addLineEdit(ProspectField field, const QString &label, const QString &placeholder);
    void showErrors(const QList<FieldError> &errors);

    Prospect m_original;
    QList<User> m_users;
    SaveHandler m_save;
    QHash<ProspectField, QLineEdit *> m_edits;
    QHash<ProspectField, QLabel *> m_errorLabels;
    QComboBox *m_owner = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_hasAgreedDate = nullptr;
    QDateTimeEdit *m_agreedDate = nullptr;
    QLabel *m_saveError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace Touchline
