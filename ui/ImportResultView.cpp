#include "ImportResultView.h"

#include "PaletteColors.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

#include <algorithm>

namespace Touchline {

ProblemTable::ProblemTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Line"), tr("Reason")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
}

void ProblemTable::setProblems(const QList<RowProblem> &problems)
{
    clearContents();
    setRowCount(int(problems.size()));
    for (int row = 0; row < problems.size(); ++row) {
        const RowProblem &problem = problems.at(row);
        auto *line = new QTableWidgetItem;
        if (problem.line > 0)
            line->setData(Qt::DisplayRole, problem.line);
        else
            line->setText(tr("File"));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 0, line);
        auto *reason = new QTableWidgetItem(problem.reason);
        reason->setToolTip(problem.reason);
        setItem(row, 1, reason);
    }
    resizeColumnToContents(0);
}

ImportResultView::ImportResultView(QWidget *parent)
    : QWidget(parent)
    , m_runner(new ImportRunner(this))
    , m_chooseFile([this](const QString &title, const QString &suggestedPath,
                       const QString &filter) -> QString {
        return QFileDialog::getSaveFileName(this, title, suggestedPath, filter);
    })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_cancel = new QPushButton(tr("Cancel &Import"));
    m_cancel->setObjectName(QStringLiteral("cancelImportButton"));
    connect(m_cancel, &QPushButton::clicked, this, &ImportResultView::cancel);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    PaletteColors::setWarningText(m_error);
    m_error->hide();
    layout->addWidget(m_error);

    m_problemsLabel = new QLabel;
    m_problemsLabel->setObjectName(QStringLiteral("failedRowsLabel"));
    m_problemsLabel->setWordWrap(true);
    layout->addWidget(m_problemsLabel);
    m_problems = new ProblemTable;
    m_problems->setObjectName(QStringLiteral("failedRows"));
    m_problemsLabel->setBuddy(m_problems);
    layout->addWidget(m_problems, 1);

    auto *saveRow = new QHBoxLayout;
    m_saveStatus = new QLabel;
    m_saveStatus->setObjectName(QStringLiteral("saveListStatus"));
    m_saveStatus->setWordWrap(true);
    m_saveList = new QPushButton(tr("&Save List…"));
    m_saveList->setObjectName(QStringLiteral("saveListButton"));
    m_saveList->setToolTip(tr("Save the rows that were not imported, with the reasons, as CSV"));
    connect(m_saveList, &QPushButton::clicked, this, &ImportResultView::saveProblems);
    saveRow->addWidget(m_saveStatus, 1);
    saveRow->addWidget(m_saveList);
    layout->addLayout(saveRow);
    // Holds the rest at the top while the table is hidden; the table takes the
    // room when shown, having the larger stretch.
    layout->addStretch();

    for (QWidget *widget :
        {static_cast<QWidget *>(m_problemsLabel), static_cast<QWidget *>(m_problems),
            static_cast<QWidget *>(m_saveList), static_cast<QWidget *>(m_saveStatus)})
        widget->hide();

    connect(m_runner, &ImportRunner::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(std::min(done, std::max(total, 1)));
    });
    connect(m_runner, &ImportRunner::finished, this, &ImportResultView::showOutcome);
}

void ImportResultView::setFileChooser(FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
}

void ImportResultView::run(
    const QString &databasePath, const QString &sourcePath, ImportRunner::Job job)
{
    if (isRunning())
        return;
    m_sourcePath = sourcePath;
    m_finished = false;
    m_status->setText(tr("Importing %1…").arg(QFileInfo(sourcePath).fileName()));
    // Busy until the import reports how many rows it has.
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_error->hide();
    for (QWidget *widget :
        {static_cast<QWidget *>(m_problemsLabel), static_cast<QWidget *>(m_problems),
            static_cast<QWidget *>(m_saveList), static_cast<QWidget *>(m_saveStatus)})
        widget->hide();
    m_runner->start(databasePath, std::move(job));
}

void ImportResultView::cancel()
{
    if (!isRunning())
        return;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

QString ImportResultView::outcomeText() const
{
    return m_status->text();
}

void ImportResultView::showOutcome()
{
    m_finished = true;
    m_progress->hide();
    m_cancel->hide();
    const ImportResult outcome = m_runner->result();
    switch (outcome) {
    case ImportResult::Finished:
        m_status->setText(ImportText::summaryLine(m_runner->summary()));
        break;
    case ImportResult::Cancelled:
        m_status->setText(tr("Nothing was imported."));
        break;
    case ImportResult::Failed:
        m_status->setText(tr("Nothing was imported."));
        m_error->setText(m_runner->error().message);
        m_error->show();
        break;
    }
    // After a cancelled or failed run the rows were not looked at to the end:
    // a list of them would be incomplete.
    const QList<RowProblem> &failed = m_runner->summary().failed;
    if (outcome == ImportResult::Finished && !failed.isEmpty()) {
        m_problemsLabel->setText(tr("&Not imported: %n row(s)", nullptr, int(failed.size())));
        m_problems->setProblems(failed);
        m_saveStatus->clear();
        for (QWidget *widget :
            {static_cast<QWidget *>(m_problemsLabel), static_cast<QWidget *>(m_problems),
                static_cast<QWidget *>(m_saveList), static_cast<QWidget *>(m_saveStatus)})
            widget->show();
    }
    Q_EMIT finished(outcome);
}

void ImportResultView::saveProblems()
{
    const QFileInfo source(m_sourcePath);
    const QString suggested
        = source.dir().filePath(tr("%1 - not imported.csv").arg(source.completeBaseName()));
    const QString path
        = m_chooseFile(tr("Save Rows Not Imported"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    const bool saved = file.open(QIODevice::WriteOnly)
        && file.write(ImportText::problemsCsv(m_runner->summary().failed).toUtf8()) >= 0
        && file.commit();
    m_saveStatus->setText(saved ? tr("Saved the list to %1.").arg(name) : QString());
    m_error->setText(saved ? QString() : tr("Could not save %1: %2").arg(name, file.errorString()));
    m_error->setVisible(!saved);
}

ImportRunDialog::ImportRunDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_view(new ImportResultView)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportRunDialog::reject);
    connect(m_view, &ImportResultView::finished, this, [this] {
        QPushButton *close = m_buttons->button(QDialogButtonBox::Close);
        close->setEnabled(true);
        close->setDefault(true);
        close->setFocus();
        // Room for the rows that were not imported, when there are some, and
        // for a message that wraps.
        const bool listed = !m_view->summary().failed.isEmpty();
        const int newWidth = std::max(width(), listed ? 680 : 0);
        const int needed = hasHeightForWidth() ? heightForWidth(newWidth) : sizeHint().height();
        resize(newWidth, std::max({height(), needed, listed ? 420 : 0}));
    });
    setMinimumWidth(520);
    resize(560, sizeHint().height());
}

void ImportRunDialog::reject()
{
    if (m_view->isRunning()) {
        m_view->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace Touchline
