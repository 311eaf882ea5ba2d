#include "MainWindow.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "itemmodels/ProspectTableModel.h"
#include "storage/ProspectRepository.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Touchline;

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
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_messages.append(box->text());
                box->close();
            }
        });
    }

    QStringList m_messages;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations();
    }
    void init() { m_messages.clear(); }

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
        QFile text(notADatabase);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("these are my notes, not a database\n");
        text.close();
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
        QVERIFY(window.openDatabase(file.path(), Database::Creation::MustExist, nullptr));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
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
