#include "ImportWizard.h"

#include "AppSettings.h"
#include "PaletteColors.h"
#include "storage/Database.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>

namespace Touchline {

namespace {

constexpr int previewRows = 20;
constexpr int readDelayMs = 400;
// The per-row choice that follows the one made for all rows.
constexpr int followDefault = -1;

// A page whose completeness and set-up the wizard decides, so that the state
// of all pages stays in one place.
class WizardPage : public QWizardPage
{
public:
    std::function<bool()> complete;
    std::function<void()> initialize;
    std::function<void()> cleanup;

    bool isComplete() const override { return complete ? complete() : true; }
    // QWizard::next() does not ask isComplete(): nothing moves on while a read
    // or a plan is still running.
    bool validatePage() override { return isComplete(); }
    void initializePage() override
    {
        if (initialize)
            initialize();
    }
    void cleanupPage() override
    {
        QWizardPage::cleanupPage();
        if (cleanup)
            cleanup();
    }
};

QString delimiterName(QChar delimiter)
{
    if (delimiter.isNull())
        return ImportWizard::tr("None (vCard)");
    if (delimiter == QLatin1Char(','))
        return ImportWizard::tr("Comma");
    if (delimiter == QLatin1Char(';'))
        return ImportWizard::tr("Semicolon");
    if (delimiter == QLatin1Char('\t'))
        return ImportWizard::tr("Tab");
    return QString(delimiter);
}

QString columnName(const QStringList &header, int column)
{
    const QString name = header.value(column).trimmed();
    return name.isEmpty() ? ImportWizard::tr("Column %1").arg(column + 1) : name;
}

QString actionName(DuplicateAction action)
{
    switch (action) {
    case DuplicateAction::Skip:
        return ImportWizard::tr("Skip");
    case DuplicateAction::UpdateEmpty:
        return ImportWizard::tr("Update empty fields");
    case DuplicateAction::Overwrite:
        return ImportWizard::tr("Overwrite");
    }
    return {};
}

QLabel *warningLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    PaletteColors::setWarningText(label);
    label->hide();
    return label;
}

QLabel *valueLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A line that says what runs in the background, with a busy bar; hidden.
QWidget *progressRow(const char *objectName, QLabel *label)
{
    auto *row = new QWidget;
    row->setObjectName(QString::fromLatin1(objectName));
    auto *bar = new QProgressBar;
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(bar, 1);
    row->hide();
    return row;
}

} // namespace

// What a worker thread read from the file.
struct ImportWizard::FileRead
{
    bool read = false;
    ImportTable table;
    Error error;
};

// What a worker thread found of the rows already in the Touchline file.
struct ImportWizard::PlanMade
{
    bool planned = false;
    ImportPlan plan;
    Error error;
};

ImportWizard::ImportWizard(const QString &databasePath, qint64 authorId, QWidget *parent)
    : QWizard(parent)
    , m_databasePath(databasePath)
    , m_authorId(authorId)
    , m_chooseFile(
          [this](const QString &title, const QString &start, const QString &filter) -> QString {
              return QFileDialog::getOpenFileName(this, title, start, filter);
          })
{
    setWindowTitle(tr("Import Prospects"));
    setObjectName(QStringLiteral("importWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    setPage(FilePage, createFilePage());
    setPage(ColumnsPage, createColumnsPage());
    setPage(DuplicatesPage, createDuplicatesPage());
    setPage(ImportPage, createImportPage());
    setMinimumSize(720, 540);
    resize(860, 620);
}

ImportWizard::~ImportWizard()
{
    // QDialog's destructor hides the window, which takes the focus from the
    // path field: its editingFinished must not reach this half-destroyed wizard.
    m_path->disconnect(this);
}

QWizardPage *ImportWizard::createFilePage()
{
    auto *page = new WizardPage;
    page->setTitle(tr("Choose a File"));
    page->setSubTitle(tr("Contacts exported from a CRM, LinkedIn, Google or Outlook, a "
                         "spreadsheet saved as CSV, or vCards."));
    page->complete = [this] { return fileIsRead(); };

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("filePath"));
    m_path->setPlaceholderText(tr("A .csv, .vcf or .txt file"));
    m_path->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &ImportWizard::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("preset"));
    for (ImportPreset preset : allPresets())
        m_preset->addItem(presetDisplayName(preset), presetKey(preset));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(presetKey(ImportPreset::Auto))));
    m_preset->setToolTip(tr("Where the file comes from, which says what its columns hold"));

    // Typing reads the file after a pause; leaving the field reads it at once.
    m_readTimer = new QTimer(this);
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(readDelayMs);
    connect(m_readTimer, &QTimer::timeout, this, &ImportWizard::readFile);
    connect(m_path, &QLineEdit::textEdited, this, [this, page] {
        m_readTimer->start();
        Q_EMIT page->completeChanged();
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_readTimer->isActive())
            readFile();
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ImportWizard::readFile);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&File:"), pathRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(pathRow)))
        label->setBuddy(m_path);
    form->addRow(tr("F&ormat:"), m_preset);

    m_readingLabel = new QLabel;
    m_readProgress = progressRow("readProgress", m_readingLabel);
    m_fileError = warningLabel("fileError");

    auto *details = new QGroupBox(tr("Read from the file"));
    m_fileDetails = details;
    m_fileDetails->setObjectName(QStringLiteral("fileDetails"));
    auto *detailsForm = new QFormLayout(details);
    m_encoding = valueLabel("encodingValue");
    m_delimiter = valueLabel("delimiterValue");
    m_detectedPreset = valueLabel("presetValue");
    m_rowCount = valueLabel("rowCountValue");
    m_rowCount->setWordWrap(true);
    detailsForm->addRow(tr("Encoding:"), m_encoding);
    detailsForm->addRow(tr("Separator:"), m_delimiter);
    detailsForm->addRow(tr("Read as:"), m_detectedPreset);
    detailsForm->addRow(tr("Rows:"), m_rowCount);
    m_fileDetails->hide();

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_readProgress);
    layout->addWidget(m_fileError);
    layout->addWidget(m_fileDetails);
    layout->addStretch();
    return page;
}

void ImportWizard::setOpenFileChooser(ImportResultView::FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
}

void ImportWizard::browse()
{
    const QString current = m_path->text().trimmed();
    const QString start
        = current.isEmpty() ? AppSettings::importFolder() : QFileInfo(current).absolutePath();
    const QString path = m_chooseFile(
        tr("Import Prospects From"), start, tr("Contacts (*.csv *.vcf *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFilePath(path);
}

void ImportWizard::setFilePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    readFile();
}

ImportPreset ImportWizard::chosenPreset() const
{
    ImportPreset preset = ImportPreset::Auto;
    presetFromKey(m_preset->currentData().toString(), &preset);
    return preset;
}

void ImportWizard::readFile()
{
    m_readTimer->stop();
    m_read = false;
    m_fileError->hide();
    m_fileDetails->hide();
    // Whatever read still runs is for a path or format no longer asked for.
    const int request = ++m_readRequests;
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    m_readProgress->setVisible(!path.isEmpty());
    if (path.isEmpty()) {
        Q_EMIT page(FilePage)->completeChanged();
        return;
    }
    const ImportPreset preset = chosenPreset();
    m_readingLabel->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<FileRead>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request, path, preset] {
        watcher->deleteLater();
        if (request == m_readRequests)
            showFileRead(path, preset, watcher->result());
    });
    // The worker holds copies only: the wizard may be gone before it ends.
    watcher->setFuture(QtConcurrent::run([path, preset] {
        FileRead read;
        read.read = ProspectFileReader::readFile(path, preset, &read.table, &read.error);
        return read;
    }));
    Q_EMIT page(FilePage)->completeChanged();
}

void ImportWizard::showFileRead(const QString &path, ImportPreset preset, const FileRead &read)
{
    m_readProgress->hide();
    const ImportTable &table = read.table;
    if (!read.read) {
        m_fileError->setText(read.error.message);
        m_fileError->show();
    } else if (table.rows.isEmpty()) {
        m_fileError->setText(
            tr("%1 has no rows to import below its header.").arg(QDir::toNativeSeparators(path)));
        m_fileError->show();
    } else {
        m_table = table;
        m_read = true;
        m_readPath = path;
        m_readPreset = preset;
        ++m_readCount;
        AppSettings::setImportFolder(QFileInfo(path).absolutePath());
        m_encoding->setText(table.encoding);
        m_delimiter->setText(delimiterName(table.delimiter));
        m_detectedPreset->setText(preset == ImportPreset::Auto
                ? tr("%1 (recognised)").arg(presetDisplayName(table.preset))
                : presetDisplayName(table.preset));
        const int rows = int(table.rows.size());
        const int unreadable = int(table.readProblems.size());
        m_rowCount->setText(unreadable == 0
                ? tr("%Ln row(s)", nullptr, rows)
                : tr("%1; %Ln unreadable line(s), left out (Show Problems lists them)", nullptr,
                    unreadable)
                      .arg(tr("%Ln row(s)", nullptr, rows)));
        m_fileDetails->show();
    }
    Q_EMIT page(FilePage)->completeChanged();
}

bool ImportWizard::fileIsRead() const
{
    return m_read && m_readPath == QDir::fromNativeSeparators(m_path->text().trimmed())
        && m_readPreset == chosenPreset() && !m_readTimer->isActive();
}

QWizardPage *ImportWizard::createColumnsPage()
{
    auto *page = new WizardPage;
    page->setTitle(tr("Match the Columns"));
    page->setSubTitle(tr("Choose what each column of the file holds. Columns set to “%1” are "
                         "not imported.")
                          .arg(importFieldDisplayName(ImportField::Ignore)));
    page->initialize = [this] { showColumns(); };

    m_mapping = new QTableWidget(0, 3);
    m_mapping->setObjectName(QStringLiteral("columnMapping"));
    m_mapping->setHorizontalHeaderLabels({tr("Column"), tr("First values"), tr("Imports as")});
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    // Tab moves between the choices, not between cells.
    m_mapping->setTabKeyNavigation(false);
    m_mapping->setFocusPolicy(Qt::NoFocus);
    m_mapping->setWordWrap(false);
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *mappingLabel = new QLabel(tr("Columns of the file:"));

    m_previewModel = new QStandardItemModel(this);
    m_preview = new QTableView;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setModel(m_previewModel);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    auto *previewLabel = new QLabel(tr("&Preview of the first rows (greyed columns are ignored):"));
    previewLabel->setBuddy(m_preview);

    m_mappingWarning = warningLabel("mappingWarning");

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(mappingLabel);
    topLayout->addWidget(m_mapping);
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(previewLabel);
    bottomLayout->addWidget(m_preview);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    // The choices matter more than the preview, which needs a few rows only.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_mappingWarning);
    layout->addWidget(splitter, 1);
    return page;
}

void ImportWizard::showColumns()
{
    // Back and Next again keep the corrections made to the same read.
    if (m_columnsShown == m_readCount)
        return;
    m_columnsShown = m_readCount;
    const int columns = int(m_table.header.size());
    const int rows = int(std::min<qsizetype>(m_table.rows.size(), previewRows));

    m_previewModel->clear();
    m_previewModel->setColumnCount(columns);
    m_previewModel->setRowCount(rows);
    for (int column = 0; column < columns; ++column)
        m_previewModel->setHeaderData(
            column, Qt::Horizontal, columnName(m_table.header, column), Qt::DisplayRole);
    for (int row = 0; row < rows; ++row) {
        const CsvRecord &record = m_table.rows.at(row);
        m_previewModel->setHeaderData(row, Qt::Vertical, record.line, Qt::DisplayRole);
        for (int column = 0; column < columns; ++column)
            m_previewModel->setItem(row, column, new QStandardItem(record.fields.value(column)));
    }

    m_mapping->clearContents();
    m_mapping->setRowCount(columns);
    const QList<ImportField> fields = allImportFields();
    for (int column = 0; column < columns; ++column) {
        m_mapping->setItem(column, 0, new QTableWidgetItem(columnName(m_table.header, column)));
        QStringList examples;
        for (const CsvRecord &record : std::as_const(m_table.rows)) {
            const QString value = record.fields.value(column).simplified();
            if (!value.isEmpty())
                examples.append(value);
            if (examples.size() == 3)
                break;
        }
        auto *example = new QTableWidgetItem(examples.join(QLatin1String(", ")));
        example->setToolTip(example->text());
        m_mapping->setItem(column, 1, example);

        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("mapping%1").arg(column));
        combo->setAccessibleName(tr("Imports %1 as").arg(columnName(m_table.header, column)));
        for (ImportField field : fields)
            combo->addItem(importFieldDisplayName(field), int(field));
        const ImportField mapped = m_table.mapping.value(column, ImportField::Ignore);
        combo->setCurrentIndex(std::max(0, combo->findData(int(mapped))));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, column, combo] {
            setMapping(column, ImportField(combo->currentData().toInt()));
        });
        m_mapping->setCellWidget(column, 2, combo);
        setMapping(column, mapped);
    }
    m_mapping->resizeColumnToContents(0);
    m_mapping->resizeColumnToContents(2);
    m_mapping->horizontalHeader()->resizeSection(
        2, m_mapping->horizontalHeader()->sectionSize(2) + 24);
    m_preview->resizeColumnsToContents();
    const int maxWidth = m_preview->fontMetrics().averageCharWidth() * 28;
    for (int column = 0; column < columns; ++column)
        m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), maxWidth));
    updateMappingWarning();
}

void ImportWizard::setMapping(int column, ImportField field)
{
    while (m_table.mapping.size() <= column)
        m_table.mapping.append(ImportField::Ignore);
    m_table.mapping[column] = field;
    const bool ignored = field == ImportField::Ignore;
    for (int row = 0; row < m_previewModel->rowCount(); ++row) {
        if (QStandardItem *item = m_previewModel->item(row, column))
            item->setEnabled(!ignored);
    }
    m_previewModel->setHeaderData(column, Qt::Horizontal,
        tr("Imported as %1").arg(importFieldDisplayName(field)), Qt::ToolTipRole);
    updateMappingWarning();
}

void ImportWizard::updateMappingWarning()
{
    static const QList<ImportField> identifying = {ImportField::FullName, ImportField::FirstName,
        ImportField::LastName, ImportField::Company, ImportField::Email};
    const bool identified = std::any_of(m_table.mapping.cbegin(), m_table.mapping.cend(),
        [](ImportField field) { return identifying.contains(field); });
    m_mappingWarning->setText(identified
            ? QString()
            : tr("No column is imported as a name, a company or an email address, so no "
                 "row can become a prospect. Choose what the columns hold below."));
    m_mappingWarning->setVisible(!identified);
}

QWizardPage *ImportWizard::createDuplicatesPage()
{
    auto *page = new WizardPage;
    page->setTitle(tr("Rows Already in the File"));
    page->setSubTitle(tr("Rows are matched to prospects by email address, or by LinkedIn profile "
                         "when they have no email address."));
    page->setCommitPage(true);
    page->initialize = [this] { makePlan(); };
    // Back while planning: the plan is for a mapping that may change.
    page->cleanup = [this] {
        ++m_planRequests;
        m_planProgress->hide();
    };
    page->complete = [this] { return m_planned && !m_plan.rows.isEmpty(); };

    m_planProgress = progressRow("planProgress", new QLabel(tr("Checking for duplicates…")));
    m_newCount = valueLabel("newCount");
    m_duplicateCount = valueLabel("duplicateCount");
    m_problemCount = valueLabel("problemCount");
    m_planCounts = new QWidget;
    auto *counts = new QFormLayout(m_planCounts);
    counts->setContentsMargins(0, 0, 0, 0);
    counts->addRow(tr("New prospects:"), m_newCount);
    counts->addRow(tr("Already in the file:"), m_duplicateCount);
    m_showProblems = new QPushButton(tr("Show &Problems…"));
    m_showProblems->setObjectName(QStringLiteral("showProblemsButton"));
    m_showProblems->setToolTip(tr("List the rows that cannot be imported, and why"));
    connect(m_showProblems, &QPushButton::clicked, this, &ImportWizard::showPlanProblems);
    auto *problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problemCount);
    problemRow->addWidget(m_showProblems);
    problemRow->addStretch();
    counts->addRow(tr("Rows with problems:"), problemRow);
    m_planError = warningLabel("planError");

    auto *choice = new QGroupBox(tr("For the rows already in the file"));
    m_duplicateChoice = choice;
    m_defaultAction = new QButtonGroup(this);
    auto *choiceLayout = new QVBoxLayout(choice);
    const struct
    {
        DuplicateAction action;
        const char *objectName;
        QString text;
    } actions[] = {
        {DuplicateAction::Skip, "skipDuplicates",
            tr("&Skip them: leave the prospects as they are")},
        {DuplicateAction::UpdateEmpty, "updateDuplicates",
            tr("&Update empty fields: fill in only what the prospects lack")},
        {DuplicateAction::Overwrite, "overwriteDuplicates",
            tr("&Overwrite: take every value the file has")},
    };
    for (const auto &entry : actions) {
        auto *button = new QRadioButton(entry.text);
        button->setObjectName(QString::fromLatin1(entry.objectName));
        m_defaultAction->addButton(button, int(entry.action));
        choiceLayout->addWidget(button);
    }
    m_defaultAction->button(int(DuplicateAction::Skip))->setChecked(true);
    connect(m_defaultAction, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateDefaultActionTexts();
    });

    m_duplicates = new QTableWidget(0, 5);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->setHorizontalHeaderLabels(
        {tr("Line"), tr("Name"), tr("Email"), tr("In the file"), tr("Action")});
    m_duplicates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_duplicates->setSelectionMode(QAbstractItemView::NoSelection);
    m_duplicates->setTabKeyNavigation(false);
    m_duplicates->setFocusPolicy(Qt::NoFocus);
    m_duplicates->setWordWrap(false);
    m_duplicates->verticalHeader()->hide();
    m_duplicates->horizontalHeader()->setStretchLastSection(true);
    auto *tableLabel = new QLabel(tr("Each row may have its own choice:"));
    choiceLayout->addSpacing(6);
    choiceLayout->addWidget(tableLabel);
    choiceLayout->addWidget(m_duplicates, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_planProgress);
    layout->addWidget(m_planCounts);
    layout->addWidget(m_planError);
    layout->addWidget(m_duplicateChoice, 1);
    layout->addStretch();
    return page;
}

void ImportWizard::makePlan()
{
    m_planned = false;
    m_plan = ImportPlan();
    m_planError->hide();
    m_planCounts->hide();
    m_duplicateChoice->hide();
    m_planProgress->show();
    const int request = ++m_planRequests;
    auto *watcher = new QFutureWatcher<PlanMade>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request == m_planRequests)
            showPlan(watcher->result());
    });
    // Reading only, on a connection of its own that is opened, used and closed
    // in the worker: SQLite connections cannot cross threads.
    watcher->setFuture(QtConcurrent::run([databasePath = m_databasePath, table = m_table] {
        PlanMade made;
        Database db;
        made.planned = db.open(databasePath, Database::Creation::MustExist,
                           Database::Access::ReadOnly, &made.error)
            && ProspectImporter(db).plan(table, &made.plan, &made.error);
        return made;
    }));
    Q_EMIT page(DuplicatesPage)->completeChanged();
}

void ImportWizard::showPlan(const PlanMade &made)
{
    m_planProgress->hide();
    m_planCounts->show();
    m_planned = made.planned;
    m_plan = made.plan;
    if (!m_planned) {
        m_planError->setText(made.error.message);
        m_planError->show();
    } else if (m_plan.rows.isEmpty()) {
        m_planError->setText(tr("None of the rows can become a prospect. Go back to choose what "
                                "the columns hold."));
        m_planError->show();
    }

    const int duplicates = m_planned ? m_plan.duplicateCount() : 0;
    m_newCount->setText(QLocale().toString(int(m_plan.rows.size()) - duplicates));
    m_duplicateCount->setText(QLocale().toString(duplicates));
    m_problemCount->setText(QLocale().toString(m_plan.problems.size()));
    m_showProblems->setVisible(!m_plan.problems.isEmpty());
    m_duplicateChoice->setVisible(duplicates > 0);

    m_duplicates->clearContents();
    m_duplicates->setRowCount(duplicates);
    int row = 0;
    for (const ImportPlanRow &planRow : std::as_const(m_plan.rows)) {
        if (!planRow.existing)
            continue;
        const Prospect &incoming = planRow.candidate.prospect;
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, planRow.candidate.line);
        m_duplicates->setItem(row, 0, line);
        m_duplicates->setItem(row, 1, new QTableWidgetItem(incoming.displayName()));
        m_duplicates->setItem(row, 2, new QTableWidgetItem(incoming.email));
        const Prospect &existing = *planRow.existing;
        m_duplicates->setItem(row, 3,
            new QTableWidgetItem(existing.company.isEmpty()
                    ? existing.displayName()
                    : tr("%1 (%2)").arg(existing.displayName(), existing.company)));
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("duplicateAction%1").arg(planRow.candidate.line));
        combo->setAccessibleName(tr("What to do with line %1").arg(planRow.candidate.line));
        combo->addItem(QString(), followDefault);
        for (DuplicateAction action :
            {DuplicateAction::Skip, DuplicateAction::UpdateEmpty, DuplicateAction::Overwrite})
            combo->addItem(actionName(action), int(action));
        m_duplicates->setCellWidget(row, 4, combo);
        ++row;
    }
    updateDefaultActionTexts();
    m_duplicates->resizeColumnsToContents();
    Q_EMIT page(DuplicatesPage)->completeChanged();
}

void ImportWizard::updateDefaultActionTexts()
{
    const QString text
        = tr("As chosen above (%1)").arg(actionName(DuplicateAction(m_defaultAction->checkedId())));
    for (int row = 0; row < m_duplicates->rowCount(); ++row) {
        if (auto *combo = qobject_cast<QComboBox *>(m_duplicates->cellWidget(row, 4)))
            combo->setItemText(0, text);
    }
}

void ImportWizard::showPlanProblems()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("planProblemsDialog"));
    dialog.setWindowTitle(tr("Rows with Problems"));
    auto *label = new QLabel(
        tr("These rows of %1 will not be imported. Correct them in the file and read it again, "
           "or import the other rows now.")
            .arg(QFileInfo(m_readPath).fileName()));
    label->setWordWrap(true);
    auto *table = new ProblemTable;
    table->setObjectName(QStringLiteral("planProblems"));
    table->setProblems(m_plan.problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    dialog.resize(620, 360);
    dialog.exec();
}

ImportOptions ImportWizard::options() const
{
    ImportOptions options;
    options.onDuplicate = DuplicateAction(m_defaultAction->checkedId());
    options.authorId = m_authorId;
    for (int row = 0; row < m_duplicates->rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(m_duplicates->cellWidget(row, 4));
        const int chosen = combo ? combo->currentData().toInt() : followDefault;
        if (chosen != followDefault)
            options.perLine.insert(
                m_duplicates->item(row, 0)->data(Qt::DisplayRole).toInt(), DuplicateAction(chosen));
    }
    return options;
}

QWizardPage *ImportWizard::createImportPage()
{
    auto *page = new WizardPage;
    page->setTitle(tr("Import"));
    page->setSubTitle(tr("The rows are stored all at once: if the import is cancelled or fails, "
                         "the file stays as it was."));
    page->initialize = [this] { startImport(); };
    page->complete = [this] { return m_result->hasFinished(); };
    m_result = new ImportResultView;
    m_result->setObjectName(QStringLiteral("importResult"));
    connect(m_result, &ImportResultView::finished, this, [this, page] {
        // Nothing is left to cancel: Finish closes.
        setOption(QWizard::NoCancelButton);
        Q_EMIT page->completeChanged();
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_result);
    return page;
}

void ImportWizard::startImport()
{
    const ImportPlan plan = m_plan;
    const ImportOptions chosen = options();
    m_result->run(m_databasePath, m_readPath,
        [plan, chosen](
            Database &db, const ImportProgress &progress, ImportSummary *summary, Error *error) {
            return ProspectImporter(db).apply(plan, chosen, progress, summary, error);
        });
}

bool ImportWizard::imported() const
{
    return m_result->hasFinished() && m_result->result() == ImportResult::Finished;
}

void ImportWizard::reject()
{
    if (m_result->isRunning()) {
        m_result->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace Touchline
