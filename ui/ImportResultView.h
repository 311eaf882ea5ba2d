#pragma once

#include "ImportRunner.h"

#include <QDialog>
#include <QTableWidget>
#include <QWidget>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace Touchline {

// The rows an import leaves out, line and reason, read-only: what the Duplicates
// page shows before an import and the result view after it.
class ProblemTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit ProblemTable(QWidget *parent = nullptr);
    void setProblems(const QList<RowProblem> &problems);
};

// An import as it runs and what it did: a progress bar with Cancel, then the
// summary line and the rows that were not imported, which "Save List…" writes
// to a CSV file next to the imported one. Shared by every kind of import.
class ImportResultView : public QWidget
{
    Q_OBJECT
public:
    // Asks where to save; an empty answer cancels. Tests replace the dialog.
    using FileChooser = std::function<QString(
        const QString &title, const QString &suggestedPath, const QString &filter)>;

    explicit ImportResultView(QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser);

    // Runs `job` on the file at `databasePath` in the background. `sourcePath`
    // is the file being imported, named while it runs.
    void run(const QString &databasePath, const QString &sourcePath, ImportRunner::Job job);
    bool isRunning() const { return m_runner->isRunning(); }
    bool hasFinished() const { return m_finished; }
    void cancel();

    // The outcome of the finished run.
    ImportResult result() const { return m_runner->result(); }
    const ImportSummary &summary() const { return m_runner->summary(); }
    // What the view says about it: the summary line or why nothing was imported.
    QString outcomeText() const;

Q_SIGNALS:
    void finished(Touchline::ImportResult result);

private:
    void showOutcome();
    void saveProblems();

    ImportRunner *m_runner = nullptr;
    FileChooser m_chooseFile;
    QString m_sourcePath;
    bool m_finished = false;

    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_problemsLabel = nullptr;
    ProblemTable *m_problems = nullptr;
    QPushButton *m_saveList = nullptr;
    QLabel *m_saveStatus = nullptr;
};

// An import with its own window (File > Import Touch History): Close once it
// has finished; Escape and the window's close button cancel it while it runs.
class ImportRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportRunDialog(const QString &title, QWidget *parent = nullptr);

    ImportResultView *view() const { return m_view; }
    void reject() override;

private:
    ImportResultView *m_view = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Touchline
