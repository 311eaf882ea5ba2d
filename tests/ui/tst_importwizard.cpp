#include "ImportResultView.h"
#include "ImportWizard.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "storage/ProspectRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QStringConverter>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

using namespace Touchline;

namespace {

// A LinkedIn connections export: notes above the header, then three people, a
// row that names nobody (line 8) and a column no preset knows ("Desk"). When
// someone connected is not when they became a prospect: "Connected On" is ignored.
const QByteArray linkedInFile = "Notes:\n"
                                "\"When exporting your connection data, you may notice that some "
                                "of the email addresses are missing.\"\n"
                                "\n"
                                "First Name,Last Name,URL,Email Address,Company,Position,"
                                "Connected On,Desk\n"
                                "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,"
                                "Analytical,Engineer,01 Jan 2024,+44 20 7946 0001\n"
                                "Grace,Hopper,https://www.linkedin.com/in/grace,grace@example.com,"
                                "Navy,Admiral,02 Jan 2024,+1 555 0100\n"
                                "Alan,Turing,https://www.linkedin.com/in/alan,alan@example.com,"
                                "Bletchley,Cryptanalyst,03 Jan 2024,\n"
                                ",,,,,Intern,04 Jan 2024,\n";
constexpr int nobodyLine = 8;

const QList<ImportField> linkedInMapping
    = {ImportField::FirstName, ImportField::LastName, ImportField::LinkedInUrl, ImportField::Email,
        ImportField::Company, ImportField::Title, ImportField::Ignore, ImportField::Ignore};
constexpr int deskColumn = 7;

// A spreadsheet of `count` people, none named twice; large counts take a while
// to read and to check for duplicates.
QByteArray manyPeople(int count)
{
    QByteArray bytes = "Name,Email,Company\n";
    for (int i = 0; i < count; ++i)
        bytes
            += QStringLiteral("Person %1,p%1@example.com,Company %2\n").arg(i).arg(i % 7).toUtf8();
    return bytes;
}
constexpr int slowRows = 50000;

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static bool nextEnabled(ImportWizard &wizard)
    {
        return wizard.button(QWizard::NextButton)->isEnabled();
    }

    template<typename T> static T *child(QWidget &parent, const QString &name)
    {
        T *found = parent.findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    static bool showWizard(ImportWizard &wizard)
    {
        wizard.show();
        return QTest::qWaitForWindowExposed(&wizard);
    }

    // Whether a read or a plan runs in the background.
    static bool busy(ImportWizard &wizard)
    {
        return !child<QWidget>(wizard, QStringLiteral("readProgress"))->isHidden()
            || !child<QWidget>(wizard, QStringLiteral("planProgress"))->isHidden();
    }

    static bool waitUntilIdle(ImportWizard &wizard)
    {
        return QTest::qWaitFor([&wizard] { return !busy(wizard); }, 20000);
    }

    // Puts `path` in the wizard and waits for the read to end.
    static bool readFile(ImportWizard &wizard, const QString &path)
    {
        wizard.setFilePath(path);
        return waitUntilIdle(wizard);
    }

    // Clicks Next (or Import), waits for what the next page reads or plans and
    // says whether the wizard moved on.
    static bool clickNext(ImportWizard &wizard)
    {
        const int before = wizard.currentId();
        QAbstractButton *button = wizard.currentId() == ImportWizard::DuplicatesPage
            ? wizard.button(QWizard::CommitButton)
            : wizard.button(QWizard::NextButton);
        button->click();
        return wizard.currentId() != before && waitUntilIdle(wizard);
    }

    static QComboBox *mappingCombo(ImportWizard &wizard, int column)
    {
        auto *table = child<QTableWidget>(wizard, QStringLiteral("columnMapping"));
        return qobject_cast<QComboBox *>(table->cellWidget(column, 2));
    }

    static QList<ImportField> mappingShown(ImportWizard &wizard)
    {
        QList<ImportField> fields;
        auto *table = child<QTableWidget>(wizard, QStringLiteral("columnMapping"));
        for (int row = 0; row < table->rowCount(); ++row)
            fields.append(ImportField(mappingCombo(wizard, row)->currentData().toInt()));
        return fields;
    }

    static QString text(QWidget &parent, const char *labelName)
    {
        return child<QLabel>(parent, QString::fromLatin1(labelName))->text();
    }

    // Every prospect in the file, by email address.
    static QList<Prospect> storedProspects(Database &db)
    {
        ProspectRepository repository(db);
        QList<qint64> ids;
        QList<Prospect> prospects;
        Error error;
        if (!repository.ids(ProspectQuery(), &ids, &error)
            || !repository.fetch(ids, &prospects, &error))
            qFatal("reading prospects failed: %s", qPrintable(error.message));
        std::sort(prospects.begin(), prospects.end(),
            [](const Prospect &a, const Prospect &b) { return a.email < b.email; });
        return prospects;
    }

    static QStringList describe(const QList<Prospect> &prospects)
    {
        QStringList rows;
        for (const Prospect &p : prospects)
            rows.append(
                QStringList {p.firstName, p.lastName, p.company, p.title, p.email, p.phone}.join(
                    QLatin1Char('|')));
        return rows;
    }

    // The wizard on `file`, at the Duplicates page, shown.
    bool openAtDuplicates(ImportWizard &wizard, const QString &path)
    {
        return showWizard(wizard) && readFile(wizard, path) && clickNext(wizard)
            && clickNext(wizard) && wizard.currentId() == ImportWizard::DuplicatesPage;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    // The Touchline file each test imports into.
    std::unique_ptr<Test::TestDatabase> m_file;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TouchlineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importwizard"));
        installTranslations();
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_file->isValid());
    }

    void readsTheFileAndShowsWhatItFound_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<ImportPreset>("preset");
        QTest::addColumn<QString>("rows");

        QTest::newRow("LinkedIn, comma, UTF-8")
            << QStringLiteral("connections.csv") << linkedInFile << QStringLiteral("UTF-8")
            << QStringLiteral("Comma") << ImportPreset::LinkedIn << QStringLiteral("4 rows");
        const QString spreadsheet
            = QStringLiteral("Name;Company;Email\nJosé Núñez;Café Zürich;jose@example.com\n");
        QTest::newRow("spreadsheet, semicolon, Windows-1252")
            << QStringLiteral("list.csv") << spreadsheet.toLatin1()
            << QStringLiteral("Windows-1252") << QStringLiteral("Semicolon")
            << ImportPreset::Spreadsheet << QStringLiteral("1 row");
        QStringEncoder utf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        QTest::newRow("tab, UTF-16LE with a byte order mark")
            << QStringLiteral("list.txt")
            << QByteArray(utf16(QStringLiteral("Name\tEmail\nAda Lovelace\tada@example.com\n"
                                               "Grace Hopper\tgrace@example.com\n")))
            << QStringLiteral("UTF-16LE") << QStringLiteral("Tab") << ImportPreset::Spreadsheet
            << QStringLiteral("2 rows");
        QTest::newRow("vCard") << QStringLiteral("contacts.vcf")
                               << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                                             "N:Lovelace;Ada;;;\r\nEMAIL:ada@example.com\r\n"
                                             "END:VCARD\r\n")
                               << QStringLiteral("UTF-8") << QStringLiteral("None (vCard)")
                               << ImportPreset::VCard << QStringLiteral("1 row");
    }

    void readsTheFileAndShowsWhatItFound()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, delimiter);
        QFETCH(ImportPreset, preset);
        QFETCH(QString, rows);

        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(readFile(wizard, writeFile(name, bytes)));
        QVERIFY2(child<QLabel>(wizard, QStringLiteral("fileError"))->isHidden(),
            qPrintable(text(wizard, "fileError")));
        QCOMPARE(text(wizard, "encodingValue"), encoding);
        QCOMPARE(text(wizard, "delimiterValue"), delimiter);
        QCOMPARE(text(wizard, "presetValue"),
            QStringLiteral("%1 (recognised)").arg(presetDisplayName(preset)));
        QCOMPARE(text(wizard, "rowCountValue"), rows);
        QVERIFY(nextEnabled(wizard));
        // The import folder is remembered for the next Browse….
        QStringList asked;
        wizard.setOpenFileChooser([&](const QString &, const QString &start, const QString &) {
            asked.append(start);
            return QString();
        });
        child<QLineEdit>(wizard, QStringLiteral("filePath"))->clear();
        child<QPushButton>(wizard, QStringLiteral("browseButton"))->click();
        QCOMPARE(asked, QStringList {m_dir->path()});
    }

    void badFileShowsTheErrorAndBlocksNext_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes"); // null: no file
        QTest::addColumn<QString>("problem");

        QTest::newRow("missing") << QStringLiteral("gone.csv") << QByteArray() << QString();
        QTest::newRow("empty") << QStringLiteral("empty.csv") << QByteArray("") << QString();
        QTest::newRow("not text") << QStringLiteral("photo.csv")
                                  << QByteArrayLiteral("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10")
                                  << QString();
        QTest::newRow("quote never closed")
            << QStringLiteral("broken.csv")
            << QByteArray("Name,Email\nAda,ada@example.com\n\"Grace,grace@example.com\n")
            << QStringLiteral("3");
        QTest::newRow("header only") << QStringLiteral("header.csv") << QByteArray("Name,Email\n")
                                     << QStringLiteral("no rows");
    }

    void badFileShowsTheErrorAndBlocksNext()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);

        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        const QString path = bytes.isNull() ? m_dir->filePath(name) : writeFile(name, bytes);
        QVERIFY(readFile(wizard, path));
        auto *error = child<QLabel>(wizard, QStringLiteral("fileError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(name), qPrintable(error->text()));
        QVERIFY2(error->text().contains(problem), qPrintable(error->text()));
        QVERIFY(child<QWidget>(wizard, QStringLiteral("fileDetails"))->isHidden());
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(!clickNext(wizard));

        // A good file afterwards clears the error and opens the way.
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("good.csv"), linkedInFile)));
        QVERIFY(error->isHidden());
        QVERIFY(nextEnabled(wizard));
        QVERIFY(clickNext(wizard));
    }

    void typingAPathReadsItAfterAPause()
    {
        const QString path = writeFile(QStringLiteral("connections.csv"), linkedInFile);
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        auto *field = child<QLineEdit>(wizard, QStringLiteral("filePath"));
        field->setFocus();
        QTest::keyClicks(field, path);
        // Not yet: the file named so far has not been read.
        QVERIFY(!nextEnabled(wizard));
        QTRY_VERIFY(nextEnabled(wizard));
        QCOMPARE(wizard.filePath(), path);
        QTest::keyClick(field, Qt::Key_Backspace);
        QVERIFY(!nextEnabled(wizard));
    }

    void theFilePageWaitsForTheRead()
    {
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        const QString path = writeFile(QStringLiteral("many.csv"), manyPeople(slowRows));
        wizard.setFilePath(path);
        // The read runs in the background; the result reaches the page only
        // through the event loop, so it is still running here.
        auto *progress = child<QWidget>(wizard, QStringLiteral("readProgress"));
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->findChild<QLabel *>()->text(), QStringLiteral("Reading many.csv…"));
        QVERIFY(!wizard.currentPage()->isComplete());
        QVERIFY(!nextEnabled(wizard));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));

        QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(wizard), 20000);
        QVERIFY(progress->isHidden());
        QCOMPARE(text(wizard, "rowCountValue"),
            QStringLiteral("%1 rows").arg(QLocale().toString(slowRows)));
        QCOMPARE(wizard.filePath(), path);
        QVERIFY(clickNext(wizard));
    }

    void theLatestReadWins_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second"); // empty: the field cleared
        QTest::addColumn<QString>("rows");      // shown at the end; empty: nothing

        // The first read ends after the second: its result comes last and is dropped.
        QTest::newRow("a smaller file")
            << manyPeople(slowRows) << linkedInFile << QStringLiteral("4 rows");
        QTest::newRow("the field cleared") << manyPeople(slowRows) << QByteArray() << QString();
    }

    void theLatestReadWins()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(QString, rows);

        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        wizard.setFilePath(writeFile(QStringLiteral("first.csv"), first));
        const QString path
            = second.isEmpty() ? QString() : writeFile(QStringLiteral("second.csv"), second);
        wizard.setFilePath(path);
        QVERIFY(!nextEnabled(wizard));
        // Both reads over and their results delivered, in whatever order.
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!busy(wizard));

        QVERIFY(child<QLabel>(wizard, QStringLiteral("fileError"))->isHidden());
        QCOMPARE(child<QWidget>(wizard, QStringLiteral("fileDetails"))->isHidden(), rows.isEmpty());
        QCOMPARE(nextEnabled(wizard), !rows.isEmpty());
        if (rows.isEmpty())
            return;
        QCOMPARE(text(wizard, "rowCountValue"), rows);
        QCOMPARE(wizard.filePath(), path);
    }

    void mappingShownFromThePreset_data()
    {
        QTest::addColumn<ImportPreset>("chosen");
        QTest::addColumn<QList<ImportField>>("mapping");

        QTest::newRow("recognised") << ImportPreset::Auto << linkedInMapping;
        QTest::newRow("chosen") << ImportPreset::LinkedIn << linkedInMapping;
    }

    void mappingShownFromThePreset()
    {
        QFETCH(ImportPreset, chosen);
        QFETCH(QList<ImportField>, mapping);

        QByteArray bytes = linkedInFile;
        for (int i = 0; i < 30; ++i)
            bytes += QStringLiteral("P%1,Q,,p%1@example.com,Co,,,\n").arg(i).toUtf8();
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        auto *preset = child<QComboBox>(wizard, QStringLiteral("preset"));
        QCOMPARE(preset->currentData().toString(), presetKey(ImportPreset::Auto));
        preset->setCurrentIndex(preset->findData(presetKey(chosen)));
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("connections.csv"), bytes)));
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard.currentId(), int(ImportWizard::ColumnsPage));
        QCOMPARE(mappingShown(wizard), mapping);
        QVERIFY(child<QLabel>(wizard, QStringLiteral("mappingWarning"))->isHidden());

        // The preview: the file's header and its first twenty rows, the ignored
        // column greyed.
        const QAbstractItemModel *preview
            = child<QTableView>(wizard, QStringLiteral("preview"))->model();
        QCOMPARE(preview->columnCount(), 8);
        QCOMPARE(
            preview->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Email Address"));
        QCOMPARE(preview->rowCount(), 20);
        QCOMPARE(preview->index(0, 0).data().toString(), QStringLiteral("Ada"));
        QCOMPARE(preview->headerData(0, Qt::Vertical).toInt(), 5);
        QVERIFY(preview->flags(preview->index(0, 0)).testFlag(Qt::ItemIsEnabled));
        QVERIFY(!preview->flags(preview->index(0, deskColumn)).testFlag(Qt::ItemIsEnabled));
    }

    void warnsWhenNoColumnNamesAProspect()
    {
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("connections.csv"), linkedInFile)));
        QVERIFY(clickNext(wizard));
        auto *warning = child<QLabel>(wizard, QStringLiteral("mappingWarning"));
        for (int column : {0, 1, 3, 4}) {
            QVERIFY(warning->isHidden());
            auto *combo = mappingCombo(wizard, column);
            combo->setCurrentIndex(combo->findData(int(ImportField::Ignore)));
        }
        QVERIFY(warning->isVisible());
        // Nothing can be imported: the duplicates page says so and goes no further.
        QVERIFY(clickNext(wizard));
        QVERIFY(child<QLabel>(wizard, QStringLiteral("planError"))->isVisible());
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
        wizard.back();
        auto *email = mappingCombo(wizard, 3);
        email->setCurrentIndex(email->findData(int(ImportField::Email)));
        QVERIFY(warning->isHidden());
    }

    void theDuplicatesPageWaitsForThePlan()
    {
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("many.csv"), manyPeople(slowRows))));
        QVERIFY(clickNext(wizard));
        wizard.button(QWizard::NextButton)->click();
        QCOMPARE(wizard.currentId(), int(ImportWizard::DuplicatesPage));
        auto *progress = child<QWidget>(wizard, QStringLiteral("planProgress"));
        QVERIFY(progress->isVisible());
        QCOMPARE(
            progress->findChild<QLabel *>()->text(), QStringLiteral("Checking for duplicates…"));
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::DuplicatesPage));
        QVERIFY(!wizard.resultView()->isRunning());

        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::CommitButton)->isEnabled(), 20000);
        QVERIFY(progress->isHidden());
        QCOMPARE(text(wizard, "newCount"), QLocale().toString(slowRows));
        QCOMPARE(text(wizard, "duplicateCount"), QStringLiteral("0"));
    }

    // Back while the plan runs, and a mapping that makes no prospects: the plan
    // for the first mapping, ending after that, is not shown.
    void aPlanLeftByBackIsDropped()
    {
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("many.csv"), manyPeople(slowRows))));
        QVERIFY(clickNext(wizard));
        wizard.button(QWizard::NextButton)->click();
        QVERIFY(busy(wizard));
        wizard.back();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ColumnsPage));
        QVERIFY(!busy(wizard));
        for (int column : {0, 1, 2}) {
            auto *combo = mappingCombo(wizard, column);
            combo->setCurrentIndex(combo->findData(int(ImportField::Ignore)));
        }
        wizard.button(QWizard::NextButton)->click();
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!busy(wizard));

        QVERIFY(child<QLabel>(wizard, QStringLiteral("planError"))->isVisible());
        QCOMPARE(text(wizard, "newCount"), QStringLiteral("0"));
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
    }

    void closingWhileBusy_data()
    {
        QTest::addColumn<bool>("planning");
        QTest::newRow("reading") << false;
        QTest::newRow("checking for duplicates") << true;
    }

    // The wizard goes at once; the work it left runs to its end harmlessly.
    void closingWhileBusy()
    {
        QFETCH(bool, planning);

        const QStringList connections = QSqlDatabase::connectionNames();
        auto wizard = std::make_unique<ImportWizard>(m_file->path(), 0);
        QVERIFY(showWizard(*wizard));
        const QString path = writeFile(QStringLiteral("many.csv"), manyPeople(slowRows));
        if (planning) {
            QVERIFY(readFile(*wizard, path));
            QVERIFY(clickNext(*wizard));
            wizard->button(QWizard::NextButton)->click();
        } else {
            wizard->setFilePath(path);
        }
        QVERIFY(busy(*wizard));
        wizard.reset();
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        // The plan's connection was closed in its thread.
        QCOMPARE(QSqlDatabase::connectionNames(), connections);
    }

    void importsTheRowsAndListsTheOnesThatFailed()
    {
        ImportWizard wizard(m_file->path(), 0);
        const QString source = writeFile(QStringLiteral("connections.csv"), linkedInFile);
        QVERIFY(openAtDuplicates(wizard, source));
        QCOMPARE(text(wizard, "newCount"), QStringLiteral("3"));
        QCOMPARE(text(wizard, "duplicateCount"), QStringLiteral("0"));
        QCOMPARE(text(wizard, "problemCount"), QStringLiteral("1"));
        QVERIFY(!child<QWidget>(wizard, QStringLiteral("duplicates"))->isVisible());
        QVERIFY(clickNext(wizard));
        QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.resultView()->hasFinished(), 20000);
        QVERIFY(wizard.imported());
        QCOMPARE(wizard.resultView()->outcomeText(),
            QStringLiteral("3 imported, 0 updated, 0 skipped, 1 failed"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        QCOMPARE(describe(storedProspects(m_file->db())),
            (QStringList {QStringLiteral("Ada|Lovelace|Analytical|Engineer|ada@example.com|"),
                QStringLiteral("Alan|Turing|Bletchley|Cryptanalyst|alan@example.com|"),
                QStringLiteral("Grace|Hopper|Navy|Admiral|grace@example.com|")}));

        auto *failed = child<QTableWidget>(wizard, QStringLiteral("failedRows"));
        QVERIFY(failed->isVisible());
        QCOMPARE(failed->rowCount(), 1);
        QCOMPARE(failed->item(0, 0)->data(Qt::DisplayRole).toInt(), nobodyLine);
        QVERIFY(!failed->item(0, 1)->text().isEmpty());
        // Alt+N (the label's mnemonic) goes to the list.
        QVERIFY(child<QLabel>(wizard, QStringLiteral("failedRowsLabel"))
                    ->text()
                    .startsWith(QLatin1String("&Not imported")));
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        QTest::keyClick(&wizard, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(failed->hasFocus());

        // Save List… writes the failed rows next to the file, as CSV.
        QString suggested;
        const QString listPath = m_dir->filePath(QStringLiteral("failed.csv"));
        wizard.resultView()->setFileChooser(
            [&](const QString &, const QString &start, const QString &) {
                suggested = start;
                return listPath;
            });
        child<QPushButton>(wizard, QStringLiteral("saveListButton"))->click();
        QCOMPARE(QFileInfo(suggested).absolutePath(), m_dir->path());
        QFile list(listPath);
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = list.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).trimmed(), QByteArray("Line,Reason"));
        QVERIFY2(lines.at(1).startsWith(QByteArray(QByteArray::number(nobodyLine) + ',')),
            lines.at(1).constData());
        QVERIFY2(text(wizard, "saveListStatus").contains(QDir::toNativeSeparators(listPath)),
            qPrintable(text(wizard, "saveListStatus")));

        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
    }

    void problemsAreShownBeforeTheImport_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<int>>("lines");

        QTest::newRow("none") << QByteArray("Name,Email\nAda,ada@example.com\n") << QList<int>();
        QTest::newRow("a row naming nobody") << linkedInFile << QList<int> {nobodyLine};
        QTest::newRow("two bad rows, in line order") << QByteArray(
            "Name,Email,Title\nAda,ada@example.com,\n,,Intern\n"
            "Grace,grace@example.com,\n,,Clerk\n") << QList<int> {3, 5};
    }

    void problemsAreShownBeforeTheImport()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<int>, lines);

        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(openAtDuplicates(wizard, writeFile(QStringLiteral("list.csv"), bytes)));
        QCOMPARE(text(wizard, "problemCount"), QLocale().toString(lines.size()));
        auto *show = child<QPushButton>(wizard, QStringLiteral("showProblemsButton"));
        QCOMPARE(show->isVisible(), !lines.isEmpty());
        if (lines.isEmpty())
            return;

        QList<int> listed;
        QStringList reasons;
        QString title;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            title = dialog->windowTitle();
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("planProblems"));
            for (int row = 0; table && row < table->rowCount(); ++row) {
                listed.append(table->item(row, 0)->data(Qt::DisplayRole).toInt());
                reasons.append(table->item(row, 1)->text());
            }
            dialog->reject();
        });
        show->click();
        QCOMPARE(title, QStringLiteral("Rows with Problems"));
        QCOMPARE(listed, lines);
        for (const QString &reason : std::as_const(reasons))
            QVERIFY(!reason.trimmed().isEmpty());
        // Still on the page, nothing imported yet.
        QCOMPARE(wizard.currentId(), int(ImportWizard::DuplicatesPage));
        QVERIFY(storedProspects(m_file->db()).isEmpty());
    }

    void aCorrectedMappingIsImported()
    {
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(showWizard(wizard));
        QVERIFY(readFile(wizard, writeFile(QStringLiteral("connections.csv"), linkedInFile)));
        QVERIFY(clickNext(wizard));
        QComboBox *desk = mappingCombo(wizard, deskColumn);
        QComboBox *position = mappingCombo(wizard, 5);
        desk->setCurrentIndex(desk->findData(int(ImportField::Phone)));
        position->setCurrentIndex(position->findData(int(ImportField::Ignore)));
        QCOMPARE(wizard.table().mapping.at(deskColumn), ImportField::Phone);
        const QAbstractItemModel *preview
            = child<QTableView>(wizard, QStringLiteral("preview"))->model();
        QVERIFY(preview->flags(preview->index(0, deskColumn)).testFlag(Qt::ItemIsEnabled));
        QVERIFY(!preview->flags(preview->index(0, 5)).testFlag(Qt::ItemIsEnabled));
        // docs/screenshots/import-wizard.png comes from here.
        const QString shot = qEnvironmentVariable("TOUCHLINE_SCREENSHOT");
        if (!shot.isEmpty())
            QVERIFY(wizard.grab().save(shot));

        // Back and forth keeps the correction.
        wizard.back();
        QVERIFY(clickNext(wizard));
        QCOMPARE(mappingCombo(wizard, deskColumn)->currentData().toInt(), int(ImportField::Phone));

        QVERIFY(clickNext(wizard));
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.resultView()->hasFinished(), 20000);
        QVERIFY(wizard.imported());
        QCOMPARE(describe(storedProspects(m_file->db())),
            (QStringList {
                QStringLiteral("Ada|Lovelace|Analytical||ada@example.com|+44 20 7946 0001"),
                QStringLiteral("Alan|Turing|Bletchley||alan@example.com|"),
                QStringLiteral("Grace|Hopper|Navy||grace@example.com|+1 555 0100")}));
    }

    void duplicatesFollowTheChoiceForAllAndForEachRow_data()
    {
        QTest::addColumn<DuplicateAction>("forAll");
        QTest::addColumn<QString>("rowEmail"); // the row with a choice of its own
        QTest::addColumn<DuplicateAction>("forRow");
        QTest::addColumn<QStringList>("stored");
        QTest::addColumn<QString>("summary");

        const QString alan = QStringLiteral("Alan|Turing|Bletchley|Cryptanalyst|alan@example.com|");
        const QString adaAsWas = QStringLiteral("Ada|L.||Countess|ada@example.com|");
        const QString adaUpdated = QStringLiteral("Ada|L.|Analytical|Countess|ada@example.com|");
        const QString adaOverwritten
            = QStringLiteral("Ada|Lovelace|Analytical|Engineer|ada@example.com|");
        const QString graceAsWas = QStringLiteral("Grace|Hopper|Old Navy||grace@example.com|");
        const QString graceUpdated
            = QStringLiteral("Grace|Hopper|Old Navy|Admiral|grace@example.com|");
        const QString graceOverwritten
            = QStringLiteral("Grace|Hopper|Navy|Admiral|grace@example.com|");

        QTest::newRow("skip all") << DuplicateAction::Skip << QString() << DuplicateAction::Skip
                                  << QStringList {adaAsWas, alan, graceAsWas}
                                  << QStringLiteral("1 imported, 0 updated, 2 skipped, 1 failed");
        QTest::newRow("update empty fields of all")
            << DuplicateAction::UpdateEmpty << QString() << DuplicateAction::Skip
            << QStringList {adaUpdated, alan, graceUpdated}
            << QStringLiteral("1 imported, 2 updated, 0 skipped, 1 failed");
        QTest::newRow("overwrite all")
            << DuplicateAction::Overwrite << QString() << DuplicateAction::Skip
            << QStringList {adaOverwritten, alan, graceOverwritten}
            << QStringLiteral("1 imported, 2 updated, 0 skipped, 1 failed");
        QTest::newRow("skip all but overwrite one")
            << DuplicateAction::Skip << QStringLiteral("grace@example.com")
            << DuplicateAction::Overwrite << QStringList {adaAsWas, alan, graceOverwritten}
            << QStringLiteral("1 imported, 1 updated, 1 skipped, 1 failed");
        QTest::newRow("overwrite all but skip one")
            << DuplicateAction::Overwrite << QStringLiteral("ada@example.com")
            << DuplicateAction::Skip << QStringList {adaAsWas, alan, graceOverwritten}
            << QStringLiteral("1 imported, 1 updated, 1 skipped, 1 failed");
        QTest::newRow("update all but overwrite one")
            << DuplicateAction::UpdateEmpty << QStringLiteral("ada@example.com")
            << DuplicateAction::Overwrite << QStringList {adaOverwritten, alan, graceUpdated}
            << QStringLiteral("1 imported, 2 updated, 0 skipped, 1 failed");
    }

    void duplicatesFollowTheChoiceForAllAndForEachRow()
    {
        QFETCH(DuplicateAction, forAll);
        QFETCH(QString, rowEmail);
        QFETCH(DuplicateAction, forRow);
        QFETCH(QStringList, stored);
        QFETCH(QString, summary);

        Prospect ada = Test::makeProspect(QStringLiteral("Ada"), QStringLiteral("L."), QString(),
            QStringLiteral("ada@example.com"));
        ada.title = QStringLiteral("Countess");
        const Prospect grace = Test::makeProspect(QStringLiteral("Grace"), QStringLiteral("Hopper"),
            QStringLiteral("Old Navy"), QStringLiteral("grace@example.com"));
        QCOMPARE(Test::insertProspects(m_file->db(), {ada, grace}).size(), 2);

        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(
            openAtDuplicates(wizard, writeFile(QStringLiteral("connections.csv"), linkedInFile)));
        QCOMPARE(text(wizard, "newCount"), QStringLiteral("1"));
        QCOMPARE(text(wizard, "duplicateCount"), QStringLiteral("2"));
        auto *table = child<QTableWidget>(wizard, QStringLiteral("duplicates"));
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->data(Qt::DisplayRole).toInt(), 5);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("ada@example.com"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Ada L."));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("Grace Hopper (Old Navy)"));

        const char *radios[] = {"skipDuplicates", "updateDuplicates", "overwriteDuplicates"};
        const QStringList actionNames = {QStringLiteral("Skip"),
            QStringLiteral("Update empty fields"), QStringLiteral("Overwrite")};
        child<QRadioButton>(wizard, QString::fromLatin1(radios[int(forAll)]))->click();
        for (int row = 0; row < table->rowCount(); ++row) {
            auto *combo = qobject_cast<QComboBox *>(table->cellWidget(row, 4));
            QVERIFY(combo);
            // Each row follows the choice for all until given its own.
            QCOMPARE(combo->currentText(),
                QStringLiteral("As chosen above (%1)").arg(actionNames.at(int(forAll))));
            if (table->item(row, 2)->text() == rowEmail)
                combo->setCurrentIndex(combo->findData(int(forRow)));
        }

        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.resultView()->hasFinished(), 20000);
        QCOMPARE(wizard.resultView()->outcomeText(), summary);
        QCOMPARE(describe(storedProspects(m_file->db())), stored);
    }

    void cancellingStoresNothing_data()
    {
        QTest::addColumn<bool>("byEscape");
        QTest::newRow("Cancel Import button") << false;
        QTest::newRow("Escape") << true;
    }

    void cancellingStoresNothing()
    {
        QFETCH(bool, byEscape);

        const QByteArray bytes = manyPeople(3000);
        const QList<QVariantList> before
            = Test::tableRows(m_file->db(), QStringLiteral("prospects"));
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(openAtDuplicates(wizard, writeFile(QStringLiteral("many.csv"), bytes)));
        QCOMPARE(text(wizard, "newCount"), QLocale().toString(3000));
        // The file held locked, the import waits for it before storing a row: the
        // cancel reaches it however fast it would otherwise run to the end.
        QVERIFY(Test::execSql(m_file->db(), QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(clickNext(wizard));
        QVERIFY(wizard.resultView()->isRunning());
        if (byEscape)
            QTest::keyClick(&wizard, Qt::Key_Escape);
        else
            child<QPushButton>(wizard, QStringLiteral("cancelImportButton"))->click();
        QVERIFY(Test::execSql(m_file->db(), QStringLiteral("ROLLBACK")));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.resultView()->hasFinished(), 20000);
        QCOMPARE(wizard.resultView()->result(), ImportResult::Cancelled);
        QCOMPARE(wizard.resultView()->outcomeText(), QStringLiteral("Nothing was imported."));
        QVERIFY(!wizard.imported());
        // Cancelling the import left the wizard open to say so.
        QVERIFY(wizard.isVisible());
        QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("prospects")), before);
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(!wizard.isVisible());
    }

    void aLockedFileStoresNothingAndSaysWhy()
    {
        const QList<QVariantList> before
            = Test::tableRows(m_file->db(), QStringLiteral("prospects"));
        ImportWizard wizard(m_file->path(), 0);
        QVERIFY(
            openAtDuplicates(wizard, writeFile(QStringLiteral("connections.csv"), linkedInFile)));
        // Someone else writes meanwhile, for longer than the busy timeout.
        QVERIFY(Test::execSql(m_file->db(), QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(clickNext(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.resultView()->hasFinished(), 60000);
        QVERIFY(Test::execSql(m_file->db(), QStringLiteral("ROLLBACK")));
        QCOMPARE(wizard.resultView()->result(), ImportResult::Failed);
        QCOMPARE(wizard.resultView()->outcomeText(), QStringLiteral("Nothing was imported."));
        auto *error = child<QLabel>(wizard, QStringLiteral("importError"));
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(child<QWidget>(wizard, QStringLiteral("failedRows"))->isHidden());
        QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("prospects")), before);
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
