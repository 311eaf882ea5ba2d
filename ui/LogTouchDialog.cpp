#include "LogTouchDialog.h"

#include "PaletteColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Touchline {

LogTouchDialog::LogTouchDialog(
    const QString &prospectName, const Touch &touch, SaveHandler save, QWidget *parent)
    : QDialog(parent)
    , m_original(touch)
    , m_save(std::move(save))
{
    setWindowTitle(touch.id ? tr("Edit Touch with %1").arg(prospectName)
                            : tr("Log Touch with %1").arg(prospectName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_channel = new QComboBox;
    for (TouchChannel channel : allChannels())
        m_channel->addItem(channelDisplayName(channel), channelKey(channel));
    m_channel->setCurrentIndex(m_channel->findData(channelKey(touch.channel)));
    form->addRow(tr("&Channel:"), m_channel);

    m_direction = new QComboBox;
    m_direction->addItem(tr("Outbound: we contacted them"), directionKey(TouchDirection::Out));
    m_direction->addItem(tr("Inbound: they contacted us"), directionKey(TouchDirection::In));
    m_direction->setCurrentIndex(m_direction->findData(directionKey(touch.direction)));
    form->addRow(tr("&Direction:"), m_direction);

    m_outcome = new QComboBox;
    form->addRow(tr("&Outcome:"), m_outcome);
    updateOutcomes();
    const int outcomeIndex = m_outcome->findData(outcomeKey(touch.outcome));
    if (outcomeIndex >= 0)
        m_outcome->setCurrentIndex(outcomeIndex);

    m_when = new QDateTimeEdit(
        touch.occurredAt.isValid() ? touch.occurredAt.toLocalTime() : QDateTime::currentDateTime());
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // Touches happen in the past; the form cannot even offer a later time.
    m_when->setMaximumDateTime(QDateTime::currentDateTime().addSecs(60));
    form->addRow(tr("&When:"), m_when);

    m_countsAsStep = new QCheckBox;
    m_countsAsStep->hide();
    connect(m_countsAsStep, &QCheckBox::clicked, this, [this] { m_stepFollowsChannel = false; });
    form->addRow(m_countsAsStep);

    m_notes = new QPlainTextEdit(touch.notes);
    m_notes->setPlaceholderText(tr("What was said or sent (Shift+Enter for a new line)"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 5);
    m_notes->installEventFilter(this);
    form->addRow(tr("&Note:"), m_notes);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    PaletteColors::setWarningText(m_error);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &LogTouchDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LogTouchDialog::reject);
    layout->addWidget(buttons);

    connect(m_channel, &QComboBox::currentIndexChanged, this, &LogTouchDialog::updateOutcomes);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &LogTouchDialog::updateOutcomes);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &LogTouchDialog::updateStepOffer);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &LogTouchDialog::updateStepOffer);
    setMinimumWidth(440);
    m_channel->setFocus();
}

void LogTouchDialog::updateOutcomes()
{
    TouchChannel channel = TouchChannel::Email;
    TouchDirection direction = TouchDirection::Out;
    channelFromKey(m_channel->currentData().toString(), &channel);
    directionFromKey(m_direction->currentData().toString(), &direction);
    const QString previous = m_outcome->currentData().toString();
    m_outcome->clear();
    for (TouchOutcome outcome : outcomesFor(channel, direction))
        m_outcome->addItem(outcomeDisplayName(outcome), outcomeKey(outcome));
    const int kept = m_outcome->findData(previous);
    m_outcome->setCurrentIndex(kept >= 0 ? kept : 0);
    m_outcome->setEnabled(m_outcome->count() > 0);
}

void LogTouchDialog::offerStep(const PlannedStep &step, const QDateTime &now)
{
    m_step = step;
    m_stepDue = step.dueAt.isValid() && step.dueAt <= now;
    const bool named
        = m_original.enrollmentId == step.enrollmentId && m_original.stepId == step.step.id;
    m_stepFollowsChannel = !named;
    m_countsAsStep->setChecked(named);
    m_countsAsStep->setText(step.step.purpose.isEmpty()
            ? tr("Co&unts as step %1 of %2").arg(step.step.position).arg(step.cadenceName)
            : tr("Co&unts as step %1 of %2 (%3)")
                  .arg(step.step.position)
                  .arg(step.cadenceName, step.step.purpose));
    m_countsAsStep->show();
    updateStepOffer();
}

void LogTouchDialog::updateStepOffer()
{
    if (!m_step)
        return;
    TouchChannel channel = TouchChannel::Email;
    TouchDirection direction = TouchDirection::Out;
    channelFromKey(m_channel->currentData().toString(), &channel);
    directionFromKey(m_direction->currentData().toString(), &direction);
    m_countsAsStep->setEnabled(isNumbered(channel, direction));
    if (m_stepFollowsChannel)
        m_countsAsStep->setChecked(m_stepDue && channel == m_step->step.channel);
}

Touch LogTouchDialog::touch() const
{
    Touch t = m_original;
    channelFromKey(m_channel->currentData().toString(), &t.channel);
    directionFromKey(m_direction->currentData().toString(), &t.direction);
    outcomeFromKey(m_outcome->currentData().toString(), &t.outcome);
    t.occurredAt = m_when->dateTime().toUTC();
    t.notes = m_notes->toPlainText().trimmed();
    if (m_step) {
        const bool counts = m_countsAsStep->isEnabled() && m_countsAsStep->isChecked();
        t.enrollmentId = counts ? m_step->enrollmentId : 0;
        t.stepId = counts ? m_step->step.id : 0;
    }
    return t;
}

bool LogTouchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void LogTouchDialog::accept()
{
    const Touch t = touch();
    const QList<TouchFieldError> errors = validateTouch(t, QDateTime::currentDateTimeUtc());
    QString message;
    if (!errors.isEmpty())
        message = errors.first().message;
    else if (m_save && !m_save(t, &message) && message.isEmpty())
        message = tr("The touch could not be saved.");
    if (!message.isEmpty()) {
        m_error->setText(message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace Touchline
