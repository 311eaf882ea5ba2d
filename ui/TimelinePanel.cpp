#include "TimelinePanel.h"

#include "PaletteColors.h"
#include "TimelineDelegate.h"
#include "domain/RelativeTime.h"
#include "itemmodels/TimelineModel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Touchline {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("timelineName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_name);

    m_facts = new QLabel;
    m_facts->setObjectName(QStringLiteral("timelineFacts"));
    m_facts->setWordWrap(true);
    layout->addWidget(m_facts);

    auto *doNotContactRow = new QHBoxLayout;
    m_doNotContact = new QLabel(tr("Do not contact: this prospect asked not to hear from us."));
    m_doNotContact->setObjectName(QStringLiteral("doNotContactBanner"));
    m_doNotContact->setWordWrap(true);
    PaletteColors::setWarningText(m_doNotContact);
    QFont bold = m_doNotContact->font();
    bold.setBold(true);
    m_doNotContact->setFont(bold);
    m_lift = new QPushButton(tr("&Lift…"));
    m_lift->setToolTip(tr(
        "They agreed to hear from you again: allow outbound touches (recorded in the timeline)"));
    connect(m_lift, &QPushButton::clicked, this, &TimelinePanel::liftDoNotContactRequested);
    doNotContactRow->addWidget(m_doNotContact, 1);
    doNotContactRow->addWidget(m_lift);
    layout->addLayout(doNotContactRow);

    auto *actions = new QHBoxLayout;
    m_logTouch = new QPushButton(tr("Log Touch…"));
    m_logTouch->setToolTip(tr("Record a call, email, message, meeting or note (Ctrl+L)"));
    connect(m_logTouch, &QPushButton::clicked, this, &TimelinePanel::logTouchRequested);
    actions->addWidget(m_logTouch);
    actions->addSpacing(12);
    addQuickAction(
        actions, tr("Email"), tr("Write an email in your mail program"), TouchChannel::Email);
    addQuickAction(
        actions, tr("Call"), tr("Call with your phone application"), TouchChannel::Phone);
    addQuickAction(actions, tr("LinkedIn"), tr("Open the LinkedIn profile in your browser"),
        TouchChannel::LinkedIn);
    addQuickAction(actions, tr("SMS"), tr("Send a text message"), TouchChannel::Sms);
    actions->addStretch();
    layout->addLayout(actions);

    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_delegate = new TimelineDelegate(m_view);
    m_view->setItemDelegate(m_delegate);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->installEventFilter(this);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model && m_model->touchAt(index.row()))
            Q_EMIT editTouchRequested();
    });
    layout->addWidget(m_view, 1);

    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("timelineEmpty"));
    layout->addWidget(m_empty, 1);
    updateHeader();
}

QToolButton *TimelinePanel::addQuickAction(
    QHBoxLayout *layout, const QString &text, const QString &toolTip, TouchChannel channel)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(false);
    connect(
        button, &QToolButton::clicked, this, [this, channel] { Q_EMIT contactRequested(channel); });
    layout->addWidget(button);
    m_quickActions.append(button);
    return button;
}

void TimelinePanel::setModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_view->setModel(model);
    if (model) {
        connect(model, &TimelineModel::summaryChanged, this, &TimelinePanel::updateHeader);
        // A note edited in place may need a card of another height.
        connect(model, &QAbstractItemModel::dataChanged, m_view, &QListView::doItemsLayout);
    }
    updateHeader();
}

void TimelinePanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateHeader();
}

std::optional<Touch> TimelinePanel::currentTouch() const
{
    if (!m_model)
        return std::nullopt;
    return m_model->touchAt(m_view->currentIndex().row());
}

void TimelinePanel::selectTouch(qint64 touchId)
{
    if (!m_model)
        return;
    const int row = m_model->rowOfTouch(touchId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void TimelinePanel::focusTimeline()
{
    if (m_view->isVisible())
        m_view->setFocus();
    else if (m_logTouch->isVisible())
        m_logTouch->setFocus();
}

void TimelinePanel::updateHeader()
{
    const std::optional<TimelineModel::Summary> summary
        = m_model ? m_model->summary() : std::nullopt;
    const bool shown = summary.has_value();
    for (QWidget *widget : std::initializer_list<QWidget *> {m_name, m_facts, m_logTouch, m_view})
        widget->setVisible(shown);
    for (QToolButton *button : std::as_const(m_quickActions))
        button->setVisible(shown);
    m_empty->setVisible(!shown || m_model->rowCount() == 0);
    if (!shown) {
        m_empty->setText(tr("Select a prospect to see every touch with them."));
        m_doNotContact->hide();
        m_lift->hide();
        return;
    }
    const Prospect &p = summary->prospect;
    m_view->setVisible(m_model->rowCount() > 0);
    m_empty->setText(tr("No touches yet. Log the first one with Ctrl+L, or use Email, Call, "
                        "LinkedIn or SMS above."));
    m_name->setText(
        p.company.isEmpty() ? p.displayName() : tr("%1, %2").arg(p.displayName(), p.company));

    const QDateTime now = QDateTime::currentDateTime();
    QStringList facts;
    facts.append(statusDisplayName(p.status));
    facts.append(tr("%n touch(es)", nullptr, summary->outboundTouches));
    if (summary->firstTouchAt.isValid()) {
        facts.append(tr("first %1").arg(relativeTimeText(summary->firstTouchAt, now)));
        facts.append(tr("last %1").arg(relativeTimeText(summary->lastTouchAt, now)));
    }
    facts.append(summary->replied ? tr("replied") : tr("no reply yet"));
    if (p.emailBounced)
        facts.append(tr("email bounced"));
    m_facts->setText(facts.join(QStringLiteral(" · ")));

    const bool doNotContact = p.status == ProspectStatus::DoNotContact;
    m_doNotContact->setVisible(doNotContact);
    m_lift->setVisible(doNotContact);
    m_lift->setEnabled(!m_readOnly);
    m_logTouch->setEnabled(!m_readOnly);
    for (QToolButton *button : std::as_const(m_quickActions))
        button->setEnabled(!doNotContact);
}

bool TimelinePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && currentTouch()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            Q_EMIT editTouchRequested();
            return true;
        }
        if (key->matches(QKeySequence::Delete)) {
            Q_EMIT deleteTouchRequested();
            return true;
        }
        if (key->key() == Qt::Key_Space) {
            m_delegate->setExpanded(
                m_view->currentIndex(), !m_delegate->isExpanded(m_view->currentIndex()));
            m_view->doItemsLayout();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Touchline
