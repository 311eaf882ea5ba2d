#include "AppSettings.h"
#include "BackgroundWork.h"
#include "CadencesPage.h"
#include "DuePage.h"
#include "ExportScopeDialog.h"
#include "FormFields.h"
#include "ImportResultView.h"
#include "ImportWizard.h"
#include "LogTouchDialog.h"
#include "MainWindow.h"
#include "ProspectConflictDialog.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "TimelinePanel.h"
#include "Translations.h"
#include "UserNameDialog.h"
#include "io/CsvReader.h"
#include "itemmodels/ProspectTableModel.h"
#include "itemmodels/TimelineModel.h"
#include "storage/Backup.h"
#include "storage/CadenceRepository.h"
#include "storage/DataGenerator.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/StatsComputation.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <functional>
#include <optional>

using namespace Touchline;
using Touchline::Test::choose;
using Touchline::Test::formField;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // Twelve prospects at three companies; every third has replied.
    void fill(Database &db)
    {
        ProspectRepository repository(db);
        const QStringList companies
            = {QStringLiteral("Acme"), QStringLiteral("Globex"), QStringLiteral("Initech")};
        for (int i = 0; i < 12; ++i) {
            Prospect p;
            p.firstName = QStringLiteral("Person%1").arg(i);
            p.company = companies.at(i % 3);
            p.email = QStringLiteral("p%1@%2.example").arg(i).arg(companies.at(i % 3).toLower());
            p.status = i % 3 == 0 ? ProspectStatus::Replied : ProspectStatus::New;
            p.createdAt = QDateTime::currentDateTimeUtc().addDays(-i);
            Error error;
            QVERIFY2(repository.add(&p, &error), qPrintable(error.message));
        }
    }

    // Opens the file in the window and shows it, active.
    static bool showFile(MainWindow &window, const QString &path)
    {
        Error error;
        if (!window.openDatabase(path, Database::Creation::MustExist, &error)) {
            qWarning().noquote() << error.message;
            return false;
        }
        window.show();
        return QTest::qWaitForWindowActive(&window);
    }

    template<typename T> static T *child(MainWindow &window, const char *name)
    {
        T *found = window.findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    // Closes the next message box the window shows, and remembers its text.
    void closeNextMessageBox()
    {
        QTimer::singleShot(0, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                m_messages.append(box->text());
                box->close();
            } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
                m_messages.append(QStringLiteral("unexpected dialog: ") + dialog->windowTitle());
                dialog->reject();
            }
        });
    }

    // The row of the prospect with this first name in the window's table.
    static qint64 idOf(MainWindow &window, const QString &firstName)
    {
        const ProspectTableModel *model = window.prospectModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, int(ProspectField::FirstName)).data().toString() == firstName)
                return model->idAt(row);
        }
        qFatal("no prospect %s", qPrintable(firstName));
        return 0;
    }

    static void selectProspect(MainWindow &window, qint64 id)
    {
        const int row = window.prospectModel()->rowOf(id);
        QVERIFY(row >= 0);
        window.prospectView()->setCurrentIndex(window.prospectModel()->index(row, 0));
    }

    static QVariant touchCountShown(MainWindow &window, qint64 id)
    {
        const int row = window.prospectModel()->rowOf(id);
        return window.prospectView()->model()->index(row, int(ProspectField::TouchCount)).data();
    }

    static QList<Touch> storedTouches(Database &db, qint64 prospectId)
    {
        QList<Touch> touches;
        Error error;
        if (!TouchRepository(db).listForProspect(prospectId, &touches, &error))
            qWarning("listing touches failed: %s", qPrintable(error.message));
        return touches;
    }

    static qint64 logTouch(Database &db, qint64 prospectId, TouchChannel channel,
        TouchOutcome outcome, const QDateTime &when, const QString &notes = {})
    {
        Touch touch;
        touch.prospectId = prospectId;
        touch.channel = channel;
        touch.outcome = outcome;
        touch.occurredAt = when;
        touch.notes = notes;
        Error error;
        if (!TouchRepository(db).log(&touch, nullptr, &error))
            qFatal("logging a touch failed: %s", qPrintable(error.message));
        return touch.id;
    }

    static qint64 addProspect(Database &db, Prospect p)
    {
        Error error;
        if (!ProspectRepository(db).add(&p, &error))
            qFatal("adding a prospect failed: %s", qPrintable(error.message));
        return p.id;
    }

    static QToolButton *quickAction(MainWindow &window, const QString &text)
    {
        const auto buttons = window.timelinePanel()->findChildren<QToolButton *>();
        for (QToolButton *button : buttons) {
            if (button->text() == text)
                return button;
        }
        qFatal("no quick action %s", qPrintable(text));
        return nullptr;
    }

    // Runs `drive` on the dialog of type Dialog the window opens next (noting it
    // as `what` when another or none comes); whatever the dialog is left with, it
    // is closed afterwards so that a test fails, not hangs.
    template<typename Dialog>
    void onNextDialog(const QString &what, std::function<void(Dialog *)> drive)
    {
        QTimer::singleShot(0, this, [this, what, drive] {
            auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                m_messages.append(QStringLiteral("no ") + what);
                return;
            }
            m_dialogTitles.append(dialog->windowTitle());
            drive(dialog);
            if (dialog->isVisible())
                dialog->reject();
        });
    }

    void onNextTouchDialog(std::function<void(LogTouchDialog *)> drive)
    {
        onNextDialog<LogTouchDialog>(QStringLiteral("touch dialog"), std::move(drive));
    }

    // Chooses the cadence whose entry starts with `name` in the next enroll dialog.
    void chooseInNextEnrollDialog(const QString &name)
    {
        onNextDialog<QInputDialog>(
            QStringLiteral("enroll dialog"), [this, name](QInputDialog *dialog) {
                const QStringList items = dialog->comboBoxItems();
                for (const QString &item : items) {
                    if (item.startsWith(name)) {
                        dialog->setTextValue(item);
                        dialog->accept();
                        return;
                    }
                }
                m_messages.append(QStringLiteral("no cadence ") + name + QStringLiteral(" in ")
                    + items.join(QLatin1String(", ")));
            });
    }

    static void selectProspects(MainWindow &window, const QList<qint64> &ids)
    {
        window.prospectView()->clearSelection();
        for (const qint64 id : ids) {
            const int row = window.prospectModel()->rowOf(id);
            QVERIFY(row >= 0);
            window.prospectView()->selectionModel()->select(window.prospectModel()->index(row, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    // The state of each prospect's latest enrollment ("none" without one).
    static QStringList enrollmentStates(Database &db, const QList<qint64> &prospectIds)
    {
        QStringList states;
        EnrollmentRepository repository(db);
        for (const qint64 id : prospectIds) {
            QList<Enrollment> enrollments;
            Error error;
            if (!repository.listForProspect(id, &enrollments, &error))
                qFatal("listing enrollments failed: %s", qPrintable(error.message));
            states.append(enrollments.isEmpty() ? QStringLiteral("none")
                                                : enrollmentStateKey(enrollments.first().state));
        }
        return states;
    }

    static QString companyOf(Database &db, qint64 id)
    {
        Error error;
        const std::optional<Prospect> prospect = ProspectRepository(db).get(id, &error);
        return prospect ? prospect->company : error.message;
    }

    // Message boxes are closed as they come while `closer` lives, their texts kept.
    void closeMessageBoxesAsTheyCome(QTimer &closer)
    {
        connect(&closer, &QTimer::timeout, this, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_messages.append(box->text());
                box->close();
            }
        });
        closer.start(20);
    }

    // A new file of 3000 prospects (pages enough to damage some in the middle),
    // and its backup when `backup` is given.
    static bool writeFileOfManyPages(const QString &path, QString *backup)
    {
        Database db;
        if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr))
            return false;
        QList<Prospect> prospects;
        for (int i = 0; i < 3000; ++i)
            prospects.append(Test::makeProspect(QStringLiteral("P%1").arg(i), QStringLiteral("Q")));
        if (Test::insertProspects(db, prospects).size() != 3000)
            return false;
        Error error;
        return !backup || Backup::make(db, QString(), backup, &error) == Backup::Result::Finished;
    }

    // The bytes as the whole file; false when they cannot all be written.
    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    // fill()'s prospects in the file, and beside it history.csv with these rows under
    // the header of a touch history; returns the CSV's path, empty when it cannot be
    // written.
    QString fillWithTouchHistory(Test::TestDatabase &file, const QList<QByteArray> &rows)
    {
        fill(file.db());
        const QString path = file.dirPath() + QStringLiteral("/history.csv");
        const QByteArray header("prospect_email,channel,direction,outcome,occurred_at,notes");
        if (!writeFile(path, (QList<QByteArray> {header} + rows).join('\n') + '\n'))
            return {};
        return path;
    }

    // The file's bytes; nothing when it cannot be read.
    static std::optional<QByteArray> readFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.readAll();
    }

    // The save, or open, file dialogs the window asks for answer `path` at once.
    static void answerSaveDialogs(MainWindow &window, const QString &path)
    {
        window.setSaveFileChooser(
            [path](const QString &, const QString &, const QString &) { return path; });
    }
    static void answerOpenDialogs(MainWindow &window, const QString &path)
    {
        window.setOpenFileChooser(
            [path](const QString &, const QString &, const QString &) { return path; });
    }

    // Triggers the action; a message box it shows (a failed export says why in
    // one) is noted in m_messages and closed.
    // Triggers the action, then waits for the work it starts in the background
    // (an export), noting the messages of both.
    void triggerNotingMessages(MainWindow &window, const char *action)
    {
        QTimer closer;
        closeMessageBoxesAsTheyCome(closer);
        child<QAction>(window, action)->trigger();
        QVERIFY(backgroundWorkEnded(window));
    }

    static bool backgroundWorkEnded(MainWindow &window)
    {
        return QTest::qWaitFor(
            [&window] { return window.findChildren<BackgroundWork *>().isEmpty(); }, 20000);
    }

    // Links the window opens only count in `opened`.
    static void countOpenedLinks(MainWindow &window, int *opened)
    {
        window.setUrlOpener([opened](const QUrl &) {
            ++*opened;
            return true;
        });
    }

    // Garbage over pages in the middle; the header and schema stay readable.
    static bool damagePagesInTheMiddle(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadWrite) && file.seek(file.size() / 2 / 4096 * 4096)
            && file.write(QByteArray(8 * 4096, '\x5a')) == 8 * 4096;
    }

    static QString tabText(MainWindow &window, int index)
    {
        return child<QTabWidget>(window, "views")->tabText(index);
    }

    // Types `name` into the next "Your Name" dialog and presses OK.
    void answerNextNameDialog(const QString &name)
    {
        onNextDialog<UserNameDialog>(QStringLiteral("name dialog"), [name](UserNameDialog *dialog) {
            dialog->findChild<QLineEdit *>(QStringLiteral("nameField"))->setText(name);
            dialog->accept();
        });
    }

    static qint64 userId(Database &db, const QString &name)
    {
        Error error;
        const qint64 id = UserRepository(db).ensure(name, &error);
        if (!id)
            qFatal("adding user %s failed: %s", qPrintable(name), qPrintable(error.message));
        return id;
    }

    // Three prospects of Alice, two of Bob and one of nobody's.
    static void fillWithOwners(Database &db)
    {
        const qint64 alice = userId(db, QStringLiteral("Alice"));
        const qint64 bob = userId(db, QStringLiteral("Bob"));
        const QList<qint64> owners = {alice, bob, alice, bob, alice, 0};
        for (int i = 0; i < owners.size(); ++i) {
            Prospect p;
            p.firstName = QStringLiteral("Owned%1").arg(i);
            p.ownerId = owners.at(i);
            addProspect(db, p);
        }
    }

    // fillWithOwners()'s prospects, in a file that Alice opens next.
    static void fillWithOwnersForAlice(Database &db)
    {
        fillWithOwners(db);
        AppSettings::setUserName(QStringLiteral("Alice"));
    }

    static QStringList comboTexts(QComboBox *combo)
    {
        QStringList texts;
        for (int i = 0; i < combo->count(); ++i)
            texts.append(combo->itemText(i));
        return texts;
    }

    // The owners of the prospects the table shows, sorted.
    static QStringList ownersShown(MainWindow &window)
    {
        QStringList owners;
        const ProspectTableModel *model = window.prospectModel();
        for (int row = 0; row < model->rowCount(); ++row)
            owners.append(model->prospectAt(row)->ownerName);
        owners.sort();
        return owners;
    }

    QStringList m_messages;
    QStringList m_dialogTitles;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TouchlineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        installTranslations();
    }
    void init()
    {
        // Each test starts from default settings: no saved column order, sort or splitter.
        QSettings().clear();
        m_messages.clear();
        m_dialogTitles.clear();
    }

    void opensAFileAndShowsItsProspects()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        MainWindow window;
        Error error;
        QVERIFY2(window.openDatabase(file.path(), Database::Creation::MustExist, &error),
            qPrintable(error.message));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("test.touchline")));
        QCOMPARE(window.prospectView()->model()->rowCount(), 12);
        QCOMPARE(child<QLabel>(window, "countLabel")->text(), QStringLiteral("12 prospects"));
        // Newest first by default.
        QCOMPARE(window.prospectView()->model()->index(0, int(ProspectField::FirstName)).data(),
            QVariant(QStringLiteral("Person0")));
    }

    void showsAGeneratedFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("generated.touchline"));
        {
            Database db;
            QVERIFY(db.open(
                path, Database::Creation::MustNotExist, Database::Access::ReadWrite, nullptr));
            GeneratorOptions options;
            options.prospects = 600;
            options.touches = 4000;
            Error error;
            QCOMPARE(
                DataGenerator(db).generate(options, {}, &error), DataGenerator::Result::Finished);
        }
        MainWindow window;
        QVERIFY(window.openDatabase(path, Database::Creation::MustExist, nullptr));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.prospectModel()->rowCount(), 600);
        QCOMPARE(child<QLabel>(window, "countLabel")->text(), QStringLiteral("600 prospects"));

        // The prospect with the most touches shows all of them in its timeline.
        window.prospectView()->sortByColumn(int(ProspectField::TouchCount), Qt::DescendingOrder);
        window.prospectView()->setCurrentIndex(window.prospectModel()->index(0, 0));
        const int touches
            = window.prospectModel()->index(0, int(ProspectField::TouchCount)).data().toInt();
        QVERIFY(touches > 0);
        QCOMPARE(window.timelineModel()->summary()->outboundTouches, touches);
        QVERIFY(window.timelineModel()->rowCount() >= touches);
    }

    void searchAndStatusFilter()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        auto *search = child<QLineEdit>(window, "searchField");
        search->setText(QStringLiteral("globex"));
        QTRY_COMPARE(window.prospectModel()->rowCount(), 4);
        QCOMPARE(
            child<QLabel>(window, "countLabel")->text(), QStringLiteral("4 of 12 prospects shown"));

        auto *status = child<QComboBox>(window, "statusFilter");
        status->setCurrentIndex(status->findData(QStringLiteral("replied")));
        QCOMPARE(window.prospectModel()->rowCount(), 0);
        search->clear();
        QTRY_COMPARE(window.prospectModel()->rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(window.prospectModel()->index(row, 0).data(ProspectTableModel::StatusKeyRole),
                QVariant(QStringLiteral("replied")));
    }

    void sortsWhenAHeaderIsClicked()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        window.prospectView()->horizontalHeader()->setSortIndicator(
            int(ProspectField::Company), Qt::AscendingOrder);
        const QAbstractItemModel *model = window.prospectView()->model();
        QCOMPARE(
            model->index(0, int(ProspectField::Company)).data(), QVariant(QStringLiteral("Acme")));
        QCOMPARE(model->index(11, int(ProspectField::Company)).data(),
            QVariant(QStringLiteral("Initech")));
    }

    void deleteSelectionAndUndo()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        window.show();
        QTableView *view = window.prospectView();
        auto *deleteAction = child<QAction>(window, "deleteAction");
        QVERIFY(!deleteAction->isEnabled());
        view->selectionModel()->select(
            QItemSelection(view->model()->index(0, 0), view->model()->index(2, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(deleteAction->isEnabled());
        view->setFocus();
        deleteAction->trigger();
        QCOMPARE(view->model()->rowCount(), 9);
        QCOMPARE(ProspectRepository(*window.database()).count(nullptr), 9);
        QVERIFY(window.undoStack()->canUndo());
        window.undoStack()->undo();
        QCOMPARE(view->model()->rowCount(), 12);
        window.undoStack()->redo();
        QCOMPARE(view->model()->rowCount(), 9);
    }

    void inlineEditRefusesInvalidEmail()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        window.show();
        QAbstractItemModel *model = window.prospectView()->model();
        const QModelIndex email = model->index(0, int(ProspectField::Email));
        const QVariant before = email.data();
        closeNextMessageBox();
        QVERIFY(!model->setData(email, QStringLiteral("not an email")));
        QTRY_COMPARE(m_messages.size(), 1);
        QVERIFY2(m_messages.first().contains(QStringLiteral("not a valid email")),
            qPrintable(m_messages.first()));
        QCOMPARE(model->index(0, int(ProspectField::Email)).data(), before);

        QVERIFY(model->setData(email, QStringLiteral("new@acme.example")));
        QCOMPARE(model->index(0, int(ProspectField::Email)).data(),
            QVariant(QStringLiteral("new@acme.example")));
        window.undoStack()->undo();
        QCOMPARE(model->index(0, int(ProspectField::Email)).data(), before);
    }

    void failedOpenKeepsTheCurrentFile()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        const QString notADatabase = file.dirPath() + QStringLiteral("/notes.txt");
        QVERIFY(writeFile(notADatabase, "these are my notes, not a database\n"));
        Error error;
        QVERIFY(!window.openDatabase(notADatabase, Database::Creation::MustExist, &error));
        QCOMPARE(error.kind, Error::Kind::NotADatabase);
        QVERIFY(error.message.contains(QStringLiteral("notes.txt")));
        QCOMPARE(window.database()->path(), QFileInfo(file.path()).absoluteFilePath());
        QCOMPARE(window.prospectModel()->rowCount(), 12);
    }

    void keyboardShortcuts()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        window.prospectView()->setFocus();

        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(child<QLineEdit>(window, "searchField")->hasFocus());

        QString dialogTitle;
        QTimer::singleShot(0, this, [&dialogTitle] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                dialogTitle = dialog->windowTitle();
                dialog->reject();
            }
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(dialogTitle, QStringLiteral("New Prospect"));

        // Typing in the table looks for a row; it never overwrites a cell.
        const QVariant name = window.prospectModel()->index(0, 0).data();
        window.prospectView()->setFocus();
        window.prospectView()->setCurrentIndex(window.prospectModel()->index(0, 0));
        QTest::keyClicks(window.prospectView(), QStringLiteral("Zed"));
        QCOMPARE(window.prospectModel()->index(0, 0).data(), name);
    }

    void selectingAProspectShowsItsTimeline()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        auto *name = child<QLabel>(window, "timelineName");

        // A click on a row...
        const qint64 person2 = idOf(window, QStringLiteral("Person2"));
        QTableView *table = window.prospectView();
        const QModelIndex cell = table->model()->index(
            window.prospectModel()->rowOf(person2), int(ProspectField::Company));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QCOMPARE(window.timelineModel()->prospectId(), person2);
        QVERIFY(name->isVisible());
        QVERIFY2(name->text().contains(QStringLiteral("Person2")), qPrintable(name->text()));
        QVERIFY2(name->text().contains(QStringLiteral("Initech")), qPrintable(name->text()));

        // ...and moving with the keyboard both follow the current row.
        QTest::keyClick(table, Qt::Key_Down);
        const qint64 next = window.prospectModel()->idAt(table->currentIndex().row());
        QVERIFY(next != person2);
        QCOMPARE(window.timelineModel()->prospectId(), next);
        const QString nextName
            = table->model()->index(table->currentIndex().row(), 0).data().toString();
        QVERIFY2(name->text().contains(nextName), qPrintable(name->text()));
        QVERIFY(!name->text().contains(QStringLiteral("Person2")));
    }

    void ctrlLLogsATouchAndUndoRemovesIt()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        const qint64 id = idOf(window, QStringLiteral("Person4"));
        selectProspect(window, id);
        QCOMPARE(window.timelineModel()->prospectId(), id);
        QCOMPARE(window.timelineModel()->rowCount(), 0);
        QCOMPARE(touchCountShown(window, id).toInt(), 0);

        onNextTouchDialog([](LogTouchDialog *dialog) {
            QVERIFY(choose(
                formField<QComboBox>(dialog, QStringLiteral("Channel:")), QStringLiteral("phone")));
            QVERIFY(choose(formField<QComboBox>(dialog, QStringLiteral("Outcome:")),
                QStringLiteral("voicemail")));
            formField<QPlainTextEdit>(dialog, QStringLiteral("Note:"))
                ->setPlainText(QStringLiteral("Asked to call back about the pilot"));
            dialog->accept();
        });
        window.prospectView()->setFocus();
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(m_dialogTitles, QStringList {QStringLiteral("Log Touch with Person4")});
        QCOMPARE(m_messages, QStringList {});

        const QList<Touch> touches = storedTouches(*window.database(), id);
        QCOMPARE(touches.size(), 1);
        const Touch &touch = touches.first();
        QCOMPARE(touch.channel, TouchChannel::Phone);
        QCOMPARE(touch.direction, TouchDirection::Out);
        QCOMPARE(touch.outcome, TouchOutcome::Voicemail);
        QCOMPARE(touch.notes, QStringLiteral("Asked to call back about the pilot"));
        QCOMPARE(touch.touchNumber, 1);
        QCOMPARE(touchCountShown(window, id).toInt(), 1);
        QCOMPARE(window.timelineModel()->prospectId(), id);
        QCOMPARE(window.timelineModel()->rowCount(), 1);
        const std::optional<Touch> shown = window.timelineModel()->touchAt(0);
        QVERIFY(shown);
        QCOMPARE(shown->id, touch.id);
        // The new touch is the current one in the timeline.
        const std::optional<Touch> current = window.timelinePanel()->currentTouch();
        QVERIFY(current);
        QCOMPARE(current->id, touch.id);

        QVERIFY(window.undoStack()->canUndo());
        window.undoStack()->undo();
        QVERIFY(storedTouches(*window.database(), id).isEmpty());
        QCOMPARE(touchCountShown(window, id).toInt(), 0);
        QCOMPARE(window.timelineModel()->rowCount(), 0);
    }

    void deleteKeyInTheTimelineRemovesTheTouch()
    {
        Test::TestDatabase file;
        fill(file.db());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        const qint64 id = idOf(window, QStringLiteral("Person5"));
        const qint64 email = logTouch(*window.database(), id, TouchChannel::Email,
            TouchOutcome::Sent, now.addDays(-3), QStringLiteral("First email"));
        const qint64 call = logTouch(
            *window.database(), id, TouchChannel::Phone, TouchOutcome::NoAnswer, now.addDays(-1));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectProspect(window, id);
        QCOMPARE(window.timelineModel()->rowCount(), 2);
        QCOMPARE(touchCountShown(window, id).toInt(), 2);

        auto *view = child<QListView>(window, "timelineView");
        QVERIFY(view->isVisible());
        view->setFocus();
        view->setCurrentIndex(
            window.timelineModel()->index(window.timelineModel()->rowOfTouch(email), 0));
        const std::optional<Touch> current = window.timelinePanel()->currentTouch();
        QVERIFY(current);
        QCOMPARE(current->id, email);
        QTest::keyClick(view, Qt::Key_Delete);

        QList<Touch> touches = storedTouches(*window.database(), id);
        QCOMPARE(touches.size(), 1);
        QCOMPARE(touches.first().id, call);
        QCOMPARE(touches.first().touchNumber, 1); // renumbered
        QCOMPARE(window.timelineModel()->rowCount(), 1);
        QCOMPARE(window.timelineModel()->rowOfTouch(email), -1);
        QCOMPARE(touchCountShown(window, id).toInt(), 1);
        // The prospect stays: Delete in the timeline is not Delete in the table.
        QVERIFY(window.prospectModel()->rowOf(id) >= 0);
        QCOMPARE(window.prospectModel()->totalCount(), 12);

        window.undoStack()->undo();
        touches = storedTouches(*window.database(), id);
        QCOMPARE(touches.size(), 2);
        QCOMPARE(touches.first().id, email);
        QCOMPARE(touches.first().notes, QStringLiteral("First email"));
        QCOMPARE(touches.first().touchNumber, 1);
        QCOMPARE(touches.last().touchNumber, 2);
        QVERIFY(window.timelineModel()->rowOfTouch(email) >= 0);
        QCOMPARE(touchCountShown(window, id).toInt(), 2);
    }

    void quickActionOpensTheLinkThenOffersToLogIt_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("email") << "Email" << QUrl(QStringLiteral("mailto:grace@navy.example"))
                               << "email"
                               << "sent";
        QTest::newRow("call") << "Call" << QUrl(QStringLiteral("tel:+4930123456")) << "phone"
                              << "no_answer";
        QTest::newRow("sms") << "SMS" << QUrl(QStringLiteral("sms:+4930123456")) << "sms"
                             << "sent";
        QTest::newRow("linkedin") << "LinkedIn"
                                  << QUrl(QStringLiteral("https://www.linkedin.com/in/grace"))
                                  << "linkedin"
                                  << "sent";
    }

    void quickActionOpensTheLinkThenOffersToLogIt()
    {
        QFETCH(QString, button);
        QFETCH(QUrl, url);
        QFETCH(QString, channel);
        QFETCH(QString, outcome);
        Test::TestDatabase file;
        fill(file.db());
        Prospect grace;
        grace.firstName = QStringLiteral("Grace");
        grace.lastName = QStringLiteral("Hopper");
        grace.email = QStringLiteral("grace@navy.example");
        grace.phone = QStringLiteral("+49 30 123456");
        grace.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/grace");
        const qint64 id = addProspect(file.db(), grace);
        MainWindow window;
        QStringList happened;
        window.setUrlOpener([&happened](const QUrl &opened) {
            happened.append(QStringLiteral("open ") + opened.toString());
            return true;
        });
        QVERIFY(showFile(window, file.path()));
        selectProspect(window, id);

        QString shownChannel, shownDirection, shownOutcome;
        onNextTouchDialog([&](LogTouchDialog *dialog) {
            happened.append(QStringLiteral("dialog ") + dialog->windowTitle());
            shownChannel = formField<QComboBox>(dialog, QStringLiteral("Channel:"))
                               ->currentData()
                               .toString();
            shownDirection = formField<QComboBox>(dialog, QStringLiteral("Direction:"))
                                 ->currentData()
                                 .toString();
            shownOutcome = formField<QComboBox>(dialog, QStringLiteral("Outcome:"))
                               ->currentData()
                               .toString();
            dialog->reject();
        });
        QToolButton *action = quickAction(window, button);
        QVERIFY(action->isVisible());
        QVERIFY(action->isEnabled());
        QTest::mouseClick(action, Qt::LeftButton);

        QCOMPARE(happened,
            QStringList({QStringLiteral("open ") + url.toString(),
                QStringLiteral("dialog Log Touch with Grace Hopper")}));
        QCOMPARE(shownChannel, channel);
        QCOMPARE(shownDirection, QStringLiteral("out"));
        QCOMPARE(shownOutcome, outcome);
        QCOMPARE(m_messages, QStringList {});
        // Cancelled: nothing is logged.
        QVERIFY(storedTouches(*window.database(), id).isEmpty());
        QVERIFY(!window.undoStack()->canUndo());
    }

    void quickActionWithoutTheFieldExplains_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("call") << "Call"
                              << "no usable phone number";
        QTest::newRow("sms") << "SMS"
                             << "no usable phone number for a text message";
        QTest::newRow("linkedin") << "LinkedIn"
                                  << "no LinkedIn profile";
    }

    void quickActionWithoutTheFieldExplains()
    {
        QFETCH(QString, button);
        QFETCH(QString, messagePart);
        Test::TestDatabase file;
        fill(file.db()); // nobody has a phone number or a LinkedIn profile
        MainWindow window;
        int opened = 0;
        countOpenedLinks(window, &opened);
        QVERIFY(showFile(window, file.path()));
        selectProspect(window, idOf(window, QStringLiteral("Person1")));

        closeNextMessageBox();
        QTest::mouseClick(quickAction(window, button), Qt::LeftButton);
        QTRY_COMPARE(m_messages.size(), 1);
        QVERIFY2(
            m_messages.first().contains(QStringLiteral("Person1")), qPrintable(m_messages.first()));
        QVERIFY2(m_messages.first().contains(messagePart), qPrintable(m_messages.first()));
        QCOMPARE(opened, 0);
    }

    void saysSoWhenNoProgramOpensTheLink()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        window.setUrlOpener([](const QUrl &) { return false; });
        QVERIFY(showFile(window, file.path()));
        selectProspect(window, idOf(window, QStringLiteral("Person1")));

        closeNextMessageBox();
        QTest::mouseClick(quickAction(window, QStringLiteral("Email")), Qt::LeftButton);
        QTRY_COMPARE(m_messages.size(), 1);
        // No log form either: nothing was sent.
        QVERIFY2(
            m_messages.first().contains(QStringLiteral("mailto")), qPrintable(m_messages.first()));
    }

    void doNotContactShowsTheBannerAndBlocksQuickActions()
    {
        Test::TestDatabase file;
        fill(file.db());
        Prospect dana;
        dana.firstName = QStringLiteral("Dana");
        dana.email = QStringLiteral("dana@initech.example");
        dana.phone = QStringLiteral("+1 555 0100");
        dana.status = ProspectStatus::DoNotContact;
        const qint64 danaId = addProspect(file.db(), dana);
        MainWindow window;
        int opened = 0;
        countOpenedLinks(window, &opened);
        QVERIFY(showFile(window, file.path()));
        auto *banner = child<QLabel>(window, "doNotContactBanner");
        const QStringList actions = {QStringLiteral("Email"), QStringLiteral("Call"),
            QStringLiteral("LinkedIn"), QStringLiteral("SMS")};

        selectProspect(window, danaId);
        QCOMPARE(window.timelineModel()->prospectId(), danaId);
        QVERIFY(banner->isVisible());
        for (const QString &text : actions) {
            QToolButton *button = quickAction(window, text);
            QVERIFY2(button->isVisible(), qPrintable(text));
            QVERIFY2(!button->isEnabled(), qPrintable(text));
        }
        QTest::mouseClick(quickAction(window, QStringLiteral("Call")), Qt::LeftButton);
        QCOMPARE(opened, 0);

        // Another prospect: the banner goes and the actions come back.
        selectProspect(window, idOf(window, QStringLiteral("Person1")));
        QVERIFY(!banner->isVisible());
        for (const QString &text : actions)
            QVERIFY2(quickAction(window, text)->isEnabled(), qPrintable(text));
    }

    // A teammate's copy writes to the same file: the table, the timeline and the
    // count follow within about two seconds, and the selection and a half-typed
    // cell stay as they were.
    void changesMadeElsewhereShowWithoutLosingWork()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        const qint64 person2 = idOf(window, QStringLiteral("Person2"));
        QTableView *table = window.prospectView();
        table->selectRow(window.prospectModel()->rowOf(person2));
        QCOMPARE(window.timelineModel()->prospectId(), person2);
        const int timelineRows = window.timelineModel()->rowCount();
        const QModelIndex company = table->model()->index(
            window.prospectModel()->rowOf(person2), int(ProspectField::Company));
        table->edit(company);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Initech, half typed"));

        std::unique_ptr<Database> teammate = file.openSecondConnection();
        QVERIFY(teammate && teammate->isOpen());
        Prospect added;
        added.firstName = QStringLiteral("Teammate's");
        Error error;
        QVERIFY2(ProspectRepository(*teammate).add(&added, &error), qPrintable(error.message));
        Touch touch = Test::makeTouch(
            person2, QStringLiteral("phone/out/no_answer"), QDateTime::currentDateTimeUtc());
        QVERIFY2(
            TouchRepository(*teammate).log(&touch, nullptr, &error), qPrintable(error.message));

        QTRY_COMPARE_WITH_TIMEOUT(window.prospectModel()->rowCount(), 13, 3000);
        QTRY_COMPARE(window.timelineModel()->rowCount(), timelineRows + 1);
        QCOMPARE(child<QLabel>(window, "countLabel")->text(), QStringLiteral("13 prospects"));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("elsewhere")),
            qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.prospectModel()->idAt(table->currentIndex().row()), person2);
        QCOMPARE(window.timelineModel()->prospectId(), person2);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("Initech, half typed"));
    }

    void tableEditAfterATeammatesAsksWhichToKeep_data()
    {
        QTest::addColumn<ProspectConflictDialog::Choice>("choice");
        QTest::addColumn<QString>("stored");
        QTest::newRow("keep mine")
            << ProspectConflictDialog::Choice::KeepMine << QStringLiteral("Mine Inc");
        QTest::newRow("keep theirs")
            << ProspectConflictDialog::Choice::KeepTheirs << QStringLiteral("Theirs Inc");
    }

    // A teammate saved the same field a moment before this user's inline edit:
    // the window asks, and what the user picks is what the file keeps.
    void tableEditAfterATeammatesAsksWhichToKeep()
    {
        QFETCH(ProspectConflictDialog::Choice, choice);
        QFETCH(QString, stored);
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        const qint64 person2 = idOf(window, QStringLiteral("Person2"));
        const QModelIndex company = window.prospectModel()->index(
            window.prospectModel()->rowOf(person2), int(ProspectField::Company));
        QVERIFY(company.data().isValid()); // the row as this copy read it

        std::unique_ptr<Database> teammate = file.openSecondConnection();
        QVERIFY(Test::execSql(*teammate,
            QStringLiteral("UPDATE prospects SET company = 'Theirs Inc', "
                           "row_version = row_version + 1 WHERE id = ?"),
            {person2}));

        QStringList asked;
        QTimer chooser;
        connect(&chooser, &QTimer::timeout, this, [&asked, choice] {
            auto *dialog
                = qobject_cast<ProspectConflictDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            asked.append(dialog->windowTitle());
            dialog->button(choice)->click();
        });
        chooser.start(20);
        // Before the window has heard of the teammate's save.
        QVERIFY(!window.prospectModel()->setData(company, QStringLiteral("Mine Inc")));
        QTRY_COMPARE(asked.size(), 1);
        QTRY_COMPARE(companyOf(file.db(), person2), stored);
        QTRY_COMPARE(
            window.prospectModel()
                ->index(window.prospectModel()->rowOf(person2), int(ProspectField::Company))
                .data()
                .toString(),
            stored);
        QVERIFY(m_messages.isEmpty());
    }

    void ctrl1AndCtrl2MoveBetweenTableAndTimeline()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        const qint64 id = idOf(window, QStringLiteral("Person3"));
        logTouch(*window.database(), id, TouchChannel::Email, TouchOutcome::Sent,
            QDateTime::currentDateTimeUtc().addDays(-2));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        selectProspect(window, id);
        auto *view = child<QListView>(window, "timelineView");
        QCOMPARE(window.timelineModel()->rowCount(), 1);
        window.prospectView()->setFocus();
        QVERIFY(window.prospectView()->hasFocus());

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(view->hasFocus());
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QVERIFY(window.prospectView()->hasFocus());
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(view->hasFocus());
        // The table keeps its row while the timeline has focus.
        QCOMPARE(window.timelineModel()->prospectId(), id);
    }

    void tabsAndTheLandingView()
    {
        Test::TestDatabase file;
        fill(file.db());
        {
            MainWindow window;
            QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
            window.show();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            auto *views = child<QTabWidget>(window, "views");
            QCOMPARE(views->count(), 4);
            QTRY_COMPARE(tabText(window, 0), QStringLiteral("Due 0"));
            QCOMPARE(tabText(window, 1), QStringLiteral("Prospects"));
            QCOMPARE(tabText(window, 2), QStringLiteral("Cadences"));
            QCOMPARE(tabText(window, 3), QStringLiteral("Dashboard"));
            // Nobody runs in a cadence yet: the day starts with the prospects.
            QCOMPARE(window.currentView(), MainWindow::View::Prospects);

            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            QCOMPARE(window.currentView(), MainWindow::View::Due);
            QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
            QCOMPARE(window.currentView(), MainWindow::View::Cadences);
            QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
            QCOMPARE(window.currentView(), MainWindow::View::Dashboard);
            QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
            QCOMPARE(window.currentView(), MainWindow::View::Prospects);
            QVERIFY(window.prospectView()->hasFocus());
        }

        // Two prospects enrolled, one of them since yesterday with its first step
        // overdue: the file opens on the due list, counting both.
        const std::optional<Cadence> cadence
            = CadenceRepository(file.db()).find(QStringLiteral("Respectful six-step"), nullptr);
        QVERIFY(cadence);
        EnrollResult result;
        Error error;
        QVERIFY2(EnrollmentRepository(file.db()).enroll(cadence->id, {1, 2}, 0, &result, &error),
            qPrintable(error.message));
        QVERIFY(Test::backdateEnrollment(
            file.db(), result.enrolled.first(), QDateTime::currentDateTimeUtc().addDays(-3)));
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        QCOMPARE(window.currentView(), MainWindow::View::Due);
        const int due = window.duePage()->dueTodayCount() + window.duePage()->overdueCount();
        QCOMPARE(window.duePage()->overdueCount(), 1);
        QVERIFY(due >= 1);
        QTRY_COMPARE(tabText(window, 0), QStringLiteral("Due %1 (1 overdue)").arg(due));
    }

    void enrollPauseResumeAndTakeOutAreUndoable()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        const QList<qint64> ids
            = {idOf(window, QStringLiteral("Person1")), idOf(window, QStringLiteral("Person2"))};
        selectProspects(window, ids);
        QUndoStack *undo = window.undoStack();
        const auto trigger
            = [&window](const char *action) { child<QAction>(window, action)->trigger(); };
        const auto states = [&] { return enrollmentStates(*window.database(), ids); };
        const QStringList active = {QStringLiteral("active"), QStringLiteral("active")};

        chooseInNextEnrollDialog(QStringLiteral("Respectful six-step"));
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_messages, QStringList());
        QCOMPARE(m_dialogTitles, QStringList {QStringLiteral("Enroll in Cadence")});
        QCOMPARE(states(), active);
        QCOMPARE(undo->count(), 1);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Enrolled 2")));
        // The table shows the new status at once.
        const int row = window.prospectModel()->rowOf(ids.first());
        QCOMPARE(window.prospectModel()->index(row, int(ProspectField::Status)).data().toString(),
            QStringLiteral("In cadence"));

        trigger("pauseAction");
        QCOMPARE(states(), QStringList(2, QStringLiteral("paused")));
        closeNextMessageBox();
        trigger("pauseAction");
        QCOMPARE(m_messages,
            QStringList {
                QStringLiteral("None of the selected prospects has an active cadence to pause.")});
        QCOMPARE(undo->count(), 2);
        trigger("resumeAction");
        QCOMPARE(states(), active);
        trigger("unenrollAction");
        QCOMPARE(states(), QStringList(2, QStringLiteral("stopped")));
        QCOMPARE(undo->count(), 4);

        trigger("undoAction");
        QCOMPARE(states(), active);
        trigger("undoAction");
        QCOMPARE(states(), QStringList(2, QStringLiteral("paused")));
        trigger("undoAction");
        QCOMPARE(states(), active);
        trigger("undoAction");
        QCOMPARE(states(), QStringList(2, QStringLiteral("none")));
        trigger("redoAction");
        QCOMPARE(states(), active);
    }

    void undoStoresTypingOnTheCadencesTabFirst()
    {
        Test::TestDatabase file;
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        window.showView(MainWindow::View::Cadences);
        CadencesPage *page = window.cadencesPage();
        QVERIFY(page->currentCadenceId() != 0);
        const qint64 id = page->currentCadenceId();
        // An edit stored before, so that Undo is enabled.
        auto *description = child<QLineEdit>(window, "cadenceDescription");
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral(" Edited."));
        QTest::keyClick(description, Qt::Key_Return);
        QCOMPARE(window.undoStack()->count(), 1);
        const QString describedAs = description->text();

        auto *name = child<QLineEdit>(window, "cadenceName");
        const QString original = name->text();
        name->setFocus();
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral(" (short)"));
        const QString typed = original + QStringLiteral(" (short)");

        // The tool bar's Undo, clicked while the name is being typed, takes the
        // typing back; redo puts it back, and it was stored.
        child<QAction>(window, "undoAction")->trigger();
        const auto storedName = [&] {
            const std::optional<Cadence> cadence
                = CadenceRepository(*window.database()).get(id, nullptr);
            return cadence ? cadence->name : QString();
        };
        QCOMPARE(storedName(), original);
        QCOMPARE(name->text(), original);
        QCOMPARE(description->text(), describedAs);
        child<QAction>(window, "redoAction")->trigger();
        QCOMPARE(storedName(), typed);
        QCOMPARE(name->text(), typed);

        // Typing left when the file closes is stored, not lost.
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("!"));
        window.close();
        Error error;
        const std::optional<Cadence> stored = CadenceRepository(file.db()).get(id, &error);
        QVERIFY2(stored, qPrintable(error.message));
        QCOMPARE(stored->name, typed + QStringLiteral("!"));
    }

    void damagedFileIsReportedAfterOpening()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("damaged.touchline"));
        QVERIFY(writeFileOfManyPages(path, nullptr));
        QVERIFY(damagePagesInTheMiddle(path));

        QTimer closer;
        closeMessageBoxesAsTheyCome(closer);
        MainWindow window;
        window.show();
        window.openDatabase(path, Database::Creation::MustExist, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(m_messages.filter(QStringLiteral("damaged")).size() >= 1, 10000);
        QVERIFY(m_messages.filter(QStringLiteral("damaged"))
                    .first()
                    .contains(QStringLiteral("damaged.touchline")));
    }

    void damagedFileOffersItsLatestBackup_data()
    {
        QTest::addColumn<bool>("truncated");

        // Found by the quick check on open.
        QTest::newRow("truncated") << true;
        // Found by the full check that runs in the background after opening.
        QTest::newRow("garbage in the middle") << false;
    }

    void damagedFileOffersItsLatestBackup()
    {
        QFETCH(bool, truncated);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("damaged.touchline"));
        QString backup;
        QVERIFY(writeFileOfManyPages(path, &backup));
        if (truncated)
            QVERIFY(QFile::resize(path, QFileInfo(path).size() / 2));
        else
            QVERIFY(damagePagesInTheMiddle(path));

        // The first message box offers the backup, and it is taken.
        QTimer taker;
        connect(&taker, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_messages.append(box->text() + QLatin1Char('\n') + box->informativeText());
            auto *button = box->findChild<QPushButton *>(QStringLiteral("openLatestBackupButton"));
            if (button)
                button->click();
            else
                box->close();
        });
        taker.start(20);
        MainWindow window;
        window.show();
        QVERIFY(window.openDatabaseInteractively(path, Database::Creation::MustExist));
        QTRY_VERIFY_WITH_TIMEOUT(window.database() && window.database()->path() == backup, 10000);
        QVERIFY(window.database()->isReadOnly());
        QCOMPARE(window.prospectModel()->rowCount(), 3000);
        QCOMPARE(m_messages.size(), 1);
        QVERIFY2(m_messages.first().contains(QStringLiteral("damaged.touchline")),
            qPrintable(m_messages.first()));
        QVERIFY2(m_messages.first().contains(QDir::toNativeSeparators(backup)),
            qPrintable(m_messages.first()));
        QVERIFY(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(backup)));
        QTRY_VERIFY(window.findChildren<QThread *>().isEmpty());
        QCOMPARE(m_messages.size(), 1); // the backup itself is sound
    }

    void backUpCopiesTheOpenFile_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("chooseFolder");

        QTest::newRow("next to it") << false << false;
        QTest::newRow("to a chosen folder") << false << true;
        QTest::newRow("read-only, next to it") << true << false;
        QTest::newRow("read-only, to a chosen folder") << true << true;
    }

    void backUpCopiesTheOpenFile()
    {
        QFETCH(bool, readOnly);
        QFETCH(bool, chooseFolder);

        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        file.db().close();
        QTemporaryDir chosen;
        QVERIFY(chosen.isValid());
        MainWindow window;
        QStringList asked;
        window.setFolderChooser([&](const QString &title, const QString &start) -> QString {
            asked.append(title + QLatin1Char(' ') + start);
            return chosen.path();
        });
        Error error;
        QVERIFY2(window.openDatabase(file.path(), Database::Creation::MustExist, &error,
                     readOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite),
            qPrintable(error.message));
        window.show();
        auto *action = child<QAction>(window, chooseFolder ? "backUpToAction" : "backUpAction");
        QVERIFY(action->isEnabled());
        action->trigger();

        const QString folder = chooseFolder ? chosen.path() : file.dirPath();
        QTRY_COMPARE_WITH_TIMEOUT(Backup::list(file.path(), folder).size(), 1, 20000);
        const QString backup = Backup::list(file.path(), folder).first().path;
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(backup)), 20000);
        QVERIFY(action->isEnabled());
        QCOMPARE(asked.size(), chooseFolder ? 1 : 0);
        if (chooseFolder)
            QVERIFY2(asked.first().endsWith(file.dirPath()), qPrintable(asked.first()));
        QVERIFY(!Database::checkIntegrity(backup).isError());
        Database copy;
        QVERIFY(
            copy.open(backup, Database::Creation::MustExist, Database::Access::ReadOnly, &error));
        QCOMPARE(Test::tableRows(copy, QStringLiteral("prospects")),
            Test::tableRows(*window.database(), QStringLiteral("prospects")));
        QTRY_VERIFY(window.findChildren<QThread *>().isEmpty());
    }

    void backUpToAFolderThatIsGoneSaysWhy()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        const QString gone = file.dirPath() + QStringLiteral("/gone");
        MainWindow window;
        window.setFolderChooser([&](const QString &, const QString &) { return gone; });
        QVERIFY(showFile(window, file.path()));
        QTimer closer;
        closeMessageBoxesAsTheyCome(closer);
        child<QAction>(window, "backUpToAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_messages.size(), 1, 20000);
        QVERIFY2(m_messages.first().contains(QDir::toNativeSeparators(gone)),
            qPrintable(m_messages.first()));
        QVERIFY2(m_messages.first().contains(QStringLiteral("test.touchline")),
            qPrintable(m_messages.first()));
        QCOMPARE(QDir(file.dirPath()).entryList(QDir::Files),
            QStringList {QStringLiteral("test.touchline")});
    }

    void dashboardComputesWhenShownAndAfterChanges()
    {
        Test::TestDatabase file;
        fill(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        auto *stats = window.findChild<StatsComputation *>();
        QVERIFY(stats);
        QSignalSpy finished(stats, &StatsComputation::finished);
        // Nothing is computed for a tab nobody looks at.
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);

        const qint64 id = idOf(window, QStringLiteral("Person1"));
        logTouch(*window.database(), id, TouchChannel::Email, TouchOutcome::Sent,
            QDateTime::currentDateTimeUtc().addDays(-20));
        window.showView(MainWindow::View::Dashboard);
        QTRY_COMPARE(finished.count(), 1);
        const auto result = finished.last().first().value<StatsResult>();
        QCOMPARE(result.report.byTouchNumber.first().tally.settled, 1);
        QCOMPARE(result.report.byTouchNumber.first().tally.replies, 0);

        // A reply logged while the dashboard shows is counted without asking.
        Touch reply;
        reply.prospectId = id;
        reply.channel = TouchChannel::Email;
        reply.direction = TouchDirection::In;
        reply.outcome = TouchOutcome::Replied;
        reply.occurredAt = QDateTime::currentDateTimeUtc().addDays(-19);
        Error error;
        QVERIFY2(TouchRepository(*window.database()).log(&reply, nullptr, &error),
            qPrintable(error.message));
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(
            finished.last().first().value<StatsResult>().report.byTouchNumber.first().tally.replies,
            1);
    }

    void readOnlyFileCanBeReviewedButNotChanged()
    {
        Test::TestDatabase file;
        fill(file.db());
        file.db().close();
        const QByteArray before = Test::fileChecksum(file.path());
        {
            MainWindow window;
            Error error;
            QVERIFY2(window.openDatabase(file.path(), Database::Creation::MustExist, &error,
                         Database::Access::ReadOnly),
                qPrintable(error.message));
            window.show();
            QVERIFY(window.windowTitle().contains(QStringLiteral("(read-only)")));
            QCOMPARE(window.prospectModel()->rowCount(), 12);
            window.prospectView()->selectRow(0);
            QVERIFY(window.timelineModel()->summary());
            for (const char *name : {"addAction", "editAction", "deleteAction", "logTouchAction"})
                QVERIFY2(!child<QAction>(window, name)->isEnabled(), name);
            for (QPushButton *button : window.timelinePanel()->findChildren<QPushButton *>())
                QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
            QVERIFY(!(window.prospectModel()->flags(window.prospectModel()->index(0, 0))
                & Qt::ItemIsEditable));
            QTRY_VERIFY(window.findChildren<QThread *>().isEmpty()); // the background check ended
        }
        QCOMPARE(Test::fileChecksum(file.path()), before);
        QVERIFY(!QFileInfo::exists(file.path() + QStringLiteral("-journal")));
    }

    void ownerFilterNarrowsTheTable()
    {
        Test::TestDatabase file;
        fillWithOwnersForAlice(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        auto *owner = child<QComboBox>(window, "ownerFilter");
        QCOMPARE(comboTexts(owner),
            (QStringList {QStringLiteral("Everyone"), QStringLiteral("My prospects"),
                QStringLiteral("Alice"), QStringLiteral("Bob")}));
        QCOMPARE(owner->currentIndex(), 0);
        QCOMPARE(window.prospectModel()->rowCount(), 6);

        owner->setCurrentIndex(owner->findText(QStringLiteral("My prospects")));
        QCOMPARE(ownersShown(window), QStringList(3, QStringLiteral("Alice")));
        QCOMPARE(
            child<QLabel>(window, "countLabel")->text(), QStringLiteral("3 of 6 prospects shown"));
        owner->setCurrentIndex(owner->findText(QStringLiteral("Bob")));
        QCOMPARE(ownersShown(window), QStringList(2, QStringLiteral("Bob")));

        // With the status filter too: nobody's prospects are all new.
        auto *status = child<QComboBox>(window, "statusFilter");
        status->setCurrentIndex(status->findData(QStringLiteral("won")));
        QCOMPARE(window.prospectModel()->rowCount(), 0);
        status->setCurrentIndex(0);
        owner->setCurrentIndex(0);
        QCOMPARE(window.prospectModel()->rowCount(), 6);

        // The label's mnemonic reaches the combo.
        const auto labels = window.findChildren<QLabel *>();
        const auto label = std::find_if(labels.cbegin(), labels.cend(),
            [owner](const QLabel *l) { return l->buddy() == owner; });
        QVERIFY(label != labels.cend());
        QCOMPARE((*label)->text(), QStringLiteral("&Owner:"));
    }

    void ownerFilterKeepsItsChoiceWhenUsersChange()
    {
        Test::TestDatabase file;
        fillWithOwnersForAlice(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        auto *owner = child<QComboBox>(window, "ownerFilter");
        owner->setCurrentIndex(owner->findText(QStringLiteral("Bob")));
        QCOMPARE(window.prospectModel()->rowCount(), 2);

        userId(*window.database(), QStringLiteral("Carol"));
        QCOMPARE(comboTexts(owner),
            (QStringList {QStringLiteral("Everyone"), QStringLiteral("My prospects"),
                QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Carol")}));
        QCOMPARE(owner->currentText(), QStringLiteral("Bob"));
        QCOMPARE(ownersShown(window), QStringList(2, QStringLiteral("Bob")));

        // A user added by a teammate's copy shows up too.
        {
            Database other;
            QVERIFY(other.open(
                file.path(), Database::Creation::MustExist, Database::Access::ReadWrite, nullptr));
            userId(other, QStringLiteral("Dev"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(owner->count(), 6, 10000);
        QCOMPARE(owner->currentText(), QStringLiteral("Bob"));
        QCOMPARE(window.prospectModel()->rowCount(), 2);
    }

    void ownerFilterIsRememberedBetweenSessions_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("sameFile"); // or a file whose user ids differ
        QTest::addColumn<QString>("restored");
        QTest::addColumn<int>("rows");

        QTest::newRow("everyone") << QStringLiteral("Everyone") << true
                                  << QStringLiteral("Everyone") << 6;
        QTest::newRow("my prospects")
            << QStringLiteral("My prospects") << true << QStringLiteral("My prospects") << 3;
        QTest::newRow("a teammate") << QStringLiteral("Bob") << true << QStringLiteral("Bob") << 2;
        QTest::newRow("a teammate, another file")
            << QStringLiteral("Bob") << false << QStringLiteral("Bob") << 2;
        QTest::newRow("a user the other file lacks")
            << QStringLiteral("Carol") << false << QStringLiteral("Everyone") << 6;
    }

    void ownerFilterIsRememberedBetweenSessions()
    {
        QFETCH(QString, chosen);
        QFETCH(bool, sameFile);
        QFETCH(QString, restored);
        QFETCH(int, rows);
        Test::TestDatabase first;
        fillWithOwnersForAlice(first.db());
        userId(first.db(), QStringLiteral("Carol"));
        {
            MainWindow window;
            QVERIFY(showFile(window, first.path()));
            auto *owner = child<QComboBox>(window, "ownerFilter");
            // Away from the choice and back, so that choosing it is a change.
            owner->setCurrentIndex(owner->findText(QStringLiteral("Carol")));
            owner->setCurrentIndex(owner->findText(chosen));
            QCOMPARE(owner->currentText(), chosen);
        }
        Test::TestDatabase second;
        userId(second.db(), QStringLiteral("Zed"));
        fillWithOwners(second.db());
        MainWindow window;
        QVERIFY(showFile(window, sameFile ? first.path() : second.path()));
        QCOMPARE(child<QComboBox>(window, "ownerFilter")->currentText(), restored);
        QCOMPARE(window.prospectModel()->rowCount(), rows);
        QCOMPARE(m_messages, QStringList {});
    }

    void yourNameChangesTheAuthorOfWhatFollows()
    {
        Test::TestDatabase file;
        fillWithOwnersForAlice(file.db());
        MainWindow window;
        QVERIFY(showFile(window, file.path()));
        Database &db = *window.database();
        const qint64 alice = UserRepository(db).find(QStringLiteral("Alice"), nullptr);
        const qint64 bob = UserRepository(db).find(QStringLiteral("Bob"), nullptr);
        QVERIFY(alice && bob);
        auto *owner = child<QComboBox>(window, "ownerFilter");
        owner->setCurrentIndex(owner->findText(QStringLiteral("My prospects")));
        QCOMPARE(ownersShown(window), QStringList(3, QStringLiteral("Alice")));

        auto logATouch = [this, &window](qint64 prospectId) {
            selectProspect(window, prospectId);
            onNextTouchDialog([](LogTouchDialog *dialog) { dialog->accept(); });
            child<QAction>(window, "logTouchAction")->trigger();
            const QList<Touch> touches = storedTouches(*window.database(), prospectId);
            return touches.isEmpty() ? qint64(-1) : touches.first().authorId;
        };
        QCOMPARE(logATouch(idOf(window, QStringLiteral("Owned0"))), alice);

        answerNextNameDialog(QStringLiteral("Bob"));
        child<QAction>(window, "userNameAction")->trigger();
        QCOMPARE(m_dialogTitles.value(1), QStringLiteral("Your Name"));
        QCOMPARE(AppSettings::userName(), QStringLiteral("Bob"));
        // "My prospects" follows the user.
        QCOMPARE(owner->currentText(), QStringLiteral("My prospects"));
        QCOMPARE(ownersShown(window), QStringList(2, QStringLiteral("Bob")));
        QCOMPARE(logATouch(idOf(window, QStringLiteral("Owned1"))), bob);

        // A new name becomes a user of the file, and edits are recorded under it too.
        answerNextNameDialog(QStringLiteral("Erin"));
        child<QAction>(window, "userNameAction")->trigger();
        const qint64 erin = UserRepository(db).find(QStringLiteral("Erin"), nullptr);
        QVERIFY(erin);
        QVERIFY(owner->findText(QStringLiteral("Erin")) > 0);
        QCOMPARE(window.prospectModel()->rowCount(), 0);
        owner->setCurrentIndex(0);
        const qint64 id = idOf(window, QStringLiteral("Owned5"));
        QCOMPARE(logATouch(id), erin);
        const int row = window.prospectModel()->rowOf(id);
        QVERIFY(window.prospectModel()->setData(
            window.prospectModel()->index(row, int(ProspectField::Company)),
            QStringLiteral("Initech")));
        const std::optional<Prospect> edited = ProspectRepository(db).get(id, nullptr);
        QVERIFY(edited);
        QCOMPARE(edited->updatedByName, QStringLiteral("Erin"));
        QCOMPARE(m_messages, QStringList {});
    }

    void yourNameOnAReadOnlyFileWritesNothing()
    {
        Test::TestDatabase file;
        fillWithOwners(file.db());
        file.db().close();
        const QByteArray before = Test::fileChecksum(file.path());
        AppSettings::setUserName(QStringLiteral("Bob"));
        {
            MainWindow window;
            QVERIFY(window.openDatabase(
                file.path(), Database::Creation::MustExist, nullptr, Database::Access::ReadOnly));
            auto *owner = child<QComboBox>(window, "ownerFilter");
            owner->setCurrentIndex(owner->findText(QStringLiteral("My prospects")));
            QCOMPARE(ownersShown(window), QStringList(2, QStringLiteral("Bob")));

            answerNextNameDialog(QStringLiteral("Zed"));
            child<QAction>(window, "userNameAction")->trigger();
            QCOMPARE(AppSettings::userName(), QStringLiteral("Zed"));
            // Zed is not a user of the file, so there is no "My prospects" to show.
            QCOMPARE(owner->findText(QStringLiteral("My prospects")), -1);
            QCOMPARE(owner->currentIndex(), 0);
            QCOMPARE(window.prospectModel()->rowCount(), 6);
            QTRY_VERIFY(window.findChildren<QThread *>().isEmpty());
        }
        QCOMPARE(Test::fileChecksum(file.path()), before);
        QCOMPARE(m_messages, QStringList {});
    }

    void droppingAContactsFileOpensTheImportWizard_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("opens");

        QTest::newRow("csv") << QStringLiteral("contacts.csv") << false << true;
        QTest::newRow("vCard, upper case") << QStringLiteral("cards.VCF") << false << true;
        QTest::newRow("txt") << QStringLiteral("list.txt") << false << true;
        QTest::newRow("Touchline file") << QStringLiteral("other.touchline") << false << false;
        QTest::newRow("image") << QStringLiteral("photo.png") << false << false;
        QTest::newRow("csv on a read-only file") << QStringLiteral("contacts.csv") << true << false;
    }

    void droppingAContactsFileOpensTheImportWizard()
    {
        QFETCH(QString, name);
        QFETCH(bool, readOnly);
        QFETCH(bool, opens);

        Test::TestDatabase file;
        QVERIFY(file.isValid());
        const QString path = file.dirPath() + QLatin1Char('/') + name;
        QVERIFY(writeFile(path,
            name.endsWith(QLatin1String("VCF"))
                ? "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\n"
                  "END:VCARD\r\n"
                : "Name,Email\nAda Lovelace,ada@example.com\n"));
        MainWindow window;
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr,
            readOnly ? Database::Access::ReadOnly : Database::Access::ReadWrite));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(
            QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QCOMPARE(enter.isAccepted(), opens);
        QCOMPARE(child<QAction>(window, "importProspectsAction")->isEnabled(), !readOnly);
        if (!opens)
            return;

        QString shown;
        QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        // After the drop: the wizard opens from the event loop, once the drop has ended.
        // The wizard reads the file in the background.
        onNextDialog<ImportWizard>(QStringLiteral("import wizard"), [&shown](ImportWizard *wizard) {
            QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
            shown = wizard->filePath();
        });
        QTRY_COMPARE(m_dialogTitles, QStringList {QStringLiteral("Import Prospects")});
        QCOMPARE(shown, path);
        QCOMPARE(m_messages, QStringList());
    }

    void importedProspectsShowInTheTable()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        const QString path = file.dirPath() + QStringLiteral("/new.csv");
        QVERIFY(writeFile(path, "Name,Email,Company\nAda Lovelace,ada@example.com,Analytical\n"));
        MainWindow window;
        answerOpenDialogs(window, path);
        QVERIFY(showFile(window, file.path()));
        onNextDialog<ImportWizard>(QStringLiteral("import wizard"), [](ImportWizard *wizard) {
            wizard->findChild<QPushButton *>(QStringLiteral("browseButton"))->click();
            // Reading the file and checking it for duplicates run in the background.
            for (QWizard::WizardButton next :
                {QWizard::NextButton, QWizard::NextButton, QWizard::CommitButton}) {
                QTRY_VERIFY(wizard->button(next)->isEnabled());
                wizard->next();
            }
            QTRY_VERIFY_WITH_TIMEOUT(wizard->resultView()->hasFinished(), 20000);
            wizard->accept();
        });
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_messages, QStringList());
        QCOMPARE(m_dialogTitles, QStringList {QStringLiteral("Import Prospects")});
        QCOMPARE(window.prospectModel()->rowCount(), 13);
        QVERIFY(idOf(window, QStringLiteral("Ada")) > 0);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("1 imported")),
            qPrintable(window.statusBar()->currentMessage()));
    }

    void importsTouchHistory()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        const QString path = fillWithTouchHistory(file,
            {"p1@globex.example,email,out,sent,2024-03-01T10:00:00Z,Intro",
                "p1@globex.example,phone,out,no_answer,2024-03-04T15:30:00Z,",
                "nobody@example.com,email,out,sent,2024-03-01T10:00:00Z,",
                "p4@globex.example,carrier pigeon,out,sent,2024-03-01T10:00:00Z,"});
        QVERIFY(!path.isEmpty());
        MainWindow window;
        QStringList asked;
        window.setOpenFileChooser([&](const QString &title, const QString &, const QString &) {
            asked.append(title);
            return path;
        });
        const QString listPath = file.dirPath() + QStringLiteral("/not-imported.csv");
        answerSaveDialogs(window, listPath);
        QVERIFY(showFile(window, file.path()));
        const qint64 p1 = idOf(window, QStringLiteral("Person1"));

        // The question first, counting the touches read; then the import runs.
        QTimer driver;
        connect(&driver, &QTimer::timeout, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                m_messages.append(box->text());
                const QList<QAbstractButton *> buttons = box->buttons();
                for (QAbstractButton *button : buttons) {
                    if (box->buttonRole(button) == QMessageBox::AcceptRole)
                        button->click();
                }
            } else if (auto *dialog = qobject_cast<ImportRunDialog *>(modal);
                       dialog && dialog->view()->hasFinished()) {
                m_dialogTitles.append(dialog->windowTitle());
                dialog->findChild<QPushButton *>(QStringLiteral("saveListButton"))->click();
                dialog->reject();
            }
        });
        driver.start(20);
        child<QAction>(window, "importTouchesAction")->trigger();
        QCOMPARE(asked, QStringList {QStringLiteral("Import Touch History From")});
        QCOMPARE(m_dialogTitles, QStringList {QStringLiteral("Import Touch History")});
        QCOMPARE(m_messages, QStringList {QStringLiteral("Import 3 touches from history.csv?")});
        QCOMPARE(storedTouches(*window.database(), p1).size(), 2);
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QStringLiteral("2 imported, 0 updated, 0 skipped, 2 failed")),
            qPrintable(window.statusBar()->currentMessage()));
        QTRY_COMPARE(touchCountShown(window, p1).toInt(), 2);
        // The failed rows, the reader's and the importer's, in the file's order.
        const std::optional<QByteArray> list = readFile(listPath);
        QVERIFY(list);
        const QList<QByteArray> lines = list->trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(1).startsWith("4,"), lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("5,"), lines.at(2).constData());
    }

    void exportsTheChosenProspects_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<ExportScopeDialog::Scope>("scope");
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QStringList>("firstColumn"); // of each row, sorted

        using Scope = ExportScopeDialog::Scope;
        const QStringList prospectHeader = QStringLiteral(
            "first_name,last_name,company,title,email,phone,linkedin_url,owner,status,time_zone,"
            "created_at,last_touch_at,next_due_at,touch_count")
                                               .split(QLatin1Char(','));
        const QStringList touchHeader = QStringLiteral(
            "prospect_email,prospect_linkedin_url,prospect_name,channel,direction,outcome,"
            "occurred_at,touch_number,notes,author")
                                            .split(QLatin1Char(','));
        QStringList all;
        for (int i = 0; i < 12; ++i)
            all.append(QStringLiteral("Person%1").arg(i));
        all.sort();
        const QStringList globex = {QStringLiteral("Person1"), QStringLiteral("Person10"),
            QStringLiteral("Person4"), QStringLiteral("Person7")};
        const QStringList selected = {QStringLiteral("Person1"), QStringLiteral("Person2")};
        QTest::newRow("prospects: all")
            << QByteArray("exportProspectsAction") << Scope::All << prospectHeader << all;
        QTest::newRow("prospects: shown")
            << QByteArray("exportProspectsAction") << Scope::Shown << prospectHeader << globex;
        QTest::newRow("prospects: selected")
            << QByteArray("exportProspectsAction") << Scope::Selected << prospectHeader << selected;
        // Person1, Person2 and Person4 have one touch each.
        QTest::newRow("touches: all")
            << QByteArray("exportTouchesAction") << Scope::All << touchHeader
            << QStringList {QStringLiteral("p1@globex.example"),
                   QStringLiteral("p2@initech.example"), QStringLiteral("p4@globex.example")};
        QTest::newRow("touches: shown")
            << QByteArray("exportTouchesAction") << Scope::Shown << touchHeader
            << QStringList {
                   QStringLiteral("p1@globex.example"), QStringLiteral("p4@globex.example")};
        QTest::newRow("touches: selected")
            << QByteArray("exportTouchesAction") << Scope::Selected << touchHeader
            << QStringList {
                   QStringLiteral("p1@globex.example"), QStringLiteral("p2@initech.example")};
    }

    void exportsTheChosenProspects()
    {
        QFETCH(QByteArray, action);
        QFETCH(ExportScopeDialog::Scope, scope);
        QFETCH(QStringList, header);
        QFETCH(QStringList, firstColumn);

        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("export.csv"));
        MainWindow window;
        QStringList suggested;
        window.setSaveFileChooser([&](const QString &, const QString &start, const QString &) {
            suggested.append(start);
            return path;
        });
        QVERIFY(showFile(window, file.path()));
        const QDateTime when(QDate(2024, 3, 1), QTime(10, 0), QTimeZone::utc());
        for (const char *name : {"Person1", "Person2", "Person4"})
            logTouch(*window.database(), idOf(window, QString::fromLatin1(name)),
                TouchChannel::Email, TouchOutcome::Sent, when);
        selectProspects(window,
            {idOf(window, QStringLiteral("Person1")), idOf(window, QStringLiteral("Person2"))});
        if (scope == ExportScopeDialog::Scope::Shown) {
            // Person2 is not at Globex: the table shows, and keeps selected, Person1 only.
            child<QLineEdit>(window, "searchField")->setText(QStringLiteral("Globex"));
            QTRY_COMPARE(window.prospectModel()->rowCount(), 4);
        }
        QCOMPARE(window.prospectView()->selectionModel()->selectedRows().size(),
            scope == ExportScopeDialog::Scope::Shown ? 1 : 2);

        QStringList enabled;
        onNextDialog<ExportScopeDialog>(
            QStringLiteral("scope dialog"), [&enabled, scope](ExportScopeDialog *dialog) {
                for (QRadioButton *button : dialog->findChildren<QRadioButton *>()) {
                    if (button->isEnabled())
                        enabled.append(button->objectName());
                }
                dialog->setScope(scope);
                dialog->accept();
            });
        triggerNotingMessages(window, action.constData());
        QCOMPARE(m_messages, QStringList());
        QCOMPARE(enabled.size(), 3);
        QCOMPARE(suggested.size(), 1);
        QVERIFY2(suggested.first().endsWith(QLatin1String(".csv")), qPrintable(suggested.first()));
        QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(path)),
            qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(AppSettings::exportFolder(), folder.path());

        const std::optional<QByteArray> exported = readFile(path);
        QVERIFY(exported);
        QList<CsvRecord> records;
        Error error;
        QVERIFY2(CsvReader::parse(QString::fromUtf8(*exported), QLatin1Char(','), &records, &error),
            qPrintable(error.message));
        QVERIFY(!records.isEmpty());
        QCOMPARE(records.takeFirst().fields, header);
        QStringList values;
        for (const CsvRecord &record : std::as_const(records))
            values.append(record.fields.value(0));
        values.sort();
        QCOMPARE(values, firstColumn);
    }

    void exportScopesThatCoverNobodyCannotBeChosen()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        MainWindow window;
        bool asked = false;
        window.setSaveFileChooser([&](const QString &, const QString &, const QString &) {
            asked = true;
            return QString();
        });
        QVERIFY(showFile(window, file.path()));
        window.prospectView()->clearSelection();
        child<QLineEdit>(window, "searchField")->setText(QStringLiteral("nobody matches this"));
        QTRY_COMPARE(window.prospectModel()->rowCount(), 0);
        QStringList enabled;
        QString checked;
        onNextDialog<ExportScopeDialog>(
            QStringLiteral("scope dialog"), [&](ExportScopeDialog *dialog) {
                for (QRadioButton *button : dialog->findChildren<QRadioButton *>()) {
                    if (button->isEnabled())
                        enabled.append(button->objectName());
                    if (button->isChecked())
                        checked = button->objectName();
                }
                dialog->reject();
            });
        child<QAction>(window, "exportProspectsAction")->trigger();
        QCOMPARE(enabled, QStringList {QStringLiteral("allScope")});
        QCOMPARE(checked, QStringLiteral("allScope"));
        QVERIFY(!asked);
        QVERIFY(!child<QAction>(window, "exportVCardAction")->isEnabled());
    }

    void exportsSelectedProspectsAsVCards()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        // Without a suffix, the format's is added.
        const QString chosen = folder.filePath(QStringLiteral("cards"));
        MainWindow window;
        answerSaveDialogs(window, chosen);
        QVERIFY(showFile(window, file.path()));
        selectProspects(window,
            {idOf(window, QStringLiteral("Person3")), idOf(window, QStringLiteral("Person5"))});
        triggerNotingMessages(window, "exportVCardAction");
        QCOMPARE(m_messages, QStringList());
        const std::optional<QByteArray> cards = readFile(chosen + QStringLiteral(".vcf"));
        QVERIFY(cards);
        const QString text = QString::fromUtf8(*cards);
        QCOMPARE(text.count(QStringLiteral("BEGIN:VCARD\r\n")), 2);
        QVERIFY(text.contains(QStringLiteral("p3@acme.example")));
        QVERIFY(text.contains(QStringLiteral("p5@initech.example")));
        QVERIFY(!text.contains(QStringLiteral("p4@globex.example")));
        QVERIFY(window.statusBar()->currentMessage().contains(
            QDir::toNativeSeparators(chosen + QStringLiteral(".vcf"))));
    }

    void exportsTheDueTouchesOfTheDueListsOwner_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QStringList>("names");

        QTest::newRow("everyone") << QStringLiteral("Everyone")
                                  << QStringList {QStringLiteral("Owned0"),
                                         QStringLiteral("Owned1"), QStringLiteral("Owned2"),
                                         QStringLiteral("Owned3"), QStringLiteral("Owned4"),
                                         QStringLiteral("Owned5")};
        QTest::newRow("Alice") << QStringLiteral("Alice")
                               << QStringList {QStringLiteral("Owned0"), QStringLiteral("Owned2"),
                                      QStringLiteral("Owned4")};
        QTest::newRow("Bob") << QStringLiteral("Bob")
                             << QStringList {QStringLiteral("Owned1"), QStringLiteral("Owned3")};
    }

    void exportsTheDueTouchesOfTheDueListsOwner()
    {
        QFETCH(QString, owner);
        QFETCH(QStringList, names);

        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fillWithOwners(file.db());
        QList<Cadence> cadences;
        Error error;
        QVERIFY(CadenceRepository(file.db()).list(&cadences, &error));
        QVERIFY(!cadences.isEmpty());
        QList<qint64> ids;
        QVERIFY(ProspectRepository(file.db()).ids(ProspectQuery(), &ids, &error));
        EnrollResult enrolled;
        QVERIFY(
            EnrollmentRepository(file.db()).enroll(cadences.first().id, ids, 0, &enrolled, &error));
        QCOMPARE(enrolled.enrolled.size(), 6);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("due.ics"));
        MainWindow window;
        answerSaveDialogs(window, path);
        QVERIFY(showFile(window, file.path()));
        auto *dueOwner = child<QComboBox>(window, "dueOwnerFilter");
        dueOwner->setCurrentIndex(dueOwner->findText(owner));
        QCOMPARE(dueOwner->currentText(), owner);
        triggerNotingMessages(window, "exportCalendarAction");
        QCOMPARE(m_messages, QStringList());

        const std::optional<QByteArray> calendar = readFile(path);
        QVERIFY(calendar);
        const QString text = QString::fromUtf8(*calendar);
        QVERIFY(text.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\n")));
        QStringList summaries;
        for (const QString &line : text.split(QStringLiteral("\r\n"))) {
            if (line.startsWith(QLatin1String("SUMMARY:")))
                summaries.append(line);
        }
        QCOMPARE(summaries.size(), names.size());
        for (const QString &name : std::as_const(names)) {
            QVERIFY2(std::any_of(summaries.cbegin(), summaries.cend(),
                         [&name](const QString &summary) { return summary.contains(name); }),
                qPrintable(name));
        }
    }

    void exportAsksBeforeReplacingTheFileWithTheSuffix_data()
    {
        QTest::addColumn<bool>("exists");    // prospects.csv is there before
        QTest::addColumn<QString>("answer"); // the button clicked when asked; empty: not asked
        QTest::addColumn<bool>("replaced");

        QTest::newRow("new file: not asked") << false << QString() << true;
        QTest::newRow("existing file, replaced") << true << QStringLiteral("&Replace") << true;
        QTest::newRow("existing file, kept") << true << QStringLiteral("Cancel") << false;
    }

    void exportAsksBeforeReplacingTheFileWithTheSuffix()
    {
        QFETCH(bool, exists);
        QFETCH(QString, answer);
        QFETCH(bool, replaced);

        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString written = folder.filePath(QStringLiteral("prospects.csv"));
        const QByteArray old("kept\n");
        if (exists) {
            QVERIFY(writeFile(written, old));
        }
        MainWindow window;
        // The save dialog confirmed "prospects", without the suffix.
        answerSaveDialogs(window, folder.filePath(QStringLiteral("prospects")));
        QVERIFY(showFile(window, file.path()));
        QStringList asked;
        QTimer answerer;
        connect(&answerer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked.append(box->text());
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == answer)
                    button->click();
            }
            if (box->isVisible())
                box->close();
        });
        onNextDialog<ExportScopeDialog>(
            QStringLiteral("scope dialog"), [&answerer](ExportScopeDialog *dialog) {
                answerer.start(20);
                dialog->accept();
            });
        child<QAction>(window, "exportProspectsAction")->trigger();
        QVERIFY(backgroundWorkEnded(window));
        answerer.stop();
        QCOMPARE(asked,
            answer.isEmpty() ? QStringList()
                             : QStringList {QStringLiteral("%1 already exists. Replace it?")
                                                .arg(QDir::toNativeSeparators(written))});
        QCOMPARE(QFileInfo::exists(written), exists || replaced);
        const std::optional<QByteArray> contents = readFile(written);
        QVERIFY(contents);
        QCOMPARE(*contents == old, !replaced);
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("prospects"))));
    }

    void importAndExportHaveTheirOwnShortcuts_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QKeySequence>("keys");

        QTest::newRow("import touch history")
            << QByteArray("importTouchesAction") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H);
        QTest::newRow("export prospects") << QByteArray("exportProspectsAction")
                                          << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X);
        QTest::newRow("export touches")
            << QByteArray("exportTouchesAction") << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    }

    void importAndExportHaveTheirOwnShortcuts()
    {
        QFETCH(QByteArray, action);
        QFETCH(QKeySequence, keys);

        MainWindow window;
        QCOMPARE(child<QAction>(window, action.constData())->shortcut(), keys);
        // No other action of the window answers the same keys; the Due tab's
        // answer only while it has the focus.
        QStringList sharing;
        for (const QAction *other : window.findChildren<QAction *>()) {
            if (other->objectName() != QLatin1String(action)
                && other->shortcutContext() == Qt::WindowShortcut
                && other->shortcuts().contains(keys))
                sharing.append(other->objectName());
        }
        QCOMPARE(sharing, QStringList());
    }

    void touchFileWithNoGoodRowListsEveryProblem()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        const QString path = fillWithTouchHistory(file,
            {"p1@globex.example,carrier pigeon,out,sent,2024-03-01T10:00:00Z,",
                "p2@globex.example,email,out,sent,yesterday,",
                "p4@globex.example,smoke signal,out,sent,2024-03-01T10:00:00Z,"});
        QVERIFY(!path.isEmpty());
        MainWindow window;
        answerOpenDialogs(window, path);
        QVERIFY(showFile(window, file.path()));
        QString detailed;
        QTimer::singleShot(0, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_messages.append(box->text());
                detailed = box->detailedText();
                box->close();
            }
        });
        child<QAction>(window, "importTouchesAction")->trigger();
        QCOMPARE(m_messages,
            QStringList {QStringLiteral("No row of %1 can be imported.")
                             .arg(QDir::toNativeSeparators(path))});
        const QStringList lines = detailed.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).startsWith(QStringLiteral("Line %1: ").arg(i + 2)),
                qPrintable(lines.at(i)));
    }

    void exportFailureNamesTheFile()
    {
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        fill(file.db());
        const QString path = file.dirPath() + QStringLiteral("/gone/prospects.csv");
        MainWindow window;
        answerSaveDialogs(window, path);
        QVERIFY(showFile(window, file.path()));
        onNextDialog<ExportScopeDialog>(
            QStringLiteral("scope dialog"), [](ExportScopeDialog *dialog) { dialog->accept(); });
        triggerNotingMessages(window, "exportProspectsAction");
        QCOMPARE(m_messages.size(), 1);
        QVERIFY2(m_messages.first().contains(QDir::toNativeSeparators(path)),
            qPrintable(m_messages.first()));
        QVERIFY(!QFileInfo::exists(path));
    }

    void exportCanBeStopped_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<bool>("closeWindow"); // rather than Cancel in the progress dialog

        QTest::newRow("prospects, cancelled") << QByteArray("exportProspectsAction") << false;
        QTest::newRow("touches, cancelled") << QByteArray("exportTouchesAction") << false;
        QTest::newRow("prospects, window closed") << QByteArray("exportProspectsAction") << true;
    }

    // The export runs in the background, one at a time; Cancel, or closing the
    // window, stops it and leaves nothing behind. (Both come before the export
    // has read much: tst_exporter stops exports half-way.)
    void exportCanBeStopped()
    {
        QFETCH(QByteArray, action);
        QFETCH(bool, closeWindow);
        Test::TestDatabase file;
        QVERIFY(file.isValid());
        QCOMPARE(
            Test::insertProspectsWithTouches(file.db(), 5000, 1, QDateTime::currentDateTimeUtc())
                .size(),
            5000);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("export.csv"));
        auto window = std::make_unique<MainWindow>();
        answerSaveDialogs(*window, path);
        QVERIFY(showFile(*window, file.path()));
        onNextDialog<ExportScopeDialog>(
            QStringLiteral("scope dialog"), [](ExportScopeDialog *dialog) { dialog->accept(); });
        auto *exportAction = child<QAction>(*window, action.constData());
        exportAction->trigger();
        QVERIFY(!exportAction->isEnabled());
        if (closeWindow) {
            QVERIFY(window->close());
            QVERIFY(backgroundWorkEnded(*window));
        } else {
            auto *progress = window->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
            QVERIFY(progress);
            auto *cancel = progress->findChild<QPushButton *>();
            QVERIFY(cancel);
            cancel->click();
            QVERIFY(backgroundWorkEnded(*window));
            QCOMPARE(window->statusBar()->currentMessage(),
                QStringLiteral("The export to %1 was cancelled; nothing was written.")
                    .arg(QDir::toNativeSeparators(path)));
        }
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        QCOMPARE(m_messages, QStringList());
        QCOMPARE(exportAction->isEnabled(), !closeWindow);
    }

    void withoutAFileOnlyOpeningIsOffered()
    {
        MainWindow window;
        QVERIFY(!window.database());
        QVERIFY(!child<QAction>(window, "addAction")->isEnabled());
        QVERIFY(!child<QAction>(window, "deleteAction")->isEnabled());
        QVERIFY(child<QAction>(window, "openAction")->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
