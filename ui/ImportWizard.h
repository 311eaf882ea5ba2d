#pragma once

#include "ImportResultView.h"
#include "io/ProspectImport.h"

#include <QWizard>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QTimer;

namespace Touchline {

// File > Import Prospects: a file of contacts (CSV from a CRM, LinkedIn or a
// spreadsheet, or vCard) read, its columns matched to prospect fields, the
// rows already in the Touchline file decided, then imported in the background
// in one transaction.
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, ColumnsPage, DuplicatesPage, ImportPage };

    // Imports into the Touchline file at `databasePath`, on connections of its
    // own; `authorId` is who imports (0: nobody recorded).
    ImportWizard(const QString &databasePath, qint64 authorId, QWidget *parent = nullptr);
    ~ImportWizard() override;

    // Puts `path` in the file field and starts reading it, in a worker thread.
    void setFilePath(const QString &path);
    // Browse… asks for the file to import with `chooser`; tests replace it. The
    // dialog of "Save List…" is the result view's.
    void setOpenFileChooser(ImportResultView::FileChooser chooser);

    // The file last read, and its contents with the columns as currently mapped.
    QString filePath() const { return m_readPath; }
    const ImportTable &table() const { return m_table; }
    ImportResultView *resultView() const { return m_result; }
    // Whether the import ran to the end and stored its rows.
    bool imported() const;

    // While importing, Cancel and Escape cancel the import instead of closing.
    void reject() override;

private:
    QWizardPage *createFilePage();
    QWizardPage *createColumnsPage();
    QWizardPage *createDuplicatesPage();
    QWizardPage *createImportPage();
    struct FileRead;
    struct PlanMade;

    void browse();
    void readFile();
    void showFileRead(const QString &path, ImportPreset preset, const FileRead &read);
    bool fileIsRead() const;
    void showColumns();
    void setMapping(int column, ImportField field);
    void updateMappingWarning();
    void makePlan();
    void showPlan(const PlanMade &made);
    void updateDefaultActionTexts();
    void showPlanProblems();
    ImportPreset chosenPreset() const;
    ImportOptions options() const;
    void startImport();

    QString m_databasePath;
    qint64 m_authorId = 0;
    ImportResultView::FileChooser m_chooseFile;

    ImportTable m_table;
    bool m_read = false;
    QString m_readPath;
    ImportPreset m_readPreset = ImportPreset::Auto;
    int m_readCount = 0;    // files read so far; the columns page follows the latest
    int m_columnsShown = 0; // the read the columns page shows
    // Reads and plans run in worker threads; each request counts, and a result
    // arriving after a later request is dropped.
    int m_readRequests = 0;
    int m_planRequests = 0;
    ImportPlan m_plan;
    bool m_planned = false;

    QLineEdit *m_path = nullptr;
    QComboBox *m_preset = nullptr;
    QTimer *m_readTimer = nullptr;
    QWidget *m_readProgress = nullptr;
    QLabel *m_readingLabel = nullptr;
    QLabel *m_fileError = nullptr;
    QWidget *m_fileDetails = nullptr;
    QLabel *m_encoding = nullptr;
    QLabel *m_delimiter = nullptr;
    QLabel *m_detectedPreset = nullptr;
    QLabel *m_rowCount = nullptr;

    QTableWidget *m_mapping = nullptr;
    QTableView *m_preview = nullptr;
    QStandardItemModel *m_previewModel = nullptr;
    QLabel *m_mappingWarning = nullptr;

    QWidget *m_planProgress = nullptr;
    QWidget *m_planCounts = nullptr;
    QLabel *m_newCount = nullptr;
    QLabel *m_duplicateCount = nullptr;
    QLabel *m_problemCount = nullptr;
    QPushButton *m_showProblems = nullptr;
    QLabel *m_planError = nullptr;
    QWidget *m_duplicateChoice = nullptr;
    QButtonGroup *m_defaultAction = nullptr;
    QTableWidget *m_duplicates = nullptr;

    ImportResultView *m_result = nullptr;
};

} // namespace Touchline
