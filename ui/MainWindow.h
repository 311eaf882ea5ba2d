#pragma once

#include "domain/Touch.h"
#include "storage/Database.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace Touchline {

class CadencesPage;
class DashboardPage;
class StatsComputation;
class DuePage;
class EnrollmentEditor;
class Exporter;
class ProspectDialog;
class ProspectEditor;
class ProspectTableModel;
class ChangeWatcher;
class TimelineModel;
class TimelinePanel;
class TouchEditor;
struct Prospect;
struct User;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` and shows it; on failure the window keeps what it had open.
    bool openDatabase(const QString &path, Database::Creation creation, Error *error,
        Database::Access access = Database::Access::ReadWrite);
    // As openDatabase(), but on failure tells the user what is wrong and offers
    // to open or create another file. Returns whether a file is open afterwards.
    bool openDatabaseInteractively(const QString &path, Database::Creation creation,
        Database::Access access = Database::Access::ReadWrite);

    Database *database() const { return m_db.get(); }
    ProspectTableModel *prospectModel() const { return m_model; }
    QTableView *prospectView() const { return m_table; }
    QUndoStack *undoStack() const { return m_undoStack; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    DuePage *duePage() const { return m_duePage; }
    CadencesPage *cadencesPage() const { return m_cadencesPage; }
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    // The views of an open file, in tab order.
    enum class View { Due, Prospects, Cadences, Dashboard };
    void showView(View view);
    View currentView() const;

    // How links (mailto:, tel:, ...) reach the desktop; tests replace it.
    using UrlOpener = std::function<bool(const QUrl &url)>;
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    // Asks for a folder; an empty answer cancels. Tests replace the dialog.
    using FolderChooser = std::function<QString(const QString &title, const QString &start)>;
    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }
    // Asks for a file to read or to write, starting at `start` (a folder or a
    // suggested file); an empty answer cancels. Tests replace the dialogs.
    using FileChooser
        = std::function<QString(const QString &title, const QString &start, const QString &filter)>;
    void setOpenFileChooser(FileChooser chooser) { m_chooseOpenFile = std::move(chooser); }
    void setSaveFileChooser(FileChooser chooser) { m_chooseSaveFile = std::move(chooser); }

    // Copies the open file into `folder` (next to it when empty) in the
    // background, with a progress dialog; says where the copy went when done.
    void backUp(const QString &folder = QString());

    // The import wizard, with `path` read when given. Not on a read-only file.
    void importProspects(const QString &path = QString());

protected:
    void closeEvent(QCloseEvent *event) override;
    // A contacts file dropped on the window opens the import wizard on it.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private Q_SLOTS:
    void newDatabase();
    void openDatabaseFromDialog();
    void openDatabaseReadOnlyFromDialog();
    void addProspect();
    void editProspect();
    void deleteProspects();
    void applyFilters();
    void updateActions();
    void updateCount();
    void showError(const QString &message);
    void showCurrentProspectTimeline();
    void logTouch();
    void editTouch();
    void deleteTouch();
    void contactProspect(Touchline::TouchChannel channel);
    void liftDoNotContact();
    void enrollSelected();
    void unenrollSelected();
    void showProspect(qint64 prospectId);
    void updateDueCounts(int dueToday, int overdue);
    // Computes the dashboard again for its filter bar, in the background.
    void requestStats();
    // Asks for the user's name and records further touches and edits under it.
    void changeUserName();
    void importTouches();
    void exportProspectsCsv();
    void exportTouchesCsv();
    void exportDueCalendar();
    void exportVCards();

private:
    enum class Decision { Pause, Resume };
    void decideSelected(Decision decision);
    void createActions();
    void createMenus();
    QWidget *createProspectPage();
    QWidget *createNoDatabasePage();
    void rebuildRecentMenu();
    void fitColumnsToContents();
    void showColumnMenu(const QPoint &position);
    void closeDatabase();
    QString askForFileToOpen(const QString &title);
    void checkIntegrityInBackground();
    // Tells that `path` is damaged and offers to open its latest backup.
    void reportDamage(const QString &path, const QString &message);
    // Adds "Open Latest Backup" to `box` when `path` has a backup, and says which.
    QPushButton *addOpenBackupButton(QMessageBox &box, const QString &path);
    void openBackup(const QString &backupPath);
    QList<qint64> selectedIds() const;
    // The prospects an export covers, as the user chooses in ExportScopeDialog
    // (empty: all of them); nothing when cancelled.
    std::optional<QList<qint64>> askExportScope(const QString &title, const QString &question);
    // Where to export, suggesting `baseName` with today's date in the last
    // export folder; empty when cancelled.
    QString askExportPath(const QString &title, const QString &baseName, const QString &suffix,
        const QString &filter);
    // Runs `write` on an Exporter of a connection of its own, in the background with
    // progress and Cancel; reportExport() follows.
    void runExport(const QString &path, const std::function<bool(Exporter &, Error *)> &write);
    // Says in the status bar that `path` was written, or what went wrong.
    void reportExport(bool exported, const QString &path, const Error &error);
    // Saves `after` as a new prospect, or as an edit of `before`. When someone
    // else changed the same fields meanwhile, asks which values to keep; "back
    // to editing" rebases `form`, or opens one when the edit came from the table.
    bool saveProspect(
        const Prospect &before, Prospect after, QString *error, ProspectDialog *form = nullptr);
    // The edit form on `original`, showing `input` (the user's values, if any).
    void openEditForm(const Prospect &original, const Prospect &input);
    void resolveTableConflict(const Prospect &base, const Prospect &mine);
    std::optional<Prospect> currentProspect() const;
    // Opens the touch form; `touch.id` 0 logs a new touch, otherwise edits it.
    void openTouchDialog(const Prospect &prospect, const Touch &touch);
    void createFilePages();
    // The open file's id for the user's name: added when the file is writable,
    // only looked up (0 if absent) when it is read-only.
    qint64 userIdInFile(const QString &name, Error *error);
    // Records further touches and edits under this user, everywhere one is held.
    void setUser(qint64 userId, const QString &name);
    // Lists the file's users in the owner filter, keeping the choice if it still exists.
    void reloadOwnerFilter();
    // The owner filter's choice of the last session, as the combo's data.
    QVariant rememberedOwner(const QList<User> &users) const;
    void rememberOwnerFilter();
    // The owner the prospect table shows (0: everyone's).
    qint64 chosenOwnerId() const;
    void removeFilePages();
    // Stores what a page holds back while the user types, before undo, redo or close.
    void commitPendingEdits();
    bool hasRunningEnrollments();

    std::unique_ptr<Database> m_db;
    QUndoStack *m_undoStack = nullptr;
    ProspectEditor *m_editor = nullptr;
    ProspectTableModel *m_model = nullptr;
    ChangeWatcher *m_changeWatcher = nullptr;
    TouchEditor *m_touchEditor = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    EnrollmentEditor *m_enrollmentEditor = nullptr;
    DuePage *m_duePage = nullptr;
    CadencesPage *m_cadencesPage = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    StatsComputation *m_stats = nullptr;
    QTimer *m_statsTimer = nullptr;
    bool m_statsStale = true; // the dashboard shows numbers older than the file
    qint64 m_userId = 0;      // the user in the open file; 0: not recorded there
    UrlOpener m_openUrl;
    FolderChooser m_chooseFolder;
    FileChooser m_chooseOpenFile;
    FileChooser m_chooseSaveFile;

    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_views = nullptr;
    QSplitter *m_splitter = nullptr;
    QMenu *m_cadenceMenu = nullptr;
    TimelinePanel *m_timeline = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_ownerFilter = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QMenu *m_recentMenu = nullptr;

    QAction *m_newDatabaseAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openReadOnlyAction = nullptr;
    QAction *m_backUpAction = nullptr;
    QAction *m_backUpToAction = nullptr;
    bool m_backingUp = false;
    bool m_exporting = false; // one export at a time
    QAction *m_importProspectsAction = nullptr;
    QAction *m_importTouchesAction = nullptr;
    QAction *m_exportProspectsAction = nullptr;
    QAction *m_exportTouchesAction = nullptr;
    QAction *m_exportCalendarAction = nullptr;
    QAction *m_exportVCardAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_userNameAction = nullptr;
    QAction *m_logTouchAction = nullptr;
    QAction *m_focusTableAction = nullptr;
    QAction *m_focusTimelineAction = nullptr;
    QAction *m_newestFirstAction = nullptr;
    QAction *m_showDueAction = nullptr;
    QAction *m_showCadencesAction = nullptr;
    QAction *m_enrollAction = nullptr;
    QAction *m_showDashboardAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_unenrollAction = nullptr;
};

} // namespace Touchline
