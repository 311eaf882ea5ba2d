#pragma once

#include "domain/Touch.h"
#include "storage/EnrollmentRepository.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;

namespace Touchline {

// The compact form for logging or editing one touch, made for the keyboard:
// every field is reachable with Tab, Enter saves, Shift+Enter starts a new line
// in the note, Escape cancels.
class LogTouchDialog : public QDialog
{
    Q_OBJECT
public:
    // Saves the touch; returns false with a message to keep the dialog open.
    using SaveHandler = std::function<bool(const Touch &touch, QString *error)>;

    LogTouchDialog(const QString &prospectName, const Touch &touch, SaveHandler save,
        QWidget *parent = nullptr);

    Touch touch() const;
    void accept() override;

    // Offers to count a new touch as `step`, the prospect's next cadence step,
    // with a checkbox "Counts as step N of <cadence> (<purpose>)". It starts
    // checked when the touch given names that step (the due list), or when the
    // step is due at `now` and the chosen channel is the step's, and follows the
    // channel until the user sets it: a touch outside the cadence counts as
    // contact but skips no step unless the user says so. Only outbound contact
    // attempts (email, phone, LinkedIn, SMS) can count.
    void offerStep(const PlannedStep &step, const QDateTime &now = QDateTime::currentDateTimeUtc());

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateOutcomes();
    void updateStepOffer();

    Touch m_original;
    SaveHandler m_save;
    QComboBox *m_channel = nullptr;
    QComboBox *m_direction = nullptr;
    QComboBox *m_outcome = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_error = nullptr;
    QCheckBox *m_countsAsStep = nullptr;
    std::optional<PlannedStep> m_step;
    bool m_stepDue = false;
    bool m_stepFollowsChannel = false; // until the user sets the checkbox
};

} // namespace Touchline
