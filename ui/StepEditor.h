#pragma once

#include "domain/Cadence.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;
class QTimer;
class QToolButton;

namespace Touchline {

// The form of one cadence step: channel, wait (business days or not), send
// window, purpose, subject (email only), and the message or talking points with
// highlighted placeholders, an Insert Placeholder menu and a length counter for
// the channel. The form stores nothing: it says what the user changed with
// edited(), once per change of a choice and, for typing, after a pause or when
// the field loses focus.
class StepEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Field { Channel, Wait, BusinessDays, Window, Purpose, Subject, Body };
    Q_ENUM(Field)

    // How long typing pauses before the text is stored.
    static constexpr int typingPauseMs = 800;

    explicit StepEditor(QWidget *parent = nullptr);

    // Shows `step`, the `position`-th of its cadence. When it is the step
    // already shown (same id), only the fields whose value differs are set, so
    // the field being typed in keeps its cursor.
    void setStep(const CadenceStep &step, int position);
    // Shows no step: an empty, disabled form.
    void clearStep();
    bool hasStep() const { return m_hasStep; }
    // The step shown, with the values in the form.
    CadenceStep step() const;

    // A read-only form shows the step but changes nothing.
    void setReadOnly(bool readOnly);

    // Sends typing that waits for its pause now. Returns whether there was any.
    bool commitPendingEdit();
    bool hasPendingEdit() const;

    // The field in translated words ("message", "wait"), for undo texts.
    static QString fieldName(Field field, TouchChannel channel);

Q_SIGNALS:
    // The user changed `field`: store `step`. Changes with the same `session`
    // continue one another (pauses while typing in one field, arrow presses in
    // the wait): they may become one undo step.
    void edited(
        const Touchline::CadenceStep &step, Touchline::StepEditor::Field field, int session);
    // Any change in the form, stored or not yet: for a live preview and advice.
    void changing(const Touchline::CadenceStep &step);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void textChanged(Field field);
    void choiceChanged(Field field);
    void emitEdited(Field field);
    void updateForChannel();
    void updateWindow();
    void updateCounters();
    void insertPlaceholder(const QString &key);
    void setFieldsEnabled();

    CadenceStep m_step;
    int m_position = 0;
    bool m_hasStep = false;
    bool m_readOnly = false;
    bool m_loading = false;
    int m_session = 0;
    std::optional<Field> m_pending;
    QTimer *m_typingTimer = nullptr;

    QLabel *m_heading = nullptr;
    QComboBox *m_channel = nullptr;
    QSpinBox *m_wait = nullptr;
    QLabel *m_waitHint = nullptr;
    QCheckBox *m_businessDays = nullptr;
    QCheckBox *m_anyTime = nullptr;
    QTimeEdit *m_windowStart = nullptr;
    QTimeEdit *m_windowEnd = nullptr;
    QLabel *m_windowHint = nullptr;
    QLineEdit *m_purpose = nullptr;
    QLabel *m_subjectLabel = nullptr;
    QPlainTextEdit *m_subject = nullptr;
    QLabel *m_subjectCounter = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QToolButton *m_insertPlaceholder = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_bodyCounter = nullptr;
    QPlainTextEdit *m_lastTemplateField = nullptr; // where Insert Placeholder writes
};

} // namespace Touchline
