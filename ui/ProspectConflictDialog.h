#pragma once

#include "domain/Prospect.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace Touchline {

// Shown when saving a prospect finds that someone else changed the same fields
// since the user started editing: per field, the user's value beside theirs.
// Nothing is written here; the caller saves prospectToSave() for the choice.
class ProspectConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice {
        EditAgain,  // back to the form, with the user's input kept
        KeepMine,   // overwrite their values, knowingly
        KeepTheirs, // drop the user's values for these fields; the other edits stay
    };
    Q_ENUM(Choice)

    // `base` is the row the user started from, `mine` what they typed, `theirs`
    // the row as stored now.
    ProspectConflictDialog(const Prospect &base, const Prospect &mine, const Prospect &theirs,
        QWidget *parent = nullptr);

    QList<ProspectField> conflicts() const { return m_conflicts; }
    Choice choice() const { return m_choice; }
    QPushButton *button(Choice choice) const;
    // What to save for KeepMine or KeepTheirs, as an edit of `theirs`.
    Prospect prospectToSave() const;

private:
    void choose(Choice choice);

    Prospect m_base;
    Prospect m_mine;
    Prospect m_theirs;
    QList<ProspectField> m_conflicts;
    Choice m_choice = Choice::EditAgain;
    QTableWidget *m_table = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_keepTheirs = nullptr;
    QPushButton *m_editAgain = nullptr;
};

} // namespace Touchline
