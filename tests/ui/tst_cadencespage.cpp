// The cadence editor page, driven as a user would: ui/CadencesPage.h on a new
// file, which holds the two default cadences.

#include "CadencesPage.h"
#include "StepEditor.h"
#include "StepPreview.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "commands/CadenceEditor.h"
#include "itemmodels/CadenceStepsModel.h"
#include "storage/CadenceRepository.h"
#include "storage/ProspectRepository.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimeEdit>
#include <QUndoStack>

using namespace Touchline;

class TestCadencesPage : public QObject
{
    Q_OBJECT

private:
    template<typename T> T *child(const char *name) const
    {
        T *found = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    QListWidget *cadenceList() const { return child<QListWidget>("cadenceList"); }
    QListView *stepsView() const { return child<QListView>("stepsView"); }
    QPlainTextEdit *body() const { return child<QPlainTextEdit>("stepBody"); }
    QListWidget *advice() const { return child<QListWidget>("adviceList"); }

    Cadence stored(qint64 id) const
    {
        Error error;
        const std::optional<Cadence> cadence = CadenceRepository(m_file->db()).get(id, &error);
        if (!cadence)
            qWarning().noquote() << error.message;
        return cadence.value_or(Cadence());
    }
    Cadence current() const { return stored(m_page->currentCadenceId()); }

    void selectRow(int row) { stepsView()->setCurrentIndex(m_page->stepsModel()->index(row)); }

    void createPage()
    {
        m_page = std::make_unique<CadencesPage>(m_file->db(), m_stack.get());
        m_page->resize(1300, 820);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    QStringList adviceTexts() const
    {
        QStringList texts;
        for (int row = 0; row < advice()->count(); ++row)
            texts.append(advice()->item(row)->text());
        return texts;
    }

    std::unique_ptr<Test::TestDatabase> m_file;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<CadencesPage> m_page;
    qint64 m_prospectId = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TouchlineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_cadencespage"));
        QSettings().clear();
        installTranslations();
    }

    void init()
    {
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
        Prospect zoe = Test::makeProspect(QStringLiteral("Zoé"), QStringLiteral("Martin"),
            QStringLiteral("Acme"), QStringLiteral("zoe@acme.example"));
        Error error;
        QVERIFY2(ProspectRepository(m_file->db()).add(&zoe, &error), qPrintable(error.message));
        m_prospectId = zoe.id;
        m_stack = std::make_unique<QUndoStack>();
        createPage();
    }

    void cleanup()
    {
        m_page.reset();
        m_stack.reset();
        m_file.reset();
    }

    void showsTheDefaultCadences()
    {
        QCOMPARE(cadenceList()->count(), 2);
        QCOMPARE(cadenceList()->item(0)->text(), QStringLiteral("Respectful six-step"));
        QCOMPARE(cadenceList()->currentRow(), 0);
        QCOMPARE(child<QLineEdit>("cadenceName")->text(), QStringLiteral("Respectful six-step"));
        QCOMPARE(m_page->stepsModel()->rowCount(), 6);
        QCOMPARE(stepsView()->currentIndex().row(), 0);
        QCOMPARE(child<QLineEdit>("stepPurpose")->text(),
            QStringLiteral("Light touch: introduce yourself and one reason to talk"));
        QVERIFY(body()->toPlainText().startsWith(QStringLiteral("Hi {{first_name}},")));
        QVERIFY(child<QPlainTextEdit>("stepSubject")->isVisible()); // an email
        QVERIFY(cadenceList()
                    ->item(0)
                    ->data(Qt::UserRole + 100)
                    .toString()
                    .contains(QStringLiteral("6 steps")));

        cadenceList()->setCurrentRow(1);
        QCOMPARE(child<QLineEdit>("cadenceName")->text(), QStringLiteral("Three-touch 3-7-14"));
        QCOMPARE(m_page->stepsModel()->rowCount(), 3);
        selectRow(1); // a call: talking points, no subject
        QCOMPARE(
            child<QComboBox>("stepChannel")->currentData().toString(), QStringLiteral("phone"));
        QVERIFY(!child<QPlainTextEdit>("stepSubject")->isVisible());
        QCOMPARE(child<QSpinBox>("stepWait")->value(), 7);
        QVERIFY(child<QCheckBox>("stepBusinessDays")->isChecked());
        QCOMPARE(child<QTimeEdit>("stepWindowStart")->time(), QTime(14, 0));
        QCOMPARE(m_stack->count(), 0); // looking changes nothing
    }

    void addStepWithInsertThenUndo()
    {
        const qint64 id = m_page->currentCadenceId();
        selectRow(5);
        stepsView()->setFocus();
        QTest::keyClick(stepsView(), Qt::Key_Insert);
        QCOMPARE(stored(id).steps.size(), 7);
        QCOMPARE(m_page->stepsModel()->rowCount(), 7);
        QCOMPARE(stepsView()->currentIndex().row(), 6); // the new step is selected
        const Cadence added = stored(id);
        QCOMPARE(m_page->currentStepId(), added.steps.at(6).id);
        QCOMPARE(added.steps.at(6).channel, TouchChannel::Email);
        QVERIFY(added.steps.at(6).body.contains(QStringLiteral("no thanks")));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Add step 7"));

        m_stack->undo();
        QCOMPARE(stored(id).steps.size(), 6);
        QCOMPARE(m_page->stepsModel()->rowCount(), 6);
        m_stack->redo();
        QCOMPARE(stored(id).steps.size(), 7);
        QCOMPARE(stored(id).steps.at(6).id, added.steps.at(6).id);
        QCOMPARE(m_page->stepsModel()->rowCount(), 7);
    }

    void editTheWait()
    {
        const qint64 id = m_page->currentCadenceId();
        selectRow(1);
        QSpinBox *wait = child<QSpinBox>("stepWait");
        QCOMPARE(wait->value(), 3);
        wait->setFocus();
        wait->selectAll();
        QTest::keyClicks(wait, QStringLiteral("14"));
        QCOMPARE(stored(id).steps.at(1).waitDays, 3); // not on each key
        QTest::keyClick(wait, Qt::Key_Enter);
        QCOMPARE(stored(id).steps.at(1).waitDays, 14);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Edit step 2 wait"));
        QCOMPARE(m_page->stepsModel()->index(1).data(CadenceStepsModel::WaitDaysRole).toInt(), 14);

        // Arrow presses while the field keeps the focus continue the same change.
        QTest::keyClick(wait, Qt::Key_Up);
        QCOMPARE(stored(id).steps.at(1).waitDays, 15);
        QCOMPARE(m_stack->count(), 1);
        // Coming back to the field is another change.
        stepsView()->setFocus();
        wait->setFocus();
        QTest::keyClick(wait, Qt::Key_Up);
        QTest::keyClick(wait, Qt::Key_Down);
        QTest::keyClick(wait, Qt::Key_Up);
        QCOMPARE(stored(id).steps.at(1).waitDays, 16);
        QCOMPARE(m_stack->count(), 2);

        m_stack->undo();
        QCOMPARE(stored(id).steps.at(1).waitDays, 15);
        QCOMPARE(wait->value(), 15);
        m_stack->undo();
        QCOMPARE(stored(id).steps.at(1).waitDays, 3);
        QCOMPARE(wait->value(), 3);
        m_stack->redo();
        QCOMPARE(wait->value(), 15);

        child<QCheckBox>("stepBusinessDays")->click(); // was on for step 2
        QVERIFY(!stored(id).steps.at(1).businessDays);
        child<QCheckBox>("stepAnyTime")->click();
        QVERIFY(!stored(id).steps.at(1).hasWindow());
        QCOMPARE(m_stack->count(), 3);
    }

    void reorderWithTheKeyboard()
    {
        const qint64 id = m_page->currentCadenceId();
        const QList<CadenceStep> original = stored(id).steps;
        selectRow(0);
        stepsView()->setFocus();
        QTest::keyClick(stepsView(), Qt::Key_Down, Qt::AltModifier);
        QList<CadenceStep> now = stored(id).steps;
        QCOMPARE(now.at(0).id, original.at(1).id);
        QCOMPARE(now.at(1).id, original.at(0).id);
        QCOMPARE(m_page->currentStepId(), original.at(0).id); // the moved step stays selected
        QCOMPARE(stepsView()->currentIndex().row(), 1);
        QTest::keyClick(stepsView(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(stored(id).steps.at(2).id, original.at(0).id);
        QTest::keyClick(stepsView(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(stored(id).steps.at(1).id, original.at(0).id);
        QCOMPARE(m_stack->count(), 3);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Move step 3 to position 2"));

        // The first step cannot move up.
        selectRow(0);
        QVERIFY(!m_page->moveStepUpAction()->isEnabled());
        QTest::keyClick(stepsView(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(m_stack->count(), 3);

        while (m_stack->canUndo())
            m_stack->undo();
        now = stored(id).steps;
        for (int i = 0; i < original.size(); ++i)
            QCOMPARE(now.at(i).id, original.at(i).id);
        QCOMPARE(m_page->stepsModel()->index(0).data(CadenceStepsModel::StepIdRole).toLongLong(),
            original.at(0).id);
        m_stack->redo();
        QCOMPARE(stored(id).steps.at(0).id, original.at(1).id);
    }

    void dragAndDropMoves()
    {
        const qint64 id = m_page->currentCadenceId();
        const QList<CadenceStep> original = stored(id).steps;
        CadenceStepsModel *model = m_page->stepsModel();
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(5)}));
        QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QCOMPARE(stored(id).steps.first().id, original.at(5).id);
        QCOMPARE(m_stack->count(), 1);
        m_stack->undo();
        QCOMPARE(stored(id).steps.first().id, original.at(0).id);
    }

    void deleteRemovesAStepWithUndo()
    {
        const qint64 id = m_page->currentCadenceId();
        const QList<CadenceStep> original = stored(id).steps;
        QSignalSpy status(m_page.get(), &CadencesPage::statusMessage);
        selectRow(2);
        stepsView()->setFocus();
        QTest::keyClick(stepsView(), Qt::Key_Delete);
        QCOMPARE(stored(id).steps.size(), 5);
        QCOMPARE(m_page->stepsModel()->rowCount(), 5);
        QCOMPARE(stepsView()->currentIndex().row(), 2); // the next step is selected
        QCOMPARE(status.count(), 1);
        QVERIFY(status.first().first().toString().startsWith(QStringLiteral("Removed step 3.")));
        m_stack->undo();
        QCOMPARE(stored(id).steps.size(), 6);
        QCOMPARE(stored(id).steps.at(2).id, original.at(2).id);
        QCOMPARE(m_page->currentStepId(), original.at(2).id); // undo shows what it put back
    }

    void typingIsOneUndoStep()
    {
        const qint64 id = m_page->currentCadenceId();
        const QString before = stored(id).steps.first().body;
        selectRow(0);
        body()->setFocus();
        body()->moveCursor(QTextCursor::End);
        QTest::keyClicks(body(), QStringLiteral(" PS"));
        QCOMPARE(stored(id).steps.first().body, before); // not stored on each key
        // A pause stores what was typed...
        QTRY_COMPARE_WITH_TIMEOUT(
            stored(id).steps.first().body, before + QStringLiteral(" PS"), 5000);
        QTest::keyClicks(body(), QStringLiteral(": more"));
        // ...and so does leaving the field.
        child<QLineEdit>("stepPurpose")->setFocus();
        QCOMPARE(stored(id).steps.first().body, before + QStringLiteral(" PS: more"));
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(m_stack->undoText(), QStringLiteral("Edit step 1 message"));
        m_stack->undo();
        QCOMPARE(stored(id).steps.first().body, before);
        QCOMPARE(body()->toPlainText(), before);

        // The purpose is its own undo step.
        QLineEdit *purpose = child<QLineEdit>("stepPurpose");
        purpose->selectAll();
        QTest::keyClicks(purpose, QStringLiteral("Hello"));
        body()->setFocus();
        QCOMPARE(stored(id).steps.first().purpose, QStringLiteral("Hello"));
        QCOMPARE(m_stack->undoText(), QStringLiteral("Edit step 1 purpose"));
    }

    void previewFillsInTheProspect()
    {
        StepPreview *preview = child<StepPreview>("stepPreview");
        QCOMPARE(preview->prospectId(), m_prospectId); // the first real prospect
        selectRow(0);
        QString text = preview->renderedText();
        QVERIFY2(text.contains(QStringLiteral("Hi Zoé,")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Subject: Acme and a quick idea")));
        // Zoé has no title: the gap shows, and is named below.
        QVERIFY(text.contains(QStringLiteral("[title]")));
        QLabel *issues = child<QLabel>("previewIssues");
        QVERIFY(issues->isVisible());
        QVERIFY(issues->text().contains(QStringLiteral("title")));

        // An unknown placeholder is shown as written, and named.
        body()->setFocus();
        body()->moveCursor(QTextCursor::End);
        QTest::keyClicks(body(), QStringLiteral(" {{frist_name}}"));
        text = preview->renderedText();
        QVERIFY(text.contains(QStringLiteral("{{frist_name}}")));
        QVERIFY(issues->text().contains(QStringLiteral("{{frist_name}}")));

        // The example prospect fills everything in.
        QComboBox *prospects = child<QComboBox>("previewProspect");
        prospects->setCurrentIndex(0);
        QVERIFY(preview->renderedText().contains(QStringLiteral("Hi Camille,")));
        QVERIFY(!preview->renderedText().contains(QStringLiteral("[title]")));

        // The search finds prospects, and picks the first it finds.
        QLineEdit *search = child<QLineEdit>("previewSearch");
        QTest::keyClicks(search, QStringLiteral("nobody"));
        QTRY_COMPARE(prospects->count(), 1); // the example only
        search->clear();
        QTest::keyClicks(search, QStringLiteral("acme"));
        QTRY_COMPARE(preview->prospectId(), m_prospectId);
        QCOMPARE(prospects->count(), 2);

        // The scheduling link fills {{scheduling_link}} (step 3 uses it).
        m_page->setSchedulingLink(QStringLiteral("https://cal.example/me"));
        selectRow(2);
        QVERIFY2(preview->renderedText().contains(QStringLiteral("https://cal.example/me")),
            qPrintable(preview->renderedText()));
    }

    void adviceWhenTheOptOutLineGoes()
    {
        selectRow(0);
        QVERIFY(!adviceTexts().join(QLatin1Char('\n')).contains(QStringLiteral("opt-out")));
        body()->setFocus();
        body()->selectAll();
        QTest::keyClicks(
            body(), QStringLiteral("Hi {{first_name}}, shall we talk? {{sender_name}}"));
        // At once, before anything is stored: the advice teaches while typing.
        QVERIFY2(adviceTexts().join(QLatin1Char('\n')).contains(QStringLiteral("Step 1")),
            qPrintable(adviceTexts().join(QLatin1Char('\n'))));
        int optOut = -1;
        for (int row = 0; row < advice()->count(); ++row) {
            if (advice()->item(row)->text().contains(QStringLiteral("opt-out")))
                optOut = row;
        }
        QVERIFY(optOut >= 0);
        QVERIFY(!m_page->stepsModel()
                     ->index(0)
                     .data(CadenceStepsModel::WarningsRole)
                     .toStringList()
                     .isEmpty());
        // A warning blocks nothing: the text is stored.
        stepsView()->setFocus();
        QCOMPARE(current().steps.first().body,
            QStringLiteral("Hi {{first_name}}, shall we talk? {{sender_name}}"));

        // Clicking a warning shows its step.
        selectRow(3);
        QListWidgetItem *item = nullptr;
        for (int row = 0; row < advice()->count(); ++row) {
            if (advice()->item(row)->text().contains(QStringLiteral("opt-out")))
                item = advice()->item(row);
        }
        QVERIFY(item);
        const QRect rect = advice()->visualItemRect(item);
        QTest::mouseClick(advice()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(stepsView()->currentIndex().row(), 0);
    }

    void readOnlyBlocksEdits()
    {
        m_page->setReadOnly(true);
        for (QAction *action : {m_page->newCadenceAction(), m_page->duplicateCadenceAction(),
                 m_page->renameCadenceAction(), m_page->archiveCadenceAction(),
                 m_page->addStepAction(), m_page->removeStepAction(), m_page->moveStepUpAction(),
                 m_page->moveStepDownAction()})
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        selectRow(1);
        QVERIFY(!child<QComboBox>("stepChannel")->isEnabled());
        QVERIFY(!child<QSpinBox>("stepWait")->isEnabled());
        QVERIFY(body()->isReadOnly());
        QVERIFY(child<QLineEdit>("stepPurpose")->isReadOnly());
        QVERIFY(child<QLineEdit>("cadenceName")->isReadOnly());
        QVERIFY(
            !(m_page->stepsModel()->flags(m_page->stepsModel()->index(0)) & Qt::ItemIsDragEnabled));

        stepsView()->setFocus();
        QTest::keyClick(stepsView(), Qt::Key_Insert);
        QTest::keyClick(stepsView(), Qt::Key_Delete);
        QTest::keyClick(stepsView(), Qt::Key_Down, Qt::AltModifier);
        body()->setFocus();
        QTest::keyClicks(body(), QStringLiteral("typed"));
        QTest::qWait(StepEditor::typingPauseMs + 200);
        stepsView()->setFocus();
        QCOMPARE(m_stack->count(), 0);
        QCOMPARE(current().steps.size(), 6);

        // Reading still works: another cadence, its preview and advice.
        cadenceList()->setCurrentRow(1);
        QCOMPARE(m_page->stepsModel()->rowCount(), 3);
        QVERIFY(child<StepPreview>("stepPreview")->renderedText().contains(QStringLiteral("Zoé")));

        m_page->setReadOnly(false);
        QVERIFY(m_page->addStepAction()->isEnabled());
        QVERIFY(!body()->isReadOnly());
    }

    void createRenameDuplicateArchive()
    {
        // New: a first step to start from, and the name ready to type over.
        m_page->newCadenceAction()->trigger();
        QCOMPARE(cadenceList()->count(), 3);
        const qint64 id = m_page->currentCadenceId();
        QCOMPARE(stored(id).name, QStringLiteral("New cadence"));
        QCOMPARE(stored(id).steps.size(), 1);
        QLineEdit *name = child<QLineEdit>("cadenceName");
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Warm leads"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(stored(id).name, QStringLiteral("Warm leads"));
        QCOMPARE(cadenceList()->currentItem()->text(), QStringLiteral("Warm leads"));
        QCOMPARE(m_stack->count(), 2);

        // A taken name is refused, said, and nothing changes.
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Three-touch 3-7-14"));
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(child<QWidget>("errorBanner")->isVisible());
        QCOMPARE(stored(id).name, QStringLiteral("Warm leads"));
        QCOMPARE(m_stack->count(), 2);

        m_page->duplicateCadenceAction()->trigger();
        QCOMPARE(cadenceList()->count(), 4);
        QCOMPARE(stored(m_page->currentCadenceId()).name, QStringLiteral("Warm leads (copy)"));
        m_stack->undo();
        QCOMPARE(cadenceList()->count(), 3);

        // Archiving keeps the cadence listed, dimmed, while it is selected.
        m_page->selectCadence(id);
        m_page->archiveCadenceAction()->trigger();
        QVERIFY(stored(id).archived);
        QCOMPARE(cadenceList()->count(), 3);
        QCOMPARE(m_page->archiveCadenceAction()->text(), QStringLiteral("Un&archive"));
        QVERIFY(cadenceList()->currentItem()->data(Qt::ForegroundRole).isValid());
        cadenceList()->setCurrentRow(0);
        QCOMPARE(cadenceList()->count(), 2); // hidden once left
        child<QCheckBox>("showArchived")->setChecked(true);
        QCOMPARE(cadenceList()->count(), 3);
        // Undo shows what it restores.
        m_stack->undo();
        QVERIFY(!stored(id).archived);
        QCOMPARE(m_page->currentCadenceId(), id);

        // Undo all the way: the new cadence is removed again.
        while (m_stack->canUndo())
            m_stack->undo();
        QVERIFY(!CadenceRepository(m_file->db()).get(id, nullptr));
        QCOMPARE(cadenceList()->count(), 2);
    }

    void emptyFileOffersToCreate()
    {
        m_page.reset();
        CadenceRepository cadences(m_file->db());
        QList<Cadence> all;
        QVERIFY(cadences.list(&all, nullptr));
        for (const Cadence &cadence : std::as_const(all))
            QVERIFY(cadences.remove(cadence.id, nullptr));
        createPage();
        QLabel *empty = child<QLabel>("emptyTitle");
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No cadences yet"));
        QVERIFY(!stepsView()->isVisible());
        child<QPushButton>("emptyNewCadence")->click();
        QVERIFY(!empty->isVisible());
        QCOMPARE(cadenceList()->count(), 1);
        QCOMPARE(m_page->stepsModel()->rowCount(), 1);
        m_stack->undo();
        QVERIFY(empty->isVisible());
    }

    void teammateChangeIsNotOverwritten()
    {
        const qint64 id = m_page->currentCadenceId();
        std::unique_ptr<Database> second = m_file->openSecondConnection();
        QVERIFY(second);
        CadenceRepository theirs(*second);
        Cadence teammate = *theirs.get(id, nullptr);
        teammate.steps[1].waitDays = 9;
        Error error;
        QVERIFY2(theirs.save(&teammate, teammate.updatedAt, nullptr, {}, &error),
            qPrintable(error.message));

        selectRow(1);
        QSpinBox *wait = child<QSpinBox>("stepWait");
        wait->setFocus();
        QTest::keyClick(wait, Qt::Key_Up);
        QCOMPARE(stored(id).steps.at(1).waitDays, 9); // theirs stays
        QVERIFY(child<QWidget>("errorBanner")->isVisible());
        QVERIFY(child<QLabel>("errorText")->text().contains(QStringLiteral("someone else")));
        QCOMPARE(m_stack->count(), 0);
        QCOMPARE(wait->value(), 4); // what I typed stays in the form

        // Reload shows theirs, and editing works again.
        child<QPushButton>("reloadButton")->click();
        QCOMPARE(wait->value(), 9);
        QVERIFY(!child<QWidget>("errorBanner")->isVisible());
        wait->setFocus();
        QTest::keyClick(wait, Qt::Key_Up);
        QCOMPARE(stored(id).steps.at(1).waitDays, 10);
    }
};

QTEST_MAIN(TestCadencesPage)
#include "tst_cadencespage.moc"
