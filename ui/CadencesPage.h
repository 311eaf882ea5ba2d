#pragma once

#include "domain/Cadence.h"
#include "storage/Error.h"

#include <QHash>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace Touchline {

class CadenceEditor;
class CadenceStepsModel;
class ErrorBanner;
class Database;
class StepEditor;
class StepPreview;

// The cadence editor: the list of cadences (with the prospects running in
// each; archived ones dimmed, shown on demand), the selected cadence's steps
// (reordered by drag and drop or Alt+Up/Alt+Down, added with Insert, removed
// with Delete), the selected step's form, a preview of the step for a chosen
// prospect and the linter's advice on the cadence. Every change is one undoable
// command on `undoStack` (CadenceEditor); typing is stored after a pause or
// when the field loses focus, as one undo step per field edited. Nothing the
// linter says blocks a change.
//
// The page follows the file's own writes (Database::changed); call reload()
// for changes it cannot hear about, such as a teammate's.
class CadencesPage : public QWidget
{
    Q_OBJECT
public:
    CadencesPage(Database &db, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~CadencesPage() override;

    // On a read-only file the page shows everything and changes nothing.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    // What {{sender_name}} and {{scheduling_link}} become in the preview. The
    // page starts with AppSettings::userName() and AppSettings::schedulingLink();
    // the scheduling link typed in the page is saved there.
    void setUserName(const QString &name);
    void setSchedulingLink(const QString &link);

    // Reads the cadences again, keeping the selected cadence and step.
    void reload();
    // Stores typing that waits for its pause now: before an undo, or before the
    // page or its database goes away (the page stores nothing when destroyed).
    void commitPendingEdits();

    // The cadence and step shown; 0 when none.
    qint64 currentCadenceId() const { return m_cadence.id; }
    qint64 currentStepId() const;
    void selectCadence(qint64 cadenceId);
    void selectStep(qint64 stepId);

    CadenceEditor *editor() const { return m_editor; }
    CadenceStepsModel *stepsModel() const { return m_stepsModel; }

    // For menus and tool bars; each works on the selected cadence or step.
    QAction *newCadenceAction() const { return m_newCadenceAction; }
    QAction *duplicateCadenceAction() const { return m_duplicateAction; }
    QAction *renameCadenceAction() const { return m_renameAction; }
    QAction *archiveCadenceAction() const { return m_archiveAction; }
    QAction *addStepAction() const { return m_addStepAction; }
    QAction *removeStepAction() const { return m_removeStepAction; }
    QAction *moveStepUpAction() const { return m_moveUpAction; }
    QAction *moveStepDownAction() const { return m_moveDownAction; }

Q_SIGNALS:
    // A short note for a status bar ("Removed step 2. Undo with Ctrl+Z.").
    void statusMessage(const QString &message);
    // The user changed the scheduling link in the page (already saved).
    void schedulingLinkEdited(const QString &link);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    QWidget *createCadenceList();
    QWidget *createEditor();
    QWidget *createEmptyState();

    void rebuildCadenceList();
    void cadenceSelectionChanged();
    void showCadence();
    void showCurrentStep();
    void updateActions();
    void updateHeader();
    void updateAdvice();
    void updatePreview();

    bool save(const Cadence &after, const QString &undoText, const QString &mergeKey = {},
        qint64 stepId = 0);
    bool commitSteps(const QList<CadenceStep> &steps, const QString &undoText);
    void stepEdited(const CadenceStep &step, int field, int session);
    void stepChanging(const CadenceStep &step);
    void nameEdited();
    void descriptionEdited();
    void cadenceChanged(qint64 cadenceId, qint64 stepId);

    void newCadence();
    void duplicateCadence();
    void renameCadence();
    void toggleArchived();
    void addStep();
    void removeStep();
    void moveStep(int delta);
    void adviceActivated();

    void showError(const Error &error);
    void showError(const QString &message, bool offerReload = false);
    void clearError();
    QString undoShortcutText() const;

    Database &m_db;
    CadenceEditor *m_editor = nullptr;
    CadenceStepsModel *m_stepsModel = nullptr;
    bool m_readOnly = false;
    bool m_rebuilding = false;
    bool m_ownChange = false; // the page is making a change (not an undo or redo)
    QString m_userName;
    QString m_schedulingLink;

    QList<Cadence> m_cadences;    // every cadence, archived ones too, by name
    QHash<qint64, int> m_running; // running enrollments per cadence
    Cadence m_cadence;            // the selected one, as stored
    Cadence m_working;            // the same with the step being typed in

    QSplitter *m_splitter = nullptr;
    QListWidget *m_cadenceList = nullptr;
    QCheckBox *m_showArchived = nullptr;
    QToolButton *m_newButton = nullptr;
    QStackedWidget *m_pages = nullptr; // the editor, or the empty state
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    ErrorBanner *m_banner = nullptr;
    QPushButton *m_bannerReload = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_facts = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QListView *m_stepsView = nullptr;
    QLabel *m_noSteps = nullptr;
    StepEditor *m_stepEditor = nullptr;
    StepPreview *m_preview = nullptr;
    QLineEdit *m_schedulingLinkEdit = nullptr;
    QLabel *m_adviceTitle = nullptr;
    QStringList m_adviceShown; // the messages the advice list shows
    QListWidget *m_advice = nullptr;

    QAction *m_newCadenceAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_addStepAction = nullptr;
    QAction *m_removeStepAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
};

} // namespace Touchline
