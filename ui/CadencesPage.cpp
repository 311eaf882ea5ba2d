#include "CadencesPage.h"

#include "AppSettings.h"
#include "CadenceItemDelegate.h"
#include "ErrorBanner.h"
#include "StepEditor.h"
#include "StepPreview.h"
#include "commands/CadenceEditor.h"
#include "domain/CadenceLinter.h"
#include "itemmodels/CadenceStepsModel.h"
#include "storage/Database.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Touchline {

namespace {

constexpr int editorPage = 0;
constexpr int emptyPage = 1;
constexpr int cadenceIdRole = Qt::UserRole;
constexpr int positionRole = Qt::UserRole + 1;

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

// A tool tip that teaches the shortcut.
QString withShortcut(const QString &text, QAction *action)
{
    return action->shortcut().isEmpty() ? text
                                        : CadencesPage::tr("%1 (%2)").arg(text,
                                            action->shortcut().toString(QKeySequence::NativeText));
}

// A first message that already does what the linter asks: a name, something
// to say, and a way to say no.
CadenceStep newStep(int position, const CadenceStep *previous)
{
    CadenceStep step;
    step.channel = TouchChannel::Email;
    step.waitDays
        = position == 1 ? 0 : std::max(lintMinWaitDays, previous ? previous->waitDays : 0);
    step.businessDays = previous && previous->businessDays;
    step.windowStartMinute = 8 * 60;
    step.windowEndMinute = 10 * 60;
    step.body = CadencesPage::tr("Hi {{first_name}},\n\n\n\n{{sender_name}}\n\nIf this isn't "
                                 "relevant, just reply \"no thanks\" and I won't write again.");
    return step;
}

} // namespace

CadencesPage::CadencesPage(Database &db, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_editor(new CadenceEditor(db, undoStack, this))
    , m_stepsModel(new CadenceStepsModel(this))
    , m_userName(AppSettings::userName())
    , m_schedulingLink(AppSettings::schedulingLink())
{
    m_stepsModel->setCommitFunction(
        [this](const QList<CadenceStep> &steps, const QString &undoText) {
            return commitSteps(steps, undoText);
        });
    createActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);

    m_banner = new ErrorBanner;
    m_bannerReload = new QPushButton(tr("&Reload"));
    m_bannerReload->setObjectName(QStringLiteral("reloadButton"));
    m_bannerReload->setToolTip(tr("Show the cadence as it is in the file now"));
    connect(m_bannerReload, &QPushButton::clicked, this, [this] {
        clearError();
        reload();
        // The form may still hold what could not be stored.
        showCadence();
    });
    m_banner->addButton(m_bannerReload);
    layout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("cadencesSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createCadenceList());
    m_pages = new QStackedWidget;
    m_pages->addWidget(createEditor());
    m_pages->addWidget(createEmptyState());
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({230, 1000});
    layout->addWidget(m_splitter, 1);

    connect(&db, &Database::changed, this, [this](Database::Tables tables) {
        if (tables & (Database::Table::Cadences | Database::Table::Enrollments))
            reload();
    });
    connect(m_editor, &CadenceEditor::cadenceChanged, this, &CadencesPage::cadenceChanged);
    connect(m_editor, &CadenceEditor::failed, this,
        [this](const QString &message) { showError(message, true); });

    m_preview->setSenderName(m_userName);
    m_preview->setSchedulingLink(m_schedulingLink);
    reload();
}

CadencesPage::~CadencesPage()
{
    // Closing the window moves the focus out of the form, which would store
    // typing into a page half destroyed (call commitPendingEdits() before).
    m_stepEditor->disconnect(this);
    m_name->disconnect(this);
    m_description->disconnect(this);
    m_schedulingLinkEdit->disconnect(this);
}

void CadencesPage::createActions()
{
    m_newCadenceAction = new QAction(tr("&New Cadence"), this);
    m_newCadenceAction->setObjectName(QStringLiteral("newCadenceAction"));
    m_newCadenceAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_newCadenceAction->setShortcutContext(Qt::WidgetShortcut);
    m_newCadenceAction->setStatusTip(tr("Create a cadence with a first step to start from"));
    connect(m_newCadenceAction, &QAction::triggered, this, &CadencesPage::newCadence);

    m_duplicateAction = new QAction(tr("D&uplicate"), this);
    m_duplicateAction->setObjectName(QStringLiteral("duplicateCadenceAction"));
    m_duplicateAction->setStatusTip(tr("Copy the selected cadence and its steps"));
    connect(m_duplicateAction, &QAction::triggered, this, &CadencesPage::duplicateCadence);

    m_renameAction = new QAction(tr("Re&name"), this);
    m_renameAction->setObjectName(QStringLiteral("renameCadenceAction"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setShortcutContext(Qt::WidgetShortcut);
    m_renameAction->setStatusTip(tr("Rename the selected cadence"));
    connect(m_renameAction, &QAction::triggered, this, &CadencesPage::renameCadence);

    m_archiveAction = new QAction(tr("&Archive"), this);
    m_archiveAction->setObjectName(QStringLiteral("archiveCadenceAction"));
    connect(m_archiveAction, &QAction::triggered, this, &CadencesPage::toggleArchived);

    m_addStepAction = new QAction(tr("&Add Step"), this);
    m_addStepAction->setObjectName(QStringLiteral("addStepAction"));
    m_addStepAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addStepAction->setShortcutContext(Qt::WidgetShortcut);
    m_addStepAction->setStatusTip(tr("Add a step after the selected one"));
    connect(m_addStepAction, &QAction::triggered, this, &CadencesPage::addStep);

    m_removeStepAction = new QAction(tr("&Remove Step"), this);
    m_removeStepAction->setObjectName(QStringLiteral("removeStepAction"));
    m_removeStepAction->setShortcut(QKeySequence::Delete);
    m_removeStepAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeStepAction->setStatusTip(tr("Remove the selected step (undo with Ctrl+Z)"));
    connect(m_removeStepAction, &QAction::triggered, this, &CadencesPage::removeStep);

    m_moveUpAction = new QAction(tr("Move &Up"), this);
    m_moveUpAction->setObjectName(QStringLiteral("moveStepUpAction"));
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveUpAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveStep(-1); });

    m_moveDownAction = new QAction(tr("Move Do&wn"), this);
    m_moveDownAction->setObjectName(QStringLiteral("moveStepDownAction"));
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveDownAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveStep(1); });

    m_duplicateAction->setToolTip(tr("Copy the selected cadence and its steps"));
    m_newCadenceAction->setToolTip(
        withShortcut(tr("Create a cadence with a first step to start from"), m_newCadenceAction));
    m_renameAction->setToolTip(withShortcut(tr("Rename the selected cadence"), m_renameAction));
    m_addStepAction->setToolTip(
        withShortcut(tr("Add a step after the selected one"), m_addStepAction));
    m_removeStepAction->setToolTip(
        withShortcut(tr("Remove the selected step"), m_removeStepAction));
    m_moveUpAction->setToolTip(withShortcut(tr("Move the step earlier"), m_moveUpAction));
    m_moveDownAction->setToolTip(withShortcut(tr("Move the step later"), m_moveDownAction));
}

QWidget *CadencesPage::createCadenceList()
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(sectionTitle(tr("Cadences")));
    titleRow->addStretch();
    m_newButton = toolButton(m_newCadenceAction);
    m_newButton->setObjectName(QStringLiteral("newCadenceButton"));
    titleRow->addWidget(m_newButton);
    layout->addLayout(titleRow);

    m_cadenceList = new QListWidget;
    m_cadenceList->setObjectName(QStringLiteral("cadenceList"));
    m_cadenceList->setItemDelegate(
        new CadenceItemDelegate(CadenceItemDelegate::Kind::Cadence, m_cadenceList));
    m_cadenceList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cadenceList->setUniformItemSizes(true);
    m_cadenceList->addAction(m_newCadenceAction);
    m_cadenceList->addAction(m_renameAction);
    m_cadenceList->setAccessibleName(tr("Cadences"));
    connect(m_cadenceList, &QListWidget::currentRowChanged, this,
        &CadencesPage::cadenceSelectionChanged);
    layout->addWidget(m_cadenceList, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(0);
    buttons->addWidget(toolButton(m_duplicateAction));
    buttons->addWidget(toolButton(m_renameAction));
    buttons->addWidget(toolButton(m_archiveAction));
    buttons->addStretch();
    layout->addLayout(buttons);

    m_showArchived = new QCheckBox(tr("Show arc&hived"));
    m_showArchived->setObjectName(QStringLiteral("showArchived"));
    m_showArchived->setToolTip(
        tr("Archived cadences keep their history but take no new prospects"));
    connect(m_showArchived, &QCheckBox::toggled, this, [this] {
        rebuildCadenceList();
        showCadence();
    });
    layout->addWidget(m_showArchived);
    return pane;
}

QWidget *CadencesPage::createEditor()
{
    auto *columns = new QSplitter(Qt::Horizontal);
    columns->setObjectName(QStringLiteral("cadenceEditorSplitter"));
    columns->setChildrenCollapsible(false);

    // The middle: the cadence's name, its steps and the selected step's form.
    auto *middle = new QWidget;
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(6, 0, 6, 0);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("cadenceName"));
    m_name->setAccessibleName(tr("Cadence name"));
    m_name->setPlaceholderText(tr("Name of the cadence"));
    m_name->setMaxLength(maxCadenceNameLength);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    connect(m_name, &QLineEdit::editingFinished, this, &CadencesPage::nameEdited);
    middleLayout->addWidget(m_name);
    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("cadenceDescription"));
    m_description->setAccessibleName(tr("Cadence description"));
    m_description->setPlaceholderText(tr("What this cadence is for, in a sentence"));
    connect(m_description, &QLineEdit::editingFinished, this, &CadencesPage::descriptionEdited);
    middleLayout->addWidget(m_description);
    auto *factsRow = new QHBoxLayout;
    m_facts = new QLabel;
    m_facts->setObjectName(QStringLiteral("cadenceFacts"));
    m_facts->setWordWrap(true);
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_restoreButton = new QPushButton(tr("Un&archive"));
    m_restoreButton->setObjectName(QStringLiteral("unarchiveButton"));
    connect(m_restoreButton, &QPushButton::clicked, this, &CadencesPage::toggleArchived);
    factsRow->addWidget(m_facts, 1);
    factsRow->addWidget(m_restoreButton);
    middleLayout->addLayout(factsRow);

    auto *middleSplitter = new QSplitter(Qt::Vertical);
    middleSplitter->setObjectName(QStringLiteral("stepsSplitter"));
    middleSplitter->setChildrenCollapsible(false);
    auto *stepsBox = new QWidget;
    auto *stepsLayout = new QVBoxLayout(stepsBox);
    stepsLayout->setContentsMargins(0, 0, 0, 0);
    auto *stepsTitle = new QHBoxLayout;
    stepsTitle->addWidget(sectionTitle(tr("Steps")));
    stepsTitle->addStretch();
    stepsTitle->setSpacing(0);
    for (QAction *action : {m_addStepAction, m_removeStepAction, m_moveUpAction, m_moveDownAction})
        stepsTitle->addWidget(toolButton(action));
    stepsLayout->addLayout(stepsTitle);

    m_stepsView = new QListView;
    m_stepsView->setObjectName(QStringLiteral("stepsView"));
    m_stepsView->setAccessibleName(tr("Steps"));
    m_stepsView->setModel(m_stepsModel);
    m_stepsView->setItemDelegate(
        new CadenceItemDelegate(CadenceItemDelegate::Kind::Step, m_stepsView));
    m_stepsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stepsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stepsView->setDragDropMode(QAbstractItemView::InternalMove);
    m_stepsView->setDefaultDropAction(Qt::MoveAction);
    m_stepsView->setDropIndicatorShown(true);
    m_stepsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_stepsView->setToolTip(tr("Drag a step, or use Alt+Up and Alt+Down, to change the order"));
    for (QAction *action : {m_addStepAction, m_removeStepAction, m_moveUpAction, m_moveDownAction})
        m_stepsView->addAction(action);
    connect(m_stepsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &CadencesPage::showCurrentStep);
    stepsLayout->addWidget(m_stepsView, 1);
    m_noSteps = new QLabel;
    m_noSteps->setObjectName(QStringLiteral("noSteps"));
    m_noSteps->setAlignment(Qt::AlignCenter);
    m_noSteps->setWordWrap(true);
    m_noSteps->setText(tr("No steps yet. Add the first one with Add Step (Insert in the list)."));
    stepsLayout->addWidget(m_noSteps, 1);
    middleSplitter->addWidget(stepsBox);

    m_stepEditor = new StepEditor;
    m_stepEditor->setObjectName(QStringLiteral("stepEditor"));
    connect(m_stepEditor, &StepEditor::edited, this,
        [this](const CadenceStep &step, StepEditor::Field field, int session) {
            stepEdited(step, int(field), session);
        });
    connect(m_stepEditor, &StepEditor::changing, this, &CadencesPage::stepChanging);
    middleSplitter->addWidget(m_stepEditor);
    // Room for five or six steps, and for the form with a few lines of message.
    middleSplitter->setSizes({340, 460});
    middleLayout->addWidget(middleSplitter, 1);
    columns->addWidget(middle);

    // The right: the linter's advice beside the steps, the preview beside the form.
    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("adviceSplitter"));
    right->setChildrenCollapsible(false);
    auto *adviceBox = new QWidget;
    auto *adviceLayout = new QVBoxLayout(adviceBox);
    adviceLayout->setContentsMargins(6, 0, 0, 0);
    m_adviceTitle = sectionTitle(tr("Advice"));
    m_adviceTitle->setObjectName(QStringLiteral("adviceTitle"));
    adviceLayout->addWidget(m_adviceTitle);
    m_advice = new QListWidget;
    m_advice->setObjectName(QStringLiteral("adviceList"));
    m_advice->setAccessibleName(tr("Advice on this cadence"));
    m_advice->setWordWrap(true);
    m_advice->setTextElideMode(Qt::ElideNone);
    m_advice->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    const int iconSize = m_advice->style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_advice->setIconSize(QSize(iconSize, iconSize));
    m_advice->setSpacing(3);
    connect(m_advice, &QListWidget::itemClicked, this, &CadencesPage::adviceActivated);
    connect(m_advice, &QListWidget::itemActivated, this, &CadencesPage::adviceActivated);
    adviceLayout->addWidget(m_advice, 1);
    right->addWidget(adviceBox);

    auto *previewBox = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(6, 0, 0, 0);
    previewLayout->addWidget(sectionTitle(tr("Preview")));
    m_preview = new StepPreview(m_db);
    m_preview->setObjectName(QStringLiteral("stepPreview"));
    previewLayout->addWidget(m_preview, 1);
    auto *linkRow = new QHBoxLayout;
    auto *linkLabel = new QLabel(tr("Your scheduling &link:"));
    m_schedulingLinkEdit = new QLineEdit;
    m_schedulingLinkEdit->setObjectName(QStringLiteral("schedulingLink"));
    m_schedulingLinkEdit->setPlaceholderText(tr("https://… (fills {{scheduling_link}})"));
    m_schedulingLinkEdit->setText(m_schedulingLink);
    m_schedulingLinkEdit->setToolTip(tr("Saved on this computer, for your messages"));
    linkLabel->setBuddy(m_schedulingLinkEdit);
    connect(m_schedulingLinkEdit, &QLineEdit::editingFinished, this, [this] {
        const QString link = m_schedulingLinkEdit->text().trimmed();
        if (link == m_schedulingLink)
            return;
        AppSettings::setSchedulingLink(link);
        setSchedulingLink(link);
        Q_EMIT schedulingLinkEdited(link);
    });
    linkRow->addWidget(linkLabel);
    linkRow->addWidget(m_schedulingLinkEdit, 1);
    previewLayout->addLayout(linkRow);
    right->addWidget(previewBox);
    // The advice beside the steps, the preview beside the step's form.
    right->setSizes({420, 460});
    columns->addWidget(right);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    return columns;
}

QWidget *CadencesPage::createEmptyState()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("emptyState"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_emptyTitle = new QLabel;
    m_emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    QFont titleFont = m_emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_emptyTitle->setFont(titleFont);
    layout->addWidget(m_emptyTitle);
    m_emptyText = new QLabel;
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_emptyText);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *create = new QPushButton(tr("&New Cadence"));
    create->setObjectName(QStringLiteral("emptyNewCadence"));
    connect(create, &QPushButton::clicked, this, &CadencesPage::newCadence);
    connect(m_newCadenceAction, &QAction::changed, create,
        [this, create] { create->setEnabled(m_newCadenceAction->isEnabled()); });
    buttons->addWidget(create);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    return page;
}

// Reading and showing ----------------------------------------------------------

void CadencesPage::reload()
{
    QList<Cadence> cadences;
    QHash<qint64, int> running;
    Error error;
    if (!m_editor->repository().list(&cadences, &error)) {
        showError(error);
        return;
    }
    if (!m_editor->repository().runningCounts(&running, &error))
        running.clear(); // the counts are a nicety; the cadences are what matters
    m_cadences = cadences;
    m_running = running;
    rebuildCadenceList();
    showCadence();
}

void CadencesPage::rebuildCadenceList()
{
    const qint64 wanted = m_cadence.id;
    QList<const Cadence *> shown;
    for (const Cadence &cadence : std::as_const(m_cadences)) {
        // The selected cadence stays listed when it is archived, until another
        // is chosen: whoever archived it sees it dimmed and can restore it.
        if (!cadence.archived || m_showArchived->isChecked() || cadence.id == wanted)
            shown.append(&cadence);
    }
    bool sameList = m_cadenceList->count() == shown.size();
    for (int row = 0; sameList && row < shown.size(); ++row)
        sameList = m_cadenceList->item(row)->data(cadenceIdRole).toLongLong() == shown.at(row)->id;

    m_rebuilding = true;
    if (!sameList) {
        m_cadenceList->clear();
        for (int row = 0; row < shown.size(); ++row)
            m_cadenceList->addItem(new QListWidgetItem);
    }
    // Archived: dimmed and slanted, yet readable.
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    const QColor dimmed = QColor::fromRgbF((text.redF() + base.redF()) / 2,
        (text.greenF() + base.greenF()) / 2, (text.blueF() + base.blueF()) / 2);
    QFont slanted = m_cadenceList->font();
    slanted.setItalic(true);
    for (int row = 0; row < shown.size(); ++row) {
        const Cadence &cadence = *shown.at(row);
        QListWidgetItem *item = m_cadenceList->item(row);
        item->setData(cadenceIdRole, cadence.id);
        item->setText(cadence.name);
        QStringList detail {tr("%n step(s)", nullptr, int(cadence.steps.size()))};
        const int running = m_running.value(cadence.id);
        if (cadence.archived)
            detail.append(tr("archived"));
        if (running > 0)
            detail.append(tr("%n running", nullptr, running));
        item->setData(CadenceItemDelegate::DetailRole, detail.join(QStringLiteral(" · ")));
        item->setToolTip(cadence.description);
        item->setData(Qt::ForegroundRole, cadence.archived ? QVariant(QBrush(dimmed)) : QVariant());
        item->setData(Qt::FontRole, cadence.archived ? QVariant(slanted) : QVariant());
        item->setData(Qt::AccessibleTextRole,
            tr("%1, %2").arg(cadence.name, detail.join(QStringLiteral(", "))));
    }
    int current = -1;
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row)->id == wanted)
            current = row;
    }
    if (current < 0 && !shown.isEmpty())
        current = 0;
    if (m_cadenceList->currentRow() != current)
        m_cadenceList->setCurrentRow(current);
    m_rebuilding = false;

    const qint64 id = current >= 0 ? shown.at(current)->id : 0;
    m_cadence = Cadence();
    for (const Cadence &cadence : std::as_const(m_cadences)) {
        if (cadence.id == id)
            m_cadence = cadence;
    }
}

void CadencesPage::cadenceSelectionChanged()
{
    if (m_rebuilding)
        return;
    const QListWidgetItem *item = m_cadenceList->currentItem();
    const qint64 id = item ? item->data(cadenceIdRole).toLongLong() : 0;
    if (id == m_cadence.id)
        return;
    // Typing in the previous cadence's form belongs to that cadence (storing
    // it lists the cadences again).
    commitPendingEdits();
    m_cadence = Cadence();
    for (const Cadence &cadence : std::as_const(m_cadences)) {
        if (cadence.id == id)
            m_cadence = cadence;
    }
    // An archived cadence left behind is no longer listed.
    rebuildCadenceList();
    showCadence();
}

void CadencesPage::selectCadence(qint64 cadenceId)
{
    for (int row = 0; row < m_cadenceList->count(); ++row) {
        if (m_cadenceList->item(row)->data(cadenceIdRole).toLongLong() == cadenceId) {
            m_cadenceList->setCurrentRow(row);
            return;
        }
    }
    // Archived and not listed: list it.
    for (const Cadence &cadence : std::as_const(m_cadences)) {
        if (cadence.id == cadenceId) {
            commitPendingEdits();
            m_cadence = cadence;
            rebuildCadenceList();
            showCadence();
            return;
        }
    }
}

qint64 CadencesPage::currentStepId() const
{
    const QModelIndex current = m_stepsView->currentIndex();
    return current.isValid() ? current.data(CadenceStepsModel::StepIdRole).toLongLong() : 0;
}

void CadencesPage::selectStep(qint64 stepId)
{
    const int row = m_stepsModel->rowOfStep(stepId);
    if (row < 0)
        return;
    const QModelIndex index = m_stepsModel->index(row);
    m_stepsView->setCurrentIndex(index);
    m_stepsView->scrollTo(index);
}

void CadencesPage::showCadence()
{
    const bool any = !m_cadences.isEmpty();
    if (m_cadence.id == 0) {
        m_pages->setCurrentIndex(emptyPage);
        m_emptyTitle->setText(any ? tr("Every cadence is archived") : tr("No cadences yet"));
        m_emptyText->setText(any
                ? tr("Tick “Show archived” to see them, or start a new one.")
                : tr("A cadence is a series of touches: each waits some days, uses a channel\n"
                     "and adds something new. Start one with New Cadence (Insert in the list)."));
        m_stepsModel->setSteps(0, {});
        m_stepEditor->clearStep();
        m_preview->clearStep();
        m_working = Cadence();
        updateActions();
        return;
    }
    m_pages->setCurrentIndex(editorPage);
    m_working = m_cadence;
    // Another cadence starts at its first step; the same one keeps its place
    // (after a removal, the step that took the removed one's place).
    const int previousRow
        = m_stepsModel->cadenceId() == m_cadence.id ? m_stepsView->currentIndex().row() : 0;
    const qint64 keep = currentStepId();
    m_stepsModel->setSteps(m_cadence.id, m_cadence.steps);
    int row = m_stepsModel->rowOfStep(keep);
    if (row < 0 && m_stepsModel->rowCount() > 0)
        row = std::clamp(previousRow, 0, m_stepsModel->rowCount() - 1);
    if (row >= 0) {
        const QModelIndex index = m_stepsModel->index(row);
        if (m_stepsView->currentIndex() != index)
            m_stepsView->setCurrentIndex(index);
        if (!m_stepsView->selectionModel()->isSelected(index))
            m_stepsView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    }
    m_stepsView->setVisible(m_stepsModel->rowCount() > 0);
    m_noSteps->setVisible(m_stepsModel->rowCount() == 0);
    updateHeader();
    showCurrentStep();
}

void CadencesPage::showCurrentStep()
{
    const QModelIndex current = m_stepsView->currentIndex();
    const qint64 stepId
        = current.isValid() ? current.data(CadenceStepsModel::StepIdRole).toLongLong() : 0;
    // Typing in the step being left is stored first (which reads the file
    // again and may come back here).
    if (m_stepEditor->hasStep() && m_stepEditor->step().id != stepId)
        m_stepEditor->commitPendingEdit();
    const int row = m_stepsView->currentIndex().row();
    if (row < 0 || m_cadence.id == 0)
        m_stepEditor->clearStep();
    else
        m_stepEditor->setStep(m_stepsModel->stepAt(row), row + 1);
    m_working = m_cadence;
    if (m_stepEditor->hasPendingEdit())
        stepChanging(m_stepEditor->step()); // what is typed but not stored yet counts
    updateAdvice();
    updatePreview();
    updateActions();
}

void CadencesPage::updateHeader()
{
    // The field being typed in keeps what is typed.
    if (!m_name->isModified() || !m_name->hasFocus())
        m_name->setText(m_cadence.name);
    if (!m_description->isModified() || !m_description->hasFocus())
        m_description->setText(m_cadence.description);
    m_name->setReadOnly(m_readOnly);
    m_description->setReadOnly(m_readOnly);
    m_description->setPlaceholderText(
        m_readOnly ? QString() : tr("What this cadence is for, in a sentence"));

    QStringList facts;
    if (m_readOnly)
        facts.append(tr("The file is open read-only: nothing here can be changed."));
    const int running = m_running.value(m_cadence.id);
    if (m_cadence.archived)
        facts.append(tr("Archived: it keeps its history and takes no new prospects."));
    if (running > 0)
        facts.append(tr("%n prospect(s) running this cadence: changes to waits and send windows "
                        "apply to their next steps.",
            nullptr, running));
    else if (!m_cadence.archived)
        facts.append(tr("Nobody is running this cadence yet."));
    m_facts->setText(facts.join(QLatin1Char(' ')));
    m_restoreButton->setVisible(m_cadence.archived);
    m_restoreButton->setEnabled(!m_readOnly);
}

void CadencesPage::updateAdvice()
{
    const QList<LintWarning> warnings
        = m_working.id ? lintCadence(m_working) : QList<LintWarning>();
    m_stepsModel->setWarnings(warnings);
    // Typing asks again at every key: the list is only rebuilt when the advice changes.
    QStringList messages;
    for (const LintWarning &warning : warnings)
        messages.append(warning.message);
    if (!m_working.id)
        messages.append(QStringLiteral("-"));
    if (messages == m_adviceShown && m_advice->count() > 0)
        return;
    m_adviceShown = messages;
    m_advice->clear();
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon infoIcon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    for (const LintWarning &warning : warnings) {
        auto *item
            = new QListWidgetItem(warning.position > 0 ? warningIcon : infoIcon, warning.message);
        item->setData(positionRole, warning.position);
        if (warning.position > 0)
            item->setToolTip(tr("Click to show step %1").arg(warning.position));
        m_advice->addItem(item);
    }
    if (warnings.isEmpty() && m_working.id) {
        auto *item = new QListWidgetItem(
            tr("Nothing to say: this cadence follows the practices Touchline checks."));
        item->setFlags(Qt::NoItemFlags);
        m_advice->addItem(item);
    }
    m_adviceTitle->setText(
        warnings.isEmpty() ? tr("Advice") : tr("Advice (%1)").arg(warnings.size()));
}

void CadencesPage::updatePreview()
{
    const int row = m_stepsView->currentIndex().row();
    if (row < 0 || row >= m_working.steps.size())
        m_preview->clearStep();
    else
        m_preview->setStep(m_working.steps.at(row));
}

void CadencesPage::updateActions()
{
    const bool writable = !m_readOnly;
    const bool selected = m_cadence.id != 0;
    const int row = m_stepsView->currentIndex().row();
    const int count = m_stepsModel->rowCount();
    m_newCadenceAction->setEnabled(writable);
    m_duplicateAction->setEnabled(writable && selected);
    m_renameAction->setEnabled(writable && selected);
    m_archiveAction->setEnabled(writable && selected);
    m_archiveAction->setText(m_cadence.archived ? tr("Un&archive") : tr("&Archive"));
    m_archiveAction->setToolTip(m_cadence.archived
            ? tr("Let the cadence take new prospects again")
            : tr("Keep the cadence and its history, but take no new prospects"));
    m_addStepAction->setEnabled(writable && selected);
    m_removeStepAction->setEnabled(writable && row >= 0);
    m_moveUpAction->setEnabled(writable && row > 0);
    m_moveDownAction->setEnabled(writable && row >= 0 && row < count - 1);
}

void CadencesPage::setReadOnly(bool readOnly)
{
    if (readOnly)
        commitPendingEdits();
    m_readOnly = readOnly;
    m_stepsModel->setReadOnly(readOnly);
    m_stepEditor->setReadOnly(readOnly);
    m_stepsView->setDragDropMode(
        readOnly ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
    updateHeader();
    updateActions();
}

void CadencesPage::setUserName(const QString &name)
{
    m_userName = name;
    m_preview->setSenderName(name);
}

void CadencesPage::setSchedulingLink(const QString &link)
{
    m_schedulingLink = link;
    if (m_schedulingLinkEdit->text().trimmed() != link)
        m_schedulingLinkEdit->setText(link);
    m_preview->setSchedulingLink(link);
}

void CadencesPage::showEvent(QShowEvent *event)
{
    // Prospects may have come and gone while another page was shown.
    m_preview->refreshProspects();
    QWidget::showEvent(event);
}

// Changing -----------------------------------------------------------------------

void CadencesPage::commitPendingEdits()
{
    m_stepEditor->commitPendingEdit();
    if (m_name->hasFocus() && m_name->isModified())
        nameEdited();
    if (m_description->hasFocus() && m_description->isModified())
        descriptionEdited();
}

bool CadencesPage::save(
    const Cadence &after, const QString &undoText, const QString &mergeKey, qint64 stepId)
{
    if (m_readOnly || m_cadence.id == 0)
        return false;
    Error error;
    const QScopedValueRollback<bool> own(m_ownChange, true);
    if (!m_editor->save(m_cadence, after, {undoText, mergeKey, stepId}, &error)) {
        showError(error);
        return false;
    }
    clearError();
    return true;
}

bool CadencesPage::commitSteps(const QList<CadenceStep> &steps, const QString &undoText)
{
    Cadence after = m_cadence;
    after.steps = steps;
    return save(after, undoText, {}, currentStepId());
}

void CadencesPage::stepEdited(const CadenceStep &step, int field, int session)
{
    int row = -1;
    for (int i = 0; i < m_cadence.steps.size(); ++i) {
        if (m_cadence.steps.at(i).id == step.id)
            row = i;
    }
    if (row < 0 || m_readOnly)
        return; // the step is gone (a teammate, an undo): nothing to store it in
    Cadence after = m_cadence;
    after.steps[row] = step;
    const auto which = StepEditor::Field(field);
    const QString text
        = tr("Edit step %1 %2").arg(row + 1).arg(StepEditor::fieldName(which, step.channel));
    // One undo step while the same field of the same step keeps the focus.
    const QString mergeKey
        = QStringLiteral("%1/%2/%3/%4").arg(m_cadence.id).arg(step.id).arg(field).arg(session);
    save(after, text, mergeKey, step.id);
}

void CadencesPage::stepChanging(const CadenceStep &step)
{
    m_working = m_cadence;
    for (CadenceStep &candidate : m_working.steps) {
        if (candidate.id == step.id)
            candidate = step;
    }
    updateAdvice();
    updatePreview();
}

void CadencesPage::nameEdited()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    const QString name = m_name->text().trimmed();
    m_name->setModified(false);
    if (name == m_cadence.name)
        return;
    if (name.isEmpty()) {
        showError(tr("A cadence needs a name; it keeps “%1”.").arg(m_cadence.name));
        m_name->setText(m_cadence.name);
        return;
    }
    Error error;
    const QScopedValueRollback<bool> own(m_ownChange, true);
    if (m_editor->rename(m_cadence, name, &error))
        clearError();
    else
        showError(error);
}

void CadencesPage::descriptionEdited()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    m_description->setModified(false);
    Cadence after = m_cadence;
    after.description = m_description->text();
    save(after, tr("Edit description of %1").arg(m_cadence.name));
}

void CadencesPage::cadenceChanged(qint64 cadenceId, qint64 stepId)
{
    // An undo or redo shows what it changed; the page's own changes keep what
    // the user is looking at.
    if (m_ownChange)
        return;
    if (cadenceId != m_cadence.id)
        selectCadence(cadenceId);
    if (cadenceId == m_cadence.id && stepId != 0)
        selectStep(stepId);
}

void CadencesPage::newCadence()
{
    if (m_readOnly)
        return;
    commitPendingEdits();
    QString name = tr("New cadence");
    const auto taken = [this](const QString &candidate) {
        for (const Cadence &cadence : std::as_const(m_cadences)) {
            if (cadence.name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    for (int n = 2; taken(name); ++n)
        name = tr("New cadence %1").arg(n);
    Cadence cadence;
    cadence.name = name;
    CadenceStep first = newStep(1, nullptr);
    first.purpose = tr("Light touch: introduce yourself and one reason to talk");
    cadence.steps = {first};
    qint64 id = 0;
    Error error;
    const QScopedValueRollback<bool> own(m_ownChange, true);
    if (!m_editor->create(cadence, &id, &error)) {
        showError(error);
        return;
    }
    clearError();
    selectCadence(id);
    m_name->setFocus();
    m_name->selectAll();
    Q_EMIT statusMessage(tr("Created “%1”. Name it, then add its steps.").arg(name));
}

void CadencesPage::duplicateCadence()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    commitPendingEdits();
    qint64 id = 0;
    Error error;
    const QScopedValueRollback<bool> own(m_ownChange, true);
    if (!m_editor->duplicate(m_cadence, &id, &error)) {
        showError(error);
        return;
    }
    clearError();
    selectCadence(id);
    Q_EMIT statusMessage(tr("Copied “%1”. Undo with %2.").arg(m_cadence.name, undoShortcutText()));
}

void CadencesPage::renameCadence()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    m_name->setFocus();
    m_name->selectAll();
}

void CadencesPage::toggleArchived()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    commitPendingEdits();
    const QString name = m_cadence.name;
    const bool archive = !m_cadence.archived;
    Error error;
    const QScopedValueRollback<bool> own(m_ownChange, true);
    if (!m_editor->setArchived(m_cadence, archive, &error)) {
        showError(error);
        return;
    }
    clearError();
    Q_EMIT statusMessage(archive
            ? tr("Archived “%1”: it keeps its history and takes no new prospects. Undo with %2.")
                  .arg(name, undoShortcutText())
            : tr("“%1” takes new prospects again.").arg(name));
}

void CadencesPage::addStep()
{
    if (m_readOnly || m_cadence.id == 0)
        return;
    commitPendingEdits();
    const int current = m_stepsView->currentIndex().row();
    const int row = current >= 0 ? current + 1 : m_stepsModel->rowCount();
    const CadenceStep previous = m_stepsModel->stepAt(row - 1);
    const CadenceStep step = newStep(row + 1, row > 0 ? &previous : nullptr);
    if (!m_stepsModel->insertStep(row, step))
        return;
    const QModelIndex index = m_stepsModel->index(row);
    m_stepsView->setCurrentIndex(index);
    m_stepsView->scrollTo(index);
    Q_EMIT statusMessage(tr("Added step %1.").arg(row + 1));
}

void CadencesPage::removeStep()
{
    if (m_readOnly)
        return;
    commitPendingEdits();
    const int row = m_stepsView->currentIndex().row();
    if (row < 0)
        return;
    if (m_stepsModel->removeStep(row))
        Q_EMIT statusMessage(
            tr("Removed step %1. Undo with %2.").arg(row + 1).arg(undoShortcutText()));
}

void CadencesPage::moveStep(int delta)
{
    if (m_readOnly)
        return;
    commitPendingEdits();
    const int row = m_stepsView->currentIndex().row();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_stepsModel->rowCount())
        return;
    const qint64 stepId = currentStepId();
    if (m_stepsModel->moveStep(row, to))
        selectStep(stepId);
}

void CadencesPage::adviceActivated()
{
    const QListWidgetItem *item = m_advice->currentItem();
    const int position = item ? item->data(positionRole).toInt() : 0;
    if (position < 1 || position > m_stepsModel->rowCount())
        return;
    const QModelIndex index = m_stepsModel->index(position - 1);
    m_stepsView->setCurrentIndex(index);
    m_stepsView->scrollTo(index);
}

// Errors ----------------------------------------------------------------------

void CadencesPage::showError(const Error &error)
{
    showError(
        error.message, error.kind == Error::Kind::Conflict || error.kind == Error::Kind::NotFound);
}

void CadencesPage::showError(const QString &message, bool offerReload)
{
    m_bannerReload->setVisible(offerReload);
    m_banner->showMessage(message);
}

void CadencesPage::clearError()
{
    m_banner->clear();
}

QString CadencesPage::undoShortcutText() const
{
    return QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
}

} // namespace Touchline
