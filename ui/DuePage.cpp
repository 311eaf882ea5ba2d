#include "DuePage.h"

#include "DueItemDelegate.h"
#include "EmptyStateLabel.h"
#include "LogTouchDialog.h"
#include "PaletteColors.h"
#include "commands/EnrollmentEditor.h"
#include "commands/TouchEditor.h"
#include "domain/ContactLinks.h"
#include "domain/RelativeTime.h"
#include "itemmodels/DueListModel.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Touchline {

namespace {

constexpr int noticeMs = 8000;

Prospect prospectOf(const DueItem &item)
{
    Prospect p;
    p.id = item.prospectId;
    p.firstName = item.firstName;
    p.lastName = item.lastName;
    p.company = item.company;
    p.title = item.title;
    p.email = item.email;
    p.phone = item.phone;
    p.linkedInUrl = item.linkedInUrl;
    p.ownerId = item.ownerId;
    p.ownerName = item.ownerName;
    p.lastTouchAt = item.lastTouchAt;
    p.timeZone = item.timeZoneId;
    return p;
}

PlannedStep plannedStepOf(const DueItem &item)
{
    PlannedStep planned;
    planned.enrollmentId = item.enrollmentId;
    planned.cadenceName = item.cadenceName;
    planned.step = item.step;
    planned.stepCount = item.stepCount;
    planned.dueAt = item.dueAt;
    return planned;
}

// The rendered text with its gaps marked: unknown placeholders in the warning
// colour, known ones without a value in amber. Translucent, so both read on
// light and dark bases.
void showRendered(QTextEdit *edit, const RenderedTemplate &rendered)
{
    edit->setPlainText(rendered.text);
    QColor unknown = PaletteColors::warningColor(edit->palette());
    unknown.setAlphaF(0.3f);
    QColor empty(0xe0, 0x9b, 0x00);
    empty.setAlphaF(0.35f);
    const auto mark = [edit](const QList<RenderedSpan> &spans, const QColor &color) {
        QTextCharFormat format;
        format.setBackground(color);
        format.setFontWeight(QFont::Bold);
        for (const RenderedSpan &span : spans) {
            QTextCursor cursor(edit->document());
            cursor.setPosition(span.start);
            cursor.setPosition(span.start + span.length, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(format);
        }
    };
    mark(rendered.unknown, unknown);
    mark(rendered.empty, empty);
}

QStringList spanKeys(const QList<RenderedSpan> &spans, bool asWritten, const QString &text)
{
    QStringList keys;
    for (const RenderedSpan &span : spans) {
        const QString key = asWritten ? text.mid(span.start, span.length) : span.key;
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QLabel *sectionLabel(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The date dialog of "Snooze to a date"; an invalid date when cancelled.
QDate askSnoozeDate(QWidget *parent, const QString &prospectName)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(DuePage::tr("Snooze Step"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    const QDate tomorrow = DueListModel::startOfLocalDay(1).date();
    auto *date = new QDateEdit(tomorrow.addDays(1));
    date->setCalendarPopup(true);
    date->setMinimumDate(tomorrow);
    form->addRow(DuePage::tr("Snooze the step for %1 &until:").arg(prospectName), date);
    layout->addLayout(form);
    auto *hint = new QLabel(DuePage::tr("The step becomes due that day, in its send window."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    date->setFocus();
    return dialog.exec() == QDialog::Accepted ? date->date() : QDate();
}

} // namespace

DuePage::DuePage(Database &db, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_undoStack(undoStack)
    , m_model(new DueListModel(db, this))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setUser(0, QString());

    m_copyAction
        = addWorkAction("copyMessageAction", tr("Cop&y Message"), QKeySequence(tr("Ctrl+Shift+C")),
            tr("Copy the message to paste it elsewhere"), &DuePage::copyMessage);
    m_openAction = addWorkAction("openChannelAction", tr("&Open"), QKeySequence(tr("Ctrl+O")),
        tr("Open the step's channel with the message filled in"), &DuePage::openChannel);
    m_logAction = addWorkAction("logOutcomeAction", tr("&Log Outcome…"), QKeySequence(tr("Ctrl+L")),
        tr("Record what happened; the list moves to the next item"), &DuePage::logOutcome);
    m_snoozeTomorrowAction = addWorkAction("snoozeTomorrowAction", tr("Snooze to &Tomorrow"),
        QKeySequence(tr("Ctrl+Shift+S")), tr("Make the step due tomorrow, in its send window"),
        &DuePage::snoozeToTomorrow);
    m_snoozeDateAction = addWorkAction("snoozeDateAction", tr("Snooze to &Date…"),
        QKeySequence(tr("Ctrl+Shift+D")), tr("Make the step due on a day you choose"),
        &DuePage::snoozeToDate);
    m_skipAction
        = addWorkAction("skipStepAction", tr("S&kip Step"), QKeySequence(tr("Ctrl+Shift+K")),
            tr("Mark the step done without a touch; the next step follows"), &DuePage::skipStep);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createFilterBar());

    m_content = new QStackedWidget;
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("dueView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new DueItemDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setMinimumWidth(300);
    m_view->installEventFilter(this);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT prospectActivated(index.data(DueListModel::ProspectIdRole).toLongLong());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DuePage::showCurrent);
    splitter->addWidget(m_view);
    splitter->addWidget(createWorkPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_content->addWidget(splitter);

    m_empty = new EmptyStateLabel;
    m_empty->setObjectName(QStringLiteral("dueEmpty"));
    m_content->addWidget(m_empty);
    layout->addWidget(m_content, 1);

    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("dueNotice"));
    m_notice->setWordWrap(true);
    layout->addWidget(m_notice);
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(noticeMs);
    connect(m_noticeTimer, &QTimer::timeout, m_notice, &QLabel::clear);

    setFocusProxy(m_view);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &DuePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &DuePage::showCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const int row = m_view->currentIndex().row();
            if (row >= topLeft.row() && row <= bottomRight.row())
                showCurrent();
        });
    connect(m_model, &DueListModel::countsChanged, this, &DuePage::updateCounts);
    connect(m_model, &DueListModel::errorOccurred, this, &DuePage::showError);
    connect(&db, &Database::changed, this, [this](Database::Tables tables) {
        if (tables & Database::Table::Users)
            reloadOwners();
        // What is due on later days changes without rows coming or going.
        if (m_model->rowCount() == 0)
            updateEmptyState();
    });
    reloadOwners();
    updateCounts();
    updateEmptyState();
    // Whoever creates the page connects to countsChanged() only afterwards.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT countsChanged(dueTodayCount(), overdueCount()); },
        Qt::QueuedConnection);
}

QAction *DuePage::addWorkAction(const char *objectName, const QString &text,
    const QKeySequence &keys, const QString &toolTip, void (DuePage::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(tr("%1 (%2)").arg(toolTip, keys.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
}

QWidget *DuePage::createFilterBar()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_owner = new QComboBox;
    m_owner->setObjectName(QStringLiteral("dueOwnerFilter"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *ownerLabel = new QLabel(tr("O&wner:"));
    ownerLabel->setBuddy(m_owner);
    layout->addWidget(ownerLabel);
    layout->addWidget(m_owner);
    connect(m_owner, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setOwnerFilter(m_owner->currentData().toLongLong());
        updateEmptyState();
    });

    m_channel = new QComboBox;
    m_channel->setObjectName(QStringLiteral("dueChannelFilter"));
    m_channel->addItem(tr("All channels"), QString());
    for (TouchChannel channel : stepChannels())
        m_channel->addItem(channelDisplayName(channel), channelKey(channel));
    auto *channelLabel = new QLabel(tr("C&hannel:"));
    channelLabel->setBuddy(m_channel);
    layout->addSpacing(12);
    layout->addWidget(channelLabel);
    layout->addWidget(m_channel);
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setChannelFilter(m_channel->currentData().toString());
        updateEmptyState();
    });

    layout->addStretch();
    m_counts = new QLabel;
    m_counts->setObjectName(QStringLiteral("dueCounts"));
    layout->addWidget(m_counts);
    return bar;
}

QWidget *DuePage::createWorkPane()
{
    m_paneStack = new QStackedWidget;
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(12, 0, 0, 0);

    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("dueName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextFormat(Qt::RichText);
    m_name->setToolTip(tr("Show the prospect and their timeline (Return in the list)"));
    connect(m_name, &QLabel::linkActivated, this, [this] {
        if (const std::optional<DueItem> item = currentItem())
            Q_EMIT prospectActivated(item->prospectId);
    });
    layout->addWidget(m_name);

    for (QLabel **label : {&m_step, &m_due, &m_contact}) {
        *label = new QLabel;
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(*label);
    }
    m_step->setObjectName(QStringLiteral("dueStep"));
    m_due->setObjectName(QStringLiteral("dueWhen"));
    m_contact->setObjectName(QStringLiteral("dueContact"));

    m_subjectLabel = sectionLabel(tr("Subject"));
    layout->addSpacing(6);
    layout->addWidget(m_subjectLabel);
    m_subject = new QTextEdit;
    m_subject->setObjectName(QStringLiteral("dueSubject"));
    m_subject->setReadOnly(true);
    m_subject->setAcceptRichText(false);
    m_subject->setTabChangesFocus(true);
    m_subject->setLineWrapMode(QTextEdit::NoWrap);
    m_subject->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_subject->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_subject->setFixedHeight(m_subject->fontMetrics().lineSpacing()
        + 2 * int(m_subject->document()->documentMargin()) + 2 * m_subject->frameWidth());
    m_subjectLabel->setBuddy(m_subject);
    layout->addWidget(m_subject);

    m_bodyLabel = sectionLabel(tr("Message"));
    layout->addWidget(m_bodyLabel);
    m_body = new QTextEdit;
    m_body->setObjectName(QStringLiteral("dueBody"));
    m_body->setReadOnly(true);
    m_body->setAcceptRichText(false);
    m_body->setTabChangesFocus(true);
    m_bodyLabel->setBuddy(m_body);
    layout->addWidget(m_body, 1);

    m_gaps = new QLabel;
    m_gaps->setObjectName(QStringLiteral("dueGaps"));
    m_gaps->setWordWrap(true);
    PaletteColors::setWarningText(m_gaps);
    layout->addWidget(m_gaps);

    const auto buttonRow = [this, layout](const QList<QAction *> &actions, bool writes) {
        auto *row = new QHBoxLayout;
        for (QAction *action : actions) {
            auto *button = new QToolButton;
            button->setDefaultAction(action);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
            row->addWidget(button);
            if (writes)
                m_writeButtons.append(button);
        }
        row->addStretch();
        layout->addLayout(row);
    };
    buttonRow({m_copyAction, m_openAction}, false);
    buttonRow({m_logAction}, true);
    buttonRow({m_snoozeTomorrowAction, m_snoozeDateAction, m_skipAction}, true);
    // The log button leads; the others are a step removed.
    QFont logFont = m_writeButtons.first()->font();
    logFont.setBold(true);
    m_writeButtons.first()->setFont(logFont);

    m_paneStack->addWidget(pane);
    auto *nothing = new QLabel(tr("Select an item to work on it."));
    nothing->setAlignment(Qt::AlignCenter);
    m_paneStack->addWidget(nothing);
    return m_paneStack;
}

void DuePage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QToolButton *button : std::as_const(m_writeButtons))
        button->setVisible(!readOnly);
    showCurrent();
}

void DuePage::setUrlOpener(UrlOpener opener)
{
    m_openUrl = std::move(opener);
}

void DuePage::setUser(qint64 userId, const QString &name)
{
    m_userName = name;
    if (!m_touchEditor || userId != m_userId) {
        // The undo stack may still hold commands of the previous editors, which
        // live on as children of the page.
        m_userId = userId;
        m_touchEditor = new TouchEditor(m_db, m_undoStack, userId, this);
        m_enrollmentEditor = new EnrollmentEditor(m_db, m_undoStack, userId, this);
        connect(m_touchEditor, &Editor::failed, this, &DuePage::showError);
        connect(m_enrollmentEditor, &Editor::failed, this, &DuePage::showError);
    }
    if (m_owner)
        reloadOwners();
    if (m_view)
        showCurrent();
}

void DuePage::setSchedulingLink(const QString &link)
{
    m_schedulingLink = link;
    showCurrent();
}

std::optional<DueItem> DuePage::currentItem() const
{
    return m_model->itemAt(m_view->currentIndex().row());
}

int DuePage::dueTodayCount() const
{
    return m_model->dueTodayCount();
}

int DuePage::overdueCount() const
{
    return m_model->overdueCount();
}

void DuePage::reloadOwners()
{
    QList<User> users;
    Error error;
    if (!UserRepository(m_db).list(&users, &error)) {
        showError(error.message);
        return;
    }
    const qint64 chosen = m_owner->currentData().toLongLong();
    const QSignalBlocker blocker(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("Everyone"), qint64(0));
    if (m_userId != 0)
        m_owner->addItem(tr("Me"), m_userId);
    for (const User &user : std::as_const(users)) {
        if (user.id != m_userId)
            m_owner->addItem(user.name, user.id);
    }
    const int index = m_owner->findData(chosen);
    m_owner->setCurrentIndex(index >= 0 ? index : 0);
    m_model->setOwnerFilter(m_owner->currentData().toLongLong());
}

void DuePage::updateCounts()
{
    const int dueToday = dueTodayCount();
    const int overdue = overdueCount();
    m_counts->setText(overdue > 0 ? tr("%n due today", nullptr, dueToday) + QStringLiteral(" · ")
                + tr("%n overdue", nullptr, overdue)
                                  : tr("%n due today", nullptr, dueToday));
    Q_EMIT countsChanged(dueToday, overdue);
}

void DuePage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_content->setCurrentIndex(0);
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0));
        showCurrent();
        return;
    }
    // Is anything due later? Then the day's work is done.
    DueFilter later;
    later.until = QDateTime::currentDateTimeUtc().addYears(100);
    later.ownerId = m_model->ownerFilter();
    later.channelKey = m_model->channelFilter();
    QList<DueItem> items;
    Error error;
    if (!EnrollmentRepository(m_db).due(later, &items, &error)) {
        showError(error.message);
        return;
    }
    if (!items.isEmpty()) {
        const DueItem &next = items.first();
        m_empty->setText(tr("All done for today.") + QStringLiteral("\n\n")
            + tr("Next: %1, %2.")
                  .arg(next.prospectName(),
                      QLocale().toString(next.dueAt.toLocalTime(), QLocale::ShortFormat)));
    } else if (later.ownerId != 0 || !later.channelKey.isEmpty()) {
        m_empty->setText(tr("Nothing due today for this owner and channel."));
    } else {
        m_empty->setText(
            tr("Nothing due today. Enroll prospects in a cadence from the Prospects table."));
    }
    m_content->setCurrentIndex(1);
    showCurrent();
}

DuePage::Message DuePage::render(const DueItem &item) const
{
    TemplateContext context;
    context.prospect = prospectOf(item);
    context.senderName = m_userName;
    context.schedulingLink = m_schedulingLink;
    context.today = DueListModel::startOfLocalDay(0).date();
    Message message;
    if (item.step.channel == TouchChannel::Email)
        message.subject = renderTemplate(item.step.subject, context);
    message.body = renderTemplate(item.step.body, context);
    return message;
}

QUrl DuePage::channelUrl(const DueItem &item, const Message &message) const
{
    switch (item.step.channel) {
    case TouchChannel::Email:
        return ContactLinks::mailto(item.email, message.subject.text, message.body.text);
    case TouchChannel::Phone:
        return ContactLinks::tel(item.phone);
    case TouchChannel::Sms:
        return ContactLinks::sms(item.phone, message.body.text);
    case TouchChannel::LinkedIn:
        return ContactLinks::web(item.linkedInUrl);
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    return {};
}

void DuePage::showCurrent()
{
    const std::optional<DueItem> item = currentItem();
    m_paneStack->setCurrentIndex(item ? 0 : 1);
    updateActions();
    if (!item)
        return;
    const QModelIndex index = m_view->currentIndex();
    const QString link
        = QStringLiteral("<a href=\"prospect\" style=\"text-decoration: none\">%1</a>")
              .arg(item->prospectName().toHtmlEscaped());
    m_name->setText(
        item->company.isEmpty() ? link : tr("%1, %2").arg(link, item->company.toHtmlEscaped()));

    QString step = tr("Step %1 of %2 of %3 · %4")
                       .arg(item->step.position)
                       .arg(item->stepCount)
                       .arg(item->cadenceName, channelDisplayName(item->step.channel));
    if (!item->step.purpose.isEmpty())
        step += QLatin1Char('\n') + item->step.purpose;
    m_step->setText(step);

    const bool overdue = index.data(DueListModel::OverdueRole).toBool();
    const QString dueText = index.data(DueListModel::DueTextRole).toString();
    QStringList due {
        overdue ? tr("Overdue since %1").arg(dueText) : tr("Due today at %1").arg(dueText)};
    const QString theirs = index.data(DueListModel::TheirTimeRole).toString();
    if (!theirs.isEmpty())
        due.append(tr("%1 (%2)").arg(theirs, item->timeZoneId));
    due.append(item->lastTouchAt.isValid()
            ? tr("last touch %1")
                  .arg(relativeTimeText(item->lastTouchAt, QDateTime::currentDateTime()))
            : tr("no touch yet"));
    m_due->setText(due.join(QStringLiteral(" · ")));
    QPalette duePalette = palette();
    if (overdue)
        duePalette.setColor(QPalette::WindowText, PaletteColors::warningColor(duePalette));
    m_due->setPalette(duePalette);

    const Message message = render(*item);
    const bool reachable = channelUrl(*item, message).isValid();
    QString contact;
    switch (item->step.channel) {
    case TouchChannel::Email:
        contact = reachable ? item->email : tr("No usable email address: add one to the prospect.");
        break;
    case TouchChannel::Phone:
    case TouchChannel::Sms:
        contact = reachable ? item->phone : tr("No usable phone number: add one to the prospect.");
        break;
    case TouchChannel::LinkedIn:
        contact = reachable ? item->linkedInUrl
                            : tr("No LinkedIn profile address starting with https://: add one to "
                                 "the prospect.");
        break;
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    m_contact->setText(contact);
    m_contact->setPalette(reachable ? palette() : m_gaps->palette());

    const bool email = item->step.channel == TouchChannel::Email;
    m_subjectLabel->setVisible(email);
    m_subject->setVisible(email);
    if (email)
        showRendered(m_subject, message.subject);
    m_bodyLabel->setText(
        item->step.channel == TouchChannel::Phone ? tr("Talking points") : tr("Message"));
    showRendered(m_body, message.body);

    QStringList gaps;
    const QStringList empty = spanKeys(message.subject.empty + message.body.empty, false, {});
    if (!empty.isEmpty())
        gaps.append(tr("No value for %1: fill in the prospect's details, or edit the message "
                       "after pasting.")
                        .arg(empty.join(QStringLiteral(", "))));
    const QStringList unknown = spanKeys(message.subject.unknown, true, message.subject.text)
        + spanKeys(message.body.unknown, true, message.body.text);
    if (!unknown.isEmpty())
        gaps.append(tr("Unknown placeholders are sent as written: %1. Correct them in the "
                       "cadence.")
                        .arg(unknown.join(QStringLiteral(", "))));
    m_gaps->setText(gaps.join(QLatin1Char('\n')));
    m_gaps->setVisible(!gaps.isEmpty());

    switch (item->step.channel) {
    case TouchChannel::Email:
        m_openAction->setText(tr("&Open in Email"));
        break;
    case TouchChannel::Phone:
        m_openAction->setText(tr("C&all"));
        break;
    case TouchChannel::Sms:
        m_openAction->setText(tr("&Open in SMS"));
        break;
    case TouchChannel::LinkedIn:
        m_openAction->setText(tr("&Open in LinkedIn"));
        break;
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    m_openAction->setEnabled(reachable);
}

void DuePage::updateActions()
{
    const bool has = currentItem().has_value();
    m_copyAction->setEnabled(has);
    m_openAction->setEnabled(has);
    for (QAction *action : {m_logAction, m_snoozeTomorrowAction, m_snoozeDateAction, m_skipAction})
        action->setEnabled(has && !m_readOnly);
}

QAction *DuePage::actionFor(const QKeyEvent *key) const
{
    const QKeySequence pressed(
        QKeyCombination(key->modifiers() & ~Qt::KeypadModifier, Qt::Key(key->key())));
    const QList<QAction *> all = actions();
    for (QAction *action : all) {
        if (action->isEnabled() && action->shortcut() == pressed)
            return action;
    }
    return nullptr;
}

bool DuePage::event(QEvent *event)
{
    // Claim the keys of this page's actions before the window's shortcuts see them.
    if (event->type() == QEvent::ShortcutOverride && actionFor(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void DuePage::keyPressEvent(QKeyEvent *event)
{
    if (QAction *action = actionFor(event)) {
        action->trigger();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool DuePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const std::optional<DueItem> item = currentItem();
        if (item && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier) {
            Q_EMIT prospectActivated(item->prospectId);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DuePage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_noticeTimer->start();
}

void DuePage::showError(const QString &message)
{
    QMessageBox::warning(this, tr("Touchline"), message);
}

qint64 DuePage::enrollmentAfter(int row) const
{
    const std::optional<DueItem> next = m_model->itemAt(row + 1);
    return next ? next->enrollmentId : 0;
}

void DuePage::moveOn(int row, qint64 nextEnrollmentId)
{
    int target = nextEnrollmentId ? m_model->rowOfEnrollment(nextEnrollmentId) : -1;
    if (target < 0)
        target = std::min(row, m_model->rowCount() - 1);
    if (target >= 0)
        m_view->setCurrentIndex(m_model->index(target));
    m_view->setFocus();
}

void DuePage::copyMessage()
{
    const std::optional<DueItem> item = currentItem();
    if (!item)
        return;
    QGuiApplication::clipboard()->setText(render(*item).body.text);
    showNotice(tr("Copied the message for %1.").arg(item->prospectName()));
}

void DuePage::openChannel()
{
    const std::optional<DueItem> item = currentItem();
    if (!item)
        return;
    const Message message = render(*item);
    const QUrl url = channelUrl(*item, message);
    if (!ContactLinks::isSafeToOpen(url)) {
        showError(m_contact->text());
        return;
    }
    if (!m_openUrl(url)) {
        showError(tr("No program on this computer opens %1 links.").arg(url.scheme()));
        return;
    }
    // A profile page cannot be filled in: the message waits on the clipboard.
    if (item->step.channel == TouchChannel::LinkedIn) {
        QGuiApplication::clipboard()->setText(message.body.text);
        showNotice(tr("Opened the profile of %1; the message is on the clipboard. Log the "
                      "outcome with %2.")
                       .arg(item->prospectName(),
                           m_logAction->shortcut().toString(QKeySequence::NativeText)));
    } else {
        showNotice(tr("Log the outcome with %1 when you are done.")
                       .arg(m_logAction->shortcut().toString(QKeySequence::NativeText)));
    }
}

void DuePage::logOutcome()
{
    const std::optional<DueItem> item = currentItem();
    if (!item || m_readOnly)
        return;
    const int row = m_view->currentIndex().row();
    const qint64 next = enrollmentAfter(row);
    Touch touch;
    touch.prospectId = item->prospectId;
    touch.channel = item->step.channel;
    touch.direction = TouchDirection::Out;
    touch.outcome = outcomesFor(touch.channel, TouchDirection::Out).value(0, TouchOutcome::Sent);
    touch.occurredAt = QDateTime::currentDateTimeUtc();
    touch.enrollmentId = item->enrollmentId;
    touch.stepId = item->step.id;
    LogTouchDialog dialog(
        item->prospectName(), touch,
        [this](const Touch &done, QString *message) {
            Error error;
            const bool ok = m_touchEditor->log(done, nullptr, &error);
            if (!ok)
                *message = error.message;
            return ok;
        },
        this);
    dialog.offerStep(plannedStepOf(*item));
    if (dialog.exec() == QDialog::Accepted)
        moveOn(row, next);
}

void DuePage::snoozeToTomorrow()
{
    if (snoozeUntil(DueListModel::startOfLocalDay(1)))
        showNotice(tr("Snoozed to tomorrow. Undo with %1.")
                       .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

void DuePage::snoozeToDate()
{
    const std::optional<DueItem> item = currentItem();
    if (!item || m_readOnly)
        return;
    const QDate date = askSnoozeDate(this, item->prospectName());
    if (date.isValid() && snoozeUntil(date.startOfDay(EnrollmentRepository::userZone())))
        showNotice(tr("Snoozed to %1. Undo with %2.")
                       .arg(QLocale().toString(date, QLocale::ShortFormat),
                           QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

bool DuePage::snoozeUntil(const QDateTime &until)
{
    const std::optional<DueItem> item = currentItem();
    if (!item || m_readOnly)
        return false;
    const int row = m_view->currentIndex().row();
    const qint64 next = enrollmentAfter(row);
    Error error;
    if (!m_enrollmentEditor->snooze(item->enrollmentId, until, &error)) {
        showError(error.message);
        return false;
    }
    moveOn(row, next);
    return true;
}

void DuePage::skipStep()
{
    const std::optional<DueItem> item = currentItem();
    if (!item || m_readOnly)
        return;
    const int row = m_view->currentIndex().row();
    const qint64 next = enrollmentAfter(row);
    Error error;
    if (!m_enrollmentEditor->skipStep(item->enrollmentId, &error)) {
        showError(error.message);
        return;
    }
    moveOn(row, next);
    showNotice(tr("Skipped step %1 for %2. Undo with %3.")
                   .arg(item->step.position)
                   .arg(item->prospectName(),
                       QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

} // namespace Touchline
