#include "MainWindow.h"

#include "AppSettings.h"
#include "BackgroundWork.h"
#include "CadencesPage.h"
#include "DashboardPage.h"
#include "DuePage.h"
#include "ExportScopeDialog.h"
#include "ImportResultView.h"
#include "ImportWizard.h"
#include "LogTouchDialog.h"
#include "ProspectConflictDialog.h"
#include "ProspectDialog.h"
#include "ProspectItemDelegate.h"
#include "TimelinePanel.h"
#include "UserNameDialog.h"
#include "commands/EnrollmentEditor.h"
#include "commands/ProspectEditor.h"
#include "commands/TouchEditor.h"
#include "domain/ContactLinks.h"
#include "io/Exporter.h"
#include "io/TouchImport.h"
#include "itemmodels/DueListModel.h"
#include "itemmodels/ProspectTableModel.h"
#include "itemmodels/TimelineModel.h"
#include "storage/Backup.h"
#include "storage/CadenceRepository.h"
#include "storage/ChangeWatcher.h"
#include "storage/DefaultLocation.h"
#include "storage/StatsComputation.h"
#include "storage/UserRepository.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <atomic>
#include <memory>

namespace Touchline {

namespace {

constexpr int searchDelayMs = 150;
constexpr int statusMessageMs = 6000;
// The owner filter's entry that follows whoever the current user is.
constexpr qint64 myProspects = -1;

QString fileFilter()
{
    return MainWindow::tr("Touchline files (*.touchline *.sqlite *.db);;All files (*)");
}

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(
        QString::fromLatin1(name), QApplication::style()->standardIcon(fallback));
}

// The first dropped file the import wizard reads; empty if none is.
QString importablePath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    static const QStringList suffixes
        = {QStringLiteral("csv"), QStringLiteral("vcf"), QStringLiteral("txt")};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && suffixes.contains(QFileInfo(path).suffix().toLower()))
            return path;
    }
    return {};
}

// Days of due touches the calendar export covers, today included.
constexpr int calendarDays = EnrollmentRepository::calendarExportDays;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_undoStack(new QUndoStack(this))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_chooseFolder([this](const QString &title, const QString &start) {
        return QFileDialog::getExistingDirectory(this, title, start);
    })
    , m_chooseOpenFile([this](const QString &title, const QString &start, const QString &filter) {
        return QFileDialog::getOpenFileName(this, title, start, filter);
    })
    , m_chooseSaveFile([this](const QString &title, const QString &start, const QString &filter) {
        return QFileDialog::getSaveFileName(this, title, start, filter);
    })
{
    setWindowTitle(tr("Touchline"));
    setAcceptDrops(true);
    m_pages = new QStackedWidget;
    m_pages->addWidget(createNoDatabasePage());
    // The due list and the cadence editor work on one file: they join the tabs
    // when a file opens (createFilePages()).
    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    m_views->addTab(createProspectPage(), tr("Prospects"));
    // Changes come in bursts (a bulk edit, an undo): one computation after them.
    m_statsTimer = new QTimer(this);
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(300);
    connect(m_statsTimer, &QTimer::timeout, this, &MainWindow::requestStats);
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (currentView() == View::Dashboard && m_statsStale)
            requestStats();
    });
    m_pages->addWidget(m_views);
    setCentralWidget(m_pages);
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addPermanentWidget(m_countLabel);

    createActions();
    createMenus();
    updateActions();

    if (!restoreGeometry(AppSettings::windowGeometry()))
        resize(1200, 720);
    restoreState(AppSettings::windowState());
}

MainWindow::~MainWindow()
{
    // Checks still reading a file must end before the window they report to.
    for (QThread *check : findChildren<QThread *>(QString(), Qt::FindDirectChildrenOnly))
        check->wait();
    closeDatabase();
}

void MainWindow::checkIntegrityInBackground()
{
    // Reading every page of a large file takes a second or more; the user works
    // meanwhile and hears about damage only if there is some.
    const QString path = m_db->path();
    auto result = std::make_shared<Error>();
    QThread *thread = QThread::create([path, result] { *result = Database::checkIntegrity(path); });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, [this, thread, path, result] {
        thread->deleteLater();
        if (result->kind == Error::Kind::Corrupt && m_db && m_db->path() == path)
            reportDamage(path, result->message);
    });
    thread->start(QThread::LowPriority);
}

void MainWindow::reportDamage(const QString &path, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Damaged file"), message, QMessageBox::Close, this);
    QPushButton *openBackupButton = addOpenBackupButton(box, path);
    box.exec();
    if (openBackupButton && box.clickedButton() == openBackupButton)
        openBackup(openBackupButton->property("backupPath").toString());
}

QPushButton *MainWindow::addOpenBackupButton(QMessageBox &box, const QString &path)
{
    const std::optional<BackupFile> backup = Backup::latest(path);
    if (!backup) {
        box.setInformativeText(tr("No backup of it was found in its folder."));
        return nullptr;
    }
    box.setInformativeText(
        tr("Its latest backup is %1, made %2. The backup opens read-only, so that it stays as it "
           "was.")
            .arg(QDir::toNativeSeparators(backup->path),
                QLocale().toString(backup->madeAt, QLocale::ShortFormat)));
    QPushButton *button = box.addButton(tr("Open Latest Backup"), QMessageBox::AcceptRole);
    button->setObjectName(QStringLiteral("openLatestBackupButton"));
    button->setProperty("backupPath", backup->path);
    box.setDefaultButton(button);
    return button;
}

void MainWindow::openBackup(const QString &backupPath)
{
    if (openDatabaseInteractively(
            backupPath, Database::Creation::MustExist, Database::Access::ReadOnly)
        && m_db->path() == QFileInfo(backupPath).absoluteFilePath())
        statusBar()->showMessage(
            tr("Showing the backup %1, read-only.").arg(QDir::toNativeSeparators(backupPath)));
}

void MainWindow::backUp(const QString &folder)
{
    if (!m_db || m_backingUp)
        return;
    const QString path = m_db->path();
    const QString name = QFileInfo(path).fileName();
    auto *work = new BackgroundWork(
        QStringLiteral("backupProgress"), tr("Back Up"), tr("Backing up %1…").arg(name), this);
    auto copyPath = std::make_shared<QString>();
    connect(work, &BackgroundWork::finished, this,
        [this, work, copyPath, name](bool done, const Error &error) {
            work->deleteLater();
            m_backingUp = false;
            updateActions();
            if (done)
                statusBar()->showMessage(
                    tr("Backed up %1 to %2.").arg(name, QDir::toNativeSeparators(*copyPath)),
                    statusMessageMs);
            else if (error.kind == Error::Kind::Cancelled)
                statusBar()->showMessage(
                    tr("The backup of %1 was cancelled; no file was left behind.").arg(name),
                    statusMessageMs);
            else
                showError(error.message);
        });
    m_backingUp = true;
    updateActions();
    // A backup only reads.
    work->start(path, Database::Access::ReadOnly,
        [folder, copyPath](
            Database &source, const BackgroundWork::Progress &progress, Error *error) {
            const Backup::Result result
                = Backup::make(source, folder, copyPath.get(), error, progress);
            if (result == Backup::Result::Cancelled)
                *error = Error::make(Error::Kind::Cancelled, QString());
            return result == Backup::Result::Finished;
        });
}

void MainWindow::importProspects(const QString &path)
{
    if (!m_db || m_db->isReadOnly())
        return;
    ImportWizard wizard(m_db->path(), m_userId, this);
    wizard.setOpenFileChooser(m_chooseOpenFile);
    wizard.resultView()->setFileChooser(m_chooseSaveFile);
    if (!path.isEmpty())
        wizard.setFilePath(path);
    wizard.exec();
    if (!wizard.imported())
        return;
    // The import wrote on its own connection: the views follow it now, not at the next poll.
    m_changeWatcher->check();
    statusBar()->showMessage(
        tr("Imported %1: %2")
            .arg(QFileInfo(wizard.filePath()).fileName(), wizard.resultView()->outcomeText()),
        statusMessageMs);
}

void MainWindow::importTouches()
{
    if (!m_db || m_db->isReadOnly())
        return;
    const QString path = m_chooseOpenFile(tr("Import Touch History From"),
        AppSettings::importFolder(), tr("Touch history (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    AppSettings::setImportFolder(QFileInfo(path).absolutePath());
    const QString name = QFileInfo(path).fileName();
    QList<TouchImportRow> rows;
    QList<RowProblem> problems;
    Error error;
    if (!TouchFileReader::readFile(path, &rows, &problems, &error)) {
        showError(error.message);
        return;
    }
    if (rows.isEmpty() && problems.isEmpty()) {
        showError(tr("%1 has no touches to import.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (rows.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Touchline"),
            tr("No row of %1 can be imported.").arg(QDir::toNativeSeparators(path)),
            QMessageBox::Close, this);
        box.setInformativeText(tr(
            "%n row(s) cannot be read; the details list them all.", nullptr, int(problems.size())));
        QStringList lines;
        for (const RowProblem &problem : std::as_const(problems))
            lines.append(problem.line > 0 ? tr("Line %1: %2").arg(problem.line).arg(problem.reason)
                                          : problem.reason);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
        return;
    }

    QMessageBox confirm(QMessageBox::Question, tr("Import Touch History"),
        tr("Import %n touch(es) from %1?", nullptr, int(rows.size())).arg(name),
        QMessageBox::Cancel, this);
    confirm.setInformativeText(problems.isEmpty()
            ? tr("Each touch joins the timeline of the prospect with its email address or "
                 "LinkedIn profile.")
            : tr("Each touch joins the timeline of the prospect with its email address or "
                 "LinkedIn profile. %n row(s) cannot be read and will be listed at the end.",
                nullptr, int(problems.size())));
    QPushButton *importButton = confirm.addButton(tr("&Import"), QMessageBox::AcceptRole);
    confirm.setDefaultButton(importButton);
    confirm.exec();
    if (confirm.clickedButton() != importButton)
        return;

    ImportRunDialog dialog(tr("Import Touch History"), this);
    dialog.setObjectName(QStringLiteral("touchImportDialog"));
    dialog.view()->setFileChooser(m_chooseSaveFile);
    const qint64 authorId = m_userId;
    dialog.view()->run(m_db->path(), path,
        [rows, problems, authorId](
            Database &db, const ImportProgress &progress, ImportSummary *summary, Error *runError) {
            const ImportResult result
                = TouchImporter(db).apply(rows, authorId, false, progress, summary, runError);
            // The rows the reader refused are listed with the importer's.
            mergeProblems(&summary->failed, problems);
            return result;
        });
    dialog.exec();
    if (dialog.view()->result() != ImportResult::Finished)
        return;
    m_changeWatcher->check();
    statusBar()->showMessage(
        tr("Imported %1: %2").arg(name, dialog.view()->outcomeText()), statusMessageMs);
}

std::optional<QList<qint64>> MainWindow::askExportScope(
    const QString &title, const QString &question)
{
    const QList<qint64> selected = selectedIds();
    ExportScopeDialog dialog(title, question, std::max(0, m_model->totalCount()),
        m_model->rowCount(), int(selected.size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QList<qint64> ids; // empty: every prospect, as Exporter takes it
    switch (dialog.scope()) {
    case ExportScopeDialog::Scope::All:
        break;
    case ExportScopeDialog::Scope::Shown:
        for (int row = 0; row < m_model->rowCount(); ++row)
            ids.append(m_model->idAt(row));
        break;
    case ExportScopeDialog::Scope::Selected:
        ids = selected;
        break;
    }
    return ids;
}

QString MainWindow::askExportPath(
    const QString &title, const QString &baseName, const QString &suffix, const QString &filter)
{
    const QString suggested
        = QDir(AppSettings::exportFolder())
              .filePath(QStringLiteral("%1-%2.%3")
                            .arg(baseName, QDate::currentDate().toString(Qt::ISODate), suffix));
    QString path = m_chooseSaveFile(title, suggested, filter);
    if (path.isEmpty())
        return path;
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + suffix;
        // The save dialog asked about the name without the suffix, if at all.
        if (QFileInfo::exists(path)) {
            QMessageBox confirm(QMessageBox::Warning, title,
                tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                QMessageBox::Cancel, this);
            confirm.setInformativeText(tr("Its contents will be lost."));
            QPushButton *replace = confirm.addButton(tr("&Replace"), QMessageBox::AcceptRole);
            confirm.setDefaultButton(QMessageBox::Cancel);
            confirm.exec();
            if (confirm.clickedButton() != replace)
                return {};
        }
    }
    AppSettings::setExportFolder(QFileInfo(path).absolutePath());
    return path;
}

void MainWindow::runExport(
    const QString &path, const std::function<bool(Exporter &, Error *)> &write)
{
    auto *work = new BackgroundWork(QStringLiteral("exportProgress"), tr("Export"),
        tr("Exporting to %1…").arg(QFileInfo(path).fileName()), this);
    connect(
        work, &BackgroundWork::finished, this, [this, work, path](bool done, const Error &error) {
            work->deleteLater();
            m_exporting = false;
            updateActions();
            reportExport(done, path, error);
        });
    m_exporting = true;
    updateActions();
    // An export only reads; the window's connection stays free meanwhile.
    work->start(m_db->path(), Database::Access::ReadOnly,
        [write](Database &db, const BackgroundWork::Progress &progress, Error *error) {
            Exporter exporter(db);
            exporter.setProgress(progress);
            return write(exporter, error);
        });
}

void MainWindow::reportExport(bool exported, const QString &path, const Error &error)
{
    const QString name = QDir::toNativeSeparators(path);
    if (exported) {
        statusBar()->showMessage(tr("Exported to %1.").arg(name), statusMessageMs);
        return;
    }
    if (error.kind == Error::Kind::Cancelled) {
        statusBar()->showMessage(
            tr("The export to %1 was cancelled; nothing was written.").arg(name), statusMessageMs);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Export"), tr("Could not export to %1.").arg(name),
        QMessageBox::Close, this);
    box.setInformativeText(error.message);
    box.exec();
}

void MainWindow::exportProspectsCsv()
{
    if (!m_db)
        return;
    const std::optional<QList<qint64>> ids
        = askExportScope(tr("Export Prospects"), tr("Export to CSV:"));
    if (!ids)
        return;
    const QString path = askExportPath(tr("Export Prospects to CSV"), tr("prospects"),
        QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    runExport(path, [ids = *ids, path](Exporter &exporter, Error *error) {
        return exporter.prospectsCsv(path, ids, error);
    });
}

void MainWindow::exportTouchesCsv()
{
    if (!m_db)
        return;
    const std::optional<QList<qint64>> ids
        = askExportScope(tr("Export Touches"), tr("Export to CSV the touches of:"));
    if (!ids)
        return;
    const QString path = askExportPath(
        tr("Export Touches to CSV"), tr("touches"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    runExport(path, [ids = *ids, path](Exporter &exporter, Error *error) {
        return exporter.touchesCsv(path, ids, error);
    });
}

void MainWindow::exportDueCalendar()
{
    if (!m_db)
        return;
    const QString path = askExportPath(tr("Export Due Touches to Calendar"), tr("due-touches"),
        QStringLiteral("ics"), tr("Calendar files (*.ics)"));
    if (path.isEmpty())
        return;
    // The owners the due list shows, over the coming days.
    DueFilter filter;
    filter.ownerId = m_duePage->model()->ownerFilter();
    filter.until
        = EnrollmentRepository::dueUntilEndOf(EnrollmentRepository::calendarExportLastDay());
    // Here, not in the background: the coming month's due touches, at most a
    // few thousand, take milliseconds.
    Error error;
    reportExport(Exporter(*m_db).dueCalendar(path, filter, &error), path, error);
}

void MainWindow::exportVCards()
{
    const QList<qint64> ids = selectedIds();
    if (!m_db || ids.isEmpty())
        return;
    const QString path = askExportPath(tr("Export Selected Prospects to vCard"), tr("contacts"),
        QStringLiteral("vcf"), tr("vCard files (*.vcf)"));
    if (path.isEmpty())
        return;
    runExport(path, [ids, path](Exporter &exporter, Error *error) {
        return exporter.vCards(path, ids, error);
    });
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_db && !m_db->isReadOnly() && !importablePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = importablePath(event->mimeData());
    if (!m_db || m_db->isReadOnly() || path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop has ended: the source waits for it while the wizard is open.
    QTimer::singleShot(0, this, [this, path] { importProspects(path); });
}

QWidget *MainWindow::createNoDatabasePage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *label = new QLabel(tr("No Touchline file is open."));
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    label->setFont(font);
    layout->addWidget(label);
    auto *hint
        = new QLabel(tr("Open an existing file, or create a new one to start adding prospects."));
    hint->setAlignment(Qt::AlignCenter);
    layout->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *open = new QPushButton(tr("&Open File…"));
    auto *create = new QPushButton(tr("&Create New File…"));
    connect(open, &QPushButton::clicked, this, &MainWindow::openDatabaseFromDialog);
    connect(create, &QPushButton::clicked, this, &MainWindow::newDatabase);
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    return page;
}

QWidget *MainWindow::createProspectPage()
{
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("prospectSplitter"));
    m_splitter->setChildrenCollapsible(false);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 0);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search name, company or email (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_statusFilter = new QComboBox;
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All statuses"));
    for (ProspectStatus status : allStatuses())
        m_statusFilter->addItem(statusDisplayName(status), statusKey(status));
    auto *statusLabel = new QLabel(tr("&Status:"));
    statusLabel->setBuddy(m_statusFilter);
    m_ownerFilter = new QComboBox;
    m_ownerFilter->setObjectName(QStringLiteral("ownerFilter"));
    m_ownerFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *ownerLabel = new QLabel(tr("&Owner:"));
    ownerLabel->setBuddy(m_ownerFilter);
    filters->addWidget(m_search, 1);
    filters->addWidget(statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addWidget(ownerLabel);
    filters->addWidget(m_ownerFilter);
    layout->addLayout(filters);

    m_table = new QTableView;
    m_table->setItemDelegate(new ProspectItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // F2 or a click on the selected cell edits; plain typing jumps to a matching
    // row instead of overwriting a cell by accident.
    m_table->setEditTriggers(
        QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        &MainWindow::showColumnMenu);
    layout->addWidget(m_table, 1);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applyFilters);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_ownerFilter, &QComboBox::currentIndexChanged, this, [this] {
        rememberOwnerFilter();
        applyFilters();
    });
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::editProspect);
    m_timeline = new TimelinePanel;
    connect(m_timeline, &TimelinePanel::logTouchRequested, this, &MainWindow::logTouch);
    connect(m_timeline, &TimelinePanel::editTouchRequested, this, &MainWindow::editTouch);
    connect(m_timeline, &TimelinePanel::deleteTouchRequested, this, &MainWindow::deleteTouch);
    connect(m_timeline, &TimelinePanel::contactRequested, this, &MainWindow::contactProspect);
    connect(
        m_timeline, &TimelinePanel::liftDoNotContactRequested, this, &MainWindow::liftDoNotContact);
    m_splitter->addWidget(page);
    m_splitter->addWidget(m_timeline);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({700, 480});
    m_splitter->restoreState(AppSettings::splitterState());
    return m_splitter;
}

void MainWindow::createActions()
{
    m_newDatabaseAction = new QAction(tr("&New File…"), this);
    m_newDatabaseAction->setObjectName(QStringLiteral("newDatabaseAction"));
    m_newDatabaseAction->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_newDatabaseAction->setStatusTip(tr("Create a new, empty Touchline file"));
    connect(m_newDatabaseAction, &QAction::triggered, this, &MainWindow::newDatabase);

    m_openAction
        = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open another Touchline file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDatabaseFromDialog);

    m_openReadOnlyAction = new QAction(tr("Open &Read-Only…"), this);
    m_openReadOnlyAction->setObjectName(QStringLiteral("openReadOnlyAction"));
    m_openReadOnlyAction->setStatusTip(
        tr("Review a file without changing it: nothing is written to it"));
    connect(m_openReadOnlyAction, &QAction::triggered, this,
        &MainWindow::openDatabaseReadOnlyFromDialog);

    m_backUpAction = new QAction(tr("&Back Up"), this);
    m_backUpAction->setObjectName(QStringLiteral("backUpAction"));
    m_backUpAction->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m_backUpAction->setStatusTip(tr("Copy the file to a dated backup next to it"));
    connect(m_backUpAction, &QAction::triggered, this, [this] { backUp(); });

    m_backUpToAction = new QAction(tr("Back Up &To…"), this);
    m_backUpToAction->setObjectName(QStringLiteral("backUpToAction"));
    m_backUpToAction->setStatusTip(tr("Copy the file to a dated backup in a folder you choose"));
    connect(m_backUpToAction, &QAction::triggered, this, [this] {
        if (!m_db)
            return;
        const QString folder
            = m_chooseFolder(tr("Back Up To Folder"), QFileInfo(m_db->path()).absolutePath());
        if (!folder.isEmpty())
            backUp(folder);
    });

    m_importProspectsAction = new QAction(tr("&Import Prospects…"), this);
    m_importProspectsAction->setObjectName(QStringLiteral("importProspectsAction"));
    m_importProspectsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_importProspectsAction->setStatusTip(
        tr("Add prospects from a CSV file or vCards: CRM, LinkedIn, Google or Outlook exports"));
    connect(m_importProspectsAction, &QAction::triggered, this, [this] { importProspects(); });

    m_importTouchesAction = new QAction(tr("Import &Touch History…"), this);
    m_importTouchesAction->setObjectName(QStringLiteral("importTouchesAction"));
    m_importTouchesAction->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    m_importTouchesAction->setStatusTip(
        tr("Add past emails, calls and meetings from a CSV file to the prospects' timelines"));
    connect(m_importTouchesAction, &QAction::triggered, this, &MainWindow::importTouches);

    m_exportProspectsAction = new QAction(tr("&Prospects to CSV…"), this);
    m_exportProspectsAction->setObjectName(QStringLiteral("exportProspectsAction"));
    m_exportProspectsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    m_exportProspectsAction->setStatusTip(tr("Save prospects as a CSV file for a spreadsheet"));
    connect(m_exportProspectsAction, &QAction::triggered, this, &MainWindow::exportProspectsCsv);

    m_exportTouchesAction = new QAction(tr("&Touches to CSV…"), this);
    m_exportTouchesAction->setObjectName(QStringLiteral("exportTouchesAction"));
    m_exportTouchesAction->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_exportTouchesAction->setStatusTip(tr("Save the touches of prospects as a CSV file"));
    connect(m_exportTouchesAction, &QAction::triggered, this, &MainWindow::exportTouchesCsv);

    m_exportCalendarAction = new QAction(tr("&Due Touches to Calendar (.ics)…"), this);
    m_exportCalendarAction->setObjectName(QStringLiteral("exportCalendarAction"));
    m_exportCalendarAction->setStatusTip(
        tr("Save the touches due in the next %n day(s) as events for a calendar app", nullptr,
            calendarDays));
    connect(m_exportCalendarAction, &QAction::triggered, this, &MainWindow::exportDueCalendar);

    m_exportVCardAction = new QAction(tr("&Selected Prospects to vCard…"), this);
    m_exportVCardAction->setObjectName(QStringLiteral("exportVCardAction"));
    m_exportVCardAction->setStatusTip(
        tr("Save the selected prospects as contacts for an address book"));
    connect(m_exportVCardAction, &QAction::triggered, this, &MainWindow::exportVCards);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(themeIcon("edit-undo", QStyle::SP_ArrowBack));
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setIcon(themeIcon("edit-redo", QStyle::SP_ArrowForward));
    // Typing on the Cadences tab is stored after a pause; it must reach the stack
    // first, so Ctrl+Z takes back what was just typed rather than the edit before.
    disconnect(m_undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    disconnect(m_redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        commitPendingEdits();
        m_undoStack->undo();
    });
    connect(m_redoAction, &QAction::triggered, this, [this] {
        commitPendingEdits();
        m_undoStack->redo();
    });

    m_addAction = new QAction(
        themeIcon("list-add", QStyle::SP_FileDialogNewFolder), tr("&Add Prospect…"), this);
    m_addAction->setObjectName(QStringLiteral("addAction"));
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setStatusTip(tr("Add a prospect"));
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addProspect);

    m_editAction = new QAction(
        themeIcon("document-edit", QStyle::SP_FileDialogDetailedView), tr("&Edit Prospect…"), this);
    m_editAction->setObjectName(QStringLiteral("editAction"));
    m_editAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_editAction->setStatusTip(tr("Edit the selected prospect in a form"));
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editProspect);

    m_deleteAction
        = new QAction(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("&Delete"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Only while the table has focus, so Delete still deletes text in the search field.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setStatusTip(tr("Delete the selected prospects (undo with Ctrl+Z)"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteProspects);
    m_table->addAction(m_deleteAction);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(m_findAction);

    m_userNameAction = new QAction(tr("Your &Name…"), this);
    m_userNameAction->setObjectName(QStringLiteral("userNameAction"));
    m_userNameAction->setStatusTip(tr("Change the name your touches and edits are recorded under"));
    connect(m_userNameAction, &QAction::triggered, this, &MainWindow::changeUserName);

    m_logTouchAction = new QAction(tr("&Log Touch…"), this);
    m_logTouchAction->setObjectName(QStringLiteral("logTouchAction"));
    m_logTouchAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_logTouchAction->setStatusTip(tr("Record a touch with the selected prospect"));
    connect(m_logTouchAction, &QAction::triggered, this, &MainWindow::logTouch);

    m_focusTableAction = new QAction(tr("Go to &Prospects"), this);
    m_focusTableAction->setShortcut(QKeySequence(tr("Ctrl+1")));
    connect(m_focusTableAction, &QAction::triggered, this, [this] {
        showView(View::Prospects);
        m_table->setFocus();
    });
    m_focusTimelineAction = new QAction(tr("Go to &Timeline"), this);
    m_focusTimelineAction->setShortcut(QKeySequence(tr("Ctrl+2")));
    connect(m_focusTimelineAction, &QAction::triggered, this, [this] {
        showView(View::Prospects);
        m_timeline->focusTimeline();
    });
    m_showDueAction = new QAction(tr("Go to &Due List"), this);
    m_showDueAction->setObjectName(QStringLiteral("showDueAction"));
    m_showDueAction->setShortcut(QKeySequence(tr("Ctrl+3")));
    connect(m_showDueAction, &QAction::triggered, this, [this] { showView(View::Due); });
    m_showCadencesAction = new QAction(tr("Go to &Cadences"), this);
    m_showCadencesAction->setObjectName(QStringLiteral("showCadencesAction"));
    m_showCadencesAction->setShortcut(QKeySequence(tr("Ctrl+4")));
    connect(m_showCadencesAction, &QAction::triggered, this, [this] { showView(View::Cadences); });
    m_showDashboardAction = new QAction(tr("Go to Dash&board"), this);
    m_showDashboardAction->setObjectName(QStringLiteral("showDashboardAction"));
    m_showDashboardAction->setShortcut(QKeySequence(tr("Ctrl+5")));
    connect(
        m_showDashboardAction, &QAction::triggered, this, [this] { showView(View::Dashboard); });

    m_enrollAction = new QAction(tr("E&nroll in Cadence…"), this);
    m_enrollAction->setObjectName(QStringLiteral("enrollAction"));
    m_enrollAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_enrollAction->setStatusTip(tr("Start a follow-up cadence for the selected prospects"));
    connect(m_enrollAction, &QAction::triggered, this, &MainWindow::enrollSelected);
    m_unenrollAction = new QAction(tr("&Take Out of Cadence"), this);
    m_unenrollAction->setObjectName(QStringLiteral("unenrollAction"));
    m_unenrollAction->setStatusTip(tr("Stop the running cadence of the selected prospects"));
    connect(m_unenrollAction, &QAction::triggered, this, &MainWindow::unenrollSelected);
    m_pauseAction = new QAction(tr("&Pause Cadence"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_pauseAction->setStatusTip(tr("Hold the cadence of the selected prospects until resumed"));
    connect(m_pauseAction, &QAction::triggered, this, [this] { decideSelected(Decision::Pause); });
    m_resumeAction = new QAction(tr("Res&ume Cadence"), this);
    m_resumeAction->setObjectName(QStringLiteral("resumeAction"));
    m_resumeAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_resumeAction->setStatusTip(
        tr("Continue the paused or bounced cadence of the selected prospects"));
    connect(
        m_resumeAction, &QAction::triggered, this, [this] { decideSelected(Decision::Resume); });

    m_newestFirstAction = new QAction(tr("&Newest Touches First"), this);
    m_newestFirstAction->setObjectName(QStringLiteral("newestFirstAction"));
    m_newestFirstAction->setCheckable(true);
    m_newestFirstAction->setChecked(AppSettings::timelineNewestFirst());
    connect(m_newestFirstAction, &QAction::toggled, this, [this](bool newestFirst) {
        AppSettings::setTimelineNewestFirst(newestFirst);
        if (m_timelineModel)
            m_timelineModel->setNewestFirst(newestFirst);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newDatabaseAction);
    file->addAction(m_openAction);
    file->addAction(m_openReadOnlyAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    file->addAction(m_backUpAction);
    file->addAction(m_backUpToAction);
    file->addSeparator();
    file->addAction(m_importProspectsAction);
    file->addAction(m_importTouchesAction);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(m_exportProspectsAction);
    exportMenu->addAction(m_exportTouchesAction);
    exportMenu->addAction(m_exportCalendarAction);
    exportMenu->addAction(m_exportVCardAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_userNameAction);

    QMenu *prospects = menuBar()->addMenu(tr("&Prospects"));
    prospects->addAction(m_addAction);
    prospects->addAction(m_editAction);
    prospects->addAction(m_deleteAction);
    prospects->addSeparator();
    prospects->addAction(m_logTouchAction);
    prospects->addSeparator();
    prospects->addAction(m_enrollAction);
    prospects->addAction(m_pauseAction);
    prospects->addAction(m_resumeAction);
    prospects->addAction(m_unenrollAction);

    m_cadenceMenu = menuBar()->addMenu(tr("&Cadences"));
    m_cadenceMenu->setEnabled(false);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusTableAction);
    view->addAction(m_focusTimelineAction);
    view->addAction(m_showDueAction);
    view->addAction(m_showCadencesAction);
    view->addAction(m_showDashboardAction);
    view->addSeparator();
    view->addAction(m_newestFirstAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_editAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addAction(m_logTouchAction);
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *action
            = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this,
            [this, path] { openDatabaseInteractively(path, Database::Creation::MustExist); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
}

bool MainWindow::openDatabase(
    const QString &path, Database::Creation creation, Error *error, Database::Access access)
{
    auto db = std::make_unique<Database>();
    if (!db->open(path, creation, access, error))
        return false;

    closeDatabase();
    m_db = std::move(db);
    Error userError;
    const qint64 userId = userIdInFile(AppSettings::userName(), &userError);
    if (userError.isError())
        statusBar()->showMessage(
            tr("Touches will be logged without your name: %1").arg(userError.message));
    m_editor = new ProspectEditor(*m_db, m_undoStack, this);
    m_model = new ProspectTableModel(*m_db, m_editor, this);
    // Queued: the question waits until the table's editor has closed.
    connect(m_model, &ProspectTableModel::editConflicted, this, &MainWindow::resolveTableConflict,
        Qt::QueuedConnection);
    // setUser() below names the author of each editor and page.
    m_touchEditor = new TouchEditor(*m_db, m_undoStack, 0, this);
    m_enrollmentEditor = new EnrollmentEditor(*m_db, m_undoStack, 0, this);
    connect(m_enrollmentEditor, &EnrollmentEditor::failed, this, &MainWindow::showError);
    createFilePages();
    m_timelineModel = new TimelineModel(*m_db, this);
    m_timelineModel->setNewestFirst(m_newestFirstAction->isChecked());
    m_timeline->setReadOnly(m_db->isReadOnly());
    m_timeline->setModel(m_timelineModel);
    connect(m_touchEditor, &TouchEditor::failed, this, &MainWindow::showError);
    connect(m_timelineModel, &TimelineModel::errorOccurred, this, &MainWindow::showError);
    connect(m_editor, &ProspectEditor::failed, this, &MainWindow::showError);
    connect(m_model, &ProspectTableModel::errorOccurred, this, &MainWindow::showError);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &MainWindow::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);

    m_table->setModel(m_model);
    QHeaderView *header = m_table->horizontalHeader();
    const bool headerRestored = header->restoreState(AppSettings::prospectHeaderState());
    if (!headerRestored)
        header->setSortIndicator(int(ProspectField::CreatedAt), Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::showCurrentProspectTimeline);
    setUser(userId, AppSettings::userName());
    connect(m_db.get(), &Database::changed, this, [this](Database::Tables tables) {
        if (tables.testFlag(Database::Table::Users))
            reloadOwnerFilter();
    });
    applyFilters();
    if (!headerRestored)
        fitColumnsToContents();

    checkIntegrityInBackground();
    // Teammates and the CLI write to the same file: every view follows them.
    m_changeWatcher = new ChangeWatcher(*m_db, this);
    connect(m_changeWatcher, &ChangeWatcher::changedElsewhere, this, [this] {
        statusBar()->showMessage(tr("Updated with changes made elsewhere to this file."), 3000);
    });
    m_changeWatcher->start();
    AppSettings::addRecentFile(m_db->path());
    setWindowTitle(m_db->isReadOnly()
            ? tr("%1 (read-only) – Touchline").arg(QFileInfo(m_db->path()).fileName())
            : tr("%1 – Touchline").arg(QFileInfo(m_db->path()).fileName()));
    setWindowFilePath(m_db->path());
    m_pages->setCurrentIndex(1);
    // Once prospects run in cadences, the day starts with what is due.
    if (hasRunningEnrollments()) {
        showView(View::Due);
    } else {
        showView(View::Prospects);
        m_table->setFocus();
    }
    updateActions();
    updateCount();
    return true;
}

void MainWindow::fitColumnsToContents()
{
    // Sizes columns to the rows on screen, so that long values do not make the
    // table wider than the window.
    const int maxWidth = m_table->fontMetrics().averageCharWidth() * 32;
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        m_table->resizeColumnToContents(column);
        header->resizeSection(column, std::min(header->sectionSize(column), maxWidth));
    }
}

void MainWindow::showColumnMenu(const QPoint &position)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!m_model)
        return;
    QMenu menu(this);
    int visible = 0;
    for (int column = 0; column < header->count(); ++column)
        visible += header->isSectionHidden(column) ? 0 : 1;
    for (int column = 0; column < header->count(); ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: a table without columns cannot be brought back.
        action->setEnabled(header->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, header,
            [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.exec(header->mapToGlobal(position));
}

bool MainWindow::openDatabaseInteractively(
    const QString &path, Database::Creation creation, Database::Access access)
{
    Error error;
    if (openDatabase(path, creation, &error, access))
        return true;
    if (error.kind == Error::Kind::NotFound)
        AppSettings::removeRecentFile(path);

    QMessageBox box(
        QMessageBox::Warning, tr("Cannot open file"), error.message, QMessageBox::NoButton, this);
    QPushButton *openOther = box.addButton(tr("Open Another…"), QMessageBox::AcceptRole);
    QPushButton *createNew = box.addButton(tr("Create New…"), QMessageBox::ActionRole);
    // A file others can read but this user cannot write can still be reviewed.
    QPushButton *readOnly
        = error.kind == Error::Kind::ReadOnly && access == Database::Access::ReadWrite
        ? box.addButton(tr("Open Read-Only"), QMessageBox::ActionRole)
        : nullptr;
    QPushButton *openBackupButton
        = error.kind == Error::Kind::Corrupt ? addOpenBackupButton(box, path) : nullptr;
    box.addButton(
        m_db ? tr("Keep Current File") : QMessageBox::tr("Cancel"), QMessageBox::RejectRole);
    if (!openBackupButton)
        box.setDefaultButton(openOther);
    box.exec();
    if (openBackupButton && box.clickedButton() == openBackupButton)
        openBackup(openBackupButton->property("backupPath").toString());
    else if (box.clickedButton() == openOther)
        openDatabaseFromDialog();
    else if (box.clickedButton() == createNew)
        newDatabase();
    else if (readOnly && box.clickedButton() == readOnly)
        openDatabaseInteractively(path, Database::Creation::MustExist, Database::Access::ReadOnly);
    return m_db != nullptr;
}

void MainWindow::closeDatabase()
{
    if (!m_db)
        return;
    commitPendingEdits();
    delete m_changeWatcher;
    m_changeWatcher = nullptr;
    AppSettings::setProspectHeaderState(m_table->horizontalHeader()->saveState());
    m_table->setModel(nullptr);
    m_timeline->setModel(nullptr);
    m_undoStack->clear();
    removeFilePages();
    delete m_enrollmentEditor;
    m_enrollmentEditor = nullptr;
    delete m_timelineModel;
    m_timelineModel = nullptr;
    delete m_touchEditor;
    m_touchEditor = nullptr;
    delete m_model;
    m_model = nullptr;
    delete m_editor;
    m_editor = nullptr;
    m_db.reset();
    m_userId = 0;
    {
        const QSignalBlocker blocker(m_ownerFilter);
        m_ownerFilter->clear();
    }
    m_pages->setCurrentIndex(0);
    setWindowTitle(tr("Touchline"));
    updateActions();
    updateCount();
}

void MainWindow::newDatabase()
{
    const QString dir = m_db ? QFileInfo(m_db->path()).absolutePath() : QDir::homePath();
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Touchline File"), dir + QStringLiteral("/prospects.touchline"), fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".touchline");
    openDatabaseInteractively(path, Database::Creation::MustNotExist);
}

void MainWindow::openDatabaseFromDialog()
{
    const QString path = askForFileToOpen(tr("Open Touchline File"));
    if (!path.isEmpty())
        openDatabaseInteractively(path, Database::Creation::MustExist);
}

void MainWindow::openDatabaseReadOnlyFromDialog()
{
    const QString path = askForFileToOpen(tr("Open Touchline File Read-Only"));
    if (!path.isEmpty())
        openDatabaseInteractively(path, Database::Creation::MustExist, Database::Access::ReadOnly);
}

QString MainWindow::askForFileToOpen(const QString &title)
{
    const QString dir = m_db ? QFileInfo(m_db->path()).absolutePath()
                             : QFileInfo(defaultDatabasePath()).absolutePath();
    return QFileDialog::getOpenFileName(this, title, dir, fileFilter());
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    if (!m_model)
        return ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(m_model->idAt(index.row()));
    return ids;
}

bool MainWindow::saveProspect(
    const Prospect &before, Prospect after, QString *error, ProspectDialog *form)
{
    if (!after.ownerName.isEmpty() && after.ownerId == 0) {
        Error ensureError;
        after.ownerId = UserRepository(*m_db).ensure(after.ownerName, &ensureError);
        if (!after.ownerId) {
            *error = ensureError.message;
            return false;
        }
    }
    qint64 newId = 0;
    Prospect base = before;
    for (;;) {
        Error saveError;
        const bool ok = base.id ? m_editor->edit(base, after, &saveError)
                                : m_editor->add(after, &newId, &saveError);
        if (ok)
            break;
        if (saveError.kind != Error::Kind::Conflict) {
            *error = saveError.message;
            return false;
        }
        const std::optional<Prospect> theirs = m_editor->repository().get(base.id, &saveError);
        if (!theirs) {
            *error = saveError.message;
            return false;
        }
        QWidget *parent = form ? static_cast<QWidget *>(form) : this;
        ProspectConflictDialog conflict(base, after, *theirs, parent);
        if (conflict.exec() != QDialog::Accepted) {
            if (form) {
                form->rebase(*theirs);
                *error = tr("Nothing was saved. The form now shows their values, except in the "
                            "fields you changed; save again to keep yours.");
            } else {
                openEditForm(*theirs, mergedProspect(base, after, *theirs));
            }
            return false;
        }
        // The choice is an edit of their row, which may itself be outdated by now.
        after = conflict.prospectToSave();
        base = *theirs;
        if (changedFields(base, after).isEmpty()) {
            m_model->refresh();
            break;
        }
    }
    const int row = m_model->rowOf(before.id ? before.id : newId);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    }
    return true;
}

void MainWindow::addProspect()
{
    if (!m_db)
        return;
    QList<User> users;
    Error error;
    UserRepository(*m_db).list(&users, &error);
    ProspectDialog dialog(
        Prospect {}, users,
        [this](
            const Prospect &p, QString *message) { return saveProspect(Prospect {}, p, message); },
        this);
    dialog.exec();
}

void MainWindow::editProspect()
{
    if (!m_model)
        return;
    // The form edits the one selected prospect, which the action requires.
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (!m_editAction->isEnabled() || selected.size() != 1)
        return;
    if (const std::optional<Prospect> prospect = m_model->prospectAt(selected.first().row()))
        openEditForm(*prospect, *prospect);
}

void MainWindow::openEditForm(const Prospect &original, const Prospect &input)
{
    QList<User> users;
    Error error;
    UserRepository(*m_db).list(&users, &error);
    ProspectDialog *form = nullptr;
    ProspectDialog dialog(
        original, users,
        [this, &form](const Prospect &p, QString *message) {
            return saveProspect(form->original(), p, message, form);
        },
        this);
    form = &dialog;
    dialog.setInput(input);
    dialog.exec();
}

void MainWindow::resolveTableConflict(const Prospect &base, const Prospect &mine)
{
    QString error;
    if (m_db && !saveProspect(base, mine, &error) && !error.isEmpty())
        showError(error);
}

void MainWindow::deleteProspects()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_editor->remove(ids))
        return;
    statusBar()->showMessage(tr("Deleted %n prospect(s). Undo with %1.", nullptr, int(ids.size()))
                                 .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)),
        statusMessageMs);
}

void MainWindow::applyFilters()
{
    if (!m_model)
        return;
    m_searchTimer->stop();
    ProspectQuery query = m_model->query();
    query.search = m_search->text();
    query.status.reset();
    ProspectStatus status;
    if (statusFromKey(m_statusFilter->currentData().toString(), &status))
        query.status = status;
    query.ownerId = chosenOwnerId();
    const QHeaderView *header = m_table->horizontalHeader();
    query.sortField = ProspectField(header->sortIndicatorSection());
    query.sortOrder = header->sortIndicatorOrder();
    m_model->setQuery(query);
    updateCount();
}

void MainWindow::updateActions()
{
    const bool open = m_db != nullptr;
    const bool writable = open && !m_db->isReadOnly();
    const int selected = open ? int(m_table->selectionModel()->selectedRows().size()) : 0;
    m_addAction->setEnabled(writable);
    m_editAction->setEnabled(writable && selected == 1);
    m_deleteAction->setEnabled(writable && selected > 0);
    m_findAction->setEnabled(open);
    // A backup only reads, so it works on a file open read-only too.
    m_backUpAction->setEnabled(open && !m_backingUp);
    m_backUpToAction->setEnabled(open && !m_backingUp);
    m_importProspectsAction->setEnabled(writable);
    m_importTouchesAction->setEnabled(writable);
    // Exports only read, so they work on a file open read-only too.
    m_exportProspectsAction->setEnabled(open && !m_exporting);
    m_exportTouchesAction->setEnabled(open && !m_exporting);
    m_exportCalendarAction->setEnabled(open && !m_exporting);
    m_exportVCardAction->setEnabled(open && !m_exporting && selected > 0);
    m_logTouchAction->setEnabled(writable && m_timelineModel && m_timelineModel->prospectId() != 0);
    m_focusTableAction->setEnabled(open);
    m_focusTimelineAction->setEnabled(open);
    m_showDueAction->setEnabled(open);
    m_showCadencesAction->setEnabled(open);
    m_showDashboardAction->setEnabled(open);
    m_enrollAction->setEnabled(writable && selected > 0);
    m_unenrollAction->setEnabled(writable && selected > 0);
    m_pauseAction->setEnabled(writable && selected > 0);
    m_resumeAction->setEnabled(writable && selected > 0);
}

qint64 MainWindow::chosenOwnerId() const
{
    const qint64 owner = m_ownerFilter->currentData().toLongLong();
    return owner == myProspects ? m_userId : owner;
}

void MainWindow::reloadOwnerFilter()
{
    QList<User> users;
    Error error;
    if (!UserRepository(*m_db).list(&users, &error)) {
        showError(error.message);
        return;
    }
    // Empty right after opening a file: the choice of the last session.
    const QVariant chosen
        = m_ownerFilter->count() > 0 ? m_ownerFilter->currentData() : rememberedOwner(users);
    {
        const QSignalBlocker blocker(m_ownerFilter);
        m_ownerFilter->clear();
        m_ownerFilter->addItem(tr("Everyone"), qint64(0));
        // Without a user in the file, "mine" would match nobody's prospects.
        if (m_userId != 0)
            m_ownerFilter->addItem(tr("My prospects"), myProspects);
        for (const User &user : std::as_const(users))
            m_ownerFilter->addItem(user.name, user.id);
        m_ownerFilter->setCurrentIndex(std::max(0, m_ownerFilter->findData(chosen)));
    }
    if (m_model && chosenOwnerId() != m_model->query().ownerId)
        applyFilters();
}

QVariant MainWindow::rememberedOwner(const QList<User> &users) const
{
    QString name;
    switch (AppSettings::prospectOwnerFilter(&name)) {
    case AppSettings::OwnerFilter::Everyone:
        break;
    case AppSettings::OwnerFilter::Mine:
        return myProspects;
    case AppSettings::OwnerFilter::User:
        for (const User &user : users) {
            if (user.name == name)
                return user.id;
        }
        break;
    }
    return qint64(0);
}

void MainWindow::rememberOwnerFilter()
{
    const qint64 owner = m_ownerFilter->currentData().toLongLong();
    if (owner == myProspects)
        AppSettings::setProspectOwnerFilter(AppSettings::OwnerFilter::Mine);
    else if (owner > 0)
        AppSettings::setProspectOwnerFilter(
            AppSettings::OwnerFilter::User, m_ownerFilter->currentText());
    else
        AppSettings::setProspectOwnerFilter(AppSettings::OwnerFilter::Everyone);
}

qint64 MainWindow::userIdInFile(const QString &name, Error *error)
{
    UserRepository users(*m_db);
    return m_db->isReadOnly() ? users.find(name, error) : users.ensure(name, error);
}

void MainWindow::setUser(qint64 userId, const QString &name)
{
    m_userId = userId;
    m_editor->setAuthorId(userId);
    m_touchEditor->setAuthorId(userId);
    m_enrollmentEditor->setAuthorId(userId);
    m_duePage->setUser(userId, name);
    m_cadencesPage->setUserName(name);
    reloadOwnerFilter();
}

void MainWindow::changeUserName()
{
    const std::optional<QString> name = UserNameDialog::ask(this);
    if (!name || !m_db)
        return;
    Error error;
    const qint64 userId = userIdInFile(*name, &error);
    if (error.isError()) {
        showError(tr("Your name is now %1, but this file could not record it, so touches in it "
                     "are still logged under the previous name. %2")
                      .arg(*name, error.message));
        return;
    }
    setUser(userId, *name);
    statusBar()->showMessage(m_db->isReadOnly()
            ? tr("Your name is now %1. This file is read-only: nothing was written to it.")
                  .arg(*name)
            : tr("Touches and edits in this file are now recorded under %1.").arg(*name),
        statusMessageMs);
}

void MainWindow::createFilePages()
{
    m_duePage = new DuePage(*m_db, m_undoStack);
    m_duePage->setObjectName(QStringLiteral("duePage"));
    m_duePage->setReadOnly(m_db->isReadOnly());
    m_duePage->setUrlOpener([this](const QUrl &url) { return m_openUrl(url); });
    m_duePage->setSchedulingLink(AppSettings::schedulingLink());
    connect(m_duePage, &DuePage::countsChanged, this, &MainWindow::updateDueCounts);
    connect(m_duePage, &DuePage::prospectActivated, this, &MainWindow::showProspect);
    m_views->insertTab(0, m_duePage, tr("Due"));

    m_cadencesPage = new CadencesPage(*m_db, m_undoStack);
    m_cadencesPage->setObjectName(QStringLiteral("cadencesPage"));
    m_cadencesPage->setReadOnly(m_db->isReadOnly());
    connect(m_cadencesPage, &CadencesPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_cadencesPage, &CadencesPage::schedulingLinkEdited, m_duePage,
        &DuePage::setSchedulingLink);
    m_views->addTab(m_cadencesPage, tr("Cadences"));

    m_dashboardPage = new DashboardPage;
    m_dashboardPage->setObjectName(QStringLiteral("dashboardPage"));
    // Its own connection in its own thread: a large file never freezes the window.
    m_stats = new StatsComputation(m_db->path(), m_dashboardPage);
    connect(m_dashboardPage, &DashboardPage::filterChanged, this, &MainWindow::requestStats);
    connect(
        m_stats, &StatsComputation::finished, m_dashboardPage, [this](const StatsResult &result) {
            m_dashboardPage->setChoices(result.labels.owners, result.labels.cadences);
            m_dashboardPage->setReport(result.report, result.labels);
        });
    connect(m_stats, &StatsComputation::failed, m_dashboardPage, &DashboardPage::showError);
    connect(m_stats, &StatsComputation::busyChanged, m_dashboardPage, &DashboardPage::setBusy);
    // Any change may move the numbers or the names in the filter bar; they are
    // computed again when the dashboard is (or next becomes) the visible tab.
    connect(m_db.get(), &Database::changed, m_dashboardPage, [this] {
        m_statsStale = true;
        if (currentView() == View::Dashboard)
            m_statsTimer->start();
    });
    m_statsStale = true;
    m_views->addTab(m_dashboardPage, tr("Dashboard"));

    m_cadenceMenu->clear();
    for (QAction *action :
        {m_cadencesPage->newCadenceAction(), m_cadencesPage->duplicateCadenceAction(),
            m_cadencesPage->renameCadenceAction(), m_cadencesPage->archiveCadenceAction()})
        m_cadenceMenu->addAction(action);
    m_cadenceMenu->addSeparator();
    for (QAction *action : {m_cadencesPage->addStepAction(), m_cadencesPage->removeStepAction(),
             m_cadencesPage->moveStepUpAction(), m_cadencesPage->moveStepDownAction()})
        m_cadenceMenu->addAction(action);
    m_cadenceMenu->setEnabled(true);
}

void MainWindow::commitPendingEdits()
{
    if (m_cadencesPage)
        m_cadencesPage->commitPendingEdits();
}

void MainWindow::removeFilePages()
{
    m_cadenceMenu->clear();
    m_cadenceMenu->setEnabled(false);
    m_statsTimer->stop();
    for (QWidget *page : {static_cast<QWidget *>(m_duePage), static_cast<QWidget *>(m_cadencesPage),
             static_cast<QWidget *>(m_dashboardPage)}) {
        if (page) {
            m_views->removeTab(m_views->indexOf(page));
            delete page;
        }
    }
    m_duePage = nullptr;
    m_cadencesPage = nullptr;
    m_dashboardPage = nullptr;
    m_stats = nullptr; // a child of the dashboard page
}

bool MainWindow::hasRunningEnrollments()
{
    QHash<qint64, int> running;
    Error error;
    if (!CadenceRepository(*m_db).runningCounts(&running, &error)) {
        showError(error.message);
        return false;
    }
    return std::any_of(running.cbegin(), running.cend(), [](int count) { return count > 0; });
}

void MainWindow::showView(View view)
{
    QWidget *page = view == View::Due ? static_cast<QWidget *>(m_duePage)
        : view == View::Cadences      ? static_cast<QWidget *>(m_cadencesPage)
        : view == View::Dashboard     ? static_cast<QWidget *>(m_dashboardPage)
                                      : static_cast<QWidget *>(m_splitter);
    if (!page)
        return;
    m_views->setCurrentWidget(page);
    page->setFocus();
}

MainWindow::View MainWindow::currentView() const
{
    QWidget *current = m_views->currentWidget();
    if (current && current == m_duePage)
        return View::Due;
    if (current && current == m_cadencesPage)
        return View::Cadences;
    if (current && current == m_dashboardPage)
        return View::Dashboard;
    return View::Prospects;
}

void MainWindow::requestStats()
{
    if (!m_dashboardPage)
        return;
    m_statsStale = false;
    StatsRequest request;
    request.filter = m_dashboardPage->filter();
    request.options.now = QDateTime::currentDateTimeUtc();
    request.options.settlingDays = m_dashboardPage->settlingDays();
    m_stats->request(request);
}

void MainWindow::updateDueCounts(int dueToday, int overdue)
{
    const int index = m_views->indexOf(m_duePage);
    if (index < 0)
        return;
    // Overdue items are due too: the first number is everything to do today.
    const int due = dueToday + overdue;
    m_views->setTabText(index,
        overdue > 0 ? tr("Due %1 (%2 overdue)").arg(due).arg(overdue) : tr("Due %1").arg(due));
}

void MainWindow::showProspect(qint64 prospectId)
{
    // The prospect may be hidden by a search, a status or an owner filter: clear
    // them, for now only: the owner filter the user chose stays remembered.
    int row = m_model->rowOf(prospectId);
    if (row < 0
        && (!m_search->text().isEmpty() || m_statusFilter->currentIndex() != 0
            || m_ownerFilter->currentIndex() != 0)) {
        m_search->clear();
        const QSignalBlocker statusBlocker(m_statusFilter);
        const QSignalBlocker ownerBlocker(m_ownerFilter);
        m_statusFilter->setCurrentIndex(0);
        m_ownerFilter->setCurrentIndex(0);
        applyFilters();
        row = m_model->rowOf(prospectId);
    }
    showView(View::Prospects);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_table->currentIndex());
    m_table->setFocus();
}

void MainWindow::enrollSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QList<Cadence> cadences;
    Error error;
    if (!CadenceRepository(*m_db).list(&cadences, &error)) {
        showError(error.message);
        return;
    }
    cadences.erase(std::remove_if(cadences.begin(), cadences.end(),
                       [](const Cadence &c) { return c.archived || c.steps.isEmpty(); }),
        cadences.end());
    if (cadences.isEmpty()) {
        showError(tr("There is no cadence to enroll in: add one with steps on the Cadences tab."));
        return;
    }
    QStringList names;
    for (const Cadence &cadence : std::as_const(cadences))
        names.append(tr("%1 (%n step(s))", nullptr, int(cadence.steps.size())).arg(cadence.name));
    bool chosen = false;
    const QString name = QInputDialog::getItem(this, tr("Enroll in Cadence"),
        tr("Enroll %n prospect(s) in:", nullptr, int(ids.size())), names, 0, false, &chosen);
    if (!chosen)
        return;
    const Cadence &cadence = cadences.at(names.indexOf(name));
    EnrollResult result;
    if (!m_enrollmentEditor->enroll(cadence, ids, &result, &error)) {
        showError(error.message);
        return;
    }
    QStringList leftOut;
    if (!result.alreadyRunning.isEmpty())
        leftOut.append(
            tr("%n already in a running cadence", nullptr, int(result.alreadyRunning.size())));
    if (!result.doNotContact.isEmpty())
        leftOut.append(tr("%n marked do not contact", nullptr, int(result.doNotContact.size())));
    const QString enrolled
        = tr("Enrolled %n prospect(s) in %1.", nullptr, int(result.enrolled.size()))
              .arg(cadence.name);
    statusBar()->showMessage(leftOut.isEmpty()
            ? enrolled
            : tr("%1 Left out: %2.").arg(enrolled, leftOut.join(QLatin1String(", "))),
        8000);
}

void MainWindow::unenrollSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    int stopped = 0;
    Error error;
    if (!m_enrollmentEditor->unenroll(ids, &stopped, &error)) {
        showError(error.message);
        return;
    }
    statusBar()->showMessage(
        tr("Took %n prospect(s) out of their cadence. Undo with %1.", nullptr, stopped)
            .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)),
        8000);
}

void MainWindow::decideSelected(Decision decision)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QList<Enrollment> running;
    Error error;
    if (!m_enrollmentEditor->repository().listRunning(ids, &running, &error)) {
        showError(error.message);
        return;
    }
    const bool pause = decision == Decision::Pause;
    QList<qint64> enrollmentIds;
    for (const Enrollment &enrollment : std::as_const(running)) {
        if (pause == (enrollment.state == EnrollmentState::Active))
            enrollmentIds.append(enrollment.id);
    }
    if (enrollmentIds.isEmpty()) {
        showError(pause ? tr("None of the selected prospects has an active cadence to pause.")
                        : tr("None of the selected prospects has a paused or bounced cadence to "
                             "resume."));
        return;
    }
    const bool done = pause ? m_enrollmentEditor->pause(enrollmentIds, &error)
                            : m_enrollmentEditor->resume(enrollmentIds, &error);
    if (!done) {
        showError(error.message);
        return;
    }
    const int count = int(enrollmentIds.size());
    statusBar()->showMessage(pause ? tr("Paused the cadence of %n prospect(s).", nullptr, count)
                                   : tr("Resumed the cadence of %n prospect(s).", nullptr, count),
        8000);
}

void MainWindow::updateCount()
{
    if (!m_model) {
        m_countLabel->clear();
        return;
    }
    const int total = m_model->totalCount();
    const int shown = m_model->rowCount();
    m_countLabel->setText(shown == total
            ? tr("%n prospect(s)", nullptr, total)
            : tr("%1 of %n prospect(s) shown", nullptr, total).arg(QLocale().toString(shown)));
}

std::optional<Prospect> MainWindow::currentProspect() const
{
    if (!m_timelineModel || !m_timelineModel->summary())
        return std::nullopt;
    return m_timelineModel->summary()->prospect;
}

void MainWindow::showCurrentProspectTimeline()
{
    if (!m_timelineModel)
        return;
    m_timelineModel->setProspect(m_model->idAt(m_table->currentIndex().row()));
    updateActions();
}

void MainWindow::openTouchDialog(const Prospect &prospect, const Touch &touch)
{
    const Touch before = touch;
    qint64 savedId = touch.id;
    LogTouchDialog dialog(
        prospect.displayName(), touch,
        [this, before, &savedId](const Touch &after, QString *message) {
            Error error;
            const bool ok = before.id ? m_touchEditor->edit(before, after, &error)
                                      : m_touchEditor->log(after, &savedId, &error);
            if (!ok)
                *message = error.message;
            return ok;
        },
        this);
    // The offer is optional: if the plan cannot be read, the touch is still logged.
    QList<PlannedStep> planned;
    if (!touch.id && EnrollmentRepository(*m_db).planned(prospect.id, &planned, nullptr)
        && !planned.isEmpty())
        dialog.offerStep(planned.first());
    if (dialog.exec() == QDialog::Accepted)
        m_timeline->selectTouch(savedId);
}

void MainWindow::logTouch()
{
    const std::optional<Prospect> prospect = currentProspect();
    if (!prospect || !m_db || m_db->isReadOnly())
        return;
    Touch touch;
    touch.prospectId = prospect->id;
    touch.occurredAt = QDateTime::currentDateTimeUtc();
    openTouchDialog(*prospect, touch);
}

void MainWindow::editTouch()
{
    const std::optional<Prospect> prospect = currentProspect();
    const std::optional<Touch> touch = m_timeline->currentTouch();
    if (prospect && touch && !m_db->isReadOnly())
        openTouchDialog(*prospect, *touch);
}

void MainWindow::deleteTouch()
{
    const std::optional<Touch> touch = m_timeline->currentTouch();
    if (!touch || m_db->isReadOnly() || !m_touchEditor->remove(touch->id))
        return;
    statusBar()->showMessage(tr("Deleted the touch. Undo with %1.")
                                 .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)),
        statusMessageMs);
}

void MainWindow::contactProspect(TouchChannel channel)
{
    const std::optional<Prospect> prospect = currentProspect();
    if (!prospect)
        return;
    QUrl url;
    QString missing;
    switch (channel) {
    case TouchChannel::Email:
        url = ContactLinks::mailto(prospect->email);
        missing = tr("%1 has no usable email address.");
        break;
    case TouchChannel::Phone:
        url = ContactLinks::tel(prospect->phone);
        missing = tr("%1 has no usable phone number.");
        break;
    case TouchChannel::Sms:
        url = ContactLinks::sms(prospect->phone);
        missing = tr("%1 has no usable phone number for a text message.");
        break;
    case TouchChannel::LinkedIn:
        url = ContactLinks::web(prospect->linkedInUrl);
        missing = tr("%1 has no LinkedIn profile address starting with https://.");
        break;
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        return;
    }
    if (!ContactLinks::isSafeToOpen(url)) {
        showError(missing.arg(prospect->displayName()));
        return;
    }
    if (!m_openUrl(url)) {
        showError(tr("No program on this computer opens %1 links.").arg(url.scheme()));
        return;
    }
    if (m_db->isReadOnly())
        return;
    // Offer to record what just happened, with the likely answers filled in.
    Touch touch;
    touch.prospectId = prospect->id;
    touch.channel = channel;
    touch.direction = TouchDirection::Out;
    touch.outcome = outcomesFor(channel, TouchDirection::Out).value(0, TouchOutcome::Sent);
    touch.occurredAt = QDateTime::currentDateTimeUtc();
    openTouchDialog(*prospect, touch);
}

void MainWindow::liftDoNotContact()
{
    const std::optional<Prospect> prospect = currentProspect();
    if (!prospect)
        return;
    const auto answer = QMessageBox::question(this, tr("Lift Do Not Contact"),
        tr("Did %1 agree to hear from you again? Lifting allows outbound touches; the timeline "
           "records who lifted it and when.")
            .arg(prospect->displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_touchEditor->liftDoNotContact(prospect->id);
}

void MainWindow::showError(const QString &message)
{
    QMessageBox::warning(this, tr("Touchline"), message);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    AppSettings::setSplitterState(m_splitter->saveState());
    // An export or backup still running stops, leaving nothing behind.
    for (BackgroundWork *work : findChildren<BackgroundWork *>())
        work->cancel();
    closeDatabase();
    event->accept();
}

} // namespace Touchline
