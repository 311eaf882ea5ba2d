#pragma once

#include "domain/Touch.h"

#include <QDialog>

#include <functional>

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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateOutcomes();

    Touch m_original;
    SaveHandler m_save;
    QComboBox *m_channel = nullptr;
    QComboBox *m_direction = nullptr;
    QComboBox *m_outcome = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Touchline
