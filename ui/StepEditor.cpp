#include "StepEditor.h"

#include "PaletteColors.h"
#include "TemplateHighlighter.h"
#include "domain/CadenceLinter.h"
#include "domain/MessageTemplate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Touchline {

namespace {

constexpr int minutesPerDay = 24 * 60;
constexpr int smsSegmentLength = 160;

// A subject is one line, but its placeholders are highlighted like the body's,
// which needs a QTextDocument: a plain text edit that keeps to one line.
class SingleLineTextEdit : public QPlainTextEdit
{
public:
    explicit SingleLineTextEdit(QWidget *parent = nullptr)
        : QPlainTextEdit(parent)
    {
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setWordWrapMode(QTextOption::NoWrap);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTabChangesFocus(true);
        document()->setDocumentMargin(3);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setFixedHeight(sizeHint().height());
    }

    QSize sizeHint() const override
    {
        const int height = fontMetrics().lineSpacing() + 2 * int(document()->documentMargin())
            + 2 * frameWidth() + 2;
        return {fontMetrics().averageCharWidth() * 30, height};
    }
    QSize minimumSizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 8, sizeHint().height()};
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            event->ignore(); // a form's default button, if any
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }

    void insertFromMimeData(const QMimeData *source) override
    {
        static const QRegularExpression lineBreaks(QStringLiteral("[\\r\\n\\x{2028}\\x{2029}]+"));
        if (source->hasText())
            insertPlainText(source->text().replace(lineBreaks, QStringLiteral(" ")));
    }
};

int minuteOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

QTime timeOf(int minute)
{
    return minute >= minutesPerDay ? QTime(23, 59) : QTime(minute / 60, minute % 60);
}

void makeQuiet(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
}

void setText(QPlainTextEdit *edit, const QString &text, bool sameStep)
{
    if (edit->toPlainText() == text)
        return;
    // Undo, or a teammate's change, in the step being edited: the cursor stays
    // about where it was. Another step starts at the top.
    const int position = sameStep ? edit->textCursor().position() : 0;
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    edit->setTextCursor(cursor);
}

} // namespace

StepEditor::StepEditor(QWidget *parent)
    : QWidget(parent)
    , m_typingTimer(new QTimer(this))
{
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(typingPauseMs);
    connect(m_typingTimer, &QTimer::timeout, this, &StepEditor::commitPendingEdit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("stepHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_channel = new QComboBox;
    m_channel->setObjectName(QStringLiteral("stepChannel"));
    for (TouchChannel channel : stepChannels())
        m_channel->addItem(channelDisplayName(channel), channelKey(channel));
    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(m_channel);
    channelRow->addStretch();
    auto *channelLabel = new QLabel(tr("&Channel:"));
    channelLabel->setBuddy(m_channel);
    form->addRow(channelLabel, channelRow);
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        updateForChannel();
        updateWindow();
        choiceChanged(Field::Channel);
    });

    m_wait = new QSpinBox;
    m_wait->setObjectName(QStringLiteral("stepWait"));
    m_wait->setRange(0, maxStepWaitDays);
    // Typing "14" is one change, not "1" and then "14".
    m_wait->setKeyboardTracking(false);
    m_waitHint = new QLabel;
    m_businessDays = new QCheckBox(tr("&Business days only (Mon–Fri)"));
    m_businessDays->setObjectName(QStringLiteral("stepBusinessDays"));
    auto *waitRow = new QHBoxLayout;
    waitRow->addWidget(m_wait);
    waitRow->addWidget(m_waitHint);
    waitRow->addSpacing(12);
    waitRow->addWidget(m_businessDays);
    waitRow->addStretch();
    auto *waitLabel = new QLabel(tr("&Wait:"));
    waitLabel->setBuddy(m_wait);
    form->addRow(waitLabel, waitRow);
    connect(m_wait, &QSpinBox::valueChanged, this, [this] {
        updateForChannel();
        choiceChanged(Field::Wait);
    });
    connect(
        m_businessDays, &QCheckBox::toggled, this, [this] { choiceChanged(Field::BusinessDays); });

    m_anyTime = new QCheckBox(tr("&Any time"));
    m_anyTime->setObjectName(QStringLiteral("stepAnyTime"));
    m_windowStart = new QTimeEdit;
    m_windowStart->setObjectName(QStringLiteral("stepWindowStart"));
    m_windowEnd = new QTimeEdit;
    m_windowEnd->setObjectName(QStringLiteral("stepWindowEnd"));
    for (QTimeEdit *edit : {m_windowStart, m_windowEnd}) {
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        edit->setKeyboardTracking(false);
        connect(edit, &QTimeEdit::timeChanged, this, [this] {
            updateWindow();
            choiceChanged(Field::Window);
        });
    }
    m_windowStart->setAccessibleName(tr("Send window start"));
    m_windowEnd->setAccessibleName(tr("Send window end"));
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_windowStart);
    windowRow->addWidget(new QLabel(QStringLiteral("–")));
    windowRow->addWidget(m_windowEnd);
    windowRow->addSpacing(12);
    windowRow->addWidget(m_anyTime);
    windowRow->addStretch();
    // The hint under the times, in the same cell: a row of its own would be
    // given the height of a narrower wrap.
    m_windowHint = new QLabel;
    m_windowHint->setObjectName(QStringLiteral("stepWindowHint"));
    m_windowHint->setWordWrap(true);
    makeQuiet(m_windowHint);
    auto *windowCell = new QVBoxLayout;
    windowCell->setSpacing(2);
    windowCell->addLayout(windowRow);
    windowCell->addWidget(m_windowHint);
    auto *windowLabel = new QLabel(tr("Send &window:"));
    windowLabel->setBuddy(m_windowStart);
    form->addRow(windowLabel, windowCell);
    connect(m_anyTime, &QCheckBox::toggled, this, [this] {
        updateWindow();
        choiceChanged(Field::Window);
    });

    m_purpose = new QLineEdit;
    m_purpose->setObjectName(QStringLiteral("stepPurpose"));
    m_purpose->setPlaceholderText(tr("What this step adds, e.g. “Concrete time options”"));
    m_purpose->setMaxLength(maxStepTextLength);
    form->addRow(tr("&Purpose:"), m_purpose);
    connect(m_purpose, &QLineEdit::textChanged, this, [this] { textChanged(Field::Purpose); });

    m_subject = new SingleLineTextEdit;
    m_subject->setObjectName(QStringLiteral("stepSubject"));
    m_subject->setPlaceholderText(tr("Subject, e.g. {{company}} and a quick idea"));
    new TemplateHighlighter(m_subject->document(), m_subject);
    m_subjectCounter = new QLabel;
    m_subjectCounter->setObjectName(QStringLiteral("stepSubjectCounter"));
    makeQuiet(m_subjectCounter);
    auto *subjectRow = new QHBoxLayout;
    subjectRow->addWidget(m_subject, 1);
    subjectRow->addWidget(m_subjectCounter);
    m_subjectLabel = new QLabel(tr("&Subject:"));
    m_subjectLabel->setBuddy(m_subject);
    form->addRow(m_subjectLabel, subjectRow);
    connect(m_subject, &QPlainTextEdit::textChanged, this, [this] { textChanged(Field::Subject); });
    layout->addLayout(form);

    auto *bodyRow = new QHBoxLayout;
    m_bodyLabel = new QLabel;
    bodyRow->addWidget(m_bodyLabel);
    bodyRow->addStretch();
    m_bodyCounter = new QLabel;
    m_bodyCounter->setObjectName(QStringLiteral("stepBodyCounter"));
    makeQuiet(m_bodyCounter);
    bodyRow->addWidget(m_bodyCounter);
    m_insertPlaceholder = new QToolButton;
    m_insertPlaceholder->setObjectName(QStringLiteral("insertPlaceholder"));
    m_insertPlaceholder->setText(tr("Insert &Placeholder"));
    m_insertPlaceholder->setToolTip(
        tr("Insert a value filled in for each prospect, such as their first name"));
    m_insertPlaceholder->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_insertPlaceholder);
    for (const TemplatePlaceholder &placeholder : templatePlaceholders()) {
        QAction *action = menu->addAction(
            tr("%1 — %2").arg(QStringLiteral("{{") + placeholder.key + QStringLiteral("}}"),
                placeholder.description));
        action->setData(placeholder.key);
        action->setToolTip(tr("For example: %1").arg(placeholder.example));
        connect(action, &QAction::triggered, this,
            [this, key = placeholder.key] { insertPlaceholder(key); });
    }
    m_insertPlaceholder->setMenu(menu);
    bodyRow->addWidget(m_insertPlaceholder);
    layout->addLayout(bodyRow);

    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("stepBody"));
    m_body->setTabChangesFocus(true);
    new TemplateHighlighter(m_body->document(), m_body);
    m_bodyLabel->setBuddy(m_body);
    layout->addWidget(m_body, 1);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] { textChanged(Field::Body); });
    m_lastTemplateField = m_body;

    // Focus starts a new editing session and leaving a field stores its typing.
    for (QWidget *field : std::initializer_list<QWidget *> {m_channel, m_wait, m_businessDays,
             m_anyTime, m_windowStart, m_windowEnd, m_purpose, m_subject, m_body})
        field->installEventFilter(this);

    clearStep();
}

QString StepEditor::fieldName(Field field, TouchChannel channel)
{
    switch (field) {
    case Field::Channel:
        return tr("channel");
    case Field::Wait:
        return tr("wait");
    case Field::BusinessDays:
        return tr("business days");
    case Field::Window:
        return tr("send window");
    case Field::Purpose:
        return tr("purpose");
    case Field::Subject:
        return tr("subject");
    case Field::Body:
        return channel == TouchChannel::Phone ? tr("talking points") : tr("message");
    }
    return QString();
}

void StepEditor::setStep(const CadenceStep &step, int position)
{
    const bool sameStep = m_hasStep && step.id != 0 && step.id == m_step.id;
    if (!sameStep) {
        m_pending.reset();
        m_typingTimer->stop();
        ++m_session;
    }
    m_loading = true;
    m_step = step;
    m_position = position;
    m_hasStep = true;
    m_heading->setText(tr("Step %1").arg(position));

    const int channelIndex = m_channel->findData(channelKey(step.channel));
    if (channelIndex >= 0 && channelIndex != m_channel->currentIndex())
        m_channel->setCurrentIndex(channelIndex);
    if (m_wait->value() != step.waitDays)
        m_wait->setValue(step.waitDays);
    if (m_businessDays->isChecked() != step.businessDays)
        m_businessDays->setChecked(step.businessDays);
    const bool anyTime = !step.hasWindow();
    if (m_anyTime->isChecked() != anyTime)
        m_anyTime->setChecked(anyTime);
    if (!anyTime) {
        if (m_windowStart->time() != timeOf(step.windowStartMinute))
            m_windowStart->setTime(timeOf(step.windowStartMinute));
        if (m_windowEnd->time() != timeOf(step.windowEndMinute))
            m_windowEnd->setTime(timeOf(step.windowEndMinute));
    } else if (!sameStep) {
        // What the fields offer when "Any time" is unchecked: the brief's
        // morning window.
        m_windowStart->setTime(QTime(8, 0));
        m_windowEnd->setTime(QTime(10, 0));
    }
    // Typing that waits for its pause stays as typed.
    if (m_pending != Field::Purpose && m_purpose->text() != step.purpose)
        m_purpose->setText(step.purpose);
    if (m_pending != Field::Subject)
        setText(m_subject, step.subject, sameStep);
    if (m_pending != Field::Body)
        setText(m_body, step.body, sameStep);
    m_loading = false;

    updateForChannel();
    updateWindow();
    setFieldsEnabled();
}

void StepEditor::clearStep()
{
    m_pending.reset();
    m_typingTimer->stop();
    m_loading = true;
    m_step = CadenceStep();
    m_hasStep = false;
    m_heading->setText(tr("No step selected"));
    m_channel->setCurrentIndex(0);
    m_wait->setValue(0);
    m_businessDays->setChecked(false);
    m_anyTime->setChecked(true);
    m_purpose->clear();
    m_subject->clear();
    m_body->clear();
    m_loading = false;
    updateForChannel();
    updateWindow();
    setFieldsEnabled();
}

CadenceStep StepEditor::step() const
{
    CadenceStep step = m_step;
    channelFromKey(m_channel->currentData().toString(), &step.channel);
    step.waitDays = m_wait->value();
    step.businessDays = m_businessDays->isChecked();
    if (m_anyTime->isChecked()) {
        step.windowStartMinute = -1;
        step.windowEndMinute = -1;
    } else {
        step.windowStartMinute = minuteOf(m_windowStart->time());
        step.windowEndMinute = minuteOf(m_windowEnd->time());
        // 24:00 shows as 23:59 and stays 24:00 unless changed.
        if (step.windowEndMinute == minutesPerDay - 1 && m_step.windowEndMinute == minutesPerDay)
            step.windowEndMinute = minutesPerDay;
    }
    step.purpose = m_purpose->text();
    // Only emails have a subject.
    step.subject = step.channel == TouchChannel::Email ? m_subject->toPlainText() : QString();
    step.body = m_body->toPlainText();
    return step;
}

void StepEditor::setReadOnly(bool readOnly)
{
    if (readOnly)
        commitPendingEdit();
    m_readOnly = readOnly;
    setFieldsEnabled();
}

void StepEditor::setFieldsEnabled()
{
    const bool editable = m_hasStep && !m_readOnly;
    for (QWidget *choice : std::initializer_list<QWidget *> {
             m_channel, m_wait, m_businessDays, m_anyTime, m_insertPlaceholder})
        choice->setEnabled(editable);
    // Texts stay readable and selectable when they cannot be changed.
    for (QWidget *text : std::initializer_list<QWidget *> {m_purpose, m_subject, m_body})
        text->setEnabled(m_hasStep);
    m_purpose->setReadOnly(!editable);
    m_subject->setReadOnly(!editable);
    m_body->setReadOnly(!editable);
    m_windowStart->setEnabled(editable && !m_anyTime->isChecked());
    m_windowEnd->setEnabled(editable && !m_anyTime->isChecked());
}

bool StepEditor::hasPendingEdit() const
{
    return m_pending.has_value();
}

bool StepEditor::commitPendingEdit()
{
    if (!m_pending)
        return false;
    emitEdited(*m_pending);
    return true;
}

void StepEditor::textChanged(Field field)
{
    updateCounters();
    if (m_loading || !m_hasStep)
        return;
    if (m_pending && *m_pending != field)
        commitPendingEdit();
    m_pending = field;
    m_typingTimer->start();
    Q_EMIT changing(step());
}

void StepEditor::choiceChanged(Field field)
{
    if (m_loading || !m_hasStep)
        return;
    commitPendingEdit();
    if (field == Field::Window && !m_anyTime->isChecked()
        && m_windowStart->time() >= m_windowEnd->time()) {
        Q_EMIT changing(step());
        return; // updateWindow() says what is wrong; nothing to store yet
    }
    // The wait's arrows and the window's times continue one another while the
    // field keeps the focus; a channel or a check box is one change each.
    if (field == Field::Channel || field == Field::BusinessDays)
        ++m_session;
    emitEdited(field);
}

void StepEditor::emitEdited(Field field)
{
    m_pending.reset();
    m_typingTimer->stop();
    const CadenceStep current = step();
    Q_EMIT changing(current);
    Q_EMIT edited(current, field, m_session);
}

void StepEditor::updateForChannel()
{
    TouchChannel channel = TouchChannel::Email;
    channelFromKey(m_channel->currentData().toString(), &channel);
    const bool email = channel == TouchChannel::Email;
    m_subjectLabel->setVisible(email);
    m_subject->setVisible(email);
    m_subjectCounter->setVisible(email);
    if (!email && m_lastTemplateField == m_subject)
        m_lastTemplateField = m_body;
    switch (channel) {
    case TouchChannel::Phone:
        m_bodyLabel->setText(tr("&Talking points:"));
        m_body->setPlaceholderText(tr("What to say: something new for them, one question, the "
                                      "next step. If voicemail: name, reason, number."));
        break;
    case TouchChannel::Email:
        m_bodyLabel->setText(tr("&Message:"));
        m_body->setPlaceholderText(tr("Hi {{first_name}}, …\n\nEnd with a way to say no, e.g. "
                                      "“Reply ‘no thanks’ and I won't write again.”"));
        break;
    default:
        m_bodyLabel->setText(tr("&Message:"));
        m_body->setPlaceholderText(tr("A short, informal message to {{first_name}}"));
        break;
    }
    const bool first = m_position <= 1;
    m_waitHint->setText(first ? tr("day(s) after enrolling", nullptr, m_wait->value())
                              : tr("day(s) after the previous step", nullptr, m_wait->value()));
    updateCounters();
}

void StepEditor::updateWindow()
{
    const bool editable = m_hasStep && !m_readOnly;
    m_windowStart->setEnabled(editable && !m_anyTime->isChecked());
    m_windowEnd->setEnabled(editable && !m_anyTime->isChecked());
    const bool invalid = !m_anyTime->isChecked() && m_windowStart->time() >= m_windowEnd->time();
    QPalette palette = m_windowHint->palette();
    if (invalid) {
        m_windowHint->setText(tr("The window must end after it starts."));
        palette.setColor(QPalette::WindowText, PaletteColors::warningColor(palette));
        m_windowHint->setForegroundRole(QPalette::WindowText);
    } else {
        TouchChannel channel = TouchChannel::Email;
        channelFromKey(m_channel->currentData().toString(), &channel);
        m_windowHint->setText(channel == TouchChannel::Email
                ? tr("In the prospect's time zone when known, otherwise yours. Emails do best "
                     "08:00–10:00 or 14:00–16:00.")
                : tr("In the prospect's time zone when known, otherwise yours."));
        m_windowHint->setForegroundRole(QPalette::PlaceholderText);
    }
    m_windowHint->setPalette(palette);
}

void StepEditor::updateCounters()
{
    TouchChannel channel = TouchChannel::Email;
    channelFromKey(m_channel->currentData().toString(), &channel);
    const QString counted = tr("Counted with placeholders as long as a typical value");
    const auto show = [this, &counted](QLabel *label, int length, int limit) {
        label->setText(limit > 0 ? tr("≈ %1 / %2").arg(length).arg(limit)
                                 : tr("≈ %n character(s)", nullptr, length));
        label->setToolTip(counted);
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, PaletteColors::warningColor(palette));
        label->setPalette(palette);
        label->setForegroundRole(
            limit > 0 && length > limit ? QPalette::WindowText : QPalette::PlaceholderText);
    };
    const int bodyLength = estimatedRenderedLength(m_body->toPlainText());
    m_bodyCounter->setVisible(channel != TouchChannel::Phone);
    switch (channel) {
    case TouchChannel::Sms:
        show(m_bodyCounter, bodyLength, lintMaxSmsLength);
        m_bodyCounter->setToolTip(counted + QLatin1Char('\n')
            + tr("%n text message(s) of %1 characters", nullptr,
                std::max(1, (bodyLength + smsSegmentLength - 1) / smsSegmentLength))
                  .arg(smsSegmentLength));
        break;
    case TouchChannel::LinkedIn:
        show(m_bodyCounter, bodyLength, lintMaxLinkedInLength);
        break;
    default:
        show(m_bodyCounter, bodyLength, 0);
        break;
    }
    show(m_subjectCounter, estimatedRenderedLength(m_subject->toPlainText()),
        lintMaxEmailSubjectLength);
}

void StepEditor::insertPlaceholder(const QString &key)
{
    if (!m_hasStep || m_readOnly)
        return;
    QPlainTextEdit *target
        = m_lastTemplateField && m_lastTemplateField->isVisible() ? m_lastTemplateField : m_body;
    target->setFocus();
    target->insertPlainText(QStringLiteral("{{") + key + QStringLiteral("}}"));
}

bool StepEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        ++m_session;
        if (watched == m_subject || watched == m_body)
            m_lastTemplateField = static_cast<QPlainTextEdit *>(watched);
    } else if (event->type() == QEvent::FocusOut) {
        // Also when a menu opens (Edit > Undo): what was typed is stored first.
        commitPendingEdit();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Touchline
