#include "ProspectConflictDialog.h"
#include "ProspectDialog.h"

#include <QApplication>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

class TestProspectConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void showsEachConflictingField();
    void choices_data();
    void choices();
    void formRebaseKeepsTypedInput();

private:
    Prospect m_base;
    Prospect m_mine;
    Prospect m_theirs;
};

void TestProspectConflictDialog::init()
{
    m_base = {};
    m_base.id = 7;
    m_base.firstName = QStringLiteral("Ann");
    m_base.lastName = QStringLiteral("Smith");
    m_base.company = QStringLiteral("Initech");
    m_base.phone = QStringLiteral("+44 20 7946 0000");
    m_base.rowVersion = 4;
    // Mine: company and title; theirs: company, phone and status.
    m_mine = m_base;
    m_mine.company = QStringLiteral("Acme");
    m_mine.title = QStringLiteral("CTO");
    m_theirs = m_base;
    m_theirs.company = QStringLiteral("Globex");
    m_theirs.phone = QStringLiteral("+44 20 7946 0999");
    m_theirs.status = ProspectStatus::Won;
    m_theirs.rowVersion = 5;
    m_theirs.updatedByName = QStringLiteral("Maya");
    m_theirs.updatedAt = QDateTime(QDate(2026, 12, 5), QTime(9, 30), QTimeZone::utc());
}

void TestProspectConflictDialog::showsEachConflictingField()
{
    m_mine.status = ProspectStatus::Lost;
    ProspectConflictDialog dialog(m_base, m_mine, m_theirs);
    QCOMPARE(
        dialog.conflicts(), (QList<ProspectField> {ProspectField::Company, ProspectField::Status}));
    auto *table = dialog.findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), fieldDisplayName(ProspectField::Company));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Acme"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Globex"));
    QCOMPARE(table->item(1, 1)->text(), statusDisplayName(ProspectStatus::Lost));
    QCOMPARE(table->item(1, 2)->text(), statusDisplayName(ProspectStatus::Won));
    QVERIFY(table->horizontalHeaderItem(2)->text().contains(QLatin1String("Maya")));
    // Enter must not overwrite anyone: the default is to go back.
    QVERIFY(dialog.button(ProspectConflictDialog::Choice::EditAgain)->isDefault());

    // docs/screenshots/conflict.png comes from here.
    const QString shot = qEnvironmentVariable("TOUCHLINE_SCREENSHOT");
    if (!shot.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(shot));
    }
}

void TestProspectConflictDialog::choices_data()
{
    QTest::addColumn<ProspectConflictDialog::Choice>("choice");
    QTest::addColumn<int>("key"); // pressed instead of clicking the choice's button
    QTest::addColumn<int>("result");
    QTest::addColumn<QString>("savedCompany");

    using Choice = ProspectConflictDialog::Choice;
    QTest::newRow("keep mine") << Choice::KeepMine << 0 << int(QDialog::Accepted)
                               << QStringLiteral("Acme");
    QTest::newRow("keep theirs") << Choice::KeepTheirs << 0 << int(QDialog::Accepted)
                                 << QStringLiteral("Globex");
    QTest::newRow("back to editing")
        << Choice::EditAgain << 0 << int(QDialog::Rejected) << QString();
    QTest::newRow("escape") << Choice::EditAgain << int(Qt::Key_Escape) << int(QDialog::Rejected)
                            << QString();
    // Enter must not overwrite anyone's work.
    QTest::newRow("return") << Choice::EditAgain << int(Qt::Key_Return) << int(QDialog::Rejected)
                            << QString();
}

void TestProspectConflictDialog::choices()
{
    QFETCH(ProspectConflictDialog::Choice, choice);
    QFETCH(int, key);
    QFETCH(int, result);
    QFETCH(QString, savedCompany);

    ProspectConflictDialog dialog(m_base, m_mine, m_theirs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (key != 0)
        QTest::keyClick(dialog.focusWidget(), Qt::Key(key));
    else
        dialog.button(choice)->click();
    QCOMPARE(dialog.result(), result);
    QCOMPARE(dialog.choice(), choice);
    if (choice == ProspectConflictDialog::Choice::EditAgain)
        return;
    const Prospect saved = dialog.prospectToSave();
    QCOMPARE(saved.company, savedCompany);
    // My other change and theirs are both kept, whichever wins the conflict.
    QCOMPARE(saved.title, QStringLiteral("CTO"));
    QCOMPARE(saved.phone, m_theirs.phone);
    QCOMPARE(saved.status, ProspectStatus::Won);
    QCOMPARE(saved.rowVersion, m_theirs.rowVersion);
}

void TestProspectConflictDialog::formRebaseKeepsTypedInput()
{
    ProspectDialog form(m_base, {}, {});
    form.setInput(m_mine);
    QCOMPARE(form.prospect().company, QStringLiteral("Acme"));

    form.rebase(m_theirs);
    QCOMPARE(form.original(), m_theirs);
    const Prospect shown = form.prospect();
    QCOMPARE(shown.company, QStringLiteral("Acme")); // typed: kept
    QCOMPARE(shown.title, QStringLiteral("CTO"));
    QCOMPARE(shown.phone, m_theirs.phone); // untouched: theirs now
    QCOMPARE(shown.status, ProspectStatus::Won);
    QCOMPARE(changedFields(form.original(), shown),
        (QList<ProspectField> {ProspectField::Company, ProspectField::Title}));
}

QTEST_MAIN(TestProspectConflictDialog)
#include "tst_prospectconflictdialog.moc"
